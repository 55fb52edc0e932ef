/*
 * recog_links.c - the short mentions that join a longer name among the
 * recognizer's names (recognize.c, step 5; recog_names.c groups the spans
 * into names and types them, and tg_recog_make_names() calls these in
 * turn): a one-word name that is the first or last word of exactly one
 * longer person, work or company ("Obi" after "Peter Obi", "Texaco" after
 * "Texaco Inc", "Huawei" after "Huawei Technologies"), or a two-word one
 * that ends a person ("Suu Kyi"); a surname two people share, to one of
 * them ("Treasury Secretary Baker"), and after a title to the person
 * whose last word it is ("Mr Paulsmeier"); the last word of exactly one
 * recognized organization ("Villa" after "Aston Villa"); an acronym in
 * brackets after an organization's name or its initials ("CFTC", "SEC");
 * a clipped name ("Fed" after "Federal Reserve"); a surname the model
 * left alone, or that a gazetteer took for a place ("Volcker added",
 * "Bolton" after "John Bolton"); a word the model left alone that is a
 * one-word name elsewhere ("Euronext said"); a city the text names
 * elsewhere as a club ("Bolton were creating little"); and the last word
 * of exactly one gazetteer organization ("United" after "Manchester
 * United").  Each pass sorts once the words it looks names up by
 * (r->end_words, struct end_word), and each span then looks itself up.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "recog_internal.h"
#include "scratch.h"

/* ------------------------------------------------------------------------ */
/* Short spans                                                               */

/* Adds a span of word @p i, a mention of name @p name, of @p kind, @p via
 * (TAGGER_VIA_SHORT, or TAGGER_VIA_NAME: the name's very word). */
static int add_word_span(tg_recog_t *r, size_t i, uint32_t name, uint32_t kind, uint8_t via)
{
    if (tg_grow((void **)&r->spans, &r->cap_spans, r->n_spans + 1, sizeof *r->spans)) {
        return TAGGER_ERR_NOMEM;
    }
    r->spans[r->n_spans++] = (span_t){(uint32_t)i, (uint32_t)i + 1, kind, name, via, 0, 0, 0};
    return TAGGER_OK;
}

/* add_word_span() of a short mention. */
static int add_short_span(tg_recog_t *r, size_t i, uint32_t name, uint32_t kind)
{
    return add_word_span(r, i, name, kind, TAGGER_VIA_SHORT);
}

