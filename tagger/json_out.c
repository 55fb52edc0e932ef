/*
 * json_out.c - a result as one JSON object, as SPEC.md shows it:
 *
 *   {"id": ..., "topics": [{"id", "label", "score", "path", "evidence"}],
 *    "entities": [{"type", "name", "id",
 *    "wikidata", "country", "relevance", "count", "mentions": [{"text",
 *    "field", "start", "end", "char_start", "char_end", "via"}]}],
 *    "facets": {...}, "facet_ids": {...}, "warnings": [...]}
 *
 * "id" is null and "source" "recognized" for a name no gazetteer lists
 * (recognize.c), "source" "gazetteer" otherwise.
 * "wikidata" appears when the entity has a QID other than its id, "country"
 * for entities that belong to one, "via" only on mentions that are not the
 * entity's own name, "warnings" only when there is something to say,
 * "field" only when the options carry segments (a text joined from several
 * fields of a record; offsets are then relative to the mention's field).
 * Relevance is rounded to three decimals, so it prints short.
 *
 * Two writers produce it.  Compact output, the one pipelines read, is
 * written straight into one growing buffer (jw_* below): building a cJSON
 * tree per document, with a malloc per node and printf/sscanf round trips
 * per number, cost more than finding the entities (docs/PERFORMANCE.md).
 * Its bytes are exactly what cJSON_PrintUnformatted() gives for the same
 * tree: the same escapes (\" \\ \b \f \n \r \t, \u00xx for other
 * control characters, everything else as is), integers as %d would print
 * them, relevance as %1.15g prints a multiple of 0.001
 * (tests/check_json_writer.c holds the two to each other).  The room check
 * of each append is inline and the buffer starts at 4 KiB, so most
 * documents need one malloc; a string is copied 8 bytes at a time while
 * none of them needs an escape (a bit test on the 8), into room reserved
 * for it escaped at worst; a mention, the most repeated object, reserves
 * room for all of it once.  Pretty output
 * (--pretty) still goes through cJSON.  Members are written one function
 * each, in order.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "annotate.h"
#include "internal.h"
#include "normalize.h"
#include "topic_model.h"

/* "via" of a mention, indexed by tagger_via_t. */
static const char *const via_names[] = {"name", "demonym", "short", "place"};

/* "source" of an entity, indexed by tagger_entity_source_t. */
static const char *const source_names[] = {"gazetteer", "recognized"};

/* Facet keys, indexed by tagger_kind_t. */
static const char *const facet_keys[] = {NULL, "person", "country", "place", "org"};

void tagger_json_options_init(tagger_json_options_t *opt)
{
    if (opt) {
        memset(opt, 0, sizeof *opt);
        opt->facet_threshold = TAGGER_FACET_THRESHOLD;
        opt->max_topics = TAGGER_MAX_TOPICS;
    }
}

void tagger_string_free(char *s)
{
    cJSON_free(s);
}

/* A copy of @p s with each invalid UTF-8 byte replaced by U+FFFD, so that
 * the output stays valid JSON whatever the caller passes; malloc'ed. */
static char *valid_utf8(const char *s)
{
    size_t len = strlen(s), j = 0;
    char *d = malloc(3 * len + 1);
    if (!d) {
        return NULL;
    }
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t k = tg_utf8_decode((const unsigned char *)s + i, len - i, &cp);
        if (cp < 0) {
            j += tg_utf8_encode(0xFFFD, d + j);
        } else {
            memcpy(d + j, s + i, k);
            j += k;
        }
        i += k;
    }
    d[j] = '\0';
    return d;
}

static bool add_id(cJSON *root, const char *id)
{
    char *clean = valid_utf8(id);
    bool ok = clean && cJSON_AddStringToObject(root, "id", clean);
    free(clean);
    return ok;
}

static bool kind_wanted(const tagger_json_options_t *opt, tagger_kind_t kind)
{
    return opt->kinds == 0 || (opt->kinds & (1u << kind)) != 0;
}

/* The segment a mention starting at byte @p start falls in: the last one
 * starting at or before it.  NULL without segments. */
static const tagger_json_segment_t *segment_of(const tagger_json_options_t *opt, size_t start)
{
    const tagger_json_segment_t *seg = NULL;
    for (size_t i = 0; i < opt->n_segments && opt->segments[i].start <= start; i++) {
        seg = &opt->segments[i];
    }
    return seg;
}

