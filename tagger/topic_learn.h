/*
 * topic_learn.h - L2-regularised logistic regression by stochastic gradient
 * descent, one topic at a time, over sparse document vectors.
 */
#ifndef TG_TOPIC_LEARN_H
#define TG_TOPIC_LEARN_H

#include <stddef.h>
#include <stdint.h>

/* A set of sparse vectors: document d has the entries [first[d], first[d + 1]). */
typedef struct {
    size_t n_docs;
    size_t n_features;
    const size_t *first;
    const uint32_t *feature;
    const float *value;
} tg_docs_t;

typedef struct {
    unsigned epochs;
    double l2;           /* penalty per example */
    double rate;         /* initial learning rate */
    uint64_t seed;       /* of the shuffles */
} tg_learn_opt_t;

/* Learns weights @p w (n_features, zeroed or a starting point) and @p *bias
 * for the documents listed in @p docs_used (n_used of them) with 0/1
 * targets @p y (indexed by document).  Features with @p mask[f] == 0 are
 * not changed when @p mask is not NULL.  Returns 0 or TAGGER_ERR_NOMEM. */
int tg_learn_logistic(const tg_docs_t *d, const uint32_t *docs_used, size_t n_used,
                       const uint8_t *y, const uint8_t *mask, const tg_learn_opt_t *opt,
                       float *w, double *bias);

#endif /* TG_TOPIC_LEARN_H */
