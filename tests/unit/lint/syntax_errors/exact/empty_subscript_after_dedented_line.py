d.setdefault(k, []).append(member=

    new_nodes ) []
