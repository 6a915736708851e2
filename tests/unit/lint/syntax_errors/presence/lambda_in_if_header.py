if (lambda: 1)():
    pass
