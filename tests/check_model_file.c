/*
 * check_model_file.c - the compiled model file (model_file.c, model_io.c):
 * a saved and reloaded tagger annotates real text exactly as the compiled
 * one did, the embedded default model equals a fresh compile of the
 * built-in gazetteers, and damaged, truncated or foreign files are refused
 * with the message that says why, never a crash.
 *
 * The damage tests work on a small model compiled from an inline gazetteer,
 * so that flipping every single byte of it stays quick.
 */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "model_file.h"
#include "suites.h"
#include "tagger.h"

static const char small_tsv[] =
    "KP\tCOUNTRY\tNorth Korea\tQ423\t-\tNorth Korea|DPRK|North Korean{demonym}\n"
    "KR\tCOUNTRY\tSouth Korea\tQ884\t-\tSouth Korea|Republic of Korea\n"
    "Q56226\tPERSON\tKim Jong Un\tQ56226\t-\tKim Jong Un|Kim Jong-un\n";

/* Real articles: the example of the README and the two crawled seeds (these
 * only when ../shared is beside the repository). */
static const char *const articles[] = {
    "docs/examples/north-korea.txt",
    "../shared/fixtures/seeds/000_45fc9d99be84174a.txt",
    "../shared/fixtures/seeds/001_9301c262b0a3d84c.txt",
};

static void spit(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(data, 1, len, f), len);
    ck_assert_int_eq(fclose(f), 0);
}

static void tmp_path(char *buf, size_t size, const char *what)
{
    snprintf(buf, size, "/tmp/tagger-check-%ld-%s.tgm", (long)getpid(), what);
}

/* The JSON of @p text annotated with @p tg (NO_MENTIONS off: every offset). */
static char *annotate_json(const tagger_t *tg, const char *text, size_t len)
{
    tagger_scratch_t *s;
    tagger_result_t *r;
    char *json;
    ck_assert_int_eq(tagger_scratch_new(tg, &s), TAGGER_OK);
    ck_assert_int_eq(tagger_annotate(tg, s, text, len, &r), TAGGER_OK);
    ck_assert_int_eq(tagger_result_json(r, NULL, &json), TAGGER_OK);
    tagger_result_free(r);
    tagger_scratch_free(s);
    return json;
}

static void assert_same_annotations(const tagger_t *a, const tagger_t *b)
{
    for (size_t i = 0; i < sizeof articles / sizeof *articles; i++) {
        size_t len;
        char *text = test_slurp(articles[i], &len);
        if (!text) {
            continue;
        }
        char *ja = annotate_json(a, text, len), *jb = annotate_json(b, text, len);
        ck_assert_msg(strstr(ja, "\"entities\":[{") != NULL, "%s: nothing found", articles[i]);
        ck_assert_msg(strcmp(ja, jb) == 0, "%s annotated differently:\n%s\n%s", articles[i], ja,
                      jb);
        tagger_string_free(ja);
        tagger_string_free(jb);
        free(text);
    }
}

static tagger_t *compile_small(void)
{
    tagger_source_t src = {"small.tsv", small_tsv, sizeof small_tsv - 1};
    tagger_t *tg;
    ck_assert_int_eq(tagger_compile(&src, 1, 0, &tg, NULL), TAGGER_OK);
    return tg;
}

/* The bytes of the small model as tagger_save() writes them. */
static uint8_t *small_model(size_t *len)
{
    char path[128];
    tmp_path(path, sizeof path, "small");
    tagger_t *tg = compile_small();
    ck_assert_int_eq(tagger_save(tg, path, NULL), TAGGER_OK);
    tagger_free(tg);
    uint8_t *data = (uint8_t *)test_slurp(path, len);
    unlink(path);
    return data;
}

/* Loads @p len bytes from a file and from memory; both must fail with
 * @p want_rc and a message containing @p want_msg.  Returns nothing: a
 * crash or a success fails the test. */
