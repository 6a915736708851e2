x, = [1]
for k, in [(1,)]:
    pass
