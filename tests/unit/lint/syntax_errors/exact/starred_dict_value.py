merged = {key: *values}
