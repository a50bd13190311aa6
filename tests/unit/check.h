/* check.h: a tiny table-friendly test harness.
 *
 * CHECK(cond, fmt, ...) records one case; a failing case prints its name.
 * CHECK_EQ_STR / CHECK_EQ_INT print expected and actual values.
 * End main() with `return check_report(argv[0]);`, which prints
 * "N passed, N failed" (the runner adds these up) and exits nonzero on
 * failure. */
#ifndef SS_CHECK_H
#define SS_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_passed, check_failed;

#define CHECK(cond, ...)                                                   \
    do {                                                                   \
        if (cond) {                                                        \
            check_passed++;                                                \
        } else {                                                           \
            check_failed++;                                                \
            printf("FAIL %s:%d: ", __FILE__, __LINE__);                    \
            printf(__VA_ARGS__);                                           \
            printf("\n");                                                  \
        }                                                                  \
    } while (0)

#define CHECK_EQ_STR(actual, expected, name)                               \
    do {                                                                   \
        const char *a_ = (actual), *e_ = (expected);                       \
        CHECK(a_ && e_ && strcmp(a_, e_) == 0, "%s: expected [%s] got [%s]", \
              (name), e_ ? e_ : "(null)", a_ ? a_ : "(null)");             \
    } while (0)

#define CHECK_EQ_INT(actual, expected, name)                               \
    do {                                                                   \
        long long a_ = (long long)(actual), e_ = (long long)(expected);    \
        CHECK(a_ == e_, "%s: expected %lld got %lld", (name), e_, a_);     \
    } while (0)

static inline int check_report(const char *name)
{
    printf("%s: %d passed, %d failed\n", name, check_passed, check_failed);
    return check_failed ? 1 : 0;
}

#endif
