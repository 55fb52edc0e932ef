/*
 * recog_headline.c - the recognizer's title-case lines (recognize.c, step
 * 4): whether a line is a headline, where capitals say nothing
 * ("Champion Show Dog Milo Dies Mysteriously"), which spans stand in one,
 * and its people, labelled before the spans are made ("Rudy Giuliani" of
 * "Rudy Giuliani Offers A Head-Spinning New Defense Of Trump").
 */
#include "recog_internal.h"

#include <stdbool.h>
#include <string.h>

/* Whether a line is written in title case, where capitals say nothing: no
 * lower-case word but those of headline_lower (recognize.c), no final
 * period, three capitalised words or more ("Champion Show Dog Milo Dies
 * Mysteriously") or only capitalised words ("Privacy Policy"), and at most
 * one number (a year) unless the line is long with few commas.  Tables of
 * results ("Leeds 2 Arsenal 1", "1. Michael Schumacher ( Germany )
 * 1:45.678") are not, nor is a list of people: four items or more between
 * commas, none longer than three capitalised words, at least half of them
 * opening with a first name ("67 Mark Calcavecchia , Payne Stewart , Billy
 * Mayfair , Ken": a leaderboard; in CoNLL-2003 testa 13 people more, and
 * no line of Reuters-21578, the BBC or HuffPost changes). */
bool tg_recog_headline(const line_t *ln)
{
    size_t n_cap = 0, n_num = 0, n_list = 0, item = 0, longest_item = 0, people = 0;
    for (size_t i = 0; i < ln->n; i++) {
        str_t lw = tg_recog_raw(ln, i); /* lower case when it matters: not capitalised */
        bool digit = lw.s[0] >= '0' && lw.s[0] <= '9';
        bool joint = lw.len == 1 && (lw.s[0] == ',' || lw.s[0] == ';');
        bool name = ln->w[i].cap && !digit;
        n_list += joint;
        people += item == 0 && name && ln->w[i].first;
        item = joint ? 0 : item + name;
        longest_item = item > longest_item ? item : longest_item;
        int32_t cp;
        tg_recog_cp_at(lw.s, lw.len, 0, &cp);
        n_cap += ln->w[i].cap;
        n_num += digit;
        if (!ln->w[i].cap && !digit && tg_recog_is_alnum(cp) &&
            !tg_recog_in_set(&ln->fx->sets.headline_lower, lw.s, lw.len)) {
            return false;
        }
    }
    /* A long line of few commas is a headline even with two numbers or
     * more ("There Were 2 Mass Shootings In Texas Last Week, But Only 1 On
     * TV"); a team sheet is not ("Duff, Tiago (Bridge 45), Makelele, ...
     * (Parker 77)"). */
    if (n_list >= 3 && longest_item <= 3 && 2 * people >= n_list + 1) {
        return false; /* a list of people: "Mark Calcavecchia , Payne Stewart , Billy Mayfair" */
    }
    bool long_title = n_list < 2 && n_cap >= 5;
    str_t end = tg_recog_raw(ln, ln->n - 1);
    if (end.len == 1 && end.s[0] == '.') {
        return false; /* a sentence */
    }
    return (n_num < 2 || (long_title && 4 * n_num <= n_cap)) &&
           (n_cap >= 3 || (n_cap > 0 && n_cap == ln->n));
}

/* In a headline, a span must be a whole run of capitalised words with no
 * common word ("Peter Obi: A Message of Hope" keeps "Peter Obi"; "Dog Milo
 * Dies" and "Pursuit of Reconciliation" go). */
bool tg_recog_headline_span_ok(const line_t *ln, size_t i, size_t j)
{
    if ((i > 0 && ln->w[i - 1].cap) || (j < ln->n && ln->w[j].cap)) {
        return false;
    }
    for (size_t k = i; k < j; k++) {
        if (ln->w[k].cap && tg_recog_is_common(ln, k)) {
            return false;
        }
    }
    return true;
}

/* Whether word @p i is written in title case: a capital and a lower-case
 * letter ("Giuliani", not the "BEVERLY HILLS" of a dateline). */
static bool title_cased(const line_t *ln, size_t i)
{
    str_t w = tg_recog_raw(ln, i);
    for (size_t c = 1; c < w.len; c++) {
        if (w.s[c] >= 'a' && w.s[c] <= 'z') {
            return ln->w[i].cap;
        }
    }
    return false;
}

/* Whether word @p i can be part of a person's name in a headline: a
 * candidate outside the gazetteer's mentions, in title case, not a common
 * word, not inside what the model took for an organization, not a legal
 * form or an organization's suffix ("Chrysler Corp"), and with no
 * apostrophe but a surname's ("O'Brien", not "Isn't"). */
