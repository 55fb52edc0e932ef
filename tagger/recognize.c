/*
 * recognize.c - names no gazetteer lists: "Peter Obi", "Mazhar Abbas", a
 * ministry, a football club.  This file runs the pass (tg_recognize()) and
 * makes spans of the tagged words (steps 4 and 6 below); recog_words.c
 * cuts the lines into words and remembers them, recog_tag.c tags them,
 * recog_headline.c reads title-case lines, recog_results.c lines of sports
 * results, recog_names.c makes names of the spans (step 5), and
 * recog_internal.h holds what they share.
 *
 * Runs after the gazetteer passes (scan, resolve, short names), so that a
 * gazetteer name wins (with the exceptions of steps 4 and 5), and works
 * line by line: layout.c's lines, menu lines skipped, and the lines of
 * wrapped prose joined (logical_lines()):
 *
 *  1. Words.  A line is cut into the tokens of CoNLL-2003, on which the
 *     model learned (recog_words.c).
 *  2. Candidates.  Only capitalised words ("Obi", "al-Assad") and name
 *     connectors between two of them, one or two in a row ("Bank of
 *     England", "van Gogh", "Guillermo de la Dehesa"), are tagged; every
 *     other word is O without being scored (recog_tag.c).
 *  3. Tagging.  Greedily left to right, each candidate gets the best of
 *     O, B-/I-PER, ORG, LOC, MISC under the averaged perceptron of
 *     models/names.model (name_model.c), from the features of
 *     scripts/train-names's word_features() (recog_tag.c).
 *  4. Rules on the spans.  A span that overlaps a gazetteer mention is
 *     dropped (the gazetteer takes precedence), but for an organization
 *     named after a place (one the model typed: "Toyota Motor Corp",
 *     "Chicago Mercantile Exchange", which a place's mention starts, or a
 *     city's right before it, which the model left out: "London" + "Potato
 *     Futures Association"; "Continental Illinois Corp", with one inside
 *     before a legal form;
 *     "Bayern Munich", which one ends), for an institution of a country
 *     or place ("Bank of Japan", "Air France", "University of Texas"), and
 *     a team in a line of sports results ("Atlanta 5 PITTSBURGH 1";
 *     recog_results.c), where the place's mention goes instead.  A
 *     leading title ("Mr", "Dr", "MP", "Sir", "Lord"), or one just before
 *     it, makes it a PERSON and leaves the name, which may be the
 *     capitalised words after a title the model tagged alone ("Mr
 *     Ebbers"); an office before a
 *     person's name leaves it too ("Chancellor Gordon Brown"; a first name
 *     the model put in the office goes to the person after it when the
 *     line is tagged: "Exchequer" + "Nigel Lawson", recog_tag.c
 *     valid_label()).  A person the model alone typed, in two words or
 *     more, that opens with a common word that is no first name starts
 *     at a first name after it ("Chairman Steven J. Ross") or is no name
 *     ("Ask Jeeves", "Desperate Housewives"; person_start()).  An
 *     organization head or suffix ("Ministry of ...",
 *     "... FC", "... Inc"), a noun before it that says what kind of
 *     organization it is ("oil firm Yukos"), a word after it that only an
 *     organization has ("Chelsea boss", "Google shares"), or a post between
 *     it and a person ("Tory leader Michael Howard"), makes it an ORG; so
 *     does, for a one-word name, a list with a gazetteer's organization
 *     ("Google, Yahoo, Ebay and Amazon").  A lower-case role before a full
 *     name ("winger Saulius Mikoliunas"), or such a post after a name
 *     ("Arsenal manager Arsene Wenger"), makes it a PERSON, whose first
 *     name may be a city's ("Milan Mandaric").  "I" and "I'm" are no part of a
 *     name.  A one-word span may not be a common
 *     word (mostly written in lower case: "Yet", "the Executive"), a month
 *     ("Jan 5"), a time zone ("EST"), a holiday, a thing written in capitals
 *     ("PC", "DVD"), an award ("Oscar"), a faith or people ("Muslim"), an
 *     article, a title, an office, a Roman numeral ("III"), a letter
 *     ("S Korea") or the head of an organization's name ("the Bank said",
 *     "BANK RAISES RATES").  In a title-case line ("Champion Show Dog Milo
 *     Dies Mysteriously"; recog_headline.c) capitals say nothing: a span
 *     there must be a whole run of capitalised words with no common word, and
 *     it stands only if the same name is found outside such lines or it is a
 *     person opening with a first name ("Peter Obi: A Message of Hope"); a
 *     first name and the word after it are a person even where the run goes
 *     on ("Rudy Giuliani Offers A ..."), unless an organization's name goes
 *     on there ("Chase Manhattan Corp").  In a line in capitals, common words
 *     at a span's edges are the headline's ("REAGAN MISLED", "PALM OIL"):
 *     they are left off, and what remains must be found outside such lines
 *     too, unless the span ends in a legal form or an organization's suffix
 *     ("MICOM SYSTEMS").  A byline ("By Justice Nwafor": "By" and two or
 *     three capitalised words ending the line or a comma, or two such names
 *     joined by "and") is a person, a cue the model never saw in CoNLL.  A
 *     company's legal form ("Inc", "Co Inc") is never
 *     a name alone: it ends the span just before it, or is dropped; and an
 *     organization ending in one takes in the capitalised words before an
 *     "and" just before it ("Procter and Gamble Co") or the one word before
 *     an "'s" ("Moody's Investors Service Inc"), which the model cuts apart,
 *     and so does one ending in a legal form or a suffix after a person the
 *     model alone typed or an organization ("Harcourt Brace" + "Jovanovich
 *     Inc", "Kleinwort" + "Benson Ltd").
 *     A word for what a company does ("Airlines", "Telecom") is never a
 *     name alone either: it takes in the capitalised words before it,
 *     a place's mention among them ("Japan Airlines", "Kingfisher
 *     Airlines"; industry_start()), or is dropped.  An event or a show
 *     ("Consumer Electronics Show", "Carling Cup"; event_ends) is no
 *     entity of ours, nor the first words of one the model typed apart
 *     ("Orange" of "Orange Prize").
 *     A name never runs over anything but spaces and the break of a wrapped
 *     line, nor past a legal form's period into the next sentence ("AFG
 *     Industries Inc. The company ...").
 *  5. One name, one type: spans with the same words (case aside) are one
 *     entity, of the type most of them got (ties: the first), where a
 *     span typed by a cue of step 4 (a title, a legal form, "boss";
 *     "firm" only before a name that does not open with a first name)
 *     outvotes any number typed by the model alone.  A one-word
 *     span that is the first or last word of exactly one longer PERSON
 *     ("Obi" after "Peter Obi"), a two-word span that ends one ("Suu Kyi"
 *     after "Aung San Suu Kyi"), or the first of exactly one company's
 *     name ending in a legal form ("Texaco" after "Texaco Inc"), joins it
 *     as a short mention; a one-word PERSON the model alone typed that
 *     opens a longer ORG ("Cairn" and "Cairn Energy") is an ORG, and a
 *     longer PERSON the model alone typed, in fewer spans, that opens with
 *     a one-word ORG and no first name ("Yahoo" and "Yahoo Messenger") is
 *     an ORG too, which that word does not join.  A
 *     gazetteer's place in one word that is the surname of exactly one
 *     person named in full joins that person ("Bolton" after "John
 *     Bolton").
 *  6. Each entity's mentions go to s->recs with entity number
 *     tg->n_entities + i; annotate.c turns them into result entities with
 *     no id and source "recognized".
 *
 * Cost: linear in the text, and as little of it as possible: a line is
 * cut only in windows around its capitals (none without one; the whole
 * line when a rule needs every word), words are cut and hashed on ASCII
 * fast paths and remembered across texts (recog_words.c), and a line's
 * lookups in the model are fetched together (recog_tag.c).  The
 * candidates of a text and the words either side of each are listed once
 * (r->near): the memo is asked of those words for the whole text at once,
 * and the spans of a line are looked for among them only.  The fixed word lists
 * (connectors, titles, ...) are small hash tables (word_set_t).  Tables
 * (words, keys, line starts, the fixed parts of the features, the memo)
 * live in the scratch: no allocation per text once they have grown.  On
 * the Reuters sample (callgrind, 2.0 MB, which starts with an empty memo)
 * the pass went from 363M instructions to about 200M with all this, and
 * to 153M on the first 2000 records of the JSON Lines stream (1.7 MB;
 * 197M before the near list and the faster cutting); joining wrapped
 * lines took it to 148M, and cutting only windows around capitals
 * (recog_words.c) to 133M.  The lookups, the cutting of words and the
 * making of keys are most of it, and the time goes to cache misses in the
 * model's slots and marks more than to instructions.
 */
#include "recognize.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "recog_internal.h"
#include "resolve.h"

/* Lower-case words that join the capitalised words of one name; the same
 * list as CONNECTORS in scripts/train-names, where each is explained
 * (asked in recog_tag.c). */
static const char *const connectors[] = {"of", "de",  "van", "von", "der", "den",  "bin",
                                         "bint", "ibn", "al", "la",  "du",  "da",  "dos",
                                         "del", "di",  "y",   "and", "&",   "for", "the"};

/* Abbreviations that keep their final period ("Mr." before a name; asked
 * in recog_words.c). */
static const char *const abbreviations[] = {"Mr",  "Mrs", "Ms",  "Dr",  "St",  "Jr", "Sr",
                                            "Inc", "Corp", "Co", "Ltd", "Gen", "Lt", "Col",
                                            "Sgt", "Gov", "Sen", "Rep", "Prof", "Mt", "Ft"};

/* ------------------------------------------------------------------------ */
/* Spans                                                                     */

static const uint32_t kind_of_label[TG_NAMES_N_LABELS] = {
    0, TAGGER_KIND_PERSON, TAGGER_KIND_PERSON, TAGGER_KIND_ORG, TAGGER_KIND_ORG,
    TAGGER_KIND_PLACE, TAGGER_KIND_PLACE, 0, 0};

