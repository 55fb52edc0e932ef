/*
 * recog_lines.c - the lines the recognizer tags (recognize.c): layout.c's
 * lines but menus, with the lines of hard-wrapped prose joined, so that a
 * name goes on across the break (tg_recog_logical_lines()).
 */
#include "recog_internal.h"

#include <stdbool.h>
#include <stddef.h>

#include "resolve.h"

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
static bool initials_before_name(const tg_names_t *m, const char *text, size_t start, size_t end,
                                 size_t next, size_t next_end)
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

static bool wraps_into_next(const tg_names_t *m, const tg_layout_t *lay, size_t l, const char *text)
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
    return (end - a->start >= WRAP_MIN_BYTES || below_dateline(lay, l, text)) && end > a->start &&
           (!ends_clause(text[end - 1]) ||
            initials_before_name(m, text, a->start, end, b->start, b->end)) &&
           !(l == 0 && heading_words(text + a->start, end - a->start));
}

/* The lines the recognizer tags (r->lines): layout.c's lines but menus,
 * with each run of wrapped lines (wraps_into_next()) made one. */
int tg_recog_logical_lines(tg_recog_t *r, const tg_names_t *m, const tg_layout_t *lay,
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
