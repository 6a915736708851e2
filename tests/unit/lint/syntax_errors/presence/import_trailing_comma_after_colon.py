def f(c): from a import y,
