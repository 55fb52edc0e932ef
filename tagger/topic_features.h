/*
 * topic_features.h - what the topic model sees of a document.  Training and
 * scoring both go through these functions, so a model always meets the
 * features it was trained on.
 *
 *  - words: runs of letters and digits of the normalised text (the same
 *    normalisation as the gazetteers: case folded, diacritics removed), of
 *    two to 64 bytes, not all digits; in a model of format version 3, keyed
 *    without a final plural or verb "s" (tg_topic_key_cut: "talks" and
 *    "talk" are one feature, "talk");
 *  - word pairs: two such words separated only by spaces or hyphens in the
 *    text, keyed "first second";
 *  - entity features, keyed with a leading `@`: each entity the document is
 *    about (relevance at least the facet threshold) by its id ("@KP"), and
 *    how many countries, people and organizations it is about
 *    ("@countries:2", "@countries:3+", "@people:1+", "@orgs:1+").
 *
 * A word or pair occurring tf times in a text of n words has the value
 * (1 + ln tf) / sqrt(n): the vector of a text's words has a length near 1
 * whatever the length of the text, so a long article does not outvote a
 * headline, and the learner's step size suits every document.  An entity
 * feature has the value 1.
 */
#ifndef TG_TOPIC_FEATURES_H
#define TG_TOPIC_FEATURES_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "layout.h"
#include "normalize.h"
#include "tagger.h"
#include "topic_model.h"

#define TG_TOPIC_MAX_WORD 64

/* The menu lines of a text (layout.c), whose words are no feature: a
 * language menu or a site's menu bar ("Home | World | Business | Tech")
 * says nothing of what the article is about.  A cursor over them, asked
 * of increasing offsets: input offsets, or with @p norm offsets into the
 * normalised text (which the scorer's words have at hand). */
typedef struct {
    const tg_layout_t *lay; /* NULL: no layout, so no menu */
    const tg_norm_t *norm;  /* NULL: input offsets */
    size_t line;            /* the next line to look at */
    size_t start, end;      /* the current menu line; SIZE_MAX when none is left */
} tg_menu_cursor_t;

void tg_menu_cursor_init(tg_menu_cursor_t *c, const tg_layout_t *lay, const tg_norm_t *norm);
void tg_menu_cursor_next(tg_menu_cursor_t *c);

/* Whether offset @p off, no less than the one asked before, is in a menu
 * line.  Without menus, two compares. */
static inline bool tg_in_menu(tg_menu_cursor_t *c, size_t off)
{
    while (off >= c->end) {
        tg_menu_cursor_next(c);
    }
    return off >= c->start;
}

typedef struct {
    const char *key; /* normalised key; valid during the callback only */
    size_t len;
    uint32_t hash;   /* tg_topic_hash of the key */
    size_t start;    /* input offset of this occurrence */
    size_t end;      /* its input end, or with @p norm set, its normalised end
                        (tg_tkey_end() maps it, which costs a little) */
    const tg_norm_t *norm;
} tg_tkey_t;

/* Input end of the occurrence @p k; start == end: the key has no text. */
static inline size_t tg_tkey_end(const tg_tkey_t *k)
{
    return k->norm ? tg_norm_src_end(k->norm, k->end - 1) : k->end;
}

/* Called for each key; returns 0, TG_TKEY_NO_PAIR for a word whose pairs
 * the caller does not need (the scorer knows which words start a pair of
 * the model), or a negative value to stop. */
typedef int (*tg_tkey_fn)(const tg_tkey_t *k, void *ctx);

#define TG_TKEY_NO_PAIR 1

/* A word of a text as the model sees it (a feature or the first or second
 * half of a pair), found by tg_topic_next_word. */
typedef struct {
    uint64_t hash;  /* tg_topic_hash64 of its key: its first len - cut bytes */
    uint32_t start; /* normalised offset; it ends at start + len */
    uint16_t len;   /* 2 to TG_TOPIC_MAX_WORD */
    uint8_t cut;    /* 1: its key leaves off its last byte (tg_topic_key_cut) */
    uint8_t joins;  /* 1: the word before it was kept, and no dropped word lies between:
                       the two make a pair if only spaces and hyphens separate them
                       (tg_topic_joins) */
} tg_tword_t;

/* Whether the key of the word of @p len bytes at @p s leaves off its last
 * byte: a final "s" ("talks", "elections", "rates") with at least three
 * bytes before it, and not after "s", "u" or "i" ("class", "status",
 * "analysis").  A light stemmer: held out of training, the topics of
 * every news source came out better with it than with whole words, and
 * nearly as well as with Snowball's English stemmer (models/README.md),
 * for a byte test per word where a stemmer would cost more than the
 * scoring. */
