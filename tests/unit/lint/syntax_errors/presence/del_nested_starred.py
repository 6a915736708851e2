del a, (*b,)
