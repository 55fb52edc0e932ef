/*
 * topic_model.c - parsing the text topic model (format in topic_model.h)
 * into flat arrays.
 *
 * Features are gathered as (key, topic, weight) triples, sorted by key, and
 * grouped: each distinct key becomes one feature with the weights of every
 * topic that uses it, so scoring looks a word up once whatever the number
 * of topics.  A bad line makes the whole model fail, with every bad line
 * reported: a half-loaded model would score silently wrong.  For the same
 * reason a model of version 2 or later must end with its end line, whose
 * counts of topic and feature lines are checked against those read: a file
 * cut at a line end is otherwise a well-formed smaller model.
 */
#define _POSIX_C_SOURCE 200809L /* posix_memalign */

#include "topic_model.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "topic_features.h"

#define MAX_FIELDS 6
#define MAX_KEY_LEN 256

typedef struct {
    uint32_t key;  /* pool offset */
    uint32_t key_len;
    const char *key_str; /* pool + key, set once the pool stops growing */
    uint32_t topic;
    uint32_t line;
    float weight;
} triple_t;

typedef struct {
    const char *path;
    tagger_error_t **err;
    int bad;           /* a line was rejected */
    tg_topics_t *m;
    size_t pool_cap, topics_cap, lines_cap, parents_cap;
    uint32_t *topic_line;   /* line of each topic, for late errors */
    uint32_t *parent_qcode; /* pool offset of each topic's parent qcode, or 0 */
    triple_t *triples;
    size_t n_triples, triples_cap;
    tg_norm_t norm;
    int version;        /* of the first line; 0 before it */
    long end_line;      /* the end line's number (version 2); 0 before it */
    size_t topic_lines; /* topic and feature lines, for the end line's counts */
    size_t feature_lines;
} parser_t;

int tg_topics_is_model(const char *data, size_t len)
{
    return tg_has_magic(data, len, TG_TOPIC_MAGIC);
}

static int pool_add(parser_t *p, const char *s, size_t len, uint32_t *off)
{
    tg_topics_t *m = p->m;
    if (m->pool_len + len + 1 > UINT32_MAX ||
        tg_grow((void **)&m->pool, &p->pool_cap, m->pool_len + len + 1, 1)) {
        return TAGGER_ERR_NOMEM;
    }
    memcpy(m->pool + m->pool_len, s, len);
    m->pool[m->pool_len + len] = '\0';
    *off = (uint32_t)m->pool_len;
    m->pool_len += len + 1;
    return TAGGER_OK;
}

#ifdef __GNUC__
__attribute__((format(printf, 3, 4)))
#endif
static int bad_line(parser_t *p, long line, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    p->bad = 1;
    return tg_error_add(p->err, p->path, line, "%s", msg);
}

static int parse_number(const char *s, size_t len, double *out)
{
    char buf[64];
    if (len == 0 || len >= sizeof buf) {
        return -1;
    }
    memcpy(buf, s, len);
    buf[len] = '\0';
    char *end;
    errno = 0;
    double v = strtod(buf, &end);
    if (*end || errno || !isfinite(v)) {
        return -1;
    }
    *out = v;
    return 0;
}

/* A bias or weight: a number that a float (the model's type) holds as a
 * finite value, so that no sum of them can come out NaN. */
static int parse_weight(const char *s, size_t len, double *out)
{
    return parse_number(s, len, out) || fabs(*out) > FLT_MAX ? -1 : 0;
}

static uint32_t find_topic(const parser_t *p, const char *qcode, size_t len)
{
    const tg_topics_t *m = p->m;
    for (size_t i = 0; i < m->n_topics; i++) {
        const char *q = m->pool + m->topics[i].qcode;
        if (strlen(q) == len && memcmp(q, qcode, len) == 0) {
            return (uint32_t)i;
        }
    }
    return TG_NONE;
}

typedef struct {
    const char *s;
    size_t len;
} field_t;

