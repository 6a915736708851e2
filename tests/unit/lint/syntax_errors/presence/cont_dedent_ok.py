if True:
  print(1+
1)
