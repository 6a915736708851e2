base = [n.clone() for lambda in base]
