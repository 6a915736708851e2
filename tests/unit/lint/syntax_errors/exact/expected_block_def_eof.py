def f(a, b):
    # comment
