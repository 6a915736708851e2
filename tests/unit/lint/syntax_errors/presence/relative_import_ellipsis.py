from ...packages.six import raise_from
from ....a.b import c
from . ...d import e
