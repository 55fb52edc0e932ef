/*
 * recog_results.c - sports results and fixtures, where a place names a team.
 *
 * A score line ("Atlanta 5 PITTSBURGH 1", "Wigan 42 Bradford Bulls 36")
 * and a row of a league table ("CHICAGO 71 64 .526 10", "Wigan 4 3 1 0 9 4
 * 10") name teams, and most teams are named after their city: as places,
 * a page of results would be about thirty American cities.  In such a
 * line, each run of capitalised words that a place is in (a gazetteer's
 * PLACE, or a name the model typed LOC) is made an organization, and the
 * gazetteer's mentions of places in it are dropped (another exception to
 * the gazetteer's precedence, beside the organizations named after a
 * place of recog_places.c and recog_links.c place_surnames()).  A country
 * stays a country (a national side: "Togo 1 Congo 0"), and so does a
 * person the model typed (a golfer's rounds, "Billy Mayfair 66 71 70
 * 70").
 *
 * In a score line (two sides), every side is a team, whatever the model
 * typed it ("Nice 1 Bastia 1", "Ipswich 5 Reading 2": a common word, "Brann
 * 7 Start 1"), but for a person with a first name, a country, and a side
 * not written in title case ("NOV7", "WTI": a market's tables), or when
 * the line is laid out in columns ("Afloat 184      Mch 185").  In
 * eng.train that made 7 more clubs and lost none; in Reuters-21578 and
 * the BBC's articles it changes nothing.
 *
 * The shape of the line decides, not its words: read as tokens between
 * spaces, one or two runs of names, each followed by numbers, and nothing
 * else but a note in parentheses at the end ("( 2nd game )"); two runs
 * with a score each, or one run with three numbers or more (fewer could
 * be a dateline, "LONDON 1996-08-30", or a poll, "Ohio 52 48"), and
 * numbers as a sports table writes them (number_token()).  In
 * CoNLL-2003's eng.train, which the model learned from but which no rule
 * here was fitted to, 1,886 ORG spans lie in lines of that shape, against
 * 8 PER, 12 LOC (national sides) and no MISC.
 *
 * Fixtures and results in words (tg_recog_fixture_spans()): a city
 * gazetteer's mention beside "v" or "beat", or before a player's position,
 * is a club ("Birmingham v Barnsley", "Yeading, who beat Slough", "Norwich
 * striker Keith O'Neill"), and the first side of a fixture line
 * ("BALTIMORE AT SEATTLE") a team, while the place after "AT" is where it
 * plays; the other side of "v" from such a club is a club too, whatever the
 * model typed it ("Chelsea v Birmingham": "Chelsea" is no person there).
 * In eng.train, a city's name beside "v" is ORG 40 times and LOC never,
 * beside "beat" ORG 10 times and LOC never, before a position of the list
 * ORG 9 times and LOC never; its 99 fixture lines have an ORG before "AT"
 * and a LOC after it, every one (eng.testa: 28 of 28).  Countries and home
 * nations ("Scotland v England") are national sides, which CoNLL labels
 * LOC, and stay.
 */
#include "recog_internal.h"

#include <stdbool.h>
#include <string.h>

#include "scratch.h"

typedef enum { TOKEN_NAME, TOKEN_NUMBER, TOKEN_CONNECTOR, TOKEN_OTHER } token_kind_t;

/* Connectors inside a team's name ("Brighton and Hove Albion", "Queen of
 * the South", "Atletico de Madrid"). */
static const char *const team_connectors[] = {"and", "&",  "of", "the", "de",
                                              "del", "da", "do", "y"};

/* A number of a results line: an integer of at most three digits (a
 * score, games played, points), a fraction of three decimals (".526",
 * games won), a fraction ("1/2", games behind) or "-", a table's empty
 * cell.  Not "1,204", "0.82" or "2345": the figures of a market's or a
 * crop's table, whose rows are named after places too. */
static bool number_token(const char *s, size_t n)
{
    size_t digits = 0, slash = 0;
    for (size_t k = 0; k < n; k++) {
        digits += s[k] >= '0' && s[k] <= '9';
        slash += s[k] == '/';
    }
    if (n == 1 && s[0] == '-') {
        return true;
    }
    if (n == 4 && s[0] == '.' && digits == 3) {
        return true;
    }
    if (slash == 1 && digits == n - 1 && s[0] != '/' && s[n - 1] != '/') {
        return true;
    }
    return digits == n && n >= 1 && n <= 3;
}

/* Whether a number token (number_token()) is a score: an integer. */
static bool score_token(const char *s, size_t n)
{
    return s[0] >= '0' && s[0] <= '9' && !memchr(s, '/', n);
}

