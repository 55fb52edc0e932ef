/*
 * resolve.c - which matches stand, decided from the whole document.
 *
 * The scan finds every alias; many are not enough on their own.  In order:
 *
 *  1. Menus: a match in a menu line (layout.c) is dropped: "French" in a
 *     language menu says nothing about France.
 *  2. Given names: an alias flagged `given-name` ("Jordan", "Paris",
 *     "Georgia"), or a place's one word that the name model lists as a
 *     first name ("Santiago"), is dropped beside another capitalised word:
 *     "Michael Jordan", "Paris Hilton", "Georgia Moffett", "Santiago
 *     Bernabeu"; a company's such alias also inside a name joined by a
 *     hyphen ("Sono-Tek"; but a place's stands: "Israel-Jordan talks").
 *     An alias flagged `after-place` (a state abbreviation that is also a
 *     word or a title: "Mass.", "Miss.", "Pa") stands only right after a
 *     capitalised word and a comma, as in the dateline "WALTHAM, Mass.,
 *     March 3 -".  An alias flagged `surname` (a leader's surname alone:
 *     "Putin") is dropped right after a first name ("Melania Trump" is not
 *     Donald Trump), but for the person's own ("Recep Erdogan", one
 *     mention), and before a capitalised word that is not a common word
 *     ("Boko Haram", "Trump Jr."; but "Trump Says" in a headline) or a
 *     hyphen and a capital ("Petro-Canada"), and after a capitalised word
 *     and a hyphen ("WILKES-BARRE").  A match right before a "$" is a
 *     currency's prefix ("US$42m", "HK$327m"): it names a dollar, not a
 *     country.  A place before the last word of an institution's name
 *     ("Oxford University", "New York Stock Exchange") is part of that
 *     name: the recognizer finds it.  A person before "Jr" or "Sr" is the
 *     son or the father ("Donald Trump Jr."), someone else.  A news agency
 *     credited with the story ("(Reuters)", "AP - ") is no mention of it.
 *  3. Support: an entity is *supported* when the document names it through
 *     an alias that is neither weak nor ambiguous; a country is also
 *     *named* when a place in it is (Pyongyang names North Korea).
 *  4. Weak aliases (party abbreviations, names several places share) stand
 *     only for a supported entity, or one whose country the document names.
 *  5. Ambiguous spans ("Georgia": the country or the US state) go to the
 *     candidate with the most evidence (twice its own support, plus one when
 *     its country is named); a tie, or no evidence at all, leaves the span
 *     out rather than guessing.  A weak alias with no support of its own
 *     gives way to a strong alias of the same span ("Apple").
 *  6. Places stand for their country: each place mention also becomes a
 *     mention of its country, marked `via` place.
 *
 * A match of an alias flagged `titled` ("President Reagan", "Prime Minister
 * Modi") is reported without its title words: the mention is "Reagan".
 */
#include "resolve.h"

#include <string.h>

#include "case_rule.h"
#include "name_model.h"
#include "normalize.h"

/* Capitalised words that open sentences and phrases but are not names, so
 * "In Jordan" and "The Georgia office" are not read as a name beside a name. */
static const char *const function_words[] = {
    "A", "About", "According", "After", "Against", "Also", "Although", "Among", "An",
    "And", "As", "At", "Before", "Between", "Both", "But", "By", "During", "Even",
    "For", "From", "He", "Her", "His", "However", "If", "In", "Including", "Into",
    "It", "Its", "Like", "Meanwhile", "Near", "Neither", "Nor", "Now", "Of", "On",
    "Only", "Or", "Our", "Over", "She", "Since", "So", "That", "The", "Their",
    "Then", "There", "These", "They", "This", "Those", "Through", "To", "Under",
    "Until", "We", "When", "Where", "While", "With", "Without", "Yet",
};

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* The offset of the first byte from @p a on that is no blank. */
static size_t blanks_end(const char *text, size_t len, size_t a)
{
    while (a < len && is_blank(text[a])) {
        a++;
    }
    return a;
}

