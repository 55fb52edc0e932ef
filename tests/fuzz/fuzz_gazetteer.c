/*
 * fuzz_gazetteer.c - libFuzzer target: the gazetteer TSV loader on
 * arbitrary bytes, alone (this file) or after the built-in sources
 * (fuzz_gazetteer_builtin.c, the same code with FUZZ_WITH_BUILTIN).
 *
 * The input is compiled as one in-memory source.  A compile may fail only
 * for a reason the header allows; every diagnostic must name the source and
 * a line that exists.  A tagger that compiled is then used: the input
 * itself is annotated with it (the aliases it defines are in it, so matches
 * are found) and the result checked as in fuzz_annotate.c.
 *
 * The built-in mode compiles the built-in gazetteers for every input, so it
 * runs far fewer inputs per second; it is a target of its own so that the
 * fast mode keeps its speed.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tagger.h>

#include "fuzz_check.h"

#ifdef FUZZ_WITH_BUILTIN
#define COMPILE_FLAGS TAGGER_COMPILE_BUILTIN
#else
#define COMPILE_FLAGS 0u
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char path[] = "fuzz.tsv";
    tagger_source_t src = {path, (const char *)data, size};
    tagger_t *tg = NULL;
    tagger_error_t *err = NULL;
    long n_lines = 1;
    for (size_t i = 0; i < size; i++) {
        n_lines += data[i] == '\n';
    }
    int rc = tagger_compile(&src, 1, COMPILE_FLAGS, &tg, &err);
    fz_check_errors(err, path, n_lines);
    if (rc == TAGGER_OK) {
        if (!tg) {
            fz_fail("tagger_compile succeeded without a tagger");
        }
        fz_annotate_and_check(tg, (const char *)data, size, NULL);
    } else if (tg || !err) {
        fz_fail("tagger_compile failed (%s) with a tagger or no diagnostic",
                tagger_strerror(rc));
    } else if (rc != TAGGER_ERR_SYNTAX) {
        /* In memory there is nothing to read and no misuse: only a bad
         * topic model (an input that starts with its magic line) fails. */
        fz_fail("tagger_compile failed with %s", tagger_strerror(rc));
    }
    tagger_error_free(err);
    tagger_free(tg);
    return 0;
}
