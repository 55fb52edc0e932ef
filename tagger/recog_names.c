/*
 * recog_names.c - the recognizer's spans made names (recognize.c, step 5):
 * one name, one type within a text, and the short names that join a
 * longer one.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "recog_internal.h"
#include "scratch.h"

/* A first or last word of a longer name: a PERSON's or a work's
 * (link_short_names()), an ORG's (type_org_first_words()), any
 * (type_people_by_surname()). */
struct end_word {
    uint64_t h_low;
    uint32_t name;
    uint32_t kind; /* link_short_names(): the name's kind when listed */
    bool given;    /* surnames(): the name opens with a first name of the lists that
                      is no common word */
    bool surname;  /* link_short_names(): the last word of a PERSON whose first word
                      is no common word, and a first name if it opens a line or a
                      sentence there (not the headline's "Classy Henman") */
    uint64_t title; /* link_short_names(): the capitalised word before a surname's
                       full name ("Secretary" of "Treasury Secretary James Baker"), or 0 */
};

static uint64_t span_key(const tg_recog_t *r, size_t first, size_t end)
{
    uint64_t h = TG_NAMES_HASH_INIT;
    for (size_t i = first; i < end; i++) {
        h = tg_names_mix(h, r->words[i].h_low);
    }
    return h;
}

/* A span whose kind a word around it said (span_t.cued) outvotes this many
 * of the model's guesses: "Chelsea boss" makes every "Chelsea" of the text
 * the club. */
enum { CUED_VOTES = 1 << 12 };

/* Whether input bytes [start, end) hold a lower-case ASCII letter. */
static bool has_lower(const char *text, uint32_t start, uint32_t end)
{
    for (uint32_t i = start; i < end; i++) {
        if (text[i] >= 'a' && text[i] <= 'z') {
            return true;
        }
    }
    return false;
}

/* Groups the spans into names (step 5), each of the kind most of its spans
 * vote for (kind 0: a work's title, recognize.c work_named(); no entity).
 * A name is written as its first span, or as its first span with lower
 * case when the first is all caps: the headline's "TREASURY" is "Treasury"
 * when the text below says so.  A hash table over the names' keys keeps it
 * linear in the number of spans (a 20 MB text has 10^5). */
static int group_spans(tg_recog_t *r, const char *text)
{
    r->n_names = 0;
    size_t n_slots = 16;
    while (n_slots < 2 * r->n_spans) {
        n_slots *= 2;
    }
    if (tg_grow((void **)&r->key_slots, &r->cap_key_slots, n_slots, sizeof *r->key_slots)) {
        return TAGGER_ERR_NOMEM;
    }
    memset(r->key_slots, 0, n_slots * sizeof *r->key_slots);
    r->n_key_slots = n_slots;
    for (size_t k = 0; k < r->n_spans; k++) {
        span_t *sp = &r->spans[k];
        uint64_t key = span_key(r, sp->first, sp->end);
        size_t slot = (size_t)(key ^ (key >> 31)) & (n_slots - 1);
        while (r->key_slots[slot] && r->name_keys[r->key_slots[slot] - 1] != key) {
            slot = (slot + 1) & (n_slots - 1);
        }
        size_t n = r->key_slots[slot] ? r->key_slots[slot] - 1 : r->n_names;
        if (n == r->n_names) {
            r->key_slots[slot] = (uint32_t)n + 1;
            if (tg_grow((void **)&r->names, &r->cap_names, n + 1, sizeof *r->names) ||
                tg_grow((void **)&r->name_keys, &r->cap_keys, n + 1, sizeof *r->name_keys) ||
                tg_grow((void **)&r->votes, &r->cap_votes, n + 1, sizeof *r->votes)) {
                return TAGGER_ERR_NOMEM;
            }
            r->names[n] = (tg_recognized_t){sp->kind, r->words[sp->first].start,
                                            r->words[sp->end - 1].end, -1, TG_NONE};
            r->name_keys[n] = key;
            r->n_names++;
            memset(r->votes[n], 0, sizeof r->votes[n]);
        } else {
            tg_recognized_t *name = &r->names[n];
            uint32_t start = r->words[sp->first].start, end = r->words[sp->end - 1].end;
            if (!has_lower(text, name->name_start, name->name_end) &&
                has_lower(text, start, end)) {
                name->name_start = start, name->name_end = end;
            }
        }
        r->votes[n][sp->kind] += sp->cued ? CUED_VOTES : 1;
        sp->name = (uint32_t)n;
    }
    for (size_t n = 0; n < r->n_names; n++) {
        uint32_t best = r->names[n].kind;
        for (uint32_t k = 0; k < 5; k++) {
            if (r->votes[n][k] > r->votes[n][best]) {
                best = k;
            }
        }
        r->names[n].kind = best;
    }
    return TAGGER_OK;
}

