def gen():
    x = 1 + yield
