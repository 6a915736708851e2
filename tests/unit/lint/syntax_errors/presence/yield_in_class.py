class C:
    x = yield
    await x
