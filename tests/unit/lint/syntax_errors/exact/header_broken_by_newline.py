if a
        or b:
    pass
