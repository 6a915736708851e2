from __future__ import *
x = 1
