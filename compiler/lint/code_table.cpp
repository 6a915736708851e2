#include "lint/lint.h"
