/*
 * check_api.c - the public API as a user sees it: only <tagger.h>.
 * Versions, status strings, type names, NULL-tolerant destructors and
 * out-parameters after failures.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <tagger.h>

#include "suites.h"

static const char tsv[] = "KP\tCOUNTRY\tNorth Korea\tQ423\t-\tNorth Korea\n";

START_TEST(test_version_matches_macros)
{
    char want[32];
    snprintf(want, sizeof want, "%d.%d.%d", TAGGER_VERSION_MAJOR, TAGGER_VERSION_MINOR,
             TAGGER_VERSION_PATCH);
    ck_assert_ptr_nonnull(tagger_version());
    ck_assert_str_eq(tagger_version(), want);
}
END_TEST

START_TEST(test_strerror_every_status)
{
    static const int codes[] = {TAGGER_OK,          TAGGER_ERR_NOMEM,   TAGGER_ERR_IO,
                                TAGGER_ERR_SYNTAX,  TAGGER_ERR_UTF8,    TAGGER_ERR_FORMAT,
                                TAGGER_ERR_VERSION, TAGGER_ERR_STOPPED, TAGGER_ERR_MISUSE};
    enum { N = sizeof codes / sizeof codes[0] };
    const char *unknown = tagger_strerror(-9999);
    ck_assert_ptr_nonnull(unknown);
    ck_assert_uint_gt(strlen(unknown), 0);
    for (size_t i = 0; i < N; i++) {
        const char *msg = tagger_strerror(codes[i]);
        ck_assert_msg(msg != NULL && *msg, "status %d has no text", codes[i]);
        ck_assert_msg(strcmp(msg, unknown) != 0, "status %d reads as unknown", codes[i]);
        for (size_t j = 0; j < i; j++) {
            ck_assert_msg(strcmp(msg, tagger_strerror(codes[j])) != 0,
                          "statuses %d and %d share a text", codes[i], codes[j]);
        }
    }
}
END_TEST

START_TEST(test_strerror_unknown_status)
{
    static const int codes[] = {1, 42, -9, -100, INT_MIN, INT_MAX};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        const char *msg = tagger_strerror(codes[i]);
        ck_assert_ptr_nonnull(msg);
        ck_assert_str_eq(msg, tagger_strerror(-9999));
    }
}
END_TEST

START_TEST(test_kind_names_round_trip)
{
    static const struct {
        tagger_kind_t kind;
        const char *name;
    } kinds[] = {{TAGGER_KIND_PERSON, "PERSON"},
                 {TAGGER_KIND_COUNTRY, "COUNTRY"},
                 {TAGGER_KIND_PLACE, "PLACE"},
                 {TAGGER_KIND_ORG, "ORG"}};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        ck_assert_str_eq(tagger_kind_name(kinds[i].kind), kinds[i].name);
        ck_assert_int_eq(tagger_kind_parse(kinds[i].name), (int)kinds[i].kind);
    }
}
END_TEST

START_TEST(test_kind_rejects)
{
    ck_assert_ptr_null(tagger_kind_name((tagger_kind_t)0));
    ck_assert_ptr_null(tagger_kind_name((tagger_kind_t)5));
    ck_assert_ptr_null(tagger_kind_name((tagger_kind_t)-1));
    static const char *const bad[] = {"",        "country", "Country", "COUNTRY ", " ORG",
                                      "PERSONS", "ORGX",    "CITY",    "PLAC"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_msg(tagger_kind_parse(bad[i]) == 0, "'%s' parsed as a type", bad[i]);
    }
    ck_assert_int_eq(tagger_kind_parse(NULL), 0);
}
END_TEST

START_TEST(test_destructors_accept_null)
{
    tagger_free(NULL);
    tagger_scratch_free(NULL);
    tagger_result_free(NULL);
    tagger_error_free(NULL);
    tagger_string_free(NULL);
    ck_assert_uint_eq(tagger_n_entities(NULL), 0);
    ck_assert_uint_eq(tagger_n_aliases(NULL), 0);
    ck_assert_uint_eq(tagger_result_n_entities(NULL), 0);
    ck_assert_ptr_null(tagger_result_entity(NULL, 0));
}
END_TEST

START_TEST(test_json_options_defaults)
{
    tagger_json_options_t opt;
    memset(&opt, 0x5A, sizeof opt);
    tagger_json_options_init(&opt);
    ck_assert_ptr_null(opt.id);
    ck_assert_uint_eq(opt.flags, 0);
    ck_assert_double_eq(opt.facet_threshold, TAGGER_FACET_THRESHOLD);
    ck_assert_double_eq(opt.min_relevance, 0);
    ck_assert_uint_eq(opt.kinds, 0);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Out-parameters after failures                                             */

static int dummy; /* a non-NULL address to preset out-parameters with */

