/*
 * name_model.c - reading models/names.model (format in name_model.h) into
 * hash tables: feature hash -> row of TG_NAMES_N_LABELS weights, and the
 * sets of first-name and common-word hashes.
 *
 * Tables are open addressing with linear probing, sized to a power of two
 * at least twice the number of entries, so a lookup of an unknown feature
 * (most of them) ends after a probe or two.  Hash 0 marks an empty slot; a
 * key that hashes to 0 is stored as 1.  Entries are collected in growable
 * arrays while reading and hashed once at the end.
 *
 * Lookups are the recognizer's memory cost: most features of a candidate
 * are in the model, each in a slot of its own among some 4 MB, and the
 * mark bytes (128 KB) are out of the cache again after a text's other
 * passes.  tg_names_prefetch() asks for a batch of slots and marks at once
 * so that the misses overlap; tg_names_add_all() then adds the weights,
 * nine at a time.  The first-name table (256 KB) misses the cache the same
 * way: tg_names_prefetch_first() fetches a slot ahead of
 * tg_names_first().
 *
 * Weights are int16 thousandths (exact, name_model.h), so a slot
 * is 32 bytes (a key and nine weights, padded), 64-byte aligned (here by
 * posix_memalign, in a model file by its section alignment): two slots to
 * a line, a lookup that finds its feature touches a mark byte and exactly
 * one line, where a 48-byte float slot crossed two half the time, and the
 * table is 4 MB instead of 6.  On the 2356-article sample (cachegrind, LL
 * of 512 KB) tg_names_add_all() misses LL 315K times against 395K with
 * float slots, and the full Reuters run takes ~8% less CPU.  Integer sums
 * also make a candidate's scores independent of the order of its
 * features; the label of an exact tie is always the first in label order,
 * where float rounding picked either (6 of 21578 Reuters articles changed
 * when the sums became integers).
 *
 * A version 2 model must end with its end line, and the counts there must
 * be those of the f, first and common lines read: a file cut at a line end
 * (a partial download, a full disk) would otherwise load as a smaller
 * model.  Version 1 files have no end line and are read as before.
 */
#define _POSIX_C_SOURCE 200809L /* posix_memalign */

#include "name_model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

