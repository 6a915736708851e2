def f(self, test):
    return True(self, *args, **kwargs)
x = None(a=1)
