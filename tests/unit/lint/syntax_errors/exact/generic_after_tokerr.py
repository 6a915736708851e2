y = 'abc
x = 1 2
