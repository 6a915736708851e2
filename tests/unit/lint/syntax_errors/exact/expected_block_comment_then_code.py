while True:
    # wait
break
