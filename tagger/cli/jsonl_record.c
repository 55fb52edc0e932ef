/*
 * jsonl_record.c - one JSON Lines record: validate, tag, splice.
 *
 * A record is written back as the very bytes it came in, so key order,
 * number formats (1.10, 1e-3, -0.0), integers beyond 2^53 and escapes
 * survive untouched; the annotation object is spliced in before the
 * closing brace:
 *
 *     {"id":"a","body":"..."}   ->   {"id":"a","body":"...","annotations":{...}}
 *
 * Nothing is re-serialized.  Most lines take the fast path: one strict pass
 * (jsonl_parse.c) validates the line and finds the text and id fields in
 * it, with no tree and no copy but the document's text, about 10
 * instructions per byte where the slow path below took 45.  Any line that
 * pass refuses, and any record it cannot tag as it is (a field missing or
 * not a string, an escaped key, a NUL in the text, the output field
 * already there), takes the slow path, which alone writes error records,
 * so every message stays as it was.
 *
 * On the slow path cJSON parses the line only to validate it and
 * to read the text and id fields.  cJSON is more lenient than RFC 8259 (it
 * reads any control byte as white space, and numbers such as 01 or 1.), so
 * jsonl_check_bytes() first checks the bytes it would let through: UTF-8,
 * control characters, number syntax.  A line that passes both is a JSON
 * text; one that does not becomes an error record.  (cJSON also reads a
 * malformed \u escape as U+0000; the byte check rejects those too.)
 *
 * Error records keep the one-line-in, one-line-out contract:
 *  - a valid object that cannot be tagged (text field missing or not a
 *    string, output field already there) is written back with an "error"
 *    member spliced in where the annotation would have gone;
 *  - anything else (malformed JSON, invalid UTF-8, not an object) becomes
 *    {"error":{...},"input":"<the line>"}, the line as a JSON string
 *    (invalid UTF-8 bytes replaced by U+FFFD, the only loss).
 * The error object is {"file":F,"line":N,"message":M}.  Invalid UTF-8
 * anywhere in a line is an error, not a warning as in plain-text mode:
 * passing the line through would write invalid JSON.
 *
 * Several text fields are joined with "\n\n" into one document (a title
 * then reads as a heading line); the segments tell json_out.c which field
 * each mention is in and make its offsets relative to that field.
 *
 * Threads: cJSON parses safely from several threads as long as nobody
 * calls cJSON_GetErrorPtr (its README's conditions, with no hooks changed
 * and no setlocale during parsing).  It still stores each parse's error
 * position in a process-global that we never read; the position we report
 * comes from return_parse_end, which is per call.
 */
#include "jsonl_record.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "formats.h"
#include "html_out.h"
#include "jsonl_parse.h"
#include "matches.h"

/* Separator between joined text fields. */
#define FIELD_JOIN "\n\n"

int record_worker_init(record_worker_t *w, const cli_options_t *opt)
{
    memset(w, 0, sizeof *w);
    w->opt = opt;
    w->segments = calloc(opt->n_text_fields, sizeof *w->segments);
    if (!w->segments) {
        return TAGGER_ERR_NOMEM;
    }
    int rc = tagger_scratch_new(opt->tg, &w->scratch);
    if (rc == TAGGER_OK) {
        tagger_scratch_set_options(w->scratch, opt->scratch_options);
    }
    return rc;
}

void record_worker_free(record_worker_t *w)
{
    tagger_scratch_free(w->scratch);
    sb_free(&w->text);
    sb_free(&w->id);
    jp_members_free(&w->members);
    jp_members_free(&w->nested);
    free(w->segments);
    memset(w, 0, sizeof *w);
}

static bool json_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

size_t jsonl_splice_point(const char *line, size_t len)
{
    while (len > 0 && json_space((unsigned char)line[len - 1])) {
        len--;
    }
    return len - 1; /* the '}' */
}

