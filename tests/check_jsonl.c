/*
 * check_jsonl.c - the --jsonl record path of the command (tagger/cli):
 * byte checks cJSON leaves out, the splice point, records written back
 * byte for byte with the annotation added, per-field mention offsets,
 * error records and the TSV / bulk / HTML writers.
 *
 * Records are tagged with a small in-memory gazetteer, so each test knows
 * exactly which names must be found.
 */
#include <stdio.h>
#include <string.h>

#include <cJSON.h>

#include "cli/formats.h"
#include "cli/html_out.h"
#include "cli/jsonl_parse.h"
#include "cli/jsonl_record.h"
#include "suites.h"

/* Defined by the command's main.c; the record module prints it. */
const char *const cli_prog = "tagger";

static const char gazetteer[] = "KP\tCOUNTRY\tNorth Korea\tQ423\t-\tNorth Korea\n"
                                "JP\tCOUNTRY\tJapan\tQ17\t-\tJapan\n"
                                "FR\tCOUNTRY\tFrance\tQ142\t-\tFrance\n";

static tagger_t *tg;
static cli_options_t opt;
static record_worker_t worker;
static strbuf_t out, diag;
static const char *fields_body[] = {"body"};

static void setup(void)
{
    tagger_source_t src = {"test.tsv", gazetteer, sizeof gazetteer - 1};
    ck_assert_int_eq(tagger_compile(&src, 1, 0, &tg, NULL), TAGGER_OK);
    memset(&opt, 0, sizeof opt);
    opt.tg = tg;
    tagger_json_options_init(&opt.json);
    opt.format = FORMAT_JSON;
    opt.jsonl = true;
    opt.text_fields = fields_body;
    opt.n_text_fields = 1;
    opt.id_field = "id";
    opt.output_field = "annotations";
    opt.jobs = 1;
    ck_assert_int_eq(record_worker_init(&worker, &opt), TAGGER_OK);
    sb_init(&out);
    sb_init(&diag);
}

static void teardown(void)
{
    record_worker_free(&worker);
    sb_free(&out);
    sb_free(&diag);
    tagger_free(tg);
}

/* Runs one line (a C string) through the record path as line 7 of in.jsonl. */
static bool process(const char *line)
{
    sb_clear(&out);
    sb_clear(&diag);
    return jsonl_process_line(&worker, "in.jsonl", 7, line, strlen(line), &out, &diag);
}

/* ------------------------------------------------------------ byte checks */

START_TEST(test_check_bytes_accepts_json_cjson_would)
{
    static const char *const good[] = {
        "{\"a\":-0.0,\"b\":1.10,\"c\":1e-3,\"d\":12345678901234567890,\"e\":[0,1E+2,-7]}",
        "{\"s\":\"caf\xC3\xA9 \xE2\x80\x99 \xF0\x9F\x98\x80\",\"t\":\"tab\\tquote\\\"\"}",
        "{\"e\":\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\uD83D\\uDE00\"}",
        " \t{\"a\" : [ true , null ]}\r",
        "{\"digits in a string\":\"01 1. 1e\"}",
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        size_t where = 99;
        const char *msg = jsonl_check_bytes(good[i], strlen(good[i]), &where);
        ck_assert_msg(msg == NULL, "'%s' rejected: %s at %zu", good[i], msg, where);
    }
}
END_TEST

