/*
 * recog_places.c - places inside the recognizer's names (recognize.c,
 * step 4).  A span that a gazetteer's mention meets is dropped, the
 * gazetteer taking precedence, but for an organization named after a
 * place or with one in its name ("Chicago Mercantile Exchange", "London"
 * + "Potato Futures Association", "Continental Illinois Corp", "Bayern
 * Munich"), an institution of a country or place ("Bank of Japan", "Air
 * France"), and a person whose surname is a city's ("Whitney Houston")
 * or, after a post or a title, whose given name is ("Portsmouth chairman
 * Milan Mandaric"): there the span stands and the places' mentions are
 * dropped (tg_recog_places_in_name()).  The other exceptions are
 * recog_results.c's teams and recog_links.c place_surnames().  And the
 * other way round, a place the model took for a person ("Capitol Hill",
 * "Downing Street"; tg_recog_place_named_like_person()).  Also the tests
 * of the gazetteer's mentions that those rules and other files ask
 * (tg_recog_drop_places(), tg_recog_cities_only(),
 * tg_recog_covered_end()).
 */
#include "recog_internal.h"

#include <stdbool.h>
#include <string.h>

#include "scratch.h"

/* ------------------------------------------------------------------------ */
/* Words                                                                     */

/* Words that, before a place, name a part of it, not an organization:
 * "Southern California", "Greater London", "Downtown Beirut". */
static const char *const place_qualifiers[] = {
    "North",     "South",        "East",         "West",         "Northern",     "Southern",
    "Eastern",   "Western",      "Central",      "Northeast",    "Northwest",    "Southeast",
    "Southwest", "Northeastern", "Northwestern", "Southeastern", "Southwestern", "Upper",
    "Lower",     "Greater",      "Inner",        "Outer",        "Downtown",     "Metropolitan",
    "Metro",     "Rural",        "Coastal",      "Old",          "New"};

/* The last words of places' names the model never saw as places
 * ("Downing Street", "Kharg Island", "Hudson Valley"), and those that are
 * surnames too ("Capitol Hill", "Drury Lane", but "Darryn Hill"), which
 * need a preposition of place before them ("on Capitol Hill", "at Drury
 * Lane"). */
static const char *const place_ends[] = {
    "Hills",   "Street",  "Square",  "Avenue", "Road",    "Bridge",    "Valley",
    "Bay",     "Island",  "Islands", "Mountain", "Mountains", "Lake", "River",
    "Beach",   "Harbour", "Harbor",  "Heights", "Canyon", "Peninsula", "Strait",
    "Straits", "Gulf",    "Coast",   "Falls",  "Forest"};
static const char *const surname_place_ends[] = {"Hill", "Lane", "Park"};
/* Continents, a place's end after a word of place_qualifiers or "Latin"
 * ("Latin America", "Central Asia", "Western Europe"), which the model took
 * for a person's name; after another word a company's unit ("Nintendo
 * Europe", "Indosuez Asia"). */
static const char *const continents[] = {"America", "Americas", "Asia", "Africa", "Europe"};
/* Their adjectives and peoples, after the same words no name ("Latin
 * American debtors", "North American sales", "East European states"),
 * which the model took for people's, places' and organizations' names. */
static const char *const continent_adjectives[] = {
    "American", "Americans", "Asian", "Asians", "African", "Africans", "European", "Europeans"};
static const char *const surname_place_cues[] = {"in",   "on",      "at",     "near",
                                                 "from", "outside", "around", "to"};

/* Words that, after a place, make what is named no organization: a part
 * of the place or a constituency ("Leeds North West", "Baltimore County"),
 * an event or an agreement ("Venice Film Festival", "Kyoto Protocol"), or
 * a person from there ("Texas Democrat Jim Wright", "Colorado Rep."). */
