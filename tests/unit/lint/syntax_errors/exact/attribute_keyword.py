x = a.None
