/*
 * relevance.c - how much a document is about an entity.
 *
 * From the mentions in the article itself (title and body zones, layout.c):
 *
 *     relevance = 0.40 * (1 - exp(-weight / 2))        how often
 *               + 0.20 * weight / (largest weight)     how often, against the
 *                                                      document's main entity
 *               + 0.20 * (1 - first)^2                 how early (first: 0..1
 *                                                      through title and body)
 *               + 0.20 * [named in the title zone]     headline, dateline
 *
 * The square makes the lead count: news names its subject first ("inverted
 * pyramid"), and a name first met halfway down is mostly context.
 *
 * Each mention weighs 1; a place standing for its country 0.3 in the body
 * ("talks in Geneva": mostly where something happened, not what the story
 * is about) but 1 in the title zone, where it is the dateline ("TORONTO,
 * March 3 -") and says where the story is; a demonym ("British") 0.25:
 * adjectives are mostly said in passing ("British bank", "German marks").
 * The frequency part saturates (one mention 0.39 of it, three 0.78) so a
 * long article does not drown the rest; the relative part lets a short
 * text's few entities stand out.
 *
 * The weights and the facet threshold were chosen on the Reuters-21578
 * ModApte training split (scripts/eval.d/tune_places.py): a document's
 * labelled countries against the countries we report, best F1 (0.912) at
 * a threshold of 0.40.  A single name mention in passing is labelled a
 * fifth of the time there, a place in the dateline 98% of the time, a place
 * named only in the body 6% (scripts/eval.d/places_errors.py).
 *
 * An entity mentioned only in page furniture (headline lists, sidebars,
 * boilerplate) scores 0.04 * (1 - exp(-weight / 4)), always below 0.04,
 * while the least an article entity can score (one demonym, last) is
 * 0.40 * (1 - exp(-0.125)) = 0.047.  So entities of other stories always
 * rank below the article's own, however often the sidebars repeat them.
 */
#include "relevance.h"

#include <math.h>

#include "layout.h"
#include "tagger.h"

#define W_FREQUENCY 0.40
#define W_RELATIVE 0.20
#define W_POSITION 0.20
#define W_TITLE 0.20
#define SATURATION 2.0
#define DEMONYM_WEIGHT 0.25
#define PLACE_WEIGHT 0.3       /* a place in the body, for its country */
#define TITLE_PLACE_WEIGHT 1.0 /* a place in the title zone: the dateline */
#define FURNITURE_CAP 0.04
#define FURNITURE_SATURATION 4.0

void tg_relevance_init(tg_relevance_in_t *in)
{
    in->weight = 0;
    in->furniture = 0;
    in->first = -1;
    in->in_title = false;
}

void tg_relevance_add(tg_relevance_in_t *in, int via, int zone, size_t start, size_t main_start,
                      size_t main_end)
{
    double place_weight = zone == TG_ZONE_TITLE ? TITLE_PLACE_WEIGHT : PLACE_WEIGHT;
    double w = via == TAGGER_VIA_DEMONYM ? DEMONYM_WEIGHT
               : via == TAGGER_VIA_PLACE ? place_weight
                                         : 1.0;
    if (zone == TG_ZONE_FURNITURE) {
        in->furniture += w;
        return;
    }
    in->weight += w;
    in->in_title |= zone == TG_ZONE_TITLE;
    if (in->first < 0) {
        double span = main_end > main_start ? (double)(main_end - main_start) : 1.0;
        double at = start > main_start ? (double)(start - main_start) / span : 0.0;
        in->first = at > 1 ? 1 : at;
    }
}

double tg_relevance(const tg_relevance_in_t *in, double max_weight)
{
    if (in->weight <= 0) {
        return FURNITURE_CAP * (1.0 - exp(-in->furniture / FURNITURE_SATURATION));
    }
    double r = W_FREQUENCY * (1.0 - exp(-in->weight / SATURATION)) +
               W_RELATIVE * (max_weight > 0 ? in->weight / max_weight : 0.0) +
               W_POSITION * (1.0 - in->first) * (1.0 - in->first) + (in->in_title ? W_TITLE : 0.0);
    return r < 0 ? 0 : (r > 1 ? 1 : r);
}
