def f(name):
    raise TypeError(f"\{name}() takes a str")
