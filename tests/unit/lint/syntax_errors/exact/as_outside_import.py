return x as y
