/*
 * relevance.h - how much a document is about each entity it mentions.
 */
#ifndef TG_RELEVANCE_H
#define TG_RELEVANCE_H

#include <stddef.h>

/* What relevance is computed from, per entity. */
typedef struct {
    double weight;      /* mentions, each weighted by how it names the entity */
    size_t first_start; /* byte offset of the first mention */
    size_t text_len;    /* length of the document */
} tg_relevance_in_t;

/* Weight of one mention made through a name (1) or a demonym (less). */
double tg_mention_weight(int via);

/* Relevance in [0, 1]. */
double tg_relevance(const tg_relevance_in_t *in);

#endif /* TG_RELEVANCE_H */
