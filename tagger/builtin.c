/*
 * builtin.c - the table of gazetteers built into the library (builtin.S).
 */
#include "internal.h"

extern const char tg_builtin_countries[];
extern const char tg_builtin_countries_end[];

static const tg_builtin_t builtins[] = {
    {"(built-in) gazetteers/countries.tsv", tg_builtin_countries, tg_builtin_countries_end},
};

size_t tg_builtin_sources(const tg_builtin_t **out)
{
    *out = builtins;
    return sizeof builtins / sizeof builtins[0];
}