static int topic_line(parser_t *p, long line, const field_t *f, size_t nf)
{
    tg_topics_t *m = p->m;
    double bias;
    if (nf != 5) {
        return bad_line(p, line, "a topic line has 5 fields (topic, qcode, parent, bias, "
                                 "label)");
    }
    if (f[1].len == 0 || f[4].len == 0) {
        return bad_line(p, line, "field %s is empty", f[1].len ? "5 (label)" : "2 (qcode)");
    }
    if (parse_weight(f[3].s, f[3].len, &bias)) {
        return bad_line(p, line, "field 4 (bias): not a number within a float's range");
    }
    if (find_topic(p, f[1].s, f[1].len) != TG_NONE) {
        return bad_line(p, line, "field 2 (qcode): topic defined twice");
    }
    if (tg_grow((void **)&m->topics, &p->topics_cap, m->n_topics + 1, sizeof *m->topics) ||
        tg_grow((void **)&p->topic_line, &p->lines_cap, m->n_topics + 1, sizeof *p->topic_line) ||
        tg_grow((void **)&p->parent_qcode, &p->parents_cap, m->n_topics + 1,
                sizeof *p->parent_qcode)) {
        return TAGGER_ERR_NOMEM;
    }
    tg_topic_t *t = &m->topics[m->n_topics];
    memset(t, 0, sizeof *t);
    t->bias = (float)bias;
    t->parent = TG_NONE;
    uint32_t parent = 0;
    int rc;
    if ((rc = pool_add(p, f[1].s, f[1].len, &t->qcode)) ||
        (rc = pool_add(p, f[4].s, f[4].len, &t->label)) ||
        (!(f[2].len == 1 && f[2].s[0] == '-') && (rc = pool_add(p, f[2].s, f[2].len, &parent)))) {
        return rc;
    }
    p->topic_line[m->n_topics] = (uint32_t)line;
    p->parent_qcode[m->n_topics] = parent;
    m->n_topics++;
    return TAGGER_OK;
}

/* Normalises a word or word-pair key as the scanner sees text; rejects
 * keys that could never match. */
static int normalise_key(parser_t *p, long line, const field_t *key, const char **out,
                         size_t *out_len)
{
    if (key->len && key->s[0] == '@') {
        *out = key->s;
        *out_len = key->len;
        return TAGGER_OK;
    }
    *out = NULL;
    if (key->len == 0 || key->len > MAX_KEY_LEN) {
        return bad_line(p, line, "field 2 (key): empty or longer than 256 bytes");
    }
    int rc = tg_norm_text(&p->norm, key->s, key->len);
    if (rc) {
        return rc;
    }
    if (!tg_topic_key_ok(&p->norm, 0)) {
        return bad_line(p, line,
                        "field 2 (key): '%s' is not a word or a pair of words of two or more "
                        "letters",
                        p->norm.text);
    }
    if (!tg_topic_key_ok(&p->norm, p->m->cut_plurals)) {
        return bad_line(p, line,
                        "field 2 (key): '%s' has a word ending in a plural 's', which a model "
                        "of version 3 leaves off its keys ('talks' is 'talk')",
                        p->norm.text);
    }
    *out = p->norm.text;
    *out_len = p->norm.len;
    return TAGGER_OK;
}

static int feature_line(parser_t *p, long line, const field_t *f, size_t nf)
{
    tg_topics_t *m = p->m;
    double w;
    if (nf != 3) {
        return bad_line(p, line, "a feature line has 3 fields (feature, key, weight)");
    }
    if (m->n_topics == 0) {
        return bad_line(p, line, "a feature line before the first topic line");
    }
    if (parse_weight(f[2].s, f[2].len, &w)) {
        return bad_line(p, line, "field 3 (weight): not a number within a float's range");
    }
    const char *key;
    size_t key_len;
    int rc = normalise_key(p, line, &f[1], &key, &key_len);
    if (rc || key == NULL) {
        return rc; /* NULL: the line was rejected */
    }
    if (tg_grow((void **)&p->triples, &p->triples_cap, p->n_triples + 1, sizeof *p->triples)) {
        return TAGGER_ERR_NOMEM;
    }
    triple_t *t = &p->triples[p->n_triples];
    if ((rc = pool_add(p, key, key_len, &t->key))) {
        return rc;
    }
    t->key_len = (uint32_t)key_len;
    t->topic = (uint32_t)(m->n_topics - 1);
    t->line = (uint32_t)line;
    t->weight = (float)w;
    p->n_triples++;
    return TAGGER_OK;
}

/* The end line "end<TAB>topics<TAB>features" (version 2): its counts must
 * be those of the topic and feature lines read before it. */
