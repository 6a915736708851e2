x = a & lambda: 0
