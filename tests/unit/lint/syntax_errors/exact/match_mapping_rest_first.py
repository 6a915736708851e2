match x:
    case {**rest, 'k': v}:
        pass
