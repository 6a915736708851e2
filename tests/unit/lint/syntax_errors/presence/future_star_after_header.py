if c < 0xFDF0: from __future__ import *
