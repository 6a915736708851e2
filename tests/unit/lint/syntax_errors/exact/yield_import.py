def rows(r):
    yield import ("{0};".format(r))
