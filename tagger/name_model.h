/*
 * name_model.h - the learned model of the name recognizer (recognize.c):
 * weights of an averaged perceptron over word features, and a first-name
 * list, read from a text file (models/names.model, made by
 * scripts/train-names).
 *
 * Text format, one record per line, TAB-separated, `#` comments and blank
 * lines ignored:
 *
 *     tagger-name-model  2                  first line: magic, version
 *     labels  O  B-PER  I-PER  ...          the labels, exactly TG_NAMES_LABELS
 *     first  aaron                          a first name, lower case
 *     common  stance                        a word mostly written in lower case
 *     f  pww the clinton  -1.2 3.4 ...      a feature (parts separated by
 *                                           spaces) and one weight per label
 *     end  60224  8422  9437                last line: the number of f, first
 *                                           and common lines
 *
 * The end line (version 2) tells a whole model from one cut at a line end,
 * which would otherwise read as a smaller model: a version 2 file without
 * it, with counts other than those of its lines, or with anything but
 * blank lines after it is refused.  Version 1 (no end line) is still read,
 * and cannot be checked so.
 *
 * In memory: open-addressing hash tables keyed by 64-bit hashes: FNV-1a of
 * a name or word, and for a feature its parts' FNV-1a hashes combined with
 * tg_names_mix().  Keys are not stored: with some 10^5
 * features a collision of 64-bit hashes is a one in 10^9 event, and its cost
 * would be one slightly wrong weight.
 */
#ifndef TG_NAME_MODEL_H
#define TG_NAME_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "internal.h"

#define TG_NAMES_MAGIC "tagger-name-model"
/* The format version written; versions 1 to this one are read. */
#define TG_NAMES_VERSION 2

/* The labels, in the order of the model's weights. */
enum {
    TG_NL_O,
    TG_NL_B_PER,
    TG_NL_I_PER,
    TG_NL_B_ORG,
    TG_NL_I_ORG,
    TG_NL_B_LOC,
    TG_NL_I_LOC,
    TG_NL_B_MISC,
    TG_NL_I_MISC,
    TG_NAMES_N_LABELS
};

/* "O B-PER I-PER B-ORG I-ORG B-LOC I-LOC B-MISC I-MISC", TAB-separated. */
extern const char *const tg_names_labels[TG_NAMES_N_LABELS];

typedef struct tg_names tg_names_t;

/* Whether @p data starts with the name model's magic line. */
bool tg_names_is_model(const char *data, size_t len);

/* Reads a model.  Every bad line is reported in @p err (path, line, field)
 * and fails the parse with TAGGER_ERR_SYNTAX; a model is taken whole or not
 * at all.  Returns 0, TAGGER_ERR_SYNTAX or TAGGER_ERR_NOMEM; *out is NULL on
 * error. */
int tg_names_parse(const char *path, const char *data, size_t len, tg_names_t **out,
                   tagger_error_t **err);

/* Frees a model; accepts NULL. */
void tg_names_free(tg_names_t *m);

/* 64-bit FNV-1a of @p len bytes, continuing from @p h (start with
 * TG_NAMES_HASH_INIT), so a feature can be hashed in pieces. */
#define TG_NAMES_HASH_INIT 14695981039346656037ull
static inline uint64_t tg_names_hash(uint64_t h, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

/* Combines the hash of a feature so far with the hash of its next part:
 * the key of "pww the clinton" is mix(mix(hash("pww"), hash("the")),
 * hash("clinton")), so the recognizer hashes each word once and makes every
 * feature of it with a few multiplications. */
static inline uint64_t tg_names_mix(uint64_t h, uint64_t part)
{
    return (h ^ (part + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2))) * 0xff51afd7ed558ccdull;
}

/* tg_names_mix() for a hash @p h that is mixed with many parts (a
 * feature's name): what depends on h alone is added up once, and each mix
 * (tg_names_mix_with()) is an addition, a xor and a multiplication.  The
 * same keys: the additions are modulo 2^64, in any order. */
typedef struct {
    uint64_t h, add;
} tg_names_mixer_t;

static inline tg_names_mixer_t tg_names_mixer(uint64_t h)
{
    return (tg_names_mixer_t){h, 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2)};
}

static inline uint64_t tg_names_mix_with(tg_names_mixer_t m, uint64_t part)
{
    return (m.h ^ (part + m.add)) * 0xff51afd7ed558ccdull;
}

/* Weights are kept in thousandths, as int16: scripts/train-names writes
 * them with three decimals at most, and |w| <= 16.521 in models/names.model,
 * so they are exact, and so are sums of them in int32 (a candidate sums a
 * few dozen), whatever the order.  A weight of another form (1e-05) is
 * rounded to the nearest thousandth; one beyond +-32.767 is an error. */
#define TG_NAMES_WEIGHT_MAX 32767

/* Adds the weights (thousandths) of the feature with hash @p h to @p scores
 * (one per label); a feature the model does not know adds nothing. */
void tg_names_add(const tg_names_t *m, uint64_t h, int32_t *scores);

/* tg_names_add() of the @p n features @p h. */
void tg_names_add_all(const tg_names_t *m, const uint64_t *h, size_t n, int32_t *scores);

/* Asks the cache for the table slots of the @p n features @p h, to be
 * looked up a little later; no effect but speed.  Most features of a word
 * are in the model, each in a slot of its own somewhere in megabytes:
 * fetched together, the cache misses overlap instead of coming one after
 * the other. */
void tg_names_prefetch(const tg_names_t *m, const uint64_t *h, size_t n);

/* Asks the cache for the first-name table's slot of hash @p h, to be
 * asked tg_names_first() a little later; no effect but speed. */
void tg_names_prefetch_first(const tg_names_t *m, uint64_t h);

/* Whether the lower-case word of hash @p h is a first name. */
bool tg_names_first(const tg_names_t *m, uint64_t h);

/* Whether the lower-case word of hash @p h is mostly written in lower case. */
bool tg_names_common(const tg_names_t *m, uint64_t h);

/* Adds the model's sections to a compiled model file (model_io.c). */
int tg_names_write(const tg_names_t *m, tg_model_writer_t *w);

/* Reads the name model of a compiled model file into @p *out (NULL when the
 * file has none), pointing into the file's bytes; with @p check, table
 * sizes are verified.  Returns 0, TAGGER_ERR_FORMAT or TAGGER_ERR_NOMEM. */
int tg_names_read(const tg_model_view_t *v, bool check, tg_names_t **out, tagger_error_t **err);

/* Number of features with weights, and of first names. */
size_t tg_names_n_features(const tg_names_t *m);
size_t tg_names_n_first(const tg_names_t *m);

#endif /* TG_NAME_MODEL_H */