static void assert_refused(const uint8_t *data, size_t len, int want_rc, const char *want_msg)
{
    char path[128];
    tmp_path(path, sizeof path, "bad");
    spit(path, data, len);
    tagger_t *tg = (tagger_t *)1;
    tagger_error_t *err = NULL;
    int rc = tagger_load(path, &tg, &err);
    ck_assert_int_eq(rc, want_rc);
    ck_assert_ptr_null(tg);
    ck_assert_ptr_nonnull(err);
    ck_assert_str_eq(err->path, path);
    ck_assert_msg(strstr(err->message, want_msg) != NULL, "message '%s' lacks '%s'",
                  err->message, want_msg);
    tagger_error_free(err);
    unlink(path);

    /* From memory: an aligned copy (the file is mapped page-aligned). */
    uint64_t *copy = malloc(len + 8);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, data, len);
    err = NULL;
    ck_assert_int_eq(tagger_load_memory(copy, len, &tg, &err), want_rc);
    ck_assert_ptr_null(tg);
    ck_assert_msg(err && strstr(err->message, want_msg), "memory: message lacks '%s'", want_msg);
    tagger_error_free(err);
    free(copy);
}

/* Rewrites the checksum after a deliberate change, as an attacker or a
 * buggy writer would, so that the index checks are what must catch it. */
static void resign(uint8_t *data, size_t len)
{
    uint64_t sum = tg_model_file_checksum(data, len);
    memcpy(data + 24, &sum, 8);
}

/* The entry of the section @p tag in a model's section table. */
static uint8_t *section_entry(uint8_t *data, const char *tag)
{
    uint32_t n;
    memcpy(&n, data + 32, 4);
    for (uint32_t i = 0; i < n; i++) {
        uint8_t *e = data + TG_MODEL_HEADER_SIZE + i * TG_MODEL_SECTION_SIZE;
        if (memcmp(e, tag, 4) == 0) {
            return e;
        }
    }
    ck_abort_msg("no section %s", tag);
    return NULL;
}

/* Offset of the section @p tag in a model. */
static size_t section_offset(uint8_t *data, const char *tag)
{
    uint64_t off;
    memcpy(&off, section_entry(data, tag) + 8, 8);
    return (size_t)off;
}

/* Renames section @p tag ("TPRB" -> "xPRB"), so that a loader finds none. */
static void hide_section(uint8_t *data, const char *tag)
{
    section_entry(data, tag)[0] = 'x';
}

/* ------------------------------------------------------------------------ */
/* Round trips                                                               */

START_TEST(test_round_trip_builtin)
{
    char path[128];
    tmp_path(path, sizeof path, "builtin");
    tagger_t *compiled, *loaded;
    ck_assert_int_eq(tagger_compile(NULL, 0, TAGGER_COMPILE_BUILTIN, &compiled, NULL),
                     TAGGER_OK);
    ck_assert_int_eq(tagger_save(compiled, path, NULL), TAGGER_OK);
    tagger_error_t *err = NULL;
    ck_assert_int_eq(tagger_load(path, &loaded, &err), TAGGER_OK);
    ck_assert_ptr_null(err);
    unlink(path); /* the mapping outlives the name */
    ck_assert_uint_eq(tagger_n_entities(loaded), tagger_n_entities(compiled));
    ck_assert_uint_eq(tagger_n_aliases(loaded), tagger_n_aliases(compiled));
    assert_same_annotations(compiled, loaded);
    tagger_free(loaded);
    tagger_free(compiled);
}
END_TEST

/* The model embedded at build time is the built-in gazetteers, compiled. */
START_TEST(test_default_equals_builtin)
{
    tagger_t *compiled, *dflt;
    ck_assert_int_eq(tagger_compile(NULL, 0, TAGGER_COMPILE_BUILTIN, &compiled, NULL),
                     TAGGER_OK);
    ck_assert_int_eq(tagger_load_default(&dflt, NULL), TAGGER_OK);
    ck_assert_uint_eq(tagger_n_entities(dflt), tagger_n_entities(compiled));
    ck_assert_uint_gt(tagger_n_aliases(dflt), 10000);
    assert_same_annotations(compiled, dflt);
    tagger_free(dflt);
    tagger_free(compiled);
}
END_TEST

