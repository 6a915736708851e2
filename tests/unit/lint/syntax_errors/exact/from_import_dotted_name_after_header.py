def f(s: str, /) -> object: from ..a.b import x.y
