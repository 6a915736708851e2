del [a for a in b]