static int end_line(parser_t *p, long line, const field_t *f, size_t nf)
{
    static const char *const field[2] = {"topics", "features"};
    static const char *const kind[2] = {"topic", "feature"};
    size_t have[2] = {p->topic_lines, p->feature_lines};
    p->end_line = line;
    if (nf != 3) {
        return bad_line(p, line, "an end line has 3 fields (end, topics, features)");
    }
    const char *text[2] = {f[1].s, f[2].s};
    size_t len[2] = {f[1].len, f[2].len};
    char msg[256];
    if (!tg_end_line_counts(text, len, 2, have, field, kind, msg, sizeof msg)) {
        return bad_line(p, line, "%s", msg);
    }
    return TAGGER_OK;
}

static int parse_line(parser_t *p, long line, const char *s, size_t len)
{
    field_t f[MAX_FIELDS];
    size_t nf = 0;
    /* Labels and qcodes go to the JSON output as they are: invalid UTF-8
     * there would make it invalid JSON, so such a line is refused. */
    for (size_t i = 0, k; i < len; i += k) {
        int32_t cp;
        k = tg_utf8_decode((const unsigned char *)s + i, len - i, &cp);
        if (cp < 0) {
            return bad_line(p, line, "invalid UTF-8 at byte %zu of the line", i + 1);
        }
    }
    for (size_t i = 0;; nf++) {
        size_t j = i;
        while (j < len && s[j] != '\t') {
            j++;
        }
        if (nf == MAX_FIELDS) {
            return bad_line(p, line, "too many fields");
        }
        f[nf].s = s + i;
        f[nf].len = j - i;
        if (j == len) {
            nf++;
            break;
        }
        i = j + 1;
    }
#define IS(k, word) (f[k].len == strlen(word) && memcmp(f[k].s, word, f[k].len) == 0)
    if (!p->version) {
        double v;
        if (!IS(0, TG_TOPIC_MAGIC) || nf != 2 || parse_number(f[1].s, f[1].len, &v)) {
            p->bad = 1;
            return tg_error_add(p->err, p->path, line,
                                "not a topic model: the first line must be '%s<TAB>%d'",
                                TG_TOPIC_MAGIC, TG_TOPIC_VERSION);
        }
        if (v < TG_TOPIC_VERSION_MIN || v > TG_TOPIC_VERSION || v != (int)v) {
            p->bad = 1;
            return tg_error_add(p->err, p->path, line,
                                "topic model format version %g; this tagger reads versions "
                                "%d to %d",
                                v, TG_TOPIC_VERSION_MIN, TG_TOPIC_VERSION);
        }
        p->version = (int)v;
        p->m->cut_plurals = p->version >= 3;
        return TAGGER_OK;
    }
    if (IS(0, "feature")) {
        p->feature_lines++;
        return feature_line(p, line, f, nf);
    }
    if (IS(0, "topic")) {
        p->topic_lines++;
        return topic_line(p, line, f, nf);
    }
    if (IS(0, "end")) {
        return p->version >= 2 ? end_line(p, line, f, nf)
                               : bad_line(p, line,
                                          "field 1 (record): 'end' is a record of version 2; "
                                          "the first line says version 1");
    }
    if (IS(0, "threshold")) {
        double v;
        if (nf != 2 || parse_number(f[1].s, f[1].len, &v) || v < 0 || v > 1) {
            return bad_line(p, line, "field 2 (threshold): not a number in [0, 1]");
        }
        p->m->threshold = v;
        return TAGGER_OK;
    }
#undef IS
    return bad_line(p, line, "field 1 (record): expected 'topic', 'feature'%s",
                    p->version >= 2 ? ", 'threshold' or 'end'" : " or 'threshold'");
}

static int cmp_triple(const void *a, const void *b)
{
    const triple_t *x = a, *y = b;
    int c = strcmp(x->key_str, y->key_str);
    if (c) {
        return c;
    }
    if (x->topic != y->topic) {
        return x->topic < y->topic ? -1 : 1;
    }
    return x->line < y->line ? -1 : 1;
}