static const char *const place_not_org[] = {
    "North",         "South",       "East",     "West",     "Central",   "County",
    "Treaty",        "Protocol",    "Accord",   "Agenda",   "Agreement", "Convention",
    "Declaration",   "Games",       "Olympics", "Marathon", "Festival",  "Show",
    "Prix",          "Open",        "Classic",  "Sevens",   "Derby",     "Championship",
    "Championships", "Indoor",      "Indoors",  "Summit",   "Democrat",  "Democrats",
    "Republican",    "Republicans", "Rep.",     "Sen.",     "Gov.",      "Lt.",
    "MSP",           "DA",          "No",       "No."};

/* Every list must leave a set half empty: the longest of this file. */
typedef char assert_place_sets_small
    [SET_FITS(place_not_org) && SET_FITS(place_qualifiers) && SET_FITS(place_ends) ? 1 : -1];

void tg_recog_place_sets_init(word_sets_t *s)
{
    SET_INIT(s->place_not_org, place_not_org);
    SET_INIT(s->place_ends, place_ends);
    SET_INIT(s->surname_place_ends, surname_place_ends);
    SET_INIT(s->surname_place_cues, surname_place_cues);
    SET_INIT(s->place_qualifiers, place_qualifiers);
}

/* ------------------------------------------------------------------------ */
/* Places inside names                                                       */

size_t tg_recog_covered_end(const line_t *ln, size_t k, size_t b)
{
    while (k < b && ln->w[k].covered) {
        k++;
    }
    return k;
}

/* Whether word @p k, beside a place in an organization's name, may be part
 * of that name: capitalised, and no title or word of place_not_org
 * ("Kyoto Protocol", "Texas Democrat"). */
static bool name_word_beside_place(const line_t *ln, size_t k)
{
    return ln->w[k].cap && !tg_recog_word_in(ln, k, &ln->fx->sets.titles) &&
           !tg_recog_word_in(ln, k, &ln->fx->sets.place_not_org);
}

/* Whether words [a, b) have the shape place_starts_company() asks for. */
static bool place_company_words(const line_t *ln, size_t a, size_t b)
{
    size_t c = tg_recog_covered_end(ln, a, b);
    bool legal = b - a >= 3 && c + 1 < b && tg_recog_word_in(ln, b - 1, &ln->fx->sets.legal_forms);
    bool named = ln->kind == 'N' && c < b && !tg_recog_first_name(ln, a);
    for (size_t k = c; k < b && named; k++) {
        named =
            name_word_beside_place(ln, k) || (k > c && k + 1 < b && tg_recog_is_connector(ln, k));
    }
    if (c == a || !(legal || named)) {
        return false;
    }
    for (size_t k = c; k < b; k++) {
        if (ln->w[k].covered) {
            return false;
        }
    }
    return true;
}

/* An organization named after a place ("Meridian Diagnostics Inc",
 * "Chicago Mercantile Exchange", "Chicago Board of Trade", "Cardiff
 * Blues"): words [a, b), typed ORG, whose only words a gazetteer mention
 * covers are its first, and those mentions are all of PLACEs within them
 * (and of their countries, through them), or of a country when the name
 * ends as a company's or an institution's does ("China Construction
 * Bank", "Japan Airlines"; recog_orgs.c tg_recog_company_end()); and
 * either three words or more ending in a legal form, or, in running text,
 * capitalised words (and connectors between them) after the place, none
 * of them a title or of place_not_org, and no first name first (a person
 * named after one).  Then the places were never meant (Meridian, Idaho is
 * not in the news here): their mentions are dropped and the name stands,
 * an exception to the gazetteer's precedence (the others:
 * place_inside_company(), institution_of_place(), place_ends_company(),
 * recog_results.c, and recog_links.c place_surnames()).  Returns whether
 * it was so. */
static bool place_starts_company(const tagger_t *tg, tagger_scratch_t *s, const line_t *ln,
                                 size_t a, size_t b)
{
    size_t c = tg_recog_covered_end(ln, a, b);
    return place_company_words(ln, a, b) &&
           tg_recog_drop_places(tg, s, ln->w[a].start, ln->w[c - 1].end,
                                tg_recog_company_end(ln, a, b)) > 0;
}

