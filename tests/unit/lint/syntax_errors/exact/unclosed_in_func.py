def f():
    return g(1

def h():
    pass
