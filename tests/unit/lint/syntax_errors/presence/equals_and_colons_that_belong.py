x = (lambda x=1: x)
y = [lambda a, b=2: a]
def f(a: int = 1, *, b: str = "x") -> None: pass
z = f(a)(b=1)
w = a[lambda: 1]
