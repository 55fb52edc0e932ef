/*
 * relevance.c - a first relevance score: frequency and position.
 *
 *     relevance = 0.75 * (1 - exp(-weight / 2)) + 0.25 * (1 - first / length)
 *
 * The frequency part saturates: one mention gives 0.39 of it, three 0.78,
 * six 0.95, so a long article does not drown every other entity.  A
 * demonym ("North Korean") counts half a mention: it says something about
 * the country but less than naming it.  The position part favours what the
 * article opens with, as news puts its subject first.  The result lies in
 * [0, 1]; facets keep entities at or above TAGGER_FACET_THRESHOLD (0.3),
 * which a single mention passes in the first four fifths of a text.
 */
#include "relevance.h"

#include <math.h>

#include "tagger.h"

#define W_FREQUENCY 0.75
#define W_POSITION 0.25
#define SATURATION 2.0
#define DEMONYM_WEIGHT 0.5

double tg_mention_weight(int via)
{
    return via == TAGGER_VIA_DEMONYM ? DEMONYM_WEIGHT : 1.0;
}

double tg_relevance(const tg_relevance_in_t *in)
{
    double freq = 1.0 - exp(-in->weight / SATURATION);
    double pos = in->text_len ? 1.0 - (double)in->first_start / (double)in->text_len : 1.0;
    double r = W_FREQUENCY * freq + W_POSITION * pos;
    return r < 0 ? 0 : (r > 1 ? 1 : r);
}