const char *const tg_names_labels[TG_NAMES_N_LABELS] = {
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"};

typedef struct {
    uint64_t *keys; /* 0 = empty */
    uint32_t *rows; /* row of weights per slot (feature table only) */
    size_t mask;
    size_t n;
} table_t;

/* A feature's slot: its key and weights (thousandths, name_model.h) side
 * by side in 32 bytes, two to a 64-byte cache line and never across two, so
 * a lookup touches one line, not a key array, a row array and a weight
 * array (the model is megabytes; lookups are the recognizer's main memory
 * cost).  A byte per slot (marks) is probed first: most features of a word
 * are not in the model, so most lookups end there without touching a
 * slot. */
typedef struct {
    uint64_t key; /* 0 = empty */
    int16_t w[TG_NAMES_N_LABELS];
    int16_t unused[3]; /* zero: 32 bytes */
} slot_t;

struct tg_names {
    table_t features; /* keys and rows while reading; n counts the features */
    int16_t *weights; /* n features x TG_NAMES_N_LABELS, while reading */
    slot_t *slots;    /* features.mask + 1 slots, probed like the tables;
                         64-byte aligned unless the caller's model is not */
    uint8_t *marks;   /* per slot: 0 empty, else the key's top bits | 1 */
    table_t first;
    table_t common;
    bool mapped; /* slots, marks and the two key tables point into a model file */
};

static uint64_t nonzero(uint64_t h)
{
    return h ? h : 1;
}

bool tg_names_is_model(const char *data, size_t len)
{
    return tg_has_magic(data, len, TG_NAMES_MAGIC);
}

/* Slot of @p key in @p t: where it is, or the empty slot where it would go. */
static size_t probe(const table_t *t, uint64_t key)
{
    size_t i = (size_t)(key ^ (key >> 29)) & t->mask;
    while (t->keys[i] && t->keys[i] != key) {
        i = (i + 1) & t->mask;
    }
    return i;
}

/* Builds @p t from @p n keys; row i for key i.  A repeated key keeps its
 * first row. */
static int table_build(table_t *t, const uint64_t *keys, size_t n, bool rows)
{
    size_t cap = 16;
    while (cap < 2 * n) {
        cap *= 2;
    }
    t->keys = calloc(cap, sizeof *t->keys);
    t->rows = rows ? malloc(cap * sizeof *t->rows) : NULL;
    if (!t->keys || (rows && !t->rows)) {
        return TAGGER_ERR_NOMEM;
    }
    t->mask = cap - 1;
    for (size_t i = 0; i < n; i++) {
        size_t at = probe(t, keys[i]);
        if (!t->keys[at]) {
            t->keys[at] = keys[i];
            if (rows) {
                t->rows[at] = (uint32_t)i;
            }
            t->n++;
        }
    }
    return TAGGER_OK;
}

/* The slot where the probe for @p key (nonzero) starts. */
static size_t home_slot(const tg_names_t *m, uint64_t key)
{
    return (size_t)(key ^ (key >> 29)) & m->features.mask;
}

/* The weights of the feature with hash @p h, or NULL. */
static inline const int16_t *find_weights(const tg_names_t *m, uint64_t h)
{
    uint64_t key = nonzero(h);
    uint8_t mark = (uint8_t)(key >> 56) | 1;
    size_t mask = m->features.mask;
    for (size_t i = home_slot(m, key); m->marks[i]; i = (i + 1) & mask) {
        if (m->marks[i] == mark && m->slots[i].key == key) {
            return m->slots[i].w;
        }
    }
    return NULL;
}

/* Written out, and restrict: the compiler keeps a loop of 9 as a loop, and
 * reloads every score after each store for fear that it is a weight. */
static inline void add_weights(const int16_t *restrict w, int32_t *restrict scores)
{
    scores[0] += w[0];
    scores[1] += w[1];
    scores[2] += w[2];
    scores[3] += w[3];
    scores[4] += w[4];
    scores[5] += w[5];
    scores[6] += w[6];
    scores[7] += w[7];
    scores[8] += w[8];
}

void tg_names_add(const tg_names_t *m, uint64_t h, int32_t *scores)
{
    const int16_t *w = find_weights(m, h);
    if (w) {
        add_weights(w, scores);
    }
}

void tg_names_prefetch(const tg_names_t *m, const uint64_t *h, size_t n)
{
#ifdef __GNUC__
    for (size_t k = 0; k < n; k++) {
        const slot_t *slot = &m->slots[home_slot(m, nonzero(h[k]))];
        __builtin_prefetch(&m->marks[slot - m->slots]); /* not in cache after a text */
        __builtin_prefetch(slot); /* one line */
    }
#else
    (void)m, (void)h, (void)n;
#endif
}

#ifdef __SSE2__
/* Labels 0-7 are summed in two vectors of four int32 (lo, hi), label 8
 * alone: a slot's first eight weights are loaded at once and widened to
 * int32 by unpacking each int16 beside itself and shifting it back down
 * with its sign, three instructions a half where the scalar adds take
 * two per label.  The sums are the same integers. */
void tg_names_add_all(const tg_names_t *m, const uint64_t *h, size_t n, int32_t *scores)
{
    __m128i lo = _mm_loadu_si128((const __m128i *)scores);
    __m128i hi = _mm_loadu_si128((const __m128i *)(scores + 4));
    int32_t last = scores[8];
    for (size_t k = 0; k < n; k++) {
        const int16_t *w = find_weights(m, h[k]);
        if (w) {
            __m128i v = _mm_loadu_si128((const __m128i *)w);
            lo = _mm_add_epi32(lo, _mm_srai_epi32(_mm_unpacklo_epi16(v, v), 16));
            hi = _mm_add_epi32(hi, _mm_srai_epi32(_mm_unpackhi_epi16(v, v), 16));
            last += w[8];
        }
    }
    _mm_storeu_si128((__m128i *)scores, lo);
    _mm_storeu_si128((__m128i *)(scores + 4), hi);
    scores[8] = last;
}
#else
void tg_names_add_all(const tg_names_t *m, const uint64_t *h, size_t n, int32_t *scores)
{
    for (size_t k = 0; k < n; k++) {
        const int16_t *w = find_weights(m, h[k]);
        if (w) {
            add_weights(w, scores);
        }
    }
}
#endif

/* Moves the features' keys and weights into slots; returns 0 or
 * TAGGER_ERR_NOMEM. */
static int make_slots(tg_names_t *m)
{
    size_t cap = m->features.mask + 1;
    void *slots = NULL;
    if (posix_memalign(&slots, 64, cap * sizeof *m->slots) != 0) {
        return TAGGER_ERR_NOMEM;
    }
    m->slots = memset(slots, 0, cap * sizeof *m->slots);
    m->marks = calloc(cap, 1);
    if (!m->marks) {
        return TAGGER_ERR_NOMEM;
    }
    for (size_t i = 0; i < cap; i++) {
        if (m->features.keys[i]) {
            m->marks[i] = (uint8_t)(m->features.keys[i] >> 56) | 1;
            m->slots[i].key = m->features.keys[i];
            memcpy(m->slots[i].w, m->weights + (size_t)m->features.rows[i] * TG_NAMES_N_LABELS,
                   sizeof m->slots[i].w);
        }
    }
    free(m->features.keys);
    free(m->features.rows);
    free(m->weights);
    m->features.keys = NULL;
    m->features.rows = NULL;
    m->weights = NULL;
    return TAGGER_OK;
}

void tg_names_prefetch_first(const tg_names_t *m, uint64_t h)
{
#ifdef __GNUC__
    uint64_t key = nonzero(h);
    __builtin_prefetch(&m->first.keys[(size_t)(key ^ (key >> 29)) & m->first.mask]);
#else
    (void)m, (void)h;
#endif
}

bool tg_names_first(const tg_names_t *m, uint64_t h)
{
    return m->first.keys[probe(&m->first, nonzero(h))] != 0;
}

bool tg_names_common(const tg_names_t *m, uint64_t h)
{
    return m->common.keys[probe(&m->common, nonzero(h))] != 0;
}

size_t tg_names_n_features(const tg_names_t *m)
{
    return m ? m->features.n : 0;
}

size_t tg_names_n_first(const tg_names_t *m)
{
    return m ? m->first.n : 0;
}

void tg_names_free(tg_names_t *m)
{
    if (!m) {
        return;
    }
    if (m->mapped) {
        free(m);
        return;
    }
    free(m->features.keys);
    free(m->features.rows);
    free(m->slots); /* posix_memalign */
    free(m->marks);
    free(m->first.keys);
    free(m->common.keys);
    free(m->weights);
    free(m);
}

/* ------------------------------------------------------------------------ */
/* Parsing                                                                   */

typedef struct {
    const char *path;
    tagger_error_t **err;
    long line;
    int bad; /* bad lines seen */
    uint64_t *fkeys, *nkeys, *ckeys;
    size_t n_f, cap_f, n_n, cap_n, n_c, cap_c;
    int16_t *weights;
    size_t cap_w;
    bool seen_magic, seen_labels;
    int version;   /* of the first line, once read */
    long end_line; /* the end line's number (version 2); 0 before it */
} parser_t;

static int bad_line(parser_t *p, const char *what, int len, const char *s)
{
    p->bad++;
    return tg_error_add(p->err, p->path, p->line, "%s '%.*s'", what, len, s) ? TAGGER_ERR_NOMEM
                                                                             : TAGGER_OK;
}

/* Splits @p s at TABs into at most @p max fields; returns their number. */
static size_t split_tabs(const char *s, size_t len, const char **f, size_t *flen, size_t max)
{
    size_t n = 0, a = 0;
    for (size_t i = 0; i <= len && n < max; i++) {
        if (i == len || s[i] == '\t') {
            f[n] = s + a;
            flen[n++] = i - a;
            a = i + 1;
        }
    }
    return n;
}

/* Parses a plain decimal of at most three decimals ("-1.25", "3"), the
 * form scripts/train-names writes, into thousandths (-1250, 3000) without
 * strtod's cost (a model has half a million of them).  Returns false for
 * anything else, a fourth decimal or a value beyond TG_NAMES_WEIGHT_MAX
 * included. */
static bool plain_thousandths(const char *s, size_t len, int16_t *out)
{
    size_t i = 0;
    bool neg = len > 0 && s[0] == '-';
    i += neg;
    long v = 0;
    int decimals = -1; /* -1 before the point */
    bool digits = false;
    for (; i < len; i++) {
        if (s[i] >= '0' && s[i] <= '9') {
            if (decimals == 3 || v > TG_NAMES_WEIGHT_MAX) {
                return false;
            }
            v = v * 10 + (s[i] - '0');
            decimals += decimals >= 0;
            digits = true;
        } else if (s[i] == '.' && decimals < 0) {
            decimals = 0;
        } else {
            return false;
        }
    }
    for (decimals = decimals < 0 ? 0 : decimals; decimals < 3; decimals++) {
        v *= 10;
    }
    if (!digits || v > TG_NAMES_WEIGHT_MAX) {
        return false;
    }
    *out = (int16_t)(neg ? -v : v);
    return true;
}

static int parse_weights(parser_t *p, const char *s, size_t len)
{
    if (tg_grow((void **)&p->weights, &p->cap_w, (p->n_f + 1) * TG_NAMES_N_LABELS,
                sizeof *p->weights)) {
        return TAGGER_ERR_NOMEM;
    }
    int16_t *row = p->weights + p->n_f * TG_NAMES_N_LABELS;
    char buf[64];
    size_t i = 0;
    for (int k = 0; k < TG_NAMES_N_LABELS; k++) {
        while (i < len && s[i] == ' ') {
            i++;
        }
        size_t a = i;
        while (i < len && s[i] != ' ') {
            i++;
        }
        char *end;
        if (i == a || i - a >= sizeof buf) {
            return bad_line(p, "field 3 (weights): expected 9 numbers, got", (int)len, s);
        }
        if (plain_thousandths(s + a, i - a, &row[k])) {
            continue;
        }
        memcpy(buf, s + a, i - a); /* another form: 1e-05, 0.0004 */
        buf[i - a] = '\0';
        double v = strtod(buf, &end);
        if (*end) {
            return bad_line(p, "field 3 (weights): not a number:", (int)(i - a), s + a);
        }
        v = v * 1000 + (v < 0 ? -0.5 : 0.5); /* to the nearest thousandth */
        if (!(v > -TG_NAMES_WEIGHT_MAX - 1 && v < TG_NAMES_WEIGHT_MAX + 1)) {
            return bad_line(p, "field 3 (weights): beyond -32.767 .. 32.767:", (int)(i - a),
                            s + a);
        }
        row[k] = (int16_t)v;
    }
    while (i < len && s[i] == ' ') {
        i++;
    }
    if (i != len) {
        return bad_line(p, "field 3 (weights): more than 9 numbers in", (int)len, s);
    }
    return TAGGER_OK;
}

/* Key of a feature written as parts separated by spaces (name_model.h). */
static uint64_t feature_key(const char *s, size_t len)
{
    uint64_t h = 0;
    for (size_t i = 0, a = 0; i <= len; i++) {
        if (i == len || s[i] == ' ') {
            uint64_t part = tg_names_hash(TG_NAMES_HASH_INIT, s + a, i - a);
            h = a == 0 ? part : tg_names_mix(h, part);
            a = i + 1;
        }
    }
    return h;
}

/* The end line "end<TAB>f lines<TAB>first lines<TAB>common lines" (version
 * 2): each count must be that of the lines read before it. */
static int end_line(parser_t *p, const char *s, size_t len, const char *const *f,
                    const size_t *fl, size_t n)
{
    static const char *const field[3] = {"f lines", "first lines", "common lines"};
    static const char *const kind[3] = {"'f'", "'first'", "'common'"};
    size_t have[3] = {p->n_f, p->n_n, p->n_c};
    p->end_line = p->line;
    if (n != 4) {
        return bad_line(p, "expected 4 fields (end, f lines, first lines, common lines), got",
                        (int)len, s);
    }
    char msg[256];
    if (!tg_end_line_counts(f + 1, fl + 1, 3, have, field, kind, msg, sizeof msg)) {
        p->bad++;
        return tg_error_add(p->err, p->path, p->line, "%s", msg);
    }
    return TAGGER_OK;
}

static int parse_line(parser_t *p, const char *s, size_t len)
{
    const char *f[TG_NAMES_N_LABELS + 2];
    size_t fl[TG_NAMES_N_LABELS + 2];
    size_t n = split_tabs(s, len, f, fl, TG_NAMES_N_LABELS + 2);
    if (!p->seen_magic) {
        p->seen_magic = true;
        if (n != 2 || fl[0] != strlen(TG_NAMES_MAGIC) ||
            memcmp(f[0], TG_NAMES_MAGIC, fl[0]) != 0 || fl[1] != 1 || f[1][0] < '1' ||
            f[1][0] > '0' + TG_NAMES_VERSION) {
            return bad_line(p, "field 1: expected 'tagger-name-model<TAB>2' (or 1), got",
                            (int)len, s);
        }
        p->version = f[1][0] - '0';
        return TAGGER_OK;
    }
    if (fl[0] == 3 && memcmp(f[0], "end", 3) == 0) {
        return p->version >= 2
                   ? end_line(p, s, len, f, fl, n)
                   : bad_line(p, "field 1: 'end' is a record of version 2; the first line says "
                                 "version 1, got",
                              (int)len, s);
    }
    if (fl[0] == 6 && memcmp(f[0], "labels", 6) == 0) {
        bool ok = n == TG_NAMES_N_LABELS + 1;
        for (size_t k = 0; ok && k < TG_NAMES_N_LABELS; k++) {
            ok = fl[k + 1] == strlen(tg_names_labels[k]) &&
                 memcmp(f[k + 1], tg_names_labels[k], fl[k + 1]) == 0;
        }
        p->seen_labels = ok;
        return ok ? TAGGER_OK
                  : bad_line(p, "field 2 (labels): expected O B-PER I-PER B-ORG I-ORG B-LOC "
                                "I-LOC B-MISC I-MISC, got",
                             (int)len, s);
    }
    bool first = fl[0] == 5 && memcmp(f[0], "first", 5) == 0;
    if (first || (fl[0] == 6 && memcmp(f[0], "common", 6) == 0)) {
        if (n != 2 || fl[1] == 0) {
            return bad_line(p, "field 2 (word): expected one word, got", (int)len, s);
        }
        uint64_t **keys = first ? &p->nkeys : &p->ckeys;
        size_t *n_keys = first ? &p->n_n : &p->n_c, *cap = first ? &p->cap_n : &p->cap_c;
        if (tg_grow((void **)keys, cap, *n_keys + 1, sizeof **keys)) {
            return TAGGER_ERR_NOMEM;
        }
        (*keys)[(*n_keys)++] = nonzero(tg_names_hash(TG_NAMES_HASH_INIT, f[1], fl[1]));
        return TAGGER_OK;
    }
    if (fl[0] == 1 && f[0][0] == 'f') {
        if (!p->seen_labels) {
            return bad_line(p, "field 1: a feature before the 'labels' line:", (int)len, s);
        }
        if (n != 3 || fl[1] == 0) {
            return bad_line(p, "expected 3 fields (f, feature, weights), got", (int)len, s);
        }
        int rc = parse_weights(p, f[2], fl[2]);
        if (rc || p->bad) {
            return rc;
        }
        if (tg_grow((void **)&p->fkeys, &p->cap_f, p->n_f + 1, sizeof *p->fkeys)) {
            return TAGGER_ERR_NOMEM;
        }
        p->fkeys[p->n_f++] = nonzero(feature_key(f[1], fl[1]));
        return TAGGER_OK;
    }
    return bad_line(p,
                    p->version >= 2
                        ? "field 1: expected 'labels', 'first', 'common', 'f' or 'end', got"
                        : "field 1: expected 'labels', 'first', 'common' or 'f', got",
                    (int)fl[0], f[0]);
}

int tg_names_parse(const char *path, const char *data, size_t len, tg_names_t **out,
                   tagger_error_t **err)
{
    parser_t p = {0};
    p.path = path;
    p.err = err;
    *out = NULL;
    tg_skip_bom(&data, &len);
    int rc = TAGGER_OK;
    /* The first line after the end line that is not blank (a comment
     * included) is an error and ends the parse. */
    for (size_t pos = 0; pos < len && rc == TAGGER_OK;) {
        const char *s;
        size_t n = tg_next_line(data, len, &pos, &s);
        p.line++;
        if (n && p.end_line) {
            p.bad++;
            rc = tg_error_add(p.err, p.path, p.line, "text after the end line (line %ld)",
                              p.end_line);
            break;
        }
        if (n && s[0] != '#') {
            rc = parse_line(&p, s, n);
        }
    }
    if (rc == TAGGER_OK && p.version >= 2 && !p.end_line) {
        p.bad++;
        rc = tg_error_add(p.err, p.path, p.line,
                          "the model ends without its 'end' line (cut off?)");
    }
    if (rc == TAGGER_OK && !p.bad && !p.seen_labels) {
        p.line = 0;
        rc = bad_line(&p, "no 'labels' line in", 5, "model");
    }
    tg_names_t *m = NULL;
    if (rc == TAGGER_OK && p.bad) {
        rc = TAGGER_ERR_SYNTAX;
    }
    if (rc == TAGGER_OK) {
        m = calloc(1, sizeof *m);
        rc = !m ? TAGGER_ERR_NOMEM
                : table_build(&m->features, p.fkeys, p.n_f, true)
                    ? TAGGER_ERR_NOMEM
                    : table_build(&m->first, p.nkeys, p.n_n, false)
                    ? TAGGER_ERR_NOMEM
                    : table_build(&m->common, p.ckeys, p.n_c, false);
    }
    free(p.fkeys);
    free(p.nkeys);
    free(p.ckeys);
    if (rc) {
        free(p.weights);
        tg_names_free(m);
        return rc;
    }
    m->weights = p.weights ? p.weights : calloc(1, sizeof *m->weights);
    if (!m->weights || make_slots(m)) {
        tg_names_free(m);
        return TAGGER_ERR_NOMEM;
    }
    *out = m;
    return TAGGER_OK;
}

/* ------------------------------------------------------------------------ */
/* In a compiled model file (model_io.c): the tables as they are used      */
/*                                                                          */
/*   NSLT  slot_t per feature slot      NMRK  a mark byte per slot          */
/*   NFST  first-name keys (0 = empty)  NCOM  common-word keys              */
/*   NCNT  three uint64: features, first names, common words                */

typedef char assert_slot_size[(sizeof(slot_t) == 32) ? 1 : -1];

int tg_names_write(const tg_names_t *m, tg_model_writer_t *w)
{
    uint64_t *counts = malloc(3 * sizeof *counts);
    if (!counts) {
        return TAGGER_ERR_NOMEM;
    }
    counts[0] = m->features.n;
    counts[1] = m->first.n;
    counts[2] = m->common.n;
    size_t cap = m->features.mask + 1;
    int rc;
    if ((rc = tg_model_writer_add_owned(w, "NCNT", counts, 3 * sizeof *counts)) ||
        (rc = tg_model_writer_add(w, "NSLT", m->slots, cap * sizeof *m->slots)) ||
        (rc = tg_model_writer_add(w, "NMRK", m->marks, cap)) ||
        (rc = tg_model_writer_add(w, "NFST", m->first.keys,
                                  (m->first.mask + 1) * sizeof *m->first.keys)) ||
        (rc = tg_model_writer_add(w, "NCOM", m->common.keys,
                                  (m->common.mask + 1) * sizeof *m->common.keys))) {
        return rc;
    }
    return TAGGER_OK;
}

/* Whether a probed table of @p n entries can be used: a power of two with
 * at least one empty entry, so every probe ends. */
static bool probe_ends(size_t n, size_t empty)
{
    return n > 0 && (n & (n - 1)) == 0 && empty > 0;
}

int tg_names_read(const tg_model_view_t *v, bool check, tg_names_t **out, tagger_error_t **err)
{
    const void *counts, *slots, *marks, *first, *common;
    size_t n_counts, n_slots, n_marks, n_first, n_common;
    int rc;
    *out = NULL;
    if ((rc = tg_model_section(v, "NCNT", sizeof(uint64_t), 0, &counts, &n_counts, err)) ||
        !counts) {
        return rc; /* no name model */
    }
    if ((rc = tg_model_section(v, "NSLT", sizeof(slot_t), 1, &slots, &n_slots, err)) ||
        (rc = tg_model_section(v, "NMRK", 1, 1, &marks, &n_marks, err)) ||
        (rc = tg_model_section(v, "NFST", sizeof(uint64_t), 1, &first, &n_first, err)) ||
        (rc = tg_model_section(v, "NCOM", sizeof(uint64_t), 1, &common, &n_common, err))) {
        return rc;
    }
    const uint64_t *cnt = counts, *fk = first, *ck = common;
    const uint8_t *mk = marks;
    if (check) {
        size_t empty_marks = 0, empty_first = 0, empty_common = 0;
        for (size_t i = 0; i < n_marks; i++) {
            empty_marks += mk[i] == 0;
        }
        for (size_t i = 0; i < n_first; i++) {
            empty_first += fk[i] == 0;
        }
        for (size_t i = 0; i < n_common; i++) {
            empty_common += ck[i] == 0;
        }
        if (n_counts != 3 || n_marks != n_slots || !probe_ends(n_slots, empty_marks) ||
            !probe_ends(n_first, empty_first) || !probe_ends(n_common, empty_common)) {
            tg_error_add(err, v->name, 0,
                         "damaged compiled model: name model: tables of impossible sizes");
            return TAGGER_ERR_FORMAT;
        }
    }
    tg_names_t *m = calloc(1, sizeof *m);
    if (!m) {
        return TAGGER_ERR_NOMEM;
    }
    m->mapped = true;
    /* Never written nor freed: they live in the model file. */
    m->slots = (slot_t *)(uintptr_t)slots;
    m->marks = (uint8_t *)(uintptr_t)marks;
    m->features.mask = n_slots - 1;
    m->features.n = (size_t)cnt[0];
    m->first.keys = (uint64_t *)(uintptr_t)first;
    m->first.mask = n_first - 1;
    m->first.n = (size_t)cnt[1];
    m->common.keys = (uint64_t *)(uintptr_t)common;
    m->common.mask = n_common - 1;
    m->common.n = (size_t)cnt[2];
    *out = m;
    return TAGGER_OK;
}
