/* datadir.c: the default data directory (see datadir.h). */
#include "datadir.h"

#include <stdlib.h>

const char *ss_default_datadir(void)
{
    const char *d = getenv("SS_DATADIR");
    return (d && *d) ? d : SS_DATADIR;
}
