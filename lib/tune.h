/* tune.h: ranking constants that a tuning build can override at run time.
 *
 * A constant written TUNABLE(NAME, value) is that value in every normal
 * build.  Built with -DSS_TUNE (`make tune`, build/tune/bin/), it reads
 * SS_TUNE=NAME=value,NAME=value from the environment instead, so that
 * tools/tune_rank.py can try values over the tuning halves of the judged
 * sets without a rebuild for each try.  With SS_EXPLAIN set, it also
 * writes to stderr, for each strict candidate judged, "E file byte
 * weight factor" (search_walk.c: Xapian's BM25 weight and the ranker's
 * factor), and before it, for a question, "N ..." the parts of the factor
 * (rank.c natural_factor).  The shipped programs never read either. */
#ifndef SS_TUNE_H
#define SS_TUNE_H

#ifdef SS_TUNE
double ss_tune(const char *name, double value);
#define TUNABLE(name, value) ss_tune(#name, (value))
#else
#define TUNABLE(name, value) (value)
#endif

#endif
