raise E, 'v'