/* The name whose words have key @p key (span_key()), or -1. */
static int64_t name_of_key(const tg_recog_t *r, uint64_t key)
{
    size_t mask = r->n_key_slots - 1, slot = (size_t)(key ^ (key >> 31)) & mask;
    for (; r->key_slots[slot]; slot = (slot + 1) & mask) {
        if (r->name_keys[r->key_slots[slot] - 1] == key) {
            return r->key_slots[slot] - 1;
        }
    }
    return -1;
}

/* Whether every word of span @p sp opens with a capital and none is a
 * title, a legal form or an organization's head or suffix ("Deutsche
 * Boerse AG", "Harrogate Mr Kennedy"). */
static bool all_capitalised(const tg_recog_t *r, const char *text, const span_t *sp)
{
    const word_sets_t *sets = &r->fx.sets;
    for (size_t i = sp->first; i < sp->end; i++) {
        const char *w = text + r->words[i].start;
        size_t len = r->words[i].end - r->words[i].start;
        if (!r->words[i].cap || tg_recog_in_set(&sets->titles, w, len) ||
            tg_recog_in_set(&sets->legal_forms, w, len) ||
            tg_recog_in_set(&sets->org_suffixes, w, len) ||
            tg_recog_in_set(&sets->org_heads, w, len)) {
            return false;
        }
    }
    return true;
}

static int cmp_end_word(const void *a, const void *b)
{
    const struct end_word *x = a, *y = b;
    if (x->h_low != y->h_low) {
        return x->h_low < y->h_low ? -1 : 1;
    }
    return x->name < y->name ? -1 : x->name > y->name;
}

/* Whether span @p sp ends in a legal form ("Texaco Inc"). */
static bool legal_form_ends(const tg_recog_t *r, const char *text, const span_t *sp)
{
    const word_t *last = &r->words[sp->end - 1];
    return tg_recog_in_set(&r->fx.sets.legal_forms, text + last->start, last->end - last->start);
}

/* The first of the @p n sorted end words whose word is @p h, or @p n. */
static size_t first_end_word(const tg_recog_t *r, size_t n, uint64_t h)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (r->end_words[mid].h_low < h) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < n && r->end_words[lo].h_low == h ? lo : n;
}

/* The one name of the @p n sorted end words whose word is @p h, or -1
 * (none, or two). */
static int64_t only_name(const tg_recog_t *r, size_t n, uint64_t h)
{
    size_t lo = first_end_word(r, n, h);
    if (lo == n) {
        return -1;
    }
    uint32_t found = r->end_words[lo].name;
    for (size_t i = lo + 1; i < n && r->end_words[i].h_low == h; i++) {
        if (r->end_words[i].name != found) {
            return -1; /* a name's word may be there twice, before another's */
        }
    }
    return found;
}

/* Sorts into r->end_words the first and last words of every name of two
 * words or more; returns their number, or (size_t)-1 without memory. */
static size_t list_end_words(tg_recog_t *r)
{
    size_t n = 0;
    for (size_t j = 0; j < r->n_spans; j++) {
        const span_t *full = &r->spans[j];
        if (full->end - full->first < 2) {
            continue;
        }
        if (tg_grow((void **)&r->end_words, &r->cap_end_words, n + 2, sizeof *r->end_words)) {
            return (size_t)-1;
        }
        r->end_words[n++] =
            (struct end_word){r->words[full->first].h_low, full->name, 0, false, false, 0};
        r->end_words[n++] =
            (struct end_word){r->words[full->end - 1].h_low, full->name, 0, false, false, 0};
    }
    qsort(r->end_words, n, sizeof *r->end_words, cmp_end_word);
    return n;
}

