@d := null
def f(x):
    pass
