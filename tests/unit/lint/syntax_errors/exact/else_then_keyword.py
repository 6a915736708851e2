decode = (utf_32_be_decode if big
          else from.utf_32_le_decode)
