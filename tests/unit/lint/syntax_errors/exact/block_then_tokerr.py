if x:
y = 'abc
