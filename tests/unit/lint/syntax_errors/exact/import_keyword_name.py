import a, False
