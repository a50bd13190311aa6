/* facets.h: counting values (a speech's region, year, kind) over many
 * hits, in time linear in the number of hits. */
#ifndef SS_FACETS_H
#define SS_FACETS_H

#include <stddef.h>
#include <stdint.h>

#include "base.h"
#include "ss_error.h"

/* One value of a facet and how many matching passages have it. */
typedef struct {
    char *value;
    uint32_t count;
} ss_facet_value;

typedef struct {
    ss_facet_value *v;    /* most frequent first once sorted */
    size_t n, vcap;
    ss_htab tab;          /* hash of a value -> its index in v (until sorted) */
} ss_facet;

/* Counts one more passage with value v (len bytes, copied when new). */
ss_code ss_facet_count(ss_facet *f, const char *v, size_t len, ss_err *err);
/* Orders the values most frequent first (then by value); drops the table. */
void ss_facet_sort(ss_facet *f);
void ss_facet_free(ss_facet *f);

#endif
