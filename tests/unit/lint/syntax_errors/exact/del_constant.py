del a, True
