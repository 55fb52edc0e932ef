/*
 * topic_features.c - words, word pairs and entity features of a document
 * (definitions in topic_features.h).
 *
 * A text's words are found by tg_topic_next_word() (topic_features.h, inline,
 * so that the scorer probes each word as it is found, with no list of them;
 * the scorer runs it only between the words the scan hashed, which it takes
 * with tg_topic_take_word()): one pass and no callback: a word's end is found
 * eight class bytes at a time, its 64-bit hash (tg_topic_hash64's value, by
 * tg_fw_hash_padded) is taken eight bytes at a time from the padded text (no
 * length check), and it is given with whether a dropped word lies between it
 * and the word before; the gap itself is tested only after a word that starts
 * a pair (tg_topic_joins); the scorer derives a pair's hash from its words'
 * (about 12 instructions a byte of text on Reuters, ~75 a word, against 31 a
 * byte for the byte-at-a-time loop with FNV and a callback per key; a 64-byte
 * window of class masks found with SSE2 was tried and cost more: most gaps are
 * one byte, and a word crossing the window costs a new one).
 * tg_topic_word_list() stores the words in an array; tg_topic_words(), the
 * trainer's way in, walks that list a block at a time, so the trainer and the
 * scorer see the same words and pairs; it gives each key its FNV hash and the
 * pair's text, passed in place when one space separates its words, as in
 * almost all text.
 */
#include "topic_features.h"

#include <math.h>
#include <string.h>

#include "annotate.h"
#include "topic_model.h"

void tg_menu_cursor_init(tg_menu_cursor_t *c, const tg_layout_t *lay, const tg_norm_t *norm)
{
    c->lay = lay;
    c->norm = norm;
    c->line = 0;
    tg_menu_cursor_next(c);
}

/* The first normalised byte whose input offset is @p off or more (src
 * grows with the bytes). */
