pairs = [k for k, in d]
for k, in d:
    print(k, not k, f(*not k))
x = a if b else not c
