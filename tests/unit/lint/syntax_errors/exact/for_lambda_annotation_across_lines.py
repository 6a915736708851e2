for n in lambda x: int: rest:
    print(n)