/* Whether the word right before @p start, with blanks only between, is
 * capitalised and no function word ("Michael" of "Michael Jordan"), or an
 * initial ("B." of "Michael B. Jordan"). */
static bool capitalised_word_before(const char *text, size_t start)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t j = start;
    while (j > 0 && is_blank(text[j - 1])) {
        j--;
    }
    unsigned char last = j > 0 ? p[j - 1] : 0;
    bool letter = (last >= 'a' && last <= 'z') || (last >= 'A' && last <= 'Z') || last >= 0x80;
    if (j < start && last == '.' && j >= 2 && p[j - 2] >= 'A' && p[j - 2] <= 'Z' &&
        (j == 2 || is_blank(text[j - 3]))) {
        return true; /* an initial: "Michael B. Jordan" */
    }
    if (j == start || !letter) {
        return false; /* no word right before, or punctuation between */
    }
    size_t w = j;
    while (w > 0 && !is_blank(text[w - 1]) && text[w - 1] != '\n') {
        w--;
    }
    int32_t cp;
    tg_utf8_decode(p + w, j - w, &cp);
    size_t n_words = sizeof function_words / sizeof *function_words;
    return cp >= 0 && tg_case_class(cp) == 'U' &&
           !tg_word_in(function_words, n_words, text + w, j - w);
}

/* Whether a capitalised word follows @p end after blanks. */
static bool capitalised_word_after(const char *text, size_t len, size_t end)
{
    size_t i = blanks_end(text, len, end);
    if (i == end || i == len) {
        return false;
    }
    int32_t cp;
    tg_utf8_decode((const unsigned char *)text + i, len - i, &cp);
    return cp >= 0 && tg_case_class(cp) == 'U';
}

bool tg_beside_capitalised_word(const char *text, size_t len, size_t start, size_t end,
                                bool check_before)
{
    return !tg_case_allcaps_context(text, len, start, end) &&
           (capitalised_word_after(text, len, end) ||
            (check_before && capitalised_word_before(text, start)));
}

/* Words of the office titles that scripts/build-people sets before
 * surnames (OFFICE_TITLES, CONGRESS_TITLES, EXECUTIVE_TITLES there). */
static const char *const title_words[] = {
    "President", "Vice", "Prime", "Minister", "Premier", "Chancellor", "Taoiseach",
    "Senator", "Sen.", "Representative", "Rep.",
};

static bool is_title_word(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof title_words / sizeof *title_words; i++) {
        if (tg_word_is_nocase(w, n, title_words[i])) {
            return true;
        }
    }
    return false;
}

size_t tg_skip_title(const char *text, size_t start, size_t end)
{
    size_t i = start;
    while (i < end) {
        size_t w = i;
        while (i < end && text[i] != ' ' && text[i] != '\n' && text[i] != '\t') {
            i++;
        }
        if (i == end || !is_title_word(text + w, i - w)) {
            return w; /* the first word that is not a title: the name */
        }
        while (i < end && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) {
            i++;
        }
    }
    return start;
}

/* Narrows a titled match ("President Reagan") to the name after the title.
 * When a capitalised word follows, the title may introduce someone else
 * ("President Ali Khamenei" is not President Irfaan Ali): the match stands
 * only when the words from the surname on spell the person's whole name
 * ("President Xi Jinping"), which then is the mention.  Returns true when
 * the match is to be dropped. */
static bool titled_mention(const tagger_t *tg, const tg_alias_t *al, const char *text,
                           size_t len, tg_rec_t *r)
{
    size_t name = tg_skip_title(text, r->start, r->end);
    r->start = (uint32_t)name;
    if (!tg_beside_capitalised_word(text, len, r->start, r->end, false)) {
        return false;
    }
    const char *canonical = tg_str(tg, tg->entities[al->entity].name);
    size_t n = canonical ? strlen(canonical) : 0;
    if (n == 0 || name + n > len || !tg_word_is_nocase(text + name, n, canonical)) {
        return true;
    }
    unsigned char after = name + n < len ? (unsigned char)text[name + n] : ' ';
    if (tg_trie_ascii_alnum(after) || after >= 0x80) { /* the word goes on */
        return true;
    }
    r->end = (uint32_t)(name + n);
    return false;
}