static token_kind_t token_kind(const char *s, size_t n)
{
    unsigned char c = (unsigned char)s[0];
    if ((c >= 'A' && c <= 'Z') || c >= 0xC0) { /* a capital, or a letter of more than ASCII */
        return TOKEN_NAME;
    }
    if (number_token(s, n)) {
        return TOKEN_NUMBER;
    }
    return tg_word_in(team_connectors, sizeof team_connectors / sizeof *team_connectors, s, n)
               ? TOKEN_CONNECTOR
               : TOKEN_OTHER;
}

/* Where the results of the line end: before a note in parentheses that
 * ends it ("Pohang 3 Ulsan 2 ( halftime 1-0 )", "MILWAUKEE 5 Minnesota 4
 * (in 12)"), or at its end.  Returns the number of the line's words
 * before it, or 0 when the line ends in neither a number nor a note (as
 * prose does: the test that rules most lines out at once). */
static size_t results_words(const line_t *ln)
{
    str_t last = tg_recog_raw(ln, ln->n - 1);
    char end = last.s[last.len - 1];
    if (end != ')') {
        return (end >= '0' && end <= '9') || end == '-' ? ln->n : 0; /* a number, or none */
    }
    for (size_t i = 0; i < ln->n; i++) {
        if (ln->text[ln->w[i].start] == '(') {
            return i;
        }
    }
    return ln->n;
}

size_t tg_recog_results_line(const line_t *ln, bool *score_line)
{
    size_t n = ln->n ? results_words(ln) : 0;
    if (n < 3) {
        return 0;
    }
    const char *t = ln->text;
    size_t at = ln->w[0].start, end = ln->w[n - 1].end;
    size_t runs = 0, numbers[2] = {0, 0};
    bool scored[2] = {false, false};
    token_kind_t prev = TOKEN_OTHER; /* the line's start */
    while (at < end) {
        size_t k = at;
        while (k < end && t[k] != ' ' && t[k] != '\t') {
            k++;
        }
        token_kind_t kind = token_kind(t + at, k - at);
        bool in_name = prev == TOKEN_NAME || prev == TOKEN_CONNECTOR;
        if (kind == TOKEN_OTHER || (kind == TOKEN_CONNECTOR && !in_name) ||
            (kind == TOKEN_NUMBER && (runs == 0 || prev == TOKEN_CONNECTOR))) {
            return 0;
        }
        if (kind == TOKEN_NAME && !in_name && runs++ == 2) {
            return 0; /* a third run of names */
        }
        if (kind == TOKEN_NUMBER && numbers[runs - 1]++ == 0) {
            scored[runs - 1] = score_token(t + at, k - at);
        }
        prev = kind;
        for (at = k; at < end && (t[at] == ' ' || t[at] == '\t'); at++) {
        }
    }
    *score_line = runs == 2 && numbers[0] == 1 && numbers[1] == 1 && scored[0] && scored[1];
    bool table_row = runs == 1 && numbers[0] >= 3;
    return prev == TOKEN_NUMBER && (*score_line || table_row) ? n : 0;
}

/* Whether word @p i goes on with a team's name before it: a capitalised
 * word, or a connector before one ("Queen of the South"). */
static bool team_word(const line_t *ln, size_t i)
{
    size_t n = sizeof team_connectors / sizeof *team_connectors;
    for (; i < ln->n && tg_recog_spaced(ln, i); i++) {
        str_t w = tg_recog_raw(ln, i);
        if (ln->w[i].cap || !tg_word_in(team_connectors, n, w.s, w.len)) {
            return ln->w[i].cap;
        }
    }
    return false;
}

/* Whether word @p k is written in title case, letters only: "Orrell",
 * "Jed-Forest", not "NOV7" nor "WTI" (a market's tables). */
static bool title_word(const line_t *ln, size_t k)
{
    str_t w = tg_recog_raw(ln, k);
    bool lower = false;
    for (size_t c = 0; c < w.len; c++) {
        unsigned char b = (unsigned char)w.s[c];
        if (b >= '0' && b <= '9') {
            return false;
        }
        lower |= c > 0 && b >= 'a' && b <= 'z';
    }
    return lower;
}

