print x
y = 'abc
