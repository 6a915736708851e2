match x:
    case P(y=1, 2):
        pass