bool tg_after_place(const char *text, size_t start)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t j = start;
    while (j > 0 && is_blank(text[j - 1])) {
        j--;
    }
    if (j == start || j == 0 || text[j - 1] != ',') {
        return false; /* "Place, Mass.": a comma, then a blank */
    }
    size_t w = --j;
    while (w > 0 && !is_blank(text[w - 1]) && text[w - 1] != '\n') {
        w--;
    }
    if (w == j) {
        return false;
    }
    int32_t cp;
    tg_utf8_decode(p + w, j - w, &cp);
    return cp >= 0 && tg_case_class(cp) == 'U';
}

uint64_t tg_capitalised_word_hash(const char *text, size_t w, size_t n)
{
    char low[32];
    if (n == 0 || n > sizeof low || text[w] < 'A' || text[w] > 'Z') {
        return 0;
    }
    for (size_t k = 0; k < n; k++) {
        char c = text[w + k];
        if (!tg_trie_ascii_alnum((unsigned char)c)) {
            return 0;
        }
        low[k] = tg_ascii_lower(c);
    }
    return tg_names_hash(TG_NAMES_HASH_INIT, low, n);
}

/* tg_capitalised_word_hash() of the word that ends at @p j, or 0 when
 * none does or it is not all ASCII. */
static uint64_t hash_of_word_ending_at(const char *text, size_t j)
{
    size_t w = j;
    while (w > 0 && tg_trie_ascii_alnum((unsigned char)text[w - 1])) {
        w--;
    }
    if (w > 0 && (unsigned char)text[w - 1] >= 0x80) {
        return 0;
    }
    return tg_capitalised_word_hash(text, w, j - w);
}

bool tg_first_name_before(const tagger_t *tg, const char *text, size_t start)
{
    if (!tg->names) {
        return false;
    }
    size_t j = start;
    while (j > 0 && is_blank(text[j - 1])) {
        j--;
    }
    if (j == start) {
        return false; /* no blank, so no word right before */
    }
    uint64_t h = hash_of_word_ending_at(text, j);
    return h && tg_names_first(tg->names, h);
}

/* Whether the word right before the surname match at @p start of @p al is
 * the first word of that person's own name ("Recep" of "Recep Erdogan"
 * for Recep Tayyip Erdoğan; ASCII letters, any case); if so, @p *first is
 * where it starts. */
static bool own_first_name_before(const tagger_t *tg, const tg_alias_t *al, const char *text,
                                  size_t start, size_t *first)
{
    size_t j = start;
    while (j > 0 && is_blank(text[j - 1])) {
        j--;
    }
    size_t w = j;
    while (w > 0 && tg_trie_ascii_alnum((unsigned char)text[w - 1])) {
        w--;
    }
    const char *name = tg_str(tg, tg->entities[al->entity].name);
    char word[32];
    size_t n = name ? strcspn(name, " ") : 0;
    if (j == start || w == j || j - w != n || n >= sizeof word || name[n] != ' ' ||
        (w > 0 && !is_blank(text[w - 1]) && text[w - 1] != '\n')) {
        return false;
    }
    memcpy(word, name, n);
    word[n] = '\0';
    *first = w;
    return tg_word_is_nocase(text + w, n, word);
}

/* Whether the word right after @p end goes on a name: joined by a hyphen
 * and a capital ("Petro-Canada"; not "Trump-era"), or after blanks
 * capitalised and not a word mostly written in lower case (name_model.h):
 * "Haram" of "Boko Haram", not "Says" of "Trump Says" in a headline, and
 * never without the name model. */
