x += [a] = b
