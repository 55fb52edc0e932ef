/*
 * trie.c - building the flat byte trie.
 *
 * The trie is built breadth-first from sorted keys in one pass: node v
 * covers the keys [lo, hi) that share its first `depth` bytes, and its
 * children are the runs of equal byte `depth` within that range.  Because
 * nodes are numbered in the order they are created, every node's edges are
 * contiguous, and the whole trie is three flat arrays (nodes, edge labels,
 * edge targets) that can be written out and used in place.  Time and space
 * are linear in the total length of the keys.
 *
 *        root --n--> 1 --o--> 3 --r--> ...   "north korea", "norway"
 *             --k--> 2 --o--> 4 ...          "korea"
 *
 * Lookup (tg_trie_step in trie.h) scans a node's sorted labels linearly when
 * it has few edges and bisects them otherwise; the root, where the scan
 * starts at every word, has a direct 256-entry table.
 */
#include "trie.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct {
    uint32_t lo, hi, depth;
} span_t;

int tg_trie_build(tg_trie_t *t, const tg_trie_key_t *keys, size_t n)
{
    memset(t, 0, sizeof *t);
    span_t *spans = NULL;
    size_t cap_nodes = 0, cap_spans = 0, cap_labels = 0, cap_children = 0;
    int rc = TAGGER_OK;

    if (n > UINT32_MAX - 1) {
        return TAGGER_ERR_NOMEM;
    }
    if ((rc = tg_grow((void **)&t->nodes, &cap_nodes, 1, sizeof *t->nodes)) ||
        (rc = tg_grow((void **)&spans, &cap_spans, 1, sizeof *spans))) {
        goto fail;
    }
    t->n_nodes = 1;
    memset(&t->nodes[0], 0, sizeof t->nodes[0]);
    spans[0] = (span_t){0, (uint32_t)n, 0};

    for (size_t v = 0; v < t->n_nodes; v++) {
        span_t sp = spans[v];
        size_t lo = sp.lo, hi = sp.hi, d = sp.depth;
        tg_trie_node_t node = {(uint32_t)t->n_edges, 0, 0, 0};
        if (lo < hi && keys[lo].len == d) {
            node.alias_first = keys[lo].alias_first;
            node.n_alias = keys[lo].n_alias;
            lo++;
        }
        while (lo < hi) {
            uint8_t b = (uint8_t)keys[lo].key[d];
            size_t j = lo + 1;
            while (j < hi && (uint8_t)keys[j].key[d] == b) {
                j++;
            }
            size_t child = t->n_nodes;
            if (child >= UINT32_MAX - 1) {
                rc = TAGGER_ERR_NOMEM;
                goto fail;
            }
            if ((rc = tg_grow((void **)&t->nodes, &cap_nodes, child + 1, sizeof *t->nodes)) ||
                (rc = tg_grow((void **)&spans, &cap_spans, child + 1, sizeof *spans)) ||
                (rc = tg_grow((void **)&t->labels, &cap_labels, t->n_edges + 1, 1)) ||
                (rc = tg_grow((void **)&t->children, &cap_children, t->n_edges + 1,
                           sizeof *t->children))) {
                goto fail;
            }
            t->n_nodes++;
            spans[child] = (span_t){(uint32_t)lo, (uint32_t)j, (uint32_t)(d + 1)};
            t->labels[t->n_edges] = b;
            t->children[t->n_edges] = (uint32_t)child;
            t->n_edges++;
            node.n_edges++;
            lo = j;
        }
        t->nodes[v] = node;
    }
    free(spans);

    for (int b = 0; b < 256; b++) {
        t->root_next[b] = TG_TRIE_NONE;
    }
    const tg_trie_node_t *root = &t->nodes[0];
    for (uint32_t e = 0; e < root->n_edges; e++) {
        t->root_next[t->labels[root->first_edge + e]] = t->children[root->first_edge + e];
    }
    return TAGGER_OK;

fail:
    free(spans);
    tg_trie_free(t);
    return rc;
}

void tg_trie_free(tg_trie_t *t)
{
    free(t->nodes);
    free(t->labels);
    free(t->children);
    memset(t, 0, sizeof *t);
}
