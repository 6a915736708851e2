p, lambda: (yield) = x
