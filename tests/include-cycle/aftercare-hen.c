#include "aftercare-hen.h"
#include "aftercare-egg.h"
