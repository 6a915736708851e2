def g():
    x = yield 1
    f((yield))
    w += yield
    return (yield 1)
