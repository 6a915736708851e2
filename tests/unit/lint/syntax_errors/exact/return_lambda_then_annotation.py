class Message:
    def __iter__(self) -> lambda x: int: Iterator[str]:
        ...  # pragma: no cover
