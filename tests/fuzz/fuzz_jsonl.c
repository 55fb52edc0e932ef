/*
 * fuzz_jsonl.c - libFuzzer target: the JSON Lines record reader and
 * splicer of `tagger --jsonl` (tagger/cli/jsonl_record.c) on arbitrary
 * bytes, with the built-in gazetteers and model.
 *
 * The input is cut into lines at '\n' as the pipeline cuts its stream, and
 * each line goes through jsonl_process_line() with text fields "title" and
 * "body".  Invariants, per line:
 *  - exactly one output line, valid UTF-8, with no other line break;
 *  - a blank line comes back as it was; any other output line parses as a
 *    JSON object (cJSON, after the RFC 8259 byte checks the record module
 *    makes: we re-check UTF-8 here with our own decoder);
 *  - a good record is its input bytes up to the closing brace, then the
 *    added "annotations" member, and every member of the input is still
 *    there; each mention's text is the value of the field it names, at
 *    its byte and code point offsets (relative to that field);
 *  - a bad line gives one diagnostic line "tagger: fuzz.jsonl:N: ..." and
 *    an output object with an "error" member naming the same line.
 * The same line is also written as an article of the HTML page
 * (--format html, tagger/cli/html_out.c): valid UTF-8 whose every "<"
 * opens one of the page's own tags, no "<" or odd quote inside a tag, the
 * tags closed in order, and a mark for no more spans than the JSON has
 * mentions (a text, an id or a message can never make markup).
 * The pipeline around it (threads, reading blocks) is not in this target:
 * it writes to stdout; tests/cli/run-jsonl-tests.sh covers it.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>
#include <tagger.h>

#include "fuzz_check.h"
#include "jsonl_record.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The CLI's program name, which main.c defines. */
const char *const cli_prog = "tagger";

static tagger_t *tagger;
static const char *text_fields[] = {"title", "body"};
static cli_options_t options, html_options;
static record_worker_t worker, html_worker;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    int rc = tagger_compile(NULL, 0, TAGGER_COMPILE_BUILTIN, &tagger, NULL);
    if (rc != TAGGER_OK) {
        fz_fail("cannot compile the built-in tagger: %s", tagger_strerror(rc));
    }
    options.tg = tagger;
    tagger_json_options_init(&options.json);
    options.format = FORMAT_JSON;
    options.jsonl = true;
    options.text_fields = text_fields;
    options.n_text_fields = 2;
    options.id_field = "id";
    options.output_field = "annotations";
    options.jobs = 1;
    html_options = options;
    html_options.format = FORMAT_HTML;
    if ((rc = record_worker_init(&worker, &options)) != 0 ||
        (rc = record_worker_init(&html_worker, &html_options)) != 0) {
        fz_fail("record_worker_init: %s", tagger_strerror(rc));
    }
    return 0;
}

static bool is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n') {
            return false;
        }
    }
    return true;
}

/* Code points in the first @p n bytes of valid UTF-8 @p s. */
static size_t code_points(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++) {
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    }
    return c;
}

/* Every mention of @p ann names a text field of @p in, and its text is that
 * field's value at its byte and code point offsets. */
