parts = [p for p in parts[1: import -1] if p]
