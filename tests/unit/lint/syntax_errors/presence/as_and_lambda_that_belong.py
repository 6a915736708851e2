with (open(a) as f, open(b) as g):
    pass
x = 1, lambda: 2
y = lambda a=(1, lambda: 2): a
class A: (x): int
