print(file=f, x)
