mode = async
