m = 5 % (o, d:
    e)
