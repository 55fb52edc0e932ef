/*
 * trie.c - building the double-array byte trie (layout in trie.h).
 *
 * Construction walks the sorted keys: a node covers the keys [lo, hi) that
 * share its first `depth` bytes; its codes are 0 when the first of them ends
 * there, then 1 + each distinct byte at `depth`.  The node gets the smallest
 * base (>= 1) for which base + code is free for all its codes ("first
 * fit").  The first BFS_DEPTH levels are placed breadth-first, so the nodes
 * every scan walks through are packed at the start of the array and stay in
 * cache; below them, depth-first, so that a key's nodes sit close together.
 *
 *        keys: "korea", "korean"       root(0) -k-> 1 -o-> 2 ... -a-> 5 -n-> 6
 *                                      5 and 6 are terminal: units[base(5)]
 *                                      and units[base(6)] hold key 0 and 1
 *
 * Free units are found through a bitmap of used units, scanned a 64-bit
 * word at a time from the lowest free unit.  Most nodes of a gazetteer trie
 * have a single code and take the first free unit; a wide node (the root)
 * may try several positions, and after FIT_TRIES failed positions it is put
 * past the highest used unit, where everything is free.  So the cost is
 * linear in the total key length, give or take that bounded search, and
 * 1M aliases build in about a second (docs/PERFORMANCE.md).
 *
 * The first-word bitsets (trie.h) are filled from the same keys.
 */
#include "trie.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define FIT_TRIES 256
/* Size of the first-word bitset (trie.h), in bits per key, rounded up to a
 * power of two (8 and 4 were tried: smaller is slower on Reuters). */
#ifndef TG_FW_BITS_PER_KEY
#define TG_FW_BITS_PER_KEY 16
#endif
/* Nodes shallower than this are placed breadth-first: the ones every word
 * of a text walks through sit together at the start of the array. */
#ifndef BFS_DEPTH
#define BFS_DEPTH 4
#endif

typedef struct {
    uint32_t slot, lo, hi, depth;
} pending_t;

typedef struct {
    tg_trie_unit_t *units;
    uint64_t *used; /* bit per unit */
    size_t cap;     /* units allocated (a multiple of 64) */
    size_t first_free;
    size_t max_used;
} builder_t;

/* Makes units [0, need) exist, free ones with check = TG_TRIE_NONE. */
static int reserve_units(builder_t *b, size_t need)
{
    if (need <= b->cap) {
        return TAGGER_OK;
    }
    if (need > (size_t)TG_TRIE_BASE_MASK) {
        return TAGGER_ERR_NOMEM; /* bases are 31-bit */
    }
    size_t cap = b->cap ? b->cap : 1024;
    while (cap < need) {
        cap *= 2;
    }
    tg_trie_unit_t *u = realloc(b->units, cap * sizeof *u);
    if (!u) {
        return TAGGER_ERR_NOMEM;
    }
    b->units = u;
    uint64_t *used = realloc(b->used, cap / 64 * sizeof *used);
    if (!used) {
        return TAGGER_ERR_NOMEM;
    }
    b->used = used;
    for (size_t i = b->cap; i < cap; i++) {
        b->units[i] = (tg_trie_unit_t){0, TG_TRIE_NONE};
    }
    memset(b->used + b->cap / 64, 0, (cap - b->cap) / 64 * sizeof *used);
    b->cap = cap;
    return TAGGER_OK;
}

static inline bool is_used(const builder_t *b, size_t i)
{
    return i < b->cap && ((b->used[i / 64] >> (i % 64)) & 1u);
}

/* The lowest free unit at or after @p i (may be past cap: all free there). */
static size_t next_free(const builder_t *b, size_t i)
{
    while (i < b->cap) {
        uint64_t free_bits = ~b->used[i / 64] >> (i % 64);
        if (free_bits) {
            return i + (size_t)__builtin_ctzll(free_bits);
        }
        i = (i / 64 + 1) * 64;
    }
    return i;
}

static void mark_used(builder_t *b, size_t i, uint32_t check)
{
    b->used[i / 64] |= (uint64_t)1 << (i % 64);
    b->units[i].check = check;
    if (i > b->max_used) {
        b->max_used = i;
    }
    if (i == b->first_free) {
        b->first_free = next_free(b, i + 1);
    }
}

/* The base for a node with the ascending @p codes. */
static size_t find_base(const builder_t *b, const uint16_t *codes, size_t n)
{
    size_t pos = next_free(b, b->first_free > codes[0] ? b->first_free : codes[0] + 1u);
    for (int tries = 0; tries < FIT_TRIES; tries++) {
        size_t base = pos - codes[0];
        size_t i = 1;
        while (i < n && !is_used(b, base + codes[i])) {
            i++;
        }
        if (i == n) {
            return base;
        }
        pos = next_free(b, pos + 1);
    }
    size_t past = b->max_used + 1;
    return past > codes[0] ? past - codes[0] : 1;
}

