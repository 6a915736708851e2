if x   
    pass
