for x in []:
    pass
else:
    continue
