/*
 * topic_features.c - words, word pairs and entity features of a document
 * (definitions in topic_features.h).
 *
 * tg_topic_words() runs for every document scored, so it makes one pass:
 * about 10 instructions a byte of word (class bit test, FNV step) and a
 * callback per word and per pair asked for.  A pair is hashed by continuing
 * its first word's hash, and passed in place when one space separates its
 * words, as in almost all text; the trainer sees exactly the keys and
 * hashes the scorer does.
 */
#include "topic_features.h"

#include <math.h>
#include <string.h>

#include "annotate.h"
#include "topic_model.h"

/* The bytes of a word are those of class TG_CLS_WORD or TG_CLS_HANGUL and
 * the continuation bytes after them: exactly the odd classes, so that the
 * word loop tests one bit per byte. */
typedef char assert_word_classes_odd[((TG_CLS_WORD & TG_CLS_HANGUL & TG_CLS_CONT & 1) &&
                                      !((TG_CLS_SEP | TG_CLS_GLUED | TG_CLS_BREAK) & 1))
                                         ? 1
                                         : -1];

static inline int in_word(uint8_t cls)
{
    return cls & 1;
}

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
    while (k < n->len && in_word(n->cls[k])) {
        k++;
    }
    return k;
}

static int keep_word(const char *s, size_t len)
{
    return len >= 2 && len <= TG_TOPIC_MAX_WORD &&
           !((unsigned char)(s[0] - '0') < 10 && all_digits(s, len));
}

/* One pass: the word loop hashes each byte as it finds the word's end (the
 * class array ends with a TG_CLS_BREAK byte, which stops it), and a pair
 * whose words are separated by one space is passed in place, as the text
 * holds it; only a pair joined by hyphens or several spaces is copied. */
int tg_topic_words(const tg_norm_t *n, tg_tkey_fn fn, void *ctx, size_t *n_words)
{
    const char *t = n->text;
    const uint8_t *cls = n->cls;
    const size_t len = n->len;
    char pair[2 * TG_TOPIC_MAX_WORD + 1];
    size_t count = 0;
    /* The previous word, when the callback wants the pairs it starts. */
    int prev_pairs = 0;
    size_t prev_start = 0, prev_end = 0;
    uint32_t prev_hash = 0;
    for (size_t k = 0; k < len;) {
        if (!in_word(cls[k]) || cls[k] == TG_CLS_CONT) {
            k++; /* a separator, or a byte inside a code point that is not a letter */
            continue;
        }
        size_t start = k;
        uint32_t h = TG_HASH_INIT;
        do {
            h = tg_topic_hash_byte(h, t[k]);
            k++;
        } while (in_word(cls[k]));
        size_t wlen = k - start;
        if (!keep_word(t + start, wlen)) {
            prev_pairs = 0; /* no pair spans a dropped word */
            continue;
        }
        count++;
        tg_tkey_t key = {t + start, wlen, h, n->src[start], k, n};
        int rc = fn(&key, ctx);
        if (rc < 0) {
            return rc;
        }
        if (prev_pairs && joins_pair(t, prev_end, start)) {
            tg_tkey_t pk = {t + prev_start, k - prev_start,
                            tg_topic_hash(tg_topic_hash_byte(prev_hash, ' '), t + start, wlen),
                            n->src[prev_start], k, n};
            if (start - prev_end != 1 || t[prev_end] != ' ') {
                size_t plen = prev_end - prev_start;
                memcpy(pair, t + prev_start, plen);
                pair[plen] = ' ';
                memcpy(pair + plen + 1, t + start, wlen);
                pk.key = pair;
                pk.len = plen + 1 + wlen;
            }
            if (fn(&pk, ctx) < 0) {
                return -1;
            }
        }
        prev_pairs = rc != TG_TKEY_NO_PAIR;
        prev_start = start;
        prev_end = k;
        prev_hash = h;
    }
    *n_words = count;
    return 0;
}

static int entity_key(const char *key, size_t len, const tagger_entity_t *e, tg_tkey_fn fn,
                      void *ctx)
{
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
        size_t len = strlen(e->id);
        len = len < sizeof key - 2 ? len : sizeof key - 2; /* a key is at most 255 bytes */
        key[0] = '@';
        memcpy(key + 1, e->id, len);
        key[len + 1] = '\0';
        int rc = entity_key(key, len + 1, e, fn, ctx);
        if (rc) {
            return rc;
        }
    }
    static const char *const countries[] = {"@countries:0", "@countries:1", "@countries:2",
                                            "@countries:3+"};
    size_t c = per_kind[TAGGER_KIND_COUNTRY];
    const char *count = countries[c > 3 ? 3 : c];
    int rc = entity_key(count, strlen(count), NULL, fn, ctx);
    if (!rc && per_kind[TAGGER_KIND_PERSON]) {
        rc = entity_key("@people:1+", sizeof "@people:1+" - 1, NULL, fn, ctx);
    }
    if (!rc && per_kind[TAGGER_KIND_ORG]) {
        rc = entity_key("@orgs:1+", sizeof "@orgs:1+" - 1, NULL, fn, ctx);
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
