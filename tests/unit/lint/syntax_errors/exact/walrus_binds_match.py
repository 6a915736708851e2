match := 1
