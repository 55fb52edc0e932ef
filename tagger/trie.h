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
 * only ASCII separates the two ("north korea", "u.s").  Three sets share
 * one bitset (a Bloom filter of one bit per entry, 16 bits per key, at most
 * 256 KiB for the default model), blocked by first word: the bits of a
 * word, of its ANY and ALONE entries and of every pair it starts, lie in
 * one 64-byte line chosen by the word's hash, so that testing a word costs
 * one cache miss at most (a test was two or three misses with one line per
 * entry, and those misses were about half of the scan's time):
 *
 *   TG_FW_ANY    first words of all keys
 *   TG_FW_ALONE  first words of keys that have no second word ("korea", "u.")
 *   TG_FW_PAIR   first pairs
 *
 * At a text position whose word is followed by an ASCII byte, a key can only
 * match if its first word is that word; if, after ASCII separators, a second
 * word follows (itself followed by an ASCII byte), the key must moreover be
 * a one-word key or have that pair as its first pair (tg_trie_first_word()
 * states why).  A line holds the pairs of one first word and of the other
 * words that land in it: "rep" starts ~380 pairs of the default model, so
 * its line is half full and "rep X" passes half the time (a trie walk
 * then says no); in Reuters text the blocking costs no measurable walks.  "the" starts keys ("the hague"), so it passes the first
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
#include <string.h>

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
    size_t n_first_words;          /* its 64-bit words, a power of two >= 8 */
    bool owned;                    /* arrays malloc'ed by tg_trie_build() */
} tg_trie_t;

/* Whether byte @p c is an ASCII letter or digit. */
static inline bool tg_trie_ascii_alnum(uint8_t c)
{
    return (uint8_t)((c | 0x20) - 'a') < 26 || (uint8_t)(c - '0') < 10;
}

/* The hash of the first-word sets (it fills the bitset of a compiled model:
 * changing it changes the model format).  A run of bytes is hashed 8 at a
 * time, as little-endian 64-bit chunks, the last one zero-padded, seeded
 * with its length: a word of up to 8 bytes costs one multiplication.  A
 * word is hashed once; the hash of a pair is made from the hashes of its
 * two words and of the separators between them. */
#define TG_FW_MUL 0x9E3779B97F4A7C15ull
#define TG_FW_SEED 0xC2B2AE3D27D4EB4Full

static inline uint64_t tg_fw_mix(uint64_t h, uint64_t chunk)
{
    h = (h ^ chunk) * TG_FW_MUL;
    return h ^ (h >> 32);
}

/* The 8 bytes at @p p as a little-endian number (model files are refused
 * by big-endian hosts, model_file.h). */
static inline uint64_t tg_fw_load8(const uint8_t *p)
{
    uint64_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

/* The low @p n bytes of a 64-bit chunk, n = 1 to 8: a table look-up is one
 * instruction where the shifts were four, twice for every word of a text. */
static const uint64_t tg_fw_low_bytes[9] = {
    0, 0xFFull, 0xFFFFull, 0xFFFFFFull, 0xFFFFFFFFull, 0xFFFFFFFFFFull, 0xFFFFFFFFFFFFull,
    0xFFFFFFFFFFFFFFull, 0xFFFFFFFFFFFFFFFFull};

/* Hash of the @p len (>= 1) bytes at @p p, which may read up to 7 bytes
 * past them: the scan's normalised text is padded for it (TG_NORM_PAD). */
static inline uint64_t tg_fw_hash_padded(const uint8_t *p, size_t len)
{
    uint64_t h = TG_FW_SEED * len;
    for (; len > 8; len -= 8, p += 8) {
        h = tg_fw_mix(h, tg_fw_load8(p));
    }
    return tg_fw_mix(h, tg_fw_load8(p) & tg_fw_low_bytes[len]);
}

/* The same hash, reading only the @p len bytes at @p p. */
static inline uint64_t tg_fw_hash(const uint8_t *p, size_t len)
{
    uint64_t h = TG_FW_SEED * len;
    for (; len > 8; len -= 8, p += 8) {
        h = tg_fw_mix(h, tg_fw_load8(p));
    }
    uint64_t last = 0;
    memcpy(&last, p, len);
    return tg_fw_mix(h, last);
}

/* Hash of a pair: first word, separators, second word. */
static inline uint64_t tg_fw_pair(uint64_t word, uint64_t sep, uint64_t next)
{
    return tg_fw_mix(tg_fw_mix(word ^ TG_FW_SEED, sep), next);
}

/* Where a hash lands in the bitset: the 64-bit word and the bit in it.
 * The bitset is blocked: one cache line (8 words) per hash, chosen by high
 * bits of the hash, so that the TG_FW_ANY and TG_FW_ALONE bits of a word
 * (two bits of the same line) cost one cache miss at most. */
static inline size_t tg_fw_line(uint64_t f, size_t n_words)
{
    return (size_t)(f >> 40) * 8 & (n_words - 8);
}

static inline bool tg_fw_bit_in(const uint64_t *line, uint64_t f, int shift)
{
    unsigned bit = (unsigned)(f >> shift) & 511u;
    return (line[bit / 64] >> (bit % 64)) & 1u;
}

enum { TG_FW_ANY = 0, TG_FW_ALONE = 1, TG_FW_PAIR = 2 };
/* Shift of the in-line bit of each set; TG_FW_PAIR shares ANY's position
 * (its hash is another). */
#define TG_FW_SHIFT_ANY 31
#define TG_FW_SHIFT_ALONE 22

/* Spreads a word or pair hash over all 64 bits before it is placed. */
static inline uint64_t tg_fw_final(uint64_t h)
{
    return h * TG_FW_SEED;
}

/* The cache line of word hash @p h (tg_fw_hash()) in @p t's bitset. */
static inline const uint64_t *tg_trie_fw_line(const tg_trie_t *t, uint64_t h)
{
    return t->first_words + tg_fw_line(tg_fw_final(h), t->n_first_words);
}

/* Whether the word of hash @p h, whose line is @p line, is in TG_FW_ANY. */
static inline bool tg_trie_fw_any(const uint64_t *line, uint64_t h)
{
    return tg_fw_bit_in(line, tg_fw_final(h), TG_FW_SHIFT_ANY);
}

/* Whether it is in TG_FW_ALONE. */
static inline bool tg_trie_fw_alone(const uint64_t *line, uint64_t h)
{
    return tg_fw_bit_in(line, tg_fw_final(h), TG_FW_SHIFT_ALONE);
}

/* Whether the pair of hash @p p (tg_fw_pair()) is in TG_FW_PAIR; @p line
 * is the line of its first word: a pair is kept in the same line, so that
 * the whole test of a word costs one cache miss at most. */
static inline bool tg_trie_fw_pair(const uint64_t *line, uint64_t p)
{
    return tg_fw_bit_in(line, tg_fw_final(p), TG_FW_SHIFT_ANY);
}

/* Whether bitset @p set holds the @p len bytes at @p w: a word for
 * TG_FW_ANY and TG_FW_ALONE, a pair "word, ASCII separators, word" for
 * TG_FW_PAIR (made of ASCII letters and digits and separators; anything
 * else is answered false).
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
bool tg_trie_first_word(const tg_trie_t *t, int set, const uint8_t *w, size_t len);

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
