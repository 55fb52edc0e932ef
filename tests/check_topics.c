/*
 * check_topics.c - the keyword topic model through the public API: the
 * model text format (scores as the format defines them, paths, ordering,
 * evidence, every kind of bad line rejected with its file and line), and
 * the trainer on a small labelled set generated here from news sentences.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tagger.h>

#include "annotate.h"
#include "normalize.h"
#include "scratch.h"
#include "suites.h"
#include "topic_features.h"
#include "topic_model.h"
#include "topic_score.h"

static const char gazetteer[] = "KP\tCOUNTRY\tNorth Korea\tQ423\t-\tNorth Korea\n"
                                "KR\tCOUNTRY\tSouth Korea\tQ884\t-\tSouth Korea\n";

static const char model_text[] =
    "tagger-topic-model\t1\n"
    "# a model small enough to score by hand\n"
    "topic\tmedtop:11000000\t-\t-1.5\tpolitics and government\n"
    "feature\tsanctions\t6\n"
    "topic\tmedtop:20000638\tmedtop:11000000\t-1\tinternational relations\n"
    "feature\tSanctions\t2\n"
    "feature\tpeace talks\t4\n"
    "feature\t@countries:2\t1\n"
    "topic\tmedtop:15000000\t-\t-1\tsport\n"
    "feature\tmatch\t4\n";

static tagger_t *compile_with(const char *model, tagger_error_t **err)
{
    tagger_source_t src[2] = {{"test.tsv", gazetteer, sizeof gazetteer - 1},
                              {"test.model", model, strlen(model)}};
    tagger_t *tg = NULL;
    int rc = tagger_compile(src, 2, 0, &tg, err);
    ck_assert_int_eq(rc == TAGGER_OK, tg != NULL);
    return tg;
}

static tagger_result_t *annotate(const tagger_t *tg, const char *text)
{
    tagger_scratch_t *s;
    tagger_result_t *r;
    ck_assert_int_eq(tagger_scratch_new(tg, &s), TAGGER_OK);
    ck_assert_int_eq(tagger_annotate(tg, s, text, strlen(text), &r), TAGGER_OK);
    tagger_scratch_free(s);
    return r;
}

static double sigmoid(double z)
{
    return 1.0 / (1.0 + exp(-z));
}

START_TEST(test_scores_follow_the_format)
{
    tagger_t *tg = compile_with(model_text, NULL);
    ck_assert_ptr_nonnull(tg);
    ck_assert_uint_eq(tagger_n_topics(tg), 3);
    const char *text = "North Korea and South Korea held peace talks on sanctions.";
    tagger_result_t *r = annotate(tg, text);
    /* 10 words; "sanctions" and "peace talks" once: x = (1 + ln 1) / sqrt(10) */
    double x = 1 / sqrt(10.0);
    ck_assert_double_eq_tol(tagger_result_topic_score(r, 0), sigmoid(-1.5 + 6 * x), 1e-6);
    ck_assert_double_eq_tol(tagger_result_topic_score(r, 1), sigmoid(-1 + 2 * x + 4 * x + 1),
                            1e-6);
    ck_assert_double_eq_tol(tagger_result_topic_score(r, 2), sigmoid(-1), 1e-6);
    /* Both politics topics pass the 0.35 threshold: the specific one first. */
    ck_assert_uint_eq(tagger_result_n_topics(r), 2);
    const tagger_topic_t *t = tagger_result_topic(r, 0);
    ck_assert_str_eq(t->id, "medtop:20000638");
    ck_assert_str_eq(t->label, "international relations");
    ck_assert_uint_eq(t->depth, 1);
    ck_assert_str_eq(t->path[0], "politics and government");
    ck_assert_str_eq(t->path[1], "international relations");
    /* Evidence: the input's own text, best first; "@countries:2" has none. */
    ck_assert_uint_eq(t->n_evidence, 2);
    ck_assert_str_eq(t->evidence[0], "peace talks");
    ck_assert_str_eq(t->evidence[1], "sanctions");
    ck_assert_str_eq(tagger_result_topic(r, 1)->id, "medtop:11000000");
    ck_assert_ptr_null(tagger_result_topic(r, 2));
    tagger_result_free(r);
    tagger_free(tg);
}
END_TEST

/* The words of a menu bar (layout.c) are no feature: a page with one
 * scores as its article alone, where the same words as a line of text
 * count. */
START_TEST(test_menu_words_are_no_features)
{
    tagger_t *tg = compile_with(model_text, NULL);
    ck_assert_ptr_nonnull(tg);
    const char *article = "North Korea and South Korea held peace talks on sanctions.";
    const char *page = "Home | Sport | Match reports | Sanctions\n\n"
                       "North Korea and South Korea held peace talks on sanctions.";
    const char *text = "Home Sport Match reports Sanctions\n\n"
                       "North Korea and South Korea held peace talks on sanctions.";
    tagger_result_t *a = annotate(tg, article), *p = annotate(tg, page), *t = annotate(tg, text);
    for (size_t i = 0; i < 3; i++) {
        ck_assert_double_eq_tol(tagger_result_topic_score(p, i),
                                tagger_result_topic_score(a, i), 1e-9);
    }
    ck_assert_double_gt(tagger_result_topic_score(t, 2), tagger_result_topic_score(a, 2));
    tagger_result_free(a);
    tagger_result_free(p);
    tagger_result_free(t);
    tagger_free(tg);
}
END_TEST

/* Version 3 keys words without a plural "s": "talks" in a text meets the
 * feature "talk", alone and in the pair "peace talk", and the evidence is
 * the text's own "Peace talks".  A version 1 model keeps whole words:
 * there "talk" does not meet "talks". */
START_TEST(test_version_3_keys_words_without_plural_s)
{
    static const char v3[] = "tagger-topic-model\t3\n"
                             "topic\tmedtop:11000000\t-\t-3\tpolitics and government\n"
                             "feature\ttalk\t2\n"
                             "feature\tpeace talk\t3\n"
                             "end\t1\t2\n";
    tagger_t *tg = compile_with(v3, NULL);
    ck_assert_ptr_nonnull(tg);
    tagger_result_t *r = annotate(tg, "Peace talks resumed on Monday.");
    /* 5 words; "talks" and "peace talks" once each */
    ck_assert_double_eq_tol(tagger_result_topic_score(r, 0), sigmoid(-3 + 5 / sqrt(5.0)), 1e-6);
    ck_assert_uint_eq(tagger_result_n_topics(r), 1);
    const tagger_topic_t *t = tagger_result_topic(r, 0);
    ck_assert_uint_eq(t->n_evidence, 1); /* "talks" lies inside "Peace talks" */
    ck_assert_str_eq(t->evidence[0], "Peace talks");
    tagger_result_free(r);
    tagger_free(tg);

    static const char v1[] = "tagger-topic-model\t1\n"
                             "topic\tmedtop:11000000\t-\t-3\tpolitics and government\n"
                             "feature\ttalk\t2\n"
                             "feature\tpeace talk\t3\n";
    tg = compile_with(v1, NULL);
    r = annotate(tg, "Peace talks resumed on Monday.");
    ck_assert_double_eq_tol(tagger_result_topic_score(r, 0), sigmoid(-3), 1e-6);
    ck_assert_uint_eq(tagger_result_n_topics(r), 0);
    tagger_result_free(r);
    tagger_free(tg);
}
END_TEST