START_TEST(test_check_bytes_rejects_with_position)
{
    static const struct {
        const char *line;
        const char *msg;
        size_t where;
    } bad[] = {
        {"{\"a\":\"Caf\xE9\"}", "invalid UTF-8", 9},          /* Latin-1 byte */
        {"{\"a\":\"\xC0\x80\"}", "invalid UTF-8", 6},         /* overlong NUL */
        {"{\"a\":\"\xED\xA0\x80\"}", "invalid UTF-8", 6},     /* surrogate */
        {"{\"a\":\"\xF4\x90\x80\x80\"}", "invalid UTF-8", 6}, /* > U+10FFFF */
        {"{\"a\":\"\xE2\x82\"}", "invalid UTF-8", 6},         /* truncated */
        {"{\"a\":\"x\ty\"}", "control character inside a string", 7},
        {"{\"a\":\x01 1}", "control character outside a string", 5},
        {"{\"a\":01}", "malformed number", 5},
        {"{\"a\":1.}", "malformed number", 5},
        {"{\"a\":-}", "malformed number", 5},
        {"{\"a\":1e}", "malformed number", 5},
        {"{\"a\":1.2.3}", "malformed number", 5},
        {"{\"a\":\"\\u0e9 \"}", "invalid escape in a string", 6},
        {"{\"a\":\"\\x\"}", "invalid escape in a string", 6},
        {"{\"a\":\"\\u00", "invalid escape in a string", 6},
        {"{\"a\":\"x\\ud800y\"}", "unpaired surrogate escape (no UTF-8 for it)", 7},
        {"{\"a\":\"\\uDC00\"}", "unpaired surrogate escape (no UTF-8 for it)", 6},
        {"{\"a\":\"\\uD83D\\u0041\"}", "unpaired surrogate escape (no UTF-8 for it)", 6},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        size_t where = 99;
        const char *msg = jsonl_check_bytes(bad[i].line, strlen(bad[i].line), &where);
        ck_assert_msg(msg && strcmp(msg, bad[i].msg) == 0, "case %zu: got %s", i,
                      msg ? msg : "(accepted)");
        ck_assert_uint_eq(where, bad[i].where);
    }
}
END_TEST

START_TEST(test_splice_point_is_the_closing_brace)
{
    ck_assert_uint_eq(jsonl_splice_point("{\"a\":1}", 7), 6);
    ck_assert_uint_eq(jsonl_splice_point("{\"a\":{}}  \r", 11), 7);
    ck_assert_uint_eq(jsonl_splice_point("{}", 2), 1);
}
END_TEST

/* ------------------------------------------------------------ records */

START_TEST(test_record_written_back_byte_for_byte)
{
    const char *line = "{ \"n\": 12345678901234567890, \"x\":1.10, \"y\":-0.0,"
                       "\"url\":\"http:\\/\\/a\\/b\",\"body\":\"caf\\u00e9 in France\" }";
    ck_assert(!process(line));
    ck_assert_uint_eq(diag.len, 0);
    /* Everything up to the closing brace, then the added field, then " }". */
    const char *closing = strrchr(line, '}');
    size_t head = (size_t)(closing - line);
    const char *got = sb_cstr(&out);
    ck_assert_int_eq(strncmp(got, line, head), 0);
    ck_assert_int_eq(strncmp(got + head, ",\"annotations\":{", 16), 0);
    ck_assert_str_eq(got + out.len - 2, "}\n");
    cJSON *rec = cJSON_ParseWithLength(got, out.len);
    ck_assert_ptr_nonnull(rec);
    const cJSON *ann = cJSON_GetObjectItemCaseSensitive(rec, "annotations");
    ck_assert(cJSON_GetObjectItemCaseSensitive(ann, "id") == NULL);
    const cJSON *ent = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(ann, "entities"), 0);
    ck_assert_str_eq(cJSON_GetObjectItemCaseSensitive(ent, "id")->valuestring, "FR");
    const cJSON *m = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(ent, "mentions"), 0);
    /* "café in France": byte 9 (é is two bytes), code point 8. */
    ck_assert_str_eq(cJSON_GetObjectItemCaseSensitive(m, "field")->valuestring, "body");
    ck_assert_int_eq(cJSON_GetObjectItemCaseSensitive(m, "start")->valueint, 9);
    ck_assert_int_eq(cJSON_GetObjectItemCaseSensitive(m, "char_start")->valueint, 8);
    cJSON_Delete(rec);
}
END_TEST

START_TEST(test_several_fields_offsets_relative_to_each)
{
    static const char *fields[] = {"title", "article.body"};
    opt.text_fields = fields;
    opt.n_text_fields = 2;
    record_worker_free(&worker);
    ck_assert_int_eq(record_worker_init(&worker, &opt), TAGGER_OK);
    ck_assert(
        !process("{\"title\":\"Über Japan\",\"article\":{\"body\":\"Señor: North Korea.\"}}"));
    cJSON *rec = cJSON_ParseWithLength(out.data, out.len);
    ck_assert_ptr_nonnull(rec);
    const cJSON *ents = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(rec, "annotations"), "entities");
    int seen = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, ents)
    {
        const char *id = cJSON_GetObjectItemCaseSensitive(e, "id")->valuestring;
        const cJSON *m = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(e, "mentions"), 0);
        const char *field = cJSON_GetObjectItemCaseSensitive(m, "field")->valuestring;
        int start = cJSON_GetObjectItemCaseSensitive(m, "start")->valueint;
        int char_start = cJSON_GetObjectItemCaseSensitive(m, "char_start")->valueint;
        if (strcmp(id, "JP") == 0) { /* "Über Japan" */
            ck_assert_str_eq(field, "title");
            ck_assert_int_eq(start, 6);
            ck_assert_int_eq(char_start, 5);
            seen++;
        } else if (strcmp(id, "KP") == 0) { /* "Señor: North Korea." */
            ck_assert_str_eq(field, "article.body");
            ck_assert_int_eq(start, 8);
            ck_assert_int_eq(char_start, 7);
            seen++;
        }
    }
    ck_assert_int_eq(seen, 2);
    cJSON_Delete(rec);
}
END_TEST

