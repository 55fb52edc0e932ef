/*
 * trie.h - a double-array byte trie over normalised alias keys.
 *
 * Layout (trie.c has the construction): one array of 8-byte units.  The
 * child of node s along byte b is t = base(s) + b + 1 when units[t].check
 * equals s; code 0 is reserved for "a key ends here", so the key index of a
 * terminal node s is units[base(s)].base.  A flag bit in base(s) says
 * whether s is terminal, so the scan loop tests it without touching the
 * terminal unit.  A step is one unit read at a computed address: no search,
 * one cache line.  The array ends with TG_TRIE_PAD spare units, so that
 * base + 256 is always in range and tg_trie_step() needs no bound check
 * (tg_trie_validate() checks this for tries loaded from a file).
 *
 * Beside the trie, bitsets of the first words of keys let the scan skip
 * most words of running text without touching the trie at all, which is
 * where its cache misses are.  A word is a run of ASCII letters and digits;
 * a key's first word is its leading run ("north" of "north korea", "u" of
 * "u.s."), its first pair the key up to the end of its second word when
 * only ASCII separates the two ("north korea", "u.s").  Three sets, hashed
 * with different seeds into one bitset (a Bloom filter of one hash each,
 * about 10 bits per key, so that it stays in cache):
 *
 *   TG_FW_ANY    first words of all keys
 *   TG_FW_ALONE  first words of keys that have no second word ("korea", "u.")
 *   TG_FW_PAIR   first pairs
 *
 * At a text position whose word is followed by an ASCII byte, a key can only
 * match if its first word is that word; if, after ASCII separators, a second
 * word follows (itself followed by an ASCII byte), the key must moreover be
 * a one-word key or have that pair as its first pair (tg_trie_first_word()
 * states why).  "the" starts keys ("the hague"), so it passes the first
 * test, but "the company" fails the second: most words never reach the trie.
 *
 * Every array is flat and free of pointers: a compiled model file holds the
 * units, the key table and the bitset as they are used here.
 */
#ifndef TG_TRIE_H
#define TG_TRIE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TG_TRIE_NONE UINT32_MAX
#define TG_TRIE_TERMINAL 0x80000000u /* in base: a key ends at this node */
#define TG_TRIE_BASE_MASK 0x7FFFFFFFu
#define TG_TRIE_PAD 257u              /* spare units after the last used one */

typedef struct {
    uint32_t base;  /* first child slot minus 1 (| TG_TRIE_TERMINAL); in a
                       terminal unit: the key index */
    uint32_t check; /* parent node, TG_TRIE_NONE for a free unit and the root */
} tg_trie_unit_t;

/* What a key carries: its run of alias records. */
typedef struct {
    uint32_t alias_first;
    uint32_t n_alias;
} tg_trie_value_t;

typedef struct {
    const tg_trie_unit_t *units; /* units[0] is the root */
    size_t n_units;
    const tg_trie_value_t *values; /* per key, in key order */
    size_t n_keys;
    const uint64_t *first_words;   /* the TG_FW_* sets, sharing one bitset */
    size_t n_first_words;          /* its 64-bit words, a power of two */
    bool owned;                    /* arrays malloc'ed by tg_trie_build() */
} tg_trie_t;

/* Whether byte @p c is an ASCII letter or digit. */
static inline bool tg_trie_ascii_alnum(uint8_t c)
{
    return (uint8_t)((c | 0x20) - 'a') < 26 || (uint8_t)(c - '0') < 10;
}

/* The hash of the first-word sets, a byte at a time, so that the scan can
 * hash a word while it finds its end: tg_trie_fw_start(), tg_trie_fw_add()
 * per byte, then tg_trie_fw_bit() (FNV-1a, one seed per set, then a
 * multiplication that spreads the low bits).  The bitset of a compiled
 * model was filled with it: changing it changes the model format. */
static inline uint32_t tg_trie_fw_start(int set)
{
    return 2166136261u ^ ((uint32_t)set * 0x5bd1e995u);
}

static inline uint32_t tg_trie_fw_add(uint32_t h, uint8_t byte)
{
    return (h ^ byte) * 16777619u;
}

