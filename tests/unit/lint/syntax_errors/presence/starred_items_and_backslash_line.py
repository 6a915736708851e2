for (*(_, lines),) in objects:
    pass
auth = *"Basic ", + encode(user)
check = b"RIFF"


def test_wav(h, f):
    \
    import wave
    return wave
