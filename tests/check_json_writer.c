/*
 * check_json_writer.c - the direct compact JSON writer (json_out.c) gives
 * exactly the bytes cJSON_PrintUnformatted() gives for the same result: the
 * pretty output (still built as a cJSON tree) parsed and printed compact
 * must equal the compact output, for real articles, with every option, and
 * for ids and texts that need escapes or hold invalid UTF-8.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "suites.h"
#include "tagger.h"

static tagger_t *tg;
static tagger_scratch_t *scratch; /* reused, as a pipeline does: a scratch is per thread */

static void setup(void)
{
    ck_assert_int_eq(tagger_load_default(&tg, NULL), TAGGER_OK);
    ck_assert_int_eq(tagger_scratch_new(tg, &scratch), TAGGER_OK);
}

static void teardown(void)
{
    tagger_scratch_free(scratch);
    tagger_free(tg);
}

/* Compact output of @p text with @p opt equals cJSON's compact print of
 * the pretty output. */
static void assert_writers_agree(const char *text, size_t len, tagger_json_options_t opt)
{
    tagger_result_t *r;
    char *compact, *pretty;
    ck_assert_int_eq(tagger_annotate(tg, scratch, text, len, &r), TAGGER_OK);
    opt.flags &= ~TAGGER_JSON_PRETTY;
    ck_assert_int_eq(tagger_result_json(r, &opt, &compact), TAGGER_OK);
    opt.flags |= TAGGER_JSON_PRETTY;
    ck_assert_int_eq(tagger_result_json(r, &opt, &pretty), TAGGER_OK);
    cJSON *tree = cJSON_Parse(pretty);
    ck_assert_ptr_nonnull(tree);
    char *reprinted = cJSON_PrintUnformatted(tree);
    ck_assert_msg(strcmp(compact, reprinted) == 0, "writers differ:\n%s\n%s", compact,
                  reprinted);
    ck_assert_ptr_null(strchr(compact, '\n'));
    cJSON_free(reprinted);
    cJSON_Delete(tree);
    tagger_string_free(compact);
    tagger_string_free(pretty);
    tagger_result_free(r);
}

START_TEST(test_real_articles)
{
    static const char *const paths[] = {
        "docs/examples/north-korea.txt",
        "../shared/fixtures/seeds/000_45fc9d99be84174a.txt",
        "../shared/fixtures/seeds/001_9301c262b0a3d84c.txt",
    };
    for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) {
        size_t len;
        char *text = test_slurp(paths[i], &len);
        if (!text) {
            continue;
        }
        tagger_json_options_t opt;
        tagger_json_options_init(&opt);
        opt.id = paths[i];
        assert_writers_agree(text, len, opt);
        opt.flags = TAGGER_JSON_NO_MENTIONS;
        opt.min_relevance = 0.3;
        assert_writers_agree(text, len, opt);
        opt.flags = 0;
        opt.kinds = 1u << TAGGER_KIND_COUNTRY;
        opt.facet_threshold = 0;
        assert_writers_agree(text, len, opt);
        free(text);
    }
}
END_TEST

/* Quotes, backslashes, control characters and invalid UTF-8 in the id;
 * invalid bytes in the text (the warnings member). */
START_TEST(test_escapes_and_warnings)
{
    const char text[] = "\"North Korea\"\t said\\ \x01 the U.S. \xff\xfe in Pyongyang.";
    tagger_json_options_t opt;
    tagger_json_options_init(&opt);
    opt.id = "a \"quoted\"\\path\n\r\b\f\t\x1f\x7f\xe2\x80\x99 \xc3";
    assert_writers_agree(text, sizeof text - 1, opt);
    opt.id = NULL;
    assert_writers_agree(text, sizeof text - 1, opt);
    assert_writers_agree("", 0, opt);
}
END_TEST

/* Topic ids and labels that need escapes, in a path two deep: the topics'
 * fixed parts, written once per model (tg_topics_json_init()), are what
 * cJSON makes of them, in "topics" and in both facet objects. */
