try:
    pass
except except (A, B):
    pass