/* The output line of a rejected line: {"error":{...},"input":LINE}. */
static void assert_rejected(const char *line, const char *message)
{
    ck_assert(process(line));
    ck_assert_msg(out.len > 0 && out.data[out.len - 1] == '\n' &&
                      memchr(out.data, '\n', out.len) == out.data + out.len - 1,
                  "not one line");
    cJSON *rec = cJSON_ParseWithLength(out.data, out.len);
    ck_assert_msg(rec != NULL, "not JSON: %s", sb_cstr(&out));
    const cJSON *err = cJSON_GetObjectItemCaseSensitive(rec, "error");
    ck_assert_str_eq(cJSON_GetObjectItemCaseSensitive(err, "file")->valuestring, "in.jsonl");
    ck_assert_int_eq(cJSON_GetObjectItemCaseSensitive(err, "line")->valueint, 7);
    const char *msg = cJSON_GetObjectItemCaseSensitive(err, "message")->valuestring;
    ck_assert_msg(strstr(msg, message) != NULL, "message '%s' lacks '%s'", msg, message);
    const char *input = cJSON_GetObjectItemCaseSensitive(rec, "input")->valuestring;
    if (!strstr(message, "UTF-8")) {
        ck_assert_str_eq(input, line); /* the line, kept exactly */
    }
    char want[400];
    snprintf(want, sizeof want, "tagger: in.jsonl:7: %s", msg);
    ck_assert_str_eq(sb_cstr(&diag), strcat(want, "\n"));
    cJSON_Delete(rec);
}

START_TEST(test_bad_lines_become_error_records)
{
    assert_rejected("{\"id\":\"a\",\"body\":\"France", "malformed JSON");
    assert_rejected("{\"body\":\"France\"} x", "text after the object at byte 18");
    assert_rejected("[1, 2]", "not a JSON object");
    assert_rejected("\"just a string\"", "not a JSON object");
    assert_rejected("{\"body\":\"Caf\xE9 France\"}", "invalid UTF-8 at byte 12");
    assert_rejected("{\"body\":\"tab\there\"}", "control character inside a string");
    assert_rejected("{\"n\":007,\"body\":\"France\"}", "malformed number at byte 5");
    /* The invalid byte becomes U+FFFD in "input", the only change. */
    process("{\"body\":\"Caf\xE9\"}");
    ck_assert(strstr(sb_cstr(&out), "\"input\":\"{\\\"body\\\":\\\"Caf\xEF\xBF\xBD\\\"}\"") !=
              NULL);
}
END_TEST

