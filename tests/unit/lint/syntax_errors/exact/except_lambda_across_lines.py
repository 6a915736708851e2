try:
    pass
except lambda x: int: ValueError:
    pass
