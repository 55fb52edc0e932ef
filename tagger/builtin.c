/*
 * builtin.c - the table of gazetteers and the topic model built into the
 * library (builtin.S), and the compiled default model (builtin_model.S).
 * Countries come first, so that places, people and organizations can refer
 * to them, and historical.tsv can add aliases to them.
 */
#include "internal.h"

#define BUILTIN(sym)                                                                          \
    extern const char tg_builtin_##sym[];                                                     \
    extern const char tg_builtin_##sym##_end[]

BUILTIN(countries);
BUILTIN(historical);
BUILTIN(places);
BUILTIN(people);
BUILTIN(orgs);
BUILTIN(topics);
BUILTIN(names);

static const tg_builtin_t builtins[] = {
    {"(built-in) gazetteers/countries.tsv", tg_builtin_countries, tg_builtin_countries_end},
    {"(built-in) gazetteers/historical.tsv", tg_builtin_historical, tg_builtin_historical_end},
    {"(built-in) gazetteers/places.tsv", tg_builtin_places, tg_builtin_places_end},
    {"(built-in) gazetteers/people.tsv", tg_builtin_people, tg_builtin_people_end},
    {"(built-in) gazetteers/orgs.tsv", tg_builtin_orgs, tg_builtin_orgs_end},
    {"(built-in) models/topics.model", tg_builtin_topics, tg_builtin_topics_end},
    {"(built-in) models/names.model", tg_builtin_names, tg_builtin_names_end},
};

size_t tg_builtin_sources(const tg_builtin_t **out)
{
    *out = builtins;
    return sizeof builtins / sizeof builtins[0];
}

extern const char tg_default_model[];
extern const char tg_default_model_end[];

size_t tg_builtin_model(const char **data)
{
    *data = tg_default_model;
    return (size_t)(tg_default_model_end - tg_default_model);
}

const char *tg_builtin_data(void)
{
    return tg_default_model;
}
