async def f():
    await ;