START_TEST(test_untaggable_record_kept_with_error)
{
    static const struct {
        const char *line, *want;
    } cases[] = {
        {"{\"id\":1,\"title\":\"x\"}",
         "{\"id\":1,\"title\":\"x\",\"error\":{\"file\":\"in.jsonl\",\"line\":7,"
         "\"message\":\"field 'body' is missing\"}}\n"},
        {"{\"body\":12345678901234567890 }",
         "{\"body\":12345678901234567890 ,\"error\":{\"file\":\"in.jsonl\",\"line\":7,"
         "\"message\":\"field 'body' is a number, not a string\"}}\n"},
        {"{\"body\":null}", "{\"body\":null,\"error\":{\"file\":\"in.jsonl\",\"line\":7,"
                            "\"message\":\"field 'body' is null, not a string\"}}\n"},
        {"{}", "{\"error\":{\"file\":\"in.jsonl\",\"line\":7,"
               "\"message\":\"field 'body' is missing\"}}\n"},
        {"{\"body\":\"France\",\"annotations\":[]}",
         "{\"body\":\"France\",\"annotations\":[],\"error\":{\"file\":\"in.jsonl\",\"line\":7,"
         "\"message\":\"the record already has a field 'annotations'\"}}\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ck_assert(process(cases[i].line));
        ck_assert_str_eq(sb_cstr(&out), cases[i].want);
        const char *nl = memchr(diag.data, '\n', diag.len);
        ck_assert_uint_eq((size_t)(nl - diag.data), diag.len - 1); /* one diagnostic line */
    }
}
END_TEST

START_TEST(test_blank_lines_kept_as_they_are)
{
    ck_assert(!process(""));
    ck_assert_str_eq(sb_cstr(&out), "\n");
    ck_assert(!process("  \t\r"));
    ck_assert_str_eq(sb_cstr(&out), "  \t\r\n");
    ck_assert_uint_eq(diag.len, 0);
}
END_TEST

/* ------------------------------------------------------------ formats */

START_TEST(test_tsv_one_line_per_mention_escaped)
{
    opt.format = FORMAT_TSV;
    ck_assert(!process("{\"id\":\"a\\tb\",\"body\":\"France, Japan and\\nFrance.\"}"));
    ck_assert_str_eq(sb_cstr(&out), "a\\tb\tCOUNTRY\tFrance\tFR\t0\t6\tFrance\tbody\n"
                                    "a\\tb\tCOUNTRY\tFrance\tFR\t18\t24\tFrance\tbody\n"
                                    "a\\tb\tCOUNTRY\tJapan\tJP\t8\t13\tJapan\tbody\n");
    /* A bad record prints nothing to stdout in TSV, only the diagnostic. */
    ck_assert(process("{\"id\":\"b\"}"));
    ck_assert_uint_eq(out.len, 0);
    ck_assert_uint_gt(diag.len, 0);
    strbuf_t sb;
    sb_init(&sb);
    tsv_escape(&sb, "a\\b\tc\nd\re", 9);
    ck_assert_str_eq(sb_cstr(&sb), "a\\\\b\\tc\\nd\\re");
    sb_free(&sb);
}
END_TEST

/* Counts the occurrences of @p needle in @p hay. */
static int occurrences(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle)) {
        n++;
    }
    return n;
}

START_TEST(test_html_article_marks_each_mention)
{
    opt.format = FORMAT_HTML;
    ck_assert(!process("{\"id\":\"a<1>\",\"body\":\"France & Japan, \\\"France\\\".\"}"));
    const char *got = sb_cstr(&out);
    ck_assert_ptr_nonnull(strstr(got, "<article>\n<h2>a&lt;1&gt;</h2>\n<div class=\"text\">"));
    ck_assert_int_eq(occurrences(got, "<mark class=\"country\" title=\"COUNTRY France, FR, "), 2);
    ck_assert_ptr_nonnull(strstr(got, ">France</mark> &amp; <mark class=\"country\" "
                                      "title=\"COUNTRY Japan, JP, relevance "));
    ck_assert_ptr_nonnull(strstr(got, ">Japan</mark>, &quot;<mark "));
    ck_assert_ptr_nonnull(strstr(got, "<tr class=\"country\"><td><a href=\"https://www.wikidata"
                                      ".org/wiki/Q142\">France</a></td><td>COUNTRY</td><td>FR"));
    ck_assert_ptr_nonnull(strstr(got, "</table>\n</article>\n"));

    /* --no-mentions: the tables only; --types: the marks and rows of those types. */
    opt.json.flags |= TAGGER_JSON_NO_MENTIONS;
    ck_assert(!process("{\"id\":\"b\",\"body\":\"Japan\"}"));
    ck_assert_ptr_null(strstr(sb_cstr(&out), "<mark"));
    ck_assert_ptr_nonnull(strstr(sb_cstr(&out), ">Japan</a></td><td>COUNTRY</td>"));
    opt.json.flags &= ~TAGGER_JSON_NO_MENTIONS;
    opt.json.kinds = 1u << TAGGER_KIND_PERSON;
    ck_assert(!process("{\"id\":\"c\",\"body\":\"Japan\"}"));
    ck_assert_ptr_nonnull(strstr(sb_cstr(&out), "<div class=\"text\">Japan</div>\n"
                                                "<p>No entities.</p>\n"));

    /* A record that cannot be tagged is on the page too, and on stderr. */
    ck_assert(process("{\"id\":\"d\"}"));
    ck_assert_str_eq(sb_cstr(&out), "<article>\n<h2>in.jsonl:7</h2>\n<p class=\"error\">not "
                                    "tagged: field &#39;body&#39; is missing</p>\n</article>\n");
    ck_assert_str_eq(sb_cstr(&diag), "tagger: in.jsonl:7: field 'body' is missing\n");
}
END_TEST

