print(yield x)