int tg_recog_add_span(tg_recog_t *r, size_t first, size_t end, uint32_t kind, bool weak,
                      bool cued)
{
    if (tg_grow((void **)&r->spans, &r->cap_spans, r->n_spans + 1, sizeof *r->spans)) {
        return TAGGER_ERR_NOMEM;
    }
    r->spans[r->n_spans++] = (span_t){(uint32_t)first, (uint32_t)end, kind, 0,
                                      TAGGER_VIA_NAME, weak, cued};
    return TAGGER_OK;
}

static const char *const byline_words[] = {"By", "by", "BY"};

/* The end of the byline name of two or three capitalised words (each a
 * capital and lower-case letters) from word @p i, or @p i. */
static size_t byline_name_end(const line_t *ln, size_t i)
{
    size_t j = i;
    while (j < ln->n && j - i < 3 && ln->w[j].h_shape == ln->fx->xx && !ln->w[j].covered) {
        j++;
    }
    return j - i >= 2 ? j : i;
}

/* "By Justice Nwafor", "By Elise Foley and Roque Planas", "By Jane Doe,
 * Business reporter": a byline of one name or two joined by "and", each of
 * byline_name_end(), ending the line or before a comma.  Adds a person's
 * span (base: the line's first word) for each name; returns the number of
 * spans added, 0 when the line is no byline, or -1 without memory. */
static int byline_spans(tg_recog_t *r, const line_t *ln, size_t base)
{
    if (ln->n < 3 || !tg_recog_word_in(ln, 0, &ln->fx->sets.by)) {
        return 0;
    }
    size_t first_end = byline_name_end(ln, 1), second = first_end, second_end = first_end;
    bool two = first_end < ln->n && tg_recog_word_is(ln, first_end, "and");
    if (two) {
        second = first_end + 1;
        second_end = byline_name_end(ln, second);
    }
    if (first_end == 1 || (two && second_end == second) ||
        (second_end < ln->n && tg_recog_raw(ln, second_end).s[0] != ',')) {
        return 0;
    }
    if (tg_recog_add_span(r, base + 1, base + first_end, TAGGER_KIND_PERSON, false, true) ||
        (second_end > second && tg_recog_add_span(r, base + second, base + second_end,
                                                  TAGGER_KIND_PERSON, false, true))) {
        return -1;
    }
    return second_end > second ? 2 : 1;
}

/* The words a title-case headline leaves in lower case. */
static const char *const headline_lower[] = {
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by",
    "as", "vs", "via", "per", "is", "are", "be", "its", "up", "out", "off", "amp",
    "from", "with", "into", "over", "amid", "amidst", "after", "about", "than", "that",
    "this", "upon", "onto", "without", "within", "between", "during", "against", "before",
    "under", "through", "toward", "towards", "while", "their", "across", "behind", "beyond"};

/* Words that look like names but never are, alone; the model, having
 * seen them rarely or never in CoNLL, calls them a person, a place or an
 * organization. */
static const char *const never_names[] = {
    /* time zones after a clock time ("4:35 pm EST") */
    "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "GMT", "UTC", "BST", "CET", "CEST",
    "IST", "JST", "KST", "AEST", "AEDT", "WIB",
    /* months, but "May" (Theresa May), as datelines write them ("NEW YORK, Jan 5 -") */
    "January", "February", "March", "April", "June", "July", "August", "September", "October",
    "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
    "Nov", "Dec",
    /* holidays ("sales since Christmas") */
    "Christmas", "Easter", "Ramadan", "Thanksgiving", "Halloween", "Hanukkah", "Diwali", "Eid",
    "Passover",
    /* things written in capitals: devices, media, formats ("sales of PCs and DVDs") */
    "TV", "TVs", "PC", "PCs", "DVD", "DVDs", "CD", "CDs", "USB", "LCD", "VHS", "ADSL", "GPRS",
    "SMS", "MMS", "MP3", "DRM", "ID",
    /* and words ("my timing was OK") */
    "OK",
    /* economic measures and jobs ("GNP rose", "the CEO said") */
    "GDP", "GNP", "VAT", "CEO", "CEOs", "MPs", "MEPs", "DJ", "PR",
    /* awards ("an Oscar nomination", "best film Oscar", "the Brit awards") */
    "Oscar", "Oscars", "Grammy", "Grammys", "Emmy", "Emmys", "Bafta", "Baftas", "Brit", "Brits",
    /* faiths and peoples, words of a group, not a name ("Muslim leaders"), and
     * the peoples of Britain, which no country's demonyms cover ("the Scot
     * was suspended", "Welsh councils") */
    "Muslim", "Muslims", "Islamic", "Christian", "Christians", "Catholic", "Catholics",
    "Protestant", "Protestants", "Jewish", "Jew", "Jews", "Hindu", "Hindus", "Sikh", "Sikhs",
    "Buddhist", "Buddhists", "Sunni", "Sunnis", "Shia", "Shiite", "Shiites", "Arab", "Arabs",
    "Scot", "Scots", "Welsh", "Briton", "Britons",
    /* articles opening a sentence ("An EU spokesman") */
    "An", "The",
    /* sentence adverbs, capitalised only where they open a sentence, so
     * too rare in lower case to be common words ("Furthermore, the") */
    "Furthermore", "Moreover", "Additionally", "Nevertheless", "Nonetheless", "Consequently",
    /* the news agency as its 1980s wire signed its stories ("a Reuter survey", a
     * closing "REUTER"), which the model took for a person's name */
    "Reuter", "REUTER"};

/* Legal forms of companies: the end of a company's name, never a name by
 * themselves.  A span of nothing else joins the span just before it
 * ("Sealy" + "Inc": "Sealy Inc", an ORG) or is dropped. */
static const char *const legal_forms[] = {
    "Inc", "Inc.", "INC", "Corp", "Corp.", "CORP", "Ltd", "Ltd.", "LTD", "Co", "Co.", "CO",
    "Plc", "PLC", "plc", "LLC", "AG", "GmbH", "NV", "BV", "SpA", "Cos", "Bhd",
    /* with their periods, as the wires write them ("Bull S.A.", "Citibank
     * N.A.", "ServiceMaster L.P.") */
    "S.A.", "N.V.", "B.V.", "L.P.", "N.A.", "S.p.A."};

/* Titles: a cue for a person, not part of the name ("Mr Molyneux", "Sir
 * Alex Ferguson"). */
static const char *const titles[] = {"Mr",   "Mr.",  "Mrs",   "Mrs.", "Ms",  "Ms.",  "Dr",
                                     "Dr.",  "Prof", "Prof.", "Miss", "Mme", "Mme.", "MP",
                                     "Sir",  "Dame", "Lord",  "Lady", "Rev", "Rev.", "Baroness"};

/* Offices written before a person's name: not part of it ("Chancellor
 * Gordon Brown", "President Bush"), nor a name alone ("the President
 * said").  Unlike a title, an office does not make a span a person: it is
 * left off the start of a span the model typed PERSON ("Governor's Office"
 * stays whatever the model said).  Few spans start with one, so the list
 * is compared word by word. */
static const char *const offices[] = {"President", "Chancellor", "Senator", "Sen.", "Sens",
                                      "Governor",  "Gov.",       "Rep.",    "Reps"};

static bool office_at(const line_t *ln, size_t i)
{
    str_t w = tg_recog_raw(ln, i);
    return tg_word_in(offices, sizeof offices / sizeof *offices, w.s, w.len);
}

/* Whether word @p i is a US legislator's party and state ("R-NY",
 * "D-Calif."): a party's letter, a hyphen and a capital. */
static bool party_tag(const line_t *ln, size_t i)
{
    str_t w = tg_recog_raw(ln, i);
    return w.len >= 4 && (w.s[0] == 'R' || w.s[0] == 'D' || w.s[0] == 'I') && w.s[1] == '-' &&
           w.s[2] >= 'A' && w.s[2] <= 'Z';
}

/* Whether word @p i, its letters from the @p from-th on in lower case, is
 * one of @p set: from 1, "UNION" is read "Union"; from 0, "Chairman" and
 * "CHAIRMAN" are "chairman". */
static bool recased_in(const line_t *ln, size_t i, const word_set_t *set, size_t from)
{
    str_t w = tg_recog_raw(ln, i);
    char recased[16];
    if (w.len > sizeof recased) {
        return false;
    }
    for (size_t c = 0; c < w.len; c++) {
        char ch = w.s[c];
        recased[c] = (char)(c >= from && ch >= 'A' && ch <= 'Z' ? ch + ('a' - 'A') : ch);
    }
    return tg_recog_in_set(set, recased, w.len);
}

/* Whether word @p i, read in title case ("UNION" as "Union"), is one of
 * @p set. */
static bool title_case_in(const line_t *ln, size_t i, const word_set_t *set)
{
    return recased_in(ln, i, set, 1);
}

/* Whether word @p i is an acronym of 3 to 5 capitals in a line with lower
 * case: "IRA", "BASF", "USADA".  The model types some of them LOC, and
 * some PER (a first name in capitals: "COB", "DAG"); but for the
 * gazetteer's ("UAE"), they are organizations.  Two capitals are as
 * often a state's code ("TX", "NY", "LA") as a company ("BT", "GM"). */
static bool acronym_in_prose(const line_t *ln, size_t i)
{
    str_t w = tg_recog_raw(ln, i);
    return ln->kind != 'C' && w.len >= 3 && w.len <= 5 && tg_recog_capitals_only(w.s, w.len);
}

/* Whether word @p i is a Roman numeral from 2 to 39 ("II", "XIV"): a
 * level, a class, a sequel or a king's number, no name alone ("Reserves I,
 * II and III", "Level VI"), unlike the acronyms that look like one ("CCC",
 * "ICI"). */
static bool roman_numeral(const line_t *ln, size_t i)
{
    static const char *const units[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
    str_t w = tg_recog_raw(ln, i);
    if (w.len < 2 || !strchr("IVX", w.s[0])) {
        return false; /* most words: no need to try the units */
    }
    size_t tens = 0;
    while (tens < 3 && tens < w.len && w.s[tens] == 'X') {
        tens++;
    }
    for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
        size_t n = strlen(units[u]);
        if (tens + n == w.len && memcmp(w.s + tens, units[u], n) == 0) {
            return true;
        }
    }
    return false;
}

/* The head of an organization's name alone, in any case, is no name: it
 * stands for an organization named before ("the Bank said", "the
 * Commission", "BANK RAISES RATES"), which it does not say; after a place
 * or an owner it ends their name (line_spans()). */
