/*
 * topic_features.c - words, word pairs and entity features of a document
 * (definitions in topic_features.h).
 */
#include "topic_features.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "annotate.h"
#include "topic_model.h"

typedef struct {
    size_t start, len; /* normalised bytes */
    uint32_t hash;
    int pairs; /* the callback wants the pairs this word starts */
} word_t;

/* Whether the normalised bytes [a, b) between two words are only spaces and
 * hyphens ("foreign minister", "cease-fire"). */
static int joins_pair(const char *t, size_t a, size_t b)
{
    if (a == b) {
        return 0;
    }
    for (size_t k = a; k < b; k++) {
        if (t[k] != ' ' && t[k] != '-') {
            return 0;
        }
    }
    return 1;
}

static int all_digits(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return 0;
        }
    }
    return 1;
}

/* End of the word starting at normalised byte @p k. */
static size_t word_end(const tg_norm_t *n, size_t k)
{
    while (k < n->len && (tg_cls_wordish(n->cls[k]) || n->cls[k] == TG_CLS_CONT)) {
        k++;
    }
    return k;
}

static int keep_word(const char *s, size_t len)
{
    return len >= 2 && len <= TG_TOPIC_MAX_WORD && !all_digits(s, len);
}

int tg_topic_words(const tg_norm_t *n, tg_tkey_fn fn, void *ctx, size_t *n_words)
{
    const char *t = n->text;
    word_t prev = {0, 0, 0, 1};
    char pair[2 * TG_TOPIC_MAX_WORD + 1];
    size_t count = 0;
    for (size_t k = 0; k < n->len;) {
        if (!tg_cls_wordish(n->cls[k])) {
            k++;
            continue;
        }
        size_t e = word_end(n, k);
        if (!keep_word(t + k, e - k)) {
            prev.len = 0;
            k = e;
            continue;
        }
        count++;
        tg_tkey_t key = {t + k, e - k, tg_topic_hash(TG_HASH_INIT, t + k, e - k), n->src[k],
                         e, n};
        int rc = fn(&key, ctx);
        if (rc < 0) {
            return rc;
        }
        if (prev.len && prev.pairs && joins_pair(t, prev.start + prev.len, k)) {
            memcpy(pair, t + prev.start, prev.len);
            pair[prev.len] = ' ';
            memcpy(pair + prev.len + 1, t + k, e - k);
            /* FNV runs left to right: the pair's hash continues the first word's. */
            tg_tkey_t pk = {pair, prev.len + 1 + (e - k),
                            tg_topic_hash(tg_topic_hash(prev.hash, " ", 1), t + k, e - k),
                            n->src[prev.start], e, n};
            if (fn(&pk, ctx) < 0) {
                return -1;
            }
        }
        prev.pairs = rc != TG_TKEY_NO_PAIR;
        prev.start = k;
        prev.len = e - k;
        prev.hash = key.hash;
        k = e;
    }
    *n_words = count;
    return 0;
}

static int entity_key(const char *key, const tagger_entity_t *e, tg_tkey_fn fn, void *ctx)
{
    size_t len = strlen(key);
    tg_tkey_t k = {key, len, tg_topic_hash(TG_HASH_INIT, key, len), 0, 0, NULL};
    if (e && e->n_mentions) {
        k.start = e->mentions[0].start;
        k.end = e->mentions[0].end;
    }
    return fn(&k, ctx) < 0 ? -1 : 0;
}

int tg_topic_entities(const tagger_result_t *r, tg_tkey_fn fn, void *ctx)
{
    size_t per_kind[5] = {0};
    char key[256];
    for (size_t i = 0; i < r->n_entities; i++) {
        const tagger_entity_t *e = &r->entities[i];
        if (e->relevance < TAGGER_FACET_THRESHOLD) {
            break; /* entities come by decreasing relevance */
        }
        if (!e->id) {
            continue; /* a recognized name: the model was trained without them */
        }
        per_kind[e->kind]++;
        if (!e->id) {
            continue; /* a name no gazetteer lists counts only for its kind */
        }
        snprintf(key, sizeof key, "@%s", e->id);
        int rc = entity_key(key, e, fn, ctx);
        if (rc) {
            return rc;
        }
    }
    static const char *const countries[] = {"@countries:0", "@countries:1", "@countries:2",
                                            "@countries:3+"};
    size_t c = per_kind[TAGGER_KIND_COUNTRY];
    int rc = entity_key(countries[c > 3 ? 3 : c], NULL, fn, ctx);
    if (!rc && per_kind[TAGGER_KIND_PERSON]) {
        rc = entity_key("@people:1+", NULL, fn, ctx);
    }
    if (!rc && per_kind[TAGGER_KIND_ORG]) {
        rc = entity_key("@orgs:1+", NULL, fn, ctx);
    }
    return rc;
}

double tg_topic_norm(size_t n_words)
{
    return 1.0 / sqrt((double)(n_words ? n_words : 1));
}

int tg_topic_key_ok(const tg_norm_t *n)
{
    size_t words = 0;
    for (size_t k = 0; k < n->len;) {
        if (!tg_cls_wordish(n->cls[k])) {
            return 0;
        }
        size_t e = word_end(n, k);
        if (!keep_word(n->text + k, e - k) || ++words > 2) {
            return 0;
        }
        k = e;
        if (k < n->len && !(n->text[k] == ' ' && k + 1 < n->len)) {
            return 0;
        }
        k += k < n->len;
    }
    return words > 0;
}