static inline unsigned tg_topic_key_cut(const char *s, size_t len)
{
    if (!(len >= 4 && s[len - 1] == 's' && s[len - 2] != 's' && s[len - 2] != 'u' &&
          s[len - 2] != 'i')) {
        return 0;
    }
    /* Words whose "s" makes another word, not a plural: "news" is not "new"
     * (a stop word), "arms" not "arm", "Mars" not "Mar" (March in wire
     * datelines), "lens" not "len", "goods" not "good", "means" not "mean";
     * "series" and "species" are singular too. */
#define TG_IS(word) (memcmp(s, word, sizeof(word) - 1) == 0)
    switch (len) {
    case 4:
        return !(TG_IS("news") || TG_IS("arms") || TG_IS("mars") || TG_IS("lens"));
    case 5:
        return !(TG_IS("goods") || TG_IS("means"));
    case 6:
        return !TG_IS("series");
    case 7:
        return !TG_IS("species");
    default:
        return 1;
    }
#undef TG_IS
}

/* Whether the word @p w makes the pair "v w" with @p v, the word before it
 * in the normalised text @p t: w->joins, and only spaces and hyphens
 * between them ("foreign minister", "cease-fire").  Asked only after a word
 * that starts a pair of the model, so the word list does not test gaps. */
static inline int tg_topic_joins(const char *t, const tg_tword_t *v, const tg_tword_t *w)
{
    if (!w->joins) {
        return 0;
    }
    size_t a = (size_t)v->start + v->len, b = w->start;
    for (size_t k = a; k < b; k++) {
        if (t[k] != ' ' && t[k] != '-') {
            return 0;
        }
    }
    return a < b;
}

/* Where tg_topic_word_list goes on from; start with pos and joinable zero. */
typedef struct {
    size_t pos;      /* normalised offset */
    int joinable;    /* the last word seen was kept: the next may pair with it */
    int cut_plurals; /* key words as a model of version 3 does (tg_topic_key_cut) */
} tg_tword_cursor_t;

/* The bytes of a word are those of class TG_CLS_WORD or TG_CLS_HANGUL and
 * the continuation bytes after them: exactly the odd classes, so that the
 * word loop tests one bit per byte. */
typedef char tg_assert_word_classes_odd[((TG_CLS_WORD & TG_CLS_HANGUL & TG_CLS_CONT & 1) &&
                                         !((TG_CLS_SEP | TG_CLS_GLUED | TG_CLS_BREAK) & 1))
                                            ? 1
                                            : -1];

static inline int tg_topic_in_word(uint8_t cls)
{
    return cls & 1;
}

/* Whether a byte of class @p cls starts a word: WORD or HANGUL, not a
 * continuation byte (odd too) of a code point that is no letter. */
static inline int tg_topic_starts_word(uint8_t cls)
{
    return (cls & 0xFD) == TG_CLS_WORD;
}

/* Whether the @p len bytes at @p s are all ASCII digits (a number is no
 * feature); most words are settled by their first byte. */
static inline int tg_topic_number(const char *s, size_t len)
{
    if ((unsigned char)(s[0] - '0') >= 10) {
        return 0;
    }
    for (size_t i = 1; i < len; i++) {
        if ((unsigned char)(s[i] - '0') >= 10) {
            return 0;
        }
    }
    return 1;
}

/* Whether the model sees the word of @p len bytes at @p s: two to
 * TG_TOPIC_MAX_WORD bytes, not all digits. */
static inline int tg_topic_keeps(const char *s, size_t len)
{
    return len >= 2 && len <= TG_TOPIC_MAX_WORD && !tg_topic_number(s, len);
}

/* End of the word whose bytes go on at least to @p k - 1: the first byte
 * from @p k of an even class, found eight class bytes at a time (the low
 * bit of each, the first set one by counting trailing zeros: the hosts are
 * little-endian, model_file.h).  cls[len] is TG_CLS_BREAK, so the search
 * stops there. */
static inline size_t tg_topic_word_end(const uint8_t *cls, size_t k, size_t len)
{
    for (; k + 8 <= len + 1; k += 8) {
        uint64_t v;
        memcpy(&v, cls + k, 8);
        uint64_t ends = ~v & 0x0101010101010101ull;
        if (ends) {
#ifdef __GNUC__
            return k + (size_t)__builtin_ctzll(ends) / 8;
#else
            while (tg_topic_in_word(cls[k])) {
                k++;
            }
            return k;
#endif
        }
    }
    while (tg_topic_in_word(cls[k])) {
        k++;
    }
    return k;
}

/* Finds the next word of the normalised text @p n that starts before
 * @p limit (n->len: any) from where @p cur says, stores it in @p w and
 * moves @p cur on; returns 0 when there is none (@p cur then at @p limit).
 * A word's end is found eight class bytes at a time and it is hashed eight
 * text bytes at a time (the normalised text is padded, TG_NORM_PAD, so
 * loads past the word stay inside it); it is stored with whether it makes
 * a pair with the word seen before it, which must have been kept.  Inline:
 * the scorer runs it for every word of a text the scan has not hashed, and
 * probes each word as it is found (its cost: topic_features.c). */
