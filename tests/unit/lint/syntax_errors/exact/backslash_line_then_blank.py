class StreamReader(Codec):
    \

### module API

def getregentry():
    return 1
