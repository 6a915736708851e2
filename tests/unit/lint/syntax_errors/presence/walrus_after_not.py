if not x := 1: pass