/* Parents by qcode, depths, and no cycles. */
static int link_parents(parser_t *p)
{
    tg_topics_t *m = p->m;
    for (size_t i = 0; i < m->n_topics; i++) {
        if (p->parent_qcode[i]) {
            const char *q = m->pool + p->parent_qcode[i];
            m->topics[i].parent = find_topic(p, q, strlen(q));
            if (m->topics[i].parent == TG_NONE) {
                bad_line(p, p->topic_line[i], "field 3 (parent): no topic '%s' in the model", q);
            }
        }
    }
    for (size_t i = 0; i < m->n_topics && !p->bad; i++) {
        uint32_t depth = 0;
        for (uint32_t t = m->topics[i].parent; t != TG_NONE; t = m->topics[t].parent) {
            if (++depth > m->n_topics) {
                return bad_line(p, p->topic_line[i], "field 3 (parent): topics form a cycle");
            }
        }
        m->topics[i].depth = depth;
    }
    return TAGGER_OK;
}

/* Adds @p f to the hash table, which has room for it. */
static void slot_add(tg_topics_t *m, uint32_t f)
{
    const tg_tfeature_t *ft = &m->features[f];
    uint32_t h = tg_topic_hash(TG_HASH_INIT, m->pool + ft->key, ft->key_len);
    size_t k = h & (m->n_slots - 1);
    while (m->slots[k].feature != TG_NONE) {
        k = (k + 1) & (m->n_slots - 1);
    }
    m->slots[k].hash = h;
    m->slots[k].feature = f;
}

/* Marks the first word of every pair key, adding it as a feature without
 * weights when it is not one: the scorer looks a pair up only after a word
 * that starts one, which saves most of the pair lookups. */
static int mark_pair_starts(tg_topics_t *m)
{
    size_t n = m->n_features;
    for (size_t i = 0; i < n; i++) {
        const char *key = m->pool + m->features[i].key;
        const char *space = key[0] == '@' ? NULL : memchr(key, ' ', m->features[i].key_len);
        if (!space) {
            continue;
        }
        size_t len = (size_t)(space - key);
        uint32_t f = tg_topics_find(m, key, len, tg_topic_hash(TG_HASH_INIT, key, len));
        if (f == TG_NONE) {
            f = (uint32_t)m->n_features++;
            m->features[f] = (tg_tfeature_t){m->features[i].key, (uint32_t)len, 0, 0, 0};
            slot_add(m, f);
        }
        m->features[f].starts_pair = 1;
    }
    return TAGGER_OK;
}

/* Groups the sorted triples into features and postings, and hashes them. */
static int build_features(parser_t *p)
{
    tg_topics_t *m = p->m;
    for (size_t i = 0; i < p->n_triples; i++) {
        p->triples[i].key_str = m->pool + p->triples[i].key;
    }
    if (p->n_triples > 1) { /* triples is NULL without features: qsort(NULL) is UB */
        qsort(p->triples, p->n_triples, sizeof *p->triples, cmp_triple);
    }
    /* Room for each key, and for the first word of each pair key. */
    m->postings = malloc((p->n_triples ? p->n_triples : 1) * sizeof *m->postings);
    m->features = malloc((2 * p->n_triples + 1) * sizeof *m->features);
    if (!m->postings || !m->features) {
        return TAGGER_ERR_NOMEM;
    }
    for (size_t i = 0; i < p->n_triples; i++) {
        const triple_t *t = &p->triples[i];
        int same_key = i > 0 && strcmp(t->key_str, p->triples[i - 1].key_str) == 0;
        if (same_key && t->topic == p->triples[i - 1].topic) {
            bad_line(p, t->line, "field 2 (key): '%s' given twice for the same topic",
                     m->pool + t->key);
            continue;
        }
        if (!same_key) {
            tg_tfeature_t *f = &m->features[m->n_features++];
            f->key = t->key;
            f->key_len = t->key_len;
            f->first = (uint32_t)m->n_postings;
            f->n = 0;
            f->starts_pair = 0;
        }
        m->features[m->n_features - 1].n++;
        m->postings[m->n_postings].topic = t->topic;
        m->postings[m->n_postings].weight = t->weight;
        m->n_postings++;
    }
    m->n_slots = 16;
    while (m->n_slots < 4 * m->n_features) {
        m->n_slots *= 2;
    }
    m->slots = malloc(m->n_slots * sizeof *m->slots);
    if (!m->slots) {
        return TAGGER_ERR_NOMEM;
    }
    for (size_t k = 0; k < m->n_slots; k++) {
        m->slots[k].hash = 0; /* saved in the compiled file: no stray bytes */
        m->slots[k].feature = TG_NONE;
    }
    for (size_t i = 0; i < m->n_features; i++) {
        slot_add(m, (uint32_t)i);
    }
    return mark_pair_starts(m);
}

