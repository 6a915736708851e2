try:
    pass
except* ValueError:
    pass
except* TypeError:
    pass
else:
    pass
finally:
    pass
try:
    pass
except ValueError: pass
except: pass
