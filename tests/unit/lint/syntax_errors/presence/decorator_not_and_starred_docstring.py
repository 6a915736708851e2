@not x
def f():
    *"""Doc."""

    return 1


class A:
    *"""Doc."""

    x = 1
