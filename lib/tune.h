/* tune.h: ranking constants that a tuning build can override at run time.
 *
 * A constant written TUNABLE(NAME, value) is that value in every normal
 * build.  Built with -DSS_TUNE (`make tune`, build/tune/bin/), it reads
 * SS_TUNE=NAME=value,NAME=value from the environment instead, so that
 * tools/tune_rank.py can try values over the tuning halves of the judged
 * sets without a rebuild for each try.  The shipped programs never read it. */
#ifndef SS_TUNE_H
#define SS_TUNE_H

#ifdef SS_TUNE
double ss_tune(const char *name, double value);
#define TUNABLE(name, value) ss_tune(#name, (value))
#else
#define TUNABLE(name, value) (value)
#endif

#endif
