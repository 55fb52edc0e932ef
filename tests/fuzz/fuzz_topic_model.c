/*
 * fuzz_topic_model.c - libFuzzer target: the topic model text parser on
 * arbitrary bytes after a valid magic line ("tagger-topic-model<TAB>1").
 *
 * The model is compiled with a small gazetteer, so that entity features
 * ("@KP") can fire.  A model is taken whole or refused: on failure
 * there must be diagnostics naming lines of the model; on success the
 * tagger is used on a fixed news paragraph and on the input itself (whose
 * words are the model's features), and the results are held to the
 * invariants of fuzz_check.h: scores in [0, 1], evidence taken from the
 * text, paths that end with the label, valid JSON.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tagger.h>

#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char magic[] = "tagger-topic-model\t1\n";

static const char gazetteer[] =
    "KP\tCOUNTRY\tNorth Korea\tQ423\t-\tNorth Korea|DPRK|North Korean{demonym}\n"
    "KR\tCOUNTRY\tSouth Korea\tQ884\t-\tSouth Korea|South Korean{demonym}\n"
    "Q8684\tPLACE\tSeoul\t-\tcountry=KR\tSeoul\n"
    "Q56226\tPERSON\tKim Jong Un\t-\t-\tKim Jong Un\n";

static const char article[] =
    "SEOUL, March 3 (Reuters) - North Korea fired two ballistic missiles into the sea on "
    "Sunday, South Korea's military said, as diplomats in Seoul pressed for talks on "
    "sanctions.  Shares in Asian markets fell; the central bank held interest rates.  "
    "Kim Jong Un watched the launch, state media said.  The striker scored twice in the "
    "league final, and the film festival opened with a new album by the band.";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char model_path[] = "fuzz.model";
    size_t magic_len = sizeof magic - 1;
    char *model = malloc(magic_len + size);
    if (!model) {
        return 0;
    }
    memcpy(model, magic, magic_len);
    memcpy(model + magic_len, data, size);
    long n_lines = 2;
    for (size_t i = 0; i < size; i++) {
        n_lines += data[i] == '\n';
    }
    tagger_source_t src[2] = {{"fuzz.tsv", gazetteer, sizeof gazetteer - 1},
                              {model_path, model, magic_len + size}};
    tagger_t *tg = NULL;
    tagger_error_t *err = NULL;
    int rc = tagger_compile(src, 2, 0, &tg, &err);
    for (const tagger_error_t *e = err; e; e = e->next) {
        if (e->path && strcmp(e->path, "fuzz.tsv") == 0) {
            fz_fail("the fixed gazetteer was reported: %s", e->message);
        }
    }
    fz_check_errors(err, model_path, n_lines);
    if (rc == TAGGER_OK) {
        if (!tg || err) {
            fz_fail("a model that compiled has no tagger, or diagnostics");
        }
        for (size_t i = 0; i < tagger_n_topics(tg); i++) {
            if (!tagger_topic_id(tg, i)) {
                fz_fail("topic %zu has no id", i);
            }
        }
        fz_annotate_and_check(tg, article, sizeof article - 1, "article");
        fz_annotate_and_check(tg, (const char *)data, size, NULL);
    } else if (tg || !err || rc != TAGGER_ERR_SYNTAX) {
        fz_fail("a refused model: %s, tagger %p, diagnostics %p", tagger_strerror(rc),
                (void *)tg, (void *)err);
    }
    tagger_error_free(err);
    tagger_free(tg);
    free(model);
    return 0;
}
