from .. import a
from . import b
