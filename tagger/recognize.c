/*
 * recognize.c - names no gazetteer lists: "Peter Obi", "Mazhar Abbas", a
 * ministry, a football club.  This file runs the pass (tg_recognize()) and
 * makes spans of the tagged words (steps 4 and 6 below), with the rules
 * on spans that are no organization's or place's (bylines, titles and
 * offices, the words that are never a name alone, events, a person's
 * start and end); recog_lines.c joins the lines of wrapped prose,
 * recog_words.c cuts the lines into words and remembers them, recog_tag.c
 * tags them, recog_orgs.c holds the rules of step 4 on organizations and
 * companies' names, recog_places.c those on the places inside names,
 * recog_headline.c reads title-case lines, recog_results.c lines of sports
 * results, recog_names.c makes names of the spans (step 5) and
 * recog_links.c joins their short mentions to the longer names, and
 * recog_internal.h holds what they share.
 *
 * Runs after the gazetteer passes (scan, resolve, short names), so that a
 * gazetteer name wins (with the exceptions of steps 4 and 5), and works
 * line by line: layout.c's lines, menu lines skipped, and the lines of
 * wrapped prose joined (recog_lines.c):
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
 *     valid_label()), and a person's name after a capitalised post inside
 *     what the model typed an organization or a thing is a span of its
 *     own ("Secretary of State" + "Antony Blinken"; person_after_post()).
 *     A person's name goes on over the particles the model left out
 *     ("Ursula von der Leyen", "Erik ten Hag"; past_particles()).  A
 *     person the model alone typed, in two words or
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
 *     Airlines"; recog_orgs.c tg_recog_industry_start()), or is dropped.
 *     An event or a show
 *     ("Consumer Electronics Show", "Carling Cup"; event_ends) is no
 *     entity of ours, nor the first words of one the model typed apart
 *     ("Orange" of "Orange Prize"); nor a work's title, a storm's name or a
 *     treaty's, in any of their mentions (no_entity_start(): "the film
 *     Vera Drake", "Hurricane Melissa", "Kyoto Protocol").
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
 *     an ORG too, which that word does not join.  A full name the model
 *     alone typed ORG whose surname alone it typed a PERSON more often is
 *     that person ("Arsene Wenger").  A surname two people share joins the
 *     one named after the same title, else the one named first ("Treasury
 *     Secretary Baker"); a one-word ORG that is the last word of exactly
 *     one longer ORG joins it ("Villa" after "Aston Villa"); a work's
 *     title after a noun that says so ("drama Vera Drake") is no entity,
 *     in any of its spans.  A gazetteer's place in one word that is the
 *     surname of exactly one person named in full joins that person
 *     ("Bolton" after "John Bolton").
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

/* Particles inside a person's name ("Ursula von der Leyen", "Erik ten
 * Hag", "Osama bin Laden"), which the model may leave out (O) between
 * words it typed a person.  Unlike the connectors above (the model's
 * candidates), "and", "of", "the" and "for" are none: "Tony Blair and
 * Gordon Brown" are two. */
static const char *const particles[] = {"de",  "van", "von", "der",  "den",   "ten", "ter",
                                        "zu",  "bin", "bint", "ibn", "al",    "la",  "du",
                                        "da",  "dos", "das", "del",  "della", "di",  "y"};

/* Capitalised posts that, inside a name the model typed an organization
 * or a thing, end it before a person's name: "Secretary of State" +
 * "Antony Blinken", "European Competition Commissioner" + "Margrethe
 * Vestager" (one name over both, which the rules then dropped or typed
 * ORG). */
