match w := x,:
    case y if (z := y):
        pass
    case v if z := v:
        pass
match w := x:
    case _:
        pass