static const char *const generic_heads[] = {
    "Bank", "Ministry", "Department", "Commission", "Committee", "Council", "Agency",
    "Association", "Federation", "Institute", "Foundation", "Authority", "Corporation",
    "Company", "Group", "Exchange", "Securities", "Industries", "Party", "University", "Fund",
    "Trust", "Union", "Club", "Assembly", "Army", "Police", "Holdings", "Partners", "Brothers",
    "Services", "Service", "Insurance", "Office", "Court", "Board", "Bureau"};

/* The last word of many companies' names that is never one alone: what
 * the company does ("Jet" + "Airways", "France" + "Telecom", "Dome" +
 * "Petroleum"), where the model often types the word alone; such a name
 * takes in the words the model left off (industry_start()), else it is
 * dropped like a generic head. */
static const char *const industry_heads[] = {"Airlines", "Airways",  "Telecom",
                                             "Petroleum", "Electric", "Motors"};

/* Whether word @p i is a ticker symbol in angle brackets, as wire copy
 * writes one after a company's name ("Rexnord <REX>", "Mellon <MEL>"). */
static bool ticker(const line_t *ln, size_t i)
{
    const word_t *w = &ln->w[i];
    return w->start > 0 && ln->text[w->start - 1] == '<' && w->end < ln->len &&
           ln->text[w->end] == '>';
}

/* One-word spans that are not names: a common word ("Yet, they ...", "the
 * Executive said"), one of never_names, a title, an office, a letter (with
 * or without a period), a Roman numeral, a party and state, a ticker, a wire
 * credit ("NEW YORK (AP) - ").  (A generic head, "Bank", is left to
 * line_spans(): it may still end the name before it, "Manchester" +
 * "University".) */
static bool lone_word_ok(const line_t *ln, size_t i)
{
    if (tg_recog_word_in(ln, i, &ln->fx->sets.never_names) ||
        tg_recog_word_in(ln, i, &ln->fx->sets.titles) || office_at(ln, i)) {
        return false; /* a title whose name is a gazetteer's ("Mr" of "Mr Clarke") */
    }
    if (ln->w[i].end - ln->w[i].start == 1 || tg_recog_initial(ln, i)) {
        return false; /* a letter: "S Korea", "M&S", "rated B.", "S and P." */
    }
    if (party_tag(ln, i) || roman_numeral(ln, i) || ticker(ln, i) ||
        tg_wire_credit(ln->text, ln->len, ln->w[i].start, ln->w[i].end)) {
        return false; /* a credit: "NEW YORK (AP) - " */
    }
    return !tg_recog_is_common(ln, i);
}

/* Whether word @p i opens a sentence: the line's first word, or one after a
 * full stop, question or exclamation mark. */
static bool opens_sentence(const line_t *ln, size_t i)
{
    if (i == 0) {
        return true;
    }
    str_t p = tg_recog_raw(ln, i - 1);
    return p.len == 1 && (p.s[0] == '.' || p.s[0] == '?' || p.s[0] == '!');
}

/* Whether a sentence ends before word @p i: a legal form written with its
 * period ("Inc.", "Corp.") before a word that is not one ("AFG Industries
 * Inc. The company said"), which no name runs over ("Co. Inc." does). */
static bool sentence_ends_before(const line_t *ln, size_t i)
{
    str_t prev = tg_recog_raw(ln, i - 1);
    return prev.s[prev.len - 1] == '.' && tg_recog_word_in(ln, i - 1, &ln->fx->sets.legal_forms) &&
           !tg_recog_word_in(ln, i, &ln->fx->sets.legal_forms);
}

/* "I" and its contractions: capitalised, and never part of a name ("I'm",
 * "I've" before or after one); "I" alone only as a name's first word, for
 * a king's numeral ends one ("Elizabeth I"). */
static const char *const first_person_words[] = {"I",   "I'm",       "I've",      "I'll",
                                                 "I'd", "I\u2019m", "I\u2019ve", "I\u2019ll",
                                                 "I\u2019d"};

static bool first_person(const line_t *ln, size_t i, bool first)
{
    return (first || ln->w[i].end - ln->w[i].start > 1) &&
           tg_recog_word_in(ln, i, &ln->fx->sets.first_person);
}

/* The end of the name after the title at word @p i that the model tagged
 * alone: up to three capitalised words right after it that it tagged O
 * and no gazetteer mention covers ("Mr Ebbers"); i + 1 if none. */
static size_t name_after_title(const line_t *ln, size_t i)
{
    size_t end = i + 1;
    while (end < ln->n && end <= i + 3 && ln->w[end].cap && !ln->w[end].covered &&
           ln->w[end].label == TG_NL_O && tg_recog_spaced(ln, end)) {
        end++;
    }
    return end;
}

/* Words that make a name an organization, first ("University of ...",
 * "Ministry of ...") or last ("... FC", "... Inc").  The model knows most
 * from CoNLL; the list settles a name it typed otherwise ("Kilmarnock FC"
 * after a person's name). */
static const char *const org_heads[] = {"Ministry", "Department", "University", "Bank",
                                        "Council", "Agency", "Commission", "Committee"};
static const char *const org_suffixes[] = {
    "FC", "Inc", "Inc.", "Corp", "Corp.", "Ltd", "Ltd.", "Plc", "PLC", "plc", "LLC", "AG",
    "SA", "GmbH", "Co.", "Party", "University", "Bank", "Council", "Agency", "Ministry",
    "Group", "Association", "Federation", "Union", "Institute", "Foundation", "Club",
    "United", "Utd", "Airlines", "Authority", "Commission", "Committee", "Corporation", "Company",
    "Industries", "Technologies", "Technology", "Systems", "Utilities", "Insurance", "Holdings",
    "Laboratories", "Enterprises", "Airways", "Inns", "Stores", "Motors", "Petroleum",
    "Resources", "Communications", "Electronics", "Securities", "Partners", "Brothers", "Bros",
    "International", "Exchange", "Department", "Trust", "Fund", "Service", "Services", "Bancorp",
    "Journal", "Times", "Police", "Army", "Assembly", "Newsroom", "Newsdesk", "Desk", "Research",
    "Front", "Board", "Congress", "Post", "Medical", "Pharmaceuticals", "Cement", "Cables",
    "Controls"};

/* Lower-case words that, right after a name, say it is an organization
 * whatever the model made of it: its people, its shares and its users
 * ("Chelsea boss Jose Mourinho", "a Yukos spokesman", "Google shares", "one
 * Twitter user"), which a person's name is not followed by, or what it is
 * ("Mac Format magazine", "Zycie Warszawy daily").  Not
 * "chairman", "chief" nor "manager", which follow a person named to the
 * post ("elected Anthony O'Reilly chairman", "named John Bond chief
 * executive"). */
static const char *const org_followers[] = {
    "boss",       "bosses",     "striker",    "midfielder", "defender",   "goalkeeper",
    "keeper",     "winger",     "full-back",  "left-back",  "right-back", "centre-back",
    "physio",     "spokesman",  "spokeswoman", "shares",    "shareholders", "employees",
    "staff",      "executives", "subsidiary", "founder",    "founders",   "customers",
    "users",      "user",       "account",    "accounts",   "feed",       "website",
    "magazine",   "newspaper",  "daily",      "weekly"};

/* The org_followers that, after a name's possessive, still say it is an
 * organization ("Kodak's shares", "Chelsea's striker"): not those a
 * person has too ("Blair's spokesman", "Beckham's boss"). */
static const char *const owned_by_org[] = {
    "shares",    "shareholders", "employees", "executives", "subsidiary", "customers",
    "users",     "website",      "striker",   "midfielder", "defender",   "goalkeeper",
    "winger",    "founder"};

/* Lower-case nouns that, right before a name, say what kind of
 * organization it is ("search engine Google", "oil firm Yukos", "rock band
 * Keane", "media regulator Ofcom").  Not the nouns that also name a
 * person's trade ("producer", "publisher", "developer", "broadcaster",
 * "maker" as in "film maker Spike Lee"), nor "rival", which a sportsman
 * has too, nor plurals, which may end a clause before its subject ("the
 * chairman of both companies Li Ka-shing said"). */
static const char *const org_descriptors[] = {
    "firm",      "company",   "giant",       "group",        "band",     "carmaker", "chipmaker",
    "automaker", "drugmaker", "airline",     "carrier",      "bank",     "insurer",  "regulator",
    "watchdog",  "network",   "operator",    "provider",     "retailer", "chain",    "label",
    "studio",    "channel",   "station",     "newspaper",    "magazine", "engine",   "website",
    "club",      "supplier",  "distributor", "conglomerate", "agency",   "daily",    "weekly",
    "tabloid"};

/* Lower-case roles that, right before a full name, say it is a person's,
 * whatever the model typed it ("goalkeeper Rustu Recber", "substitute
 * Sergen Yalcin", "opposition leader Zenon Poznyak"): in CoNLL-2003's
 * eng.train a name after one of them is a person in 9 cases of 10 or more.
 * Not "champion" ("German champion Borussia Dortmund"), "manager" ("lead
 * manager Nikko Securities"), "president", "chairman" or "minister" (before
 * their organization as often), nor "forward" ("day forward Brent"). */
static const char *const person_roles[] = {
    "spokesman", "spokeswoman", "leader",   "coach",      "seed",      "captain",  "substitute",
    "striker",   "midfielder",  "defender", "goalkeeper", "winger",    "playmaker"};

/* Posts that, between a name and a person's, say the name is the
 * person's organization ("Fiat chairman Luca di Montezemolo", "Tory leader
 * Michael Howard", "Chelsea owner Roman Abramovich").  Only before a
 * person: after a name alone, they follow one named to the post ("elected
 * Anthony O'Reilly chairman").  Not "director" ("Ray director Taylor
 * Hackford": a film) nor "singer" ("Welsh singer"). */
static const char *const org_posts[] = {"chairman", "chairwoman", "leader",  "manager",
                                        "frontman", "analyst",    "economist", "president",
                                        "coach",    "captain",    "owner",     "treasurer"};