/* The start of an organization's name [a, b) ending as a company's or an
 * institution's does, with the city's mention right before it, one space
 * away, that the model left out ("London" + "Potato Futures Association",
 * "New York" + "Life Insurance Co"; not "Boston-based" + "FMR Corp"): the
 * city's words, when the whole has place_starts_company()'s shape and that
 * mention is of cities alone.  Returns @p a itself if not. */
size_t tg_recog_place_before_company(const tagger_t *tg, const tagger_scratch_t *s,
                                     const line_t *ln, size_t a, size_t b)
{
    size_t start = a;
    while (start > 0 && a - start < 3 && ln->w[start - 1].covered && ln->w[start - 1].cap &&
           tg_recog_spaced(ln, start) &&
           !tg_recog_compound(ln->text + ln->w[start - 1].start,
                              ln->w[start - 1].end - ln->w[start - 1].start)) {
        start--;
    }
    if (start == a || !tg_recog_company_end(ln, a, b) || !place_company_words(ln, start, b) ||
        !tg_recog_cities_only(tg, s, ln->w[start].start, ln->w[a - 1].end)) {
        return a;
    }
    return start;
}

bool tg_recog_cities_only(const tagger_t *tg, const tagger_scratch_t *s, uint32_t from, uint32_t to)
{
    for (size_t k = tg_recog_recs_near(s, from); k < s->n_recs && s->recs[k].start < to; k++) {
        const tg_rec_t *rec = &s->recs[k];
        if ((rec->flags & TG_REC_DROPPED) || rec->end <= from || rec->via == TAGGER_VIA_PLACE) {
            continue;
        }
        if (rec->entity >= tg->n_entities ||
            strncmp(tg_str(tg, tg->entities[rec->entity].id), "sm:", 3) != 0) {
            return false;
        }
    }
    return true;
}

/* A person with a city in the name after the first name ("Carla
 * Sacramento", "Elia Kazan", "Whitney Houston", "Jose Luis Rodriguez
 * Zapatero", "Miguel de la Madrid"): words [a, b), typed PERSON, two to
 * four, in a line with lower case, the first a first name that is no
 * common word ("Mark" and "Will" are words too), no direction ("West
 * Berlin"), no connector ("La Electricidad de Caracas") and no
 * gazetteer's, one word after it covered by mentions of a city and none
 * other.  Not of a region or a country: "Franklin Pennsylvania", "Bell
 * Canada", "Shell U.K." are companies' units that the model took for
 * people.  The city's mentions are dropped, as in place_starts_company();
 * the gazetteer's own people, and its places flagged as given names, were
 * settled before (resolve.c). */
static bool surname_is_place(const tagger_t *tg, tagger_scratch_t *s, const line_t *ln, size_t a,
                             size_t b)
{
    if (b - a < 2 || b - a > 4 || ln->kind == 'C' || ln->w[a].covered ||
        !tg_recog_first_name(ln, a) || tg_recog_is_common(ln, a) ||
        tg_recog_word_in(ln, a, &ln->fx->sets.place_qualifiers) ||
        tg_recog_recased_in(ln, a, &ln->fx->sets.connectors, 0)) {
        return false; /* "La" of "La Electricidad de Caracas" is no first name */
    }
    size_t city = b;
    for (size_t k = a + 1; k < b; k++) {
        if (ln->w[k].covered && city < b) {
            return false;
        }
        city = ln->w[k].covered ? k : city;
    }
    if (city == b) {
        return false;
    }
    uint32_t from = ln->w[city].start, to = ln->w[city].end;
    return tg_recog_cities_only(tg, s, from, to) &&
           tg_recog_drop_places(tg, s, from, to, false) > 0;
}

/* A person named after a post or a title whose first name is a city
 * ("Portsmouth chairman Milan Mandaric"): words [a, b), typed PERSON by
 * that cue, two or more, of which only the first are covered, by mentions
 * of cities.  The city's mentions are dropped, as in surname_is_place(). */
