def f():
    nonlocal g(1)
