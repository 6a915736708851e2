x = 1 2  # noqa