/* Saving is deterministic, and a model in memory loads like a file. */
START_TEST(test_memory_and_reproducible)
{
    size_t len_a, len_b;
    uint8_t *a = small_model(&len_a), *b = small_model(&len_b);
    ck_assert_uint_eq(len_a, len_b);
    ck_assert(memcmp(a, b, len_a) == 0);
    ck_assert(memcmp(a, TG_MODEL_MAGIC, 8) == 0);
    uint64_t *copy = malloc(len_a);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, a, len_a);
    tagger_t *tg, *ref = compile_small();
    ck_assert_int_eq(tagger_load_memory(copy, len_a, &tg, NULL), TAGGER_OK);
    const char *text = "Pyongyang: North Korea's Kim Jong-un met the DPRK's South Korean guests.";
    char *j1 = annotate_json(tg, text, strlen(text)), *j2 = annotate_json(ref, text, strlen(text));
    ck_assert_str_eq(j1, j2);
    ck_assert_ptr_nonnull(strstr(j1, "\"id\":\"Q56226\""));
    tagger_string_free(j1);
    tagger_string_free(j2);
    tagger_free(tg);
    tagger_free(ref);
    free(copy);
    free(a);
    free(b);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Refused files                                                             */

START_TEST(test_flipped_byte)
{
    size_t len;
    uint8_t *data = small_model(&len);
    data[len / 2] ^= 0x10;
    assert_refused(data, len, TAGGER_ERR_FORMAT, "checksum mismatch");
    free(data);
}
END_TEST

START_TEST(test_truncated)
{
    size_t len;
    uint8_t *data = small_model(&len);
    assert_refused(data, len - 100, TAGGER_ERR_FORMAT, "truncated compiled model");
    assert_refused(data, 40, TAGGER_ERR_FORMAT, "truncated compiled model");
    assert_refused(data, 0, TAGGER_ERR_FORMAT, "not a compiled tagger model");
    free(data);
}
END_TEST

START_TEST(test_wrong_magic)
{
    size_t len;
    uint8_t *data = small_model(&len);
    memcpy(data, "KP\tCOUNT", 8); /* a gazetteer TSV passed as a model */
    assert_refused(data, len, TAGGER_ERR_FORMAT, "not a compiled tagger model");
    free(data);
}
END_TEST

START_TEST(test_future_version)
{
    size_t len;
    uint8_t *data = small_model(&len);
    uint32_t v = TG_MODEL_VERSION + 1;
    memcpy(data + 8, &v, 4);
    assert_refused(data, len, TAGGER_ERR_VERSION,
                   "format version 4; this tagger reads versions 2 to 3");
    v = TG_MODEL_VERSION_MIN - 1;
    memcpy(data + 8, &v, 4);
    assert_refused(data, len, TAGGER_ERR_VERSION, "format version 1;");
    /* Version 2 in the header of a version 3 file: its checksum covers the
     * version, so the file is refused as damaged. */
    v = 2;
    memcpy(data + 8, &v, 4);
    assert_refused(data, len, TAGGER_ERR_FORMAT, "checksum mismatch");
    free(data);
}
END_TEST

/* Changes behind a valid checksum: the index checks catch them. */
START_TEST(test_bad_indexes_resigned)
{
    size_t len;
    uint8_t *data = small_model(&len);
    uint8_t *copy = malloc(len);
    ck_assert_ptr_nonnull(copy);

    memcpy(copy, data, len);
    uint32_t huge = 1000000;
    memcpy(copy + section_offset(copy, "ALIS"), &huge, 4); /* alias 0's entity */
    resign(copy, len);
    assert_refused(copy, len, TAGGER_ERR_FORMAT, "alias of an entity outside the entity table");

    memcpy(copy, data, len);
    memcpy(copy + section_offset(copy, "ENTS") + 4, &huge, 4); /* entity 0's name */
    resign(copy, len);
    assert_refused(copy, len, TAGGER_ERR_FORMAT, "entity string outside the pool");

    memcpy(copy, data, len);
    uint32_t far = 0x7FFFFFF0u;
    memcpy(copy + section_offset(copy, "TRIE"), &far, 4); /* the root's base */
    resign(copy, len);
    assert_refused(copy, len, TAGGER_ERR_FORMAT, "trie unit points past the end");

    memcpy(copy, data, len);
    uint64_t off = len; /* first section's offset: past the end */
    memcpy(copy + TG_MODEL_HEADER_SIZE + 8, &off, 8);
    resign(copy, len);
    assert_refused(copy, len, TAGGER_ERR_FORMAT, "lies outside the file");

    memcpy(copy, data, len);
    copy[TG_MODEL_HEADER_SIZE] = 'X'; /* the POOL section renamed */
    resign(copy, len);
    assert_refused(copy, len, TAGGER_ERR_FORMAT, "no section POOL");
    free(copy);
    free(data);
}
END_TEST

