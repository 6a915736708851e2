from typing import Any


def f(self, default: Any = None, *args: Any, **kwargs: Any):
    pass


def g(title: str = "", **markup: bool) -> None:
    pass