static bool name_word_after(const tagger_t *tg, const char *text, size_t len, size_t end)
{
    if (end + 1 < len && text[end] == '-' && text[end + 1] >= 'A' && text[end + 1] <= 'Z') {
        return true;
    }
    if (!tg->names) {
        return false;
    }
    size_t i = blanks_end(text, len, end), w = i;
    while (i < len && tg_trie_ascii_alnum((unsigned char)text[i])) {
        i++;
    }
    if (w == end || (i < len && (unsigned char)text[i] >= 0x80)) {
        return false;
    }
    uint64_t h = tg_capitalised_word_hash(text, w, i - w);
    return h && !tg_names_common(tg->names, h);
}

/* Whether the word before @p start is joined to it by a hyphen and is a
 * capitalised word that is no common word: the first part of a compound
 * name, "Wilkes" of "WILKES-BARRE" (not "Anti" of "Anti-Putin", if
 * written so, nor "pro" of "pro-Putin").  Not after blanks: "Recep
 * Erdogan" and "Asif Zardari" (BBC) are the leaders, for all "Truong
 * Chinh" (Reuters, 1987) is not Pham Minh Chinh. */
static bool name_word_before(const tagger_t *tg, const char *text, size_t start)
{
    if (start < 2 || text[start - 1] != '-') {
        return false;
    }
    uint64_t h = hash_of_word_ending_at(text, start - 1);
    return h && (!tg->names || !tg_names_common(tg->names, h));
}

/* Whether the match [start, end) of @p al is a given name too: flagged so,
 * or a place's name of one word that the name model lists as a first name
 * ("Santiago" of "Santiago Bernabeu"; the gazetteer's flags come from the
 * English lists alone). */
static bool given_name(const tagger_t *tg, const tg_alias_t *al, const char *text, size_t start,
                       size_t end)
{
    if (al->flags & TG_ALIAS_GIVEN_NAME) {
        return true;
    }
    if (!tg->names || tg->entities[al->entity].kind != TAGGER_KIND_PLACE) {
        return false;
    }
    uint64_t h = tg_capitalised_word_hash(text, start, end - start);
    return h && tg_names_first(tg->names, h);
}

/* Whether [start, end) is joined by a hyphen to a capitalised word before
 * or after it: a part of a compound name ("Sono" of "Sono-Tek Corp"). */
static bool in_hyphenated_name(const char *text, size_t len, size_t start, size_t end)
{
    bool after = end + 1 < len && text[end] == '-' && text[end + 1] >= 'A' && text[end + 1] <= 'Z';
    return after || (start >= 2 && text[start - 1] == '-' && hash_of_word_ending_at(text, start - 1));
}

/* Whether a given-name alias at [start, end) stands beside another name
 * (step 2): a capitalised word before or after it.  In the headline, where
 * every word may have its capital, the word after counts only when it is
 * no common word: "Paris Hilton", but not "Paris Attacks Kill 130" nor
 * "Jordan Closes Border".  Not so in the furniture around the text, whose
 * lists of names ("Irving Trust", "Cleveland Regional Transit Authority")
 * have common words in them. */
static bool given_name_beside_name(const tagger_t *tg, const char *text, size_t len, size_t start,
                                   size_t end, uint8_t zone)
{
    if (zone != TG_ZONE_TITLE) {
        return tg_beside_capitalised_word(text, len, start, end, true);
    }
    return !tg_case_allcaps_context(text, len, start, end) &&
           (capitalised_word_before(text, start) ||
            (capitalised_word_after(text, len, end) && name_word_after(tg, text, len, end)));
}

/* Whether the @p len bytes at @p s open with one of the @p n words of
 * @p list, whole: no letter or digit after it. */
static bool opens_with(const char *const *list, size_t n, const char *s, size_t len)
{
    for (size_t i = 0; i < n; i++) {
        if (len == 0 || list[i][0] != s[0]) {
            continue; /* most words: no strlen, no memcmp */
        }
        size_t k = strlen(list[i]);
        if (k <= len && memcmp(s, list[i], k) == 0 &&
            (k == len || !tg_trie_ascii_alnum((unsigned char)s[k]))) {
            return true;
        }
    }
    return false;
}

