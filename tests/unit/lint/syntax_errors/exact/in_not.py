if action in not ("graft", "prune"):
    pass
