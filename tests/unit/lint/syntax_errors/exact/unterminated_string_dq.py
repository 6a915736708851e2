s = f("abc)