START_TEST(test_html_fields_and_bytes_no_page_may_hold)
{
    static const char *fields[] = {"title", "body"};
    opt.format = FORMAT_HTML;
    opt.text_fields = fields;
    opt.n_text_fields = 2;
    record_worker_free(&worker);
    ck_assert_int_eq(record_worker_init(&worker, &opt), TAGGER_OK);
    ck_assert(!process("{\"title\":\"Japan\",\"body\":\"North Korea.\"}"));
    const char *got = sb_cstr(&out);
    /* Each field under its name, without the blank lines that joined them. */
    ck_assert_ptr_nonnull(strstr(got, "<h2>in.jsonl:7</h2>\n<h3>title</h3>\n<div class=\"text\">"
                                      "<mark class=\"country\" title=\"COUNTRY Japan, JP, "));
    ck_assert_ptr_nonnull(strstr(got, ">Japan</mark></div>\n<h3>body</h3>\n<div class=\"text\">"
                                      "<mark class=\"country\" title=\"COUNTRY North Korea, KP, "));

    /* In plain-text mode invalid UTF-8 is tagged as separators; the page
     * writes it, and control characters, as U+FFFD. */
    static const char text[] = "Japan\xFF\x01 \xC3\xA9t\xC3\xA9\tFrance";
    tagger_result_t *r = NULL;
    ck_assert_int_eq(tagger_annotate(tg, worker.scratch, text, sizeof text - 1, &r), TAGGER_OK);
    tagger_json_options_t json;
    tagger_json_options_init(&json);
    sb_clear(&out);
    html_document(&out, "t", text, sizeof text - 1, r, &json);
    ck_assert_ptr_nonnull(strstr(sb_cstr(&out), ">Japan</mark>\xEF\xBF\xBD\xEF\xBF\xBD "
                                                "\xC3\xA9t\xC3\xA9\t<mark "));
    tagger_result_free(r);
}
END_TEST

START_TEST(test_es_bulk_action_then_document)
{
    opt.format = FORMAT_ES_BULK;
    opt.json.flags |= TAGGER_JSON_NO_MENTIONS;
    ck_assert(!process("{\"id\":42,\"body\":\"Japan\"}"));
    const char *got = sb_cstr(&out);
    const char *nl = strchr(got, '\n');
    ck_assert_int_eq(strncmp(got, "{\"index\":{\"_id\":\"42\"}}\n", (size_t)(nl - got + 1)), 0);
    cJSON *doc = cJSON_Parse(nl + 1);
    ck_assert_ptr_nonnull(doc);
    const cJSON *facets = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(doc, "annotations"), "facet_ids");
    ck_assert_str_eq(
        cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(facets, "country"), 0)->valuestring,
        "JP");
    cJSON_Delete(doc);
    /* No usable id: the index makes one up.  A number too large for an
     * integer is none either (and no undefined cast: make check-asan). */
    ck_assert(!process("{\"id\":1.5,\"body\":\"Japan\"}"));
    ck_assert_int_eq(strncmp(sb_cstr(&out), "{\"index\":{}}\n{\"id\":1.5,", 22), 0);
    ck_assert(!process("{\"id\":1e999,\"body\":\"Japan\"}"));
    ck_assert_int_eq(strncmp(sb_cstr(&out), "{\"index\":{}}\n{\"id\":1e999,", 24), 0);
}
END_TEST

/* ------------------------------------------------------------ fast parse */

/* Code points of a NUL-terminated UTF-8 string. */
static size_t code_points(const char *s)
{
    size_t n = 0;
    for (; *s; s++) {
        n += ((unsigned char)*s & 0xC0) != 0x80;
    }
    return n;
}

/* Whatever the fast pass accepts, the slow path (byte check, then cJSON)
 * accepts too, with the same strings and code point counts. */