static void check_mentions(long lineno, const cJSON *in, const cJSON *ann)
{
    const cJSON *ents = cJSON_GetObjectItemCaseSensitive(ann, "entities");
    const cJSON *e, *m;
    cJSON_ArrayForEach(e, ents)
    {
        cJSON_ArrayForEach(m, cJSON_GetObjectItemCaseSensitive(e, "mentions"))
        {
            const cJSON *field = cJSON_GetObjectItemCaseSensitive(m, "field");
            const cJSON *text = cJSON_GetObjectItemCaseSensitive(m, "text");
            const cJSON *value = cJSON_IsString(field)
                                     ? cJSON_GetObjectItemCaseSensitive(in, field->valuestring)
                                     : NULL;
            if (!cJSON_IsString(value) || !cJSON_IsString(text)) {
                fz_fail("line %ld: a mention names no text field of the record", lineno);
            }
            const char *v = value->valuestring;
            size_t vlen = strlen(v);
            double start = cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(m, "start"));
            double end = cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(m, "end"));
            double cs = cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(m, "char_start"));
            double ce = cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(m, "char_end"));
            if (!(start >= 0 && start < end && end <= (double)vlen)) {
                fz_fail("line %ld: mention [%g, %g) outside its field of %zu bytes", lineno, start,
                        end, vlen);
            }
            size_t s0 = (size_t)start, s1 = (size_t)end;
            if (strlen(text->valuestring) != s1 - s0 ||
                memcmp(text->valuestring, v + s0, s1 - s0) != 0 ||
                ((unsigned char)v[s0] & 0xC0) == 0x80 ||
                (s1 < vlen && ((unsigned char)v[s1] & 0xC0) == 0x80)) {
                fz_fail("line %ld: mention text is not its field at [%zu, %zu)", lineno, s0, s1);
            }
            if (cs != (double)code_points(v, s0) || ce != (double)code_points(v, s1)) {
                fz_fail("line %ld: mention char offsets [%g, %g) wrong", lineno, cs, ce);
            }
        }
    }
}

/* The tags the page writes for a record, by their names. */
static bool page_tag(const char *name, size_t len)
{
    static const char *const names[] = {"article", "h2", "h3", "div", "mark", "table",
                                        "tr",      "th", "td", "a",   "p"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strlen(names[i]) == len && memcmp(names[i], name, len) == 0) {
            return true;
        }
    }
    return false;
}

/* The HTML article of a line (see the head of this file); returns the
 * number of marks. */
static size_t check_html(long lineno, const char *page, size_t len)
{
    enum { DEPTH = 8 };
    const char *open[DEPTH];
    size_t open_len[DEPTH], depth = 0, marks = 0;
    for (size_t i = 0; i < len;) {
        size_t n = fz_utf8_len((const unsigned char *)page + i, len - i);
        if (n == 0) {
            fz_fail("line %ld: html is not valid UTF-8 at byte %zu", lineno, i);
        }
        if (page[i] == '>') {
            fz_fail("line %ld: html has a '>' outside a tag at byte %zu", lineno, i);
        }
        if (page[i] != '<') {
            i += n;
            continue;
        }
        const char *end = memchr(page + i, '>', len - i);
        if (!end) {
            fz_fail("line %ld: html tag at byte %zu never ends", lineno, i);
        }
        size_t quotes = 0;
        for (const char *q = page + i + 1; q < end; q++) {
            if (*q == '<') {
                fz_fail("line %ld: html has a '<' inside the tag at byte %zu", lineno, i);
            }
            quotes += *q == '"';
        }
        bool closing = page[i + 1] == '/';
        const char *name = page + i + 1 + closing;
        size_t name_len = strcspn(name, " >");
        if (quotes % 2 || !page_tag(name, name_len)) {
            fz_fail("line %ld: html tag not the page's own at byte %zu: %.40s", lineno, i,
                    page + i);
        }
        if (!closing) {
            if (depth == DEPTH) {
                fz_fail("line %ld: html nested too deep at byte %zu", lineno, i);
            }
            open[depth] = name, open_len[depth++] = name_len;
            marks += name_len == 4 && memcmp(name, "mark", 4) == 0;
        } else if (depth == 0 || open_len[depth - 1] != name_len ||
                   memcmp(open[depth - 1], name, name_len) != 0) {
            fz_fail("line %ld: html closes a tag it did not open at byte %zu", lineno, i);
        } else {
            depth--;
        }
        i = (size_t)(end - page) + 1;
    }
    if (depth) {
        fz_fail("line %ld: html leaves %zu tags open", lineno, depth);
    }
    return marks;
}

/* Mentions of the annotation @p ann. */
static size_t count_mentions(const cJSON *ann)
{
    size_t n = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(ann, "entities"))
    {
        n += (size_t)cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(e, "mentions"));
    }
    return n;
}

