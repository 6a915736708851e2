if not isdir(d):
	        raise Error(
              "x" %
              (a, b))