int tg_recog_results_spans(const tagger_t *tg, tagger_scratch_t *s, tg_recog_t *r, const line_t *ln,
                           size_t base, size_t n, bool score_line)
{
    word_t *w = ln->w;
    const char *t = ln->text;
    bool laid_out = false; /* columns of a table: spaced by runs of blanks or tabs */
    for (size_t k = w[0].start; k + 1 < w[n - 1].end && !laid_out; k++) {
        laid_out = t[k] == '\t' || (t[k] == ' ' && t[k + 1] == ' ');
    }
    for (size_t i = 0; i < n;) {
        if (!w[i].cap) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < n && team_word(ln, j)) {
            j++;
        }
        bool person = false, place = false, first = false, plain = true;
        for (size_t k = i; k < j; k++) {
            person |= w[k].label == TG_NL_B_PER || w[k].label == TG_NL_I_PER;
            place |= w[k].label == TG_NL_B_LOC || w[k].label == TG_NL_I_LOC || w[k].covered;
            first |= w[k].first;
            str_t word = tg_recog_raw(ln, k);
            plain &= !w[k].cap ||
                     (title_word(ln, k) && !tg_recog_never_alone(&ln->fx->sets, word.s, word.len));
        }
        bool team = place ? !person : score_line && !(person && first) && plain && !laid_out;
        if (team && tg_recog_drop_places(tg, s, w[i].start, w[j - 1].end, false) >= 0) {
            int rc = tg_recog_add_span(r, base + i, base + j, TAGGER_KIND_ORG, false, true);
            if (rc) {
                return rc;
            }
            for (size_t k = i; k < j; k++) {
                w[k].label = TG_NL_O; /* the line's other spans leave the team alone */
            }
        }
        i = j;
    }
    return TAGGER_OK;
}

/* ------------------------------------------------------------------------ */
/* Fixtures and results in words                                             */

/* Words that stand between two sides: "Birmingham v Barnsley", "ENGLAND V
 * PAKISTAN", "Wigan beat Bradford". */
static const char *const versus_words[] = {"v", "V", "vs", "vs.", "VS", "VS."};
static const char *const beat_words[] = {"beat",     "BEAT",     "beats",
                                         "BEATS",    "defeated", "DEFEATED"};

/* A player's position after a city: its club's ("Norwich striker Keith
 * O'Neill"); not "manager", "coach" or "captain", which other trades have. */
static const char *const positions[] = {
    "striker",  "defender", "midfielder", "goalkeeper", "keeper",   "forward",
    "winger",   "skipper",  "fullback",   "full-back",  "playmaker", "pitcher",
    "catcher",  "shortstop", "outfielder", "quarterback", "team-mate", "teammate"};

void tg_recog_fixture_sets_init(word_sets_t *s)
{
    tg_recog_set_init(&s->versus, versus_words, sizeof versus_words / sizeof *versus_words);
    tg_recog_set_init(&s->beat, beat_words, sizeof beat_words / sizeof *beat_words);
    tg_recog_set_init(&s->positions, positions, sizeof positions / sizeof *positions);
}

/* A fixture line: a side, "AT", the place it plays at ("BALTIMORE AT
 * SEATTLE", "KANSAS CITY AT DETROIT"), and nothing else; the place a
 * gazetteer's mention (not "PARIS AT NIGHT").  Returns the index of "AT",
 * or 0. */
static size_t fixture_at(const line_t *ln)
{
    if (ln->kind != 'C' || ln->n < 3 || ln->n > 7) {
        return 0;
    }
    size_t at = 0;
    for (size_t i = 0; i < ln->n; i++) {
        str_t w = tg_recog_raw(ln, i);
        if (w.len == 2 && memcmp(w.s, "AT", 2) == 0 && i > 0 && !at) {
            at = i;
        } else if (!ln->w[i].cap || (at && !ln->w[i].covered)) {
            return 0;
        }
    }
    return at + 1 < ln->n ? at : 0;
}

/* Whether the name at word @p k goes on into word @p next (k - 1 or
 * k + 1), which is no @p cue word. */
static bool goes_on(const line_t *ln, size_t k, size_t next, size_t cue)
{
    return next < ln->n && next != cue && ln->w[next].cap &&
           tg_recog_spaced(ln, next > k ? next : k);
}

/* Words [a, b) made an ORG span, a team's, and labelled O so that the
 * line's other spans leave them alone (0 or TAGGER_ERR_NOMEM). */
static int team_span(tg_recog_t *r, const line_t *ln, size_t base, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++) {
        ln->w[k].label = TG_NL_O;
    }
    return tg_recog_add_span(r, base + a, base + b, TAGGER_KIND_ORG, false, true);
}

/* The team named by the gazetteer's place at words [a, b), beside word
 * @p cue: the run of covered capitalised words there, which must be the
 * whole name (no capitalised word goes on with it: "Queens Park Rangers v
 * Bolton" is the model's; no word is more than the place:
 * "Moscow-backed"), made an ORG span and its place mentions dropped.  A
 * city, or with @p regions a region too (the American sides of a fixture
 * line, "CALIFORNIA AT NEW YORK"); not a country, nor "England" or
 * "Wales" beside "v": those are national sides, which CoNLL-2003 calls
 * LOC. */