/* Bit of hash @p h in a bitset of @p n_words words. */
static inline size_t tg_trie_fw_bit(uint32_t h, size_t n_words)
{
    h *= 0x9E3779B1u;
    return (size_t)h & (n_words * 64 - 1);
}

/* Bit of @p len bytes at @p w, for set @p set (TG_FW_*), in a bitset of
 * @p n_words words. */
static inline size_t tg_trie_first_word_bit(int set, const uint8_t *w, size_t len,
                                            size_t n_words)
{
    uint32_t h = tg_trie_fw_start(set);
    for (size_t i = 0; i < len; i++) {
        h = tg_trie_fw_add(h, w[i]);
    }
    return tg_trie_fw_bit(h, n_words);
}

enum { TG_FW_ANY = 0, TG_FW_ALONE = 1, TG_FW_PAIR = 2 };

/* Whether bitset @p set holds the @p len bytes at @p w.
 *
 * Why a "no" is safe.  Say the text has word W at i, followed by an ASCII
 * byte that is no letter or digit, and key K matches at i.  K cannot end
 * inside W: the word-boundary rule forbids a match whose last letter
 * touches the next one.  So K either is W, or continues with the text's
 * next byte, not a letter or digit: K's first word is W (TG_FW_ANY).  If
 * the text goes on, after ASCII separators S, with a word V followed by an
 * ASCII byte: either K stops before V (K is W plus part of S: a key
 * without a second word, TG_FW_ALONE), or K continues into V, and then by
 * the same argument past all of V, so K's first pair is W S V
 * (TG_FW_PAIR).  Bytes are compared after normalisation, on both sides. */
static inline bool tg_trie_first_word(const tg_trie_t *t, int set, const uint8_t *w, size_t len)
{
    size_t bit = tg_trie_first_word_bit(set, w, len, t->n_first_words);
    return (t->first_words[bit / 64] >> (bit % 64)) & 1u;
}

/* The same test, for a hash made with tg_trie_fw_start() and _add(). */
static inline bool tg_trie_fw_has(const tg_trie_t *t, uint32_t h)
{
    size_t bit = tg_trie_fw_bit(h, t->n_first_words);
    return (t->first_words[bit / 64] >> (bit % 64)) & 1u;
}

/* One key for tg_trie_build(). */
typedef struct {
    const char *key;
    size_t len;
    uint32_t alias_first;
    uint16_t n_alias;
} tg_trie_key_t;

/* Builds @p t from @p n keys sorted by bytes (shorter first on a shared
 * prefix) and unique.  Returns 0 or TAGGER_ERR_NOMEM (@p t is then empty). */
int tg_trie_build(tg_trie_t *t, const tg_trie_key_t *keys, size_t n);

/* Frees the arrays of @p t when it owns them; leaves @p t empty. */
void tg_trie_free(tg_trie_t *t);

/* Checks a trie that was not built here (a loaded file): every base leaves
 * room for 257 codes, every terminal points at a key, every key's alias run
 * lies within @p n_aliases, the first-word bitset has a power-of-two size.  Returns NULL, or static text saying what is
 * wrong; @p *where receives the unit or key index at fault. */
const char *tg_trie_validate(const tg_trie_t *t, size_t n_aliases, size_t *where);

/* Child of @p node along @p byte, or TG_TRIE_NONE. */
static inline uint32_t tg_trie_step(const tg_trie_t *t, uint32_t node, uint8_t byte)
{
    uint32_t next = (t->units[node].base & TG_TRIE_BASE_MASK) + byte + 1u;
    return t->units[next].check == node ? next : TG_TRIE_NONE;
}

/* Whether a key ends at @p node. */
static inline bool tg_trie_is_key(const tg_trie_t *t, uint32_t node)
{
    return (t->units[node].base & TG_TRIE_TERMINAL) != 0;
}

/* The value of the key ending at @p node (tg_trie_is_key() must hold). */
static inline const tg_trie_value_t *tg_trie_value(const tg_trie_t *t, uint32_t node)
{
    uint32_t term = t->units[node].base & TG_TRIE_BASE_MASK;
    return &t->values[t->units[term].base];
}

#endif /* TG_TRIE_H */
