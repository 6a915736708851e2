total = base + *extra
