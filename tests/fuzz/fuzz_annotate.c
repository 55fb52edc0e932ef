/*
 * fuzz_annotate.c - libFuzzer target: annotate arbitrary bytes with the
 * built-in gazetteers and topic model.
 *
 * The tagger is loaded once; one scratch is reused from input to input,
 * as a real caller reuses it.  Each input is scanned (both modes) and
 * annotated, and the result held to every invariant of fuzz_check.h.  The
 * input's first bytes (up to 32, to the first NUL) serve as the result id,
 * so that invalid UTF-8 in ids is exercised too.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tagger.h>

#include "fuzz_check.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static tagger_t *tagger;
static tagger_scratch_t *scratch;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    /* The default model as the command uses it (compiled into the library),
     * else the built-in sources compiled here. */
    int rc = tagger_load_default(&tagger, NULL);
    if (rc != TAGGER_OK) {
        rc = tagger_compile(NULL, 0, TAGGER_COMPILE_BUILTIN, &tagger, NULL);
    }
    if (rc == TAGGER_OK) {
        rc = tagger_scratch_new(tagger, &scratch);
    }
    if (rc != TAGGER_OK) {
        fz_fail("cannot compile the built-in tagger: %s", tagger_strerror(rc));
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    char id[33];
    size_t id_len = size < 32 ? size : 32;
    memcpy(id, data, id_len);
    id[id_len] = '\0';

    fz_check_scan(tagger, scratch, text, size);
    tagger_result_t *r = NULL;
    int rc = tagger_annotate(tagger, scratch, text, size, &r);
    if (rc != TAGGER_OK) {
        fz_fail("tagger_annotate: %s", tagger_strerror(rc));
    }
    fz_check_result(text, size, r, id);
    tagger_result_free(r);
    return 0;
}