static bool given_name_is_place(const tagger_t *tg, tagger_scratch_t *s, const line_t *ln, size_t a,
                                size_t b)
{
    size_t c = tg_recog_covered_end(ln, a, b);
    if (b - a < 2 || c == a || c == b) {
        return false;
    }
    for (size_t k = c; k < b; k++) {
        if (ln->w[k].covered) {
            return false;
        }
    }
    uint32_t from = ln->w[a].start, to = ln->w[c - 1].end;
    return tg_recog_cities_only(tg, s, from, to) &&
           tg_recog_drop_places(tg, s, from, to, false) > 0;
}

/* A company with a place inside its name, which ends in a legal form
 * ("Continental Illinois Corp", "First Chicago Corp"): words [a, b), typed
 * ORG, three or more, capitalised before the place, whose words a
 * gazetteer mention covers are one run of PLACE mentions after the first
 * word and before the legal form.  The place's mentions are dropped, as in
 * place_starts_company(). */
static bool place_inside_company(const tagger_t *tg, tagger_scratch_t *s, const line_t *ln,
                                 size_t a, size_t b)
{
    if (b - a < 3 || !tg_recog_word_in(ln, b - 1, &ln->fx->sets.legal_forms)) {
        return false;
    }
    size_t c0 = a;
    while (c0 < b && !ln->w[c0].covered) {
        c0++;
    }
    size_t c1 = tg_recog_covered_end(ln, c0, b);
    if (c0 == a || c1 >= b) {
        return false;
    }
    for (size_t k = a; k < b; k++) {
        if ((k < c0 && !ln->w[k].cap) || (k >= c1 && ln->w[k].covered)) {
            return false;
        }
    }
    return tg_recog_drop_places(tg, s, ln->w[c0].start, ln->w[c1 - 1].end, false) > 0;
}

/* An institution of a country or place ("Bank of Japan", "Air France",
 * "Central Bank of Nigeria", "University of Texas"): words [a, b), typed
 * ORG, whose words before the gazetteer's mention are capitalised or
 * connectors and hold an organization's head ("Bank", "Ministry") or
 * "Air", and whose words a mention covers are one run of a COUNTRY or
 * PLACE, at the end or before legal forms and suffixes ("Bank of Tokyo
 * Ltd"; not "Bank of Japan Governor Satoshi Sumita").
 * The mentions are dropped, as in place_starts_company(): the institution
 * is named, not the country, though it stands for it. */
static bool institution_of_place(const tagger_t *tg, tagger_scratch_t *s, const line_t *ln,
                                 size_t a, size_t b)
{
    size_t c0 = a;
    bool head = false;
    for (; c0 < b && !ln->w[c0].covered; c0++) {
        str_t w = tg_recog_raw(ln, c0);
        if (!ln->w[c0].cap && !tg_recog_is_connector(ln, c0)) {
            return false;
        }
        head |= tg_recog_word_in(ln, c0, &ln->fx->sets.org_heads) ||
                (w.len == 3 && memcmp(w.s, "Air", 3) == 0);
    }
    size_t c1 = tg_recog_covered_end(ln, c0, b);
    for (size_t k = c1; k < b; k++) {
        if (!tg_recog_company_word(ln, k)) {
            return false;
        }
    }
    return head && c0 > a && c0 < b &&
           tg_recog_drop_places(tg, s, ln->w[c0].start, ln->w[c1 - 1].end, true) > 0;
}

/* A club or company whose name ends in its city ("Bayern Munich", "AC
 * Milan", "Dynamo Kiev"): words [a, b) of running text, typed ORG, whose
 * words a gazetteer mention covers are its last, all mentions of PLACEs
 * within them, and whose words before the place are capitalised, spaced,
 * no common words, titles, place_qualifiers ("Southern California"),
 * place_not_org ("Orange County California") or legal forms ("Slater
 * Steels Corp Fort Wayne": the company is in the place), no initials
 * ("J.C. Bradford", "P.M. Peking"), and do not open with a first name.
 * The place's mentions are dropped, as in place_starts_company(). */