int tg_topics_parse(const char *path, const char *data, size_t len, tg_topics_t **out,
                    tagger_error_t **err)
{
    parser_t p = {0};
    p.path = path;
    p.err = err;
    p.m = calloc(1, sizeof *p.m);
    *out = NULL;
    if (!p.m) {
        return TAGGER_ERR_NOMEM;
    }
    p.m->threshold = TG_TOPIC_THRESHOLD;
    p.m->owned = 1;
    int rc = pool_add(&p, "", 0, &(uint32_t){0});
    tg_skip_bom(&data, &len);
    long line = 0;
    /* A bad first line (not a model, or another format version) ends the
     * parse: every later line would be reported as a bad first line too.
     * So does the first line after the end line that is not blank (a
     * comment included): a second model appended would be all errors. */
    for (size_t pos = 0; pos < len && rc == TAGGER_OK && (p.version || !p.bad);) {
        const char *s;
        size_t n = tg_next_line(data, len, &pos, &s);
        line++;
        if (n && p.end_line) {
            rc = bad_line(&p, line, "text after the end line (line %ld)", p.end_line);
            break;
        }
        if (n && s[0] != '#') {
            rc = parse_line(&p, line, s, n);
        }
    }
    if (rc == TAGGER_OK && !p.version && !p.bad) {
        p.bad = 1;
        rc = tg_error_add(err, path, 0, "empty topic model");
    }
    if (rc == TAGGER_OK && p.version >= 2 && !p.end_line) {
        rc = bad_line(&p, line, "the model ends without its 'end' line (cut off?)");
    }
    if (rc == TAGGER_OK && !p.bad) {
        rc = link_parents(&p);
    }
    if (rc == TAGGER_OK && !p.bad) {
        rc = build_features(&p);
    }
    if (rc == TAGGER_OK && !p.bad && (rc = tg_topics_index(p.m)) == TAGGER_OK) {
        rc = tg_topics_json_init(p.m);
    }
    free(p.topic_line);
    free(p.parent_qcode);
    free(p.triples);
    tg_norm_free(&p.norm);
    if (rc == TAGGER_OK && p.bad) {
        rc = TAGGER_ERR_SYNTAX;
    }
    if (rc) {
        tg_topics_free(p.m);
        return rc;
    }
    *out = p.m;
    return TAGGER_OK;
}

/* Where the run of a feature with @p n postings goes, the runs before it
 * ending at element @p at: there, or at the next cache line (8 elements)
 * when it would straddle two and fits in one: a touched feature then
 * costs one line in most texts (~12k fewer misses of the simulated 512 KiB
 * cache on 2000 Reuters records, for ~20% more bytes). */
static size_t run_start(size_t at, size_t n)
{
    return 2 + n <= 8 && at % 8 + 2 + n > 8 ? at + 8 - at % 8 : at;
}