/* Length of the RFC 8259 number at @p s, or 0 when it is not one. */
static size_t number_len(const unsigned char *s, size_t avail)
{
    size_t i = 0;
    if (i < avail && s[i] == '-') {
        i++;
    }
    if (i < avail && s[i] == '0') {
        i++;
    } else if (i < avail && is_digit(s[i])) {
        while (i < avail && is_digit(s[i])) {
            i++;
        }
    } else {
        return 0;
    }
    if (i < avail && s[i] == '.') {
        size_t digits = ++i;
        while (i < avail && is_digit(s[i])) {
            i++;
        }
        if (i == digits) {
            return 0;
        }
    }
    if (i < avail && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < avail && (s[i] == '+' || s[i] == '-')) {
            i++;
        }
        size_t digits = i;
        while (i < avail && is_digit(s[i])) {
            i++;
        }
        if (i == digits) {
            return 0;
        }
    }
    /* "01" or "1.2.3": the number may not run on. */
    if (i < avail && (is_digit(s[i]) || s[i] == '.' || s[i] == 'e' || s[i] == 'E' || s[i] == '+' ||
                      s[i] == '-')) {
        return 0;
    }
    return i;
}

static bool is_hex(unsigned char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Length of the escape sequence at @p s (which starts with a backslash), or
 * 0 when it is not one of RFC 8259's.  cJSON would read "\u12" followed by
 * a non-hex byte as U+0000 instead of failing. */
static size_t escape_len(const unsigned char *s, size_t avail)
{
    if (avail < 2) {
        return 0;
    }
    if (s[1] != '\0' && strchr("\"\\/bfnrt", s[1])) {
        return 2;
    }
    if (s[1] != 'u' || avail < 6) {
        return 0;
    }
    for (size_t i = 2; i < 6; i++) {
        if (!is_hex(s[i])) {
            return 0;
        }
    }
    return 6;
}

/* Value of four hex digits (checked by escape_len). */
static unsigned hex4(const unsigned char *s)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        unsigned c = s[i];
        v = v * 16 + (is_digit((unsigned char)c) ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return v;
}

const char *jsonl_check_bytes(const char *line, size_t len, size_t *where)
{
    const unsigned char *u = (const unsigned char *)line;
    bool in_string = false;
    for (size_t i = 0; i < len;) {
        unsigned char c = u[i];
        *where = i;
        if (c >= 0x80) {
            size_t n = utf8_valid_len(u + i, len - i);
            if (n == 0) {
                return "invalid UTF-8";
            }
            i += n;
        } else if (in_string) {
            if (c == '"') {
                in_string = false;
            } else if (c < 0x20) {
                return "control character inside a string";
            } else if (c == '\\') {
                size_t n = escape_len(u + i, len - i);
                if (n == 0) {
                    return "invalid escape in a string";
                }
                unsigned code = n == 6 ? hex4(u + i + 2) : 0;
                if (code >= 0xDC00 && code <= 0xDFFF) {
                    return "unpaired surrogate escape (no UTF-8 for it)";
                }
                if (code >= 0xD800 && code <= 0xDBFF) {
                    /* Must be followed by its low half. */
                    unsigned low = escape_len(u + i + 6, len - i - 6) == 6 ? hex4(u + i + 8) : 0;
                    if (low < 0xDC00 || low > 0xDFFF) {
                        return "unpaired surrogate escape (no UTF-8 for it)";
                    }
                    n = 12;
                }
                i += n - 1;
            }
            i++;
        } else if (c == '"') {
            in_string = true;
            i++;
        } else if (c == '-' || is_digit(c)) {
            size_t n = number_len(u + i, len - i);
            if (n == 0) {
                return "malformed number";
            }
            i += n;
        } else if (c < 0x20 && !json_space(c)) {
            return "control character outside a string";
        } else {
            i++;
        }
    }
    return NULL;
}

/* Walks the strings, objects and arrays of a line cJSON refused, to say
 * why.  Returns whether the line ends inside one of them (a cut-off line);
 * sets @p *too_deep to the byte of the first array or object opened past
 * CJSON_NESTING_LIMIT (cJSON's bound against stack exhaustion), or to
 * SIZE_MAX, so that valid but too deep JSON gets its own message. */
static bool walk_nesting(const char *line, size_t len, size_t *too_deep)
{
    bool in_string = false;
    long depth = 0;
    *too_deep = SIZE_MAX;
    for (size_t i = 0; i < len; i++) {
        char c = line[i];
        if (in_string) {
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            if (++depth > CJSON_NESTING_LIMIT && *too_deep == SIZE_MAX) {
                *too_deep = i;
            }
        } else if (c == '}' || c == ']') {
            depth--;
        }
    }
    return in_string || depth > 0;
}

/* Member @p path (dotted: "article.body") of @p root, or NULL. */
static const cJSON *get_path(const cJSON *root, const char *path)
{
    const cJSON *node = root;
    while (node) {
        const char *dot = strchr(path, '.');
        size_t klen = dot ? (size_t)(dot - path) : strlen(path);
        const cJSON *found = NULL;
        if (cJSON_IsObject(node)) {
            for (const cJSON *c = node->child; c; c = c->next) {
                if (c->string && strncmp(c->string, path, klen) == 0 && c->string[klen] == '\0') {
                    found = c;
                    break;
                }
            }
        }
        node = found;
        if (!dot) {
            break;
        }
        path = dot + 1;
    }
    return node;
}

static const char *json_type_name(const cJSON *v)
{
    if (cJSON_IsNull(v)) {
        return "null";
    }
    if (cJSON_IsBool(v)) {
        return "a boolean";
    }
    if (cJSON_IsNumber(v)) {
        return "a number";
    }
    if (cJSON_IsArray(v)) {
        return "an array";
    }
    return "an object";
}

/* {"file":F,"line":N,"message":M} */
static void add_error_object(strbuf_t *out, const char *file, long lineno, const char *msg)
{
    sb_adds(out, "{\"file\":");
    sb_add_json_string(out, file, strlen(file), true);
    sb_addf(out, ",\"line\":%ld,\"message\":", lineno);
    sb_add_json_string(out, msg, strlen(msg), true);
    sb_addc(out, '}');
}

/* "FILE:LINE", the heading of a record's article in the HTML page when
 * it has no id. */
static const char *file_line(char *buf, size_t size, const char *file, long lineno)
{
    snprintf(buf, size, "%s:%ld", file, lineno);
    return buf;
}

/* A record that was not tagged: its diagnostic, and in the HTML page an
 * article that says why (JSON writes its own error record). */
static void report_bad(record_worker_t *w, const char *file, long lineno, const char *msg,
                       strbuf_t *out, strbuf_t *diag)
{
    sb_addf(diag, "%s: %s:%ld: %s\n", cli_prog, file, lineno, msg);
    if (w->opt->format == FORMAT_HTML) {
        char where[320];
        html_error(out, file_line(where, sizeof where, file, lineno), msg);
    }
}

/* A line that is not a usable JSON object. */
static void reject_line(record_worker_t *w, const char *file, long lineno, const char *line,
                        size_t len, const char *msg, strbuf_t *out, strbuf_t *diag)
{
    report_bad(w, file, lineno, msg, out, diag);
    if (w->opt->format != FORMAT_JSON) {
        return;
    }
    sb_adds(out, "{\"error\":");
    add_error_object(out, file, lineno, msg);
    sb_adds(out, ",\"input\":");
    sb_add_json_string(out, line, len, true);
    sb_adds(out, "}\n");
}

/* Writes @p line with `,"KEY":VALUE` spliced in before its closing brace. */
static void splice(strbuf_t *out, const char *line, size_t len, bool has_members, const char *key,
                   const char *value, size_t value_len)
{
    size_t at = jsonl_splice_point(line, len);
    sb_add(out, line, at);
    if (has_members) {
        sb_addc(out, ',');
    }
    sb_add_json_string(out, key, strlen(key), false);
    sb_addc(out, ':');
    sb_add(out, value, value_len);
    sb_add(out, line + at, len - at);
    sb_addc(out, '\n');
}

/* A valid object that cannot be tagged: written back with an error member. */
static void flag_record(record_worker_t *w, const char *file, long lineno, const char *line,
                        size_t len, bool has_members, const char *msg, strbuf_t *out,
                        strbuf_t *diag)
{
    report_bad(w, file, lineno, msg, out, diag);
    if (w->opt->format != FORMAT_JSON) {
        return;
    }
    strbuf_t err;
    sb_init(&err);
    add_error_object(&err, file, lineno, msg);
    splice(out, line, len, has_members, "error", err.data, err.len);
    sb_free(&err);
}

/* flag_record(), unless the record already has an "error" member: ours
 * would be a second one, a duplicate key that readers resolve each their
 * own way, so such a record is wrapped whole as a rejected line instead. */
static void flag_or_reject(record_worker_t *w, const cJSON *root, const char *file, long lineno,
                           const char *line, size_t len, const char *msg, strbuf_t *out,
                           strbuf_t *diag)
{
    if (cJSON_GetObjectItemCaseSensitive(root, "error")) {
        reject_line(w, file, lineno, line, len, msg, out, diag);
    } else {
        flag_record(w, file, lineno, line, len, root->child != NULL, msg, out, diag);
    }
}

/* Joins the text fields into w->text and fills w->segments.  Returns NULL,
 * or a message (in @p msg) naming the field that is missing or not text. */
static const char *join_text_fields(record_worker_t *w, const cJSON *root, char *msg,
                                    size_t msg_size)
{
    const cli_options_t *opt = w->opt;
    size_t chars = 0;
    sb_clear(&w->text);
    for (size_t i = 0; i < opt->n_text_fields; i++) {
        const char *name = opt->text_fields[i];
        const cJSON *v = get_path(root, name);
        if (!v) {
            snprintf(msg, msg_size, "field '%s' is missing", name);
            return msg;
        }
        if (!cJSON_IsString(v)) {
            snprintf(msg, msg_size, "field '%s' is %s, not a string", name, json_type_name(v));
            return msg;
        }
        if (i > 0) {
            sb_adds(&w->text, FIELD_JOIN);
            chars += strlen(FIELD_JOIN);
        }
        w->segments[i].field = name;
        w->segments[i].start = w->text.len;
        w->segments[i].char_start = chars;
        size_t len = strlen(v->valuestring);
        sb_add(&w->text, v->valuestring, len);
        for (size_t k = 0; k < len; k++) {
            chars += ((unsigned char)v->valuestring[k] & 0xC0) != 0x80;
        }
    }
    return NULL;
}

/* The record id as text: a string as it is, an integer in digits; NULL for
 * anything else (no id).  @p buf holds the digits. */
static const char *record_id(const cJSON *root, const char *path, char *buf, size_t size)
{
    const cJSON *v = path ? get_path(root, path) : NULL;
    if (cJSON_IsString(v)) {
        return v->valuestring;
    }
    /* Integers survive a double only up to 2^53; larger ones are no id.
     * The range is tested before the cast: a number out of long long's
     * range (1e308, or an overflow to infinity) may not be cast at all. */
    if (cJSON_IsNumber(v) && v->valuedouble > -9007199254740992.0 &&
        v->valuedouble < 9007199254740992.0 &&
        v->valuedouble == (double)(long long)v->valuedouble) {
        snprintf(buf, size, "%lld", (long long)v->valuedouble);
        return buf;
    }
    return NULL;
}

/* Writes the output of a tagged record in the chosen format.  @p id is the
 * record's id (record_id()) or NULL. */
/* The output options of a record: the run's, one line each, with the
 * joined text's fields as segments. */
static tagger_json_options_t record_options(const record_worker_t *w)
{
    tagger_json_options_t json = w->opt->json;
    json.id = NULL;
    json.flags &= ~TAGGER_JSON_PRETTY;
    json.segments = w->segments;
    json.n_segments = w->opt->n_text_fields;
    return json;
}

/* A TSV line's id: the record's, or its line number written in @p buf. */
static const char *tsv_id(const char *id, long lineno, char buf[32])
{
    if (id) {
        return id;
    }
    snprintf(buf, 32, "%ld", lineno);
    return buf;
}

static bool write_tagged(record_worker_t *w, const char *id, const char *file, long lineno,
                         const char *line, size_t len, bool has_members,
                         const tagger_result_t *r, strbuf_t *out)
{
    const cli_options_t *opt = w->opt;
    tagger_json_options_t json = record_options(w);
    char idbuf[32];
    if (opt->format == FORMAT_TSV) {
        id = tsv_id(id, lineno, idbuf);
        format_tsv(out, id, strlen(id), r, &json, true);
        return true;
    }
    if (opt->format == FORMAT_HTML) {
        char where[320];
        html_document(out, id ? id : file_line(where, sizeof where, file, lineno),
                      w->text.data ? w->text.data : "", w->text.len, r, &json);
        return true;
    }
    char *ann = NULL;
    if (tagger_result_json(r, &json, &ann) != TAGGER_OK) {
        return false;
    }
    if (opt->format == FORMAT_ES_BULK) {
        format_es_action(out, id, id ? strlen(id) : 0);
    }
    splice(out, line, len, has_members, opt->output_field, ann, strlen(ann));
    tagger_string_free(ann);
    return true;
}

/* --all-matches: writes the gazetteer candidates of the record's text, as
 * TSV lines or as the output field {"matches":[...]}; nothing on failure.
 * Returns TAGGER_OK or the scan's error. */
static int write_matches(record_worker_t *w, const char *id, long lineno, const char *line,
                         size_t len, bool has_members, strbuf_t *out)
{
    const cli_options_t *opt = w->opt;
    tagger_json_options_t json = record_options(w);
    bool tsv = opt->format == FORMAT_TSV;
    char idbuf[32];
    id = tsv_id(id, lineno, idbuf);
    strbuf_t found;
    sb_init(&found);
    if (!tsv) {
        sb_adds(&found, "{\"matches\":");
    }
    int rc = matches_write(&found, tsv, opt->tg, w->scratch, w->text.data ? w->text.data : "",
                           w->text.len, id, strlen(id), &json);
    if (!tsv) {
        sb_addc(&found, '}');
    }
    rc = rc ? rc : sb_ok(&found) ? TAGGER_OK : TAGGER_ERR_NOMEM;
    if (rc == TAGGER_OK && tsv) {
        sb_add(out, found.data, found.len);
    } else if (rc == TAGGER_OK) {
        splice(out, line, len, has_members, opt->output_field, found.data, found.len);
    }
    sb_free(&found);
    return rc;
}

/* Tags the record's text (w->text) and writes the output; nothing on
 * failure.  Returns TAGGER_OK or why it failed. */
static int tag_record(record_worker_t *w, const char *id, const char *file, long lineno,
                      const char *line, size_t len, bool has_members, strbuf_t *out)
{
    if (w->opt->all_matches) {
        return write_matches(w, id, lineno, line, len, has_members, out);
    }
    tagger_result_t *r = NULL;
    int rc = tagger_annotate(w->opt->tg, w->scratch, w->text.data ? w->text.data : "",
                             w->text.len, &r);
    if (rc == TAGGER_OK && !write_tagged(w, id, file, lineno, line, len, has_members, r, out)) {
        rc = TAGGER_ERR_NOMEM;
    }
    tagger_result_free(r);
    return rc;
}

/* ------------------------------------------------------------ fast path */

/* What fast_get_path() found. */
typedef enum { PATH_FOUND, PATH_MISSING, PATH_UNSURE } path_result_t;

/* Member @p path (dotted) of the record parsed into w->members, as
 * get_path() finds it in the cJSON tree; copied to @p found.  PATH_UNSURE
 * when a key on the way holds an escape (its decoded form could match). */
static path_result_t fast_get_path(record_worker_t *w, const char *path, jp_member_t *found)
{
    const jp_members_t *members = &w->members;
    for (;;) {
        const char *dot = strchr(path, '.');
        size_t klen = dot ? (size_t)(dot - path) : strlen(path);
        if (members->any_key_escaped) {
            return PATH_UNSURE;
        }
        const jp_member_t *m = jp_find(members, path, klen);
        if (!m) {
            return PATH_MISSING;
        }
        *found = *m;
        if (!dot) {
            return PATH_FOUND;
        }
        if (found->type != JP_OBJECT) {
            return PATH_MISSING;
        }
        if (jp_parse_object(found->value, found->value_len, &w->nested) != JP_OK) {
            return PATH_UNSURE;
        }
        members = &w->nested;
        path = dot + 1;
    }
}

/* The text fields joined into w->text, as join_text_fields() joins them;
 * false when one is not a plain string here (the slow path says why). */
static bool fast_join_text_fields(record_worker_t *w)
{
    const cli_options_t *opt = w->opt;
    size_t chars = 0;
    sb_clear(&w->text);
    for (size_t i = 0; i < opt->n_text_fields; i++) {
        jp_member_t v;
        if (fast_get_path(w, opt->text_fields[i], &v) != PATH_FOUND || v.type != JP_STRING ||
            v.value_has_nul) {
            return false; /* cJSON's string would end at the NUL */
        }
        if (i > 0) {
            sb_adds(&w->text, FIELD_JOIN);
            chars += strlen(FIELD_JOIN);
        }
        w->segments[i].field = opt->text_fields[i];
        w->segments[i].start = w->text.len;
        w->segments[i].char_start = chars;
        jp_add_decoded(&w->text, &v);
        chars += v.value_chars;
    }
    return true;
}

/* The record id, as record_id() gives it: a string, or NULL.  False when
 * the slow path must tell (a number, an escaped key, a NUL). */
static bool fast_record_id(record_worker_t *w, const char **id)
{
    jp_member_t v;
    *id = NULL;
    if (!w->opt->id_field) {
        return true;
    }
    path_result_t found = fast_get_path(w, w->opt->id_field, &v);
    if (found == PATH_UNSURE || (found == PATH_FOUND && v.type == JP_NUMBER)) {
        return false;
    }
    if (found == PATH_FOUND && v.type == JP_STRING) {
        if (v.value_has_nul) {
            return false;
        }
        sb_clear(&w->id);
        jp_add_decoded(&w->id, &v);
        *id = sb_cstr(&w->id);
    }
    return true;
}

/* A record the fast pass of jsonl_parse.c accepts and that can be tagged
 * as it is: tagged and written.  Returns false, having written nothing,
 * for any other line; jsonl_process_line() then takes the slow path. */
static bool fast_record(record_worker_t *w, const char *file, long lineno, const char *line,
                        size_t len, strbuf_t *out)
{
    const cli_options_t *opt = w->opt;
    const char *id = NULL;
    if (jp_parse_object(line, len, &w->members) != JP_OK || w->members.any_key_escaped ||
        jp_find(&w->members, opt->output_field, strlen(opt->output_field)) ||
        !fast_join_text_fields(w) || (opt->format != FORMAT_JSON && !fast_record_id(w, &id))) {
        return false;
    }
    /* A failure (out of memory) is left to the slow path to report. */
    return tag_record(w, id, file, lineno, line, len, true, out) == TAGGER_OK;
}

/* ------------------------------------------------------------ one line */

bool jsonl_process_line(record_worker_t *w, const char *file, long lineno, const char *line,
                        size_t len, strbuf_t *out, strbuf_t *diag)
{
    size_t blank = 0;
    while (blank < len && json_space((unsigned char)line[blank])) {
        blank++;
    }
    if (blank == len) {
        if (w->opt->format == FORMAT_JSON) {
            sb_add(out, line, len); /* kept as it is */
            sb_addc(out, '\n');
        }
        return false;
    }
    char msg[320];
    size_t where = 0;
    if (len > CLI_MAX_DOC_BYTES) {
        snprintf(msg, sizeof msg, "record of %zu bytes, larger than %d MiB, the limit for one "
                 "document", len, CLI_MAX_DOC_MIB);
        reject_line(w, file, lineno, line, len, msg, out, diag);
        return true;
    }
    if (fast_record(w, file, lineno, line, len, out)) {
        return false;
    }
    const char *problem = jsonl_check_bytes(line, len, &where);
    if (problem) {
        snprintf(msg, sizeof msg, "%s at byte %zu", problem, where);
        reject_line(w, file, lineno, line, len, msg, out, diag);
        return true;
    }
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(line, len, &end, 0);
    if (!root) {
        bool cut_off = walk_nesting(line, len, &where);
        if (where != SIZE_MAX) {
            snprintf(msg, sizeof msg, "JSON nested deeper than %d levels at byte %zu",
                     CJSON_NESTING_LIMIT, where);
        } else if (cut_off) {
            snprintf(msg, sizeof msg, "malformed JSON: the line ends inside a value (cut off?)");
        } else {
            snprintf(msg, sizeof msg, "malformed JSON at byte %zu", end ? (size_t)(end - line) : 0);
        }
        reject_line(w, file, lineno, line, len, msg, out, diag);
        return true;
    }
    size_t rest = (size_t)(end - line);
    while (rest < len && json_space((unsigned char)line[rest])) {
        rest++;
    }
    bool bad = true;
    if (rest < len) {
        snprintf(msg, sizeof msg, "malformed JSON: text after the object at byte %zu", rest);
        reject_line(w, file, lineno, line, len, msg, out, diag);
    } else if (!cJSON_IsObject(root)) {
        reject_line(w, file, lineno, line, len, "not a JSON object", out, diag);
    } else if (cJSON_GetObjectItemCaseSensitive(root, w->opt->output_field)) {
        snprintf(msg, sizeof msg, "the record already has a field '%s'", w->opt->output_field);
        flag_or_reject(w, root, file, lineno, line, len, msg, out, diag);
    } else if (join_text_fields(w, root, msg, sizeof msg)) {
        flag_or_reject(w, root, file, lineno, line, len, msg, out, diag);
    } else {
        char idbuf[32];
        const char *id = record_id(root, w->opt->id_field, idbuf, sizeof idbuf);
        int rc = tag_record(w, id, file, lineno, line, len, root->child != NULL, out);
        if (rc == TAGGER_OK) {
            bad = false;
        } else {
            flag_or_reject(w, root, file, lineno, line, len, tagger_strerror(rc), out, diag);
        }
    }
    cJSON_Delete(root);
    return bad;
}
