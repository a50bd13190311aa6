/* syn-index RULES OUT: compiles the index of a synonyms table's members
 * (lib/synonyms.c, ss_syn_write_index), so that speech-query finds them
 * without indexing the table each time it starts.  The table is checked
 * first: a malformed line fails the build, naming it. */
#include <stdio.h>

#include "synonyms.h"

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s RULES OUT\n", argv[0]);
        return 2;
    }
    ss_syn *s = NULL;
    ss_err err;
    ss_code rc = ss_syn_load(argv[1], &s, &err);
    if (rc == SS_OK)
        rc = ss_syn_check(s, NULL, &err);
    if (rc == SS_OK)
        rc = ss_syn_write_index(s, argv[2], &err);
    ss_syn_free(s);
    if (rc != SS_OK) {
        fprintf(stderr, "%s: %s\n", argv[0], err.msg);
        return 1;
    }
    return 0;
}
