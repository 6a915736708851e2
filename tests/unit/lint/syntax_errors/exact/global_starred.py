global a, *b
