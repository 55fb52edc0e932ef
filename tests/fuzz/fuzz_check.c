/*
 * fuzz_check.c - the invariants of fuzz_check.h.
 *
 * Everything is recomputed from the input bytes with code written here, not
 * taken from the library: a byte position map (which positions are UTF-8
 * boundaries, and the code point index of each) built by our own decoder
 * after Unicode Table 3-7, and the JSON re-read with cJSON.  The rule for
 * invalid input is the header's: each byte that does not belong to a
 * well-formed sequence is one code point (Python's surrogateescape gives
 * the same count, which is what tests/cli/check_output.py uses).
 */
#include "fuzz_check.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

void fz_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("INVARIANT BROKEN: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}

size_t fz_utf8_len(const unsigned char *s, size_t len)
{
    unsigned char c = s[0];
    size_t n;
    unsigned char lo = 0x80, hi = 0xBF; /* range of the second byte */
    if (c < 0x80) {
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        lo = c == 0xE0 ? 0xA0 : 0x80; /* E0 80..9F would be overlong */
        hi = c == 0xED ? 0x9F : 0xBF; /* ED A0..BF would be a surrogate */
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        lo = c == 0xF0 ? 0x90 : 0x80; /* overlong */
        hi = c == 0xF4 ? 0x8F : 0xBF; /* above U+10FFFF */
    } else {
        return 0; /* 80..C1, F5..FF never start a sequence */
    }
    if (len < n || s[1] < lo || s[1] > hi) {
        return 0;
    }
    for (size_t i = 2; i < n; i++) {
        if (s[i] < 0x80 || s[i] > 0xBF) {
            return 0;
        }
    }
    return n;
}

/* Byte positions of a text: char_at[i] is the code point index of byte i
 * (defined at boundaries, and at len), boundary[i] whether a code point
 * starts there. */
typedef struct {
    size_t *char_at;
    bool *boundary;
    size_t n_invalid, first_invalid;
} positions_t;

static void positions_init(positions_t *p, const char *text, size_t len)
{
    p->char_at = calloc(len + 1, sizeof *p->char_at);
    p->boundary = calloc(len + 1, sizeof *p->boundary);
    if (!p->char_at || !p->boundary) {
        fz_fail("out of memory in the checker");
    }
    p->n_invalid = 0;
    p->first_invalid = 0;
    size_t chars = 0;
    for (size_t i = 0; i < len;) {
        size_t n = fz_utf8_len((const unsigned char *)text + i, len - i);
        if (n == 0) {
            if (p->n_invalid++ == 0) {
                p->first_invalid = i;
            }
            n = 1;
        }
        p->boundary[i] = true;
        p->char_at[i] = chars++;
        i += n;
    }
    p->boundary[len] = true;
    p->char_at[len] = chars;
}

static void positions_free(positions_t *p)
{
    free(p->char_at);
    free(p->boundary);
}

static void check_span(const positions_t *p, size_t len, size_t start, size_t end,
                       size_t char_start, size_t char_end, const char *what)
{
    if (start >= end || end > len) {
        fz_fail("%s [%zu, %zu) is empty or outside the text of %zu bytes", what, start, end,
                len);
    }
    if (!p->boundary[start] || !p->boundary[end]) {
        fz_fail("%s [%zu, %zu) does not lie on UTF-8 boundaries", what, start, end);
    }
    if (char_start != p->char_at[start] || char_end != p->char_at[end]) {
        fz_fail("%s [%zu, %zu): char offsets [%zu, %zu), expected [%zu, %zu)", what, start, end,
                char_start, char_end, p->char_at[start], p->char_at[end]);
    }
}

static bool in_text(const char *text, size_t len, const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > len) {
        return false;
    }
    for (size_t i = 0; i + n <= len; i++) {
        if (memcmp(text + i, s, n) == 0) {
            return true;
        }
    }
    return false;
}

static bool valid_utf8(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        size_t n = fz_utf8_len((const unsigned char *)s + i, len - i);
        if (n == 0) {
            return false;
        }
        i += n;
    }
    return true;
}

static double json_number(const cJSON *o, const char *key, const char *where)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!cJSON_IsNumber(v)) {
        fz_fail("JSON %s: \"%s\" is missing or not a number", where, key);
    }
    return v->valuedouble;
}

static const char *json_string(const cJSON *o, const char *key, const char *where)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!cJSON_IsString(v)) {
        fz_fail("JSON %s: \"%s\" is missing or not a string", where, key);
    }
    return v->valuestring;
}

static const cJSON *json_array(const cJSON *o, const char *key, int size, const char *where)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!cJSON_IsArray(v) || (size >= 0 && cJSON_GetArraySize(v) != size)) {
        fz_fail("JSON %s: \"%s\" is not an array of %d", where, key, size);
    }
    return v;
}

/* An entity's id for messages: recognized entities have none. */
static const char *id_of(const tagger_entity_t *e)
{
    return e->id ? e->id : e->name;
}

