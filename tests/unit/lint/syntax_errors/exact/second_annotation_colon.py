f().attr: lambda x: int: object = object()