static void check_line(long lineno, const char *line, size_t len)
{
    strbuf_t out, diag;
    sb_init(&out);
    sb_init(&diag);
    bool bad = jsonl_process_line(&worker, "fuzz.jsonl", lineno, line, len, &out, &diag);
    if (!sb_ok(&out) || !sb_ok(&diag)) {
        fz_fail("out of memory in the record module");
    }
    if (out.len == 0 || out.data[out.len - 1] != '\n' || memchr(out.data, '\n', out.len - 1)) {
        fz_fail("line %ld: not exactly one output line", lineno);
    }
    size_t olen = out.len - 1;
    for (size_t i = 0; i < olen;) {
        size_t n = fz_utf8_len((const unsigned char *)out.data + i, olen - i);
        if (n == 0) {
            fz_fail("line %ld: output is not valid UTF-8 at byte %zu", lineno, i);
        }
        i += n;
    }
    if (is_blank(line, len)) {
        if (bad || olen != len || memcmp(out.data, line, len) != 0 || diag.len) {
            fz_fail("line %ld: a blank line did not come back as it was", lineno);
        }
        goto done;
    }
    cJSON *o = cJSON_ParseWithLength(out.data, olen);
    if (!cJSON_IsObject(o)) {
        fz_fail("line %ld: output is not a JSON object: %.200s", lineno, out.data);
    }
    char prefix[64];
    snprintf(prefix, sizeof prefix, "tagger: fuzz.jsonl:%ld: ", lineno);
    if (bad) {
        const cJSON *err = cJSON_GetObjectItemCaseSensitive(o, "error");
        const cJSON *at = cJSON_GetObjectItemCaseSensitive(err, "line");
        if (!cJSON_IsObject(err) || !cJSON_IsNumber(at) || at->valuedouble != (double)lineno) {
            fz_fail("line %ld: a bad line without an error member naming it", lineno);
        }
        if (diag.len < strlen(prefix) || memcmp(diag.data, prefix, strlen(prefix)) != 0 ||
            diag.data[diag.len - 1] != '\n' || memchr(diag.data, '\n', diag.len - 1)) {
            fz_fail("line %ld: not one diagnostic line naming it", lineno);
        }
    } else {
        if (diag.len) {
            fz_fail("line %ld: a good line with a diagnostic", lineno);
        }
        /* The record's own bytes up to its closing brace come first. */
        size_t brace = jsonl_splice_point(line, len);
        if (brace > olen || memcmp(out.data, line, brace) != 0) {
            fz_fail("line %ld: the record was not written back byte for byte", lineno);
        }
        cJSON *in = cJSON_ParseWithLength(line, len);
        const cJSON *ann = cJSON_GetObjectItemCaseSensitive(o, "annotations");
        if (!cJSON_IsObject(in) || !cJSON_IsObject(ann) ||
            cJSON_GetArraySize(o) != cJSON_GetArraySize(in) + 1) {
            fz_fail("line %ld: a good record without its members plus annotations", lineno);
        }
        check_mentions(lineno, in, ann);
        cJSON_Delete(in);
    }
    strbuf_t page;
    sb_init(&page);
    sb_clear(&diag);
    if (jsonl_process_line(&html_worker, "fuzz.jsonl", lineno, line, len, &page, &diag) != bad) {
        fz_fail("line %ld: html and json disagree on whether it is bad", lineno);
    }
    size_t marks = check_html(lineno, page.data ? page.data : "", page.len);
    if (marks > (bad ? 0 : count_mentions(cJSON_GetObjectItemCaseSensitive(o, "annotations")))) {
        fz_fail("line %ld: html marks %zu spans, more than the mentions", lineno, marks);
    }
    sb_free(&page);
    cJSON_Delete(o);
done:
    sb_free(&out);
    sb_free(&diag);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    long lineno = 0;
    for (size_t i = 0; i < size;) {
        const char *nl = memchr(s + i, '\n', size - i);
        size_t end = nl ? (size_t)(nl - s) : size;
        check_line(++lineno, s + i, end - i);
        i = end + 1;
    }
    return 0;
}
