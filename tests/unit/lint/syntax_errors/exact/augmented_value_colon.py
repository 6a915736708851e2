prefix += text:column[start]