/* Sets each word's in_span. */
static void mark_spans(tg_recog_t *r)
{
    for (size_t i = 0; i < r->n_words; i++) {
        r->words[i].in_span = 0;
    }
    for (size_t k = 0; k < r->n_spans; k++) {
        for (size_t i = r->spans[k].first; i < r->spans[k].end; i++) {
            r->words[i].in_span = 1;
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Short names: the first or last words of a longer name                     */

/* Whether word @p i opens a line or a sentence: the first of the text,
 * after a line break or after a full stop, question or exclamation mark. */
static bool opens_line_or_sentence(const tg_recog_t *r, const char *text, size_t i)
{
    if (i == 0) {
        return true;
    }
    const word_t *prev = &r->words[i - 1];
    char c = text[prev->start];
    return memchr(text + prev->end, '\n', r->words[i].start - prev->end) ||
           (prev->end - prev->start == 1 && (c == '.' || c == '?' || c == '!'));
}

/* The hash of the capitalised word right before word @p i ("Secretary",
 * "Mr"), or 0. */
static uint64_t title_before(const tg_recog_t *r, size_t i)
{
    return i > 0 && r->words[i - 1].cap ? r->words[i - 1].h_low : 0;
}

/* The person a surname @p h names, after word title @p title
 * (title_before()), when @p h is the surname of two or more of the @p n
 * sorted end words and nothing else ("Jackson" after "Michael Jackson" and
 * "Katherine Jackson"; not after "Tim Henman" and the headline's "Classy
 * Henman"), or -1: the one named after the same title ("Treasury Secretary
 * Baker" is "Treasury Secretary James Baker", not "White House Chief of
 * Staff Howard Baker"), else the first named: the names are numbered as
 * the text first gives them (recog_names.c group_spans()), and news names the one it is
 * about first ("Osbourne said" after "Rock star Ozzy Osbourne", before
 * "Sharon Osbourne"). */
static int64_t person_of_surname(const tg_recog_t *r, size_t n, uint64_t h, uint64_t title)
{
    size_t lo = tg_recog_first_end_word(r, n, h);
    int64_t titled = -1;
    for (size_t i = lo; i < n && r->end_words[i].h_low == h; i++) {
        const struct end_word *e = &r->end_words[i];
        if (!e->surname) {
            return -1; /* another name's first word too: "Jackson Browne" */
        }
        if (title && e->title == title) {
            int64_t name = e->name;
            titled = titled == -1 || titled == name ? name : -2; /* -2: two so titled */
        }
    }
    if (lo == n) {
        return -1;
    }
    return titled >= 0 ? titled : (int64_t)r->end_words[lo].name;
}

/* The company a word @p h opens when it opens two or more companies of
 * the @p n sorted end words and nothing else ("Hanson" after "Hanson Trust
 * PLC" and "Hanson Industries", a group and its part), or -1: the first
 * named, as news names the one it is about first (person_of_surname()). */
static int64_t company_of_first_word(const tg_recog_t *r, size_t n, uint64_t h)
{
    size_t lo = tg_recog_first_end_word(r, n, h);
    for (size_t i = lo; i < n && r->end_words[i].h_low == h; i++) {
        if (r->end_words[i].kind != TAGGER_KIND_ORG) {
            return -1;
        }
    }
    return lo == n ? -1 : (int64_t)r->end_words[lo].name;
}

/* The person word @p i names after a title ("Mr Paulsmeier" after "Mark
 * Paulsmeier" and his "Paulsmeier Group"): the one PERSON of the @p n
 * sorted end words whose last word it is, whatever names it opens ("Mr
 * Blunkett" is "David Blunkett", not the headline's "Blunkett Sheffield"),
 * or -1 (none, or two: "Mr Begg" after "Moazzam Begg" and "Azmat Begg"). */
static int64_t titled_person(const tg_recog_t *r, const char *text, size_t n, size_t i)
{
    const word_t *prev = i > 0 ? &r->words[i - 1] : NULL;
    if (!prev ||
        !tg_recog_in_set(&r->fx.sets.titles, text + prev->start, prev->end - prev->start)) {
        return -1;
    }
    uint64_t h = r->words[i].h_low;
    int64_t found = -1;
    for (size_t k = tg_recog_first_end_word(r, n, h); k < n && r->end_words[k].h_low == h; k++) {
        const struct end_word *e = &r->end_words[k];
        if (e->last && e->kind == TAGGER_KIND_PERSON) {
            found = found == -1 || found == (int64_t)e->name ? (int64_t)e->name : -2;
        }
    }
    return found >= 0 ? found : -1;
}

/* The key of the last two words of a name ending at word @p end, beside
 * those of single words in end_words. */
static uint64_t last_two_words(const tg_recog_t *r, size_t end)
{
    return tg_names_mix(r->words[end - 2].h_low, r->words[end - 1].h_low);
}

/* Whether span @p sp ends in a legal form ("Texaco Inc") or a company's
 * trade ("Huawei Technologies"). */
static bool company_ends(const tg_recog_t *r, const char *text, const span_t *sp)
{
    const word_t *last = &r->words[sp->end - 1];
    const char *w = text + last->start;
    size_t len = last->end - last->start;
    return tg_recog_in_set(&r->fx.sets.legal_forms, w, len) ||
           tg_recog_in_set(&r->fx.sets.company_trades, w, len);
}

/* Votes of name @p n of the uncued spans: how many the model typed. */
static uint32_t model_votes(const tg_recog_t *r, uint32_t n)
{
    uint32_t sum = 0;
    for (uint32_t k = 0; k < 5; k++) {
        sum += r->votes[n][k] % CUED_VOTES;
    }
    return sum;
}

/* "Yahoo" and "Yahoo Messenger": a one-word span of a name that is no
 * PERSON (an ORG: most of its spans, or a cue, say so) and whose word
 * opens a longer PERSON that the model alone typed, in fewer spans, with
 * no first name, names the whole of which the longer name is a part, as
 * an organization's first word does (recog_names.c type_org_first_words()): it stays
 * itself, and the longer name takes its kind (a product, a division).
 * Otherwise twenty mentions of "Yahoo" went to the one PERSON "Yahoo
 * Messenger" as its short name.  A surname stays a short name whatever
 * the model typed it ("Obi" after "Peter Obi"). */
static bool names_the_whole(tg_recog_t *r, const span_t *sp, uint32_t full, size_t n_end_words)
{
    uint32_t own = sp->name;
    tg_recognized_t *whole = &r->names[own], *part = &r->names[full];
    uint64_t h = r->words[sp->first].h_low;
    /* The longer name was listed as a PERSON: an earlier span of this word
     * may have made it an ORG since, which this one does not join either.
     * Not one the model never typed a person, a person by its surname
     * (recog_names.c type_people_by_surname(): "Lleyton" and "Lleyton Hewitt"). */
    if (sp->end - sp->first != 1 || whole->kind != TAGGER_KIND_ORG ||
        r->votes[full][TAGGER_KIND_PERSON] == 0 ||
        r->votes[full][TAGGER_KIND_PERSON] >= CUED_VOTES ||
        r->votes[own][whole->kind] <= model_votes(r, full) || r->words[sp->first].first ||
        r->end_words[tg_recog_first_end_word(r, n_end_words, h)].kind != TAGGER_KIND_PERSON) {
        return false;
    }
    /* Its word opens the longer name (not a surname that ends it): the
     * name's text starts at one of its spans' first word. */
    size_t first = tg_recog_word_after(r, part->name_start);
    if (first == r->n_words || r->words[first].start != part->name_start ||
        r->words[first].h_low != r->words[sp->first].h_low) {
        return false;
    }
    part->kind = whole->kind;
    return true;
}

/* "Obi" after "Peter Obi": a one-word name that is the first or last word
 * of exactly one longer PERSON or work's title ("Vera" after "drama Vera
 * Drake", then no entity either), or the first word of exactly one
 * company's name ending in a legal form or a trade (recog_orgs.c
 * company_trades: "Texaco" after "Texaco Inc", "Huawei" after "Huawei
 * Technologies"), joins it; a work's title joins none ("biopic Ray" is not Ray Charles); so
 * does a two-word name that ends exactly one PERSON of three words or more
 * ("Suu Kyi" after "Aung San Suu Kyi", "Lloyd Webber") and opens with
 * neither a common word nor a legal form (where the model ran a name into
 * the word before it: "Singer Courtney Love" is no one's full name).  Not
 * other organizations' first words: they name the whole of which the
 * longer name is a part ("BBC" and "BBC Radio", "House" and "House Ways
 * and Means Committee").  The end words of the longer names are sorted
 * once and each short name looks itself up, so the cost is n log n in the
 * number of spans. */
int tg_recog_link_short_names(tg_recog_t *r, const tg_names_t *m, const char *text)
{
    size_t n = 0;
    for (size_t j = 0; j < r->n_spans; j++) {
        const span_t *full = &r->spans[j];
        uint32_t kind = r->names[full->name].kind;
        bool person = kind == TAGGER_KIND_PERSON;
        bool work = kind == 0; /* a work's title: "Vera" of "Vera Drake" is none either */
        bool company = kind == TAGGER_KIND_ORG && company_ends(r, text, full);
        if (full->end - full->first < 2 || !(person || work || company)) {
            continue;
        }
        if (tg_grow((void **)&r->end_words, &r->cap_end_words, n + 3, sizeof *r->end_words)) {
            return TAGGER_ERR_NOMEM;
        }
        const word_t *first = &r->words[full->first];
        r->end_words[n++] =
            (struct end_word){first->h_low, full->name, kind, false, false, 0, false};
        if (person || work) {
            bool surname = person && !tg_names_common(m, first->h_low) &&
                           (first->first || !opens_line_or_sentence(r, text, full->first));
            uint64_t title = title_before(r, full->first);
            r->end_words[n++] = (struct end_word){
                r->words[full->end - 1].h_low, full->name, kind, false, surname, title, true};
        }
        if (person && full->end - full->first >= 3 && !tg_names_common(m, first->h_low) &&
            !tg_recog_in_set(&r->fx.sets.legal_forms, text + first->start,
                             first->end - first->start)) {
            r->end_words[n++] = (struct end_word){
                last_two_words(r, full->end), full->name, kind, false, false, 0, false};
        }
    }
    if (n > 1) { /* end_words is NULL before the first long name: qsort(NULL) is UB */
        qsort(r->end_words, n, sizeof *r->end_words, tg_recog_cmp_end_word);
    }
    for (size_t k = 0; k < r->n_spans && n; k++) {
        span_t *sp = &r->spans[k];
        size_t words = sp->end - sp->first;
        if (words > 2 || r->names[sp->name].kind == 0) {
            continue;
        }
        uint64_t h = words == 1 ? r->words[sp->first].h_low : last_two_words(r, sp->end);
        int64_t found = tg_recog_only_name(r, n, h);
        if (found < 0 && words == 1) {
            found = person_of_surname(r, n, h, title_before(r, sp->first));
        }
        if (found < 0 && words == 1) {
            found = company_of_first_word(r, n, h);
        }
        if (found < 0 && words == 1) {
            found = titled_person(r, text, n, sp->first);
        }
        if (found >= 0 && !names_the_whole(r, sp, (uint32_t)found, n)) {
            sp->name = (uint32_t)found;
            sp->via = TAGGER_VIA_SHORT;
        }
    }
    return TAGGER_OK;
}

/* Clipped names the news gives an institution, by the two words its full
 * name opens with: "Fed" for the US Federal Reserve (in 312 of the 21,578
 * Reuters records, 185 of which name it in full too, as "Federal Reserve"
 * or "Federal Reserve Board"; not "Federal Express"). */
static const struct clipping {
    const char *clip, *first, *second;
} clippings[] = {{"Fed", "Federal", "Reserve"}};

/* The shortest, then first named, of the text's ORG names of two words or
 * more that open with words @p first and @p second ("Federal Reserve"
 * before "Federal Reserve Board Vice-Chairman", where the model ran the
 * name into a post), or -1. */
static int64_t org_opening(const tg_recog_t *r, const char *text, const char *first,
                           const char *second)
{
    int64_t best = -1;
    size_t best_words = 0;
    for (size_t k = 0; k < r->n_spans; k++) {
        const span_t *sp = &r->spans[k];
        size_t words = sp->end - sp->first;
        if (words < 2 || r->names[sp->name].kind != TAGGER_KIND_ORG ||
            (best >= 0 && words >= best_words)) {
            continue;
        }
        const word_t *a = &r->words[sp->first], *b = &r->words[sp->first + 1];
        if (tg_word_is_nocase(text + a->start, a->end - a->start, first) &&
            tg_word_is_nocase(text + b->start, b->end - b->start, second)) {
            best = sp->name;
            best_words = words;
        }
    }
    return best;
}

/* "Fed" after "Federal Reserve": a one-word ORG that is a clipped name of
 * clippings, in any case ("FED" in a headline), is a short mention of the
 * text's ORG whose full name opens as the clipping says (org_opening():
 * "Federal Reserve Board" too). */
int tg_recog_link_clippings(tg_recog_t *r, const char *text)
{
    size_t n_clippings = sizeof clippings / sizeof *clippings;
    for (size_t k = 0; k < r->n_spans; k++) {
        span_t *sp = &r->spans[k];
        const word_t *w = &r->words[sp->first];
        if (sp->end - sp->first != 1 || r->names[sp->name].kind != TAGGER_KIND_ORG) {
            continue;
        }
        for (size_t c = 0; c < n_clippings; c++) {
            if (!tg_word_is_nocase(text + w->start, w->end - w->start, clippings[c].clip)) {
                continue;
            }
            int64_t full = org_opening(r, text, clippings[c].first, clippings[c].second);
            if (full >= 0) {
                sp->name = (uint32_t)full;
                sp->via = TAGGER_VIA_SHORT;
            }
        }
    }
    return TAGGER_OK;
}

/* The key of an acronym of 2 to 8 capitals, as written at input bytes
 * [start, end), or 0 when it is none. */
static uint64_t acronym_key(const char *text, uint32_t start, uint32_t end)
{
    if (end - start < 2 || end - start > 8 || !tg_recog_capitals_only(text + start, end - start)) {
        return 0;
    }
    uint64_t key = 0;
    for (uint32_t i = start; i < end; i++) {
        key = key << 8 | (uint8_t)text[i];
    }
    return key;
}

/* The key of the initials of an organization's name of span @p sp written
 * in mixed case: the first letters of its capitalised words, lower-case
 * words skipped ("Securities and Exchange Commission": "SEC"); 0 for
 * fewer than three, or a word that opens with neither kind of letter. */
static uint64_t initials_key(const tg_recog_t *r, const char *text, const span_t *sp)
{
    uint64_t key = 0;
    size_t n = 0;
    bool lower = false;
    for (size_t i = sp->first; i < sp->end; i++) {
        const word_t *w = &r->words[i];
        char c = text[w->start];
        if (c >= 'A' && c <= 'Z') {
            if (n++ == 8) {
                return 0;
            }
            key = key << 8 | (uint8_t)c;
        } else if (!(c >= 'a' && c <= 'z')) {
            return 0;
        }
        lower |= tg_recog_has_lower(text, w->start, w->end);
    }
    return n >= 3 && lower ? key : 0;
}

/* The word in brackets of its own from word @p i on ("(", "CFTC", ")"; or
 * the angle brackets of a ticker symbol, "Rexnord Inc <REX>"), or
 * r->n_words when there is none. */
static size_t in_brackets(const tg_recog_t *r, const char *text, size_t i)
{
    if (i + 2 >= r->n_words) {
        return r->n_words;
    }
    const word_t *open = &r->words[i], *close = &r->words[i + 2];
    if (open->end - open->start != 1 || close->end - close->start != 1) {
        return r->n_words;
    }
    char o = text[open->start], c = text[close->start];
    return (o == '(' && c == ')') || (o == '<' && c == '>') ? i + 1 : r->n_words;
}

/* "SEC" and "Securities and Exchange Commission", "CFTC" after "Commodity
 * Futures Trading Commission (CFTC)": an acronym (or a ticker symbol) the
 * text gives in brackets right after an organization's name, or the
 * initials of its name (as short_names.c does for the gazetteer's), is a
 * short mention of that organization wherever it stands (wire copy puts
 * the acronym in the headline), when it is the acronym of exactly one.
 * The acronyms of the names are sorted once, as the end words of
 * tg_recog_link_short_names() are. */
int tg_recog_link_acronyms(tg_recog_t *r, const char *text)
{
    size_t n = 0, n_spans = r->n_spans;
    for (size_t k = 0; k < n_spans; k++) {
        const span_t *sp = &r->spans[k];
        uint32_t kind = r->names[sp->name].kind;
        if (sp->end - sp->first < 2 || (kind != TAGGER_KIND_ORG && kind != 0)) {
            continue; /* an organization's, or a treaty's ("(ICA)") */
        }
        uint64_t keys[2] = {initials_key(r, text, sp), 0};
        size_t after = in_brackets(r, text, sp->end);
        if (after < r->n_words && !r->words[after].covered) {
            keys[1] = acronym_key(text, r->words[after].start, r->words[after].end);
        }
        if (tg_grow((void **)&r->end_words, &r->cap_end_words, n + 2, sizeof *r->end_words)) {
            return TAGGER_ERR_NOMEM;
        }
        for (size_t j = 0; j < 2; j++) {
            if (keys[j]) {
                r->end_words[n++] = (struct end_word){keys[j], sp->name, 0, false, false, 0, false};
            }
        }
        /* "(CFTC)" that the model left alone is a mention too */
        if (keys[1] && (k + 1 == n_spans || r->spans[k + 1].first != after) &&
            add_short_span(r, after, r->spans[k].name, kind)) {
            return TAGGER_ERR_NOMEM;
        }
    }
    if (n > 1) {
        qsort(r->end_words, n, sizeof *r->end_words, tg_recog_cmp_end_word);
    }
    for (size_t k = 0; k < r->n_spans && n; k++) {
        span_t *sp = &r->spans[k];
        uint64_t key = sp->end - sp->first == 1
                           ? acronym_key(text, r->words[sp->first].start, r->words[sp->first].end)
                           : 0;
        int64_t name = key ? tg_recog_only_name(r, n, key) : -1;
        if (name >= 0 && (uint32_t)name != sp->name) {
            sp->name = (uint32_t)name;
            sp->via = TAGGER_VIA_SHORT;
        }
    }
    if (n == 0) {
        return TAGGER_OK;
    }
    /* The acronym where the model left it alone ("SEC PROBES TRADES") */
    mark_spans(r);
    for (size_t i = 0; i < r->n_words; i++) {
        const word_t *w = &r->words[i];
        uint64_t key =
            w->cap && !w->covered && !w->in_span ? acronym_key(text, w->start, w->end) : 0;
        int64_t name = key ? tg_recog_only_name(r, n, key) : -1;
        if (name >= 0 && add_short_span(r, i, (uint32_t)name, TAGGER_KIND_ORG)) {
            return TAGGER_ERR_NOMEM;
        }
    }
    return TAGGER_OK;
}

/* ------------------------------------------------------------------------ */
/* Surnames                                                                  */

/* Words right before a place's name that keep it a place ("in Bolton",
 * "near Salem"), whoever else is named so. */
static const char *const place_prepositions[] = {"in",      "at",     "near",   "from",
                                                 "outside", "around", "across", "via"};

/* The word of r->words that is exactly input bytes [start, end), or
 * r->n_words. */
static size_t word_at(const tg_recog_t *r, uint32_t start, uint32_t end)
{
    size_t i = tg_recog_word_after(r, start);
    return i < r->n_words && r->words[i].start == start && r->words[i].end == end ? i : r->n_words;
}

/* Sorts into r->end_words the last words of the PERSON names the text
 * gives in two words or more, opening with a first name, an initial or,
 * outside title-case lines and the headline, a word in mixed case that is
 * no common word and no gazetteer's (first names the lists lack: "MaliVai
 * Washington", "Marat Safin", "Yasuhiro Nakasone"; not a bank the model
 * typed PERSON, "Chase Manhattan"; not the model's misreading of a
 * headline, "Blair and Blunkett Sheffield trip", "Yeltsin endorses Lebed
 * Chechnya peace plan"), and ending in a word with lower case (not the
 * model's "Ray DVD" or "Mark IV"): the surnames a text goes on to name
 * them by.  Returns their number, or (size_t)-1 without memory. */
static size_t surnames(const tagger_t *tg, const tagger_scratch_t *s, tg_recog_t *r,
                       const char *text)
{
    size_t n = 0, cursor = 0;
    for (size_t k = 0; k < r->n_spans; k++) {
        const span_t *sp = &r->spans[k];
        const word_t *first = &r->words[sp->first];
        bool initial = first->end - first->start == 2 && text[first->end - 1] == '.';
        const word_t *last = &r->words[sp->end - 1];
        bool named = initial || first->first ||
                     (!sp->weak && tg_recog_has_lower(text, first->start, first->end) &&
                      !first->covered && !tg_names_common(tg->names, first->h_low) &&
                      tg_layout_zone(&s->layout, &cursor, first->start) != TG_ZONE_TITLE);
        if (sp->end - sp->first < 2 || r->names[sp->name].kind != TAGGER_KIND_PERSON || !named ||
            !tg_recog_has_lower(text, last->start, last->end)) {
            continue;
        }
        if (tg_grow((void **)&r->end_words, &r->cap_end_words, n + 1, sizeof *r->end_words)) {
            return (size_t)-1;
        }
        bool given =
            first->first && !tg_names_common(tg->names, first->h_low); /* not "Wake Me Up" */
        r->end_words[n++] = (struct end_word){last->h_low, sp->name, 0, given, false, 0, false};
    }
    if (n > 1) {
        qsort(r->end_words, n, sizeof *r->end_words, tg_recog_cmp_end_word);
    }
    return n;
}

/* Whether word @p other, right before or after word @p i with only spaces
 * between, is a capitalised word in mixed case that is no common word nor
 * a compound of one ("London-based"): with it, word i is part of some
 * other name. */
static bool name_beside(const tagger_t *tg, const tg_recog_t *r, const char *text, size_t i,
                        size_t other)
{
    size_t a = i < other ? i : other, b = i < other ? other : i;
    for (uint32_t k = r->words[a].end; k < r->words[b].start; k++) {
        if (text[k] != ' ') {
            return false;
        }
    }
    const word_t *w = &r->words[other];
    return w->cap && w->cand && !tg_recog_compound(text + w->start, w->end - w->start) &&
           tg_recog_has_lower(text, w->start, w->end) && !tg_names_common(tg->names, w->h_low);
}

/* Whether the word at @p start stands inside a sentence of the article's
 * body: after a word, a comma or a hyphen on its line, not at the line's
 * start nor after a full stop, colon or opening quote or bracket. */
static bool inside_body_sentence(const tagger_scratch_t *s, size_t *cursor, const char *text,
                                 size_t start)
{
    size_t k = start;
    while (k > 0 && (text[k - 1] == ' ' || text[k - 1] == '\t')) {
        k--;
    }
    if (k == 0 || tg_layout_zone(&s->layout, cursor, start) != TG_ZONE_BODY) {
        return false;
    }
    unsigned char c = (unsigned char)text[k - 1];
    return c == ',' || c == '-' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
}

/* Whether word @p w ends organizations' names ("Reagan Administration",
 * "Tandy Corporation"): the model's PERSON that ends so is none. */
static bool organization_word(const tg_recog_t *r, const char *text, const word_t *w)
{
    const char *at = text + w->start;
    size_t len = w->end - w->start;
    return tg_recog_after_a_person(at, len) || tg_recog_in_set(&r->fx.sets.org_suffixes, at, len);
}

/* "Volcker added that ..." after "Paul Volcker": a capitalised word in no
 * span and no gazetteer mention, that the model left O (it opens a
 * sentence, or a headline: "VOLCKER SEES NO NEED FOR RATE RISE"), is a
 * short mention of the one person whose surname it is (the @p n end words
 * of surnames()).  Not a common word ("Brown", "Young", "Price" open
 * sentences as words) unless inside a sentence of the body, the surname of
 * a name that opens with a first name of the lists which is no common word
 * ("the judges said Levy was": Andrea Levy; not "Up" of a song, "Wake Me
 * Up"); not a word that is never a name ("Merry Christmas"); not a word
 * beside another capitalised word that is no common word: that is someone
 * else's name ("Paul Volcker" and "Volcker Group"; but the title-case
 * headline "Volcker Sees No Need"). */
static int lone_surnames(const tagger_t *tg, const tagger_scratch_t *s, tg_recog_t *r,
                         const char *text, size_t n)
{
    if (n == 0) {
        return TAGGER_OK;
    }
    mark_spans(r);
    size_t cursor = 0;
    for (size_t i = 0; i < r->n_words; i++) {
        const word_t *w = &r->words[i];
        if (!w->cap || !w->cand || w->covered || w->in_span ||
            tg_recog_never_alone(&r->fx.sets, text + w->start, w->end - w->start)) {
            continue;
        }
        int64_t name = tg_recog_only_name(r, n, w->h_low);
        if (name >= 0 && tg_names_common(tg->names, w->h_low) &&
            !(r->end_words[tg_recog_first_end_word(r, n, w->h_low)].given &&
              inside_body_sentence(s, &cursor, text, w->start) && !organization_word(r, text, w))) {
            continue;
        }
        if (name < 0 || (i > 0 && name_beside(tg, r, text, i, i - 1)) ||
            (i + 1 < r->n_words && name_beside(tg, r, text, i, i + 1))) {
            continue;
        }
        if (add_short_span(r, i, (uint32_t)name, TAGGER_KIND_PERSON)) {
            return TAGGER_ERR_NOMEM;
        }
    }
    return TAGGER_OK;
}

/* The word of gazetteer mention @p rec when it is one capitalised word
 * not after a preposition of place ("flew in from Bolton"), or
 * r->n_words (more than a word, a word not hashed, or a place meant). */
static size_t lone_mention_word(const tg_recog_t *r, const char *text, const tg_rec_t *rec)
{
    size_t i = word_at(r, rec->start, rec->end);
    if (i == r->n_words || !r->words[i].cap) {
        return r->n_words;
    }
    const word_t *before = i > 0 ? &r->words[i - 1] : NULL;
    size_t n_prepositions = sizeof place_prepositions / sizeof *place_prepositions;
    if (before && tg_word_in(place_prepositions, n_prepositions, text + before->start,
                             before->end - before->start)) {
        return r->n_words;
    }
    return i;
}

/* "Bolton" after "John Bolton": a gazetteer's mention of a PLACE in one
 * word that is the surname of exactly one PERSON of the text (the @p n
 * end words of surnames()) is that person's, not Bolton in Lancashire
 * (nor, through it, the United Kingdom): its mention, and the country's
 * through it, are dropped, and it is a short mention of the person.  Not
 * after a preposition of place ("flew in from Bolton").  The one-word
 * places surnames take ("Preston", "Dallas", "Warren", "Taft") are many,
 * and a news story that names a person in full names him by surname
 * after.  So do the countries and companies whose names are given names
 * or surnames too (flagged so: "Jordan" after "Neil Jordan", "Biglari"
 * after "Sardar Biglari"). */
static int place_surnames(const tagger_t *tg, tagger_scratch_t *s, tg_recog_t *r, const char *text,
                          size_t n)
{
    for (size_t k = 0; k < s->n_recs && n; k++) {
        tg_rec_t *rec = &s->recs[k];
        if ((rec->flags & TG_REC_DROPPED) || rec->entity >= tg->n_entities ||
            rec->via == TAGGER_VIA_PLACE) {
            continue;
        }
        uint32_t kind = tg->entities[rec->entity].kind;
        bool given = rec->alias < tg->n_aliases &&
                     (tg->aliases[rec->alias].flags & TG_ALIAS_GIVEN_NAME);
        bool given_country = kind == TAGGER_KIND_COUNTRY && given;
        bool given_org = kind == TAGGER_KIND_ORG && given;
        if (kind != TAGGER_KIND_PLACE && !given_country && !given_org) {
            continue;
        }
        size_t i = lone_mention_word(r, text, rec);
        if (i == r->n_words) {
            continue;
        }
        int64_t name = tg_recog_only_name(r, n, r->words[i].h_low);
        if (name < 0) {
            continue; /* no such person, or two */
        }
        if (given_org) {
            rec->flags |= TG_REC_DROPPED; /* no place, no country through it */
        } else if (tg_recog_drop_places(tg, s, rec->start, rec->end, given_country) <= 0) {
            continue;
        }
        if (add_short_span(r, i, (uint32_t)name, TAGGER_KIND_PERSON)) {
            return TAGGER_ERR_NOMEM;
        }
    }
    return TAGGER_OK;
}

/* The surnames of the text's people (surnames()) joined to them: where
 * the model left them alone (lone_surnames()), then where a gazetteer
 * took them for places (place_surnames()). */
int tg_recog_link_surnames(const tagger_t *tg, tagger_scratch_t *s, tg_recog_t *r, const char *text)
{
    size_t n = surnames(tg, s, r, text);
    if (n == (size_t)-1) {
        return TAGGER_ERR_NOMEM;
    }
    int rc = lone_surnames(tg, s, r, text, n);
    return rc ? rc : place_surnames(tg, s, r, text, n);
}

static bool has_digit(const char *s, size_t len)
{
    for (size_t k = 0; k < len; k++) {
        if (s[k] >= '0' && s[k] <= '9') {
            return true;
        }
    }
    return false;
}

/* Whether word @p i is part of a longer name with word @p other, right
 * before or after it with only spaces between: name_beside(), or a first
 * name before it ("Bill Cosby"), or a capitalised word after it that a
 * gazetteer's mention covers ("Gulf Canada Resources"; but a country
 * before an organization is no part of its name: "U.S. Treasury"). */
static bool in_name_with(const tagger_t *tg, const tg_recog_t *r, const char *text, size_t i,
                         size_t other)
{
    if (name_beside(tg, r, text, i, other)) {
        return true;
    }
    const word_t *w = &r->words[other];
    size_t a = i < other ? i : other, b = i < other ? other : i;
    return w->cap && (other < i ? w->first : w->covered) &&
           r->words[b].start - r->words[a].end == 1 && text[r->words[a].end] == ' ';
}

/* Sorts into r->end_words the one-word names the text gives outside
 * title-case lines (span_t weak) and not in capitals only: of any kind
 * and no common word, or @p orgs only, common words too ("Reading" the
 * club).  Returns their number, or (size_t)-1 without memory. */
static size_t one_word_names(const tagger_t *tg, tg_recog_t *r, const char *text, bool orgs)
{
    size_t n = 0;
    for (size_t k = 0; k < r->n_spans; k++) {
        const span_t *sp = &r->spans[k];
        const word_t *w = &r->words[sp->first];
        uint32_t kind = r->names[sp->name].kind;
        if (sp->end - sp->first != 1 || sp->weak ||
            (orgs ? kind != TAGGER_KIND_ORG : kind == 0 || tg_names_common(tg->names, w->h_low)) ||
            tg_recog_capitals_only(text + w->start, w->end - w->start)) {
            continue;
        }
        if (tg_grow((void **)&r->end_words, &r->cap_end_words, n + 1, sizeof *r->end_words)) {
            return (size_t)-1;
        }
        r->end_words[n++] = (struct end_word){w->h_low, sp->name, kind, false, false, 0, false};
    }
    if (n > 1) {
        qsort(r->end_words, n, sizeof *r->end_words, tg_recog_cmp_end_word);
    }
    return n;
}

/* "Huawei launched a chip" after "Huawei said" elsewhere: a capitalised
 * word in no span and no gazetteer mention, that the model left O (it
 * opens a sentence, where CoNLL-2003's common words do), is a mention of
 * the one name the text gives as that word elsewhere, of its kind (a
 * name's short mention stands for the long name: "Huawei" for "Huawei
 * Technologies") outside a title-case line (one_word_names(): the
 * headline's "No Reconciliation or Unification", repeated as a page's
 * title and in a link, is no name on its own).  Not a common word, not
 * one that is never a name alone, not one in capitals only (an acronym or
 * a headline's word) or with a digit ("M3", "P2P"), and not part of a
 * longer name: beside another capitalised word that is no common word
 * ("Huawei Cloud"), after a first name ("Bill Cosby"), before a
 * gazetteer's name ("Gulf Canada Resources"). */
int tg_recog_link_lone_names(const tagger_t *tg, tg_recog_t *r, const char *text)
{
    size_t n = one_word_names(tg, r, text, false);
    if (n == 0 || n == (size_t)-1) {
        return n ? TAGGER_ERR_NOMEM : TAGGER_OK;
    }
    mark_spans(r);
    for (size_t i = 0; i < r->n_words; i++) {
        const word_t *w = &r->words[i];
        const char *at = text + w->start;
        size_t len = w->end - w->start;
        if (!w->cap || !w->cand || w->covered || w->in_span) {
            continue;
        }
        int64_t name = tg_recog_only_name(r, n, w->h_low);
        if (name < 0 || tg_recog_never_alone(&r->fx.sets, at, len) ||
            tg_recog_capitals_only(at, len) || tg_names_common(tg->names, w->h_low) ||
            has_digit(at, len) || (i > 0 && in_name_with(tg, r, text, i, i - 1)) ||
            (i + 1 < r->n_words && in_name_with(tg, r, text, i, i + 1))) {
            continue;
        }
        if (add_word_span(r, i, (uint32_t)name, r->names[name].kind, TAGGER_VIA_NAME)) {
            return TAGGER_ERR_NOMEM;
        }
    }
    return TAGGER_OK;
}

/* "Liverpool top" after "Liverpool beat Nottingham Forest 3-0": a
 * gazetteer's mention of a PLACE in one word that the text elsewhere gives
 * as a one-word ORG of its own (a club the results' rules or a cue typed,
 * against the gazetteer: recog_results.c, recog_orgs.c) is that ORG, not
 * the city (nor, through it, its country), one name of one kind in a
 * text.  Not after a preposition of place ("fans in Liverpool"), nor in
 * capitals only (a dateline: "LIVERPOOL, England -"). */
int tg_recog_link_place_orgs(const tagger_t *tg, tagger_scratch_t *s, tg_recog_t *r,
                             const char *text)
{
    size_t n = one_word_names(tg, r, text, true);
    if (n == 0 || n == (size_t)-1) {
        return n ? TAGGER_ERR_NOMEM : TAGGER_OK;
    }
    for (size_t k = 0; k < s->n_recs; k++) {
        const tg_rec_t *rec = &s->recs[k];
        if ((rec->flags & TG_REC_DROPPED) || rec->entity >= tg->n_entities ||
            rec->via == TAGGER_VIA_PLACE || tg->entities[rec->entity].kind != TAGGER_KIND_PLACE) {
            continue;
        }
        size_t i = lone_mention_word(r, text, rec);
        if (i == r->n_words || tg_recog_capitals_only(text + rec->start, rec->end - rec->start)) {
            continue;
        }
        int64_t name = tg_recog_only_name(r, n, r->words[i].h_low);
        if (name < 0 || tg_recog_drop_places(tg, s, rec->start, rec->end, false) <= 0) {
            continue;
        }
        if (add_word_span(r, i, (uint32_t)name, TAGGER_KIND_ORG, TAGGER_VIA_NAME)) {
            return TAGGER_ERR_NOMEM;
        }
    }
    return TAGGER_OK;
}

/* Organizations' suffixes that alone stand for the one named in full:
 * a club's or a paper's ("United" after "Dundee United", "Times" after
 * "Sunday Times"). */
static const char *const whole_suffixes[] = {"United", "Times", "Journal", "Post"};

/* Whether span @p sp is a one-word or two-word ORG of its own that may
 * stand for a longer organization's name ending in it: no acronym or
 * headline's word in capitals ("UAW" is not "National UAW"), and its last
 * word no common word, legal form, head or suffix of organizations' names
 * ("International", "Congress") but whole_suffixes; the first of two
 * capitalised ("Red Sox"). */
static bool lone_org_word(const tg_recog_t *r, const tg_names_t *m, const char *text,
                          const span_t *sp)
{
    size_t words = sp->end - sp->first;
    if (words > 2 || sp->via == TAGGER_VIA_SHORT || r->names[sp->name].kind != TAGGER_KIND_ORG ||
        !r->words[sp->first].cap) {
        return false;
    }
    const word_t *w = &r->words[sp->end - 1];
    const char *s = text + w->start;
    size_t len = w->end - w->start;
    const word_sets_t *sets = &r->fx.sets;
    if (tg_recog_capitals_only(s, len)) {
        return false;
    }
    if (tg_word_in(whole_suffixes, sizeof whole_suffixes / sizeof *whole_suffixes, s, len)) {
        return true;
    }
    return !tg_names_common(m, w->h_low) && !tg_recog_org_word(sets, s, len) &&
           !tg_recog_in_set(&sets->generic_heads, s, len);
}

/* The key of the last @p words (one or two) of a name ending at word
 * @p end. */
static uint64_t last_words_key(const tg_recog_t *r, size_t end, size_t words)
{
    return words == 1 ? r->words[end - 1].h_low : last_two_words(r, end);
}

/* "Eagles" after "Philadelphia Eagles", "Villa" after "Aston Villa", "Red
 * Sox" after "Boston Red Sox": a one-word or two-word ORG of
 * lone_org_word() is the last words of exactly one recognized ORG of more
 * words, after a capitalised word, opening
 * with neither a first name nor a common word, and no company ending in a
 * legal form or a trade (its first word is its short name:
 * tg_recog_link_short_names()): its spans join that name.  Not a PERSON
 * ("Murphy" beside the model's ORG "Geordan Murphy") nor a PLACE ("Europe"
 * beside "Ford Europe"); not where a longer PERSON opens or ends with the
 * word too, nor after a common word ("Shareholders United" is not the
 * club).  The last words are sorted once, and only for a text that has
 * such a word. */
int tg_recog_link_org_last_words(tg_recog_t *r, const tg_names_t *m, const char *text)
{
    bool any = false;
    for (size_t k = 0; k < r->n_spans && !any; k++) {
        any = lone_org_word(r, m, text, &r->spans[k]);
    }
    if (!any) {
        return TAGGER_OK;
    }
    size_t n = 0;
    for (size_t j = 0; j < r->n_spans; j++) {
        const span_t *full = &r->spans[j];
        if (full->end - full->first < 2) {
            continue;
        }
        uint32_t kind = r->names[full->name].kind;
        const word_t *first = &r->words[full->first], *last = &r->words[full->end - 1];
        bool org = kind == TAGGER_KIND_ORG && r->words[full->end - 2].cap && !first->first &&
                   !tg_names_common(m, first->h_low) && !company_ends(r, text, full);
        if (!org && kind != TAGGER_KIND_PERSON) {
            continue;
        }
        if (tg_grow((void **)&r->end_words, &r->cap_end_words, n + 3, sizeof *r->end_words)) {
            return TAGGER_ERR_NOMEM;
        }
        r->end_words[n++] =
            (struct end_word){last->h_low, full->name, kind, false, false, 0, false};
        if (org && full->end - full->first >= 3 && r->words[full->end - 3].cap) {
            r->end_words[n++] = (struct end_word){
                last_two_words(r, full->end), full->name, kind, false, false, 0, false};
        }
        if (kind == TAGGER_KIND_PERSON) {
            r->end_words[n++] =
                (struct end_word){first->h_low, full->name, kind, false, false, 0, false};
        }
    }
    if (n > 1) {
        qsort(r->end_words, n, sizeof *r->end_words, tg_recog_cmp_end_word);
    }
    for (size_t k = 0; k < r->n_spans && n; k++) {
        span_t *sp = &r->spans[k];
        if (!lone_org_word(r, m, text, sp)) {
            continue;
        }
        int64_t found = tg_recog_only_name(r, n, last_words_key(r, sp->end, sp->end - sp->first));
        if (found >= 0 && (uint32_t)found != sp->name && r->names[found].kind == TAGGER_KIND_ORG) {
            sp->name = (uint32_t)found;
            sp->via = TAGGER_VIA_SHORT;
        }
    }
    return TAGGER_OK;
}

/* ------------------------------------------------------------------------ */
/* Gazetteer organizations                                                   */

/* The hash of input bytes [start, end), ASCII letters in lower case: a
 * name's word and a gazetteer mention's, whatever their case
 * ("UNITED" and "United"). */
static uint64_t lower_hash(const char *text, uint32_t start, uint32_t end)
{
    uint64_t h = TG_NAMES_HASH_INIT;
    for (uint32_t i = start; i < end; i++) {
        char c = tg_ascii_lower(text[i]);
        h = tg_names_hash(h, &c, 1);
    }
    return h;
}

/* "United" after "Manchester United": a one-word name typed ORG or PLACE
 * (by the model: as a club's last word it reads like either) that is the
 * last word of the standing mentions of exactly one gazetteer
 * organization, after another capitalised word, joins that organization:
 * its spans become the organization's short mentions (names[].joins).
 * Not after a connector ("Africa" of "Economic Commission for Africa"),
 * not a common word, and not where a span of the name has a capitalised
 * word right before it that is no common word ("But United" is the club),
 * part of another name ("U.S. Bancorp" is not "Old National Bancorp").
 * The mentions' last words are sorted once (end_words, their name the
 * entity), as in tg_recog_link_short_names(). */
int tg_recog_join_gazetteer_orgs(const tagger_t *tg, const tagger_scratch_t *s, tg_recog_t *r,
                                 const char *text)
{
    size_t n = 0;
    for (size_t k = 0; k < s->n_recs; k++) {
        const tg_rec_t *rec = &s->recs[k];
        if ((rec->flags & TG_REC_DROPPED) || rec->entity >= tg->n_entities ||
            tg->entities[rec->entity].kind != TAGGER_KIND_ORG) {
            continue;
        }
        uint32_t last = rec->end;
        while (last > rec->start && text[last - 1] != ' ' && text[last - 1] != '\n') {
            last--;
        }
        if (last == rec->start || last == rec->end) {
            continue; /* one word */
        }
        uint32_t before = last - 1; /* the space; then the word before it */
        while (before > rec->start && text[before - 1] != ' ' && text[before - 1] != '\n') {
            before--;
        }
        if (!(text[before] >= 'A' && text[before] <= 'Z')) {
            continue; /* a connector before the last word ("for Africa") */
        }
        if (tg_grow((void **)&r->end_words, &r->cap_end_words, n + 1, sizeof *r->end_words)) {
            return TAGGER_ERR_NOMEM;
        }
        r->end_words[n++] = (struct end_word){
            lower_hash(text, last, rec->end), rec->entity, 0, false, false, 0, false};
    }
    if (n > 1) {
        qsort(r->end_words, n, sizeof *r->end_words, tg_recog_cmp_end_word);
    }
    for (size_t k = 0; k < r->n_names && n; k++) {
        tg_recognized_t *name = &r->names[k];
        if (name->kind != TAGGER_KIND_ORG && name->kind != TAGGER_KIND_PLACE) {
            continue;
        }
        size_t w = tg_recog_word_after(r, name->name_start);
        if (w == r->n_words || r->words[w].end != name->name_end ||
            tg_names_common(tg->names, r->words[w].h_low)) {
            continue; /* more than one word, or a common one */
        }
        int64_t org = tg_recog_only_name(r, n, lower_hash(text, name->name_start, name->name_end));
        name->joins = org >= 0 ? (uint32_t)org : TG_NONE;
    }
    for (size_t k = 0; k < r->n_spans && n; k++) {
        const span_t *sp = &r->spans[k];
        const word_t *before = sp->first > 0 ? &r->words[sp->first - 1] : NULL;
        if (before && before->cap && before->end + 1 == r->words[sp->first].start &&
            !tg_names_common(tg->names, before->h_low)) {
            r->names[sp->name].joins = TG_NONE; /* "U.S." + "Bancorp": another's */
        }
    }
    return TAGGER_OK;
}
