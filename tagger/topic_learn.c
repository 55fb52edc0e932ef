/*
 * topic_learn.c - logistic regression by SGD (topic_learn.h).
 *
 * The classic recipe for sparse text: the step size decays as
 * rate / (1 + rate * l2 * t), and the L2 shrinkage of every weight at every
 * step is kept as one scale factor (w = scale * v), so a step costs the
 * document's non-zero entries, not the vocabulary.  The documents are
 * visited in a fresh shuffle each epoch from a fixed seed: the same data
 * and options give the same weights.
 */
#include "topic_learn.h"

#include <math.h>
#include <stdlib.h>

#include "tagger.h"
#include "topic_model.h" /* tg_topic_sigmoid(): the scorer's score */

/* xorshift64*: small, fast and good enough for shuffling. */
static uint64_t next_random(uint64_t *state)
{
    uint64_t x = *state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * 2685821657736338717ull;
}

static void shuffle(uint32_t *a, size_t n, uint64_t *state)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(next_random(state) % i);
        uint32_t t = a[i - 1];
        a[i - 1] = a[j];
        a[j] = t;
    }
}

static void fold_scale(float *w, size_t n, double *scale)
{
    for (size_t f = 0; f < n; f++) {
        w[f] = (float)(w[f] * *scale);
    }
    *scale = 1.0;
}

int tg_learn_logistic(const tg_docs_t *d, const uint32_t *docs_used, size_t n_used,
                       const uint8_t *y, const uint8_t *mask, const tg_learn_opt_t *opt,
                       float *w, double *bias)
{
    uint32_t *order = malloc((n_used ? n_used : 1) * sizeof *order);
    if (!order) {
        return TAGGER_ERR_NOMEM;
    }
    for (size_t i = 0; i < n_used; i++) {
        order[i] = docs_used[i];
    }
    uint64_t state = opt->seed ? opt->seed : 0x9E3779B97F4A7C15ull;
    double scale = 1.0, b = *bias;
    size_t t = 0;
    for (unsigned epoch = 0; epoch < opt->epochs; epoch++) {
        shuffle(order, n_used, &state);
        for (size_t i = 0; i < n_used; i++, t++) {
            uint32_t doc = order[i];
            double z = 0;
            for (size_t k = d->first[doc]; k < d->first[doc + 1]; k++) {
                z += w[d->feature[k]] * (double)d->value[k];
            }
            z = z * scale + b;
            double p = tg_topic_sigmoid(z);
            double g = p - (double)y[doc];
            double eta = opt->rate / (1.0 + opt->rate * opt->l2 * (double)t);
            scale *= 1.0 - eta * opt->l2;
            if (scale < 1e-6) {
                fold_scale(w, d->n_features, &scale);
            }
            double step = eta * g / scale;
            for (size_t k = d->first[doc]; k < d->first[doc + 1]; k++) {
                uint32_t f = d->feature[k];
                if (!mask || mask[f]) {
                    w[f] = (float)(w[f] - step * d->value[k]);
                }
            }
            b -= eta * g;
        }
    }
    fold_scale(w, d->n_features, &scale);
    *bias = b;
    free(order);
    return TAGGER_OK;
}
