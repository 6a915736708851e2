def f(a: D[s] + 1, b: D[s][t]) -> D[s] ** 2:
    x: D[s] if a else b = 1
