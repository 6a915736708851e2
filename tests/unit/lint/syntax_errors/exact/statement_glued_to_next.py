from os import * continue
