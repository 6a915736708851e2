a, *b, *c = range(3)