static const char *const posts_before_names[] = {
    "President", "Minister",   "Secretary",  "State",      "Commissioner", "Chancellor",
    "Chairman",  "Chairwoman", "Chair",      "Governor",   "Director",     "Ambassador",
    "Spokesman", "Spokeswoman", "Leader",    "Premier",    "Mayor",        "Senator",
    "Envoy",     "Prosecutor", "Judge",      "Coach",      "Manager",      "Captain",
    "Chief",     "Commander",  "Comptroller", "Treasurer", "Secretary-General"};

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
    r->spans[r->n_spans++] =
        (span_t){(uint32_t)first, (uint32_t)end, kind, 0, TAGGER_VIA_NAME, weak, cued, 0};
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
    /* holidays ("sales since Christmas") */
    "Christmas", "Easter", "Ramadan", "Thanksgiving", "Halloween", "Hanukkah", "Diwali", "Eid",
    "Passover",
    /* things written in capitals: devices, media, formats, techniques, a genre, a
     * community ("sales of PCs and DVDs", "AI chip demand", "EV makers", "R&B singer",
     * "LGBTQ rights") */
    "TV", "TVs", "PC", "PCs", "DVD", "DVDs", "CD", "CDs", "USB", "LCD", "VHS", "ADSL", "GPRS",
    "SMS", "MMS", "MP3", "DRM", "ID", "AI", "EV", "EVs", "R&B", "LGBT", "LGBTQ", "LGBTQIA", "HD",
    "HDTV", "HD-DVD", "RFID", "UWB",
    /* rates, currency units and crude grades ("above LIBOR", "125.9 mln SDRs",
     * "denominated in ECUs", "WTI crude"), payment-in-kind certificates, and
     * the months of the wire's commodity tables ("JNE", "JLY") */
    "LIBOR", "Libor", "SDR", "SDRs", "ECU", "ECUs", "WTI", "PIK", "JNE", "JLY",
    /* and words ("my timing was OK"), degrees ("a PhD student") */
    "OK", "PhD", "PhDs",
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
    /* and of a continent's part ("Latin American nations") */
    "Latin",
    /* articles opening a sentence ("An EU spokesman") */
    "An", "The",
    /* sentence adverbs, capitalised only where they open a sentence, so
     * too rare in lower case to be common words ("Furthermore, the") */
    "Furthermore", "Moreover", "Additionally", "Nevertheless", "Nonetheless", "Consequently",
    /* the news agency as its 1980s wire signed its stories ("a Reuter survey", a
     * closing "REUTER"), which the model took for a person's name */
    "Reuter", "REUTER"};

/* Months, as datelines and bylines write them ("NEW YORK, Jan 5 -"), but
 * "May" (Theresa May): never a name alone (lone_word_ok()), nor a name's
 * end before a day (date_after()). */
