f = lambda: (await x)