/* The words that end an institution's name after a place in it: "Oxford
 * University", "New York Stock Exchange", "Sunderland FC".  There the
 * place is part of a name, not where the story is. */
static const char *const institution_words[] = {"University", "College", "Stock Exchange",
                                                "FC", "Football Club", "Business School"};

/* Whether one of institution_words follows a match ending at @p end after
 * one space (or a line break: wrapped text). */
static bool institution_follows(const char *text, size_t len, size_t end)
{
    if (end >= len || (text[end] != ' ' && text[end] != '\n')) {
        return false;
    }
    return opens_with(institution_words, sizeof institution_words / sizeof *institution_words,
                      text + end + 1, len - end - 1);
}

const char *const tg_legal_forms[] = {"Inc", "Inc.", "INC", "Corp", "Corp.", "CORP", "Ltd", "Ltd.",
                                      "LTD", "Co", "Co.", "CO", "Plc", "PLC", "plc", "LLC", "AG",
                                      "GmbH", "KGaA", "NV", "BV", "SpA", "Cos", "Bhd",
                                      /* with their periods, as the wires write them ("Bull S.A.",
                                       * "Citibank N.A.", "ServiceMaster L.P.") */
                                      "S.A.", "N.V.", "B.V.", "L.P.", "N.A.", "S.p.A."};
const size_t tg_n_legal_forms = sizeof tg_legal_forms / sizeof *tg_legal_forms;

/* The end of a legal form after one space at @p end ("Apple" + " Inc",
 * "Tesla" + " Inc."), the longest that ends a word (not "WhatsApp" +
 * " Co-Founder"); or @p end. */
static size_t legal_form_end(const char *text, size_t len, size_t end)
{
    if (end + 1 >= len || text[end] != ' ') {
        return end;
    }
    size_t best = end;
    for (size_t i = 0; i < tg_n_legal_forms; i++) {
        if (tg_legal_forms[i][0] != text[end + 1]) {
            continue;
        }
        size_t k = strlen(tg_legal_forms[i]), at = end + 1;
        if (at + k <= len && at + k > best && memcmp(text + at, tg_legal_forms[i], k) == 0 &&
            (at + k == len ||
             (!tg_trie_ascii_alnum((unsigned char)text[at + k]) && text[at + k] != '-'))) {
            best = at + k;
        }
    }
    return best;
}

/* The words of a treaty's name after the place where it was signed:
 * "Kyoto Protocol", "Paris Agreement", "Warsaw Pact", "Geneva Conventions".
 * A place whose name a treaty bears is seldom what the story is about, and
 * its country not at all (Japan in a story of the Kyoto Protocol).  Not a
 * convention centre, which is in its city.  In lower case (treaty_nouns)
 * they say a treaty only after a place's name ("the Kyoto treaty", "the
 * Louvre accord"; not "convention": "the Chicago convention" is held
 * there); after an organization's, its deal ("the AAA accord"). */
static const char *const treaty_words[] = {"Protocol",   "Treaty",      "Accord",
                                           "Accords",    "Agreement",   "Pact",
                                           "Convention", "Conventions", "Declaration"};
static const char *const treaty_nouns[] = {"protocol", "treaty", "accord",
                                           "accords",  "pact",   "agreement"};
static const char *const convention_centres[] = {"Convention Center", "Convention Centre"};

bool tg_treaty_word(const char *s, size_t len, bool lower)
{
    switch (len ? s[0] : 0) { /* the first letters of treaty_words and treaty_nouns */
    case 'P':
    case 'T':
    case 'A':
    case 'C':
    case 'D':
    case 'p':
    case 't':
    case 'a':
        break;
    default:
        return false; /* most words, at one test */
    }
    if (lower && opens_with(treaty_nouns, sizeof treaty_nouns / sizeof *treaty_nouns, s, len)) {
        return true;
    }
    return opens_with(treaty_words, sizeof treaty_words / sizeof *treaty_words, s, len) &&
           !opens_with(convention_centres, 2, s, len);
}

