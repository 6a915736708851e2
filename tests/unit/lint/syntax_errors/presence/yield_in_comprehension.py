squares = [(yield n) for n in range(3)]
