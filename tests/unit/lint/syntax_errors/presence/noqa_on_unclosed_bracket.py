x = (1,  # noqa
