f = (
    lambda name, lambda: name in ("SIG_BLOCK",))