static inline int tg_topic_next_word(const tg_norm_t *n, tg_tword_cursor_t *cur, tg_tword_t *w,
                                     size_t limit)
{
    const char *t = n->text;
    const uint8_t *cls = n->cls;
    const size_t len = n->len;
    size_t k = cur->pos;
    int joinable = cur->joinable;
    for (;;) {
        while (k < limit && !tg_topic_starts_word(cls[k])) {
            k++; /* most gaps are one space: a byte at a time is fastest */
        }
        if (k >= limit) {
            cur->pos = k;
            cur->joinable = joinable;
            return 0;
        }
        size_t start = k;
        k = tg_topic_word_end(cls, start + 1, len);
        size_t wlen = k - start;
        k += k < len; /* the byte after a word starts none */
        if (!tg_topic_keeps(t + start, wlen)) {
            joinable = 0; /* no pair spans a dropped word */
            continue;
        }
        unsigned cut = cur->cut_plurals && tg_topic_key_cut(t + start, wlen);
        w->hash = tg_hash64_final(tg_fw_hash_padded((const uint8_t *)t + start, wlen - cut));
        w->start = (uint32_t)start;
        w->len = (uint16_t)wlen;
        w->cut = (uint8_t)cut;
        w->joins = (uint8_t)joinable;
        cur->pos = k;
        cur->joinable = 1;
        return 1;
    }
}

/* Takes the word of @p len bytes at normalised offset @p start of @p n,
 * whose tg_fw_hash_padded() is @p raw, as tg_topic_next_word() would have
 * found it next (the scan found and hashed it: tg_scan_word_t): stores it
 * in @p w and moves @p cur past it; returns 0 when the model does not see
 * it.  A word whose key is cut is hashed again without its last byte. */
static inline int tg_topic_take_word(const tg_norm_t *n, tg_tword_cursor_t *cur, size_t start,
                                     size_t len, uint64_t raw, tg_tword_t *w)
{
    size_t end = start + len;
    cur->pos = end + (end < n->len);
    const char *s = n->text + start;
    if (!tg_topic_keeps(s, len)) {
        cur->joinable = 0;
        return 0;
    }
    unsigned cut = cur->cut_plurals && tg_topic_key_cut(s, len);
    w->hash = tg_hash64_final(cut ? tg_fw_hash_padded((const uint8_t *)s, len - 1) : raw);
    w->start = (uint32_t)start;
    w->len = (uint16_t)len;
    w->cut = (uint8_t)cut;
    w->joins = (uint8_t)cur->joinable;
    cur->joinable = 1;
    return 1;
}

/* Most words tg_topic_word_list can find in @p n: each has two bytes and a
 * separator after it, but the last. */
static inline size_t tg_topic_max_words(const tg_norm_t *n)
{
    return n->len / 3 + 1;
}

/* Stores in @p out the next words of the normalised text @p n, at most
 * @p cap, from where @p cur says, and moves @p cur on; returns how many
 * (0: the text is done): tg_topic_next_word in a loop, for the trainer
 * (tg_topic_words) and the tests; the scorer calls tg_topic_next_word
 * itself. */
size_t tg_topic_word_list(const tg_norm_t *n, tg_tword_cursor_t *cur, tg_tword_t *out,
                          size_t cap);

/* Calls @p fn for each word and word pair of the normalised text @p n, in
 * text order, with tg_topic_hash (FNV) hashes, keyed as a model of version
 * 3 keys them with @p cut_plurals (tg_topic_key_cut): the trainer's way in;
 * stops at the first negative return and returns it.  Sets @p *n_words to
 * the number of words. */
int tg_topic_words(const tg_norm_t *n, int cut_plurals, tg_tkey_fn fn, void *ctx,
                   size_t *n_words);

/* Calls @p fn for each entity feature of the result @p r: with @p ids, the
 * entities' own ("@KP") too, else only their counts. */
int tg_topic_entities(const tagger_result_t *r, bool ids, tg_tkey_fn fn, void *ctx);

/* Whether @p m has features of entities' ids ("@KP"), not only of their
 * counts: a model trained with tagger_train_options_t.entity_ids. */
bool tg_topic_has_id_features(const tg_topics_t *m);

/* 1 / sqrt(n_words): the length factor of a text's word values. */
double tg_topic_norm(size_t n_words);

/* Value of a word or pair feature seen @p tf times in a text whose length
 * factor is @p norm (tg_topic_norm). */
static inline double tg_topic_value(uint32_t tf, double norm)
{
    return (tf > 1 ? 1.0 + log((double)tf) : 1.0) * norm;
}

/* Whether the normalised key @p n is a word or a word pair as
 * tg_topic_words() produces them (with @p cut_plurals, no word of it ends
 * in an "s" that tg_topic_key_cut would leave off). */
int tg_topic_key_ok(const tg_norm_t *n, int cut_plurals);

#endif /* TG_TOPIC_FEATURES_H */