static const char *const months[] = {
    "January", "February", "March", "April", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec"};

/* Whether word @p i is a month and a day's number follows it: a date, no
 * name's end ("Published November 10, 2025", "Posted March 3"). */
static bool date_after(const line_t *ln, size_t i)
{
    if (i + 1 >= ln->n || !tg_recog_word_in(ln, i, &ln->fx->sets.months)) {
        return false;
    }
    str_t next = tg_recog_raw(ln, i + 1);
    return next.len <= 2 && next.s[0] >= '0' && next.s[0] <= '9';
}

/* Titles: a cue for a person, not part of the name ("Mr Molyneux", "Sir
 * Alex Ferguson"). */
static const char *const titles[] = {
    "Mr",   "Mr.",  "Mrs",  "Mrs.", "Ms",   "Ms.",      "Dr",       "Dr.",  "Prof",  "Prof.",
    "Miss", "Mme",  "Mme.", "MP",   "Sir",  "Dame",     "Lord",     "Lady", "Rev",   "Rev.",
    "Baroness"};

/* Clergy's titles, titles only before a first name ("Cardinal Robert
 * Prevost", "Rabbi Marvin Hier"; not "Cardinal Health", "Imam Khomeini
 * International Airport"), and never a name alone ("the Cardinal said").
 * Not "Bishop", a surname too. */
static const char *const clerical_titles[] = {"Cardinal", "Archbishop", "Rabbi", "Imam"};

/* Whether word @p i is a title of the person named after it. */
static bool title_at(const line_t *ln, size_t i)
{
    const word_sets_t *sets = &ln->fx->sets;
    return tg_recog_word_in(ln, i, &sets->titles) ||
           (i + 1 < ln->n && tg_recog_word_in(ln, i, &sets->clerical_titles) &&
            tg_recog_first_name(ln, i + 1));
}

/* Royal titles before a name, which CoNLL-2003 leaves out of it ("King
 * Sihanouk", "Prince Norodom Ranariddh"), and the days of the week, which
 * the model leaves out of names as it should ("Tuesday" + "Mitsubishi"):
 * no name's first word where the model began the name after them
 * (opened_before()).  Not "Sunday", which opens papers' names ("Sunday
 * Times", "Sunday Telegraph"). */
static const char *const not_openers[] = {"King",      "Queen",    "Prince", "Princess",
                                          "Sheikh",    "Emir",     "Monday", "Tuesday",
                                          "Wednesday", "Thursday", "Friday", "Saturday"};

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

/* Whether word @p i is a ticker symbol in angle brackets, as wire copy
 * writes one after a company's name ("Rexnord <REX>", "Mellon <MEL>"). */
static bool ticker(const line_t *ln, size_t i)
{
    const word_t *w = &ln->w[i];
    return w->start > 0 && ln->text[w->start - 1] == '<' && w->end < ln->len &&
           ln->text[w->end] == '>';
}

/* One-word spans that are not names: a common word ("Yet, they ...", "the
 * Executive said"), one of never_names or months, a title, an office, a
 * letter (with or without a period), a Roman numeral, a party and state, a
 * ticker, a wire credit ("NEW YORK (AP) - ").  (A generic head, "Bank", is left to
 * line_spans(): it may still end the name before it, "Manchester" +
 * "University".) */
static bool lone_word_ok(const line_t *ln, size_t i)
{
    str_t word = tg_recog_raw(ln, i);
    if (tg_recog_never_alone(&ln->fx->sets, word.s, word.len) ||
        tg_recog_word_in(ln, i, &ln->fx->sets.titles) ||
        tg_recog_word_in(ln, i, &ln->fx->sets.clerical_titles) || office_at(ln, i)) {
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

/* How word @p i names a group of people by their trade, creed or origin:
 * 1 for a plural in "-ians" ("Historians", "Corinthians"), 2 in "-ists" or
 * "-nauts" ("Paleontologists", "Islamists", "Astronauts"), else 0.  Never a
 * person's name; opening a sentence, with no cue, the model took some for
 * one ("Paleontologists said on Wednesday").  In CoNLL-2003's eng.train and
 * testa, 111 capitalised such words of seven letters or more: MISC 82, ORG
 * 20 (clubs and parties: "Corinthians", "Airdrieonians", "Peronists"), O 9,
 * PER none. */
static int group_plural(const line_t *ln, size_t i)
{
    str_t w = tg_recog_raw(ln, i);
    if (w.len < 7 || w.s[w.len - 1] != 's') {
        return 0;
    }
    const char *end = w.s + w.len - 4;
    if (memcmp(end, "ians", 4) == 0) {
        return 1;
    }
    return memcmp(end, "ists", 4) == 0 || (w.len >= 8 && memcmp(end - 1, "nauts", 5) == 0) ? 2 : 0;
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
 * a king's numeral ends one ("Elizabeth I"; tg_recog_first_person()). */
static const char *const first_person_words[] = {"I",   "I'm",       "I've",      "I'll",
                                                 "I'd", "I\u2019m", "I\u2019ve", "I\u2019ll",
                                                 "I\u2019d"};

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

/* Lower-case nouns that, right before a name, say it is a work's title:
 * a film, a show, a record, a book ("drama Vera Drake", "biopic Ray",
 * "album Musicology", "novel Godless"): MISC in CoNLL-2003, no entity of
 * ours, whatever the model typed it.  Not the nouns that are verbs or
 * adjectives too, or a match's ("play", "show", "hit", "book", "single",
 * "game", "series": "every time we play England", "polls show Labour"). */
static const char *const work_kinds[] = {
    "film",   "films",       "movie",  "movies",  "biopic",      "drama",
    "comedy", "documentary", "sitcom", "cartoon", "blockbuster", "sequel",
    "album",  "song",        "novel",  "musical", "opera"};

/* The words before a storm's given name ("Hurricane Melissa", "Typhoon
 * Haiyan", "Storm Ciaran", "Tropical Storm Erin"), which is no person's. */
static const char *const storm_words[] = {"Hurricane", "Typhoon", "Cyclone", "Storm"};

/* Where the storm's name starts among words [a, b): after a storm's word
 * right before them or as their first; b when they name none. */
static size_t storm_name_start(const line_t *ln, size_t a, size_t b)
{
    const size_t n = sizeof storm_words / sizeof *storm_words;
    str_t w = tg_recog_raw(ln, a);
    if (a > 0 && tg_recog_spaced(ln, a)) {
        str_t before = tg_recog_raw(ln, a - 1);
        if (tg_word_in(storm_words, n, before.s, before.len)) {
            return a;
        }
    }
    return b - a >= 2 && tg_word_in(storm_words, n, w.s, w.len) ? a + 1 : b;
}

/* Whether a noun of work_kinds is right before words [a, b) and no
 * possessive after them ("the film Michael Moore's critics"). */
static bool work_named(const line_t *ln, size_t a, size_t b)
{
    return a > 0 && tg_recog_spaced(ln, a) &&
           tg_recog_word_in(ln, a - 1, &ln->fx->sets.work_kinds) &&
           !(b < ln->n && tg_recog_word_in(ln, b, &ln->fx->sets.possessives));
}

/* Quotation marks, as a line's words. */
static const char *const quotes[] = {"\"", "'", "\u201c", "\u201d", "\u2018", "\u2019"};

static bool quote_at(const line_t *ln, size_t i)
{
    str_t w = tg_recog_raw(ln, i);
    unsigned char c = (unsigned char)w.s[0];
    return (c == '"' || c == '\'' || c == 0xE2) && w.len <= 3 &&
           tg_word_in(quotes, sizeof quotes / sizeof *quotes, w.s, w.len);
}

/* Whether words [a, b) are inside a title in quotation marks right after a
 * noun of work_kinds or "titled" (`album "The Life of a Showgirl"`, "the
 * film 'Black Panther'"): the quote opens at most five words before them
 * and closes at most five words after them, on the line. */
static bool quoted_work(const line_t *ln, size_t a, size_t b)
{
    size_t open = a;
    while (open > 0 && a - open < 5 && !quote_at(ln, open - 1)) {
        open--;
    }
    if (open < 2 || !quote_at(ln, open - 1) ||
        !(tg_recog_word_in(ln, open - 2, &ln->fx->sets.work_kinds) ||
          tg_recog_word_is(ln, open - 2, "titled"))) {
        return false;
    }
    size_t close = b;
    while (close < ln->n && close - b < 5 && !quote_at(ln, close)) {
        close++;
    }
    return close < ln->n && quote_at(ln, close);
}

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

/* Whether words [@p a, @p b), of @p kind, are a treaty's name or the place
 * one bears ("Kyoto Protocol", "Treaty of Amsterdam", "Paris" + "Agreement",
 * "Louvre" + "accord"; resolve.c tg_names_a_treaty(), which drops the
 * gazetteer's places there).  A treaty's word in lower case counts only
 * after a place or a person the model typed ("the Louvre accord", "the
 * 1976 Berne agreement"): after an organization or a thing it is their
 * deal ("the AAA accord", "a U.S. Air Force pact", "the December OPEC
 * accord"). */
static bool treaty_in(const line_t *ln, size_t a, size_t b, uint32_t kind)
{
    const word_t *w = ln->w;
    bool lower = kind == TAGGER_KIND_PLACE || kind == TAGGER_KIND_PERSON;
    if (tg_names_a_treaty(ln->text, ln->len, w[a].start, w[b - 1].end, lower)) {
        return true;
    }
    /* Its last word, or its first before "of"; not one inside an
     * organization's name ("Collective Security Treaty Organization"). */
    bool of = b - a >= 3 && tg_recog_word_is(ln, a + 1, "of");
    return tg_treaty_word(ln->text + w[b - 1].start, ln->len - w[b - 1].start, false) ||
           (of && tg_treaty_word(ln->text + w[a].start, ln->len - w[a].start, false));
}

/* Where the name of no entity of ours starts among words [@p a, @p b), of
 * @p kind, or @p b: a work's title after a word that says so ("the film
 * Vera Drake", `album "The Life of a Showgirl"`), no gazetteer's name at
 * its start; a continent's part's adjective ("Latin American"); a storm's
 * given name ("Hurricane Melissa": "Melissa"); a
 * treaty's name, with the names right before it that the model typed
 * apart ("Energy" + "Charter Treaty"; not in a headline's words, "Trump
 * Thanks Kanye At NRA Convention"), so that its acronym and its other
 * mentions follow it ("International Coffee Agreement (ICA)"). */
static size_t no_entity_start(const line_t *ln, size_t a, size_t b, uint32_t kind)
{
    if (tg_recog_covered_end(ln, a, b) == a && (work_named(ln, a, b) || quoted_work(ln, a, b))) {
        return a;
    }
    if (tg_recog_continent_adjective(ln, a, b)) {
        return a; /* "Latin American debtors" */
    }
    size_t storm = storm_name_start(ln, a, b);
    if (storm < b || !treaty_in(ln, a, b, kind)) {
        return storm;
    }
    size_t first = a;
    while (ln->kind == 'N' && first > 0 && a - first < 4 && ln->w[first - 1].cap &&
           tg_recog_spaced(ln, first)) {
        first--; /* a few words: a name's, not a whole line of capitals */
    }
    return first;
}

/* Whether a gazetteer match, standing or dropped, meets input bytes
 * [@p from, @p to): a word the gazetteer knows, whatever resolution made
 * of it ("American" of "American Can", a demonym beside a name). */
static bool gazetteer_matched(const tagger_scratch_t *s, uint32_t from, uint32_t to)
{
    for (size_t k = tg_recog_recs_near(s, from); k < s->n_recs && s->recs[k].start < to; k++) {
        if (s->recs[k].end > from) {
            return true;
        }
    }
    return false;
}

/* Whether the word before word @p a, whose label is the inside of a name
 * (I-X) though the word before has none, opens that name: the model's
 * inside label says the name began there, and it left the word O as it
 * leaves most words opening a sentence ("Novo Nordisk cut its forecast":
 * "Novo" O, "Nordisk" I-ORG).  In running text, a capitalised word of two
 * letters or more, spaced, no common word, no gazetteer's (speaker_name()'s
 * tests), never a name alone (months: "April Four"), no title, office or
 * post ("President Barber Conable", "Minister Dini"), no royal title or
 * day of not_openers ("King Fahd"). */
static bool opened_before(const tagger_scratch_t *s, const line_t *ln, size_t a)
{
    const word_t *w = ln->w;
    const word_sets_t *sets = &ln->fx->sets;
    str_t word = tg_recog_raw(ln, a - 1);
    if (ln->kind != 'N' || w[a - 1].label != TG_NL_O || !w[a - 1].cap || word.len < 2 ||
        !tg_recog_spaced(ln, a) || tg_recog_is_common(ln, a - 1) || w[a - 1].covered ||
        tg_recog_never_alone(sets, word.s, word.len) || title_at(ln, a - 1) ||
        office_at(ln, a - 1) || tg_recog_word_in(ln, a - 1, &sets->posts_before_names) ||
        tg_recog_word_in(ln, a - 1, &sets->not_openers)) {
        return false;
    }
    return !gazetteer_matched(s, w[a - 1].start, w[a - 1].end);
}

/* Verbs of what a person does, said of the name before them ("told
 * reporters", "scored twice"). */
static const char *const speaker_verbs[] = {"said",   "says",     "told",    "added",
                                            "scored", "insisted", "admitted"};

/* Whether words [@p a, @p b), which the model took for a MISC name (a
 * thing, an event, a nationality), are a person's: two capitalised words,
 * neither one the gazetteer matched (dropped or not: "American Can said",
 * a demonym), a common word ("Scottish Executive") nor a word of
 * organizations' names ("Hawaiian Electric"), before a verb of
 * speaker_verbs ("Kylian Mbappe scored twice", names the model did not
 * know; today's news).  In CoNLL-2003's eng.train the two-word names
 * before such a verb are people's 163 times in 192 (all 35 before
 * "told"), and MISC 2 times. */
static bool speaker_name(const tagger_scratch_t *s, const line_t *ln, size_t a, size_t b)
{
    const word_t *w = ln->w;
    if (b - a != 2 || b >= ln->n || !tg_recog_spaced(ln, b) || !w[a].cap || !w[a + 1].cap ||
        tg_recog_is_common(ln, a) || tg_recog_is_common(ln, a + 1) ||
        tg_recog_org_word_in(ln, a, b) ||
        tg_recog_word_in(ln, a + 1, &ln->fx->sets.company_trades) ||
        tg_recog_word_in(ln, a + 1, &ln->fx->sets.posts_before_names)) {
        return false; /* nor a post: "the outgoing European Commissioner said" */
    }
    if (gazetteer_matched(s, w[a].start, w[a + 1].end)) {
        return false;
    }
    str_t verb = tg_recog_raw(ln, b);
    return tg_word_in(speaker_verbs, sizeof speaker_verbs / sizeof *speaker_verbs, verb.s,
                      verb.len);
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

/* The end of a person's name that the model ended at word @p j: past one
 * or two particles it left out, and the capitalised words after them that
 * it typed a person ("Ursula von" + "der" + "Leyen"), or @p j. */
static size_t past_particles(const line_t *ln, size_t j)
{
    size_t k = j;
    while (k < ln->n && k < j + 2 && !ln->w[k].cap && tg_recog_spaced(ln, k) &&
           tg_recog_word_in(ln, k, &ln->fx->sets.particles)) {
        k++;
    }
    if (k == j || k >= ln->n || !ln->w[k].cap || !tg_recog_spaced(ln, k) ||
        (ln->w[k].label != TG_NL_B_PER && ln->w[k].label != TG_NL_I_PER)) {
        return j;
    }
    for (k++; k < ln->n && ln->w[k].label == TG_NL_I_PER && tg_recog_spaced(ln, k); k++) {
    }
    return k;
}

/* In words [i, j), which the model typed ORG or MISC, where a person's
 * name starts right after a post of posts_before_names: the last two or
 * three words, each capitalised, in mixed case, and none a common word, a
 * post, a legal form or the head or suffix of an organization's name
 * ("State Trading Corporation", "State Supreme Court" are none); or @p j. */
static size_t person_after_post(const line_t *ln, size_t i, size_t j)
{
    const word_sets_t *sets = &ln->fx->sets;
    if (j < i + 3) {
        return j; /* no room for a post and two words after it */
    }
    for (size_t k = j - 2; k > i && k + 3 >= j; k--) {
        if (!tg_recog_word_in(ln, k - 1, &sets->posts_before_names)) {
            continue;
        }
        bool person = true;
        for (size_t m = k; m < j && person; m++) {
            str_t word = tg_recog_raw(ln, m);
            person = ln->w[m].cap && word.len > 1 && word.s[1] >= 'a' && word.s[1] <= 'z' &&
                     !tg_recog_is_common(ln, m) && !tg_recog_company_word(ln, m) &&
                     !tg_recog_word_in(ln, m, &sets->posts_before_names) &&
                     !tg_recog_word_in(ln, m, &sets->generic_heads) &&
                     !tg_recog_word_in(ln, m, &sets->org_heads);
        }
        if (person) {
            return k;
        }
    }
    return j;
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
        if (type == 0) {
            j = past_particles(ln, j); /* "Ursula von der Leyen", "der" tagged O */
        }
        if (j - i >= 2 && date_after(ln, j - 1)) {
            j--; /* "Published" + "November 10, 2025" */
        }
        size_t person = type == 1 || type == 3 ? person_after_post(ln, i, j) : j;
        if (person < j) {
            /* "Secretary of State Antony Blinken": the person after the post
             * is a span of its own, looked at next. */
            ln->w[person - 1].label = TG_NL_O; /* the post, no name */
            ln->w[person].label = TG_NL_B_PER;
            for (size_t k = person + 1; k < j; k++) {
                ln->w[k].label = TG_NL_I_PER;
            }
            j = person - 1;
        }
        size_t a = i, b = j; /* without connectors at the edges: "& Lomason" */
        if (a > next && tg_recog_inside_label(w[a].label) && opened_before(s, ln, a)) {
            a--; /* "Novo" (O) + "Nordisk" (I-ORG) */
        }
        while (a < b && (!w[a].cap || tg_recog_first_person(ln, a, true))) {
            a++;
        }
        while (b > a && (!w[b - 1].cap || tg_recog_first_person(ln, b - 1, false))) {
            b--;
        }
        if (b - a == 1 && kind != 0 && tg_recog_word_in(ln, a, &ln->fx->sets.titles)) {
            b = j = name_after_title(ln, a); /* "Mr" + "Ebbers", the name tagged O */
        }
        if (type == 3 && ((b - a >= 2 && tg_recog_company_end(ln, a, b)) ||
                          (a < b && tg_recog_org_descriptor_before(ln, a)))) {
            /* What the model took for a MISC name (a thing, an event)
             * but ends in a legal form or an organization's suffix, or
             * follows a noun of its kind, is an organization: "Dow
             * Chemical Co", "Financial Times", "the startup OpenAI". */
            kind = TAGGER_KIND_ORG;
        } else if (type == 3 && speaker_name(s, ln, a, b)) {
            kind = TAGGER_KIND_PERSON; /* "Kylian Mbappe scored twice" */
        } else if ((type == 2 || type == 3) && b - a == 1 && a > next &&
                   w[a - 1].label == TG_NL_O && speaker_name(s, ln, a - 1, b)) {
            a--; /* "Erling" (O) + "Haaland" (LOC) + "scored" */
            kind = TAGGER_KIND_PERSON;
        }
        /* Titles and offices off the start, one after the other ("Chancellor
         * Lord Falconer"), but not before a lower-case word ("MP for Ealing
         * North"). */
        bool cued = false;
        while (b - a >= 2 && kind != 0 && w[a + 1].cap) {
            if (title_at(ln, a)) {
                kind = TAGGER_KIND_PERSON;
                cued = true;
            } else if (kind != TAGGER_KIND_PERSON || !office_at(ln, a)) {
                break;
            }
            a++;
        }
        int role = b - a >= 2 && !tg_recog_org_word_in(ln, a + 1, b)
                       ? tg_recog_role_opening_sentence(ln, a)
                       : 0;
        if (role) {
            /* "Rapper Snoop Dogg", "Coach Ranieri", "Rival Xiaomi"; but a
             * company's name ("Singer Co", "Diplomat Electronics Corp"). */
            if (role == 2) {
                kind = TAGGER_KIND_PERSON;
                cued = true;
            }
            a++;
        }
        if (kind != 0 && a == i && a > 0 && tg_recog_spaced(ln, a) &&
            title_at(ln, a - 1)) {
            kind = TAGGER_KIND_PERSON; /* "Mr" + "Lilliu", the title tagged O */
            cued = true;
        }
        size_t none = a < b ? no_entity_start(ln, a, b, kind) : b;
        if (none < b) {
            /* A cued span of no kind, which outvotes the model in every span
             * of the name (recog_names.c group_spans()), so that none is an
             * entity; and no span of the names before it in it. */
            tg_recog_drop_spans_after(r, n_spans, base + none);
            int rc = tg_recog_add_span(r, base + none, base + b, 0, false, true);
            if (rc) {
                return rc;
            }
            next = j;
            continue;
        }
        bool keep = kind != 0 && a < b && !tg_recog_hashtag(ln, a);
        bool head =
            keep && b - a == 1 && tg_recog_title_case_in(ln, a, &ln->fx->sets.industry_heads);
        size_t industry = head ? tg_recog_industry_start(tg, s, ln, a) : a;
        bool joined = industry < a; /* its places dropped: tg_recog_industry_start() */
        if (joined) {
            tg_recog_drop_spans_after(r, n_spans, base + industry); /* "France" LOC + "Telecom" */
            a = industry;
            kind = TAGGER_KIND_ORG;
            cued = true;
        } else if (keep && tg_recog_org_cue(ln, a, b, kind)) {
            kind = TAGGER_KIND_ORG;
            cued = true;
        } else if (keep && tg_recog_org_descriptor_before(ln, a)) {
            /* Decisive unless the name opens with a first name: "investment
             * firm Mario Gabelli" is the firm, but the man elsewhere. */
            kind = TAGGER_KIND_ORG;
            cued = b - a < 2 || !tg_recog_first_name(ln, a);
        } else if (keep && tg_recog_employer_after_job(ln, a, b)) {
            kind = TAGGER_KIND_ORG;
            cued = b - a < 2 || !tg_recog_first_name(ln, a);
        } else if (keep && b - a == 1 && tg_recog_listed_with_org(tg, s, ln, a) &&
                   !tg_recog_first_name(ln, a)) {
            kind = TAGGER_KIND_ORG;
            cued = true;
        } else if (keep && kind == TAGGER_KIND_ORG && b - a >= 2 && ln->kind != 'C' &&
                   tg_recog_person_role_before(ln, a) && !tg_recog_org_word_in(ln, a, b)) {
            kind = TAGGER_KIND_PERSON;
            cued = true;
        } else if (keep && kind == TAGGER_KIND_PERSON && tg_recog_plural_verb_after(ln, a, b)) {
            kind = TAGGER_KIND_ORG; /* "Chelsea have sacked Mutu" */
            cued = true;
        } else if (keep && kind != TAGGER_KIND_ORG && tg_recog_stake_before(ln, a)) {
            kind = TAGGER_KIND_ORG; /* "a 20 pct stake in Mediobanca" */
            cued = true;
        }
        if (keep && !cued) {
            kind = tg_recog_camel_case_kind(ln, a, b, kind);
        }
        if (keep && kind == TAGGER_KIND_PLACE && tg_recog_club_of_place(ln, a, b)) {
            kind = TAGGER_KIND_ORG; /* "Manchester City" */
        }
        if (keep && kind == TAGGER_KIND_PERSON && !cued &&
            tg_recog_place_named_like_person(ln, a, b)) {
            kind = TAGGER_KIND_PLACE;
        }
        uint32_t country = 0;
        size_t city_end = keep && !cued && kind != TAGGER_KIND_PLACE
                              ? tg_recog_city_before_region(tg, s, ln, a, b, &country)
                              : 0;
        if (city_end) {
            b = j = city_end; /* "BOCA RATON, Fla., March 3 -" */
            kind = TAGGER_KIND_PLACE;
            cued = true;
        }
        if (keep && !city_end &&
            (kind == TAGGER_KIND_PLACE || (kind == TAGGER_KIND_PERSON && !cued)) && b - a == 1 &&
            acronym_in_prose(ln, a)) {
            kind = TAGGER_KIND_ORG; /* "said COB press secretary ..." */
        }
        if (keep && kind == TAGGER_KIND_PERSON && !cued) {
            a = person_start(ln, a, b);
            keep = a < b;
        }
        if (keep && kind == TAGGER_KIND_ORG) {
            b = tg_recog_org_end_before_post(ln, a, b);
        }
        size_t start = keep && kind == TAGGER_KIND_ORG ? tg_recog_company_start(ln, a, b) : a;
        if (keep && kind == TAGGER_KIND_ORG && start == a) {
            start = tg_recog_span_before_company(r, ln, base, n_spans, a, b);
        }
        if (keep && kind == TAGGER_KIND_ORG && start == a) {
            start = tg_recog_place_before_company(tg, s, ln, a, b);
        }
        if (start < a) {
            /* the part before the connector, and any span the model made of it */
            tg_recog_drop_spans_after(r, n_spans, base + start);
            a = start;
        }
        /* An event's name, or its first words the model typed apart
         * ("Orange" of "Orange Prize"); before a place in it gives way:
         * "Cannes Film Festival". */
        if (keep && (tg_recog_title_case_in(ln, b - 1, &ln->fx->sets.event_ends) ||
                     (b < ln->n && tg_recog_spaced(ln, b) &&
                      tg_recog_title_case_in(ln, b, &ln->fx->sets.event_ends)))) {
            keep = false;
        }
        bool covered = false;
        for (size_t k = a; k < b; k++) {
            covered |= w[k].covered;
        }
        if (keep && covered && !joined) {
            keep = tg_recog_places_in_name(tg, s, ln, a, b, kind, cued);
            if (keep && kind == TAGGER_KIND_PERSON) {
                for (size_t k = a; k < b; k++) {
                    ln->w[k].covered = 0; /* its places' mentions dropped: a name's words now */
                }
            }
        }
        bool weak = false;
        if (keep && ln->kind == 'C' && !city_end && !tg_recog_company_end(ln, a, b)) {
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
        if (keep && tg_recog_legal_forms_only(ln, a, b)) {
            tg_recog_join_legal_forms(r, ln, base, a, b, n_spans);
            keep = false;
        }
        if (keep && b - a == 1) {
            keep = lone_word_ok(ln, a);
        }
        int group = keep && b - a == 1 ? group_plural(ln, a) : 0;
        if (group) {
            /* "Historians" is no person, and "Meteorologists" opening a
             * sentence no organization either; but a club ("Corinthians",
             * first in a table's line too) or a party ("the Peronists"). */
            keep = kind != TAGGER_KIND_PERSON && !(group == 2 && tg_recog_opens_sentence(ln, a));
        }
        if (keep && kind == TAGGER_KIND_PERSON && b - a >= 2) {
            b = j = generation_end(ln, b); /* "Donald Trump" + "Jr.": the son's name */
        }
        if (keep && title_case < 0) {
            title_case = ln->kind != 'C' && tg_recog_headline(ln);
        }
        if (keep && title_case && !city_end) {
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
                b = j = generation_end(ln, person_end); /* "Martin Luther King Jr.'s" */
            }
            weak = !(kind == TAGGER_KIND_PERSON && b - a >= 2 && tg_recog_first_name(ln, a));
        }
        span_t *owner = keep && kind == TAGGER_KIND_ORG
                            ? tg_recog_possessive_owner(r, ln, base, a, b, n_spans)
                            : NULL;
        span_t *place = keep && kind == TAGGER_KIND_ORG && !owner
                            ? tg_recog_place_before(r, ln, base, a, n_spans)
                            : NULL;
        if (owner) {
            /* "Moody" + "'s" + "Investors Service Inc" */
            tg_recog_stretch_to_company(owner, base + b);
        } else if (place) {
            tg_recog_stretch_to_company(place, base + b); /* "Hong Kong" + "Stock Exchange" */
        } else if (keep &&
                   !(b - a == 1 && (tg_recog_title_case_in(ln, a, &ln->fx->sets.generic_heads) ||
                                    tg_recog_title_case_in(ln, a, &ln->fx->sets.industry_heads)))) {
            int rc = tg_recog_add_span(r, base + a, base + b, kind, weak, cued);
            if (rc) {
                return rc;
            }
            r->spans[r->n_spans - 1].country = country;
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
    if (!cap_before || !cap_after || !tg_recog_is_connector(ln, i)) {
        return false; /* the test on the words' capitals first: hashing costs */
    }
    size_t before = i - 1, after = i + 1;
    if (tg_recog_is_connector(ln, before) && before > 0) {
        before--; /* "of" before "the" */
    } else if (tg_recog_is_connector(ln, after) && after + 1 < ln->n) {
        after++; /* "the" after "of" */
    }
    return ln->w[before].cap && ln->w[after].cap;
}

/* ------------------------------------------------------------------------ */
/* Entry points                                                              */

/* Every list must leave a set half empty: the longest of this file (those
 * of recog_orgs.c and recog_places.c are checked there). */
typedef char assert_sets_small[SET_FITS(headline_lower) && SET_FITS(never_names) &&
                                       SET_FITS(months)
                                   ? 1
                                   : -1];

static void sets_init(word_sets_t *s)
{
    SET_INIT(s->connectors, connectors);
    SET_INIT(s->particles, particles);
    SET_INIT(s->posts_before_names, posts_before_names);
    SET_INIT(s->not_openers, not_openers);
    SET_INIT(s->abbreviations, abbreviations);
    SET_INIT(s->by, byline_words);
    SET_INIT(s->headline_lower, headline_lower);
    SET_INIT(s->never_names, never_names);
    SET_INIT(s->months, months);
    SET_INIT(s->first_person, first_person_words);
    SET_INIT(s->titles, titles);
    SET_INIT(s->clerical_titles, clerical_titles);
    SET_INIT(s->event_ends, event_ends);
    SET_INIT(s->work_kinds, work_kinds);
    SET_INIT(s->generations, generations);
    tg_recog_org_sets_init(s);
    tg_recog_place_sets_init(s);
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
    int rc = tg_recog_logical_lines(r, tg->names, &s->layout, text);
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
        if (r->names[sp->name].slot == -2 || r->names[sp->name].kind == 0) {
            continue; /* only in title-case lines, or a work's title */
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
