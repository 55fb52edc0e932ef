/*
 * topic_model.h - the keyword topic model in memory, and its text format.
 *
 * A model is a set of topics, each a logistic regression over document
 * features: score(t) = sigmoid(bias(t) + sum over features f of w(t,f) x(f)),
 * with x(f) as topic_features.h defines it.  In memory it is flat arrays
 * and a string pool, indexed by a hash table over feature keys, so that it
 * can be stored in a compiled model file and used in place like the
 * gazetteers.  The scorer does not probe that table but a denser one built
 * on loading (tg_topics_index, well under a millisecond): 16-byte slots
 * holding the key's 64-bit hash (tg_topic_hash64, trusted without comparing
 * the key) with its length mixed in, the feature's index and flags, and
 * where its run of weights starts, at 1.5 to 3 slots a feature (128 KiB
 * for the default model, against 256 KiB of 8-byte slots at 4 to 8 a
 * feature plus the 20-byte feature records), behind an 8 KiB filter of key
 * hashes that turns most unknown words and pairs away in L1.  A run (the
 * topics the feature has weights for, their number, the postings) is all
 * the scorer reads of a touched feature: one or two cache lines, against
 * the feature record and the postings apart (a third fewer misses there).
 * Being derived, both can change without changing the compiled model
 * format.
 *
 * The text format (models/README.md describes it for users), one record per
 * line, TAB-separated, `#` comments and blank lines ignored:
 *
 *     tagger-topic-model  3                          first line: magic, version
 *     threshold  0.35                                optional: output cut-off
 *     topic  medtop:20000638  medtop:11000000  -2.5  international relations
 *     feature  diplomatic  1.83                      a feature of the last topic
 *     ...
 *     end  28  8400                                  last line: the number of
 *                                                    topic and feature lines
 *
 * A topic line gives qcode, parent qcode (`-` for a top-level topic), bias
 * and English label.  Feature keys are normalised on loading (words, and
 * word pairs separated by one space); keys starting with `@` are entity
 * features and are taken as written.  From version 3 a word is keyed
 * without a final plural "s" (tg_topic_key_cut), in training and scoring
 * alike, and a key whose word ends in one is refused.
 *
 * The end line (version 2 and later) is how a loader tells a whole model
 * from one cut at a line end (a partial download, a full disk), which would
 * otherwise read as a smaller model: such a file without it, with counts that
 * are not those of its lines, or with anything but blank lines after it is
 * refused.  Version 1 files, which have no end line, are still read as
 * before, and cannot be checked so.
 */
#ifndef TG_TOPIC_MODEL_H
#define TG_TOPIC_MODEL_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "internal.h"
#include "trie.h"

#define TG_TOPIC_MAGIC "tagger-topic-model"
/* The format version written; TG_TOPIC_VERSION_MIN and later are read.
 * Version 3 keys words without a final plural "s" (tg_topic_key_cut). */
#define TG_TOPIC_VERSION 3
#define TG_TOPIC_VERSION_MIN 1
/* Default output cut-off on a topic's score. */
#define TG_TOPIC_THRESHOLD 0.35

/* A topic's score from its sum, bias + w x. */
static inline double tg_topic_sigmoid(double sum)
{
    return 1.0 / (1.0 + exp(-sum));
}

typedef struct {
    uint32_t qcode;  /* pool offsets */
    uint32_t label;
    uint32_t parent; /* topic index, or TG_NONE for a top-level topic */
    uint32_t depth;  /* 0 for a top-level topic */
    float bias;
} tg_topic_t;

typedef struct {
    uint32_t key;     /* pool offset of the normalised key */
    uint32_t key_len;
    uint32_t first;   /* its weights: postings [first, first + n) */
    uint32_t n;       /* 0: not a feature, only the first word of pairs */
    uint32_t starts_pair; /* some word pair feature starts with this word */
} tg_tfeature_t;

typedef struct {
    uint32_t topic;
    float weight;
} tg_posting_t;

/* A slot of the feature hash table.  The key's hash is kept beside its
 * index, so that the common case, a word the model does not know, is
 * settled in the slot array without touching the features or the pool. */
typedef struct {
    uint32_t hash;
    uint32_t feature; /* TG_NONE: empty */
} tg_tslot_t;

/* An element of the scorer's run of a feature (tg_topics_index): the set of
 * topics it has weights for, how many, then its postings, so that the
 * scorer finds all it needs of a touched feature in one place. */
typedef union tg_tweight {
    uint64_t topics;      /* element 0: bit t for each topic t (every bit for a topic past 63) */
    uint64_t n;           /* element 1: how many postings follow */
    tg_posting_t posting; /* elements 2 to n + 1 */
} tg_tweight_t;

