if x
y = 'abc
