x += lambda a=1: a
y = f"{a:=^3}{b, c}{ {1: 2}[1] }{d!r:>{w}}"