/* Jobs that, with "at" or "with" after them, name an employer: "an analyst
 * at Gartmore", "chief economist at High Frequency Economics", "an
 * analyst with Birr, Wilson and Co", which the model took for places and
 * people ("at" and "with" before a name are the place's and the person's
 * more often).  Not "head" ("head-to-head with"), "officer" ("a police
 * officer at Heathrow") nor "student" ("students at Oxford": CoNLL-2003 has
 * such places as LOC). */
static const char *const employee_jobs[] = {
    "analyst",    "analysts",   "economist",  "economists",  "strategist", "strategists",
    "consultant", "consultants", "spokesman", "spokeswoman", "executive",  "executives",
    "director",   "professor",  "researcher", "researchers", "trader",     "traders",
    "dealer",     "dealers",    "lecturer",   "scientist",   "scientists", "engineer",
    "editor",     "manager",    "president",  "vice-president", "chairman"};

/* The end of a post of two words at word @p i < ln->n, "chief" and the
 * next ("chief executive", "chief economist"), or @p i. */
static size_t chief_post_end(const line_t *ln, size_t i)
{
    return tg_recog_word_is(ln, i, "chief") && i + 1 < ln->n && tg_recog_spaced(ln, i + 1) && !ln->w[i + 1].cap ? i + 2 : i;
}

/* Whether a word said words [a, b), of kind @p kind, are an organization:
 * its first ("Ministry of ...", of three words or more) or last ("... FC",
 * "... Inc") word, the lower-case word right after it ("Chelsea boss",
 * "A Morgan Stanley spokesman") but not after a place ("Asia shares",
 * "U.S. subsidiary"; after its possessive, only owned_by_org), or a post
 * between it and a person, after its possessive or a place too
 * ("Kremlin leader Mikhail Gorbachev", "Fiat chairman Luca di
 * Montezemolo", where the model had Fiat a place; "Yukos chief executive
 * Steven Theede"). */
static bool org_cue(const line_t *ln, size_t a, size_t b, uint32_t kind)
{
    bool head = b - a >= 3 && tg_recog_word_in(ln, a, &ln->fx->sets.org_heads);
    bool suffix = b - a >= 2 && tg_recog_word_in(ln, b - 1, &ln->fx->sets.org_suffixes);
    bool follower = b < ln->n && kind != TAGGER_KIND_PLACE && tg_recog_spaced(ln, b) &&
                    tg_recog_word_in(ln, b, &ln->fx->sets.org_followers);
    if (b + 1 < ln->n && tg_recog_word_in(ln, b, &ln->fx->sets.possessives)) {
        b++; /* "Kodak's shares", "Nintendo's president Satoru Iwata" */
        follower = kind != TAGGER_KIND_PLACE && tg_recog_spaced(ln, b) &&
                   tg_recog_word_in(ln, b, &ln->fx->sets.owned_by_org);
    }
    size_t post_end = b;
    if (b + 1 < ln->n) {
        post_end = chief_post_end(ln, b);
        post_end += post_end == b && tg_recog_word_in(ln, b, &ln->fx->sets.org_posts);
    }
    bool post = post_end > b && post_end < ln->n && tg_recog_spaced(ln, b) &&
                tg_recog_spaced(ln, post_end) && ln->w[post_end].label == TG_NL_B_PER;
    return head || suffix || follower || post;
}

/* Whether a job of employee_jobs and "at" or "with" are right before
 * words [a, b), which end a run of capitalised words: in "economist at
 * Friedburg Commodity Management", where the model made two names, the
 * place before the company is joined to it (place_before_company()). */
static bool employer_after_job(const line_t *ln, size_t a, size_t b)
{
    if (a < 2 || !tg_recog_spaced(ln, a) || !tg_recog_spaced(ln, a - 1)) {
        return false;
    }
    if (b < ln->n && ln->w[b].cap && tg_recog_spaced(ln, b)) {
        return false;
    }
    return (tg_recog_word_is(ln, a - 1, "at") || tg_recog_word_is(ln, a - 1, "with")) &&
           tg_recog_word_in(ln, a - 2, &ln->fx->sets.employee_jobs);
}

/* Whether a word of words [a, b) is a legal form or an organization's
 * head or suffix ("Nikko Securities Co", "Banque Generale"). */
static bool org_word_in(const line_t *ln, size_t a, size_t b)
{
    const word_sets_t *sets = &ln->fx->sets;
    for (size_t k = a; k < b; k++) {
        if (tg_recog_word_in(ln, k, &sets->legal_forms) ||
            tg_recog_word_in(ln, k, &sets->org_suffixes) ||
            tg_recog_word_in(ln, k, &sets->org_heads)) {
            return true;
        }
    }
    return false;
}

/* Whether a role of person_roles is right before word @p a. */
static bool person_role_before(const line_t *ln, size_t a)
{
    if (a == 0 || !tg_recog_spaced(ln, a)) {
        return false;
    }
    if (tg_recog_word_in(ln, a - 1, &ln->fx->sets.person_roles)) {
        return true;
    }
    /* a post after a name, the post's organization: "Arsenal manager
     * Arsene Wenger", "Arsenal boss Arsene Wenger" (not "lead manager
     * Nikko Securities") */
    return a >= 2 && ln->w[a - 2].cap && tg_recog_spaced(ln, a - 1) &&
           (tg_recog_word_in(ln, a - 1, &ln->fx->sets.org_posts) ||
            tg_recog_word_is(ln, a - 1, "boss"));
}

/* Whether a noun of org_descriptors is right before word @p a. */
static bool org_descriptor_before(const line_t *ln, size_t a)
{
    return a > 0 && tg_recog_spaced(ln, a) &&
           tg_recog_word_in(ln, a - 1, &ln->fx->sets.org_descriptors);
}

/* Whether word @p k lies in a standing gazetteer mention of an
 * organization. */
static bool org_mention_at(const tagger_t *tg, const tagger_scratch_t *s, const line_t *ln,
                           size_t k)
{
    if (!ln->w[k].covered) {
        return false;
    }
    uint32_t from = ln->w[k].start;
    for (size_t j = tg_recog_recs_near(s, from); j < s->n_recs && s->recs[j].start <= from; j++) {
        const tg_rec_t *rec = &s->recs[j];
        if (!(rec->flags & TG_REC_DROPPED) && rec->end > from && rec->entity < tg->n_entities &&
            tg->entities[rec->entity].kind == TAGGER_KIND_ORG) {
            return true;
        }
    }
    return false;
}

/* Whether word @p i is "and" or "or" (@p comma: or a comma): the joints
 * of a list. */
static bool list_joint(const line_t *ln, size_t i, bool comma)
{
    return (comma && tg_recog_word_is(ln, i, ",")) || tg_recog_word_is(ln, i, "or") ||
           tg_recog_word_is(ln, i, "and");
}

/* Whether the one word @p a stands in a list beside an organization of the
 * gazetteer ("Google, Yahoo, Ebay and Amazon", "rivals such as Yahoo and
 * Microsoft"): a list names things of one kind, where the model alone took
 * a company's one-word name for a person's or a place's.  A comma after
 * the organization counts only where the list goes on after the word: "The
 * LSE, Europe's biggest stock market" is no list. */
static bool listed_with_org(const tagger_t *tg, const tagger_scratch_t *s, const line_t *ln,
                            size_t a)
{
    bool goes_on = a + 1 < ln->n && list_joint(ln, a + 1, true);
    return (a >= 2 && list_joint(ln, a - 1, goes_on) && org_mention_at(tg, s, ln, a - 2)) ||
           (a + 2 < ln->n && list_joint(ln, a + 1, false) && org_mention_at(tg, s, ln, a + 2));
}

/* Whether words [a, b) of a line in capitals end in a legal form or an
 * organization's suffix, read in title case ("UNITED TECHNOLOGIES CORP",
 * "WESTERN AIRLINES", "RUGBY UNION"). */
static bool company_end(const line_t *ln, size_t a, size_t b)
{
    return a < b && (tg_recog_word_in(ln, b - 1, &ln->fx->sets.legal_forms) ||
                     title_case_in(ln, b - 1, &ln->fx->sets.org_suffixes));
}

/* Words that open a post of two: "Vice Chairman", "Majority Leader". */
static const char *const post_openers[] = {"Vice", "Deputy", "Acting", "Majority", "Minority",
                                           "VICE", "DEPUTY", "ACTING", "MAJORITY", "MINORITY"};

/* The end of an organization's words [a, b) without a post written with
 * a capital right before a name: "Federal Reserve Board Chairman Paul
 * Volcker", "Federal Reserve Board Vice Chairman Manuel Johnson" (the
 * post is the person's; in lower case it is no part of the name
 * anyway). */
static size_t org_end_before_post(const line_t *ln, size_t a, size_t b)
{
    if (b - a < 2 || b >= ln->n || !ln->w[b].cap || !tg_recog_spaced(ln, b) ||
        !recased_in(ln, b - 1, &ln->fx->sets.org_posts, 0)) {
        return b;
    }
    b--;
    str_t w = tg_recog_raw(ln, b - 1);
    if (b - a >= 2 && tg_word_in(post_openers, sizeof post_openers / sizeof *post_openers, w.s,
                                 w.len)) {
        b--;
    }
    return b;
}

/* Whether words [a, b) are all legal forms ("Inc", "Co Inc"). */
static bool legal_forms_only(const line_t *ln, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++) {
        if (!tg_recog_word_in(ln, i, &ln->fx->sets.legal_forms)) {
            return false;
        }
    }
    return true;
}

/* The last span of the line whose spans start at @p line_spans, or NULL. */
static span_t *last_line_span(tg_recog_t *r, size_t line_spans)
{
    return r->n_spans > line_spans ? &r->spans[r->n_spans - 1] : NULL;
}

/* Span @p sp stretched to end at word @p end of the text, an organization
 * that a company's name typed ("Sealy" + "Inc", "Moody" + "'s Investors
 * Service Inc"). */
static void stretch_to_company(span_t *sp, size_t end)
{
    sp->end = (uint32_t)end;
    sp->kind = TAGGER_KIND_ORG;
    sp->cued = 1;
}

/* The span just before words [a, b) of the line whose first word is
 * @p base, if it is a place with only spaces or a wrap after it, or NULL:
 * an organization's name that the model cut after the place it opens with
 * ("Hong Kong" "Stock Exchange", "Stanford" "University"), or, where the
 * gazetteer's place gave way to the institution after it (resolve.c), the
 * place the model typed alone. */
