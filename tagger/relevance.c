/*
 * relevance.c - how much a document is about an entity.
 *
 * From the mentions in the article itself (title and body zones, layout.c):
 *
 *     relevance = 0.55 * (1 - exp(-weight / 2))    how often
 *               + 0.25 * (1 - first)               how early (0..1 through
 *                                                  the title and body)
 *               + 0.20 * [named in the title]
 *
 * Each mention weighs 1; a demonym ("North Korean") or a place standing for
 * its country ("Pyongyang") weighs 0.5: they say something about the country
 * but less than naming it.  The frequency part saturates (one mention 0.39
 * of it, three 0.78, six 0.95) so a long article does not drown the rest.
 *
 * An entity mentioned only in page furniture (headline lists, sidebars,
 * boilerplate) scores 0.1 * (1 - exp(-weight / 4)), always below 0.1, while
 * the least an article entity can score (one demonym, last) is
 * 0.55 * (1 - exp(-0.25)) = 0.12.  So entities of other stories always rank
 * below the article's own, however often the sidebars repeat them.
 *
 * Facets keep entities at or above TAGGER_FACET_THRESHOLD (0.3): an entity
 * named once early, or twice anywhere, in the article.
 */
#include "relevance.h"

#include <math.h>

#include "layout.h"
#include "tagger.h"

#define W_FREQUENCY 0.55
#define W_POSITION 0.25
#define W_TITLE 0.20
#define SATURATION 2.0
#define FURNITURE_CAP 0.1
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
    double w = (via == TAGGER_VIA_DEMONYM || via == TAGGER_VIA_PLACE) ? 0.5 : 1.0;
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

double tg_relevance(const tg_relevance_in_t *in)
{
    if (in->weight <= 0) {
        return FURNITURE_CAP * (1.0 - exp(-in->furniture / FURNITURE_SATURATION));
    }
    double r = W_FREQUENCY * (1.0 - exp(-in->weight / SATURATION)) +
               W_POSITION * (1.0 - in->first) + (in->in_title ? W_TITLE : 0.0);
    return r < 0 ? 0 : (r > 1 ? 1 : r);
}