START_TEST(test_topic_parts_escaped)
{
    static const char gazetteer[] = "KP\tCOUNTRY\tNorth Korea\tQ423\t-\tNorth Korea\n";
    static const char model[] = "tagger-topic-model\t1\n"
                                "topic\tmedtop:\"1\"\t-\t2\ta \"b\" \\ caf\xc3\xa9 \x7f\n"
                                "feature\tmatch\t1\n"
                                "topic\tmedtop:2\tmedtop:\"1\"\t2\tsub \\topic\n"
                                "feature\tmatch\t2\n";
    tagger_source_t src[2] = {{"g.tsv", gazetteer, sizeof gazetteer - 1},
                              {"t.model", model, sizeof model - 1}};
    tagger_t *own;
    ck_assert_int_eq(tagger_compile(src, 2, 0, &own, NULL), TAGGER_OK);
    tagger_t *builtin = tg;
    tagger_scratch_t *builtin_scratch = scratch;
    tg = own;
    ck_assert_int_eq(tagger_scratch_new(tg, &scratch), TAGGER_OK);
    const char text[] = "The match in North Korea was won.";
    tagger_json_options_t opt;
    tagger_json_options_init(&opt);
    assert_writers_agree(text, sizeof text - 1, opt);
    tagger_result_t *r;
    char *json;
    ck_assert_int_eq(tagger_annotate(tg, scratch, text, sizeof text - 1, &r), TAGGER_OK);
    ck_assert_int_eq(tagger_result_json(r, &opt, &json), TAGGER_OK);
    ck_assert_ptr_nonnull(strstr(json, "\"path\":[\"a \\\"b\\\" \\\\ caf\xc3\xa9 \x7f\","
                                       "\"sub \\\\topic\"]"));
    tagger_string_free(json);
    tagger_result_free(r);
    tagger_scratch_free(scratch);
    tagger_free(own);
    tg = builtin;
    scratch = builtin_scratch;
}
END_TEST

/* Ids of every length up to 40 with one byte that needs an escape (or a
 * byte just beside those) at every place, so that the writer's 8-byte
 * blocks meet it everywhere. */
START_TEST(test_escape_at_every_offset)
{
    static const char special[] = {'"', '\\', '\n', 0x01, 0x1F, 0x20, 0x21, 0x5B, 0x5D, 0x7F};
    const char text[] = "North Korea said so.";
    char id[48];
    tagger_json_options_t opt;
    tagger_json_options_init(&opt);
    opt.id = id;
    for (size_t len = 1; len <= 40; len += 1 + (len > 20)) {
        for (size_t at = 0; at < len; at++) {
            for (size_t k = 0; k < sizeof special; k++) {
                memset(id, 'a', len);
                id[at] = special[k];
                id[len] = '\0';
                assert_writers_agree(text, sizeof text - 1, opt);
            }
        }
    }
}
END_TEST

/* Numbers of every width the writer's digit pairs meet: the offset of the
 * first invalid byte (the warnings member) from 0 to seven digits. */
START_TEST(test_numbers_of_every_width)
{
    static const size_t offsets[] = {0, 9, 10, 99, 100, 101, 999, 1000, 12345, 99999, 1234567};
    size_t len = 1234568;
    char *text = malloc(len);
    ck_assert_ptr_nonnull(text);
    tagger_json_options_t opt;
    tagger_json_options_init(&opt);
    for (size_t k = 0; k < sizeof offsets / sizeof offsets[0]; k++) {
        for (size_t i = 0; i < len; i++) {
            text[i] = i % 2 ? ' ' : 'a';
        }
        text[offsets[k]] = (char)0xFF;
        size_t n = offsets[k] + 1 + (k % 3);
        assert_writers_agree(text, n < len ? n : len, opt);
    }
    free(text);
}
END_TEST

Suite *json_writer_suite(void)
{
    Suite *s = suite_create("json_writer");
    TCase *tc = tcase_create("agree");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_real_articles);
    tcase_add_test(tc, test_escapes_and_warnings);
    tcase_add_test(tc, test_topic_parts_escaped);
    tcase_add_test(tc, test_escape_at_every_offset);
    tcase_add_test(tc, test_numbers_of_every_width);
    suite_add_tcase(s, tc);
    return s;
}
