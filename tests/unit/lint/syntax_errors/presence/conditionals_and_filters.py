x = [a if b else c for d in e if f]
y = a if (b if c else d) else e
for x in a if b else c:
    pass
z = [i for i in range(3) if i if i > 0]