int tg_topics_index(tg_topics_t *m)
{
    /* 1.5 to 3 slots a feature: the default model's table is 128 KiB, and
     * the filter turns most probes for unknown keys away before it. */
    unsigned bits = 4;
    while (bits < 31 && ((size_t)1 << bits) < m->n_features + m->n_features / 2) {
        bits++;
    }
    size_t n_slots = (size_t)1 << bits;
    if (m->n_features >= n_slots || m->n_features > TG_PROBE_FEATURE) {
        return TAGGER_ERR_NOMEM;
    }
    size_t n_weights = 0;
    for (uint32_t i = 0; i < m->n_features; i++) {
        /* Features sharing postings, in a file made to harm, could add up
         * past what a run's 32-bit place or a 32-bit size_t can hold. */
        if (n_weights > TG_NONE - 32 || m->features[i].n > TG_NONE - 32 - n_weights) {
            return TAGGER_ERR_NOMEM;
        }
        n_weights = run_start(n_weights, m->features[i].n) + 2 + m->features[i].n;
    }
    if (n_weights + 1 > SIZE_MAX / sizeof *m->weights) {
        return TAGGER_ERR_NOMEM;
    }
    if (m->index_owned) {
        free(m->probe);
        free(m->filter);
        free(m->weights);
    }
    m->index_owned = 1;
    m->probe = malloc(n_slots * sizeof *m->probe);
    m->filter = calloc((size_t)1 << (TG_PROBE_FILTER_BITS - 6), sizeof *m->filter);
    /* 64-byte aligned, so that a run's place says which cache lines it is in */
    void *weights = NULL;
    m->weights = posix_memalign(&weights, 64, (n_weights + 1) * sizeof *m->weights) == 0
                     ? weights
                     : NULL;
    if (!m->probe || !m->filter || !m->weights) {
        return TAGGER_ERR_NOMEM;
    }
    /* The gaps run_start() leaves are written to compiled models: zero, so
     * that the same model always gives the same bytes. */
    memset(m->weights, 0, (n_weights + 1) * sizeof *m->weights);
    m->probe_shift = 64 - bits;
    m->n_probe = n_slots;
    m->n_weights = n_weights;
    for (size_t k = 0; k < n_slots; k++) {
        m->probe[k] = (tg_tprobe_t){0, 0, TG_NONE};
    }
    /* A feature's run after that of the feature before it; the slot says
     * where it starts, so that the scorer reads neither the feature's
     * 20-byte record nor the postings of the model file. */
    uint32_t *run = malloc((m->n_features ? m->n_features : 1) * sizeof *run);
    uint32_t *order = malloc((m->n_features ? m->n_features : 1) * sizeof *order);
    if (!run || !order) {
        free(run);
        free(order);
        return TAGGER_ERR_NOMEM;
    }
    enum { LONG = 64 }; /* keys this long or longer are inserted last, together */
    size_t by_len[LONG + 1] = {0};
    size_t at = 0;
    for (uint32_t i = 0; i < m->n_features; i++) {
        const tg_tfeature_t *f = &m->features[i];
        at = run_start(at, f->n);
        uint64_t topics = 0;
        for (uint32_t j = 0; j < f->n; j++) {
            tg_posting_t p = m->postings[f->first + j];
            topics |= p.topic < 64 ? (uint64_t)1 << p.topic : ~(uint64_t)0;
            m->weights[at + 2 + j].posting = p;
        }
        m->weights[at].topics = topics;
        m->weights[at + 1].n = f->n;
        run[i] = (uint32_t)at;
        at += 2 + f->n;
        by_len[f->key_len < LONG ? f->key_len : LONG]++;
    }
    /* Shorter keys first (a counting sort): the words a text repeats most
     * are short, and a key inserted early sits in its home slot, so most
     * probes settle in the first slot they read, without a branch
     * mispredicted on a collision. */
    for (size_t l = 0, sum = 0; l <= LONG; l++) {
        size_t c = by_len[l];
        by_len[l] = sum;
        sum += c;
    }
    for (uint32_t i = 0; i < m->n_features; i++) {
        uint32_t len = m->features[i].key_len;
        order[by_len[len < LONG ? len : LONG]++] = i;
    }
    for (uint32_t o = 0; o < m->n_features; o++) {
        uint32_t i = order[o];
        const tg_tfeature_t *f = &m->features[i];
        uint64_t h = tg_topic_key_hash64(m->pool + f->key, f->key_len);
        uint32_t bit = (uint32_t)h & ((1u << TG_PROBE_FILTER_BITS) - 1);
        m->filter[bit >> 6] |= (uint64_t)1 << (bit & 63);
        size_t k = (size_t)(h >> m->probe_shift);
        while (m->probe[k].run != TG_NONE) {
            k = (k + 1) & (n_slots - 1);
        }
        m->probe[k] = (tg_tprobe_t){tg_topic_probe_key(h, f->key_len),
                                    i | (f->n ? TG_PROBE_WEIGHTS : 0) |
                                        (f->starts_pair ? TG_PROBE_PAIRS : 0),
                                    run[i]};
    }
    free(run);
    free(order);
    return TAGGER_OK;
}

void tg_topics_free(tg_topics_t *m)
{
    if (!m) {
        return;
    }
    if (m->index_owned) {
        free(m->probe);
        free(m->filter);
        free(m->weights); /* posix_memalign */
    }
    free(m->json);
    free(m->json_at);
    if (!m->owned) {
        free(m);
        return;
    }
    free(m->pool);
    free(m->topics);
    free(m->features);
    free(m->postings);
    free(m->slots);
    free(m);
}
