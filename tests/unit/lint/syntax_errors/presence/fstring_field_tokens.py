x = f"{await -y}"
