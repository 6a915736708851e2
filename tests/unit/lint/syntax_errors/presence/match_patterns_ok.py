match x:
    case [1, *r] | (2, *_) | {'k': [a, {'j': _}], **rest} | P(1, y=-1 + 2j) as z if z:
        pass
