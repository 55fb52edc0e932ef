/*
 * recog_names.c - the recognizer's spans made names (recognize.c, step 5):
 * one name per distinct word sequence, one type within a text (by vote,
 * then the rules on a person the model took for an organization and on an
 * organization's first word).  The short names that join a longer one are
 * recog_links.c's; tg_recog_make_names() runs both in turn.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "recog_internal.h"

static uint64_t span_key(const tg_recog_t *r, size_t first, size_t end)
{
    uint64_t h = TG_NAMES_HASH_INIT;
    for (size_t i = first; i < end; i++) {
        h = tg_names_mix(h, r->words[i].h_low);
    }
    return h;
}

/* The slot of r->key_slots (r->n_key_slots of them, a power of two) that
 * holds the name of key @p key, or the empty slot where it would go. */
static size_t key_slot(const tg_recog_t *r, uint64_t key)
{
    size_t mask = r->n_key_slots - 1, slot = (size_t)(key ^ (key >> 31)) & mask;
    while (r->key_slots[slot] && r->name_keys[r->key_slots[slot] - 1] != key) {
        slot = (slot + 1) & mask;
    }
    return slot;
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
        size_t slot = key_slot(r, key);
        size_t n = r->key_slots[slot] ? r->key_slots[slot] - 1 : r->n_names;
        if (n == r->n_names) {
            r->key_slots[slot] = (uint32_t)n + 1;
            if (tg_grow((void **)&r->names, &r->cap_names, n + 1, sizeof *r->names) ||
                tg_grow((void **)&r->name_keys, &r->cap_keys, n + 1, sizeof *r->name_keys) ||
                tg_grow((void **)&r->votes, &r->cap_votes, n + 1, sizeof *r->votes)) {
                return TAGGER_ERR_NOMEM;
            }
            r->names[n] = (tg_recognized_t){
                sp->kind, r->words[sp->first].start, r->words[sp->end - 1].end, -1, TG_NONE, 0};
            r->name_keys[n] = key;
            r->n_names++;
            memset(r->votes[n], 0, sizeof r->votes[n]);
        } else {
            tg_recognized_t *name = &r->names[n];
            uint32_t start = r->words[sp->first].start, end = r->words[sp->end - 1].end;
            if (!tg_recog_has_lower(text, name->name_start, name->name_end) &&
                tg_recog_has_lower(text, start, end)) {
                name->name_start = start, name->name_end = end;
            }
        }
        r->votes[n][sp->kind] += sp->cued ? CUED_VOTES : 1;
        if (!r->names[n].country) {
            r->names[n].country = sp->country; /* "BOCA RATON, Fla." */
        }
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
    size_t slot = key_slot(r, key);
    return r->key_slots[slot] ? (int64_t)r->key_slots[slot] - 1 : -1;
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
            tg_recog_org_word(sets, w, len)) {
            return false;
        }
    }
    return true;
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
            (struct end_word){r->words[full->first].h_low, full->name, 0, false, false, 0, false};
        r->end_words[n++] =
            (struct end_word){r->words[full->end - 1].h_low, full->name, 0, false, false, 0, false};
    }
    qsort(r->end_words, n, sizeof *r->end_words, tg_recog_cmp_end_word);
    return n;
}

/* "Arsene Wenger" and "Wenger": a name of two or three capitalised words
 * that the model alone typed ORG, with no organization's word in it,
 * opening with a word in mixed case that is no common word, whose last
 * word alone is a PERSON in more spans (the model's or a cue's: "Mr
 * Wenger") and no other longer name's first or last word, is that person:
 * the first-name lists lack "Arsene", "Kostas", "Eidur", and the model
 * guessed the full name an organization where it typed the surname a
 * person.  The surname then joins it (tg_recog_link_short_names()).  Not "MG Rover"
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
            !tg_recog_has_lower(text, first->start + 1, first->end) ||
            tg_names_common(m, first->h_low) || !all_capitalised(r, text, sp)) {
            continue;
        }
        int64_t surname = name_of_key(r, span_key(r, sp->end - 1, sp->end));
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
        if (tg_recog_only_name(r, n, last->h_low) == sp->name) {
            name->kind = TAGGER_KIND_PERSON;
        }
    }
    return TAGGER_OK;
}

/* Second words of organizations named after a person: "Reagan
 * Administration", "Bush Presidency", "Clinton Foundation". */
static const char *const after_a_person[] = {"Administration", "Presidency", "Government",
                                             "Cabinet",        "Foundation", "Center",
                                             "Centre",         "Library",    "Memorial"};

/* Whether the @p len bytes at @p w are one of after_a_person. */
bool tg_recog_after_a_person(const char *w, size_t len)
{
    return tg_word_in(after_a_person, sizeof after_a_person / sizeof *after_a_person, w, len);
}

/* Whether span @p sp is a one-word name that the model alone typed PERSON
 * (no cue for it, no first name, and no longer PERSON's short
 * name). */
