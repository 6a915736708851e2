def f():
    print else ("recursing down:")