static bool place_ends_company(const tagger_t *tg, tagger_scratch_t *s, const line_t *ln, size_t a,
                               size_t b)
{
    size_t c = b;
    while (c > a && ln->w[c - 1].covered) {
        c--;
    }
    if (ln->kind != 'N' || c == b || c == a || tg_recog_first_name(ln, a)) {
        return false;
    }
    for (size_t k = a; k < c; k++) {
        if (ln->w[k].covered || !name_word_beside_place(ln, k) || tg_recog_is_common(ln, k) ||
            !tg_recog_spaced(ln, k + 1) ||
            tg_recog_word_in(ln, k, &ln->fx->sets.place_qualifiers) ||
            tg_recog_word_in(ln, k, &ln->fx->sets.legal_forms) ||
            memchr(ln->text + ln->w[k].start, '.', ln->w[k].end - ln->w[k].start)) {
            return false;
        }
    }
    return tg_recog_drop_places(tg, s, ln->w[c].start, ln->w[b - 1].end, false) > 0;
}

int tg_recog_drop_places(const tagger_t *tg, tagger_scratch_t *s, uint32_t from, uint32_t to,
                         bool countries)
{
    int n = 0;
    size_t near = tg_recog_recs_near(s, from);
    for (int pass = 0; pass < 2; pass++) { /* look, then drop */
        for (size_t k = near; k < s->n_recs && s->recs[k].start < to; k++) {
            tg_rec_t *rec = &s->recs[k];
            if ((rec->flags & TG_REC_DROPPED) || rec->end <= from) {
                continue;
            }
            if (pass == 1) {
                rec->flags |= TG_REC_DROPPED;
            } else if (rec->entity >= tg->n_entities ||
                       (tg->entities[rec->entity].kind != TAGGER_KIND_PLACE &&
                        rec->via != TAGGER_VIA_PLACE &&
                        !(countries && tg->entities[rec->entity].kind == TAGGER_KIND_COUNTRY)) ||
                       rec->start < from || rec->end > to) {
                return -1;
            } else {
                n++;
            }
        }
    }
    return n;
}

/* Whether words [a, b) are a word of place_qualifiers or "Latin", then one
 * of the @p n words @p list. */
static bool qualified(const line_t *ln, size_t a, size_t b, const char *const *list, size_t n)
{
    const word_sets_t *sets = &ln->fx->sets;
    str_t last = tg_recog_raw(ln, b - 1);
    return b - a == 2 &&
           (tg_recog_word_in(ln, a, &sets->place_qualifiers) || tg_recog_word_is(ln, a, "Latin")) &&
           tg_word_in(list, n, last.s, last.len);
}

/* Whether words [a, b) are a continent's part ("Latin America", "Central
 * Asia"). */
static bool continent_part(const line_t *ln, size_t a, size_t b)
{
    return qualified(ln, a, b, continents, sizeof continents / sizeof *continents);
}

bool tg_recog_continent_adjective(const line_t *ln, size_t a, size_t b)
{
    return qualified(ln, a, b, continent_adjectives,
                     sizeof continent_adjectives / sizeof *continent_adjectives);
}

/* Whether words [a, b), which the model typed a person, are a place: two
 * words or more, the last of place_ends (or of surname_place_ends, after a
 * word of surname_place_cues; or of continents after a qualifier) and the
 * first neither a first name nor initials ("Capitol Hill", "Leicester
 * Square", "Latin America", but "Damon Hill", "B.B. Lane"). */
bool tg_recog_place_named_like_person(const line_t *ln, size_t a, size_t b)
{
    const word_sets_t *sets = &ln->fx->sets;
    if (b - a < 2 || tg_recog_first_name(ln, a)) {
        return false;
    }
    str_t first = tg_recog_raw(ln, a);
    bool end = tg_recog_word_in(ln, b - 1, &sets->place_ends) ||
               (tg_recog_word_in(ln, b - 1, &sets->surname_place_ends) && a > 0 &&
                tg_recog_spaced(ln, a) && tg_recog_word_in(ln, a - 1, &sets->surname_place_cues)) ||
               continent_part(ln, a, b);
    return end && !memchr(first.s, '.', first.len);
}

/* Whether a dateline's date or credit follows offset @p at: ", March 3",
 * " (Reuters)", " -". */