static void assert_agrees_with_cjson(const char *line, size_t len, const jp_members_t *m)
{
    size_t where;
    ck_assert_msg(jsonl_check_bytes(line, len, &where) == NULL, "'%s': byte check", line);
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(line, len, &end, 0);
    ck_assert_msg(root && cJSON_IsObject(root), "'%s': cJSON", line);
    while (end < line + len && strchr(" \t\r\n", *end)) {
        end++;
    }
    ck_assert_ptr_eq(end, line + len);
    ck_assert_int_eq(cJSON_GetArraySize(root), (int)m->n);
    const cJSON *item = root->child;
    for (size_t i = 0; i < m->n; i++, item = item->next) {
        const jp_member_t *it = &m->items[i];
        if (!it->key_escaped) {
            ck_assert_uint_eq(strlen(item->string), it->key_len);
            ck_assert_int_eq(memcmp(item->string, it->key, it->key_len), 0);
        }
        ck_assert_int_eq(it->type == JP_STRING, cJSON_IsString(item));
        ck_assert_int_eq(it->type == JP_OBJECT, cJSON_IsObject(item));
        ck_assert_int_eq(it->type == JP_ARRAY, cJSON_IsArray(item));
        ck_assert_int_eq(it->type == JP_NUMBER, cJSON_IsNumber(item));
        if (it->type == JP_STRING && !it->value_has_nul) {
            strbuf_t dec;
            sb_init(&dec);
            jp_add_decoded(&dec, it);
            ck_assert_str_eq(sb_cstr(&dec), item->valuestring);
            ck_assert_uint_eq(it->value_chars, code_points(item->valuestring));
            sb_free(&dec);
        }
    }
    cJSON_Delete(root);
}

START_TEST(test_fast_parse_accepts_only_what_the_slow_path_does)
{
    static char deep_ok[200], deep_refused[200];
    memset(deep_ok, 0, sizeof deep_ok);
    memset(deep_refused, 0, sizeof deep_refused);
    strcpy(deep_ok, "{\"a\":");
    strcpy(deep_refused, "{\"a\":");
    for (int i = 0; i < JP_MAX_DEPTH - 1; i++) {
        strcat(deep_ok, "[");
    }
    for (int i = 0; i < JP_MAX_DEPTH; i++) {
        strcat(deep_refused, "[");
    }
    for (int i = 0; i < JP_MAX_DEPTH - 1; i++) {
        strcat(deep_ok, "]");
    }
    for (int i = 0; i < JP_MAX_DEPTH; i++) {
        strcat(deep_refused, "]");
    }
    strcat(deep_ok, "}");
    strcat(deep_refused, "}");
    static const struct {
        const char *line;
        int rc;
        size_t n_members;
    } cases[] = {
        {"{}", JP_OK, 0},
        {" \t{ }\r ", JP_OK, 0},
        {"{\"body\":\"\"}", JP_OK, 1},
        {" \t{\"a\" : [ true , null ], \"b\":false,\"c\":{\"d\":[]}}\r", JP_OK, 3},
        {"{\"a\":-0.0,\"b\":1.10,\"c\":1e-3,\"d\":12345678901234567890,\"e\":[0,1E+2,-7]}",
         JP_OK, 5},
        {"{\"s\":\"caf\xC3\xA9 \xE2\x80\x99 \xF0\x9F\x98\x80\",\"t\":\"tab\\tquote\\\"\"}", JP_OK,
         2},
        {"{\"e\":\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\u20AC \\uD83D\\uDE00 \\u0041\"}",
         JP_OK, 1},
        {"{\"k\\u0065y\":1,\"key\":2}", JP_OK, 2},
        {"{\"a\":{\"b\":\"c\"},\"a\":2}", JP_OK, 2},
        {"{\"n\":123456789012345678901234567890123456789012345678901234567890123}", JP_OK, 1},
        {deep_ok, JP_OK, 1},
        /* refused: invalid */
        {"{\"a\":\"Caf\xE9\"}", JP_REFUSED, 0},
        {"{\"a\":\"\xED\xA0\x80\"}", JP_REFUSED, 0},
        {"{\"a\":\"\xE2\x82", JP_REFUSED, 0},
        {"{\"a\":\"x", JP_REFUSED, 0},
        {"{\"a\":\"x\\", JP_REFUSED, 0},
        {"{\"a\":\"\\u00", JP_REFUSED, 0},
        {"{\"a\":\"\\u0e9 \"}", JP_REFUSED, 0},
        {"{\"a\":\"\\x\"}", JP_REFUSED, 0},
        {"{\"a\":\"\\uD83D\"}", JP_REFUSED, 0},
        {"{\"a\":\"\\uDE00\"}", JP_REFUSED, 0},
        {"{\"a\":\"\\uD83D\\u0041\"}", JP_REFUSED, 0},
        {"{\"a\":\"x\ty\"}", JP_REFUSED, 0},
        {"{\"a\":\x01 1}", JP_REFUSED, 0},
        {"{\"a\":01}", JP_REFUSED, 0},
        {"{\"a\":1.}", JP_REFUSED, 0},
        {"{\"a\":-}", JP_REFUSED, 0},
        {"{\"a\":1e}", JP_REFUSED, 0},
        {"{\"a\":1.2.3}", JP_REFUSED, 0},
        {"{\"a\":tru}", JP_REFUSED, 0},
        {"{\"a\":1,}", JP_REFUSED, 0},
        {"{\"a\" 1}", JP_REFUSED, 0},
        {"{\"a\":1} x", JP_REFUSED, 0},
        {"{\"a\":1}}", JP_REFUSED, 0},
        {"{\"a\":[1}", JP_REFUSED, 0},
        {"{\"a\":1", JP_REFUSED, 0},
        {"[1,2]", JP_REFUSED, 0},
        {"\"x\"", JP_REFUSED, 0},
        {"", JP_REFUSED, 0},
        /* refused: valid, but beyond cJSON or this pass */
        {"\xEF\xBB\xBF{}", JP_REFUSED, 0},
        {"{\"n\":1234567890123456789012345678901234567890123456789012345678901234}", JP_REFUSED,
         0},
        {deep_refused, JP_REFUSED, 0},
    };
    jp_members_t m = {0};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *line = cases[i].line;
        int rc = jp_parse_object(line, strlen(line), &m);
        ck_assert_msg(rc == cases[i].rc, "case %zu '%s': rc %d", i, line, rc);
        if (rc == JP_OK) {
            ck_assert_uint_eq(m.n, cases[i].n_members);
            assert_agrees_with_cjson(line, strlen(line), &m);
        }
    }
    jp_members_free(&m);
}
END_TEST