/* Evidence is the best five features whose occurrences do not nest: where
 * a pair and its two words all weigh more than the next pair, the words
 * give way, and the fourth and fifth picks come from past the best eight
 * candidates (pick_evidence()'s shortlist). */
START_TEST(test_evidence_skips_nested_words)
{
    static const char nested_model[] = "tagger-topic-model\t1\n"
                                       "topic\tmedtop:20000638\t-\t-1\tinternational relations\n"
                                       "feature\tpeace talks\t10\n"
                                       "feature\tpeace\t9.9\n"
                                       "feature\ttalks\t9.8\n"
                                       "feature\tforeign minister\t9\n"
                                       "feature\tforeign\t8.9\n"
                                       "feature\tminister\t8.8\n"
                                       "feature\ttrade deal\t8\n"
                                       "feature\ttrade\t7.9\n"
                                       "feature\tdeal\t7.8\n"
                                       "feature\toil prices\t7\n"
                                       "feature\toil\t6.9\n"
                                       "feature\tprices\t6.8\n"
                                       "feature\tborder crossing\t6\n"
                                       "feature\tborder\t5.9\n"
                                       "feature\tcrossing\t5.8\n"
                                       "feature\tsummit\t1\n";
    tagger_t *tg = compile_with(nested_model, NULL);
    ck_assert_ptr_nonnull(tg);
    tagger_result_t *r = annotate(tg, "Peace talks, a foreign minister, a trade deal, oil "
                                      "prices and a border crossing after the summit.");
    const tagger_topic_t *t = tagger_result_topic(r, 0);
    ck_assert_ptr_nonnull(t);
    static const char *const expected[] = {"Peace talks", "foreign minister", "trade deal",
                                           "oil prices", "border crossing"};
    ck_assert_uint_eq(t->n_evidence, 5);
    for (size_t i = 0; i < 5; i++) {
        ck_assert_str_eq(t->evidence[i], expected[i]);
    }
    tagger_result_free(r);
    tagger_free(tg);
}
END_TEST

/* A topic whose bias alone passes the threshold, in a text with no word of
 * the model: listed, with no evidence (a fresh scratch has no candidate
 * buffer yet; found by the model_file fuzzer). */
START_TEST(test_topic_without_touched_features)
{
    static const char biased[] = "tagger-topic-model\t1\n"
                                 "topic\tmedtop:15000000\t-\t2\tsport\n"
                                 "feature\tmatch\t4\n";
    tagger_t *tg = compile_with(biased, NULL);
    ck_assert_ptr_nonnull(tg);
    tagger_result_t *r = annotate(tg, "Nothing here.");
    ck_assert_uint_eq(tagger_result_n_topics(r), 1);
    ck_assert_double_eq_tol(tagger_result_topic_score(r, 0), sigmoid(2), 1e-6);
    ck_assert_uint_eq(tagger_result_topic(r, 0)->n_evidence, 0);
    tagger_result_free(r);
    tagger_free(tg);
}
END_TEST

/* No topic passes the threshold: the best scored is reported alone, as a
 * guess, when a word of the text speaks for it, and left out of the
 * facets; with no word of the model for it, no topic at all. */
START_TEST(test_best_topic_as_a_guess)
{
    static const char weak[] = "tagger-topic-model\t1\n"
                               "topic\tmedtop:11000000\t-\t-1.5\tpolitics and government\n"
                               "feature\tsanctions\t6\n"
                               "topic\tmedtop:15000000\t-\t-1\tsport\n"
                               "feature\tmatch\t1\n";
    tagger_t *tg = compile_with(weak, NULL);
    /* 8 words, "match" once: sport sigmoid(-1 + 1 / sqrt 8) = 0.34, politics sigmoid(-1.5) */
    tagger_result_t *r = annotate(tg, "The committee met and talked about the match.");
    ck_assert_double_eq_tol(tagger_result_topic_score(r, 1), sigmoid(-1 + 1 / sqrt(8.0)), 1e-6);
    ck_assert_double_lt(tagger_result_topic_score(r, 1), 0.35);
    ck_assert_uint_eq(tagger_result_n_topics(r), 1);
    const tagger_topic_t *t = tagger_result_topic(r, 0);
    ck_assert_str_eq(t->id, "medtop:15000000");
    ck_assert_int_eq(t->below_threshold, 1);
    ck_assert_double_eq_tol(t->score, sigmoid(-1 + 1 / sqrt(8.0)), 1e-6);
    ck_assert_uint_eq(t->n_evidence, 1);
    ck_assert_str_eq(t->evidence[0], "match");
    char *json;
    ck_assert_int_eq(tagger_result_json(r, NULL, &json), TAGGER_OK);
    ck_assert_ptr_nonnull(strstr(json, "\"topics\":[{\"id\":\"medtop:15000000\""));
    ck_assert_ptr_nonnull(strstr(json, "\"topic\":[]"));
    tagger_string_free(json);
    tagger_result_free(r);
    /* No word of the model: no guess from the biases alone. */
    r = annotate(tg, "The committee met and talked about the budget.");
    ck_assert_uint_eq(tagger_result_n_topics(r), 0);
    tagger_result_free(r);
    /* A word of the model that speaks against the best topic: no evidence, no guess. */
    static const char against[] = "tagger-topic-model\t1\n"
                                  "topic\tmedtop:15000000\t-\t-1\tsport\n"
                                  "feature\tbudget\t-1\n";
    tagger_free(tg);
    tg = compile_with(against, NULL);
    r = annotate(tg, "The committee met and talked about the budget.");
    ck_assert_uint_eq(tagger_result_n_topics(r), 0);
    tagger_result_free(r);
    tagger_free(tg);
}
END_TEST

START_TEST(test_json_has_topics_and_topic_facets)
{
    tagger_t *tg = compile_with(model_text, NULL);
    tagger_result_t *r = annotate(tg, "A friendly MATCH, then another match.");
    char *json;
    ck_assert_int_eq(tagger_result_json(r, NULL, &json), TAGGER_OK);
    ck_assert_ptr_nonnull(strstr(json, "\"topics\":[{\"id\":\"medtop:15000000\",\"label\":"
                                       "\"sport\",\"score\":"));
    ck_assert_ptr_nonnull(strstr(json, "\"path\":[\"sport\"],\"evidence\":[\"MATCH\"]"));
    ck_assert_ptr_nonnull(strstr(json, "\"topic\":[\"medtop:15000000\"]"));
    tagger_string_free(json);
    tagger_json_options_t opt;
    tagger_json_options_init(&opt);
    opt.max_topics = 0;
    ck_assert_int_eq(tagger_result_json(r, &opt, &json), TAGGER_OK);
    ck_assert_ptr_nonnull(strstr(json, "\"topics\":[]"));
    tagger_string_free(json);
    tagger_result_free(r);
    tagger_free(tg);
}
END_TEST

