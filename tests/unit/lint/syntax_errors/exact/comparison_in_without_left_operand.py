if type(value) not in (type([]), in(())):
    pass