/* Plain runs of every length before and after each kind of stop byte, so
 * that the 16-byte blocks of parse_string and jp_add_decoded meet each one
 * at every offset, at the end of the line too. */
START_TEST(test_fast_parse_stops_at_every_offset)
{
    static const struct {
        const char *piece;
        int rc;
    } stops[] = {
        {"\\n", JP_OK},         {"\\u00e9", JP_OK},      {"\\uD83D\\uDE00", JP_OK},
        {"\\\"", JP_OK},       {"\xC3\xA9", JP_OK},      {"\xE2\x80\x9D", JP_OK},
        {"", JP_OK},             {"\t", JP_REFUSED},       {"\xC3", JP_REFUSED},
        {"\x7F", JP_OK},         {"\\q", JP_REFUSED},      {"\\u12", JP_REFUSED},
    };
    jp_members_t m = {0};
    char line[200];
    for (size_t k = 0; k < sizeof stops / sizeof stops[0]; k++) {
        for (size_t before = 0; before < 40; before++) {
            for (size_t after = 0; after < 20; after += 3) {
                size_t n = (size_t)snprintf(line, sizeof line, "{\"a\":\"");
                memset(line + n, 'x', before);
                n += before;
                n += (size_t)snprintf(line + n, sizeof line - n, "%s", stops[k].piece);
                memset(line + n, 'y', after);
                n += after;
                n += (size_t)snprintf(line + n, sizeof line - n, "\"}");
                int rc = jp_parse_object(line, n, &m);
                ck_assert_msg(rc == stops[k].rc, "'%s': rc %d", line, rc);
                if (rc == JP_OK) {
                    assert_agrees_with_cjson(line, n, &m);
                }
                /* cut before the closing quote: refused */
                ck_assert_int_eq(jp_parse_object(line, n - 2, &m), JP_REFUSED);
            }
        }
    }
    jp_members_free(&m);
}
END_TEST

