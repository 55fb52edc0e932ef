/*
 * recog_results.c - sports results, where a place names a team.
 *
 * A score line ("Atlanta 5 PITTSBURGH 1", "Wigan 42 Bradford Bulls 36")
 * and a row of a league table ("CHICAGO 71 64 .526 10", "Wigan 4 3 1 0 9 4
 * 10") name teams, and most teams are named after their city: as places,
 * a page of results would be about thirty American cities.  In such a
 * line, each run of capitalised words that a place is in (a gazetteer's
 * PLACE, or a name the model typed LOC) is made an organization, and the
 * gazetteer's mentions of places in it are dropped (another exception to
 * the gazetteer's precedence, beside the organizations named after a
 * place of recognize.c and recog_names.c place_surnames()).  A country stays a country (a
 * national side: "Togo 1 Congo 0"), and so does a person the model typed
 * (a golfer's rounds, "Billy Mayfair 66 71 70 70").
 *
 * The shape of the line decides, not its words: read as tokens between
 * spaces, one or two runs of names, each followed by numbers, and nothing
 * else but a note in parentheses at the end ("( 2nd game )"); two runs
 * with a score each, or one run with three numbers or more (fewer could
 * be a dateline, "LONDON 1996-08-30", or a poll, "Ohio 52 48"), and
 * numbers as a sports table writes them (number_token()).  In
 * CoNLL-2003's eng.train, which the model learned from but which no rule
 * here was fitted to, 1,886 ORG spans lie in lines of that shape, against
 * 8 PER, 12 LOC (national sides) and no MISC.  Fixture lines ("BALTIMORE
 * AT SEATTLE", "Birmingham v Barnsley") are left alone: CoNLL labels their
 * teams LOC about as often as ORG.
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

size_t tg_recog_results_line(const line_t *ln)
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
    bool score_line = runs == 2 && numbers[0] == 1 && numbers[1] == 1 && scored[0] && scored[1];
    bool table_row = runs == 1 && numbers[0] >= 3;
    return prev == TOKEN_NUMBER && (score_line || table_row) ? n : 0;
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

int tg_recog_results_spans(const tagger_t *tg, tagger_scratch_t *s, tg_recog_t *r, const line_t *ln,
                           size_t base, size_t n)
{
    word_t *w = ln->w;
    for (size_t i = 0; i < n;) {
        if (!w[i].cap) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < n && team_word(ln, j)) {
            j++;
        }
        bool person = false, place = false;
        for (size_t k = i; k < j; k++) {
            person |= w[k].label == TG_NL_B_PER || w[k].label == TG_NL_I_PER;
            place |= w[k].label == TG_NL_B_LOC || w[k].label == TG_NL_I_LOC || w[k].covered;
        }
        if (place && !person && tg_recog_drop_places(tg, s, w[i].start, w[j - 1].end, false) >= 0) {
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