static span_t *place_before(tg_recog_t *r, const line_t *ln, size_t base, size_t a,
                            size_t line_spans)
{
    span_t *last = last_line_span(r, line_spans);
    return last && last->kind == TAGGER_KIND_PLACE && last->end == base + a &&
                   tg_recog_spaced(ln, a)
               ? last
               : NULL;
}

/* Words [a, b) of the line whose first word is @p base, legal forms alone
 * in their span, end the span just before them if there is one in this
 * line (the spans from @p line_spans on) and only spaces or a wrap lie
 * between: that span becomes an organization ("Sealy" "Inc"). */
static void join_legal_forms(tg_recog_t *r, const line_t *ln, size_t base, size_t a, size_t b,
                             size_t line_spans)
{
    span_t *last = last_line_span(r, line_spans);
    if (last && last->end == base + a && tg_recog_spaced(ln, a)) {
        stretch_to_company(last, base + b);
    }
}

/* A company's name of two parts joined by "and" or "&" and ending in a
 * legal form ("Procter and Gamble Co", "Pacific Gas and Electric Co"),
 * which the model cuts at the connector: the start of the name that words
 * [a, b) end, to be looked for before a, or a itself.  The part before
 * the connector is up to three capitalised words right before it that no
 * gazetteer mention covers, after any article, and that do not end in a
 * legal form themselves ("Chrysler Corp and Ford Motor Co" are two
 * companies), with no other "and" before them ("Wagner and Brown and AFG
 * Industries Inc" could be cut either way). */
static size_t company_start(const line_t *ln, size_t a, size_t b)
{
    if (a < 2 || b - a < 2 || !tg_recog_word_in(ln, b - 1, &ln->fx->sets.legal_forms) ||
        !tg_recog_and_word(ln, a - 1) || !tg_recog_spaced(ln, a) || !tg_recog_spaced(ln, a - 1) ||
        tg_recog_word_in(ln, a - 2, &ln->fx->sets.legal_forms)) {
        return a;
    }
    static const char *const articles[] = {"The", "A", "An", "THE"}; /* a sentence's start */
    size_t start = a - 1;
    while (start > 0 && a - 1 - start < 3 && ln->w[start - 1].cap && !ln->w[start - 1].covered &&
           (start == a - 1 || tg_recog_spaced(ln, start))) {
        str_t w = tg_recog_raw(ln, start - 1);
        if (tg_word_in(articles, sizeof articles / sizeof *articles, w.s, w.len)) {
            break;
        }
        start--;
    }
    if (start == a - 1 || (start > 0 && tg_recog_and_word(ln, start - 1))) {
        return a;
    }
    return start;
}

/* The start of the company's name [a, b), one ending in a legal form or
 * an organization's suffix, when the span right before it on the line,
 * one space away, is a person the model alone typed or an organization:
 * the company's first words ("Harcourt Brace" + "Jovanovich Inc", "Arvin"
 * + "Industries Inc", "Kleinwort" + "Benson Ltd"; Reuters-21578 had 492
 * such pairs with a person, 106 with an organization); not one that ends
 * as a company itself.  Returns @p a itself if none. */
static size_t span_before_company(const tg_recog_t *r, const line_t *ln, size_t base,
                                  size_t line_spans, size_t a, size_t b)
{
    if (r->n_spans <= line_spans || a == 0 || !company_end(ln, a, b) ||
        !tg_recog_spaced(ln, a)) {
        return a;
    }
    /* In capitals, an organization before is as often a headline's words:
     * "S/P UPGRADES" + "UNION CARBIDE CORP". */
    const span_t *before = &r->spans[r->n_spans - 1];
    if (!((before->kind == TAGGER_KIND_ORG && ln->kind != 'C') ||
          (before->kind == TAGGER_KIND_PERSON && !before->cued)) ||
        before->end != base + a) {
        return a;
    }
    size_t first = before->first - base;
    return company_end(ln, first, a) ? a : first; /* "E-II Holdings Inc." + "BCI Holdings" */
}

/* The start of the company's name that the industry head at word @p a
 * ends, in running text: up to three capitalised words right before it,
 * spaced, none a letter ("A Telecom spokesman"), a title, a legal form or
 * "I", nor a common word opening a sentence ("Concerning Dome
 * Petroleum"); the mentions of places among them are dropped ("Japan" of
 * "Japan Airlines", as in place_starts_company()), and a mention of
 * anything else leaves the head alone.  Returns @p a itself if none. */
static size_t industry_start(const tagger_t *tg, tagger_scratch_t *s, const line_t *ln, size_t a)
{
    size_t start = a;
    bool covered = false;
    while (ln->kind == 'N' && start > 0 && a - start < 3 && tg_recog_spaced(ln, start)) {
        size_t k = start - 1;
        if (!ln->w[k].cap || ln->w[k].end - ln->w[k].start == 1 ||
            tg_recog_word_in(ln, k, &ln->fx->sets.titles) ||
            tg_recog_word_in(ln, k, &ln->fx->sets.legal_forms) || first_person(ln, k, true) ||
            (opens_sentence(ln, k) && tg_recog_is_common(ln, k))) {
            break;
        }
        covered |= ln->w[k].covered;
        start = k;
    }
    if (covered && tg_recog_drop_places(tg, s, ln->w[start].start, ln->w[a - 1].end, true) < 0) {
        return a;
    }
    return start;
}

/* Drops the spans of this line (those from @p line_spans on) that reach
 * past word @p start of the text: the part of a name that the model typed
 * apart, now taken into a longer name. */
static void drop_spans_after(tg_recog_t *r, size_t line_spans, size_t start)
{
    while (r->n_spans > line_spans && r->spans[r->n_spans - 1].end > start) {
        r->n_spans--;
    }
}

size_t tg_recog_covered_end(const line_t *ln, size_t k, size_t b)
{
    while (k < b && ln->w[k].covered) {
        k++;
    }
    return k;
}

/* A name's connector as written: "of", not "Of". */
static bool is_connector(const line_t *ln, size_t i)
{
    return !ln->w[i].cap && tg_recog_word_in(ln, i, &ln->fx->sets.connectors);
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
        named = name_word_beside_place(ln, k) || (k > c && k + 1 < b && is_connector(ln, k));
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
 * Bank", "Japan Airlines"; company_end()); and either three words or more
 * ending in a legal form, or, in running text, capitalised words (and
 * connectors between them) after the place, none of them a title or of
 * place_not_org, and no first name first (a person named after one).  Then
 * the places were never meant (Meridian, Idaho is not in the news here):
 * their mentions are dropped and the name stands, an exception to the
 * gazetteer's precedence (the others: place_inside_company(),
 * institution_of_place(), place_ends_company(), recog_results.c, and
 * recog_names.c place_surnames()).  Returns whether it was so. */
static bool place_starts_company(const tagger_t *tg, tagger_scratch_t *s, const line_t *ln,
                                 size_t a, size_t b)
{
    size_t c = tg_recog_covered_end(ln, a, b);
    return place_company_words(ln, a, b) &&
           tg_recog_drop_places(tg, s, ln->w[a].start, ln->w[c - 1].end,
                                company_end(ln, a, b)) > 0;
}

/* The start of an organization's name [a, b) ending as a company's or an
 * institution's does, with the city's mention right before it, one space
 * away, that the model left out ("London" + "Potato Futures Association",
 * "New York" + "Life Insurance Co"; not "Boston-based" + "FMR Corp"): the
 * city's words, when the whole has place_starts_company()'s shape and that
 * mention is of cities alone.  Returns @p a itself if not. */
