x: int = 5; y: str = x; [*f]: Tuple[int, int]