bool tg_names_a_treaty(const char *text, size_t len, size_t start, size_t end, bool lower)
{
    return (start >= 10 && text[start - 10] == 'T' &&
            memcmp(text + start - 10, "Treaty of ", 10) == 0) ||
           (end < len && text[end] == ' ' && tg_treaty_word(text + end + 1, len - end - 1, lower));
}

/* Lower-case nouns of geography that, after an alias flagged `place-name`,
 * make it the place's ("the Amazon basin", "Amazon rainforest"), not the
 * company's. */
static const char *const place_nouns[] = {"basin",  "rainforest", "rain forest", "river",
                                          "region", "jungle",     "forest",      "delta"};

/* Whether the match at [@p start, @p end) of an alias that is a place's
 * name too names the place: a noun of place_nouns follows it, or "the"
 * comes before it ("in the Amazon", "the Amazon rose"; a company by its
 * brand takes no "the" but as a modifier, "the Amazon founder", which a
 * text seldom says without naming it plainly too). */
static bool names_a_place(const char *text, size_t len, size_t start, size_t end)
{
    size_t i = blanks_end(text, len, end);
    if (i > end &&
        opens_with(place_nouns, sizeof place_nouns / sizeof *place_nouns, text + i, len - i)) {
        return true;
    }
    return start >= 4 && memcmp(text + start - 4, "the ", 4) == 0 &&
           (start == 4 || is_blank(text[start - 5]) || text[start - 5] == '\n');
}

/* Whether "Jr" or "Sr" follows a person's match ending at @p end, after a
 * space or a comma and a space: the son or the father of the one named
 * ("Donald Trump Jr."), someone else (an alias that has the suffix in it,
 * "Ferdinand Marcos Jr.", is matched whole). */
static bool generation_follows(const char *text, size_t len, size_t end)
{
    static const char *const suffixes[] = {"Jr", "Sr"};
    size_t at = end + (end < len && text[end] == ',');
    if (at >= len || text[at] != ' ') {
        return false;
    }
    return opens_with(suffixes, 2, text + at + 1, len - at - 1);
}

/* The news agencies as a feed credits a story to them: "Iraq Violence Kills
 * 12 (Reuters)", "BAGHDAD (Reuters) - Insurgents ...", "AP - Derek Jeter
 * ...".  A credit says who wrote the story, not what it is about: as a
 * mention it made the company Reuters an entity of every wire story, the
 * first of some. */
static const char *const wire_credits[] = {"Reuters", "AP", "AFP", "UPI"};

/* Whether a dash opens the text at @p a: "-", an en or an em dash. */
static bool dash_at(const char *text, size_t len, size_t a)
{
    const unsigned char *p = (const unsigned char *)text + a;
    return a < len && (p[0] == '-' || (a + 2 < len && p[0] == 0xE2 && p[1] == 0x80 &&
                                       (p[2] == 0x93 || p[2] == 0x94)));
}

/* A wire credit: a name of wire_credits in brackets that end the line or
 * come before a dash ("Kills 12 (Reuters)", "BAGHDAD (Reuters) - "; not an
 * acronym after its name, "Agence France Presse (AFP) reported"), or
 * opening a line before a dash ("AP - "). */
bool tg_wire_credit(const char *text, size_t len, size_t start, size_t end)
{
    bool agency = false;
    for (size_t i = 0; i < sizeof wire_credits / sizeof *wire_credits && !agency; i++) {
        agency = tg_word_is_nocase(text + start, end - start, wire_credits[i]);
    }
    if (!agency) {
        return false;
    }
    if (start > 0 && text[start - 1] == '(' && end < len && text[end] == ')') {
        size_t a = blanks_end(text, len, end + 1);
        return a == len || text[a] == '\n' || text[a] == '\r' || dash_at(text, len, a);
    }
    size_t b = start, a = blanks_end(text, len, end);
    while (b > 0 && is_blank(text[b - 1])) {
        b--;
    }
    return (b == 0 || text[b - 1] == '\n') && a > end && dash_at(text, len, a);
}

