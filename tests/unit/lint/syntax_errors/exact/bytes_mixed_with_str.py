label = b'raw' 'text'