START_TEST(test_compile_failures_clear_out)
{
    tagger_source_t ok = {"a.tsv", tsv, sizeof tsv - 1};
    tagger_source_t missing = {"/nonexistent/tagger/a.tsv", NULL, 0};
    tagger_source_t nameless = {NULL, NULL, 0};
    tagger_t *tg;
    tagger_error_t *err;

    tg = (tagger_t *)&dummy;
    err = (tagger_error_t *)&dummy;
    ck_assert_int_eq(tagger_compile(&missing, 1, 0, &tg, &err), TAGGER_ERR_IO);
    ck_assert_ptr_null(tg);
    ck_assert_ptr_nonnull(err);
    ck_assert_ptr_ne(err, (tagger_error_t *)&dummy);
    tagger_error_free(err);

    tg = (tagger_t *)&dummy;
    err = (tagger_error_t *)&dummy;
    ck_assert_int_eq(tagger_compile(NULL, 1, 0, &tg, &err), TAGGER_ERR_MISUSE);
    ck_assert_ptr_null(tg);
    ck_assert_ptr_null(err);

    tg = (tagger_t *)&dummy;
    /* an unknown flag */
    ck_assert_int_eq(tagger_compile(&ok, 1, 1u << 30, &tg, NULL), TAGGER_ERR_MISUSE);
    ck_assert_ptr_null(tg);

    tg = (tagger_t *)&dummy;
    ck_assert_int_eq(tagger_compile(&nameless, 1, 0, &tg, NULL), TAGGER_ERR_MISUSE);
    ck_assert_ptr_null(tg);

    ck_assert_int_eq(tagger_compile(&ok, 1, 0, NULL, NULL), TAGGER_ERR_MISUSE);
}
END_TEST

START_TEST(test_scan_failures_clear_out)
{
    tagger_source_t src = {"a.tsv", tsv, sizeof tsv - 1};
    tagger_t *tg = NULL;
    ck_assert_int_eq(tagger_compile(&src, 1, 0, &tg, NULL), TAGGER_OK);

    tagger_scratch_t *s = (tagger_scratch_t *)&dummy;
    ck_assert_int_eq(tagger_scratch_new(NULL, &s), TAGGER_ERR_MISUSE);
    ck_assert_ptr_null(s);

    ck_assert_int_eq(tagger_scratch_new(tg, &s), TAGGER_OK);
    tagger_result_t *r = (tagger_result_t *)&dummy;
    ck_assert_int_eq(tagger_annotate(NULL, s, "North Korea", 11, &r), TAGGER_ERR_MISUSE);
    ck_assert_ptr_null(r);
    r = (tagger_result_t *)&dummy;
    ck_assert_int_eq(tagger_annotate(tg, NULL, "North Korea", 11, &r), TAGGER_ERR_MISUSE);
    ck_assert_ptr_null(r);

    ck_assert_int_eq(tagger_annotate(tg, s, "North Korea", 11, &r), TAGGER_OK);
    ck_assert_uint_eq(tagger_result_n_entities(r), 1);
    ck_assert_ptr_null(tagger_result_entity(r, 1));
    ck_assert_ptr_null(tagger_result_entity(r, (size_t)-1));

    char buf[] = "x";
    char *json = buf;
    ck_assert_int_eq(tagger_result_json(NULL, NULL, &json), TAGGER_ERR_MISUSE);
    ck_assert_ptr_null(json);

    tagger_result_free(r);
    tagger_scratch_free(s);
    tagger_free(tg);
}
END_TEST

/* The whole round: compile, scan, annotate, print; everything freed. */
START_TEST(test_round_trip)
{
    tagger_source_t src = {"a.tsv", tsv, sizeof tsv - 1};
    tagger_t *tg;
    tagger_scratch_t *s;
    tagger_result_t *r;
    char *json;
    const char *text = "Talks with North Korea stalled.";
    ck_assert_int_eq(tagger_compile(&src, 1, 0, &tg, NULL), TAGGER_OK);
    ck_assert_uint_eq(tagger_n_entities(tg), 1);
    ck_assert_uint_eq(tagger_n_aliases(tg), 1);
    ck_assert_int_eq(tagger_scratch_new(tg, &s), TAGGER_OK);
    ck_assert_int_eq(tagger_annotate(tg, s, text, strlen(text), &r), TAGGER_OK);
    ck_assert_int_eq(tagger_result_json(r, NULL, &json), TAGGER_OK);
    ck_assert_ptr_nonnull(strstr(json, "\"North Korea\""));
    ck_assert_ptr_nonnull(strstr(json, "\"start\":11"));
    tagger_string_free(json);
    tagger_result_free(r);
    tagger_scratch_free(s);
    tagger_free(tg);
}
END_TEST

Suite *api_suite(void)
{
    Suite *s = suite_create("api");
    TCase *tc = tcase_create("basics");
    tcase_add_test(tc, test_version_matches_macros);
    tcase_add_test(tc, test_strerror_every_status);
    tcase_add_test(tc, test_strerror_unknown_status);
    tcase_add_test(tc, test_kind_names_round_trip);
    tcase_add_test(tc, test_kind_rejects);
    tcase_add_test(tc, test_destructors_accept_null);
    tcase_add_test(tc, test_json_options_defaults);
    suite_add_tcase(s, tc);

    tc = tcase_create("failures");
    tcase_add_test(tc, test_compile_failures_clear_out);
    tcase_add_test(tc, test_scan_failures_clear_out);
    tcase_add_test(tc, test_round_trip);
    suite_add_tcase(s, tc);
    return s;
}