/* The first lines of a version 2 model of one topic. */
#define V2_TOPIC "tagger-topic-model\t2\ntopic\ta\t-\t0\ta\n"

/* Each bad model, with the line and the words its diagnostic must name. */
static const struct {
    const char *model;
    long line;
    const char *message;
} bad_models[] = {
    {"tagger-topic-model\t4\n", 1, "format version 4; this tagger reads versions 1 to 3"},
    {"tagger-topic-model\t1.5\n", 1, "format version 1.5"},
    /* out of int's range: refused before any conversion to int (UB) */
    {"tagger-topic-model\t1e300\n", 1, "format version 1e+300"},
    {"tagger-topic-model\t1\ntopic\tmedtop:1\t-\t0\n", 2, "5 fields"},
    {"tagger-topic-model\t1\ntopic\tmedtop:1\t-\tlots\tx\n", 2, "field 4 (bias)"},
    {"tagger-topic-model\t1\nfeature\tvote\t1\n", 2, "before the first topic"},
    {"tagger-topic-model\t1\ntopic\ta\t-\t0\ta\nfeature\tvote\t1e999\n", 3, "field 3 (weight)"},
    /* finite as a double, infinite as the float the model keeps */
    {"tagger-topic-model\t1\ntopic\ta\t-\t0\ta\nfeature\tvote\t-3.5e38\n", 3,
     "field 3 (weight): not a number within a float's range"},
    {"tagger-topic-model\t1\ntopic\tmedtop:1\t-\t1e39\tx\n", 2, "field 4 (bias)"},
    {"tagger-topic-model\t1\ntopic\ta\tb\t0\ta\n", 2, "no topic 'b'"},
    {"tagger-topic-model\t1\ntopic\ta\t-\t0\ta\nfeature\tvote\t1\nfeature\tVote\t2\n", 4,
     "given twice"},
    {"tagger-topic-model\t1\ntopic\ta\t-\t0\ta\nfeature\tu.s.\t1\n", 3, "not a word"},
    {"tagger-topic-model\t1\ntopic\ta\t-\t0\ta\ntopic\ta\t-\t0\ta\n", 3, "defined twice"},
    {"tagger-topic-model\t1\nthreshold\t2\n", 2, "threshold"},
    {"tagger-topic-model\t1\nweights\t1\n", 2, "expected 'topic'"},
    /* Version 2: the end line.  Cut at a line end, it has none. */
    {V2_TOPIC "feature\tvote\t1\n", 3, "the model ends without its 'end' line (cut off?)"},
    {V2_TOPIC "feature\tvote\t1\n\n# comment\n", 5, "ends without its 'end' line"},
    {"tagger-topic-model\t2\n", 1, "ends without its 'end' line"},
    {V2_TOPIC "feature\tvote\t1\nend\t2\t1\n", 4,
     "field 2 (topics): the end line counts 2 topic lines, the model has 1 (cut off or edited?)"},
    {V2_TOPIC "feature\tvote\t1\nend\t1\t2\n", 4,
     "field 3 (features): the end line counts 2 feature lines, the model has 1"},
    {V2_TOPIC "end\t1\t-0\n", 3, "field 3 (features): not a count of lines: '-0'"},
    {V2_TOPIC "end\t1\n", 3, "an end line has 3 fields"},
    {V2_TOPIC "end\t1\t0\nfeature\tvote\t1\n", 4, "text after the end line (line 3)"},
    {V2_TOPIC "end\t1\t0\n\n# comment\n", 5, "text after the end line (line 3)"},
    {V2_TOPIC "end\t1\t0\nend\t1\t0\n", 4, "text after the end line"},
    /* Version 1 has no end line: there it is an unknown record. */
    {"tagger-topic-model\t1\ntopic\ta\t-\t0\ta\nend\t1\t0\n", 3,
     "'end' is a record of version 2; the first line says version 1"},
    {V2_TOPIC "weights\t1\nend\t1\t0\n", 3,
     "field 1 (record): expected 'topic', 'feature', 'threshold' or 'end'"},
    /* Version 3 keys words without a plural "s": such a key could never match. */
    {"tagger-topic-model\t3\ntopic\ta\t-\t0\ta\nfeature\tpeace talks\t1\nend\t1\t1\n", 3,
     "field 2 (key): 'peace talks' has a word ending in a plural 's'"},
};

START_TEST(test_bad_model_lines_rejected)
{
    tagger_error_t *err = NULL;
    tagger_t *tg = compile_with(bad_models[_i].model, &err);
    ck_assert_ptr_null(tg);
    ck_assert_ptr_nonnull(err);
    ck_assert_str_eq(err->path, "test.model");
    ck_assert_int_eq(err->line, bad_models[_i].line);
    ck_assert_msg(strstr(err->message, bad_models[_i].message), "message '%s' lacks '%s'",
                  err->message, bad_models[_i].message);
    tagger_error_free(err);
}
END_TEST

/* model_text in version 2: the same model, with its end line; blank lines
 * may follow it.  Cut at any line end before the end line, it is refused
 * with the file and its last line named. */
START_TEST(test_version_2_end_line)
{
    char v2[sizeof model_text + 64];
    const char *body = strchr(model_text, '\n') + 1;
    snprintf(v2, sizeof v2, "tagger-topic-model\t2\n%send\t3\t5\n\n\r\n", body);
    tagger_error_t *err = NULL;
    tagger_t *tg = compile_with(v2, &err);
    ck_assert_ptr_null(err);
    ck_assert_ptr_nonnull(tg);
    tagger_t *v1 = compile_with(model_text, NULL);
    const char *text = "North Korea and South Korea held peace talks on sanctions.";
    tagger_result_t *r = annotate(tg, text), *r1 = annotate(v1, text);
    ck_assert_uint_eq(tagger_result_n_topics(r), 2);
    for (size_t t = 0; t < 3; t++) {
        ck_assert_double_eq(tagger_result_topic_score(r, t), tagger_result_topic_score(r1, t));
    }
    tagger_result_free(r);
    tagger_result_free(r1);
    tagger_free(tg);
    tagger_free(v1);
    const char *end_line = strstr(v2, "\nend\t") + 1;
    long line = 0;
    for (const char *nl = strchr(v2, '\n'); nl && nl < end_line; nl = strchr(nl + 1, '\n')) {
        line++; /* the model cut after this line */
        char cut[sizeof v2];
        memcpy(cut, v2, (size_t)(nl + 1 - v2));
        cut[nl + 1 - v2] = '\0';
        tg = compile_with(cut, &err);
        ck_assert_ptr_null(tg);
        ck_assert_ptr_nonnull(err);
        const tagger_error_t *last = err;
        while (last->next) {
            last = last->next;
        }
        ck_assert_str_eq(last->path, "test.model");
        ck_assert_int_eq(last->line, line);
        ck_assert_str_eq(last->message, "the model ends without its 'end' line (cut off?)");
        tagger_error_free(err);
        err = NULL;
    }
    ck_assert_int_eq(line, 10); /* cut after each line before the end line */
}
END_TEST