static void set_bit(uint64_t *bits, size_t n_words, uint64_t h, int shift)
{
    uint64_t f = tg_fw_final(h);
    unsigned bit = (unsigned)(f >> shift) & 511u;
    bits[tg_fw_line(f, n_words) + bit / 64] |= (uint64_t)1 << (bit % 64);
}

bool tg_trie_first_word(const tg_trie_t *t, int set, const uint8_t *w, size_t len)
{
    size_t a = 0, sep, c;
    while (a < len && tg_trie_ascii_alnum(w[a])) {
        a++;
    }
    if (a == 0) {
        return false;
    }
    uint64_t h = tg_fw_hash(w, a);
    const uint64_t *line = tg_trie_fw_line(t, h);
    if (set != TG_FW_PAIR) {
        return a == len && (set == TG_FW_ANY ? tg_trie_fw_any(line, h) : tg_trie_fw_alone(line, h));
    }
    for (sep = a; sep < len && w[sep] < 0x80 && !tg_trie_ascii_alnum(w[sep]); sep++) {
    }
    for (c = sep; c < len && tg_trie_ascii_alnum(w[c]); c++) {
    }
    if (sep == a || c == sep || c != len) {
        return false;
    }
    return tg_trie_fw_pair(line, tg_fw_pair(h, tg_fw_hash(w + a, sep - a), tg_fw_hash(w + sep, c - sep)));
}