/* ------------------------------------------------------------------------ */

static bool has_flag(const tagger_t *tg, const tg_rec_t *r, uint32_t flag)
{
    return r->alias != TG_NONE && (tg->aliases[r->alias].flags & flag) != 0;
}

/* Whether the document names the country an entity belongs to (or, for a
 * country, the country itself through one of its places). */
static bool country_evidence(const tagger_t *tg, const tagger_scratch_t *s, uint32_t e)
{
    const tg_entity_t *ent = &tg->entities[e];
    if (ent->kind == TAGGER_KIND_COUNTRY) {
        return s->named[e] != 0;
    }
    return ent->country_entity != TG_NONE && s->named[ent->country_entity];
}

static bool supported(const tagger_t *tg, const tagger_scratch_t *s, uint32_t e)
{
    return s->support[e] > 0 || country_evidence(tg, s, e);
}

/* Step 5 for the candidates recs[lo, hi) of one span. */
static void decide_span(const tagger_t *tg, tagger_scratch_t *s, size_t lo, size_t hi)
{
    size_t best = TG_NONE, n_live = 0;
    long best_score = 0;
    bool tie = false, strong = false;
    for (size_t i = lo; i < hi; i++) {
        const tg_rec_t *r = &s->recs[i];
        strong |= !(r->flags & TG_REC_DROPPED) && !has_flag(tg, r, TG_ALIAS_WEAK);
    }
    for (size_t i = lo; i < hi; i++) {
        tg_rec_t *r = &s->recs[i];
        if (r->flags & TG_REC_DROPPED) {
            continue;
        }
        n_live++;
        bool weak = has_flag(tg, r, TG_ALIAS_WEAK);
        long score = 2 * (long)s->support[r->entity] + (country_evidence(tg, s, r->entity) ? 1 : 0);
        /* A weak alias that only its country speaks for gives way to a
         * strong one: "Apple" on a page that names Ukraine is still the
         * company, not Ukraine's Yabluko party. */
        if (weak && (score == 0 || (strong && s->support[r->entity] == 0))) {
            r->flags |= TG_REC_DROPPED;
            n_live--;
            continue;
        }
        if (best == TG_NONE || score > best_score) {
            best = i;
            best_score = score;
            tie = false;
        } else if (score == best_score) {
            tie = true;
        }
    }
    bool keep_best = n_live == 1 || (best_score > 0 && !tie);
    for (size_t i = lo; i < hi; i++) {
        if (i != best || !keep_best) {
            s->recs[i].flags |= TG_REC_DROPPED;
        }
    }
}

