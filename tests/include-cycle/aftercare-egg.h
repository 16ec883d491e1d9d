#pragma once
#include "aftercare-hen.h"