/* The JSON output says what the API says. */
static void check_json(const char *text, size_t len, const tagger_result_t *r, const char *id,
                       const char *json)
{
    size_t json_len = strlen(json);
    if (!valid_utf8(json, json_len)) {
        fz_fail("JSON output is not valid UTF-8");
    }
    if (memchr(json, '\n', json_len)) {
        fz_fail("compact JSON output holds a newline");
    }
    cJSON *root = cJSON_ParseWithLength(json, json_len);
    if (!cJSON_IsObject(root)) {
        fz_fail("JSON output does not parse: %.200s", json);
    }
    if (id && valid_utf8(id, strlen(id)) && strcmp(json_string(root, "id", "root"), id) != 0) {
        fz_fail("JSON id differs from the valid UTF-8 id given");
    }
    size_t n_ent = tagger_result_n_entities(r);
    const cJSON *ents = json_array(root, "entities", (int)n_ent, "root");
    for (size_t i = 0; i < n_ent; i++) {
        const tagger_entity_t *e = tagger_result_entity(r, i);
        const cJSON *je = cJSON_GetArrayItem(ents, (int)i);
        const cJSON *jid = cJSON_GetObjectItemCaseSensitive(je, "id");
        bool id_ok = e->id ? cJSON_IsString(jid) && strcmp(jid->valuestring, e->id) == 0
                           : cJSON_IsNull(jid);
        if (!id_ok || strcmp(json_string(je, "name", "entity"), e->name) != 0 ||
            strcmp(json_string(je, "type", "entity"), tagger_kind_name(e->kind)) != 0) {
            fz_fail("JSON entity %zu is not the API's %s", i, id_of(e));
        }
        if (json_number(je, "count", "entity") != (double)e->n_mentions) {
            fz_fail("JSON entity %s: count differs from its mentions", id_of(e));
        }
        const cJSON *ms = json_array(je, "mentions", (int)e->n_mentions, "entity");
        for (size_t k = 0; k < e->n_mentions; k++) {
            const cJSON *jm = cJSON_GetArrayItem(ms, (int)k);
            const tagger_mention_t *m = &e->mentions[k];
            const char *mt = json_string(jm, "text", "mention");
            if (json_number(jm, "start", "mention") != (double)m->start ||
                json_number(jm, "end", "mention") != (double)m->end ||
                json_number(jm, "char_start", "mention") != (double)m->char_start ||
                json_number(jm, "char_end", "mention") != (double)m->char_end ||
                strlen(mt) != m->end - m->start || memcmp(mt, text + m->start, strlen(mt))) {
                fz_fail("JSON mention %zu of %s differs from the API's or the input", k,
                        id_of(e));
            }
        }
    }
    size_t n_top = tagger_result_n_topics(r);
    const cJSON *tops = json_array(root, "topics", (int)n_top, "root");
    for (size_t i = 0; i < n_top; i++) {
        const tagger_topic_t *t = tagger_result_topic(r, i);
        const cJSON *jt = cJSON_GetArrayItem(tops, (int)i);
        if (strcmp(json_string(jt, "id", "topic"), t->id) != 0) {
            fz_fail("JSON topic %zu is not the API's %s", i, t->id);
        }
        json_array(jt, "path", (int)t->depth + 1, "topic");
        const cJSON *ev = json_array(jt, "evidence", (int)t->n_evidence, "topic");
        for (int k = 0; k < cJSON_GetArraySize(ev); k++) {
            const cJSON *s = cJSON_GetArrayItem(ev, k);
            if (!cJSON_IsString(s) || !in_text(text, len, s->valuestring)) {
                fz_fail("JSON evidence of topic %s is not in the input", t->id);
            }
        }
    }
    const cJSON *facets = cJSON_GetObjectItemCaseSensitive(root, "facets");
    const cJSON *facet_ids = cJSON_GetObjectItemCaseSensitive(root, "facet_ids");
    if (!cJSON_IsObject(facets) || !cJSON_IsObject(facet_ids)) {
        fz_fail("JSON facets or facet_ids missing");
    }
    const cJSON *warn = cJSON_GetObjectItemCaseSensitive(root, "warnings");
    if ((warn != NULL) != (tagger_result_n_invalid(r) > 0)) {
        fz_fail("JSON warnings present iff there are invalid bytes: not so");
    }
    cJSON_Delete(root);
}

