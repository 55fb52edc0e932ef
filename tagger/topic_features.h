/*
 * topic_features.h - what the topic model sees of a document.  Training and
 * scoring both go through these functions, so a model always meets the
 * features it was trained on.
 *
 *  - words: runs of letters and digits of the normalised text (the same
 *    normalisation as the gazetteers: case folded, diacritics removed), of
 *    two to 64 bytes, not all digits;
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
#include <stddef.h>
#include <stdint.h>

#include "normalize.h"
#include "tagger.h"

#define TG_TOPIC_MAX_WORD 64

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
 * half of a pair), found by tg_topic_word_list. */
typedef struct {
    uint64_t hash;  /* tg_topic_hash64 of its bytes */
    uint32_t start; /* normalised offset; it ends at start + len */
    uint16_t len;   /* 2 to TG_TOPIC_MAX_WORD */
    uint16_t joins; /* 1: the word before it was kept, and no dropped word lies between:
                       the two make a pair if only spaces and hyphens separate them
                       (tg_topic_joins) */
} tg_tword_t;

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

/* Where tg_topic_word_list goes on from; start with all zero. */
typedef struct {
    size_t pos;      /* normalised offset */
    int joinable;    /* the last word seen was kept: the next may pair with it */
} tg_tword_cursor_t;

/* Most words tg_topic_word_list can find in @p n: each has two bytes and a
 * separator after it, but the last. */
static inline size_t tg_topic_max_words(const tg_norm_t *n)
{
    return n->len / 3 + 1;
}

/* Stores in @p out the next words of the normalised text @p n, at most
 * @p cap, from where @p cur says, and moves @p cur on; returns how many
 * (0: the text is done).  The scorer's word loop (its cost:
 * topic_features.c). */
size_t tg_topic_word_list(const tg_norm_t *n, tg_tword_cursor_t *cur, tg_tword_t *out,
                          size_t cap);

/* Calls @p fn for each word and word pair of the normalised text @p n, in
 * text order, with tg_topic_hash (FNV) hashes: the trainer's way in; stops
 * at the first negative return and returns it.  Sets @p *n_words to the
 * number of words. */
int tg_topic_words(const tg_norm_t *n, tg_tkey_fn fn, void *ctx, size_t *n_words);

/* Calls @p fn for each entity feature of the result @p r. */
int tg_topic_entities(const tagger_result_t *r, tg_tkey_fn fn, void *ctx);

/* 1 / sqrt(n_words): the length factor of a text's word values. */
double tg_topic_norm(size_t n_words);

/* Value of a word or pair feature seen @p tf times in a text whose length
 * factor is @p norm (tg_topic_norm). */
static inline double tg_topic_value(uint32_t tf, double norm)
{
    return (tf > 1 ? 1.0 + log((double)tf) : 1.0) * norm;
}

/* Whether the normalised key @p n is a word or a word pair as
 * tg_topic_words() produces them. */
int tg_topic_key_ok(const tg_norm_t *n);

#endif /* TG_TOPIC_FEATURES_H */
