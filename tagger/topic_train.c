/*
 * topic_train.c - tagger_train(): labelled documents in, model text out.
 *
 *  1. Topics: every label of the documents, with its ancestors from the
 *     taxonomy; a document's labels are closed upwards.
 *  2. Features: each document is annotated (for its entities) and its words,
 *     word pairs and entity features (topic_features.c) are counted; those
 *     in fewer than min_df documents are dropped.
 *  3. Per topic, a logistic regression (topic_learn.c) on the documents
 *     that can tell: a document labelled "politics" alone says nothing
 *     about "international relations", so it is left out of that topic.
 *  4. Feature selection: the features_per_topic largest weights (by
 *     magnitude) are kept and refitted with the others fixed at zero, so the
 *     model file stays readable and the scores stay calibrated.
 *  5. The model text, sorted (topics by id, features by weight), so that a
 *     retrained model diffs cleanly, in format version 2: it ends with the
 *     end line counting its topic and feature lines (topic_model.h).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annotate.h"
#include "scratch.h"
#include "topic_features.h"
#include "topic_learn.h"
#include "topic_model.h"

/* ------------------------------------------------------------------------ */
/* A string -> index map with the strings in one pool                        */

typedef struct {
    char *pool;
    size_t pool_len, pool_cap;
    uint32_t *key;      /* per index: pool offset */
    uint32_t *slots;    /* index + 1, 0 = empty */
    size_t n, cap_key, n_slots;
} dict_t;

static void dict_free(dict_t *d)
{
    free(d->pool);
    free(d->key);
    free(d->slots);
}

static const char *dict_str(const dict_t *d, uint32_t i)
{
    return d->pool + d->key[i];
}

static int dict_rehash(dict_t *d)
{
    size_t n_slots = d->n_slots ? 2 * d->n_slots : 1024;
    uint32_t *slots = calloc(n_slots, sizeof *slots);
    if (!slots) {
        return TAGGER_ERR_NOMEM;
    }
    for (uint32_t i = 0; i < d->n; i++) {
        const char *s = dict_str(d, i);
        size_t k = tg_topic_hash(TG_HASH_INIT, s, strlen(s)) & (n_slots - 1);
        while (slots[k]) {
            k = (k + 1) & (n_slots - 1);
        }
        slots[k] = i + 1;
    }
    free(d->slots);
    d->slots = slots;
    d->n_slots = n_slots;
    return TAGGER_OK;
}

/* Index of @p s (@p len bytes, hash @p h), added when @p add; TG_NONE when
 * absent and not added, or out of memory (then *nomem is set). */
static uint32_t dict_get(dict_t *d, const char *s, size_t len, uint32_t h, int add, int *nomem)
{
    if (2 * (d->n + 1) > d->n_slots && dict_rehash(d)) {
        *nomem = 1;
        return TG_NONE;
    }
    size_t k = h & (d->n_slots - 1);
    for (; d->slots[k]; k = (k + 1) & (d->n_slots - 1)) {
        const char *t = dict_str(d, d->slots[k] - 1);
        if (strncmp(t, s, len) == 0 && t[len] == '\0') {
            return d->slots[k] - 1;
        }
    }
    if (!add) {
        return TG_NONE;
    }
    if (tg_grow((void **)&d->pool, &d->pool_cap, d->pool_len + len + 1, 1) ||
        tg_grow((void **)&d->key, &d->cap_key, d->n + 1, sizeof *d->key)) {
        *nomem = 1;
        return TG_NONE;
    }
    memcpy(d->pool + d->pool_len, s, len);
    d->pool[d->pool_len + len] = '\0';
    d->key[d->n] = (uint32_t)d->pool_len;
    d->pool_len += len + 1;
    d->slots[k] = (uint32_t)d->n + 1;
    return (uint32_t)d->n++;
}

static uint32_t dict_find(dict_t *d, const char *s)
{
    int nomem = 0;
    size_t len = strlen(s);
    return d->n ? dict_get(d, s, len, tg_topic_hash(TG_HASH_INIT, s, len), 0, &nomem) : TG_NONE;
}

/* ------------------------------------------------------------------------ */
/* The taxonomy                                                              */

typedef struct {
    dict_t ids;
    uint32_t *parent_line; /* per entry: its line, to report a bad parent */
    char **parent;         /* per entry: parent id, or NULL */
    char **label;
    size_t cap_parent, cap_label, cap_line;
} taxonomy_t;

