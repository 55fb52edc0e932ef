/*
 * fuzz_gazetteer_builtin.c - libFuzzer target: the gazetteer TSV loader on
 * arbitrary bytes compiled after the built-in gazetteers, so that a user
 * source adding aliases to built-in entities (or clashing with them) is
 * exercised.  The code is fuzz_gazetteer.c's.
 */
#define FUZZ_WITH_BUILTIN 1
#include "fuzz_gazetteer.c"
