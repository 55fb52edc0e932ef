/*
 * numbers.c - option values that are numbers, for `tagger` and `tagger
 * train` alike: the whole string must be the number (no "5x", no empty
 * string, no sign on a count, no infinity) and it must lie in the
 * option's range (an upper bound of ULONG_MAX or HUGE_VAL: none), or
 * the user gets one message naming the option, the range and the value.
 */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

bool cli_parse_count(const char *who, const char *opt, const char *arg, unsigned long lo,
                     unsigned long hi, unsigned long *out)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(arg, &end, 10);
    if (!*arg || *end || errno || arg[0] == '-' || arg[0] == '+' || v < lo || v > hi) {
        if (hi == ULONG_MAX) {
            fprintf(stderr, "%s: %s: expected a whole number of at least %lu, got '%s'\n", who,
                    opt, lo, arg);
        } else {
            fprintf(stderr, "%s: %s: expected a whole number from %lu to %lu, got '%s'\n", who,
                    opt, lo, hi, arg);
        }
        return false;
    }
    *out = v;
    return true;
}

bool cli_parse_real(const char *who, const char *opt, const char *arg, double lo, double hi,
                    double *out)
{
    char *end;
    errno = 0;
    double v = strtod(arg, &end);
    if (!*arg || *end || errno || !isfinite(v) || !(v >= lo && v <= hi)) {
        if (isinf(hi)) {
            fprintf(stderr, "%s: %s: expected a number of at least %g, got '%s'\n", who, opt, lo,
                    arg);
        } else {
            fprintf(stderr, "%s: %s: expected a number from %g to %g, got '%s'\n", who, opt, lo,
                    hi, arg);
        }
        return false;
    }
    *out = v;
    return true;
}