/* "Arsene Wenger" and "Wenger": a name of two or three capitalised words
 * that the model alone typed ORG, with no organization's word in it,
 * opening with a word in mixed case that is no common word, whose last
 * word alone is a PERSON in more spans (the model's or a cue's: "Mr
 * Wenger") and no other longer name's first or last word, is that person:
 * the first-name lists lack "Arsene", "Kostas", "Eidur", and the model
 * guessed the full name an organization where it typed the surname a
 * person.  The surname then joins it (link_short_names()).  Not "MG Rover"
 * (capitals), "Crystal Palace" (a common word), "Richard & Judy" (a
 * connector), "Sun Willis" beside "Bruce Willis", nor "Aston Villa" where
 * "Villa" alone is as rare.  The first and last words of the longer names
 * are sorted once, when a name has come that far. */
static int type_people_by_surname(tg_recog_t *r, const tg_names_t *m, const char *text)
{
    size_t n = 0;
    bool sorted = false;
    for (size_t k = 0; k < r->n_spans; k++) {
        const span_t *sp = &r->spans[k];
        tg_recognized_t *name = &r->names[sp->name];
        size_t words = sp->end - sp->first;
        const word_t *first = &r->words[sp->first], *last = &r->words[sp->end - 1];
        if (name->kind != TAGGER_KIND_ORG || words < 2 || words > 3 ||
            r->votes[sp->name][TAGGER_KIND_ORG] >= CUED_VOTES ||
            !has_lower(text, first->start + 1, first->end) || tg_names_common(m, first->h_low) ||
            !all_capitalised(r, text, sp)) {
            continue;
        }
        int64_t surname = name_of_key(r, tg_names_mix(TG_NAMES_HASH_INIT, last->h_low));
        if (surname < 0 || r->names[surname].kind != TAGGER_KIND_PERSON ||
            r->votes[surname][TAGGER_KIND_PERSON] <= r->votes[sp->name][TAGGER_KIND_ORG]) {
            continue;
        }
        if (!sorted) { /* the end words, once a name may need them */
            n = list_end_words(r);
            if (n == (size_t)-1) {
                return TAGGER_ERR_NOMEM;
            }
            sorted = true;
        }
        if (only_name(r, n, last->h_low) == sp->name) {
            name->kind = TAGGER_KIND_PERSON;
        }
    }
    return TAGGER_OK;
}

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
 * the text first gives them (group_spans()), and news names the one it is
 * about first ("Osbourne said" after "Rock star Ozzy Osbourne", before
 * "Sharon Osbourne"). */