static void taxonomy_free(taxonomy_t *tx)
{
    for (size_t i = 0; i < tx->ids.n; i++) {
        free(tx->parent[i]);
        free(tx->label[i]);
    }
    free(tx->parent);
    free(tx->label);
    free(tx->parent_line);
    dict_free(&tx->ids);
}

static char *dup_n(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

static int taxonomy_parse(taxonomy_t *tx, const char *path, const char *data, size_t len,
                          tagger_error_t **err)
{
    int bad = 0;
    long line = 0;
    for (size_t pos = 0; pos < len;) {
        const char *s;
        size_t n = tg_next_line(data, len, &pos, &s);
        line++;
        if (n == 0 || s[0] == '#') {
            continue;
        }
        const char *f[3];
        size_t fl[3], nf = 0;
        for (size_t a = 0; nf < 3;) {
            size_t b = a;
            while (b < n && s[b] != '\t') {
                b++;
            }
            f[nf] = s + a;
            fl[nf++] = b - a;
            if (b == n) {
                break;
            }
            a = b + 1;
        }
        if (nf < 3 || fl[0] == 0 || fl[1] == 0 || fl[2] == 0) {
            bad = 1;
            tg_error_add(err, path, line, "field %zu (%s): missing", nf < 3 ? nf + 1 : 1,
                         nf < 2 ? "parent" : nf < 3 ? "label" : "id");
            continue;
        }
        int nomem = 0;
        size_t before = tx->ids.n;
        uint32_t id = dict_get(&tx->ids, f[0], fl[0], tg_topic_hash(TG_HASH_INIT, f[0], fl[0]),
                               1, &nomem);
        if (nomem) {
            return TAGGER_ERR_NOMEM;
        }
        if (tx->ids.n == before) {
            bad = 1;
            tg_error_add(err, path, line, "field 1 (id): '%.*s' listed twice", (int)fl[0], f[0]);
            continue;
        }
        if (tg_grow((void **)&tx->parent, &tx->cap_parent, id + 1, sizeof *tx->parent) ||
            tg_grow((void **)&tx->label, &tx->cap_label, id + 1, sizeof *tx->label) ||
            tg_grow((void **)&tx->parent_line, &tx->cap_line, id + 1, sizeof *tx->parent_line)) {
            return TAGGER_ERR_NOMEM;
        }
        int root = fl[1] == 1 && f[1][0] == '-';
        tx->parent[id] = root ? NULL : dup_n(f[1], fl[1]);
        tx->label[id] = dup_n(f[2], fl[2]);
        tx->parent_line[id] = (uint32_t)line;
        if ((!root && !tx->parent[id]) || !tx->label[id]) {
            return TAGGER_ERR_NOMEM;
        }
    }
    for (uint32_t i = 0; i < tx->ids.n && !bad; i++) {
        if (tx->parent[i] && dict_find(&tx->ids, tx->parent[i]) == TG_NONE) {
            bad = 1;
            tg_error_add(err, path, tx->parent_line[i], "field 2 (parent): no topic '%s'",
                         tx->parent[i]);
        }
    }
    return bad ? TAGGER_ERR_SYNTAX : TAGGER_OK;
}

/* ------------------------------------------------------------------------ */
/* Training state                                                            */

typedef struct {
    const tagger_train_options_t *opt;
    taxonomy_t tax;
    dict_t topics;
    uint32_t *topic_parent; /* per topic: parent topic, or TG_NONE */
    const char **topic_label;
    size_t cap_tparent, cap_tlabel;
    uint8_t *y;             /* n_docs x n_topics: labelled (closed upwards) */
    dict_t features;
    dict_t stop;            /* the stop words, normalised */
    uint32_t *df;
    size_t cap_df;
    size_t *first;          /* document vectors */
    uint32_t *feature;
    float *value;
    size_t n_entries, cap_entries, cap_values;
    uint32_t *last_doc, *tf; /* per feature, while counting one document */
    size_t cap_last, cap_tf;
    uint32_t *doc_features;  /* features of the document being counted */
    size_t n_doc_features, cap_doc_features;
    uint32_t doc;
    int nomem;
} train_t;

/* Topic index of @p id, added with its ancestors when new. */
static uint32_t topic_get(train_t *t, const char *id, size_t len, int depth)
{
    uint32_t h = tg_topic_hash(TG_HASH_INIT, id, len);
    size_t before = t->topics.n;
    uint32_t k = dict_get(&t->topics, id, len, h, 1, &t->nomem);
    if (k == TG_NONE || t->topics.n == before) {
        return k;
    }
    if (tg_grow((void **)&t->topic_parent, &t->cap_tparent, k + 1, sizeof *t->topic_parent) ||
        tg_grow((void **)&t->topic_label, &t->cap_tlabel, k + 1, sizeof *t->topic_label)) {
        t->nomem = 1;
        return TG_NONE;
    }
    t->topic_parent[k] = TG_NONE;
    t->topic_label[k] = NULL;
    uint32_t tx = dict_find(&t->tax.ids, dict_str(&t->topics, k));
    if (tx != TG_NONE) {
        t->topic_label[k] = t->tax.label[tx];
        if (t->tax.parent[tx] && depth < 32) {
            const char *p = t->tax.parent[tx];
            uint32_t parent = topic_get(t, p, strlen(p), depth + 1);
            t->topic_parent[k] = parent;
        }
    }
    return k;
}

static int count_key(const tg_tkey_t *k, void *ctx)
{
    train_t *t = ctx;
    uint32_t f = dict_get(&t->features, k->key, k->len, k->hash, 1, &t->nomem);
    if (f == TG_NONE) {
        return -1;
    }
    if (f >= t->cap_last) {
        size_t old = t->cap_last;
        if (tg_grow((void **)&t->last_doc, &t->cap_last, f + 1, sizeof *t->last_doc) ||
            tg_grow((void **)&t->tf, &t->cap_tf, f + 1, sizeof *t->tf) ||
            tg_grow((void **)&t->df, &t->cap_df, f + 1, sizeof *t->df)) {
            t->nomem = 1;
            return -1;
        }
        for (size_t i = old; i < t->cap_last; i++) {
            t->last_doc[i] = TG_NONE;
        }
        memset(t->df + old, 0, (t->cap_df - old) * sizeof *t->df);
    }
    if (t->last_doc[f] != t->doc) {
        t->last_doc[f] = t->doc;
        t->tf[f] = 0;
        t->df[f]++;
        if (tg_grow((void **)&t->doc_features, &t->cap_doc_features, t->n_doc_features + 1,
                    sizeof *t->doc_features)) {
            t->nomem = 1;
            return -1;
        }
        t->doc_features[t->n_doc_features++] = f;
    }
    t->tf[f]++;
    return 0;
}

/* A word or pair of the text: counted unless it is in a menu line, as the
 * scorer leaves those out (topic_score.c count_words()). */
typedef struct {
    train_t *t;
    tg_menu_cursor_t menus;
} word_ctx_t;

static int count_word_key(const tg_tkey_t *k, void *ctx)
{
    word_ctx_t *w = ctx;
    return tg_in_menu(&w->menus, k->start) ? 0 : count_key(k, w->t);
}

/* Step 2 for one document. */
static int count_document(train_t *t, const tagger_t *tg, tagger_scratch_t *s,
                          const tagger_train_doc_t *doc)
{
    tagger_result_t *r;
    int rc = tg_annotate(tg, s, doc->text, doc->len, 0, &r);
    if (rc) {
        return rc;
    }
    size_t n_words = 0;
    t->n_doc_features = 0;
    word_ctx_t words = {t, {0}};
    tg_menu_cursor_init(&words.menus, &s->layout, NULL);
    tg_topic_words(&s->norm, 1, count_word_key, &words, &n_words);
    size_t n_word_features = t->n_doc_features;
    tg_topic_entities(r, t->opt->entity_ids != 0, count_key, t);
    tagger_result_free(r);
    if (t->nomem ||
        tg_grow((void **)&t->feature, &t->cap_entries, t->n_entries + t->n_doc_features,
                sizeof *t->feature) ||
        tg_grow((void **)&t->value, &t->cap_values, t->n_entries + t->n_doc_features,
                sizeof *t->value)) {
        return TAGGER_ERR_NOMEM;
    }
    double length = tg_topic_norm(n_words);
    for (size_t i = 0; i < t->n_doc_features; i++) {
        uint32_t f = t->doc_features[i];
        t->feature[t->n_entries] = f;
        t->value[t->n_entries++] = i < n_word_features ? (float)tg_topic_value(t->tf[f], length)
                                                       : 1.0f;
    }
    return TAGGER_OK;
}

/* Whether feature @p f is a word pair whose first word is in more than
 * @p max_df documents ("the film", "said it"). */
static bool pair_of_common_word(train_t *t, uint32_t f, double max_df)
{
    const char *key = dict_str(&t->features, f);
    const char *space = key[0] == '@' ? NULL : strchr(key, ' ');
    if (!space) {
        return false;
    }
    size_t len = (size_t)(space - key);
    int nomem = 0;
    uint32_t w = dict_get(&t->features, key, len, tg_topic_hash(TG_HASH_INIT, key, len), 0, &nomem);
    return w != TG_NONE && t->df[w] > max_df;
}

/* Fills t->stop with the options' stop words, normalised and keyed as
 * features are ("says" is "say"; a stop word that normalises to no word is
 * ignored). */
static int stop_words_load(train_t *t)
{
    tg_norm_t norm = {0};
    int rc = TAGGER_OK, nomem = 0;
    for (size_t i = 0; i < t->opt->n_stop_words && !rc && !nomem; i++) {
        const char *w = t->opt->stop_words[i];
        rc = tg_norm_text(&norm, w, strlen(w));
        if (!rc && norm.len > 0) {
            size_t len = norm.len - tg_topic_key_cut(norm.text, norm.len);
            dict_get(&t->stop, norm.text, len, tg_topic_hash(TG_HASH_INIT, norm.text, len), 1,
                     &nomem);
        }
    }
    tg_norm_free(&norm);
    return rc ? rc : nomem ? TAGGER_ERR_NOMEM : TAGGER_OK;
}

/* Whether @p len bytes at @p s are a stop word. */
static bool is_stop_word(train_t *t, const char *s, size_t len)
{
    int nomem = 0;
    return t->stop.n &&
           dict_get(&t->stop, s, len, tg_topic_hash(TG_HASH_INIT, s, len), 0, &nomem) != TG_NONE;
}

/* Whether feature @p f is a stop word or a word pair with one. */
static bool has_stop_word(train_t *t, uint32_t f)
{
    const char *key = dict_str(&t->features, f);
    if (key[0] == '@' || !t->stop.n) {
        return false;
    }
    const char *space = strchr(key, ' ');
    if (!space) {
        return is_stop_word(t, key, strlen(key));
    }
    return is_stop_word(t, key, (size_t)(space - key)) ||
           is_stop_word(t, space + 1, strlen(space + 1));
}

/* Drops features in fewer than min_df documents; the stop words and the
 * pairs with one; the features in more than max_df_share of the documents
 * ("the": they say little and, being in every text, cost a lookup hit per
 * word), and the word pairs that start with such a word: the scorer probes
 * a pair after each word that starts one, so "the film" would cost a probe
 * after every "the", and what it says, "film" says too.  Renumbers the
 * rest. */
static size_t prune_rare(train_t *t, size_t n_docs, uint32_t **kept_out)
{
    uint32_t *new_id = t->last_doc; /* reused: per old feature, new id or TG_NONE */
    uint32_t *kept = malloc((t->features.n ? t->features.n : 1) * sizeof *kept);
    if (!kept) {
        return 0;
    }
    size_t n = 0;
    double max_df = t->opt->max_df_share * (double)n_docs;
    for (uint32_t f = 0; f < t->features.n; f++) {
        bool keep = t->df[f] >= t->opt->min_df && t->df[f] <= max_df &&
                    !pair_of_common_word(t, f, max_df) && !has_stop_word(t, f);
        new_id[f] = keep ? (uint32_t)n : TG_NONE;
        if (new_id[f] != TG_NONE) {
            kept[n++] = f;
        }
    }
    size_t out = 0, start = 0;
    for (size_t d = 0; d < n_docs; d++) {
        size_t end = t->first[d + 1];
        t->first[d] = out;
        for (size_t k = start; k < end; k++) {
            if (new_id[t->feature[k]] != TG_NONE) {
                t->feature[out] = new_id[t->feature[k]];
                t->value[out++] = t->value[k];
            }
        }
        start = end;
    }
    t->first[n_docs] = out;
    *kept_out = kept;
    return n;
}

/* ------------------------------------------------------------------------ */
/* Output                                                                    */

typedef struct {
    char *s;
    size_t len, cap;
    int nomem;
} text_t;

#ifdef __GNUC__
__attribute__((format(printf, 2, 3)))
#endif
static void put(text_t *out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || tg_grow((void **)&out->s, &out->cap, out->len + (size_t)n + 1, 1)) {
        out->nomem = 1;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(out->s + out->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    out->len += (size_t)n;
}

typedef struct {
    const char *key;
    uint32_t feature;
    float weight;
} kept_weight_t;

static int cmp_weight(const void *a, const void *b)
{
    const kept_weight_t *x = a, *y = b;
    if (x->weight != y->weight) {
        return x->weight > y->weight ? -1 : 1;
    }
    return strcmp(x->key, y->key);
}

static int cmp_abs(const void *a, const void *b)
{
    const kept_weight_t *x = a, *y = b;
    float ax = fabsf(x->weight), ay = fabsf(y->weight);
    if (ax != ay) {
        return ax > ay ? -1 : 1;
    }
    return strcmp(x->key, y->key);
}

typedef struct {
    const char *id;
    uint32_t topic;
} topic_order_t;

static int cmp_topic_id(const void *a, const void *b)
{
    return strcmp(((const topic_order_t *)a)->id, ((const topic_order_t *)b)->id);
}

/* ------------------------------------------------------------------------ */

void tagger_train_options_init(tagger_train_options_t *opt)
{
    if (opt) {
        memset(opt, 0, sizeof *opt);
        opt->features_per_topic = 300;
        opt->min_df = 3;
        opt->epochs = 20;
        opt->l2 = 1e-6;
        opt->rate = 0.5;
        opt->seed = 1;
        opt->prior_weight = 0.25;
        opt->max_df_share = 0.2;
    }
}

/* Step 1: topics and the label matrix. */
static int label_documents(train_t *t, const tagger_train_doc_t *docs, size_t n_docs)
{
    for (size_t d = 0; d < n_docs; d++) {
        for (size_t i = 0; i < docs[d].n_labels; i++) {
            const char *l = docs[d].labels[i];
            if (l && *l && topic_get(t, l, strlen(l), 0) == TG_NONE) {
                return TAGGER_ERR_NOMEM;
            }
        }
    }
    size_t nt = t->topics.n;
    t->y = calloc(n_docs * nt + 1, 1);
    if (!t->y) {
        return TAGGER_ERR_NOMEM;
    }
    for (size_t d = 0; d < n_docs; d++) {
        for (size_t i = 0; i < docs[d].n_labels; i++) {
            const char *l = docs[d].labels[i];
            uint32_t k = (l && *l) ? dict_find(&t->topics, l) : TG_NONE;
            for (int depth = 0; k != TG_NONE && depth < 32; depth++, k = t->topic_parent[k]) {
                t->y[d * nt + k] = 1;
            }
        }
    }
    return TAGGER_OK;
}

/* Whether document @p d can teach topic @p k: not when it is labelled with
 * k's parent but with none of the parent's children. */
static int can_teach(const train_t *t, size_t d, uint32_t k)
{
    size_t nt = t->topics.n;
    uint32_t p = t->topic_parent[k];
    if (p == TG_NONE || !t->y[d * nt + p]) {
        return 1;
    }
    for (uint32_t c = 0; c < nt; c++) {
        if (t->topic_parent[c] == p && t->y[d * nt + c]) {
            return 1;
        }
    }
    return 0;
}

/* Steps 3 and 4 for topic @p k: its kept weights go to @p out, sorted by
 * weight, their number to @p *n_out; its bias to @p *bias. */
static int learn_topic(const train_t *t, const tg_docs_t *docs, const char *const *keys,
                       uint32_t k, uint32_t *used, uint8_t *y, uint8_t *mask, float *w,
                       double *bias, kept_weight_t *out, size_t *n_out)
{
    size_t nt = t->topics.n, n_used = 0;
    for (size_t d = 0; d < docs->n_docs; d++) {
        if (can_teach(t, d, k)) {
            used[n_used++] = (uint32_t)d;
        }
        y[d] = t->y[d * nt + k];
    }
    tg_learn_opt_t lo = {t->opt->epochs, t->opt->l2, t->opt->rate, t->opt->seed + k};
    memset(w, 0, docs->n_features * sizeof *w);
    *bias = 0;
    if (tg_learn_logistic(docs, used, n_used, y, NULL, &lo, w, bias)) {
        return TAGGER_ERR_NOMEM;
    }
    size_t n = 0;
    for (uint32_t f = 0; f < docs->n_features; f++) {
        if (w[f] != 0) {
            out[n++] = (kept_weight_t){keys[f], f, w[f]};
        }
    }
    qsort(out, n, sizeof *out, cmp_abs);
    size_t keep = n < t->opt->features_per_topic ? n : t->opt->features_per_topic;
    /* Refit with only the kept features, from their weights: the dropped
     * features' share of each score moves to the kept ones and the bias. */
    memset(mask, 0, docs->n_features);
    for (size_t i = 0; i < keep; i++) {
        mask[out[i].feature] = 1;
    }
    for (size_t f = 0; f < docs->n_features; f++) {
        w[f] = mask[f] ? w[f] : 0.0f;
    }
    if (tg_learn_logistic(docs, used, n_used, y, mask, &lo, w, bias)) {
        return TAGGER_ERR_NOMEM;
    }
    for (size_t i = 0; i < keep; i++) {
        out[i].weight = w[out[i].feature];
    }
    qsort(out, keep, sizeof *out, cmp_weight);
    *n_out = keep;
    return TAGGER_OK;
}

/* Step 5. */
static int write_model(train_t *t, size_t n_docs, const tg_docs_t *docs, const char *const *keys,
                       char **model)
{
    size_t nt = t->topics.n;
    topic_order_t *order = malloc((nt ? nt : 1) * sizeof *order);
    uint32_t *used = malloc((n_docs ? n_docs : 1) * sizeof *used);
    uint8_t *y = malloc(n_docs ? n_docs : 1);
    uint8_t *mask = malloc(docs->n_features ? docs->n_features : 1);
    float *w = malloc((docs->n_features ? docs->n_features : 1) * sizeof *w);
    kept_weight_t *kept = malloc((docs->n_features ? docs->n_features : 1) * sizeof *kept);
    size_t fpt = t->opt->features_per_topic;
    kept_weight_t *all_kept = malloc((nt ? nt : 1) * fpt * sizeof *all_kept);
    size_t *n_kept = malloc((nt ? nt : 1) * sizeof *n_kept);
    double *bias = malloc((nt ? nt : 1) * sizeof *bias);
    text_t out = {0};
    int rc = TAGGER_ERR_NOMEM;
    if (!order || !used || !y || !mask || !w || !kept || !all_kept || !n_kept || !bias) {
        goto done;
    }
    for (uint32_t k = 0; k < nt; k++) {
        order[k] = (topic_order_t){dict_str(&t->topics, k), k};
    }
    qsort(order, nt, sizeof *order, cmp_topic_id);
    const tagger_train_options_t *o = t->opt;
    put(&out, "%s\t%d\n", TG_TOPIC_MAGIC, TG_TOPIC_VERSION);
    put(&out, "# Trained by `tagger train` (libtagger %s) on %zu documents: %zu topics, "
              "%zu features in at least %u documents.\n",
        tagger_version(), n_docs, nt, docs->n_features, o->min_df);
    put(&out, "# Options: features per topic %u, epochs %u, l2 %g, rate %g, seed %lu, "
              "prior weight %g, max df share %g, stop words %zu%s.\n",
        o->features_per_topic, o->epochs, o->l2, o->rate, o->seed, o->prior_weight,
        o->max_df_share, o->n_stop_words, o->entity_ids ? ", entity ids" : "");
    put(&out, "# topic: id, parent, bias, label; feature: key, weight (models/README.md)\n");
    put(&out, "threshold\t%.2f\n", TG_TOPIC_THRESHOLD);
    double mean_bias = 0;
    for (size_t i = 0; i < nt; i++) {
        if ((rc = learn_topic(t, docs, keys, order[i].topic, used, y, mask, w, &bias[i], kept,
                              &n_kept[i]))) {
            goto done;
        }
        memcpy(all_kept + i * fpt, kept, n_kept[i] * sizeof *kept);
        mean_bias += bias[i] / (double)nt;
    }
    size_t n_feature_lines = 0;
    for (size_t i = 0; i < nt; i++) {
        uint32_t k = order[i].topic, p = t->topic_parent[k];
        /* The bias is the topic's prior in the training mix; only part of it is
         * kept, so that one dataset's label mix does not decide texts with
         * little evidence (models/README.md). */
        double b = o->prior_weight * bias[i] + (1 - o->prior_weight) * mean_bias;
        put(&out, "\ntopic\t%s\t%s\t%.4f\t%s\n", order[i].id,
            p == TG_NONE ? "-" : dict_str(&t->topics, p), b,
            t->topic_label[k] ? t->topic_label[k] : order[i].id);
        for (size_t j = 0; j < n_kept[i]; j++) {
            const kept_weight_t *kw = &all_kept[i * fpt + j];
            if (fabsf(kw->weight) >= 5e-5f) {
                put(&out, "feature\t%s\t%.4f\n", kw->key, kw->weight);
                n_feature_lines++;
            }
        }
    }
    /* Last: the counts a loader checks, so a file cut at a line end is
     * refused instead of read as a smaller model (topic_model.h). */
    put(&out, "end\t%zu\t%zu\n", nt, n_feature_lines);
    rc = out.nomem ? TAGGER_ERR_NOMEM : TAGGER_OK;
done:
    if (rc == TAGGER_OK) {
        *model = out.s;
    } else {
        free(out.s);
    }
    free(order);
    free(used);
    free(y);
    free(mask);
    free(w);
    free(kept);
    free(all_kept);
    free(n_kept);
    free(bias);
    return rc;
}

static void train_free(train_t *t)
{
    taxonomy_free(&t->tax);
    dict_free(&t->topics);
    dict_free(&t->features);
    dict_free(&t->stop);
    free(t->topic_parent);
    free(t->topic_label);
    free(t->y);
    free(t->df);
    free(t->first);
    free(t->feature);
    free(t->value);
    free(t->last_doc);
    free(t->tf);
    free(t->doc_features);
}

int tagger_train(const tagger_t *tg, const tagger_train_doc_t *docs, size_t n_docs,
                 const tagger_train_options_t *opt, char **model, tagger_error_t **err)
{
    if (err) {
        *err = NULL;
    }
    if (!model) {
        return TAGGER_ERR_MISUSE;
    }
    *model = NULL;
    tagger_train_options_t defaults;
    if (!opt) {
        tagger_train_options_init(&defaults);
        opt = &defaults;
    }
    if (!tg || !docs || n_docs == 0 || n_docs >= UINT32_MAX || opt->features_per_topic == 0) {
        return TAGGER_ERR_MISUSE;
    }
    train_t t = {0};
    t.opt = opt;
    tagger_scratch_t *s = NULL;
    uint32_t *kept = NULL;
    const char **keys = NULL;
    int rc = TAGGER_OK;
    if (opt->taxonomy) {
        rc = taxonomy_parse(&t.tax, opt->taxonomy_path ? opt->taxonomy_path : "(taxonomy)",
                            opt->taxonomy, opt->taxonomy_len, err);
    }
    if (rc || (rc = stop_words_load(&t)) || (rc = label_documents(&t, docs, n_docs)) ||
        (rc = tagger_scratch_new(tg, &s))) {
        goto done;
    }
    if (!(t.first = malloc((n_docs + 1) * sizeof *t.first))) {
        rc = TAGGER_ERR_NOMEM;
        goto done;
    }
    for (size_t d = 0; d < n_docs && rc == TAGGER_OK; d++) {
        t.doc = (uint32_t)d;
        t.first[d] = t.n_entries;
        rc = count_document(&t, tg, s, &docs[d]);
    }
    t.first[n_docs] = t.n_entries;
    if (rc) {
        goto done;
    }
    size_t n_features = prune_rare(&t, n_docs, &kept);
    keys = malloc((n_features ? n_features : 1) * sizeof *keys);
    if (!kept || !keys) {
        rc = TAGGER_ERR_NOMEM;
        goto done;
    }
    for (size_t f = 0; f < n_features; f++) {
        keys[f] = dict_str(&t.features, kept[f]);
    }
    tg_docs_t dv = {n_docs, n_features, t.first, t.feature, t.value};
    rc = write_model(&t, n_docs, &dv, keys, model);
done:
    if (rc == TAGGER_ERR_NOMEM) {
        tg_error_add(err, NULL, 0, "out of memory");
    }
    tagger_scratch_free(s);
    free(kept);
    free(keys);
    train_free(&t);
    return rc;
}
