x = lambda a, b, /: a + b
f(lambda a, /, b=2: a)