static int64_t person_of_surname(const tg_recog_t *r, size_t n, uint64_t h, uint64_t title)
{
    size_t lo = first_end_word(r, n, h);
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

/* The key of the last two words of a name ending at word @p end, beside
 * those of single words in end_words. */
static uint64_t last_two_words(const tg_recog_t *r, size_t end)
{
    return tg_names_mix(r->words[end - 2].h_low, r->words[end - 1].h_low);
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
 * an organization's first word does (type_org_first_words()): it stays
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
     * (type_people_by_surname(): "Lleyton" and "Lleyton Hewitt"). */
    if (sp->end - sp->first != 1 || whole->kind != TAGGER_KIND_ORG ||
        r->votes[full][TAGGER_KIND_PERSON] == 0 ||
        r->votes[full][TAGGER_KIND_PERSON] >= CUED_VOTES ||
        r->votes[own][whole->kind] <= model_votes(r, full) || r->words[sp->first].first ||
        r->end_words[first_end_word(r, n_end_words, h)].kind != TAGGER_KIND_PERSON) {
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
 * company's name ending in a legal form ("Texaco" after "Texaco Inc"),
 * joins it; a work's title joins none ("biopic Ray" is not Ray Charles); so
 * does a two-word name that ends exactly one PERSON of three words or more
 * ("Suu Kyi" after "Aung San Suu Kyi", "Lloyd Webber") and opens with
 * neither a common word nor a legal form (where the model ran a name into
 * the word before it: "Singer Courtney Love" is no one's full name).  Not
 * other organizations' first words: they name the whole of which the
 * longer name is a part ("BBC" and "BBC Radio", "House" and "House Ways
 * and Means Committee").  The end words of the longer names are sorted
 * once and each short name looks itself up, so the cost is n log n in the
 * number of spans. */
static int link_short_names(tg_recog_t *r, const tg_names_t *m, const char *text)
{
    size_t n = 0;
    for (size_t j = 0; j < r->n_spans; j++) {
        const span_t *full = &r->spans[j];
        uint32_t kind = r->names[full->name].kind;
        bool person = kind == TAGGER_KIND_PERSON;
        bool work = kind == 0; /* a work's title: "Vera" of "Vera Drake" is none either */
        bool company = kind == TAGGER_KIND_ORG && legal_form_ends(r, text, full);
        if (full->end - full->first < 2 || !(person || work || company)) {
            continue;
        }
        if (tg_grow((void **)&r->end_words, &r->cap_end_words, n + 3, sizeof *r->end_words)) {
            return TAGGER_ERR_NOMEM;
        }
        const word_t *first = &r->words[full->first];
        r->end_words[n++] = (struct end_word){first->h_low, full->name, kind, false, false, 0};
        if (person || work) {
            bool surname = person && !tg_names_common(m, first->h_low) &&
                           (first->first || !opens_line_or_sentence(r, text, full->first));
            uint64_t title = title_before(r, full->first);
            r->end_words[n++] = (struct end_word){r->words[full->end - 1].h_low, full->name,
                                                  kind, false, surname, title};
        }
        if (person && full->end - full->first >= 3 && !tg_names_common(m, first->h_low) &&
            !tg_recog_in_set(&r->fx.sets.legal_forms, text + first->start,
                             first->end - first->start)) {
            r->end_words[n++] =
                (struct end_word){last_two_words(r, full->end), full->name, kind, false, false, 0};
        }
    }
    if (n > 1) { /* end_words is NULL before the first long name: qsort(NULL) is UB */
        qsort(r->end_words, n, sizeof *r->end_words, cmp_end_word);
    }
    for (size_t k = 0; k < r->n_spans && n; k++) {
        span_t *sp = &r->spans[k];
        size_t words = sp->end - sp->first;
        if (words > 2 || r->names[sp->name].kind == 0) {
            continue;
        }
        uint64_t h = words == 1 ? r->words[sp->first].h_low : last_two_words(r, sp->end);
        int64_t found = only_name(r, n, h);
        if (found < 0 && words == 1) {
            found = person_of_surname(r, n, h, title_before(r, sp->first));
        }
        if (found >= 0 && !names_the_whole(r, sp, (uint32_t)found, n)) {
            sp->name = (uint32_t)found;
            sp->via = TAGGER_VIA_SHORT;
        }
    }
    return TAGGER_OK;
}

/* Adds a span of word @p i, a short mention of name @p name, of @p kind. */
static int add_short_span(tg_recog_t *r, size_t i, uint32_t name, uint32_t kind)
{
    if (tg_grow((void **)&r->spans, &r->cap_spans, r->n_spans + 1, sizeof *r->spans)) {
        return TAGGER_ERR_NOMEM;
    }
    r->spans[r->n_spans++] =
        (span_t){(uint32_t)i, (uint32_t)i + 1, kind, name, TAGGER_VIA_SHORT, 0, 0};
    return TAGGER_OK;
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
        lower |= has_lower(text, w->start, w->end);
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
 * link_short_names() are. */
static int link_acronyms(tg_recog_t *r, const char *text)
{
    size_t n = 0, n_spans = r->n_spans;
    for (size_t k = 0; k < n_spans; k++) {
        const span_t *sp = &r->spans[k];
        if (sp->end - sp->first < 2 || r->names[sp->name].kind != TAGGER_KIND_ORG) {
            continue;
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
                r->end_words[n++] = (struct end_word){keys[j], sp->name, 0, false, false, 0};
            }
        }
        /* "(CFTC)" that the model left alone is a mention too */
        if (keys[1] && (k + 1 == n_spans || r->spans[k + 1].first != after) &&
            add_short_span(r, after, r->spans[k].name, TAGGER_KIND_ORG)) {
            return TAGGER_ERR_NOMEM;
        }
    }
    if (n > 1) {
        qsort(r->end_words, n, sizeof *r->end_words, cmp_end_word);
    }
    for (size_t k = 0; k < r->n_spans && n; k++) {
        span_t *sp = &r->spans[k];
        uint64_t key = sp->end - sp->first == 1
                           ? acronym_key(text, r->words[sp->first].start, r->words[sp->first].end)
                           : 0;
        int64_t name = key ? only_name(r, n, key) : -1;
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
        uint64_t key = w->cap && !w->covered && !w->in_span ? acronym_key(text, w->start, w->end)
                                                            : 0;
        int64_t name = key ? only_name(r, n, key) : -1;
        if (name >= 0 && add_short_span(r, i, (uint32_t)name, TAGGER_KIND_ORG)) {
            return TAGGER_ERR_NOMEM;
        }
    }
    return TAGGER_OK;
}

/* Second words of organizations named after a person: "Reagan
 * Administration", "Bush Presidency", "Clinton Foundation". */
static const char *const after_a_person[] = {"Administration", "Presidency", "Government",
                                             "Cabinet",        "Foundation", "Center",
                                             "Centre",         "Library",    "Memorial"};

/* "Cairn" beside "Cairn Energy": a one-word name the model alone typed
 * PERSON (no cue for it, no first name, and no longer PERSON's short
 * name) that is the first word of a longer ORG of the text, not one named
 * after a person, is that organization or its parent: an ORG, not linked
 * ("BBC" and "BBC Radio" are two).  The first words are sorted once, as
 * for link_short_names(). */
static int type_org_first_words(tg_recog_t *r, const char *text)
{
    size_t n = 0;
    for (size_t j = 0; j < r->n_spans; j++) {
        const span_t *full = &r->spans[j];
        if (full->end - full->first < 2 || r->names[full->name].kind != TAGGER_KIND_ORG) {
            continue;
        }
        const word_t *second = &r->words[full->first + 1];
        if (tg_word_in(after_a_person, sizeof after_a_person / sizeof *after_a_person,
                       text + second->start, second->end - second->start)) {
            continue;
        }
        if (tg_grow((void **)&r->end_words, &r->cap_end_words, n + 1, sizeof *r->end_words)) {
            return TAGGER_ERR_NOMEM;
        }
        r->end_words[n++] =
            (struct end_word){r->words[full->first].h_low, full->name, 0, false, false, 0};
    }
    if (n > 1) {
        qsort(r->end_words, n, sizeof *r->end_words, cmp_end_word);
    }
    for (size_t k = 0; k < r->n_spans && n; k++) {
        const span_t *sp = &r->spans[k];
        tg_recognized_t *name = &r->names[sp->name];
        if (sp->end - sp->first == 1 && sp->via != TAGGER_VIA_SHORT &&
            name->kind == TAGGER_KIND_PERSON &&
            r->votes[sp->name][TAGGER_KIND_PERSON] < CUED_VOTES && !r->words[sp->first].first &&
            first_end_word(r, n, r->words[sp->first].h_low) < n) {
            name->kind = TAGGER_KIND_ORG;
        }
    }
    return TAGGER_OK;
}

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
                     (!sp->weak && has_lower(text, first->start, first->end) && !first->covered &&
                      !tg_names_common(tg->names, first->h_low) &&
                      tg_layout_zone(&s->layout, &cursor, first->start) != TG_ZONE_TITLE);
        if (sp->end - sp->first < 2 || r->names[sp->name].kind != TAGGER_KIND_PERSON || !named ||
            !has_lower(text, last->start, last->end)) {
            continue;
        }
        if (tg_grow((void **)&r->end_words, &r->cap_end_words, n + 1, sizeof *r->end_words)) {
            return (size_t)-1;
        }
        bool given =
            first->first && !tg_names_common(tg->names, first->h_low); /* not "Wake Me Up" */
        r->end_words[n++] = (struct end_word){last->h_low, sp->name, 0, given, false, 0};
    }
    if (n > 1) {
        qsort(r->end_words, n, sizeof *r->end_words, cmp_end_word);
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
           has_lower(text, w->start, w->end) && !tg_names_common(tg->names, w->h_low);
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
    return tg_word_in(after_a_person, sizeof after_a_person / sizeof *after_a_person, at, len) ||
           tg_recog_in_set(&r->fx.sets.org_suffixes, at, len);
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
            tg_recog_in_set(&r->fx.sets.never_names, text + w->start, w->end - w->start)) {
            continue;
        }
        int64_t name = only_name(r, n, w->h_low);
        if (name >= 0 && tg_names_common(tg->names, w->h_low) &&
            !(r->end_words[first_end_word(r, n, w->h_low)].given &&
              inside_body_sentence(s, &cursor, text, w->start) &&
              !organization_word(r, text, w))) {
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

/* "Bolton" after "John Bolton": a gazetteer's mention of a PLACE in one
 * word that is the surname of exactly one PERSON of the text (the @p n
 * end words of surnames()) is that person's, not Bolton in Lancashire
 * (nor, through it, the United Kingdom): its mention, and the country's
 * through it, are dropped, and it is a short mention of the person.  Not
 * after a preposition of place ("flew in from Bolton").  The one-word
 * places surnames take ("Preston", "Dallas", "Warren", "Taft") are many,
 * and a news story that names a person in full names him by surname
 * after.  So do the countries whose names are given names too (flagged
 * so: "Jordan" after "Neil Jordan"). */
static int place_surnames(const tagger_t *tg, tagger_scratch_t *s, tg_recog_t *r, const char *text,
                          size_t n)
{
    size_t n_prepositions = sizeof place_prepositions / sizeof *place_prepositions;
    for (size_t k = 0; k < s->n_recs && n; k++) {
        const tg_rec_t *rec = &s->recs[k];
        if ((rec->flags & TG_REC_DROPPED) || rec->entity >= tg->n_entities ||
            rec->via == TAGGER_VIA_PLACE) {
            continue;
        }
        uint32_t kind = tg->entities[rec->entity].kind;
        bool given_country = kind == TAGGER_KIND_COUNTRY && rec->alias < tg->n_aliases &&
                             (tg->aliases[rec->alias].flags & TG_ALIAS_GIVEN_NAME);
        if (kind != TAGGER_KIND_PLACE && !given_country) {
            continue;
        }
        size_t i = word_at(r, rec->start, rec->end);
        if (i == r->n_words || !r->words[i].cap) {
            continue; /* more than a word, or a word not hashed */
        }
        const word_t *before = i > 0 ? &r->words[i - 1] : NULL;
        if (before && tg_word_in(place_prepositions, n_prepositions, text + before->start,
                                 before->end - before->start)) {
            continue;
        }
        int64_t name = only_name(r, n, r->words[i].h_low);
        if (name < 0 || tg_recog_drop_places(tg, s, rec->start, rec->end, given_country) <= 0) {
            continue; /* no such person, or two */
        }
        if (add_short_span(r, i, (uint32_t)name, TAGGER_KIND_PERSON)) {
            return TAGGER_ERR_NOMEM;
        }
    }
    return TAGGER_OK;
}

/* The hash of input bytes [start, end), ASCII letters in lower case: a
 * name's word and a gazetteer mention's, whatever their case
 * ("UNITED" and "United"). */
static uint64_t lower_hash(const char *text, uint32_t start, uint32_t end)
{
    uint64_t h = TG_NAMES_HASH_INIT;
    for (uint32_t i = start; i < end; i++) {
        char c = text[i] >= 'A' && text[i] <= 'Z' ? (char)(text[i] + ('a' - 'A')) : text[i];
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
 * entity), as in link_short_names(). */
static int join_gazetteer_orgs(const tagger_t *tg, const tagger_scratch_t *s, tg_recog_t *r,
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
        r->end_words[n++] =
            (struct end_word){lower_hash(text, last, rec->end), rec->entity, 0, false, false, 0};
    }
    if (n > 1) {
        qsort(r->end_words, n, sizeof *r->end_words, cmp_end_word);
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
        int64_t org = only_name(r, n, lower_hash(text, name->name_start, name->name_end));
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

int tg_recog_make_names(const tagger_t *tg, tagger_scratch_t *s, tg_recog_t *r, const char *text)
{
    int rc = group_spans(r, text);
    if (rc || (rc = type_people_by_surname(r, tg->names, text)) ||
        (rc = link_short_names(r, tg->names, text)) || (rc = link_acronyms(r, text)) ||
        (rc = type_org_first_words(r, text))) {
        return rc;
    }
    size_t n = surnames(tg, s, r, text);
    if (n == (size_t)-1) {
        return TAGGER_ERR_NOMEM;
    }
    rc = lone_surnames(tg, s, r, text, n);
    rc = rc ? rc : place_surnames(tg, s, r, text, n);
    return rc ? rc : join_gazetteer_orgs(tg, s, r, text);
}
