def f(x: lambda: 0 = None): pass