static size_t place_before_company(const tagger_t *tg, const tagger_scratch_t *s,
                                   const line_t *ln, size_t a, size_t b)
{
    size_t start = a;
    while (start > 0 && a - start < 3 && ln->w[start - 1].covered && ln->w[start - 1].cap &&
           tg_recog_spaced(ln, start) &&
           !tg_recog_compound(ln->text + ln->w[start - 1].start,
                              ln->w[start - 1].end - ln->w[start - 1].start)) {
        start--;
    }
    if (start == a || !company_end(ln, a, b) || !place_company_words(ln, start, b) ||
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
        recased_in(ln, a, &ln->fx->sets.connectors, 0)) {
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
static bool given_name_is_place(const tagger_t *tg, tagger_scratch_t *s, const line_t *ln,
                                size_t a, size_t b)
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
        if (!ln->w[c0].cap && !is_connector(ln, c0)) {
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

/* Last words of an event's or a show's name ("Consumer Electronics Show",
 * "Academy Awards", "Carling Cup", "Berlin Film Festival"): MISC in
 * CoNLL-2003 (eng.train and eng.testa: Cup 116 of 116, Open 84 of 84),
 * which the model sometimes types ORG or PERSON; such a name is no entity
 * of ours.  Not "Fair" (Vanity Fair), "Marathon" (Marathon Oil) nor
 * "Masters", surnames too. */
static const char *const event_ends[] = {
    "Festival", "Awards", "Award", "Show",  "Championship", "Championships", "Cup",  "Olympics",
    "Tournament", "Trophy", "Prize", "Prix", "Classic",     "Rally",         "Expo", "Series",
    "Open"};

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
static const char *const surname_place_cues[] = {"in",   "on",      "at",     "near",
                                                 "from", "outside", "around", "to"};

/* Whether words [a, b), which the model typed a person, are a place: two
 * words or more, the last of place_ends (or of surname_place_ends, after a
 * word of surname_place_cues) and the first neither a first name nor
 * initials ("Capitol Hill", "Leicester Square", but "Damon Hill", "B.B.
 * Lane"). */
static bool place_named_like_person(const line_t *ln, size_t a, size_t b)
{
    const word_sets_t *sets = &ln->fx->sets;
    if (b - a < 2 || tg_recog_first_name(ln, a)) {
        return false;
    }
    str_t first = tg_recog_raw(ln, a);
    bool end = tg_recog_word_in(ln, b - 1, &sets->place_ends) ||
               (tg_recog_word_in(ln, b - 1, &sets->surname_place_ends) && a > 0 &&
                tg_recog_spaced(ln, a) && tg_recog_word_in(ln, a - 1, &sets->surname_place_cues));
    return end && !memchr(first.s, '.', first.len);
}

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

static const char *const possessives[] = {"'s", "\u2019s"};

/* What ends a person's name after it: the son or the father of the one
 * named ("Donald Trump Jr."; the model tags it O). */
static const char *const generations[] = {"Jr", "Jr.", "Sr", "Sr."};

/* The end of a person's name ending at word @p b, taking in a "Jr" or "Sr"
 * right after it or after a comma ("Donald Trump, Jr."). */
static size_t generation_end(const line_t *ln, size_t b)
{
    size_t g = b;
    str_t w = g < ln->n ? tg_recog_raw(ln, g) : (str_t){"", 0};
    if (w.len == 1 && w.s[0] == ',' && ln->w[g].start == ln->w[g - 1].end) {
        g++; /* "Donald Trump, Jr." */
    }
    if (g < ln->n && tg_recog_spaced(ln, g) &&
        tg_recog_word_in(ln, g, &ln->fx->sets.generations)) {
        return g + 1;
    }
    return b;
}

/* A company whose name has a possessive in it ("Moody's Investors Service
 * Inc", "Hudson's Bay Co"), which the model cuts at the "'s": for words
 * [a, b) of an organization ending in a legal form, the span of this line
 * (from @p line_spans on) that ends just before an "'s" just before them,
 * or NULL.  The span must be one word, not in capitals: a longer one or an
 * acronym owns the company ("Du Pont Co's Conoco Inc", "Ivan Boesky's
 * Seemala Corp", "CP's Cominco Ltd"). */
static span_t *possessive_owner(tg_recog_t *r, const line_t *ln, size_t base, size_t a,
                                size_t b, size_t line_spans)
{
    span_t *last = last_line_span(r, line_spans);
    if (!last || a < 2 || last->end != base + a - 1 || last->first != base + a - 2 ||
        !tg_recog_spaced(ln, a) || !tg_recog_word_in(ln, a - 1, &ln->fx->sets.possessives) ||
        !tg_recog_word_in(ln, b - 1, &ln->fx->sets.legal_forms)) {
        return NULL;
    }
    str_t owner = tg_recog_raw(ln, a - 2);
    bool caps = owner.len > 1 && owner.s[1] >= 'A' && owner.s[1] <= 'Z';
    return caps ? NULL : last;
}

/* Where the person the model tagged in words [a, b) starts.  A name of two
 * words or more that opens with a common word that is no first name is no
 * person's ("Ask Jeeves", "Desperate Housewives", "Crazy Eddie", "Was
 * Accused" in a headline): it starts at a first name after that word,
 * itself no common word ("Liquid Crystal Display"), that another word
 * follows ("Chairman Steven J. Ross", "Singer Kate Pierson"), or, with
 * none, it is no name (returns b; "Fat Albert" is not Albert). */
static size_t person_start(const line_t *ln, size_t a, size_t b)
{
    if (b - a < 2 || !tg_recog_is_common(ln, a) || tg_recog_first_name(ln, a)) {
        return a;
    }
    for (size_t k = a + 1; k + 1 < b; k++) {
        if (tg_recog_first_name(ln, k) && !tg_recog_is_common(ln, k)) {
            return k;
        }
    }
    return b;
}

/* Spans of one tagged line, filtered (steps 4).  Only candidates have a
 * label but O, so only the words of @p near (line_first[] + i, the
 * candidates and their neighbours, in order) are looked at. */
static int line_spans(const tagger_t *tg, tagger_scratch_t *s, tg_recog_t *r, const line_t *ln,
                      size_t base, const uint32_t *near, size_t n_near)
{
    int by = byline_spans(r, ln, base);
    if (by) {
        return by < 0 ? TAGGER_ERR_NOMEM : TAGGER_OK;
    }
    bool score_line = false;
    size_t results = tg_recog_results_line(ln, &score_line);
    int teams = results ? tg_recog_results_spans(tg, s, r, ln, base, results, score_line)
                        : tg_recog_fixture_spans(tg, s, r, ln, base);
    if (teams) {
        return teams;
    }
    const word_t *w = ln->w;
    size_t n_spans = r->n_spans; /* the spans of the lines before */
    /* Whether the line is a headline: asked of a title-case line at once,
     * to label its people first; of another only once a span gets that
     * far (-1: not known yet). */
    int title_case = -1;
    if (ln->kind == 'T') {
        title_case = tg_recog_headline(ln);
        if (title_case) {
            tg_recog_label_headline_people(ln);
        }
    }
    for (size_t at = 0, next = 0; at < n_near; at++) {
        size_t i = near[at] - base;
        if (i < next || w[i].label == TG_NL_O) {
            continue; /* inside the span before, or O */
        }
        uint32_t kind = kind_of_label[w[i].label];
        int type = (w[i].label - 1) / 2; /* PER 0, ORG 1, LOC 2, MISC 3 */
        size_t j = i + 1;
        while (j < ln->n && tg_recog_inside_label(w[j].label) && (w[j].label - 1) / 2 == type &&
               tg_recog_spaced(ln, j) && !sentence_ends_before(ln, j)) {
            j++;
        }
        size_t a = i, b = j; /* without connectors at the edges: "& Lomason" */
        while (a < b && (!w[a].cap || first_person(ln, a, true))) {
            a++;
        }
        while (b > a && (!w[b - 1].cap || first_person(ln, b - 1, false))) {
            b--;
        }
        if (b - a == 1 && kind != 0 && tg_recog_word_in(ln, a, &ln->fx->sets.titles)) {
            b = j = name_after_title(ln, a); /* "Mr" + "Ebbers", the name tagged O */
        }
        if (type == 3 && b - a >= 2 && company_end(ln, a, b)) {
            /* What the model took for a MISC name (a thing, an event)
             * but ends in a legal form or an organization's suffix is an
             * organization: "Dow Chemical Co", "Financial Times". */
            kind = TAGGER_KIND_ORG;
        }
        /* Titles and offices off the start, one after the other ("Chancellor
         * Lord Falconer"), but not before a lower-case word ("MP for Ealing
         * North"). */
        bool cued = false;
        while (b - a >= 2 && kind != 0 && w[a + 1].cap) {
            if (tg_recog_word_in(ln, a, &ln->fx->sets.titles)) {
                kind = TAGGER_KIND_PERSON;
                cued = true;
            } else if (kind != TAGGER_KIND_PERSON || !office_at(ln, a)) {
                break;
            }
            a++;
        }
        if (kind != 0 && a == i && a > 0 && tg_recog_spaced(ln, a) &&
            tg_recog_word_in(ln, a - 1, &ln->fx->sets.titles)) {
            kind = TAGGER_KIND_PERSON; /* "Mr" + "Lilliu", the title tagged O */
            cued = true;
        }
        bool keep = kind != 0 && a < b;
        bool head = keep && b - a == 1 && title_case_in(ln, a, &ln->fx->sets.industry_heads);
        size_t industry = head ? industry_start(tg, s, ln, a) : a;
        bool joined = industry < a; /* its places dropped: industry_start() */
        if (joined) {
            drop_spans_after(r, n_spans, base + industry); /* "France" LOC + "Telecom" */
            a = industry;
            kind = TAGGER_KIND_ORG;
            cued = true;
        } else if (keep && org_cue(ln, a, b, kind)) {
            kind = TAGGER_KIND_ORG;
            cued = true;
        } else if (keep && org_descriptor_before(ln, a)) {
            /* Decisive unless the name opens with a first name: "investment
             * firm Mario Gabelli" is the firm, but the man elsewhere. */
            kind = TAGGER_KIND_ORG;
            cued = b - a < 2 || !tg_recog_first_name(ln, a);
        } else if (keep && employer_after_job(ln, a, b)) {
            kind = TAGGER_KIND_ORG;
            cued = b - a < 2 || !tg_recog_first_name(ln, a);
        } else if (keep && b - a == 1 && listed_with_org(tg, s, ln, a) &&
                   !tg_recog_first_name(ln, a)) {
            kind = TAGGER_KIND_ORG;
            cued = true;
        } else if (keep && kind == TAGGER_KIND_ORG && b - a >= 2 && ln->kind != 'C' &&
                   person_role_before(ln, a) && !org_word_in(ln, a, b)) {
            kind = TAGGER_KIND_PERSON;
            cued = true;
        }
        if (keep && kind == TAGGER_KIND_PERSON && !cued && place_named_like_person(ln, a, b)) {
            kind = TAGGER_KIND_PLACE;
        }
        if (keep && (kind == TAGGER_KIND_PLACE || (kind == TAGGER_KIND_PERSON && !cued)) &&
            b - a == 1 && acronym_in_prose(ln, a)) {
            kind = TAGGER_KIND_ORG; /* "said COB press secretary ..." */
        }
        if (keep && kind == TAGGER_KIND_PERSON && !cued) {
            a = person_start(ln, a, b);
            keep = a < b;
        }
        if (keep && kind == TAGGER_KIND_ORG) {
            b = org_end_before_post(ln, a, b);
        }
        size_t start = keep && kind == TAGGER_KIND_ORG ? company_start(ln, a, b) : a;
        if (keep && kind == TAGGER_KIND_ORG && start == a) {
            start = span_before_company(r, ln, base, n_spans, a, b);
        }
        if (keep && kind == TAGGER_KIND_ORG && start == a) {
            start = place_before_company(tg, s, ln, a, b);
        }
        if (start < a) {
            /* the part before the connector, and any span the model made of it */
            drop_spans_after(r, n_spans, base + start);
            a = start;
        }
        /* An event's name, or its first words the model typed apart
         * ("Orange" of "Orange Prize"); before a place in it gives way:
         * "Cannes Film Festival". */
        if (keep && (title_case_in(ln, b - 1, &ln->fx->sets.event_ends) ||
                     (b < ln->n && tg_recog_spaced(ln, b) &&
                      title_case_in(ln, b, &ln->fx->sets.event_ends)))) {
            keep = false;
        }
        bool covered = false;
        for (size_t k = a; k < b; k++) {
            covered |= w[k].covered;
        }
        if (keep && covered && !joined) {
            keep = kind == TAGGER_KIND_ORG ? place_starts_company(tg, s, ln, a, b) ||
                                                 place_inside_company(tg, s, ln, a, b) ||
                                                 place_ends_company(tg, s, ln, a, b) ||
                                                 institution_of_place(tg, s, ln, a, b)
                                           : kind == TAGGER_KIND_PERSON &&
                                                 (surname_is_place(tg, s, ln, a, b) ||
                                                  (cued && given_name_is_place(tg, s, ln, a, b)));
            if (keep && kind == TAGGER_KIND_PERSON) {
                for (size_t k = a; k < b; k++) {
                    ln->w[k].covered = 0; /* its places' mentions dropped: a name's words now */
                }
            }
        }
        bool weak = false;
        if (keep && ln->kind == 'C' && !company_end(ln, a, b)) {
            /* In capitals, common words at the edges are the headline's:
             * "REAGAN MISLED" is "REAGAN", which must be found outside such
             * lines too; "YELLOW CORN" is nothing. */
            size_t a0 = a, b0 = b;
            while (a < b && tg_recog_is_common(ln, a)) {
                a++;
            }
            while (b > a && tg_recog_is_common(ln, b - 1)) {
                b--;
            }
            keep = a < b;
            weak = a != a0 || b != b0;
        }
        if (keep && legal_forms_only(ln, a, b)) {
            join_legal_forms(r, ln, base, a, b, n_spans);
            keep = false;
        }
        if (keep && b - a == 1) {
            keep = lone_word_ok(ln, a);
        }
        if (keep && kind == TAGGER_KIND_PERSON && b - a >= 2) {
            b = j = generation_end(ln, b); /* "Donald Trump" + "Jr.": the son's name */
        }
        if (keep && title_case < 0) {
            title_case = ln->kind != 'C' && tg_recog_headline(ln);
        }
        if (keep && title_case) {
            /* "Peter Obi: A Message of Hope": a first name opening a
             * person's name is evidence enough; anything else needs the
             * name outside title-case lines too.  A person the model ran on
             * into the headline's verb ("Joaquin Phoenix Is", in a line
             * found title case only now, after tg_recog_label_headline_people()
             * would have cut it) ends where that name does. */
            keep = tg_recog_headline_span_ok(ln, a, b);
            size_t person_end = keep ? a : tg_recog_headline_person_end(ln, a);
            if (person_end > a && person_end <= b) {
                keep = true;
                b = j = person_end;
            }
            weak = !(kind == TAGGER_KIND_PERSON && b - a >= 2 && tg_recog_first_name(ln, a));
        }
        span_t *owner =
            keep && kind == TAGGER_KIND_ORG ? possessive_owner(r, ln, base, a, b, n_spans) : NULL;
        span_t *place = keep && kind == TAGGER_KIND_ORG && !owner
                            ? place_before(r, ln, base, a, n_spans)
                            : NULL;
        if (owner) {
            stretch_to_company(owner, base + b); /* "Moody" + "'s" + "Investors Service Inc" */
        } else if (place) {
            stretch_to_company(place, base + b); /* "Hong Kong" + "Stock Exchange" */
        } else if (keep && !(b - a == 1 && (title_case_in(ln, a, &ln->fx->sets.generic_heads) ||
                                             title_case_in(ln, a, &ln->fx->sets.industry_heads)))) {
            int rc = tg_recog_add_span(r, base + a, base + b, kind, weak, cued);
            if (rc) {
                return rc;
            }
        }
        next = j;
    }
    return TAGGER_OK;
}

size_t tg_recog_word_after(const tg_recog_t *r, uint32_t off)
{
    size_t lo = 0, hi = r->n_words;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (r->words[mid].end <= off) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

size_t tg_recog_recs_near(const tagger_scratch_t *s, uint32_t from)
{
    uint32_t max = s->recog->rec_len_max;
    uint32_t start = from > max ? from - max : 0; /* none starting before ends after from */
    size_t lo = 0, hi = s->n_recs;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->recs[mid].start < start) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

/* The length of the longest gazetteer mention, for tg_recog_recs_near(). */
static uint32_t longest_rec(const tagger_scratch_t *s)
{
    uint32_t max = 0;
    for (size_t k = 0; k < s->n_recs; k++) {
        if (s->recs[k].end - s->recs[k].start > max) {
            max = s->recs[k].end - s->recs[k].start;
        }
    }
    return max;
}

/* Marks the words that standing gazetteer mentions overlap.  The mentions
 * come in text order (sort_recs()), so the first word ending after one's
 * start (tg_recog_word_after()) is found by walking on from the last
 * one's: one pass over the words, where a binary search per mention
 * missed the cache at every step in a long text. */
static void mark_covered(tg_recog_t *r, const tagger_scratch_t *s)
{
    size_t first = 0;
    for (size_t k = 0; k < s->n_recs; k++) {
        const tg_rec_t *rec = &s->recs[k];
        if (rec->flags & TG_REC_DROPPED) {
            continue;
        }
        while (first < r->n_words && r->words[first].end <= rec->start) {
            first++;
        }
        for (size_t i = first; i < r->n_words && r->words[i].start < rec->end; i++) {
            r->words[i].covered = 1;
        }
    }
}

/* Wire copy and plain-text mail wrap their prose at some 70 columns, and a
 * name goes on across the break ("the Securities and\nExchange
 * Commission", "said Joseph\nArsenio"): cut at each newline, it would be
 * two names or none.  Line @p l of @p lay wraps into the next when both
 * are article body, the next is not indented (a new paragraph or a table
 * row is), and line l is long and does not end a sentence (initials and a
 * name after the break are no sentence end: initials_before_name()): a line of
 * fewer than WRAP_MIN_BYTES is a heading, a dateline or an item of a
 * list, which the next line does not continue (but the first line below a
 * dateline: below_dateline()); so is a first line whose
 * words of four letters or more all open with a capital (a headline
 * straight above its text, "Evan Rachel Wood Is Finally Getting Paid As
 * Much As Her Male Costars": joined, it was no title-case line, and its
 * verbs ran into the names).  Only the first: in wire copy, a line of
 * names and short words ("Treasury Secretary James Baker and Japanese")
 * goes on in the next. */
enum { WRAP_MIN_BYTES = 40 };

/* Whether bytes [s, s + n) hold three words of four letters or more, and
 * every such word opens with a capital (ASCII letters; a headline). */
static bool heading_words(const char *s, size_t n)
{
    size_t words = 0;
    for (size_t i = 0; i < n;) {
        if (!tg_trie_ascii_alnum((unsigned char)s[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && tg_trie_ascii_alnum((unsigned char)s[j])) {
            j++;
        }
        bool upper = s[i] >= 'A' && s[i] <= 'Z', lower = s[i] >= 'a' && s[i] <= 'z';
        if (j - i >= 4 && lower) {
            return false;
        }
        words += j - i >= 4 && upper;
        i = j;
    }
    return words >= 3;
}

/* Closing quotes and brackets, and the marks that end a sentence or a
 * clause: a test each, as they are asked at the end of every line. */
static bool closing_mark(char c)
{
    return c == '"' || c == '\'' || c == ')' || c == ']';
}

static bool ends_clause(char c)
{
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
}

/* Whether the line [start, end) ends in initials ("L.K.", "E.F.": one to
 * three capitals, each with its period) and the line from @p next opens
 * with a capitalised word that is no common word: a name going on across
 * the break ("said L.K.\nEvans has been elected", "by E.F.\nHutton Group
 * Inc"), not a sentence's end ("in the U.S.\nThe company said"). */
static bool initials_before_name(const tg_names_t *m, const char *text, size_t start,
                                 size_t end, size_t next, size_t next_end)
{
    size_t k = end, letters = 0;
    while (k >= start + 2 && text[k - 1] == '.' && text[k - 2] >= 'A' && text[k - 2] <= 'Z') {
        k -= 2;
        letters++;
    }
    if (letters == 0 || letters > 3 || (k > start && text[k - 1] != ' ')) {
        return false;
    }
    size_t n = 0;
    while (next + n < next_end && tg_trie_ascii_alnum((unsigned char)text[next + n])) {
        n++;
    }
    uint64_t h = tg_capitalised_word_hash(text, next, n);
    return m && h && n >= 2 && !tg_names_common(m, h);
}

/* Whether line @p l sits right below a dateline ending in a dash
 * ("LOS ANGELES, March 12 -"): wire copy printed the dateline at the head
 * of the first line of text, so what is left of that line is short. */
static bool below_dateline(const tg_layout_t *lay, size_t l, const char *text)
{
    if (l == 0 || lay->lines[l - 1].zone != TG_ZONE_TITLE) {
        return false;
    }
    const tg_line_t *d = &lay->lines[l - 1];
    size_t end = d->end;
    while (end > d->start && (unsigned char)text[end - 1] <= ' ') {
        end--;
    }
    return end > d->start && text[end - 1] == '-';
}

static bool wraps_into_next(const tg_names_t *m, const tg_layout_t *lay, size_t l,
                            const char *text)
{
    const tg_line_t *a = &lay->lines[l], *b = &lay->lines[l + 1];
    if (a->zone != TG_ZONE_BODY || b->zone != TG_ZONE_BODY || b->start == b->end ||
        (unsigned char)text[b->start] <= ' ') {
        return false;
    }
    size_t end = a->end;
    while (end > a->start && (unsigned char)text[end - 1] <= ' ') {
        end--; /* trailing spaces, a CR */
    }
    while (end > a->start && closing_mark(text[end - 1])) {
        end--; /* closing quotes and brackets: what matters is before them */
    }
    return (end - a->start >= WRAP_MIN_BYTES || below_dateline(lay, l, text)) &&
           end > a->start &&
           (!ends_clause(text[end - 1]) ||
            initials_before_name(m, text, a->start, end, b->start, b->end)) &&
           !(l == 0 && heading_words(text + a->start, end - a->start));
}

/* The lines the recognizer tags (r->lines): layout.c's lines but menus,
 * with each run of wrapped lines (wraps_into_next()) made one. */
static int logical_lines(tg_recog_t *r, const tg_names_t *m, const tg_layout_t *lay,
                         const char *text)
{
    if (tg_grow((void **)&r->lines, &r->cap_lines, lay->n_lines, sizeof *r->lines)) {
        return TAGGER_ERR_NOMEM;
    }
    r->n_lines = 0;
    for (size_t l = 0; l < lay->n_lines; l++) {
        if (lay->lines[l].zone == TG_ZONE_MENU) {
            continue;
        }
        tg_line_t line = lay->lines[l];
        while (l + 1 < lay->n_lines && wraps_into_next(m, lay, l, text)) {
            line.end = lay->lines[++l].end;
        }
        r->lines[r->n_lines++] = line;
    }
    return TAGGER_OK;
}

/* A capitalised word, or a connector (as written: "of", not "Of") in a
 * run of one or two between two ("Bank of England", "Office of the
 * Deputy Prime Minister", "Joost van der Westhuizen").  The model learned
 * on runs of one (scripts/train-names is_candidate()): the second word of
 * a run is scored with the weights its words earned elsewhere.  Trained
 * with runs of two, the model scored CoNLL testa micro-F1 0.833 against
 * this 0.835, within the perceptron's noise, so it was not retrained. */
static bool is_candidate(const line_t *ln, size_t i)
{
    if (ln->w[i].cap) {
        return true;
    }
    if (i == 0 || i + 1 >= ln->n) {
        return false;
    }
    bool cap_before = ln->w[i - 1].cap || (i >= 2 && ln->w[i - 2].cap);
    bool cap_after = ln->w[i + 1].cap || (i + 2 < ln->n && ln->w[i + 2].cap);
    if (!cap_before || !cap_after || !is_connector(ln, i)) {
        return false; /* the test on the words' capitals first: hashing costs */
    }
    size_t before = i - 1, after = i + 1;
    if (is_connector(ln, before) && before > 0) {
        before--; /* "of" before "the" */
    } else if (is_connector(ln, after) && after + 1 < ln->n) {
        after++; /* "the" after "of" */
    }
    return ln->w[before].cap && ln->w[after].cap;
}

/* ------------------------------------------------------------------------ */
/* Entry points                                                              */

#define SET_INIT(set, list) tg_recog_set_init(&(set), (list), sizeof(list) / sizeof *(list))

/* Every list must leave a set half empty, so that probes stay short. */
#define SET_FITS(list) (sizeof(list) / sizeof *(list) <= SET_SLOTS / 2)
typedef char assert_sets_small[SET_FITS(headline_lower) && SET_FITS(org_suffixes) &&
                                       SET_FITS(never_names)
                                   ? 1
                                   : -1];

static void sets_init(word_sets_t *s)
{
    SET_INIT(s->connectors, connectors);
    SET_INIT(s->abbreviations, abbreviations);
    SET_INIT(s->by, byline_words);
    SET_INIT(s->headline_lower, headline_lower);
    SET_INIT(s->never_names, never_names);
    SET_INIT(s->legal_forms, legal_forms);
    SET_INIT(s->first_person, first_person_words);
    SET_INIT(s->titles, titles);
    SET_INIT(s->org_heads, org_heads);
    SET_INIT(s->org_suffixes, org_suffixes);
    SET_INIT(s->generic_heads, generic_heads);
    SET_INIT(s->industry_heads, industry_heads);
    SET_INIT(s->event_ends, event_ends);
    SET_INIT(s->org_descriptors, org_descriptors);
    SET_INIT(s->employee_jobs, employee_jobs);
    SET_INIT(s->person_roles, person_roles);
    SET_INIT(s->org_followers, org_followers);
    SET_INIT(s->owned_by_org, owned_by_org);
    SET_INIT(s->org_posts, org_posts);
    SET_INIT(s->possessives, possessives);
    SET_INIT(s->generations, generations);
    SET_INIT(s->place_not_org, place_not_org);
    SET_INIT(s->place_ends, place_ends);
    SET_INIT(s->surname_place_ends, surname_place_ends);
    SET_INIT(s->surname_place_cues, surname_place_cues);
    SET_INIT(s->place_qualifiers, place_qualifiers);
    tg_recog_fixture_sets_init(s);
}

int tg_recognize(const tagger_t *tg, tagger_scratch_t *s, const char *text, size_t len)
{
    if (!tg->names) {
        return TAGGER_OK;
    }
    if (!s->recog && !(s->recog = calloc(1, sizeof *s->recog))) {
        return TAGGER_ERR_NOMEM;
    }
    tg_recog_t *r = s->recog;
    r->n_words = r->n_spans = r->n_names = 0;
    if (r->fx_model != tg->names) {
        tg_recog_fixed_init(&r->fx, tg->names);
        sets_init(&r->fx.sets);
        r->fx_model = tg->names;
        /* Another model: what the memo says of words is void.  Without
         * memory for it, words are hashed and looked up every time. */
        tg_recog_memo_free(r->memo);
        r->memo = tg_recog_memo_new();
    }
    int rc = logical_lines(r, tg->names, &s->layout, text);
    if (rc) {
        return rc;
    }
    size_t n_lines = r->n_lines;
    /* Words of every line; line_first[l] is line l's first word.  A line's
     * words may leave out stretches far from its capitals (recog_words.c
     * tg_recog_cut_line()): a candidate's neighbours, two either side, are
     * never across one, and word 0 and the last word are the line's own
     * where a candidate is that close to them. */
    if (tg_grow((void **)&r->line_first, &r->cap_line_first, n_lines + 1,
                sizeof *r->line_first)) {
        return TAGGER_ERR_NOMEM;
    }
    size_t *line_first = r->line_first;
    for (size_t l = 0; l < n_lines && !rc; l++) {
        line_first[l] = r->n_words;
        const tg_line_t *line = &r->lines[l];
        rc = tg_recog_cut_line(r, text, len, line->start, line->end);
    }
    line_first[n_lines] = r->n_words;
    if (!rc) {
        mark_covered(r, s);
        r->rec_len_max = longest_rec(s);
    }
    /* The candidates of every line and the words either side of each
     * (near, line_near[l] the first of line l's), then what the features
     * need of those words, for the whole text at once: the misses of the
     * memo and of the first-name table overlap better than a line's few. */
    if (!rc && (tg_grow((void **)&r->near, &r->cap_near, r->n_words, sizeof *r->near) ||
                tg_grow((void **)&r->line_near, &r->cap_line_near, n_lines + 1,
                        sizeof *r->line_near))) {
        rc = TAGGER_ERR_NOMEM;
    }
    size_t n_near = 0;
    for (size_t l = 0; l < n_lines && !rc; l++) {
        r->line_near[l] = n_near;
        line_t ln = {tg->names, &r->fx, text, len, r->words ? r->words + line_first[l] : NULL,
                     line_first[l + 1] - line_first[l], 'N'};
        for (size_t i = 0, done = 0; i < ln.n; i++) {
            ln.w[i].cand = is_candidate(&ln, i);
            if (ln.w[i].cand) {
                size_t to = i + 3 < ln.n ? i + 3 : ln.n;
                for (size_t j = i >= done + 2 ? i - 2 : done; j < to; j++) {
                    r->near[n_near++] = (uint32_t)(line_first[l] + j);
                }
                done = to;
            }
        }
    }
    if (!rc) {
        r->line_near[n_lines] = n_near;
        rc = tg_recog_know_words(r, tg->names, text, len, r->words, r->near, n_near);
    }
    for (size_t l = 0; l < n_lines && !rc; l++) {
        if (r->line_near[l + 1] == r->line_near[l]) {
            continue; /* no candidate: every word O */
        }
        line_t ln = {tg->names, &r->fx, text, len, r->words + line_first[l],
                     line_first[l + 1] - line_first[l], 'N'};
        size_t block = ln.n < TAG_BLOCK ? ln.n : TAG_BLOCK;
        if (tg_grow((void **)&r->keys, &r->cap_keys_words, block, sizeof *r->keys) ||
            tg_grow((void **)&r->n_keys, &r->cap_n_keys, block, sizeof *r->n_keys)) {
            rc = TAGGER_ERR_NOMEM;
            break;
        }
        ln.kind = tg_recog_line_kind(&ln);
        tg_recog_tag_line(r, &ln, r->words + line_first[l], r->keys, r->n_keys);
        rc = line_spans(tg, s, r, &ln, line_first[l], r->near + r->line_near[l],
                        r->line_near[l + 1] - r->line_near[l]);
    }
    if (rc || (rc = tg_recog_make_names(tg, s, r, text))) {
        return rc;
    }
    for (size_t n = 0; n < r->n_names; n++) {
        r->names[n].slot = -2; /* no strong span yet (slot is set to -1 below) */
    }
    for (size_t k = 0; k < r->n_spans; k++) {
        if (!r->spans[k].weak) {
            r->names[r->spans[k].name].slot = -1;
        }
    }
    size_t cursor = 0;
    for (size_t k = 0; k < r->n_spans; k++) {
        const span_t *sp = &r->spans[k];
        if (r->names[sp->name].slot == -2) {
            continue; /* only in title-case lines */
        }
        uint32_t start = r->words[sp->first].start, end = r->words[sp->end - 1].end;
        uint32_t joins = r->names[sp->name].joins;
        tg_rec_t rec = {start,
                        end,
                        joins != TG_NONE ? joins : (uint32_t)(tg->n_entities + sp->name),
                        TG_NONE,
                        joins != TG_NONE ? (uint8_t)TAGGER_VIA_SHORT : sp->via,
                        (uint8_t)tg_layout_zone(&s->layout, &cursor, start),
                        0};
        if (tg_rec_add(s, &rec)) {
            return TAGGER_ERR_NOMEM;
        }
    }
    for (size_t n = 0; n < r->n_names; n++) {
        r->names[n].slot = -1;
    }
    return TAGGER_OK;
}

tg_recognized_t *tg_recognized(tagger_scratch_t *s, size_t *n)
{
    *n = s->recog ? s->recog->n_names : 0;
    return s->recog ? s->recog->names : NULL;
}

void tg_recog_free(tg_recog_t *r)
{
    if (!r) {
        return;
    }
    free(r->words);
    free(r->spans);
    free(r->names);
    free(r->name_keys);
    free(r->votes);
    free(r->key_slots);
    free(r->end_words);
    free(r->lines);
    free(r->line_first);
    free(r->near);
    free(r->line_near);
    free(r->memo_keys);
    free(r->keys);
    free(r->n_keys);
    tg_recog_memo_free(r->memo);
    free(r);
}