int tg_resolve(const tagger_t *tg, tagger_scratch_t *s, const char *text, size_t len)
{
    size_t cursor = 0;
    s->n_recs = 0;
    /* Steps 1 and 2. */
    for (size_t i = 0; i < s->n_hits; i++) {
        const tg_hit_t *h = &s->hits[i];
        const tg_alias_t *al = &tg->aliases[h->alias];
        tg_rec_t r = {h->start, h->end, al->entity, h->alias,
                      (uint8_t)tg_alias_via(al),
                      (uint8_t)tg_layout_zone(&s->layout, &cursor, h->start),
                      h->n_candidates > 1 ? TG_REC_AMBIGUOUS : 0};
        size_t first = 0;
        bool own_first = (al->flags & TG_ALIAS_SURNAME) &&
                         own_first_name_before(tg, al, text, h->start, &first);
        /* A company's name and its legal form: one mention, the company's
         * though its name is a given name too ("Tesla Inc"). */
        size_t form_end = tg->entities[al->entity].kind == TAGGER_KIND_ORG
                              ? legal_form_end(text, len, h->end)
                              : h->end;
        if (r.zone == TG_ZONE_MENU ||
            (given_name(tg, al, text, h->start, h->end) && form_end == h->end &&
             (given_name_beside_name(tg, text, len, h->start, h->end, r.zone) ||
              (tg->entities[al->entity].kind == TAGGER_KIND_ORG &&
               in_hyphenated_name(text, len, h->start, h->end)))) ||
            ((al->flags & TG_ALIAS_AFTER_PLACE) && !tg_after_place(text, h->start)) ||
            ((al->flags & TG_ALIAS_SURNAME) &&
             ((tg_first_name_before(tg, text, h->start) && !own_first) ||
              name_word_before(tg, text, h->start) || name_word_after(tg, text, len, h->end))) ||
            (h->end < len && text[h->end] == '$') ||
            (tg->entities[al->entity].kind != TAGGER_KIND_ORG &&
             institution_follows(text, len, h->end)) ||
            (tg->entities[al->entity].kind == TAGGER_KIND_PERSON &&
             generation_follows(text, len, h->end)) ||
            (tg->entities[al->entity].kind == TAGGER_KIND_PLACE &&
             tg_names_a_treaty(text, len, h->start, h->end, true)) ||
            (tg->entities[al->entity].kind == TAGGER_KIND_ORG &&
             tg_wire_credit(text, len, h->start, h->end)) || /* nor a name: lone_word_ok() */
            ((al->flags & TG_ALIAS_PLACE_NAME) && names_a_place(text, len, h->start, h->end))) {
            r.flags |= TG_REC_DROPPED;
        }
        if (own_first && !(r.flags & TG_REC_DROPPED)) {
            r.start = (uint32_t)first; /* the mention is "Recep Erdogan" */
        }
        r.end = (uint32_t)form_end;
        if ((al->flags & TG_ALIAS_TITLED) && titled_mention(tg, al, text, len, &r)) {
            r.flags |= TG_REC_DROPPED;
        }
        if (tg_rec_add(s, &r)) {
            return TAGGER_ERR_NOMEM;
        }
    }
    /* Step 3. */
    for (size_t i = 0; i < s->n_recs; i++) {
        const tg_rec_t *r = &s->recs[i];
        if (r->flags || has_flag(tg, r, TG_ALIAS_WEAK)) {
            continue;
        }
        const tg_entity_t *e = &tg->entities[r->entity];
        s->support[r->entity]++;
        if (e->kind == TAGGER_KIND_COUNTRY) {
            s->named[r->entity] = 1;
        } else if (e->kind == TAGGER_KIND_PLACE && e->country_entity != TG_NONE) {
            s->named[e->country_entity] = 1;
        }
    }
    /* Steps 4 and 5. */
    size_t i = 0;
    while (i < s->n_recs) {
        tg_rec_t *r = &s->recs[i];
        if (!(r->flags & TG_REC_AMBIGUOUS)) {
            if (!(r->flags & TG_REC_DROPPED) && has_flag(tg, r, TG_ALIAS_WEAK) &&
                !supported(tg, s, r->entity)) {
                r->flags |= TG_REC_DROPPED;
            }
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < s->n_recs && s->recs[j].start == r->start && s->recs[j].end == r->end) {
            j++;
        }
        decide_span(tg, s, i, j);
        i = j;
    }
    /* Step 6. */
    size_t n = s->n_recs;
    for (size_t k = 0; k < n; k++) {
        tg_rec_t r = s->recs[k];
        const tg_entity_t *e = &tg->entities[r.entity];
        if (!(r.flags & TG_REC_DROPPED) && e->kind == TAGGER_KIND_PLACE &&
            e->country_entity != TG_NONE) {
            r.entity = e->country_entity;
            r.alias = TG_NONE;
            r.via = TAGGER_VIA_PLACE;
            r.flags = 0;
            if (tg_rec_add(s, &r)) {
                return TAGGER_ERR_NOMEM;
            }
        }
    }
    return TAGGER_OK;
}