static bool headline_name_word(const line_t *ln, size_t i)
{
    if (!ln->w[i].cand || ln->w[i].covered || !title_cased(ln, i) || tg_recog_is_common(ln, i) ||
        ln->w[i].label == TG_NL_I_ORG || tg_recog_company_word(ln, i)) {
        return false;
    }
    str_t w = tg_recog_raw(ln, i);
    for (size_t c = 2; c < w.len; c++) {
        if (w.s[c] == '\'' || (c + 2 < w.len && memcmp(w.s + c, "\u2019", 3) == 0)) {
            return false;
        }
    }
    return true;
}

/* The end @p end of a headline's person, or one word after it when that
 * word can be a name's, the model saw no other name's in it, and a
 * possessive or a "Jr" follows it: "Martin Luther King's Message", "Martin
 * Luther King Jr.'s Legacy" (a name goes on there, not into the headline's
 * verb; "Joy Reid Mocks America's" is the model's place). */
static size_t possessed_end(const line_t *ln, size_t end)
{
    if (end + 1 < ln->n && tg_recog_spaced(ln, end) && headline_name_word(ln, end) &&
        (ln->w[end].label == TG_NL_O || ln->w[end].label == TG_NL_I_PER) &&
        (tg_recog_word_in(ln, end + 1, &ln->fx->sets.possessives) ||
         tg_recog_word_in(ln, end + 1, &ln->fx->sets.generations))) {
        return end + 1;
    }
    return end;
}

/* In a headline, a person's name that opens with a first name: the
 * model's PERSON of two such words, or of three with an initial in the
 * middle ("George P. Bush"; a middle first name is most often a surname
 * before the headline's verb: "Katy Perry Weeps", "Chuck Todd Slams"), or
 * else the first name, an initial maybe, and one word more ("Rudy
 * Giuliani" of "Rudy Giuliani Offers A Head-Spinning New Defense Of
 * Trump", "Michael B. Jordan"): one word only, since a headline's rare
 * verbs are not common words ("Seth Meyers Decodes").  Not where the
 * model saw an organization ("Merrill Lynch and Co Inc").  The end of such
 * a name at word @p i, or @p i. */
size_t tg_recog_headline_person_end(const line_t *ln, size_t i)
{
    const word_t *w = ln->w;
    bool org = w[i].label == TG_NL_B_ORG || w[i].label == TG_NL_I_ORG;
    if (org || !headline_name_word(ln, i) || !tg_recog_first_name(ln, i)) {
        return i;
    }
    size_t j = i + 1;
    while (w[i].label == TG_NL_B_PER && j < ln->n && j < i + 3 && w[j].label == TG_NL_I_PER &&
           tg_recog_spaced(ln, j) && headline_name_word(ln, j)) {
        j++;
    }
    bool middle = j == i + 3 && tg_recog_initial(ln, i + 1);
    if ((j == i + 2 || middle) && (j == ln->n || w[j].label != TG_NL_I_PER)) {
        /* the model's: "George P. Bush", not "Tony Robbins Apologizes" */
        return possessed_end(ln, j);
    }
    size_t k = i + 1;
    if (k < ln->n && tg_recog_initial(ln, k) && tg_recog_spaced(ln, k)) {
        k++;
    }
    if (k >= ln->n || !tg_recog_spaced(ln, k) || !headline_name_word(ln, k)) {
        return i;
    }
    /* Not where an organization's name goes on ("Chase Manhattan Corp",
     * "Harris Associates L.P."): a legal form, an organization's suffix, a
     * connector, or a word the model had inside something other than a
     * person (its people run on into the headline's verbs: "Trevor Noah
     * Unloads"). */
    size_t after = k + 1;
    bool goes_on = after < ln->n && (tg_recog_company_word(ln, after) ||
                                     tg_recog_word_in(ln, after, &ln->fx->sets.connectors) ||
                                     tg_recog_and_word(ln, after) ||
                                     (tg_recog_inside_label(w[after].label) &&
                                      w[after].label != TG_NL_I_PER));
    return goes_on ? i : possessed_end(ln, k + 1);
}

/* Labels the people of tg_recog_headline_person_end() in a headline PERSON, and the
 * word after each the start of whatever the model had go on into it. */
void tg_recog_label_headline_people(const line_t *ln)
{
    word_t *w = ln->w;
    for (size_t i = 0; i < ln->n; i++) {
        size_t end = tg_recog_headline_person_end(ln, i);
        if (end == i) {
            continue;
        }
        w[i].label = TG_NL_B_PER;
        for (size_t k = i + 1; k < end; k++) {
            w[k].label = TG_NL_I_PER;
        }
        if (end < ln->n && tg_recog_inside_label(w[end].label)) {
            w[end].label--; /* I-X -> B-X */
        }
        i = end - 1;
    }
}
