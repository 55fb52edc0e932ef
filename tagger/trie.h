/*
 * trie.h - a flat byte trie over normalised alias keys.
 */
#ifndef TG_TRIE_H
#define TG_TRIE_H

#include <stddef.h>
#include <stdint.h>

#define TG_TRIE_NONE UINT32_MAX

typedef struct {
    uint32_t first_edge;  /* this node's edges are [first_edge, first_edge + n_edges) */
    uint32_t alias_first; /* first alias record of the key ending here */
    uint16_t n_edges;     /* 0..256 */
    uint16_t n_alias;     /* alias records of that key; 0: no key ends here */
} tg_trie_node_t;

typedef struct {
    tg_trie_node_t *nodes; /* nodes[0] is the root */
    size_t n_nodes;
    uint8_t *labels;       /* edge bytes, ascending within a node */
    uint32_t *children;    /* edge targets */
    size_t n_edges;
    uint32_t root_next[256]; /* the root's child per byte, or TG_TRIE_NONE */
} tg_trie_t;

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

/* Frees the arrays of @p t. */
void tg_trie_free(tg_trie_t *t);

/* Child of @p node along @p byte, or TG_TRIE_NONE. */
static inline uint32_t tg_trie_step(const tg_trie_t *t, uint32_t node, uint8_t byte)
{
    if (node == 0) {
        return t->root_next[byte];
    }
    const tg_trie_node_t *v = &t->nodes[node];
    const uint8_t *lab = t->labels + v->first_edge;
    size_t lo = 0, hi = v->n_edges;
    if (hi <= 8) {
        for (; lo < hi; lo++) {
            if (lab[lo] == byte) {
                return t->children[v->first_edge + lo];
            }
        }
        return TG_TRIE_NONE;
    }
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (lab[mid] < byte) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return (lo < v->n_edges && lab[lo] == byte) ? t->children[v->first_edge + lo] : TG_TRIE_NONE;
}

#endif /* TG_TRIE_H */
