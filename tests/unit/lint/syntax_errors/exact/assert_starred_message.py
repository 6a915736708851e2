assert a, \
    *'message'