static bool lone_model_person(const tg_recog_t *r, const span_t *sp)
{
    return sp->end - sp->first == 1 && sp->via != TAGGER_VIA_SHORT &&
           r->names[sp->name].kind == TAGGER_KIND_PERSON &&
           r->votes[sp->name][TAGGER_KIND_PERSON] < CUED_VOTES && !r->words[sp->first].first;
}

/* "Cairn" beside "Cairn Energy": a one-word name of lone_model_person()
 * that is the first word of a longer ORG of the text, not one named
 * after a person, is that organization or its parent: an ORG, not linked
 * ("BBC" and "BBC Radio" are two).  The first words are sorted once, as
 * for tg_recog_link_short_names(). */
static int type_org_first_words(tg_recog_t *r, const char *text)
{
    size_t n = 0;
    for (size_t j = 0; j < r->n_spans; j++) {
        const span_t *full = &r->spans[j];
        if (full->end - full->first < 2 || r->names[full->name].kind != TAGGER_KIND_ORG) {
            continue;
        }
        const word_t *second = &r->words[full->first + 1];
        if (tg_recog_after_a_person(text + second->start, second->end - second->start)) {
            continue;
        }
        if (tg_grow((void **)&r->end_words, &r->cap_end_words, n + 1, sizeof *r->end_words)) {
            return TAGGER_ERR_NOMEM;
        }
        r->end_words[n++] =
            (struct end_word){r->words[full->first].h_low, full->name, 0, false, false, 0, false};
    }
    if (n > 1) {
        qsort(r->end_words, n, sizeof *r->end_words, tg_recog_cmp_end_word);
    }
    for (size_t k = 0; k < r->n_spans && n; k++) {
        const span_t *sp = &r->spans[k];
        tg_recognized_t *name = &r->names[sp->name];
        if (lone_model_person(r, sp) &&
            tg_recog_first_end_word(r, n, r->words[sp->first].h_low) < n) {
            name->kind = TAGGER_KIND_ORG;
        }
    }
    return TAGGER_OK;
}

/* Whether the text between input bytes @p a and @p b is " and " or " or ":
 * a coordination.  (Not a comma: a team sheet's surnames, "Subs not used:
 * Lehmann, Fabregas, Senderos", with one the model took for a club.) */
static bool coordination(const char *text, uint32_t a, uint32_t b)
{
    size_t n = b - a;
    const char *s = text + a;
    return (n == 5 && memcmp(s, " and ", 5) == 0) || (n == 4 && memcmp(s, " or ", 4) == 0);
}

/* Whether name @p n is an ORG that a cue said is one ("boss", "Inc"). */
static bool cued_org(const tg_recog_t *r, uint32_t n)
{
    return r->names[n].kind == TAGGER_KIND_ORG && r->votes[n][TAGGER_KIND_ORG] >= CUED_VOTES;
}

/* "Rosneft and CNPC": a one-word name of lone_model_person() coordinated
 * with a one-word ORG that a cue typed is an ORG, as the names a text
 * joins are of one kind (also the halves of a company's name the model
 * parted: "Rohm and Haas", "Wagner and Brown"). */
static void type_coordinated_orgs(tg_recog_t *r, const char *text)
{
    for (size_t k = 0; k + 1 < r->n_spans; k++) {
        const span_t *x = &r->spans[k], *y = &r->spans[k + 1];
        if (x->end - x->first != 1 || y->end - y->first != 1 ||
            !coordination(text, r->words[x->first].end, r->words[y->first].start)) {
            continue;
        }
        if (cued_org(r, x->name) && lone_model_person(r, y)) {
            r->names[y->name].kind = TAGGER_KIND_ORG;
        } else if (cued_org(r, y->name) && lone_model_person(r, x)) {
            r->names[x->name].kind = TAGGER_KIND_ORG;
        }
    }
}

/* Step 5, in turn: the spans grouped into names; a full name the model
 * took for an ORG made a PERSON by its surname ("Arsene Wenger"), before
 * the short names join it; short names and acronyms joined
 * (recog_links.c); a one-word PERSON that opens an ORG made an ORG once
 * the short names are known; then surnames and gazetteer organizations
 * joined (recog_links.c). */
int tg_recog_make_names(const tagger_t *tg, tagger_scratch_t *s, tg_recog_t *r, const char *text)
{
    int rc = group_spans(r, text);
    if (rc || (rc = type_people_by_surname(r, tg->names, text)) ||
        (rc = tg_recog_link_short_names(r, tg->names, text)) ||
        (rc = tg_recog_link_org_last_words(r, tg->names, text)) ||
        (rc = tg_recog_link_acronyms(r, text)) || (rc = tg_recog_link_clippings(r, text)) ||
        (rc = type_org_first_words(r, text))) {
        return rc;
    }
    type_coordinated_orgs(r, text);
    if ((rc = tg_recog_link_surnames(tg, s, r, text)) ||
        (rc = tg_recog_link_lone_names(tg, r, text)) ||
        (rc = tg_recog_link_place_orgs(tg, s, r, text))) {
        return rc;
    }
    return tg_recog_join_gazetteer_orgs(tg, s, r, text);
}
