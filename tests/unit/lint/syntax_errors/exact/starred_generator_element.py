literal.extend(*n.clone() for n in items.children)
