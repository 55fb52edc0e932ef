/*
 * relevance.h - how much a document is about each entity it mentions.
 */
#ifndef TG_RELEVANCE_H
#define TG_RELEVANCE_H

#include <stdbool.h>
#include <stddef.h>

/* What relevance is computed from, per entity; filled mention by mention
 * with tg_relevance_add(). */
typedef struct {
    double weight;       /* mentions in the title and body, weighted */
    double furniture;    /* mentions in page furniture, weighted */
    double first;        /* where the first title or body mention stands in
                            the main text: 0 at its start, 1 at its end; -1 none */
    bool in_title;
} tg_relevance_in_t;

/* Starts an entity's inputs. */
void tg_relevance_init(tg_relevance_in_t *in);

/* Adds one mention: how it names the entity (tagger_via_t), its zone
 * (tg_zone_t) and its offset, with the main text's span. */
void tg_relevance_add(tg_relevance_in_t *in, int via, int zone, size_t start, size_t main_start,
                      size_t main_end);

/* Relevance in [0, 1]; @p max_weight is the largest title-and-body weight
 * of any entity of the document. */
double tg_relevance(const tg_relevance_in_t *in, double max_weight);

#endif /* TG_RELEVANCE_H */