void fz_check_result(const char *text, size_t len, const tagger_result_t *r, const char *id)
{
    positions_t p;
    positions_init(&p, text, len);
    if (tagger_result_n_invalid(r) != p.n_invalid ||
        (p.n_invalid && tagger_result_first_invalid(r) != p.first_invalid)) {
        fz_fail("invalid bytes: library says %zu from %zu, the checker %zu from %zu",
                tagger_result_n_invalid(r), tagger_result_first_invalid(r), p.n_invalid,
                p.first_invalid);
    }
    double last_relevance = 2;
    for (size_t i = 0; i < tagger_result_n_entities(r); i++) {
        const tagger_entity_t *e = tagger_result_entity(r, i);
        if (!e || !e->name || !tagger_kind_name(e->kind) || e->n_mentions == 0 ||
            (!e->id) != (e->source == TAGGER_SOURCE_RECOGNIZED)) {
            fz_fail("entity %zu is incomplete", i);
        }
        if (!(e->relevance >= 0 && e->relevance <= 1) || e->relevance > last_relevance) {
            fz_fail("entity %s: relevance %g outside [0, 1] or out of order", id_of(e),
                    e->relevance);
        }
        last_relevance = e->relevance;
        size_t last_start = 0;
        for (size_t k = 0; k < e->n_mentions; k++) {
            const tagger_mention_t *m = &e->mentions[k];
            check_span(&p, len, m->start, m->end, m->char_start, m->char_end, "mention");
            if (k > 0 && m->start < last_start) {
                fz_fail("mentions of %s are not in text order", id_of(e));
            }
            last_start = m->start;
            if (strlen(m->text) != m->end - m->start ||
                memcmp(m->text, text + m->start, m->end - m->start) != 0) {
                fz_fail("mention text of %s is not the input at [%zu, %zu)", id_of(e), m->start,
                        m->end);
            }
        }
    }
    for (size_t i = 0; i < tagger_result_n_topics(r); i++) {
        const tagger_topic_t *t = tagger_result_topic(r, i);
        if (!t || !t->id || !t->label || !t->path || !(t->score >= 0 && t->score <= 1)) {
            fz_fail("topic %zu is incomplete or scores outside [0, 1]", i);
        }
        for (size_t k = 0; k <= t->depth; k++) {
            if (!t->path[k]) {
                fz_fail("topic %s: path has a hole", t->id);
            }
        }
        if (strcmp(t->path[t->depth], t->label) != 0) {
            fz_fail("topic %s: path does not end with its label", t->id);
        }
        for (size_t k = 0; k < t->n_evidence; k++) {
            if (!in_text(text, len, t->evidence[k])) {
                fz_fail("topic %s: evidence '%s' is not in the input", t->id, t->evidence[k]);
            }
        }
    }
    tagger_json_options_t opt;
    tagger_json_options_init(&opt);
    opt.id = id;
    opt.max_topics = 1000; /* all of them, to compare with the API */
    char *json = NULL;
    int rc = tagger_result_json(r, &opt, &json);
    if (rc != TAGGER_OK) {
        fz_fail("tagger_result_json: %s", tagger_strerror(rc));
    }
    check_json(text, len, r, id, json);
    tagger_string_free(json);
    positions_free(&p);
}

typedef struct {
    const positions_t *p;
    size_t len;
    size_t n_entities;
    bool all;
    size_t last_end, last_start, n;
} scan_ctx_t;

static int on_match(const tagger_match_t *m, void *arg)
{
    scan_ctx_t *c = arg;
    check_span(c->p, c->len, m->start, m->end, m->char_start, m->char_end, "scan match");
    if (m->entity >= c->n_entities || !m->id || !m->name || m->n_candidates == 0) {
        fz_fail("scan match names no valid entity");
    }
    if (!c->all && c->n > 0 && m->start < c->last_end && m->start != c->last_start) {
        fz_fail("leftmost-longest matches overlap: [%zu, ...) after one ending at %zu",
                m->start, c->last_end);
    }
    if (c->n > 0 && m->start < c->last_start) {
        fz_fail("scan matches not in increasing start order");
    }
    c->last_start = m->start;
    c->last_end = m->end;
    c->n++;
    return 0;
}

void fz_check_scan(const tagger_t *tg, tagger_scratch_t *s, const char *text, size_t len)
{
    positions_t p;
    positions_init(&p, text, len);
    for (int all = 0; all <= 1; all++) {
        scan_ctx_t c = {&p, len, tagger_n_entities(tg), all != 0, 0, 0, 0};
        int rc = tagger_scan(tg, s, text, len, all ? TAGGER_SCAN_ALL : 0, on_match, &c);
        if (rc != TAGGER_OK) {
            fz_fail("tagger_scan: %s", tagger_strerror(rc));
        }
    }
    positions_free(&p);
}

void fz_check_errors(const tagger_error_t *err, const char *path, long max_line)
{
    for (const tagger_error_t *e = err; e; e = e->next) {
        if (!e->message || !*e->message) {
            fz_fail("a diagnostic without a message");
        }
        if (e->path && strcmp(e->path, path) != 0) {
            fz_fail("diagnostic names '%s', not the source '%s'", e->path, path);
        }
        if (e->line < 0 || e->line > max_line) {
            fz_fail("diagnostic at line %ld of a source of %ld lines: %s", e->line, max_line,
                    e->message);
        }
    }
}

void fz_annotate_and_check(const tagger_t *tg, const char *text, size_t len, const char *id)
{
    tagger_scratch_t *s = NULL;
    tagger_result_t *r = NULL;
    int rc = tagger_scratch_new(tg, &s);
    if (rc != TAGGER_OK) {
        fz_fail("tagger_scratch_new: %s", tagger_strerror(rc));
    }
    fz_check_scan(tg, s, text, len);
    if ((rc = tagger_annotate(tg, s, text, len, &r)) != TAGGER_OK) {
        fz_fail("tagger_annotate: %s", tagger_strerror(rc));
    }
    fz_check_result(text, len, r, id);
    tagger_result_free(r);
    tagger_scratch_free(s);
}