START_TEST(test_fast_parse_members_and_decoding)
{
    jp_members_t m = {0};
    /* The length bounds the line: what follows is not read. */
    const char *line = "{\"a\":{\"b\":\"c\"},\"a\":2,\"t\":\"x\\u0000y\"}garbage";
    ck_assert_int_eq(jp_parse_object(line, strlen(line) - 7, &m), JP_OK);
    ck_assert_uint_eq(m.n, 3);
    ck_assert(!m.any_key_escaped);
    const jp_member_t *a = jp_find(&m, "a", 1);
    ck_assert_ptr_eq(a, &m.items[0]); /* the first of duplicate keys, as cJSON */
    ck_assert_int_eq(a->type, JP_OBJECT);
    ck_assert_uint_eq(a->value_len, strlen("{\"b\":\"c\"}"));
    ck_assert_ptr_null(jp_find(&m, "b", 1));
    ck_assert_ptr_null(jp_find(&m, "", 0));
    const jp_member_t *t = jp_find(&m, "t", 1);
    ck_assert(t->value_has_nul && t->value_escaped);
    ck_assert_uint_eq(t->value_chars, 3);

    line = "{\"k\\u0065y\":\"\\u00e9\\n\\uD83D\\uDE00\",\"\":\"caf\xC3\xA9\"}";
    ck_assert_int_eq(jp_parse_object(line, strlen(line), &m), JP_OK);
    ck_assert(m.any_key_escaped);
    strbuf_t dec;
    sb_init(&dec);
    jp_add_decoded(&dec, &m.items[0]);
    ck_assert_str_eq(sb_cstr(&dec), "\xC3\xA9\n\xF0\x9F\x98\x80");
    ck_assert_uint_eq(m.items[0].value_chars, 3);
    sb_clear(&dec);
    const jp_member_t *empty_key = jp_find(&m, "", 0);
    ck_assert_ptr_nonnull(empty_key);
    ck_assert(!empty_key->value_escaped);
    jp_add_decoded(&dec, empty_key);
    ck_assert_str_eq(sb_cstr(&dec), "caf\xC3\xA9");
    ck_assert_uint_eq(empty_key->value_chars, 4);
    sb_free(&dec);
    jp_members_free(&m);
}
END_TEST

/* Records the fast path leaves to the slow one (an escaped key, a NUL in
 * the text, a dotted field) come out as the slow path writes them. */
START_TEST(test_fast_path_hands_over_what_it_cannot_tell)
{
    /* "b\u006fdy" is "body" once decoded: the slow path finds it. */
    ck_assert(!process("{\"b\\u006fdy\":\"Japan\"}"));
    ck_assert_ptr_nonnull(strstr(sb_cstr(&out), "\"JP\""));
    /* A NUL ends cJSON's string: "France" is not read. */
    ck_assert(!process("{\"body\":\"Japan\\u0000France\"}"));
    ck_assert_ptr_nonnull(strstr(sb_cstr(&out), "\"JP\""));
    ck_assert_ptr_null(strstr(sb_cstr(&out), "\"FR\""));
    /* A nested field, found through the members of the inner object. */
    static const char *fields_nested[] = {"article.body"};
    opt.text_fields = fields_nested;
    ck_assert(!process("{\"article\":{\"title\":\"x\",\"body\":\"France\"},\"id\":\"7\"}"));
    ck_assert_ptr_nonnull(strstr(sb_cstr(&out), "\"FR\""));
    ck_assert(process("{\"article\":\"France\"}"));
    ck_assert_ptr_nonnull(strstr(sb_cstr(&diag), "field 'article.body' is missing"));
}
END_TEST

Suite *jsonl_suite(void)
{
    Suite *s = suite_create("jsonl");
    TCase *tc = tcase_create("bytes");
    tcase_add_test(tc, test_check_bytes_accepts_json_cjson_would);
    tcase_add_test(tc, test_check_bytes_rejects_with_position);
    tcase_add_test(tc, test_splice_point_is_the_closing_brace);
    tcase_add_test(tc, test_fast_parse_accepts_only_what_the_slow_path_does);
    tcase_add_test(tc, test_fast_parse_members_and_decoding);
    tcase_add_test(tc, test_fast_parse_stops_at_every_offset);
    suite_add_tcase(s, tc);
    tc = tcase_create("records");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_record_written_back_byte_for_byte);
    tcase_add_test(tc, test_several_fields_offsets_relative_to_each);
    tcase_add_test(tc, test_bad_lines_become_error_records);
    tcase_add_test(tc, test_untaggable_record_kept_with_error);
    tcase_add_test(tc, test_blank_lines_kept_as_they_are);
    tcase_add_test(tc, test_tsv_one_line_per_mention_escaped);
    tcase_add_test(tc, test_es_bulk_action_then_document);
    tcase_add_test(tc, test_html_article_marks_each_mention);
    tcase_add_test(tc, test_html_fields_and_bytes_no_page_may_hold);
    tcase_add_test(tc, test_fast_path_hands_over_what_it_cannot_tell);
    suite_add_tcase(s, tc);
    return s;
}
