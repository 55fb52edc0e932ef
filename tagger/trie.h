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
 * Beside the trie, a bitset of the first words of keys lets the scan skip
 * most words of running text without touching the trie at all, which is
 * where its cache misses are: a word is the leading run of ASCII letters
 * and digits of a key ("north" of "north korea", "u" of "u.s.").  At a text
 * position whose run of ASCII letters and digits is followed by another
 * ASCII byte, a key can only match if its own first word is that run
 * (tg_trie_first_word() states why), so an unset bit rules the position out.
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
    const uint64_t *first_words;   /* bitset, a power of two of 64-bit words */
    size_t n_first_words;
    bool owned;                    /* arrays malloc'ed by tg_trie_build() */
} tg_trie_t;

/* Whether byte @p c is an ASCII letter or digit. */
static inline bool tg_trie_ascii_alnum(uint8_t c)
{
    return (uint8_t)((c | 0x20) - 'a') < 26 || (uint8_t)(c - '0') < 10;
}

/* Bit of the first word @p w of @p len bytes in a bitset of @p n_words. */
static inline size_t tg_trie_first_word_bit(const uint8_t *w, size_t len, size_t n_words)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < len; i++) {
        h = (h ^ w[i]) * 16777619u;
    }
    h *= 0x9E3779B1u; /* spread the low bits */
    return (size_t)h & (n_words * 64 - 1);
}

/* Whether a key may start with the word @p w (@p len bytes of ASCII letters
 * and digits, followed in the text by an ASCII byte that is not one).  Why
 * "no" is safe: a key K matching there either ends inside the run, which
 * the word-boundary rule forbids (its last letter would touch the next
 * one), ends exactly at its end (then K is the run), or goes past it (then
 * K's next byte is the text's non-alnum ASCII byte).  Either way K's first
 * word is the run, and its bit was set when the trie was built. */
static inline bool tg_trie_first_word(const tg_trie_t *t, const uint8_t *w, size_t len)
{
    size_t bit = tg_trie_first_word_bit(w, len, t->n_first_words);
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
