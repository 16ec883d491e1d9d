#include "aftercare-egg.h"
