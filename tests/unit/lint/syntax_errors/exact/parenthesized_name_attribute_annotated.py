(f).new_attr: object = object()
