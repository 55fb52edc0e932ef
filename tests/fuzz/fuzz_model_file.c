/*
 * fuzz_model_file.c - libFuzzer target: the compiled model loader
 * (tagger_load_memory(), tagger/model_file.c and model_io.c) on arbitrary
 * bytes.
 *
 * Each input is loaded twice: as it is, which mostly exercises the header
 * and checksum checks, and re-signed (its size and checksum fields set to
 * match the bytes), so that mutations reach the section table and the
 * index checks behind the checksum, as a file damaged by a bug in the
 * writer rather than on disk would.  Either load must end in a tagger or in
 * TAGGER_ERR_FORMAT / TAGGER_ERR_VERSION with a diagnostic; a tagger that
 * loaded is used on a news paragraph and held to the invariants of
 * fuzz_check.h.  Seeds are small compiled models made by `tagger compile`
 * at fuzz time (tests/fuzz/fuzz.mk), since the format is the library's.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tagger.h>

#include "fuzz_check.h"
#include "model_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char article[] =
    "SEOUL, March 3 (Reuters) - North Korea fired two ballistic missiles on Sunday, "
    "South Korea's military said; Acme Corporation shares fell and ACME's chief, "
    "Jordan Smith, met diplomats in Seoul to discuss sanctions and talks.";

static void store64(uint8_t *p, uint64_t v)
{
    for (int i = 0; i < 8; i++) {
        p[i] = (uint8_t)(v >> (8 * i));
    }
}

static void load_and_check(const uint8_t *bytes, size_t size)
{
    tagger_t *tg = NULL;
    tagger_error_t *err = NULL;
    int rc = tagger_load_memory(bytes, size, &tg, &err);
    fz_check_errors(err, err && err->path ? err->path : "", 0);
    if (rc == TAGGER_OK) {
        if (!tg) {
            fz_fail("tagger_load_memory succeeded without a tagger");
        }
        for (size_t i = 0; i < tagger_n_topics(tg); i++) {
            if (!tagger_topic_id(tg, i)) {
                fz_fail("topic %zu of a loaded model has no id", i);
            }
        }
        fz_annotate_and_check(tg, article, sizeof article - 1, "article");
    } else if (tg || !err || (rc != TAGGER_ERR_FORMAT && rc != TAGGER_ERR_VERSION)) {
        fz_fail("a refused model: %s, tagger %p, diagnostics %p", tagger_strerror(rc),
                (void *)tg, (void *)err);
    }
    tagger_error_free(err);
    tagger_free(tg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The loader wants 8-byte aligned bytes; malloc's are. */
    uint8_t *copy = malloc(size ? size : 1);
    if (!copy) {
        return 0;
    }
    memcpy(copy, data, size);
    load_and_check(copy, size);
    if (size >= TG_MODEL_HEADER_SIZE) {
        store64(copy + 16, size);
        store64(copy + 24, tg_model_file_checksum(copy, size));
        load_and_check(copy, size);
    }
    free(copy);
    return 0;
}
