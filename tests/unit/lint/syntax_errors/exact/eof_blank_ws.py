if x:
   
