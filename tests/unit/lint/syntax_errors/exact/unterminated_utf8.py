x = 'é' ; y = "ab
