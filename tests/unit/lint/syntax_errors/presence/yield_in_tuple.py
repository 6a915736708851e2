x = ('A', yield)