static int team_of_place(const tagger_t *tg, tagger_scratch_t *s, tg_recog_t *r, const line_t *ln,
                         size_t base, size_t a, size_t b, size_t cue, bool regions, bool *made)
{
    word_t *w = ln->w;
    for (size_t k = a; k < b; k++) {
        str_t word = tg_recog_raw(ln, k);
        if (!w[k].covered || !w[k].cap || (k > a && !tg_recog_spaced(ln, k)) ||
            memchr(word.s, '-', word.len) || memchr(word.s, '/', word.len)) {
            return TAGGER_OK;
        }
    }
    if (a == b || (a > 0 && goes_on(ln, a, a - 1, cue)) || goes_on(ln, b - 1, b, cue)) {
        return TAGGER_OK;
    }
    uint32_t from = w[a].start, to = w[b - 1].end;
    if ((!regions && !tg_recog_cities_only(tg, s, from, to)) ||
        tg_recog_drop_places(tg, s, from, to, false) <= 0) {
        return TAGGER_OK;
    }
    *made = true;
    return team_span(r, ln, base, a, b);
}

/* The other side of "v" from a club found by team_of_place(): the
 * capitalised words that no gazetteer's mention covers, up to four, right
 * before word @p cue (@p before) or after it ("Chelsea v Birmingham",
 * "Birmingham v Man Utd"), whatever the model typed them: a club plays a
 * club.  Words [a, b) of the side are made an ORG span. */
static int opponent(tg_recog_t *r, const line_t *ln, size_t base, size_t cue, bool before)
{
    enum { MAX_SIDE = 4 };
    size_t a = cue, b = cue;
    if (before) {
        while (a > 0 && cue - a < MAX_SIDE && ln->w[a - 1].cap && !ln->w[a - 1].covered &&
               (a == cue || tg_recog_spaced(ln, a))) {
            a--;
        }
        if (a > 0 && ln->w[a - 1].cap && tg_recog_spaced(ln, a)) {
            return TAGGER_OK; /* longer, or covered: not the side's whole name */
        }
    } else {
        a = b = cue + 1;
        while (b < ln->n && b - a < MAX_SIDE && ln->w[b].cap && !ln->w[b].covered &&
               (b == a || tg_recog_spaced(ln, b))) {
            b++;
        }
        if (b < ln->n && ln->w[b].cap && tg_recog_spaced(ln, b)) {
            return TAGGER_OK;
        }
    }
    return a < b ? team_span(r, ln, base, a, b) : TAGGER_OK;
}

/* The start of the run of covered words ending before word @p i (its end
 * after i: tg_recog_covered_end()). */
static size_t covered_to(const line_t *ln, size_t i)
{
    while (i > 0 && ln->w[i - 1].covered) {
        i--;
    }
    return i;
}

int tg_recog_fixture_spans(const tagger_t *tg, tagger_scratch_t *s, tg_recog_t *r,
                           const line_t *ln, size_t base)
{
    size_t at = fixture_at(ln);
    bool made = false;
    if (at) {
        return team_of_place(tg, s, r, ln, base, 0, at, at, true, &made); /* "AT" Y stays */
    }
    const word_sets_t *sets = &ln->fx->sets;
    for (size_t i = 1; i + 1 < ln->n; i++) {
        if (!(ln->w[i - 1].covered || ln->w[i + 1].covered)) {
            continue; /* most words, at once */
        }
        bool versus = tg_recog_word_in(ln, i, &sets->versus);
        bool beat = !versus && tg_recog_word_in(ln, i, &sets->beat);
        if ((!versus && !beat && !tg_recog_word_in(ln, i, &sets->positions)) ||
            !tg_recog_spaced(ln, i) || !tg_recog_spaced(ln, i + 1)) {
            continue;
        }
        bool before = false, after = false; /* a club made there */
        int rc = team_of_place(tg, s, r, ln, base, covered_to(ln, i), i, i, false, &before);
        if (!rc && (versus || beat)) { /* a position follows its club only */
            size_t end = tg_recog_covered_end(ln, i + 1, ln->n);
            rc = team_of_place(tg, s, r, ln, base, i + 1, end, i, false, &after);
        }
        if (!rc && versus && before != after) {
            rc = opponent(r, ln, base, i, after);
        }
        if (rc) {
            return rc;
        }
    }
    return TAGGER_OK;
}