static cJSON *mention_json(const tagger_mention_t *m, const tagger_json_options_t *opt)
{
    const tagger_json_segment_t *seg = segment_of(opt, m->start);
    size_t base = seg ? seg->start : 0, char_base = seg ? seg->char_start : 0;
    cJSON *o = cJSON_CreateObject();
    if (!o || !cJSON_AddStringToObject(o, "text", m->text) ||
        (seg && !cJSON_AddStringToObject(o, "field", seg->field)) ||
        !cJSON_AddNumberToObject(o, "start", (double)(m->start - base)) ||
        !cJSON_AddNumberToObject(o, "end", (double)(m->end - base)) ||
        !cJSON_AddNumberToObject(o, "char_start", (double)(m->char_start - char_base)) ||
        !cJSON_AddNumberToObject(o, "char_end", (double)(m->char_end - char_base)) ||
        (m->via != TAGGER_VIA_NAME && !cJSON_AddStringToObject(o, "via", via_names[m->via]))) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static cJSON *entity_json(const tagger_entity_t *e, const tagger_json_options_t *opt)
{
    cJSON *o = cJSON_CreateObject();
    if (!o || !cJSON_AddStringToObject(o, "type", tagger_kind_name(e->kind)) ||
        !cJSON_AddStringToObject(o, "name", e->name) ||
        !(e->id ? cJSON_AddStringToObject(o, "id", e->id) : cJSON_AddNullToObject(o, "id")) ||
        !cJSON_AddStringToObject(o, "source", source_names[e->source])) {
        goto fail;
    }
    if (e->wikidata && e->id && strcmp(e->wikidata, e->id) != 0 &&
        !cJSON_AddStringToObject(o, "wikidata", e->wikidata)) {
        goto fail;
    }
    if (e->country && !cJSON_AddStringToObject(o, "country", e->country)) {
        goto fail;
    }
    if (!cJSON_AddNumberToObject(o, "relevance", round(e->relevance * 1000) / 1000) ||
        !cJSON_AddNumberToObject(o, "count", (double)e->n_mentions)) {
        goto fail;
    }
    if (!(opt->flags & TAGGER_JSON_NO_MENTIONS)) {
        cJSON *arr = cJSON_AddArrayToObject(o, "mentions");
        if (!arr) {
            goto fail;
        }
        for (size_t i = 0; i < e->n_mentions; i++) {
            cJSON *m = mention_json(&e->mentions[i], opt);
            if (!m) {
                goto fail;
            }
            cJSON_AddItemToArray(arr, m);
        }
    }
    return o;
fail:
    cJSON_Delete(o);
    return NULL;
}

static size_t n_topics_written(const tagger_result_t *r, const tagger_json_options_t *opt)
{
    return r->n_topics < opt->max_topics ? r->n_topics : opt->max_topics;
}

/* Of those, the topics in the facets: not a guess below the threshold
 * (which is reported alone). */
static size_t n_topic_facets(const tagger_result_t *r, const tagger_json_options_t *opt)
{
    return r->n_topics && r->topics[0].below_threshold ? 0 : n_topics_written(r, opt);
}

static cJSON *topic_json(const tagger_topic_t *t)
{
    cJSON *o = cJSON_CreateObject();
    cJSON *path = o ? cJSON_CreateStringArray(t->path, (int)t->depth + 1) : NULL;
    cJSON *evidence = path ? cJSON_CreateStringArray(t->evidence, (int)t->n_evidence) : NULL;
    if (!evidence || !cJSON_AddStringToObject(o, "id", t->id) ||
        !cJSON_AddStringToObject(o, "label", t->label) ||
        !cJSON_AddNumberToObject(o, "score", round(t->score * 1000) / 1000)) {
        cJSON_Delete(path);
        cJSON_Delete(evidence);
        cJSON_Delete(o);
        return NULL;
    }
    cJSON_AddItemToObject(o, "path", path);
    cJSON_AddItemToObject(o, "evidence", evidence);
    return o;
}

static bool add_topics(cJSON *root, const tagger_result_t *r, const tagger_json_options_t *opt)
{
    cJSON *arr = cJSON_AddArrayToObject(root, "topics");
    for (size_t i = 0; arr && i < n_topics_written(r, opt); i++) {
        cJSON *o = topic_json(&r->topics[i]);
        if (!o) {
            return false;
        }
        cJSON_AddItemToArray(arr, o);
    }
    return arr != NULL;
}

/* "facets" and "facet_ids": names and ids of entities at or above the
 * facet threshold, per type, in relevance order, and of the topics. */
static bool add_facets(cJSON *root, const tagger_result_t *r, const tagger_json_options_t *opt)
{
    cJSON *names = cJSON_AddObjectToObject(root, "facets");
    cJSON *ids = cJSON_AddObjectToObject(root, "facet_ids");
    if (!names || !ids) {
        return false;
    }
    static const tagger_kind_t order[] = {TAGGER_KIND_PERSON, TAGGER_KIND_COUNTRY,
                                          TAGGER_KIND_ORG, TAGGER_KIND_PLACE};
    for (size_t k = 0; k < 4; k++) {
        tagger_kind_t kind = order[k];
        cJSON *na = cJSON_AddArrayToObject(names, facet_keys[kind]);
        cJSON *ia = cJSON_AddArrayToObject(ids, facet_keys[kind]);
        if (!na || !ia) {
            return false;
        }
        if (!kind_wanted(opt, kind)) {
            continue;
        }
        for (size_t i = 0; i < r->n_entities; i++) {
            const tagger_entity_t *e = &r->entities[i];
            if (e->kind != kind || e->relevance < opt->facet_threshold ||
                e->relevance < opt->min_relevance) {
                continue;
            }
            cJSON *n = cJSON_CreateString(e->name);
            cJSON *id = e->id ? cJSON_CreateString(e->id) : cJSON_CreateNull();
            if (!n || !id) {
                cJSON_Delete(n);
                cJSON_Delete(id);
                return false;
            }
            cJSON_AddItemToArray(na, n);
            cJSON_AddItemToArray(ia, id);
        }
    }
    cJSON *na = cJSON_AddArrayToObject(names, "topic");
    cJSON *ia = cJSON_AddArrayToObject(ids, "topic");
    for (size_t i = 0; na && ia && i < n_topic_facets(r, opt); i++) {
        cJSON *n = cJSON_CreateString(r->topics[i].label);
        cJSON *id = cJSON_CreateString(r->topics[i].id);
        if (!n || !id) {
            cJSON_Delete(n);
            cJSON_Delete(id);
            return false;
        }
        cJSON_AddItemToArray(na, n);
        cJSON_AddItemToArray(ia, id);
    }
    return na && ia;
}

static bool add_warnings(cJSON *root, const tagger_result_t *r)
{
    if (r->n_invalid == 0) {
        return true;
    }
    cJSON *arr = cJSON_AddArrayToObject(root, "warnings");
    cJSON *w = cJSON_CreateObject();
    if (!arr || !w) {
        cJSON_Delete(w);
        return false;
    }
    cJSON_AddItemToArray(arr, w);
    char msg[160];
    snprintf(msg, sizeof msg,
             "%zu invalid UTF-8 byte%s, the first at byte %zu; read as word separators",
             r->n_invalid, r->n_invalid == 1 ? "" : "s", r->first_invalid);
    return cJSON_AddStringToObject(w, "code", "invalid_utf8") &&
           cJSON_AddNumberToObject(w, "count", (double)r->n_invalid) &&
           cJSON_AddNumberToObject(w, "first_byte", (double)r->first_invalid) &&
           cJSON_AddStringToObject(w, "message", msg);
}

/* The result through a cJSON tree: pretty output. */
static int tree_json(const tagger_result_t *r, const tagger_json_options_t *opt, char **out)
{
    cJSON *root = cJSON_CreateObject();
    if (!root) {
        return TAGGER_ERR_NOMEM;
    }
    bool ok = (!opt->id || add_id(root, opt->id)) && add_topics(root, r, opt);
    cJSON *ents = ok ? cJSON_AddArrayToObject(root, "entities") : NULL;
    ok = ents != NULL;
    for (size_t i = 0; ok && i < r->n_entities; i++) {
        const tagger_entity_t *e = &r->entities[i];
        if (!kind_wanted(opt, e->kind) || e->relevance < opt->min_relevance) {
            continue;
        }
        cJSON *o = entity_json(e, opt);
        ok = o != NULL;
        if (ok) {
            cJSON_AddItemToArray(ents, o);
        }
    }
    ok = ok && add_facets(root, r, opt) && add_warnings(root, r);
    if (ok) {
        *out = (opt->flags & TAGGER_JSON_PRETTY) ? cJSON_Print(root)
                                                 : cJSON_PrintUnformatted(root);
    }
    cJSON_Delete(root);
    return *out ? TAGGER_OK : TAGGER_ERR_NOMEM;
}

/* ------------------------------------------------------------------------ */
/* The direct writer: compact output                                         */

typedef struct {
    char *buf;
    size_t len, cap;
    bool failed; /* out of memory: later writes do nothing */
} jw_t;

/* Room at the start: most documents' annotation fits, so the buffer is
 * seldom reallocated. */
#define JW_FIRST_CAP 4096

/* Grows the buffer to hold @p extra more bytes and a NUL; false (and the
 * writer failed) when memory runs out. */
static bool jw_grow(jw_t *w, size_t extra)
{
    if (w->failed || extra > SIZE_MAX / 2 - 1 - w->len) {
        w->failed = true; /* a size past half the address space cannot be had */
        return false;
    }
    size_t cap = w->cap ? w->cap : JW_FIRST_CAP;
    while (cap < w->len + extra + 1) {
        cap *= 2;
    }
    char *b = realloc(w->buf, cap); /* freed by tagger_string_free (cJSON_free: free) */
    if (!b) {
        w->failed = true;
        w->cap = 0; /* so that jw_reserve() always comes here */
        return false;
    }
    w->buf = b;
    w->cap = cap;
    return true;
}

/* Room for @p extra more bytes and a NUL.  Inline: the writer asks for a
 * few bytes at a time, a few hundred times per document. */
static inline bool jw_reserve(jw_t *w, size_t extra)
{
    return w->len + extra < w->cap || jw_grow(w, extra);
}

/* Room for @p n bytes escaped at worst, @p more bytes besides, and the
 * quotes; when that overflows, SIZE_MAX / 2: no buffer grows to it (the
 * buffer stays below it, so len + extra cannot wrap in jw_reserve()). */
static inline size_t jw_escaped_room(size_t n, size_t more)
{
    return n > (SIZE_MAX / 2 - more - 2) / 6 ? SIZE_MAX / 2 : 6 * n + more + 2;
}

static inline void jw_raw(jw_t *w, const char *s, size_t n)
{
    if (jw_reserve(w, n)) {
        memcpy(w->buf + w->len, s, n);
        w->len += n;
    }
}

#define JW_LIT(w, lit) jw_raw((w), (lit), sizeof(lit) - 1)

/* Bytes a JSON string holds as they are: all but control characters, the
 * quote and the backslash (cJSON's rule; DEL and non-ASCII bytes pass). */
static const unsigned char jw_plain[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x00 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x10 */
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x20: '"' */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x30 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x40 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, /* 0x50: '\\' */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x60 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x70 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x80 - 0xFF */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* Writes the escape of byte @p c (not plain) at @p d; returns its end. */
static char *jw_escape(char *d, unsigned char c)
{
    static const char hex[] = "0123456789abcdef";
    *d++ = '\\';
    switch (c) {
    case '"':
        *d++ = '"';
        break;
    case '\\':
        *d++ = '\\';
        break;
    case '\b':
        *d++ = 'b';
        break;
    case '\f':
        *d++ = 'f';
        break;
    case '\n':
        *d++ = 'n';
        break;
    case '\r':
        *d++ = 'r';
        break;
    case '\t':
        *d++ = 't';
        break;
    default:
        *d++ = 'u';
        *d++ = '0';
        *d++ = '0';
        *d++ = hex[c >> 4];
        *d++ = hex[c & 15];
        break;
    }
    return d;
}

/* Whether any of the 8 bytes of @p x must be escaped: a control character
 * (below 0x20), the quote or the backslash.  Each test is the classic
 * "has a zero byte" bit trick, exact as a yes or no. */
static inline bool jw_escape8(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    uint64_t quote = x ^ (ones * '"'), backslash = x ^ (ones * '\\');
    uint64_t below_space = (x - ones * 0x20) & ~x;
    return ((below_space | ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash)) &
            high) != 0;
}

/* Writes the JSON string of the @p n bytes at @p s at @p d, which has room
 * for 6 * n + 2 bytes (every byte escaped as \u00xx, and the quotes);
 * returns its end.  8 bytes at a time while none needs an escape, the last
 * 8 overlapping the ones before; a table lookup per byte for a string
 * shorter than 8 or from the first block with an escape on. */
static char *jw_put_string(char *d, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    uint64_t x;
    *d++ = '"';
    for (; n - i >= 8; i += 8) {
        memcpy(&x, p + i, 8);
        if (jw_escape8(x)) {
            break;
        }
        memcpy(d + i, &x, 8);
    }
    if (i < n && n - i < 8 && n >= 8) {
        memcpy(&x, p + n - 8, 8);
        if (!jw_escape8(x)) { /* none before either: out offset = in offset */
            memcpy(d + n - 8, &x, 8);
            i = n;
        }
    }
    d += i;
    for (; i < n; i++) {
        unsigned char c = p[i];
        if (jw_plain[c]) {
            *d++ = (char)c;
        } else {
            d = jw_escape(d, c);
        }
    }
    *d++ = '"';
    return d;
}

/* A JSON string, escaped as cJSON escapes it. */
static void jw_string(jw_t *w, const char *s)
{
    size_t n = strlen(s);
    if (jw_reserve(w, jw_escaped_room(n, 0))) {
        w->len = (size_t)(jw_put_string(w->buf + w->len, s, n) - w->buf);
    }
}

/* "00" to "99": two digits per division. */
static const char jw_digit_pairs[] = "00010203040506070809101112131415161718192021222324"
                                     "25262728293031323334353637383940414243444546474849"
                                     "50515253545556575859606162636465666768697071727374"
                                     "75767778798081828384858687888990919293949596979899";

/* Writes @p v in decimal at @p d, which has room for 20 digits; returns
 * the end.  The digits are counted first, so that they can be written in
 * place from the last, two at a time. */
static char *jw_put_uint(char *d, size_t v)
{
    size_t digits = 1;
    for (size_t rest = v; rest >= 10; rest /= 10) {
        digits++;
    }
    char *e = d + digits;
    while (v >= 100) {
        size_t q = v / 100;
        e -= 2;
        memcpy(e, jw_digit_pairs + 2 * (v - 100 * q), 2);
        v = q;
    }
    if (v >= 10) {
        memcpy(e - 2, jw_digit_pairs + 2 * v, 2);
    } else {
        e[-1] = (char)('0' + v);
    }
    return d + digits;
}

/* "key": as a literal with its quotes and colon. */
#define JW_KEY(w, key) JW_LIT((w), "\"" key "\":")

static void jw_uint(jw_t *w, size_t v)
{
    if (jw_reserve(w, 20)) {
        w->len = (size_t)(jw_put_uint(w->buf + w->len, v) - w->buf);
    }
}

/* A relevance or score: round(x * 1000) / 1000 as cJSON prints it (%1.15g gives the shortest
 * decimal of a multiple of 0.001 in [0, 1]; integers print as %d). */
static void jw_relevance(jw_t *w, double x)
{
    double k = round(x * 1000);
    if (!(k >= 0 && k <= 1000)) {
        char tmp[32];
        double d = k / 1000;
        int n = snprintf(tmp, sizeof tmp, "%1.15g", d);
        jw_raw(w, tmp, (size_t)n);
        return;
    }
    unsigned m = (unsigned)k;
    if (m == 0 || m == 1000) {
        jw_raw(w, m ? "1" : "0", 1);
        return;
    }
    char tmp[6] = {'0', '.', (char)('0' + m / 100), (char)('0' + m / 10 % 10),
                   (char)('0' + m % 10), 0};
    size_t n = 5;
    while (tmp[n - 1] == '0') {
        n--;
    }
    jw_raw(w, tmp, n);
}

/* Appends literal @p lit at @p d, which has room for it. */
#define JW_PUT(d, lit) (memcpy((d), (lit), sizeof(lit) - 1), (d) + sizeof(lit) - 1)

/* A mention, the most repeated object: room for all of it is reserved
 * once, then its members are written with no further check. */
static void jw_mention(jw_t *w, const tagger_mention_t *m, const tagger_json_options_t *opt)
{
    const tagger_json_segment_t *seg = segment_of(opt, m->start);
    size_t base = seg ? seg->start : 0, char_base = seg ? seg->char_start : 0;
    size_t text_len = strlen(m->text), field_len = seg ? strlen(seg->field) : 0;
    /* the strings escaped at worst, four numbers, keys and punctuation */
    if (!jw_reserve(w, jw_escaped_room(text_len + field_len, 4 * 20 + 128))) {
        return;
    }
    char *d = w->buf + w->len;
    d = JW_PUT(d, "{\"text\":");
    d = jw_put_string(d, m->text, text_len);
    if (seg) {
        d = JW_PUT(d, ",\"field\":");
        d = jw_put_string(d, seg->field, field_len);
    }
    d = JW_PUT(d, ",\"start\":");
    d = jw_put_uint(d, m->start - base);
    d = JW_PUT(d, ",\"end\":");
    d = jw_put_uint(d, m->end - base);
    d = JW_PUT(d, ",\"char_start\":");
    d = jw_put_uint(d, m->char_start - char_base);
    d = JW_PUT(d, ",\"char_end\":");
    d = jw_put_uint(d, m->char_end - char_base);
    if (m->via != TAGGER_VIA_NAME) {
        d = JW_PUT(d, ",\"via\":\"");
        const char *via = via_names[m->via];
        size_t via_len = strlen(via); /* a word of our own: no escape */
        memcpy(d, via, via_len);
        d += via_len;
        *d++ = '"';
    }
    *d++ = '}';
    w->len = (size_t)(d - w->buf);
}

static void jw_entity(jw_t *w, const tagger_entity_t *e, const tagger_json_options_t *opt)
{
    bool with_mentions = !(opt->flags & TAGGER_JSON_NO_MENTIONS);
    JW_LIT(w, "{\"type\":");
    jw_string(w, tagger_kind_name(e->kind));
    JW_LIT(w, ",\"name\":");
    jw_string(w, e->name);
    JW_LIT(w, ",\"id\":");
    if (e->id) {
        jw_string(w, e->id);
    } else {
        JW_LIT(w, "null");
    }
    JW_LIT(w, ",\"source\":");
    jw_string(w, source_names[e->source]);
    if (e->wikidata && e->id && strcmp(e->wikidata, e->id) != 0) {
        JW_LIT(w, ",\"wikidata\":");
        jw_string(w, e->wikidata);
    }
    if (e->country) {
        JW_LIT(w, ",\"country\":");
        jw_string(w, e->country);
    }
    JW_LIT(w, ",\"relevance\":");
    jw_relevance(w, e->relevance);
    JW_LIT(w, ",\"count\":");
    jw_uint(w, e->n_mentions);
    if (with_mentions) {
        JW_LIT(w, ",\"mentions\":[");
        for (size_t i = 0; i < e->n_mentions; i++) {
            if (i) {
                JW_LIT(w, ",");
            }
            jw_mention(w, &e->mentions[i], opt);
        }
        JW_LIT(w, "]");
    }
    JW_LIT(w, "}");
}

static void jw_entities(jw_t *w, const tagger_result_t *r, const tagger_json_options_t *opt)
{
    bool first = true;
    JW_KEY(w, "entities");
    JW_LIT(w, "[");
    for (size_t i = 0; i < r->n_entities; i++) {
        const tagger_entity_t *e = &r->entities[i];
        if (!kind_wanted(opt, e->kind) || e->relevance < opt->min_relevance) {
            continue;
        }
        if (!first) {
            JW_LIT(w, ",");
        }
        first = false;
        jw_entity(w, e, opt);
    }
    JW_LIT(w, "]");
}

/* Part @p part of the JSON of the model topic of result topic @p i. */
static void jw_topic_part(jw_t *w, const tagger_result_t *r, size_t i, int part)
{
    const tg_topics_t *m = r->tg->topics;
    const uint32_t *at = m->json_at + (size_t)r->topic_index[i] * TG_TJ_PARTS + part;
    jw_raw(w, m->json + at[0], at[1] - at[0]);
}

/* One facet object: per type, the names (or ids) of the entities at or
 * above the facet threshold, in relevance order, then "topic". */
static void jw_facet_object(jw_t *w, const tagger_result_t *r, const tagger_json_options_t *opt,
                            bool ids)
{
    static const tagger_kind_t order[] = {TAGGER_KIND_PERSON, TAGGER_KIND_COUNTRY,
                                          TAGGER_KIND_ORG, TAGGER_KIND_PLACE};
    JW_LIT(w, "{");
    for (size_t k = 0; k < 4; k++) {
        tagger_kind_t kind = order[k];
        JW_LIT(w, "\"");
        jw_raw(w, facet_keys[kind], strlen(facet_keys[kind]));
        JW_LIT(w, "\":[");
        bool first = true;
        for (size_t i = 0; kind_wanted(opt, kind) && i < r->n_entities; i++) {
            const tagger_entity_t *e = &r->entities[i];
            if (e->kind != kind || e->relevance < opt->facet_threshold ||
                e->relevance < opt->min_relevance) {
                continue;
            }
            if (!first) {
                JW_LIT(w, ",");
            }
            first = false;
            if (ids && !e->id) {
                JW_LIT(w, "null");
            } else {
                jw_string(w, ids ? e->id : e->name);
            }
        }
        JW_LIT(w, "],");
    }
    JW_LIT(w, "\"topic\":[");
    for (size_t i = 0; i < n_topic_facets(r, opt); i++) {
        if (i) {
            JW_LIT(w, ",");
        }
        jw_topic_part(w, r, i, ids ? TG_TJ_ID : TG_TJ_LABEL);
    }
    JW_LIT(w, "]}");
}

/* A list of strings: ["a","b"]. */
static void jw_strings(jw_t *w, const char *const *s, size_t n)
{
    JW_LIT(w, "[");
    for (size_t i = 0; i < n; i++) {
        if (i) {
            JW_LIT(w, ",");
        }
        jw_string(w, s[i]);
    }
    JW_LIT(w, "]");
}

/* Each topic from its fixed parts, written when the model was loaded
 * (tg_topics_json_init()), with its score and evidence between them. */
static void jw_topics(jw_t *w, const tagger_result_t *r, const tagger_json_options_t *opt)
{
    JW_KEY(w, "topics");
    JW_LIT(w, "[");
    for (size_t i = 0; i < n_topics_written(r, opt); i++) {
        const tagger_topic_t *t = &r->topics[i];
        if (i) {
            JW_LIT(w, ",");
        }
        jw_topic_part(w, r, i, TG_TJ_HEAD);
        jw_relevance(w, t->score);
        jw_topic_part(w, r, i, TG_TJ_PATH);
        jw_strings(w, t->evidence, t->n_evidence);
        JW_LIT(w, "}");
    }
    JW_LIT(w, "]");
}

/* jw_put_string() of the C string @p s. */
static char *jw_put_cstring(char *d, const char *s)
{
    return jw_put_string(d, s, strlen(s));
}

int tg_topics_json_init(tg_topics_t *m)
{
    /* Per topic: its id and label twice and each label of its path, all
     * escaped at worst, with their quotes and commas, and the keys. */
    size_t room = 1, longest_path = 1;
    for (uint32_t t = 0; t < m->n_topics; t++) {
        size_t bytes = 2 * (strlen(tg_topic_str(m, m->topics[t].qcode)) +
                            strlen(tg_topic_str(m, m->topics[t].label)));
        uint32_t k = t;
        for (size_t i = (size_t)m->topics[t].depth + 1; i-- > 0; k = m->topics[k].parent) {
            bytes += strlen(tg_topic_str(m, m->topics[k].label)) + 1;
        }
        room += jw_escaped_room(bytes, 128);
        if (m->topics[t].depth + (size_t)1 > longest_path) {
            longest_path = m->topics[t].depth + (size_t)1;
        }
    }
    free(m->json);
    free(m->json_at);
    m->json = malloc(room);
    m->json_at = malloc(((size_t)m->n_topics * TG_TJ_PARTS + 1) * sizeof *m->json_at);
    const char **path = malloc(longest_path * sizeof *path); /* one topic's, the top first */
    if (!m->json || !m->json_at || !path || room > UINT32_MAX) {
        free(path);
        return TAGGER_ERR_NOMEM;
    }
    char *d = m->json;
    for (uint32_t t = 0; t < m->n_topics; t++) {
        const char *id = tg_topic_str(m, m->topics[t].qcode);
        const char *label = tg_topic_str(m, m->topics[t].label);
        size_t depth = (size_t)m->topics[t].depth + 1;
        uint32_t k = t;
        for (size_t i = depth; i-- > 0; k = m->topics[k].parent) {
            path[i] = tg_topic_str(m, m->topics[k].label);
        }
        uint32_t *at = m->json_at + (size_t)t * TG_TJ_PARTS;
        at[TG_TJ_HEAD] = (uint32_t)(d - m->json);
        d = JW_PUT(d, "{\"id\":");
        d = jw_put_cstring(d, id);
        d = JW_PUT(d, ",\"label\":");
        d = jw_put_cstring(d, label);
        d = JW_PUT(d, ",\"score\":");
        at[TG_TJ_PATH] = (uint32_t)(d - m->json);
        d = JW_PUT(d, ",\"path\":[");
        for (size_t i = 0; i < depth; i++) {
            d = i ? JW_PUT(d, ",") : d;
            d = jw_put_cstring(d, path[i]);
        }
        d = JW_PUT(d, "],\"evidence\":");
        at[TG_TJ_ID] = (uint32_t)(d - m->json);
        d = jw_put_cstring(d, id);
        at[TG_TJ_LABEL] = (uint32_t)(d - m->json);
        d = jw_put_cstring(d, label);
    }
    m->json_at[(size_t)m->n_topics * TG_TJ_PARTS] = (uint32_t)(d - m->json);
    free(path);
    return TAGGER_OK;
}

static void jw_warnings(jw_t *w, const tagger_result_t *r)
{
    if (r->n_invalid == 0) {
        return;
    }
    char msg[160];
    snprintf(msg, sizeof msg,
             "%zu invalid UTF-8 byte%s, the first at byte %zu; read as word separators",
             r->n_invalid, r->n_invalid == 1 ? "" : "s", r->first_invalid);
    JW_LIT(w, ",\"warnings\":[{\"code\":\"invalid_utf8\",\"count\":");
    jw_uint(w, r->n_invalid);
    JW_LIT(w, ",\"first_byte\":");
    jw_uint(w, r->first_invalid);
    JW_LIT(w, ",\"message\":");
    jw_string(w, msg);
    JW_LIT(w, "}]");
}

/* The result written directly: compact output. */
static int direct_json(const tagger_result_t *r, const tagger_json_options_t *opt, char **out)
{
    jw_t w = {NULL, 0, 0, false};
    JW_LIT(&w, "{");
    if (opt->id) {
        char *clean = valid_utf8(opt->id);
        if (!clean) {
            return TAGGER_ERR_NOMEM;
        }
        JW_KEY(&w, "id");
        jw_string(&w, clean);
        JW_LIT(&w, ",");
        free(clean);
    }
    jw_topics(&w, r, opt);
    JW_LIT(&w, ",");
    jw_entities(&w, r, opt);
    JW_LIT(&w, ",");
    JW_KEY(&w, "facets");
    jw_facet_object(&w, r, opt, false);
    JW_LIT(&w, ",");
    JW_KEY(&w, "facet_ids");
    jw_facet_object(&w, r, opt, true);
    jw_warnings(&w, r);
    JW_LIT(&w, "}");
    if (w.failed) {
        free(w.buf);
        return TAGGER_ERR_NOMEM;
    }
    w.buf[w.len] = '\0';
    *out = w.buf;
    return TAGGER_OK;
}

int tagger_result_json(const tagger_result_t *r, const tagger_json_options_t *opt, char **out)
{
    if (!out) {
        return TAGGER_ERR_MISUSE;
    }
    *out = NULL;
    if (!r) {
        return TAGGER_ERR_MISUSE;
    }
    tagger_json_options_t defaults;
    if (!opt) {
        tagger_json_options_init(&defaults);
        opt = &defaults;
    }
    return (opt->flags & TAGGER_JSON_PRETTY) ? tree_json(r, opt, out) : direct_json(r, opt, out);
}
