def f():
    class C: except
