class T:
    def joinpath(self, *descendants: StrPath: *Ts) -> "Traversable":
        pass
