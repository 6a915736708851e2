for x in []:
    def f():
        break
