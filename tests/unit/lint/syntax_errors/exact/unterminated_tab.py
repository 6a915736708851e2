	x = 'abc