static bool date_or_credit_after(const line_t *ln, size_t at)
{
    const char *t = ln->text;
    while (at < ln->len && (t[at] == ' ' || t[at] == ',')) {
        at++;
    }
    if (at >= ln->len || t[at] == '(' || t[at] == '-') {
        return true;
    }
    size_t end = at;
    while (end < ln->len &&
           ((t[end] >= 'A' && t[end] <= 'Z') || (t[end] >= 'a' && t[end] <= 'z'))) {
        end++;
    }
    return end > at && tg_recog_in_set(&ln->fx->sets.months, t + at, end - at) &&
           end + 1 < ln->len && t[end] == ' ' && t[end + 1] >= '0' && t[end + 1] <= '9';
}

/* Whether the phrase ends at offset @p at: no lower-case word or
 * possessive goes on from it ("in Sunrise, Fla. Terms", "in Boca Chica,
 * Texas, on Tuesday"; not "Nissan, Japan's carmaker"). */
static bool phrase_ends(const line_t *ln, size_t at)
{
    while (at < ln->len && ln->text[at] == ' ') {
        at++;
    }
    char c = at < ln->len ? ln->text[at] : '\n';
    return !(c >= 'a' && c <= 'z') && c != '\'' && (unsigned char)c != 0xE2;
}

/* The end of a city's name that opens at word @p a and goes on over the
 * capitalised words after word @p b - 1 (up to four words in all), when a
 * comma and a region's or a country's mention follow it, and after that a
 * comma, a bracket or a dash: a dateline ("BOCA RATON, Fla., March 3 -",
 * "PALO ALTO, Calif. (Reuters) -") or "in Boca Chica, Texas, on Tuesday",
 * cities the gazetteer lacks, which the model took for organizations,
 * people, or cut ("PALO").  At a line's start (a dateline) or after a
 * preposition of place (surname_place_cues: "in", "from", "near"), not
 * in a list of names ("Harley, Liddell, Montgomery, Jagielka"), nor
 * before a possessive ("Nissan, Japan's carmaker").  Else 0. */
size_t tg_recog_city_before_region(const tagger_t *tg, const tagger_scratch_t *s, const line_t *ln,
                                   size_t a, size_t b, uint32_t *country)
{
    const word_t *w = ln->w;
    size_t open = w[a].start;
    while (open > 0 && ln->text[open - 1] == ' ') {
        open--;
    }
    bool dateline = open == 0 || ln->text[open - 1] == '\n';
    if (!dateline && !(a > 0 && tg_recog_spaced(ln, a) &&
                       tg_recog_word_in(ln, a - 1, &ln->fx->sets.surname_place_cues))) {
        return 0; /* "Mary, Alice, Victoria, Albert": names in a list */
    }
    size_t e = b;
    while (e < ln->n && e - a < 4 && w[e].cap && !w[e].covered && tg_recog_spaced(ln, e)) {
        e++;
    }
    if (e - a > 4 || e + 1 >= ln->n || !tg_recog_word_is(ln, e, ",") || !w[e + 1].covered ||
        tg_recog_org_word_in(ln, a, e)) {
        return 0;
    }
    for (size_t k = a; k < e && !dateline; k++) {
        if (tg_recog_title_case_in(ln, k, &ln->fx->sets.generic_heads) ||
            tg_recog_title_case_in(ln, k, &ln->fx->sets.company_trades)) {
            return 0; /* an institution: "at Harrow Crown Court, London"; a
                         dateline's town may have such words: "RED BANK" */
        }
    }
    for (size_t k = tg_recog_recs_near(s, w[e + 1].start); k < s->n_recs; k++) {
        const tg_rec_t *rec = &s->recs[k];
        if (rec->start > w[e + 1].start) {
            break;
        }
        if ((rec->flags & TG_REC_DROPPED) || rec->start != w[e + 1].start ||
            rec->entity >= tg->n_entities || rec->via == TAGGER_VIA_DEMONYM) {
            continue;
        }
        const tg_entity_t *region = &tg->entities[rec->entity];
        if ((region->kind == TAGGER_KIND_PLACE || region->kind == TAGGER_KIND_COUNTRY) &&
            (dateline ? date_or_credit_after(ln, rec->end) : phrase_ends(ln, rec->end))) {
            uint32_t c = region->kind == TAGGER_KIND_COUNTRY ? rec->entity : region->country_entity;
            *country = c == TG_NONE ? 0 : c + 1;
            return e;
        }
    }
    return 0;
}

