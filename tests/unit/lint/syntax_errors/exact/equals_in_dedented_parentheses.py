def f():
    if a:
        return (

    entry = g)