int tg_trie_build(tg_trie_t *t, const tg_trie_key_t *keys, size_t n)
{
    memset(t, 0, sizeof *t);
    builder_t b = {0};
    pending_t *stack = NULL, *queue = NULL;
    size_t n_stack = 0, cap_stack = 0, queue_head = 0, n_queue = 0, cap_queue = 0;
    tg_trie_value_t *values = NULL;
    uint16_t codes[257];
    uint32_t child_lo[257];
    int rc;

    if (n >= TG_TRIE_BASE_MASK) {
        return TAGGER_ERR_NOMEM;
    }
    values = malloc((n ? n : 1) * sizeof *values);
    if (!values || (rc = reserve_units(&b, 1024)) ||
        (rc = tg_grow((void **)&queue, &cap_queue, 1, sizeof *queue))) {
        rc = TAGGER_ERR_NOMEM;
        goto fail;
    }
    for (size_t i = 0; i < n; i++) {
        values[i] = (tg_trie_value_t){keys[i].alias_first, keys[i].n_alias};
    }
    b.first_free = 0;
    mark_used(&b, 0, TG_TRIE_NONE);
    queue[n_queue++] = (pending_t){0, 0, (uint32_t)n, 0};

    /* Shallow nodes first, breadth-first, from the queue; the deeper ones
     * then depth-first, from the stack. */
    while (queue_head < n_queue || n_stack) {
        pending_t p = queue_head < n_queue ? queue[queue_head++] : stack[--n_stack];
        size_t lo = p.lo, n_codes = 0;
        bool terminal = lo < p.hi && keys[lo].len == p.depth;
        if (terminal) {
            codes[n_codes++] = 0;
            lo++;
        }
        while (lo < p.hi) {
            uint8_t byte = (uint8_t)keys[lo].key[p.depth];
            child_lo[n_codes] = (uint32_t)lo;
            codes[n_codes++] = (uint16_t)(byte + 1u);
            while (lo < p.hi && (uint8_t)keys[lo].key[p.depth] == byte) {
                lo++;
            }
        }
        if (n_codes == 0) {
            continue; /* only the root of an empty key set */
        }
        size_t base = find_base(&b, codes, n_codes);
        if ((rc = reserve_units(&b, base + TG_TRIE_PAD + 1))) {
            goto fail;
        }
        b.units[p.slot].base = (uint32_t)base | (terminal ? TG_TRIE_TERMINAL : 0);
        if (terminal) {
            mark_used(&b, base, p.slot);
            b.units[base].base = p.lo; /* the key index */
        }
        bool shallow = p.depth + 1 < BFS_DEPTH;
        if ((rc = shallow ? tg_grow((void **)&queue, &cap_queue, n_queue + n_codes, sizeof *queue)
                          : tg_grow((void **)&stack, &cap_stack, n_stack + n_codes,
                                    sizeof *stack))) {
            goto fail;
        }
        /* Children are pushed last to first, so the first is built next. */
        for (size_t k = n_codes; k-- > (terminal ? 1u : 0u);) {
            size_t slot = base + codes[k];
            uint32_t hi = (k + 1 < n_codes) ? child_lo[k + 1] : p.hi;
            mark_used(&b, slot, p.slot);
            pending_t child = {(uint32_t)slot, child_lo[k], hi, p.depth + 1};
            if (shallow) {
                queue[n_queue++] = child;
            } else {
                stack[n_stack++] = child;
            }
        }
    }
    free(stack);
    free(queue);
    stack = queue = NULL;

    /* First words and pairs: about 8-16 bits per key, up to 64 MiB bits. */
    size_t n_words = 64;
    while (n_words * 64 < TG_FW_BITS_PER_KEY * n && n_words < ((size_t)1 << 20)) {
        n_words *= 2;
    }
    uint64_t *first_words = calloc(n_words, sizeof *first_words);
    if (!first_words) {
        rc = TAGGER_ERR_NOMEM;
        goto fail;
    }
    for (size_t i = 0; i < n; i++) {
        const uint8_t *k = (const uint8_t *)keys[i].key;
        size_t len = keys[i].len, a = 0, sep, c;
        bool ascii_sep = true;
        while (a < len && tg_trie_ascii_alnum(k[a])) {
            a++;
        }
        if (a == 0) {
            continue; /* starts with no ASCII word: never filtered out */
        }
        uint64_t h = tg_fw_hash(k, a);
        set_bit(first_words, n_words, h, TG_FW_SHIFT_ANY);
        for (sep = a; sep < len && !tg_trie_ascii_alnum(k[sep]); sep++) {
            ascii_sep = ascii_sep && k[sep] < 0x80;
        }
        if (sep == len) {
            set_bit(first_words, n_words, h, TG_FW_SHIFT_ALONE);
        } else if (ascii_sep) {
            for (c = sep; c < len && tg_trie_ascii_alnum(k[c]); c++) {
            }
            uint64_t pair = tg_fw_pair(h, tg_fw_hash(k + a, sep - a), tg_fw_hash(k + sep, c - sep));
            unsigned bit = (unsigned)(tg_fw_final(pair) >> TG_FW_SHIFT_ANY) & 511u;
            first_words[tg_fw_line(tg_fw_final(h), n_words) + bit / 64] |= (uint64_t)1 << (bit % 64);
        }
    }
    t->first_words = first_words;
    t->n_first_words = n_words;

    size_t n_units = b.max_used + 1 + TG_TRIE_PAD;
    if ((rc = reserve_units(&b, n_units))) {
        free(first_words);
        goto fail;
    }
    tg_trie_unit_t *units = realloc(b.units, n_units * sizeof *units);
    if (units) {
        b.units = units;
    }
    free(b.used);
    t->units = b.units;
    t->n_units = n_units;
    t->values = values;
    t->n_keys = n;
    t->owned = true;
    return TAGGER_OK;

fail:
    free(stack);
    free(queue);
    free(values);
    free(b.units);
    free(b.used);
    return rc;
}

void tg_trie_free(tg_trie_t *t)
{
    if (t->owned) {
        /* The arrays are const for readers; this is their one owner. */
        free((void *)(uintptr_t)t->units);
        free((void *)(uintptr_t)t->values);
        free((void *)(uintptr_t)t->first_words);
    }
    memset(t, 0, sizeof *t);
}

const char *tg_trie_validate(const tg_trie_t *t, size_t n_aliases, size_t *where)
{
    *where = 0;
    if (t->n_units < TG_TRIE_PAD + 1 || t->n_units > (size_t)TG_TRIE_BASE_MASK) {
        return "trie has an impossible number of units";
    }
    if (t->n_first_words < 8 || (t->n_first_words & (t->n_first_words - 1)) != 0) {
        return "first-word bitset of an impossible size";
    }
    size_t limit = t->n_units - TG_TRIE_PAD; /* base + 256 < n_units */
    for (size_t i = 0; i < t->n_units; i++) {
        uint32_t base = t->units[i].base & TG_TRIE_BASE_MASK;
        *where = i;
        if (base >= limit) {
            return "trie unit points past the end";
        }
        if ((t->units[i].base & TG_TRIE_TERMINAL) &&
            (t->units[base].check != i || t->units[base].base >= t->n_keys)) {
            return "trie terminal does not point at a key";
        }
    }
    for (size_t k = 0; k < t->n_keys; k++) {
        *where = k;
        if ((uint64_t)t->values[k].alias_first + t->values[k].n_alias > n_aliases) {
            return "trie key points past the alias records";
        }
    }
    return NULL;
}