static const char small_topics[] = "tagger-topic-model\t1\n"
                                   "topic\tmedtop:15000000\t-\t-2\tsport\n"
                                   "feature\tmatch\t4\n"
                                   "feature\tleague title\t3\n";

/* Compiles small_tsv with the topic model @p model into @p tg, saves it in
 * a file named after @p name (its path in @p path) and loads that into
 * @p loaded. */
static void topic_round_trip(const char *model, const char *name, tagger_t **tg,
                             tagger_t **loaded, char *path, size_t path_size)
{
    tagger_source_t src[2] = {{"small.tsv", small_tsv, sizeof small_tsv - 1},
                              {"small.model", model, strlen(model)}};
    ck_assert_int_eq(tagger_compile(src, 2, 0, tg, NULL), TAGGER_OK);
    tmp_path(path, path_size, name);
    ck_assert_int_eq(tagger_save(*tg, path, NULL), TAGGER_OK);
    ck_assert_int_eq(tagger_load(path, loaded, NULL), TAGGER_OK);
}

/* @p tg and @p other score @p text alike, with the evidence @p evidence
 * (its JSON array). */
static void assert_same_topics(const tagger_t *tg, const tagger_t *other, const char *text,
                               const char *evidence)
{
    char *a = annotate_json(tg, text, strlen(text));
    char *b = annotate_json(other, text, strlen(text));
    char want[128];
    snprintf(want, sizeof want, "\"evidence\":%s", evidence);
    ck_assert_msg(strstr(a, want), "%s lacks %s", a, want);
    ck_assert_str_eq(a, b);
    tagger_string_free(a);
    tagger_string_free(b);
}

/* @p tg, compiled with small_topics, and @p other score a sentence alike,
 * with both of its features as evidence. */
static void assert_same_small_topics(const tagger_t *tg, const tagger_t *other)
{
    assert_same_topics(tg, other, "The league title was decided by the last match.",
                       "[\"match\",\"league title\"]");
}

/* The topic model travels in the file: same topics and scores after a
 * round trip, and its damaged indexes are refused like the gazetteer's. */
START_TEST(test_topic_sections)
{
    tagger_t *tg, *loaded;
    char path[128];
    topic_round_trip(small_topics, "topics", &tg, &loaded, path, sizeof path);
    ck_assert_uint_eq(tagger_n_topics(loaded), 1);
    ck_assert_str_eq(tagger_topic_id(loaded, 0), "medtop:15000000");
    assert_same_small_topics(tg, loaded);
    tagger_free(loaded);
    tagger_free(tg);

    size_t len;
    uint8_t *data = (uint8_t *)test_slurp(path, &len);
    unlink(path);
    uint32_t huge = 1000000;
    memcpy(data + section_offset(data, "TPST"), &huge, 4); /* posting 0's topic */
    resign(data, len);
    assert_refused(data, len, TAGGER_ERR_FORMAT, "weight of a topic outside the topic table");
    memcpy(data + section_offset(data, "TPST"), &(uint32_t){0}, 4); /* mended */
    /* An infinite weight against an infinite bias would score NaN. */
    float inf = INFINITY, nan = NAN;
    memcpy(data + section_offset(data, "TPST") + 4, &inf, 4); /* posting 0's weight */
    resign(data, len);
    assert_refused(data, len, TAGGER_ERR_FORMAT, "weight that is not a finite number");
    memcpy(data + section_offset(data, "TPST") + 4, &(float){4}, 4);
    memcpy(data + section_offset(data, "TTOP") + 16, &nan, 4); /* topic 0's bias */
    resign(data, len);
    assert_refused(data, len, TAGGER_ERR_FORMAT, "topic whose bias is not a finite number");
    memcpy(data + section_offset(data, "TTOP") + 16, &(float){-2}, 4);
    resign(data, len);
    tagger_t *mended = NULL;
    ck_assert_int_eq(tagger_load_memory(data, len, &mended, NULL), TAGGER_OK);
    tagger_free(mended);
    free(data);
}
END_TEST

