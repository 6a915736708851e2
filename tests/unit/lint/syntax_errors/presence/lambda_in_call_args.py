import shutil

shutil.copytree("a", "b", ignore=lambda x, y: {"c"})
sorted([], key=lambda a, b=lambda: 1, *c: a)