/* A slot of the scorer's table (tg_topics_index): what a probe for a word
 * needs, in one 16-byte record.  The key itself is not there: a probe
 * trusts the 64-bit hash and the length (see tg_topic_hash64), both in
 * tg_topic_probe_key. */
typedef struct {
    uint64_t key;     /* tg_topic_probe_key of the key's hash and length */
    uint32_t feature; /* the feature's index, TG_PROBE_* in the top bits */
    uint32_t run;     /* where its run starts in weights; TG_NONE: an empty slot */
} tg_tprobe_t;

#define TG_PROBE_WEIGHTS (1u << 31) /* the feature has weights (not only a pair start) */
#define TG_PROBE_PAIRS (1u << 30)   /* some pair feature starts with this word */
#define TG_PROBE_FEATURE (TG_PROBE_PAIRS - 1u) /* the bits of the feature's index */
#define TG_PROBE_FILTER_BITS 16 /* 8 KiB: stays in the L1 cache */

typedef struct tg_topics {
    char *pool;
    size_t pool_len;
    tg_topic_t *topics;         /* in the order of the file */
    size_t n_topics;
    tg_tfeature_t *features;
    size_t n_features;
    tg_posting_t *postings;     /* grouped by feature */
    size_t n_postings;
    tg_tslot_t *slots;          /* hash table over the feature keys */
    size_t n_slots;             /* a power of two, at least twice n_features */
    tg_tprobe_t *probe;         /* the scorer's table (tg_topics_index) */
    size_t n_probe;             /* its slots: a power of two, one free at least */
    uint32_t probe_shift;       /* slot of 64-bit hash h: h >> probe_shift */
    uint64_t *filter;           /* bit h & (2^TG_PROBE_FILTER_BITS - 1) set for each key */
    tg_tweight_t *weights;      /* the scorer's runs, one per feature, 64-byte aligned, so
                                   that a touched feature's weights are in one place */
    size_t n_weights;
    double threshold;
    uint32_t cut_plurals;       /* 1 from format version 3: word keys leave off a final
                                   plural "s" (tg_topic_key_cut) */
    char *json;                 /* each topic's fixed JSON, escaped (tg_topics_json_init) */
    uint32_t *json_at;          /* per topic, TG_TJ_PARTS + 1 offsets into json */
    int owned;                  /* the arrays are malloc'ed (parsed), not in a model file */
    int index_owned;            /* probe, filter and weights are malloc'ed (built by
                                   tg_topics_index), not in a model file */
} tg_topics_t;

/* The parts of a topic's JSON that are the same in every result, written
 * once when a model is loaded: the output copies them. */
enum {
    TG_TJ_HEAD,  /* {"id":"...","label":"...","score": */
    TG_TJ_PATH,  /* ,"path":[...],"evidence": */
    TG_TJ_ID,    /* "..." (the id as a JSON string, for facet_ids) */
    TG_TJ_LABEL, /* "..." (the label, for facets) */
    TG_TJ_PARTS
};

/* Builds m->json and m->json_at (json_out.c, which owns the format);
 * TAGGER_OK or TAGGER_ERR_NOMEM. */
int tg_topics_json_init(tg_topics_t *m);

/* Whether @p len bytes of @p data look like a topic model (its magic line). */
int tg_topics_is_model(const char *data, size_t len);

/* Builds m->probe, m->filter and m->weights from the features;
 * TAGGER_ERR_NOMEM. */
int tg_topics_index(tg_topics_t *m);

/* Parses a model; bad lines are reported in @p err with @p path and their
 * line, and make the whole model fail with TAGGER_ERR_SYNTAX. */
int tg_topics_parse(const char *path, const char *data, size_t len, tg_topics_t **out,
                    tagger_error_t **err);

void tg_topics_free(tg_topics_t *m);

/* FNV-1a over @p len bytes, continuing from @p h (start with TG_HASH_INIT). */
#define TG_HASH_INIT 2166136261u
static inline uint32_t tg_topic_hash_byte(uint32_t h, char c)
{
    return (h ^ (uint8_t)c) * 16777619u;
}

static inline uint32_t tg_topic_hash(uint32_t h, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        h = tg_topic_hash_byte(h, s[i]);
    }
    return h;
}

/* Index of the feature with normalised key @p key of @p len bytes and hash
 * @p hash (tg_topic_hash), or TG_NONE.  Inline: the scorer calls it for
 * every word of a text. */
static inline uint32_t tg_topics_find(const tg_topics_t *m, const char *key, size_t len,
                                      uint32_t hash)
{
    if (!m->n_features) {
        return TG_NONE;
    }
    size_t mask = m->n_slots - 1;
    for (size_t k = hash & mask;; k = (k + 1) & mask) {
        uint32_t i = m->slots[k].feature;
        if (i == TG_NONE) {
            return TG_NONE;
        }
        if (m->slots[k].hash == hash) {
            const tg_tfeature_t *f = &m->features[i];
            if (f->key_len == len && memcmp(m->pool + f->key, key, len) == 0) {
                return i;
            }
        }
    }
}

