match x:
    case [1, *rest]:
        pass
    case _:
        pass