/* Words that, after a place the gazetteer knows, make a football club's
 * name ("Manchester City", "Blackburn Rovers", "Nottingham Forest"), which
 * the model types a place: a city of that name is the gazetteer's, whole
 * ("Mexico City", "Quezon City"). */
static const char *const club_ends[] = {"City",   "Rovers",  "Athletic", "Wanderers",
                                        "Albion", "Hotspur", "Argyle",   "Forest"};

/* Whether words [a, b) are a place's one word that a gazetteer mention
 * covers and another, spaced, that none does, of @p n @p ends. */
static bool place_and(const line_t *ln, size_t a, size_t b, const char *const *ends, size_t n)
{
    return b - a == 2 && ln->w[a].covered && !ln->w[a + 1].covered && tg_recog_spaced(ln, a + 1) &&
           tg_word_in(ends, n, ln->text + ln->w[a + 1].start,
                      ln->w[a + 1].end - ln->w[a + 1].start);
}

/* The club, not after "in": "based in Edinburgh City" is the city. */
bool tg_recog_club_of_place(const line_t *ln, size_t a, size_t b)
{
    return place_and(ln, a, b, club_ends, sizeof club_ends / sizeof *club_ends) &&
           !(a > 0 && tg_recog_word_is(ln, a - 1, "in"));
}

/* The ends of a city's landmarks ("Stamford Bridge", "Leicester Square",
 * "Liverpool Street"), which are seldom in that city: the three are in
 * London.  (A river, a bay or a coast named after a place is in it or by
 * it: "Mississippi River", "Guantanamo Bay", "California Coast".) */
static const char *const landmark_ends[] = {"Bridge", "Square", "Street", "Road", "Avenue"};

/* A landmark named after a city: words [a, b), typed PLACE, of
 * place_and() landmark_ends, the mention of cities only.  The city's
 * mention is dropped, and its country's through it. */
static bool landmark_of_city(const tagger_t *tg, tagger_scratch_t *s, const line_t *ln, size_t a,
                             size_t b)
{
    return place_and(ln, a, b, landmark_ends, sizeof landmark_ends / sizeof *landmark_ends) &&
           tg_recog_cities_only(tg, s, ln->w[a].start, ln->w[a].end) &&
           tg_recog_drop_places(tg, s, ln->w[a].start, ln->w[a].end, false) > 0;
}

/* A continent's part ("Latin America", "Central America"): words [a, b),
 * typed PLACE, of continent_part(), the continent's word covered by a
 * gazetteer mention ("America", the United States), which is dropped. */
static bool part_of_continent(const tagger_t *tg, tagger_scratch_t *s, const line_t *ln, size_t a,
                              size_t b)
{
    return continent_part(ln, a, b) && !ln->w[a].covered && ln->w[a + 1].covered &&
           tg_recog_spaced(ln, a + 1) &&
           tg_recog_drop_places(tg, s, ln->w[a + 1].start, ln->w[a + 1].end, true) > 0;
}

bool tg_recog_places_in_name(const tagger_t *tg, tagger_scratch_t *s, const line_t *ln, size_t a,
                             size_t b, uint32_t kind, bool cued)
{
    if (kind == TAGGER_KIND_PLACE) {
        return landmark_of_city(tg, s, ln, a, b) || part_of_continent(tg, s, ln, a, b);
    }
    return kind == TAGGER_KIND_ORG
               ? place_starts_company(tg, s, ln, a, b) || place_inside_company(tg, s, ln, a, b) ||
                     place_ends_company(tg, s, ln, a, b) || institution_of_place(tg, s, ln, a, b)
               : kind == TAGGER_KIND_PERSON && (surname_is_place(tg, s, ln, a, b) ||
                                                (cued && given_name_is_place(tg, s, ln, a, b)));
}