/* A version 3 model keys words without a plural "s" ("goal" meets
 * "goals"); the file says so (TCUT), and a loaded model keys as the
 * compiled one did.  A file of format version 2 has no TCUT and keeps
 * whole words; a version 3 file without it, or with a flag other than 0
 * or 1, is refused. */
START_TEST(test_topic_key_cut_travels)
{
    static const char v3[] = "tagger-topic-model\t3\n"
                             "topic\tmedtop:15000000\t-\t-2\tsport\n"
                             "feature\tgoal\t4\n"
                             "end\t1\t1\n";
    static const char text[] = "Two late goals won the match.";
    tagger_t *tg, *loaded;
    char path[128];
    topic_round_trip(v3, "cut", &tg, &loaded, path, sizeof path);
    assert_same_topics(tg, loaded, text, "[\"goals\"]");
    tagger_free(loaded);
    tagger_free(tg);

    size_t len;
    uint8_t *data = (uint8_t *)test_slurp(path, &len);
    unlink(path);
    hide_section(data, "TCUT");
    resign(data, len);
    assert_refused(data, len, TAGGER_ERR_FORMAT, "no section TCUT");
    memcpy(data + 8, &(uint32_t){2}, 4); /* as a tagger of format version 2 wrote it */
    resign(data, len);
    ck_assert_int_eq(tagger_load_memory(data, len, &loaded, NULL), TAGGER_OK);
    char *a = annotate_json(loaded, text, sizeof text - 1);
    ck_assert_ptr_null(strstr(a, "goals")); /* "goals" is no "goal" there */
    tagger_string_free(a);
    tagger_free(loaded);
    memcpy(data + 8, &(uint32_t){3}, 4);
    section_entry(data, "xCUT")[0] = 'T';
    memcpy(data + section_offset(data, "TCUT"), &(uint32_t){2}, 4);
    resign(data, len);
    assert_refused(data, len, TAGGER_ERR_FORMAT, "key cut flag not one 0 or 1");
    free(data);
}
END_TEST

/* The scorer's table (TPRB) and runs of weights (TWGT) are used in place:
 * a slot or a weight outside its table is refused, and a file without
 * them (as written before them) gets them built and scores the same. */
START_TEST(test_topic_scorer_sections)
{
    tagger_source_t src[2] = {{"small.tsv", small_tsv, sizeof small_tsv - 1},
                              {"small.model", small_topics, sizeof small_topics - 1}};
    tagger_t *tg;
    ck_assert_int_eq(tagger_compile(src, 2, 0, &tg, NULL), TAGGER_OK);
    char path[128];
    tmp_path(path, sizeof path, "scorer");
    ck_assert_int_eq(tagger_save(tg, path, NULL), TAGGER_OK);
    size_t len;
    uint8_t *data = (uint8_t *)test_slurp(path, &len);
    unlink(path);

    /* The slot of a feature with weights: 16 bytes, key (8), feature (4;
     * the top bit: it has weights) and run (4; all ones: a free slot). */
    size_t slot = section_offset(data, "TPRB");
    uint32_t feature, run;
    for (;; slot += 16) {
        memcpy(&feature, data + slot + 8, 4);
        memcpy(&run, data + slot + 12, 4);
        if (run != UINT32_MAX && (feature & 0x80000000u)) {
            break;
        }
    }
    memcpy(data + slot + 12, &(uint32_t){1000000}, 4);
    resign(data, len);
    assert_refused(data, len, TAGGER_ERR_FORMAT, "scorer's slot with an index outside its table");
    memcpy(data + slot + 12, &run, 4);

    /* Its run's first posting: elements 0 and 1 are the topic set and the
     * count, 8 bytes each; a posting is the topic (4) and the weight (4). */
    size_t posting = section_offset(data, "TWGT") + ((size_t)run + 2) * 8;
    uint32_t topic;
    memcpy(&topic, data + posting, 4);
    memcpy(data + posting, &(uint32_t){7}, 4);
    resign(data, len);
    assert_refused(data, len, TAGGER_ERR_FORMAT, "scorer's weight of a topic outside");
    memcpy(data + posting, &topic, 4);

    /* Without the scorer's sections (their tags in the section table
     * renamed): built on loading, the same scores. */
    hide_section(data, "TPRB");
    hide_section(data, "TFLT");
    hide_section(data, "TWGT");
    resign(data, len);
    tagger_t *built = NULL;
    ck_assert_int_eq(tagger_load_memory(data, len, &built, NULL), TAGGER_OK);
    assert_same_small_topics(tg, built);
    tagger_free(built);
    free(data);
    tagger_free(tg);
}
END_TEST

