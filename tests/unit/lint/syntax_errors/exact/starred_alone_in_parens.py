values = (*rest)
