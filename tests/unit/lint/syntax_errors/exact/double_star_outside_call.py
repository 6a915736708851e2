options = **defaults.copy()