/* A file whose topic model loads and whose name model does not is refused
 * whole, and what was loaded of it is freed (found by fuzzing: the topic
 * model leaked; check-asan's leak check fails this test without the fix). */
START_TEST(test_late_section_failure_frees)
{
    tagger_t *tg;
    ck_assert_int_eq(tagger_compile(NULL, 0, TAGGER_COMPILE_BUILTIN, &tg, NULL), TAGGER_OK);
    char path[128];
    tmp_path(path, sizeof path, "late");
    ck_assert_int_eq(tagger_save(tg, path, NULL), TAGGER_OK);
    tagger_free(tg);
    size_t len;
    uint8_t *data = (uint8_t *)test_slurp(path, &len);
    unlink(path);
    hide_section(data, "NMRK"); /* the name model's marks: a required section */
    resign(data, len);
    assert_refused(data, len, TAGGER_ERR_FORMAT, "NMRK");
    free(data);
}
END_TEST

/* Every single flipped byte, header included, is refused. */
START_TEST(test_every_flip_refused)
{
    size_t len;
    uint8_t *data = small_model(&len);
    uint64_t *copy = malloc(len);
    ck_assert_ptr_nonnull(copy);
    for (size_t i = 0; i < len; i++) {
        memcpy(copy, data, len);
        ((uint8_t *)copy)[i] ^= 0x01;
        tagger_t *tg = NULL;
        tagger_error_t *err = NULL;
        int rc = tagger_load_memory(copy, len, &tg, &err);
        ck_assert_msg(rc == TAGGER_ERR_FORMAT || rc == TAGGER_ERR_VERSION,
                      "flip at byte %zu of %zu accepted (rc %d)", i, len, rc);
        ck_assert_ptr_nonnull(err);
        tagger_error_free(err);
    }
    free(copy);
    free(data);
}
END_TEST

START_TEST(test_missing_file)
{
    tagger_t *tg;
    tagger_error_t *err = NULL;
    ck_assert_int_eq(tagger_load("/nonexistent/model.tgm", &tg, &err), TAGGER_ERR_IO);
    ck_assert_ptr_null(tg);
    ck_assert_ptr_nonnull(err);
    ck_assert_str_eq(err->path, "/nonexistent/model.tgm");
    ck_assert_ptr_nonnull(strstr(err->message, "cannot open"));
    tagger_error_free(err);
}
END_TEST

Suite *model_file_suite(void)
{
    Suite *s = suite_create("model_file");
    TCase *tc = tcase_create("round_trip");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_round_trip_builtin);
    tcase_add_test(tc, test_default_equals_builtin);
    tcase_add_test(tc, test_memory_and_reproducible);
    suite_add_tcase(s, tc);

    tc = tcase_create("refused");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_flipped_byte);
    tcase_add_test(tc, test_truncated);
    tcase_add_test(tc, test_wrong_magic);
    tcase_add_test(tc, test_future_version);
    tcase_add_test(tc, test_bad_indexes_resigned);
    tcase_add_test(tc, test_topic_sections);
    tcase_add_test(tc, test_topic_scorer_sections);
    tcase_add_test(tc, test_topic_key_cut_travels);
    tcase_add_test(tc, test_late_section_failure_frees);
    tcase_add_test(tc, test_every_flip_refused);
    tcase_add_test(tc, test_missing_file);
    suite_add_tcase(s, tc);
    return s;
}
