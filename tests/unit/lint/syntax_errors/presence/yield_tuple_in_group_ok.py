def f():
    x = (yield a, 0, b)
