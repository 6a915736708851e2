(a, [b, (c, *d)]), e = x
del (a, [b, c.d]), e[0]
with a as (b, *c): pass
