// The prefetch hint lives in the header, inline, so that Swift callers inline it.
#include "CSluicePrefetch.h"
