while x:
foo()