START_TEST(test_second_user_model_rejected)
{
    tagger_source_t src[2] = {{"a.model", model_text, sizeof model_text - 1},
                              {"b.model", model_text, sizeof model_text - 1}};
    tagger_t *tg;
    tagger_error_t *err = NULL;
    ck_assert_int_eq(tagger_compile(src, 2, 0, &tg, &err), TAGGER_ERR_MISUSE);
    ck_assert_ptr_null(tg);
    ck_assert_str_eq(err->path, "b.model");
    tagger_error_free(err);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* The trainer                                                               */

static const char *const sport_sentences[] = {
    "The striker scored twice as the home side won the league match.",
    "The coach praised his players after the cup final went to penalties.",
    "She won the tennis championship in straight sets on Sunday.",
    "The goalkeeper saved a penalty in the second half of the match.",
    "Injury ruled the captain out of the rugby match against the champions.",
    "The team climbed to second in the league after a late goal.",
};
static const char *const economy_sentences[] = {
    "The central bank raised interest rates as inflation climbed again.",
    "Exports fell sharply and the trade deficit widened last quarter.",
    "Economists expect growth to slow as unemployment rises.",
    "The government cut its forecast for economic growth this year.",
    "Bond yields rose after the inflation figures surprised markets.",
    "Consumer spending slowed and the economy shrank in the third quarter.",
};
static const char taxonomy[] = "# qcode\tparent\tlabel\n"
                               "medtop:04000000\t-\teconomy, business and finance\n"
                               "medtop:20000344\tmedtop:04000000\teconomy\n"
                               "medtop:15000000\t-\tsport\n";

enum { N_TRAIN = 48 };

/* N_TRAIN documents, sport and economy in turn, each labelled with its
 * most specific topic; document d is three sentences of its class, chosen
 * by a fixed pattern.  In static storage. */
static const tagger_train_doc_t *make_corpus(void)
{
    static const char *const sport_label[] = {"medtop:15000000"};
    static const char *const economy_label[] = {"medtop:20000344"};
    static char texts[N_TRAIN][512];
    static tagger_train_doc_t docs[N_TRAIN];
    for (size_t d = 0; d < N_TRAIN; d++) {
        int sport = d % 2 == 0;
        const char *const *pool = sport ? sport_sentences : economy_sentences;
        snprintf(texts[d], 512, "%s %s %s", pool[d % 6], pool[(d / 2 + 1) % 6],
                 pool[(d / 3 + 3) % 6]);
        docs[d].text = texts[d];
        docs[d].len = strlen(texts[d]);
        docs[d].labels = sport ? sport_label : economy_label;
        docs[d].n_labels = 1;
    }
    return docs;
}

/* Training options for @p docs: at most @p per_topic features per topic,
 * of words in no more than @p max_df_share of the documents. */
static tagger_train_options_t options(double max_df_share, size_t per_topic)
{
    tagger_train_options_t opt;
    tagger_train_options_init(&opt);
    opt.taxonomy = taxonomy;
    opt.taxonomy_len = sizeof taxonomy - 1;
    opt.taxonomy_path = "taxonomy.tsv";
    opt.min_df = 2;
    opt.max_df_share = max_df_share;
    opt.features_per_topic = (unsigned)per_topic;
    return opt;
}

static char *train_opt(const tagger_t *tg, const tagger_train_doc_t *docs,
                       const tagger_train_options_t *opt)
{
    char *model = NULL;
    tagger_error_t *err = NULL;
    ck_assert_int_eq(tagger_train(tg, docs, N_TRAIN, opt, &model, &err), TAGGER_OK);
    ck_assert_ptr_null(err);
    return model;
}

static char *train_with(const tagger_t *tg, const tagger_train_doc_t *docs, double max_df_share,
                        size_t per_topic)
{
    tagger_train_options_t opt = options(max_df_share, per_topic);
    return train_opt(tg, docs, &opt);
}

static char *train(const tagger_t *tg, const tagger_train_doc_t *docs)
{
    /* Two classes of 24 documents: every useful word is in half of them. */
    return train_with(tg, docs, 1, 20);
}

/* How many feature lines of @p model have a key starting with @p prefix. */
static size_t features_starting(const char *model, const char *prefix)
{
    char line[64];
    snprintf(line, sizeof line, "\nfeature\t%s", prefix);
    size_t n = 0;
    for (const char *at = strstr(model, line); at; at = strstr(at + 1, line)) {
        n++;
    }
    return n;
}

/* A word too common to be a feature ("the", in nearly every document)
 * starts no word pair feature either: the scorer would probe a pair after
 * each of its occurrences.  Pairs of rarer words stay. */
START_TEST(test_trainer_drops_pairs_of_common_words)
{
    const tagger_train_doc_t *docs = make_corpus();
    tagger_t *plain = compile_with("", NULL);
    char *all = train_with(plain, docs, 1, 500);
    ck_assert_uint_gt(features_starting(all, "the "), 0); /* "the league", "the match" */
    char *model = train_with(plain, docs, 0.9, 500);
    ck_assert_uint_eq(features_starting(model, "the\t"), 0);
    ck_assert_uint_eq(features_starting(model, "the "), 0);
    ck_assert_uint_gt(features_starting(model, "interest rate"), 0);
    ck_assert_uint_gt(features_starting(model, "league match"), 0);
    tagger_string_free(all);
    tagger_string_free(model);
    tagger_free(plain);
}
END_TEST

/* A stop word is no feature, nor a half of a word pair, written as the
 * text writes it or not ("AFTER"); the other words and pairs stay. */
START_TEST(test_trainer_leaves_out_stop_words)
{
    const tagger_train_doc_t *docs = make_corpus();
    tagger_t *plain = compile_with("", NULL);
    char *all = train_with(plain, docs, 1, 500);
    ck_assert_uint_gt(features_starting(all, "after\t"), 0);
    ck_assert_uint_gt(features_starting(all, "after "), 0);     /* "after the" */
    ck_assert_ptr_nonnull(strstr(all, "\nfeature\tplayer after\t"));
    static const char *const stop[] = {"AFTER", "the"};
    tagger_train_options_t opt = options(1, 500);
    opt.stop_words = stop;
    opt.n_stop_words = 2;
    char *model = train_opt(plain, docs, &opt);
    ck_assert_uint_eq(features_starting(model, "after"), 0);
    ck_assert_uint_eq(features_starting(model, "the"), 0);
    ck_assert_ptr_null(strstr(model, "\nfeature\tplayer after\t"));
    ck_assert_ptr_null(strstr(model, " the\t"));
    ck_assert_uint_gt(features_starting(model, "interest rate"), 0);
    ck_assert_ptr_nonnull(strstr(model, "stop words 2."));
    tagger_string_free(all);
    tagger_string_free(model);
    tagger_free(plain);
}
END_TEST

/* By default the trainer learns how many countries a text is about, not
 * which ("@KP"): entity ids fit the sources trained on.  With entity_ids it
 * learns them too, and the scorer counts them, with the mention as
 * evidence. */
START_TEST(test_trainer_entity_ids)
{
    static char texts[N_TRAIN][600];
    static tagger_train_doc_t docs[N_TRAIN];
    memcpy(docs, make_corpus(), sizeof docs);
    for (size_t d = 1; d < N_TRAIN; d += 2) { /* the economy documents */
        snprintf(texts[d], sizeof texts[d], "North Korea. %s", docs[d].text);
        docs[d].text = texts[d];
        docs[d].len = strlen(texts[d]);
    }
    tagger_t *plain = compile_with("", NULL);
    char *counts = train_with(plain, docs, 1, 500);
    ck_assert_uint_eq(features_starting(counts, "@KP"), 0);
    ck_assert_uint_gt(features_starting(counts, "@countries:1"), 0);
    tagger_train_options_t opt = options(1, 500);
    opt.entity_ids = 1;
    char *ids = train_opt(plain, docs, &opt);
    ck_assert_uint_gt(features_starting(ids, "@KP"), 0);
    ck_assert_ptr_nonnull(strstr(ids, ", entity ids."));
    tagger_t *tg = compile_with(ids, NULL);
    ck_assert_ptr_nonnull(tg);
    tagger_result_t *r = annotate(tg, "North Korea.");
    ck_assert_uint_ge(tagger_result_n_topics(r), 1);
    const tagger_topic_t *t = tagger_result_topic(r, 0);
    ck_assert_str_eq(t->id, "medtop:20000344");
    ck_assert_uint_ge(t->n_evidence, 1);
    ck_assert_str_eq(t->evidence[0], "North Korea");
    tagger_result_free(r);
    tagger_free(tg);
    tagger_string_free(counts);
    tagger_string_free(ids);
    tagger_free(plain);
}
END_TEST

START_TEST(test_trainer_learns_and_generalises)
{
    const tagger_train_doc_t *docs = make_corpus();
    tagger_t *plain = compile_with("", NULL);
    char *model = train(plain, docs);
    /* The economy label brought its parent; each topic keeps <= 20 weights. */
    ck_assert_ptr_nonnull(strstr(model, "topic\tmedtop:20000344\tmedtop:04000000\t"));
    ck_assert_ptr_nonnull(strstr(model, "topic\tmedtop:04000000\t-\t"));
    /* Format version 3: the end line last, counting the lines above it. */
    ck_assert_int_eq(strncmp(model, "tagger-topic-model\t3\n", 21), 0);
    const char *end = strstr(model, "\nend\t");
    ck_assert_ptr_nonnull(end);
    size_t n_topics = 0, n_features = 0;
    for (const char *l = model; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
        n_topics += strncmp(l, "topic\t", 6) == 0;
        n_features += strncmp(l, "feature\t", 8) == 0;
    }
    char want_end[64];
    snprintf(want_end, sizeof want_end, "\nend\t%zu\t%zu\n", n_topics, n_features);
    ck_assert_str_eq(end, want_end);
    char *second = train(plain, docs);
    ck_assert_str_eq(model, second); /* reproducible */
    tagger_string_free(second);
    tagger_t *tg = compile_with(model, NULL);
    ck_assert_ptr_nonnull(tg);
    ck_assert_uint_eq(tagger_n_topics(tg), 3);
    /* Unseen sentences; the economy one comes out under its most specific topic. */
    static const struct {
        const char *text, *top;
    } held_out[] = {
        {"The striker scored a late goal to win the league match.", "medtop:15000000"},
        {"Inflation rose and growth slowed, so the central bank raised interest rates.",
         "medtop:20000344"},
    };
    for (size_t i = 0; i < 2; i++) {
        tagger_result_t *r = annotate(tg, held_out[i].text);
        ck_assert_uint_ge(tagger_result_n_topics(r), 1);
        const tagger_topic_t *t = tagger_result_topic(r, 0);
        ck_assert_str_eq(t->id, held_out[i].top);
        ck_assert(t->score >= 0.5 && t->score <= 1.0);
        ck_assert_uint_ge(t->n_evidence, 1);
        for (size_t e = 0; e < t->n_evidence; e++) {
            ck_assert_msg(strstr(held_out[i].text, t->evidence[e]), "evidence '%s'",
                          t->evidence[e]);
        }
        tagger_result_free(r);
    }
    tagger_string_free(model);
    tagger_free(tg);
    tagger_free(plain);
}
END_TEST

START_TEST(test_trainer_reports_bad_taxonomy_line)
{
    static const char *const label[] = {"medtop:15000000"};
    tagger_train_doc_t doc = {"The striker scored.", 19, label, 1};
    tagger_train_options_t opt;
    tagger_train_options_init(&opt);
    opt.taxonomy = "medtop:15000000\t-\tsport\nmedtop:1\tmedtop:15000000\n";
    opt.taxonomy_len = strlen(opt.taxonomy);
    opt.taxonomy_path = "tax.tsv";
    tagger_t *plain = compile_with("", NULL);
    char *model = NULL;
    tagger_error_t *err = NULL;
    ck_assert_int_eq(tagger_train(plain, &doc, 1, &opt, &model, &err), TAGGER_ERR_SYNTAX);
    ck_assert_ptr_null(model);
    ck_assert_str_eq(err->path, "tax.tsv");
    ck_assert_int_eq(err->line, 2);
    ck_assert_ptr_nonnull(strstr(err->message, "field 3 (label)"));
    tagger_error_free(err);
    ck_assert_int_eq(tagger_train(plain, &doc, 0, NULL, &model, NULL), TAGGER_ERR_MISUSE);
    tagger_free(plain);
}
END_TEST

/* ------------------------------------------------------------------
 * The word and pair keys of a text (tg_topic_words), and the scorer's
 * probe table (tg_topics_index, tg_topics_probe), below the API. */

typedef struct {
    char keys[512];    /* "key[start,end]|" per key */
    int no_pairs;      /* the callback answers TG_TKEY_NO_PAIR */
    int stop_after;    /* return -1 at this key (0: never) */
    int n;
} key_log_t;

static int log_key(const tg_tkey_t *k, void *ctx)
{
    key_log_t *log = ctx;
    size_t used = strlen(log->keys);
    snprintf(log->keys + used, sizeof log->keys - used, "%.*s[%zu,%zu]|", (int)k->len, k->key,
             k->start, tg_tkey_end(k));
    if (++log->n == log->stop_after) {
        return -1;
    }
    return log->no_pairs ? TG_TKEY_NO_PAIR : 0;
}

static const struct {
    const char *text;
    const char *keys;
    size_t n_words;
    int cut_plurals; /* keyed as a model of version 3 keys words */
} word_cases[] = {
    {"", "", 0, 0},
    {"a", "", 0, 0},
    {"ab", "ab[0,2]|", 1, 0}, /* a word that ends the buffer */
    /* one-letter words and numbers are no features and break pairs */
    {"a 12 B2 Foreign minister", "b2[5,7]|foreign[8,15]|b2 foreign[5,15]|minister[16,24]|"
                                 "foreign minister[8,24]|", 3, 0},
    /* hyphens and runs of spaces join pairs (the pair is copied) */
    {"cease-fire  talks", "cease[0,5]|fire[6,10]|cease fire[0,10]|talks[12,17]|"
                          "fire talks[6,17]|", 3, 0},
    /* case and diacritics folded; offsets are the input's */
    {"Caf\xC3\xA9 Z\xC3\xBCrich", "cafe[0,5]|zurich[6,13]|cafe zurich[0,13]|", 2, 0},
    /* an invalid byte separates words and is no pair separator */
    {"ab\xFF" "cd", "ab[0,2]|cd[3,5]|", 2, 0},
    /* Han characters are no words; a word then starts after them */
    {"\xE6\x9D\xB1\xE4\xBA\xAC talks", "talks[7,12]|", 1, 0},
    /* punctuation is no pair separator */
    {"peace, talks.", "peace[0,5]|talks[7,12]|", 2, 0},
    /* version 3: each word without its plural "s", in pairs too (copied
     * when the first word is cut), each occurrence still the whole word */
    {"Peace talks resume: elections, class status",
     "peace[0,5]|talk[6,11]|peace talk[0,11]|resume[12,18]|talk resume[6,18]|"
     "election[20,29]|class[31,36]|status[37,43]|class status[31,43]|",
     6, 1},
};

static int check_hash(const tg_tkey_t *k, void *ctx)
{
    (void)ctx;
    ck_assert_uint_eq(k->hash, tg_topic_hash(TG_HASH_INIT, k->key, k->len));
    return 0;
}

START_TEST(test_topic_words_keys)
{
    tg_norm_t norm = {0};
    ck_assert_int_eq(tg_norm_text(&norm, word_cases[_i].text, strlen(word_cases[_i].text)),
                     TAGGER_OK);
    key_log_t log = {{0}, 0, 0, 0};
    size_t n_words = 99;
    int cut = word_cases[_i].cut_plurals;
    ck_assert_int_eq(tg_topic_words(&norm, cut, log_key, &log, &n_words), 0);
    ck_assert_str_eq(log.keys, word_cases[_i].keys);
    ck_assert_uint_eq(n_words, word_cases[_i].n_words);
    /* each key hashed as the trainer hashes it */
    ck_assert_int_eq(tg_topic_words(&norm, cut, check_hash, NULL, &n_words), 0);
    tg_norm_free(&norm);
}
END_TEST

START_TEST(test_topic_words_callback_controls)
{
    const char *text = "foreign minister said";
    tg_norm_t norm = {0};
    ck_assert_int_eq(tg_norm_text(&norm, text, strlen(text)), TAGGER_OK);
    key_log_t log = {{0}, 1, 0, 0};
    size_t n_words = 0;
    /* no pairs wanted: words only, hashes as tg_topic_hash gives them */
    ck_assert_int_eq(tg_topic_words(&norm, 0, log_key, &log, &n_words), 0);
    ck_assert_str_eq(log.keys, "foreign[0,7]|minister[8,16]|said[17,21]|");
    ck_assert_uint_eq(n_words, 3);
    /* a negative answer stops the walk and is returned */
    key_log_t stop = {{0}, 0, 3, 0};
    ck_assert_int_eq(tg_topic_words(&norm, 0, log_key, &stop, &n_words), -1);
    ck_assert_str_eq(stop.keys, "foreign[0,7]|minister[8,16]|foreign minister[0,16]|");
    tg_norm_free(&norm);
}
END_TEST

START_TEST(test_topic_words_hashes)
{
    const char *text = "Cease-fire talks in S\xC3\xA3o Paulo, 2024: peace  now";
    tg_norm_t norm = {0};
    ck_assert_int_eq(tg_norm_text(&norm, text, strlen(text)), TAGGER_OK);
    size_t n_words = 0;
    ck_assert_int_eq(tg_topic_words(&norm, 0, check_hash, NULL, &n_words), 0);
    ck_assert_uint_eq(n_words, 8);
    tg_norm_free(&norm);
}
END_TEST

START_TEST(test_probe_table)
{
    static const char model[] = "tagger-topic-model\t1\n"
                                "topic\tmedtop:1\t-\t0\tone\n"
                                "feature\tsanctions\t1\n"
                                "feature\tpeace talks\t2\n"
                                "feature\t@countries:2\t1\n"
                                "topic\tmedtop:2\t-\t0\ttwo\n"
                                "feature\tpeace\t3\n"
                                "feature\tsanctions\t-1\n";
    tg_topics_t *m = NULL;
    ck_assert_int_eq(tg_topics_parse("t.model", model, sizeof model - 1, &m, NULL), TAGGER_OK);
    static const struct {
        const char *key;
        unsigned flags; /* TG_PROBE_*, or 0: not in the table */
    } probes[] = {
        {"sanctions", TG_PROBE_WEIGHTS},
        {"peace talks", TG_PROBE_WEIGHTS},
        {"peace", TG_PROBE_WEIGHTS | TG_PROBE_PAIRS},
        {"@countries:2", TG_PROBE_WEIGHTS},
        {"talks", 0},
        {"sanction", 0},
        {"sanctionss", 0},
        {"", 0},
    };
    for (size_t i = 0; i < sizeof probes / sizeof probes[0]; i++) {
        const char *key = probes[i].key;
        size_t len = strlen(key);
        const tg_tprobe_t *p = tg_topics_probe(m, len, tg_topic_key_hash64(key, len));
        if (!probes[i].flags) {
            ck_assert_msg(p == NULL, "'%s' found", key);
            continue;
        }
        ck_assert_msg(p != NULL, "'%s' not found", key);
        ck_assert_uint_eq(p->feature & (TG_PROBE_WEIGHTS | TG_PROBE_PAIRS), probes[i].flags);
        ck_assert_uint_eq(p->key, tg_topic_probe_key(tg_topic_key_hash64(key, len), len));
        const tg_tfeature_t *f = &m->features[p->feature & TG_PROBE_FEATURE];
        ck_assert_uint_eq(f->key_len, len);
        ck_assert(memcmp(m->pool + f->key, key, len) == 0);
    }
    /* "sanctions" has a weight for each topic */
    const tg_tprobe_t *p = tg_topics_probe(m, 9, tg_topic_key_hash64("sanctions", 9));
    ck_assert_uint_eq(m->features[p->feature & TG_PROBE_FEATURE].n, 2);
    /* and its run in the scorer's weights: both topics, two postings */
    ck_assert_uint_eq(m->weights[p->run].topics, 3);
    ck_assert_uint_eq(m->weights[p->run + 1].n, 2);
    ck_assert_uint_eq(m->weights[p->run + 2].posting.topic, 0);
    ck_assert(m->weights[p->run + 3].posting.weight == -1.0f);
    tg_topics_free(m);

    /* A model without features: every probe misses. */
    static const char empty[] = "tagger-topic-model\t1\ntopic\tmedtop:1\t-\t0\tone\n";
    ck_assert_int_eq(tg_topics_parse("e.model", empty, sizeof empty - 1, &m, NULL), TAGGER_OK);
    ck_assert_ptr_null(tg_topics_probe(m, 5, tg_topic_key_hash64("peace", 5)));
    tg_topics_free(m);
}
END_TEST

/* The probe trusts hash and length: the right hash with another length
 * misses, and so does another hash with the right length. */
START_TEST(test_probe_checks_hash_and_length)
{
    static const char model[] = "tagger-topic-model\t1\n"
                                "topic\tmedtop:1\t-\t0\tone\n"
                                "feature\tpeace\t1\n";
    tg_topics_t *m = NULL;
    ck_assert_int_eq(tg_topics_parse("t.model", model, sizeof model - 1, &m, NULL), TAGGER_OK);
    uint64_t h = tg_topic_key_hash64("peace", 5);
    ck_assert_ptr_nonnull(tg_topics_probe(m, 5, h));
    ck_assert_ptr_null(tg_topics_probe(m, 6, h));
    ck_assert_ptr_null(tg_topics_probe(m, 5, tg_topic_key_hash64("peach", 5)));
    tg_topics_free(m);
}
END_TEST

/* A model key's hash (tg_topic_hash64, which reads only the key) is the
 * hash the word list gives the same word (tg_fw_hash_padded, 8-byte loads
 * past it), at every length and alignment; keys differing in one byte, or
 * only in length, hash apart. */
START_TEST(test_hash64_fast_and_safe_paths_agree)
{
    char buf[64];
    for (size_t i = 0; i < sizeof buf; i++) {
        buf[i] = (char)('a' + i % 26);
    }
    for (size_t off = 0; off < 8; off++) {
        for (size_t len = 0; len <= 40; len++) {
            const char *s = buf + off;
            uint64_t safe = tg_topic_hash64(s, len);
            /* the padded hash takes words, never empty (trie.h) */
            ck_assert_msg(len == 0 ||
                              tg_hash64_final(tg_fw_hash_padded((const uint8_t *)s, len)) == safe,
                          "len %zu", len);
            if (len) {
                char copy[48];
                memcpy(copy, s, len);
                copy[len - 1] ^= 1;
                ck_assert(tg_topic_hash64(copy, len) != safe);
                ck_assert(tg_topic_hash64(s, len - 1) != safe);
            }
        }
    }
    /* a key without a space is one word; with one, a pair of its halves */
    ck_assert(tg_topic_key_hash64("peace", 5) == tg_topic_hash64("peace", 5));
    ck_assert(tg_topic_key_hash64("peace talks", 11) ==
              tg_topic_pair_hash64(tg_topic_key_hash64("peace", 5),
                                   tg_topic_key_hash64("talks", 5)));
    ck_assert(tg_topic_key_hash64("talks peace", 11) != tg_topic_key_hash64("peace talks", 11));
}
END_TEST

/* tg_topic_key_cut on real words: a final "s" goes when three bytes stay
 * and no "s", "u" or "i" is before it, but for the few words whose "s"
 * makes another word ("news" is no plural of "new"). */
START_TEST(test_key_cut_words)
{
    static const struct {
        const char *word;
        unsigned cut;
    } cases[] = {
        {"talks", 1},  {"elections", 1}, {"rates", 1},  {"news", 0},    {"says", 1},
        {"class", 0},  {"status", 0},    {"analysis", 0}, {"gas", 0},   {"its", 0},
        {"this", 0},   {"talk", 0},      {"s", 0},      {"yes", 0},     {"bus", 0},
        /* no plurals: the "s" makes another word */
        {"goods", 0},  {"arms", 0},      {"series", 0}, {"species", 0}, {"mars", 0},
        {"renews", 1}, {"harms", 1},     {"goodies", 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *w = cases[i].word;
        ck_assert_msg(tg_topic_key_cut(w, strlen(w)) == cases[i].cut, "'%s'", w);
    }
}
END_TEST

/* The scorer's word list: the words of tg_topic_words, hashed as the probe
 * table hashes keys, with the pairs they make; block by block it is the
 * same as in one go. */
static const struct {
    const char *text;
    const char *words; /* "word[start]" with "+" before a word that pairs with the last */
} list_cases[] = {
    {"", ""},
    {"a", ""},
    {"ab", "ab[0]"},
    {"a 12 B2 Foreign minister", "b2[5]+foreign[8]+minister[16]"},
    /* normalised offsets: the run of spaces is one */
    {"cease-fire  talks, now", "cease[0]+fire[6]+talks[11]now[18]"},
    {"Caf\xC3\xA9 Z\xC3\xBCrich", "cafe[0]+zurich[5]"},
    {"ab\xFF" "cd", "ab[0]cd[3]"},
    {"\xE6\x9D\xB1\xE4\xBA\xAC talks", "talks[7]"},
    /* long words: past one and two 8-byte chunks, and the 64-byte limit */
    {"internationalisation counterrevolutionaries x",
     "internationalisation[0]+counterrevolutionaries[21]"},
    {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bb cc", "bb[66]+cc[69]"},
    /* a word right after a symbol's continuation byte ("\xA3" is C2 A3) */
    {"profit \xC2\xA3" "5m up", "profit[0]5m[9]+up[12]"},
};

static void format_words(const tg_norm_t *norm, const tg_tword_t *w, size_t n, char *out,
                         size_t size)
{
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        size_t used = strlen(out);
        const char *key = norm->text + w[i].start;
        ck_assert(w[i].hash == tg_topic_key_hash64(key, w[i].len));
        int pairs = i > 0 && tg_topic_joins(norm->text, &w[i - 1], &w[i]);
        snprintf(out + used, size - used, "%s%.*s[%u]", pairs ? "+" : "", (int)w[i].len, key,
                 (unsigned)w[i].start);
    }
}

START_TEST(test_topic_word_list)
{
    tg_norm_t norm = {0};
    const char *text = list_cases[_i].text;
    ck_assert_int_eq(tg_norm_text(&norm, text, strlen(text)), TAGGER_OK);
    tg_tword_t all[64], some[64];
    char got[512];
    tg_tword_cursor_t cur = {0, 0, 0};
    size_t n = tg_topic_word_list(&norm, &cur, all, tg_topic_max_words(&norm));
    ck_assert_uint_le(n, tg_topic_max_words(&norm));
    format_words(&norm, all, n, got, sizeof got);
    ck_assert_str_eq(got, list_cases[_i].words);
    ck_assert_uint_eq(tg_topic_word_list(&norm, &cur, all, 64), 0);
    /* one word at a time */
    tg_tword_cursor_t one = {0, 0, 0};
    size_t m = 0;
    while (tg_topic_word_list(&norm, &one, some + m, 1) == 1) {
        m++;
    }
    ck_assert_uint_eq(m, n);
    ck_assert(memcmp(some, all, n * sizeof *all) == 0);
    tg_norm_free(&norm);
}
END_TEST

/* tg_topic_joins: only spaces and hyphens between two kept words, with no
 * dropped word between them; at the end of the text too. */
/* Texts where the scan hashes most words and leaves some to the scorer:
 * words in gazetteer matches, words of other scripts, numbers, one-letter
 * and over-long words, hyphenated pairs. */
static const char *const seen_word_texts[] = {
    "North Korea's foreign minister met South Korean officials in Seoul on Monday, the "
    "ministry said, and the peace talks resume in Geneva.",
    "Les n\xc3\xa9gociations \xc3\xa0 Gen\xc3\xa8ve \xe2\x80\x94 \xc2\xab" "cease-fire\xc2\xbb "
    "talks \xe2\x80\x94 resumed; 2024 figures: 3.5 mln dlrs, up 12 pct.",
    "\xe4\xb8\xad\xe5\x9b\xbd and \xeb\xb6\x81\xed\x95\x9c\xec\x9d\x98 talks: "
    "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0 said sanctions on North Korea "
    "stay.",
    "a b c x supercalifragilisticexpialidocioussupercalifragilisticexpialidocious1234 "
    "foreign-minister talks in North Korea, U.S. crude oil rose 2.5% to $80.12 a barrel.",
};

/* The scorer takes the words the scan hashed (tg_scan_word_t) and finds the
 * others itself: it must score exactly as when it finds all of them. */
START_TEST(test_scan_words_score_as_found_words)
{
    tagger_t *tg;
    ck_assert_int_eq(tagger_load_default(&tg, NULL), TAGGER_OK);
    tagger_scratch_t *s;
    ck_assert_int_eq(tagger_scratch_new(tg, &s), TAGGER_OK);
    const char *text = seen_word_texts[_i];
    tagger_result_t *r;
    ck_assert_int_eq(tagger_annotate(tg, s, text, strlen(text), &r), TAGGER_OK);
    /* the scan kept words, and left some to find */
    ck_assert_uint_gt(s->n_words, 2);
    tg_tword_cursor_t cur = {0, 0, 0};
    tg_tword_t all[128];
    size_t n_found = tg_topic_word_list(&s->norm, &cur, all, 128);
    size_t n_kept = 0;
    for (size_t i = 0; i < s->n_words; i++) {
        n_kept += tg_topic_keeps(s->norm.text + s->words[i].start, s->words[i].len);
    }
    ck_assert_uint_lt(n_kept, n_found);
    ck_assert_uint_gt(r->n_topics, 0);

    double *with_seen = r->topic_sums;
    size_t n_topics = r->n_topics;
    const char *first_evidence = r->topics[0].n_evidence ? r->topics[0].evidence[0] : "";
    char evidence[64];
    snprintf(evidence, sizeof evidence, "%s", first_evidence);
    ck_assert_int_eq(tg_topics_score(tg->topics, &s->topic, &s->norm, NULL, 0, NULL, text, r),
                     TAGGER_OK);
    for (size_t t = 0; t < r->n_topic_sums; t++) {
        ck_assert_msg(with_seen[t] == r->topic_sums[t], "topic %zu: %.17g != %.17g", t,
                      with_seen[t], r->topic_sums[t]);
    }
    ck_assert_uint_eq(r->n_topics, n_topics);
    ck_assert_str_eq(r->topics[0].n_evidence ? r->topics[0].evidence[0] : "", evidence);
    free(with_seen); /* the first scoring's block (store_topics()) */
    tagger_result_free(r);
    tagger_scratch_free(s);
    tagger_free(tg);
}
END_TEST

START_TEST(test_topic_joins)
{
    static const struct {
        const char *text;
        int joins; /* whether the second word pairs with the first */
    } cases[] = {
        {"foreign minister", 1},
        {"cease-fire", 1},
        {"peace  -  talks", 1},
        {"peace, talks", 0},
        {"peace 12 talks", 0},        /* a dropped word between */
        {"peace x talks", 0},         /* a one-letter word is dropped too */
        {"caf\xC3\xA9 z\xC3\xBCrich", 1}, /* non-ASCII words */
        {"peace \xE2\x80\x94 talks", 1}, /* dashes are normalised to hyphens */
        {"peace \xE2\x80\xA2 talks", 0}, /* a bullet is not */
        {"peace\xFFtalks", 0},       /* an invalid byte separates */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tg_norm_t norm = {0};
        const char *text = cases[i].text;
        ck_assert_int_eq(tg_norm_text(&norm, text, strlen(text)), TAGGER_OK);
        tg_tword_t w[8];
        tg_tword_cursor_t cur = {0, 0, 0};
        size_t n = tg_topic_word_list(&norm, &cur, w, 8);
        ck_assert_msg(n == 2, "'%s': %zu words", text, n);
        ck_assert_msg(tg_topic_joins(norm.text, &w[0], &w[1]) == cases[i].joins, "'%s'", text);
        ck_assert_int_eq(tg_topic_joins(norm.text, &w[1], &w[1]), 0); /* no gap */
        tg_norm_free(&norm);
    }
}
END_TEST

Suite *topics_suite(void)
{
    Suite *s = suite_create("topics");
    TCase *tc = tcase_create("model");
    tcase_add_test(tc, test_scores_follow_the_format);
    tcase_add_test(tc, test_version_3_keys_words_without_plural_s);
    tcase_add_test(tc, test_topic_without_touched_features);
    tcase_add_test(tc, test_evidence_skips_nested_words);
    tcase_add_test(tc, test_best_topic_as_a_guess);
    tcase_add_test(tc, test_json_has_topics_and_topic_facets);
    tcase_add_loop_test(tc, test_bad_model_lines_rejected, 0,
                        (int)(sizeof bad_models / sizeof bad_models[0]));
    tcase_add_test(tc, test_version_2_end_line);
    tcase_add_test(tc, test_second_user_model_rejected);
    suite_add_tcase(s, tc);
    tc = tcase_create("features");
    tcase_add_loop_test(tc, test_topic_words_keys, 0,
                        (int)(sizeof word_cases / sizeof word_cases[0]));
    tcase_add_test(tc, test_topic_words_callback_controls);
    tcase_add_test(tc, test_topic_words_hashes);
    tcase_add_test(tc, test_key_cut_words);
    tcase_add_test(tc, test_probe_table);
    tcase_add_test(tc, test_probe_checks_hash_and_length);
    tcase_add_test(tc, test_hash64_fast_and_safe_paths_agree);
    tcase_add_test(tc, test_topic_joins);
    tcase_add_loop_test(tc, test_scan_words_score_as_found_words, 0,
                        sizeof seen_word_texts / sizeof *seen_word_texts);
    tcase_add_loop_test(tc, test_topic_word_list, 0,
                        (int)(sizeof list_cases / sizeof list_cases[0]));
    suite_add_tcase(s, tc);
    tc = tcase_create("train");
    tcase_add_test(tc, test_menu_words_are_no_features);
    tcase_add_test(tc, test_trainer_leaves_out_stop_words);
    tcase_add_test(tc, test_trainer_entity_ids);
    tcase_add_test(tc, test_trainer_learns_and_generalises);
    tcase_add_test(tc, test_trainer_drops_pairs_of_common_words);
    tcase_add_test(tc, test_trainer_reports_bad_taxonomy_line);
    suite_add_tcase(s, tc);
    return s;
}
