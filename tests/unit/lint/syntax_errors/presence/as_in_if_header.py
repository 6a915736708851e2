if a as b: pass