/*
 * The scorer's hash of a key, 64 bits, built for the word loop: a word is
 * read 8 bytes at a time (an unaligned load, the bytes past its end masked
 * off) and each chunk costs a multiply and a shift.  A pair's hash combines
 * those of its two words, so that the scorer hashes each word of a text once
 * and never the pair's bytes.  The probe table trusts hash and length and
 * does not compare the key: two keys of a length colliding in 64 bits
 * (about 1 in 2^64 per pair of keys, so ~1e-10 over the ~1e9 distinct words
 * a lifetime of news holds, against ~40k features) is as rare as the name
 * model already accepts.  A key of one chunk (8 bytes or less, most words)
 * cannot collide with another of its length at all: each step is a
 * bijection.  The table is built on loading from the pool's strings, so
 * this function is free to change; the compiled model file and the
 * trainer use tg_topic_hash, FNV, which it does not touch.
 */
/* The last step: a bijection, so it makes no collisions, only spreads the
 * bits that the slot index (top bits) and the filter (low bits) take. */
static inline uint64_t tg_hash64_final(uint64_t h)
{
    h *= 0xFF51AFD7ED558CCDull;
    return h ^ (h >> 32);
}

/* Hash of the @p len bytes at @p s: the scan's word hash (trie.h,
 * tg_fw_hash), finished by tg_hash64_final.  The word list of a text hashes
 * its words with tg_fw_hash_padded, which gives the same value. */
static inline uint64_t tg_topic_hash64(const char *s, size_t len)
{
    return tg_hash64_final(tg_fw_hash((const uint8_t *)s, len));
}

/* Hash of the pair "first second", from the hashes of its words. */
static inline uint64_t tg_topic_pair_hash64(uint64_t first, uint64_t second)
{
    return tg_hash64_final(first * TG_FW_MUL + (second ^ (second >> 31)));
}

/* Hash of any key: a pair (two parts split at the first space) by its
 * words, as the scorer sees it; reads only the key's bytes. */
static inline uint64_t tg_topic_key_hash64(const char *key, size_t len)
{
    const char *space = memchr(key, ' ', len);
    if (!space) {
        return tg_topic_hash64(key, len);
    }
    size_t first = (size_t)(space - key);
    const char *second = space + 1;
    return tg_topic_pair_hash64(tg_topic_hash64(key, first),
                                tg_topic_hash64(second, len - first - 1));
}

/* What a probe slot holds of a key of hash @p hash and @p len bytes: the
 * length mixed in by a bijection of it (an odd multiple), so that two keys
 * match only when hash and length do, but by chance (2^-64). */
static inline uint64_t tg_topic_probe_key(uint64_t hash, size_t len)
{
    return hash ^ (uint64_t)len * 0x9E3779B97F4A7C15ull;
}

/* The scorer's probe, by the table's parts (a caller may keep them in
 * registers): the slot of @p probe, a table of 2^(64 - @p shift) slots
 * behind the filter @p filter, whose key has @p len bytes and the hash
 * @p hash, or NULL. */
static inline const tg_tprobe_t *tg_probe_find(const uint64_t *filter, const tg_tprobe_t *probe,
                                               uint32_t shift, size_t len, uint64_t hash)
{
    uint32_t bit = (uint32_t)hash & ((1u << TG_PROBE_FILTER_BITS) - 1);
    if (!((filter[bit >> 6] >> (bit & 63)) & 1)) {
        return NULL;
    }
    size_t mask = ((size_t)1 << (64 - shift)) - 1;
    uint64_t key = tg_topic_probe_key(hash, len);
    for (size_t k = (size_t)(hash >> shift);; k = (k + 1) & mask) {
        const tg_tprobe_t *p = &probe[k];
        if (p->run == TG_NONE) {
            return NULL;
        }
        if (p->key == key) {
            return p;
        }
    }
}

/* The scorer's probe: the slot of the feature whose key has @p len bytes
 * and the hash @p hash (tg_topic_hash64 of a word, tg_topic_pair_hash64 of
 * a pair, tg_topic_key_hash64 of any key), or NULL.  A key the model does
 * not have is most often settled by the filter, one bit in L1, without a
 * probe. */
static inline const tg_tprobe_t *tg_topics_probe(const tg_topics_t *m, size_t len, uint64_t hash)
{
    return tg_probe_find(m->filter, m->probe, m->probe_shift, len, hash);
}

static inline const char *tg_topic_str(const tg_topics_t *m, uint32_t off)
{
    return m->pool + off;
}

#endif /* TG_TOPIC_MODEL_H */