static size_t normalised_at(const tg_norm_t *n, size_t off)
{
    size_t lo = 0, hi = n->len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (n->src[mid] < off) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

void tg_menu_cursor_next(tg_menu_cursor_t *c)
{
    while (c->lay && c->line < c->lay->n_lines) {
        const tg_line_t *ln = &c->lay->lines[c->line++];
        if (ln->zone == TG_ZONE_MENU) {
            c->start = c->norm ? normalised_at(c->norm, ln->start) : ln->start;
            c->end = c->norm ? normalised_at(c->norm, ln->end) : ln->end;
            if (c->start < c->end) {
                return;
            }
        }
    }
    c->start = c->end = SIZE_MAX;
}

/* End of the word starting at normalised byte @p k. */
static size_t word_end(const tg_norm_t *n, size_t k)
{
    while (k < n->len && tg_topic_in_word(n->cls[k])) {
        k++;
    }
    return k;
}

size_t tg_topic_word_list(const tg_norm_t *n, tg_tword_cursor_t *cur, tg_tword_t *out,
                          size_t cap)
{
    size_t count = 0;
    while (count < cap && tg_topic_next_word(n, cur, &out[count], n->len)) {
        count++;
    }
    return count;
}

/* The words come from tg_topic_word_list, a block at a time; a pair whose
 * words are separated by one space is passed in place, as the text holds
 * it; only a pair joined by hyphens or several spaces is copied. */
int tg_topic_words(const tg_norm_t *n, int cut_plurals, tg_tkey_fn fn, void *ctx,
                   size_t *n_words)
{
    const char *t = n->text;
    char pair[2 * TG_TOPIC_MAX_WORD + 1];
    tg_tword_t block[64];
    tg_tword_cursor_t cur = {0, 0, cut_plurals};
    size_t count = 0;
    /* The previous word, when the callback wants the pairs it starts. */
    int prev_pairs = 0;
    tg_tword_t prev = {0, 0, 0, 0, 0};
    uint32_t prev_hash = 0;
    for (;;) {
        size_t got = tg_topic_word_list(n, &cur, block, sizeof block / sizeof block[0]);
        if (!got) {
            break;
        }
        count += got;
        for (size_t i = 0; i < got; i++) {
            const tg_tword_t *w = &block[i];
            size_t start = w->start, klen = (size_t)w->len - w->cut, end = start + w->len;
            uint32_t h = tg_topic_hash(TG_HASH_INIT, t + start, klen);
            tg_tkey_t key = {t + start, klen, h, n->src[start], end, n};
            int rc = fn(&key, ctx);
            if (rc < 0) {
                return rc;
            }
            if (prev_pairs && tg_topic_joins(t, &prev, w)) {
                size_t prev_end = prev.start + prev.len, prev_klen = (size_t)prev.len - prev.cut;
                tg_tkey_t pk = {t + prev.start, prev_klen + 1 + klen,
                                tg_topic_hash(tg_topic_hash_byte(prev_hash, ' '), t + start, klen),
                                n->src[prev.start], end, n};
                /* In place when one space separates the words and the
                 * first keeps its last byte. */
                if (start - prev_end != 1 || t[prev_end] != ' ' || prev.cut) {
                    memcpy(pair, t + prev.start, prev_klen);
                    pair[prev_klen] = ' ';
                    memcpy(pair + prev_klen + 1, t + start, klen);
                    pk.key = pair;
                }
                if (fn(&pk, ctx) < 0) {
                    return -1;
                }
            }
            prev_pairs = rc != TG_TKEY_NO_PAIR;
            prev = *w;
            prev_hash = h;
        }
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

/* The entity-count keys: how many countries (0 to 3+), whether people,
 * whether organizations; every other entity key is an entity's id. */
static const char *const count_keys[] = {"@countries:0", "@countries:1", "@countries:2",
                                         "@countries:3+", "@people:1+", "@orgs:1+"};
enum { COUNTRIES_0, PEOPLE = 4, ORGS = 5, N_COUNT_KEYS = 6 };

bool tg_topic_has_id_features(const tg_topics_t *m)
{
    for (uint32_t i = 0; i < m->n_features; i++) {
        const char *key = m->pool + m->features[i].key;
        if (key[0] != '@') {
            continue;
        }
        bool count = false;
        for (size_t k = 0; k < N_COUNT_KEYS && !count; k++) {
            count = strlen(count_keys[k]) == m->features[i].key_len &&
                    memcmp(key, count_keys[k], m->features[i].key_len) == 0;
        }
        if (!count) {
            return true;
        }
    }
    return false;
}

int tg_topic_entities(const tagger_result_t *r, bool ids, tg_tkey_fn fn, void *ctx)
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
        if (!ids) {
            continue;
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
    size_t c = per_kind[TAGGER_KIND_COUNTRY];
    const char *count = count_keys[COUNTRIES_0 + (c > 3 ? 3 : c)];
    int rc = entity_key(count, strlen(count), NULL, fn, ctx);
    if (!rc && per_kind[TAGGER_KIND_PERSON]) {
        rc = entity_key(count_keys[PEOPLE], strlen(count_keys[PEOPLE]), NULL, fn, ctx);
    }
    if (!rc && per_kind[TAGGER_KIND_ORG]) {
        rc = entity_key(count_keys[ORGS], strlen(count_keys[ORGS]), NULL, fn, ctx);
    }
    return rc;
}

double tg_topic_norm(size_t n_words)
{
    return 1.0 / sqrt((double)(n_words ? n_words : 1));
}

int tg_topic_key_ok(const tg_norm_t *n, int cut_plurals)
{
    size_t words = 0;
    for (size_t k = 0; k < n->len;) {
        if (!tg_cls_wordish(n->cls[k])) {
            return 0;
        }
        size_t e = word_end(n, k);
        if (!tg_topic_keeps(n->text + k, e - k) || ++words > 2 ||
            (cut_plurals && tg_topic_key_cut(n->text + k, e - k))) {
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
