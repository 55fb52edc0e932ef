/*
 * layout.c - telling the article from the page around it.
 *
 * A crawled page is more than its article: a language menu, "Related news"
 * and "Latest Headlines" lists, bylines, boilerplate.  Entities named only
 * there belong to other stories.  The layout pass labels each line, from
 * the shape of its words alone:
 *
 *   prose     six or more words, a quarter of them lower-case words of four
 *             letters or more ("the" and "of" do not count): running text,
 *             including hard-wrapped lines (Reuters wraps at 70 columns);
 *   menu      25 or more words with no sentence end and almost no long
 *             lower-case word: "af Afrikaans sq Albanian am Amharic ...";
 *   headline  mostly words, most long ones capitalised: headlines, bylines,
 *             tag lines ("North Korea Abandons Pursuit of Unification");
 *   other     tables of figures, "1 min", single words.
 *
 * The article body is the largest cluster of prose lines, where a cluster
 * may carry up to MAX_GAP headline lines between prose lines (subheads,
 * "Read also" links) and any number of other lines (a table of figures is
 * part of the article; a list of headlines is not).  The TITLE_WINDOW
 * non-empty lines just before the body are its title zone (headline,
 * byline, dateline).  Every other line
 * is furniture; menu lines are menus wherever they stand.  A text with no
 * prose line at all (a headline, a list) is all body: there is nothing to
 * tell it from.
 *
 * A dateline ("NEW YORK, Feb 26 -", "EDEN PRAIRIE, MINN., March 2 -") opens
 * the article: when one stands above the body with only tables, subheads
 * and blank lines between (an earnings report whose only prose is a closing
 * note), the body starts right after it, so the dateline and the headline
 * above it are the title zone and not furniture.  In a text with no prose
 * at all, a dateline among its first lines still ends the title zone.
 *
 * Limits: a sidebar of prose snippets longer than the article would win the
 * body; comment threads after the article count as furniture.
 *
 * Cost: one memchr per line to split, then one pass over its bytes in which
 * a byte is a table lookup; only characters beyond ASCII in a word's first
 * four letters are decoded and looked up in utf8proc's categories.  The
 * cluster and zone passes are per line, not per byte.
 */
#include "layout.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "normalize.h"

#define MIN_PROSE_WORDS 6
#define MIN_MENU_WORDS 25
#define MAX_GAP 3
#define TITLE_WINDOW 6
#define MAX_DATELINE_BYTES 80
#define DATELINE_REACH 60 /* lines between a dateline and the first prose line */

typedef enum { LINE_EMPTY, LINE_PROSE, LINE_MENU, LINE_HEADLINE, LINE_OTHER } line_kind_t;

/* What a byte is to classify_line: a word separator, a letter of either
 * case (as tg_case_class() says for it), the first or later byte of a
 * character beyond ASCII (decoded to tell), or anything else. */
enum { CH_OTHER = 0, CH_SPACE = 1, CH_UPPER = 2, CH_LOWER = 3, CH_HIGH = 4 };

#define S_ CH_SPACE
#define U_ CH_UPPER
#define L_ CH_LOWER
#define H_ CH_HIGH
#define H16_ H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_
static const unsigned char byte_kind[256] = {
    0,  0,  0,  0,  0,  0,  0,  0,  0,  S_, 0,  0,  0,  S_, 0,  0,  /* \t \r */
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    S_, 0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  /* space */
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    0,  U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, /* A-O */
    U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, 0,  0,  0,  0,  0,  /* P-Z */
    0,  L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, /* a-o */
    L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, 0,  0,  0,  0,  0,  /* p-z */
    H16_, H16_, H16_, H16_, H16_, H16_, H16_, H16_,                 /* 0x80-0xFF */
};
#undef S_
#undef U_
#undef L_
#undef H_
#undef H16_

/* The kind of the character at p[*i], a byte beyond ASCII: CH_UPPER,
 * CH_LOWER or CH_OTHER (also for an invalid byte); *i moves past it. */
static unsigned high_kind(const unsigned char *p, size_t len, size_t *i)
{
    int32_t cp;
    *i += tg_utf8_decode(p + *i, len - *i, &cp);
    int cc = cp >= 0 ? tg_case_class(cp) : 0;
    return cc == 'U' ? CH_UPPER : cc == 'L' ? CH_LOWER : CH_OTHER;
}

/* Classifies one line by its words.  A byte costs one table lookup: only
 * the characters beyond ASCII are decoded (utf8proc's category), and once
 * a word has the four letters that make it long nothing but the end of
 * the word is looked for. */
static line_kind_t classify_line(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t words = 0, long_lower = 0, long_upper = 0, letter_words = 0, i = 0;
    bool sentence_end = false;
    while (i < len) {
        while (i < len && byte_kind[p[i]] == CH_SPACE) {
            i++;
        }
        if (i >= len) {
            break;
        }
        size_t w = i, letters = 0;
        unsigned first_case = CH_OTHER; /* CH_UPPER or CH_LOWER from the first letter */
        while (letters < 4 && i < len) {
            unsigned kind = byte_kind[p[i]];
            if (kind == CH_SPACE) {
                break;
            }
            if (kind == CH_HIGH) {
                kind = high_kind(p, len, &i);
            } else {
                i++;
            }
            if (kind >= CH_UPPER) {
                letters++;
                first_case = first_case ? first_case : kind;
            }
        }
        /* A long word: the rest only needs its end (no byte of a
         * character beyond ASCII is a separator). */
        while (i < len && byte_kind[p[i]] != CH_SPACE) {
            i++;
        }
        words++;
        letter_words += letters > 0;
        if (letters >= 4) {
            long_lower += first_case == CH_LOWER;
            long_upper += first_case == CH_UPPER;
        }
        unsigned char last = p[i - 1];
        if (last == '.' || last == '!' || last == '?' || (i - w >= 3 && last == 0x9D)) {
            sentence_end = true; /* 0x9D ends U+201D, a closing quote */
        }
    }
    if (words == 0) {
        return LINE_EMPTY;
    }
    if (words >= MIN_MENU_WORDS && !sentence_end && long_lower * 10 < words) {
        return LINE_MENU;
    }
    if (words >= MIN_PROSE_WORDS && long_lower * 4 >= words) {
        return LINE_PROSE;
    }
    if (letter_words >= 2 && letter_words * 2 >= words && long_upper > 0 &&
        long_upper * 10 >= (long_upper + long_lower) * 6) {
        return LINE_HEADLINE;
    }
    return LINE_OTHER;
}

/* Whether a line is a dateline: short, opening with a capital letter, a
 * comma after its first word ("CITY, date" or "CITY, STATE, date") and a dash
 * at its end ("-", "--", an en or em dash), as news wires set them. */
static bool is_dateline(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t' || p[len - 1] == '\r')) {
        len--;
    }
    if (len < 4 || len > MAX_DATELINE_BYTES) {
        return false;
    }
    int32_t cp;
    tg_utf8_decode(p, len, &cp);
    if (cp < 0 || tg_case_class(cp) != 'U') {
        return false;
    }
    bool dash = p[len - 1] == '-' ||
                (len >= 3 && p[len - 3] == 0xE2 && p[len - 2] == 0x80 &&
                 (p[len - 1] == 0x93 || p[len - 1] == 0x94));
    const char *comma = memchr(s, ',', len);
    return dash && comma && comma > s;
}

int tg_layout_analyze(tg_layout_t *lay, const char *text, size_t len)
{
    lay->n_lines = 0;
    size_t pos = 0;
    while (pos <= len) {
        const char *nl = pos < len ? memchr(text + pos, '\n', len - pos) : NULL;
        size_t end = nl ? (size_t)(nl - text) : len;
        if (tg_grow((void **)&lay->lines, &lay->cap, lay->n_lines + 1, sizeof *lay->lines)) {
            return TAGGER_ERR_NOMEM;
        }
        tg_line_t *ln = &lay->lines[lay->n_lines++];
        ln->start = (uint32_t)pos;
        ln->end = (uint32_t)end;
        ln->zone = (uint8_t)classify_line(text + pos, end - pos); /* kind, for now */
        if (!nl) {
            break;
        }
        pos = end + 1;
    }

    /* The largest cluster of prose lines, by bytes of prose. */
    size_t best_first = 0, best_last = 0, best_bytes = 0;
    size_t first = 0, last = 0, bytes = 0, gap = 0;
    bool open = false;
    for (size_t i = 0; i < lay->n_lines; i++) {
        const tg_line_t *ln = &lay->lines[i];
        if (ln->zone == LINE_PROSE) {
            if (!open || gap > MAX_GAP) {
                first = i;
                bytes = 0;
                open = true;
            }
            last = i;
            bytes += ln->end - ln->start;
            gap = 0;
            if (bytes > best_bytes) {
                best_first = first;
                best_last = last;
                best_bytes = bytes;
            }
        } else if (ln->zone == LINE_HEADLINE || ln->zone == LINE_MENU) {
            gap++;
        }
    }

    /* A dateline above the body, with no prose or menu between, opens it. */
    for (size_t i = best_first, seen = 0; best_bytes > 0 && i > 0 && seen < DATELINE_REACH;
         seen++) {
        const tg_line_t *ln = &lay->lines[--i];
        if (ln->zone == LINE_PROSE || ln->zone == LINE_MENU) {
            break;
        }
        if (ln->zone != LINE_EMPTY && is_dateline(text + ln->start, ln->end - ln->start)) {
            best_first = i + 1;
            break;
        }
    }

    /* No prose at all (a table of figures under a headline): a dateline
     * among the first lines still tells the title from the body. */
    for (size_t i = 0, seen = 0; best_bytes == 0 && i < lay->n_lines && seen < TITLE_WINDOW;
         i++) {
        const tg_line_t *ln = &lay->lines[i];
        if (ln->zone == LINE_EMPTY) {
            continue;
        }
        seen++;
        if (ln->zone != LINE_MENU && i + 1 < lay->n_lines &&
            is_dateline(text + ln->start, ln->end - ln->start)) {
            best_first = i + 1;
            best_last = lay->n_lines - 1;
            best_bytes = 1; /* a body, though not of prose */
        }
    }

    /* Zones: no prose at all means no way to tell, so all body. */
    size_t title_first = best_first;
    for (size_t seen = 0; title_first > 0 && seen < TITLE_WINDOW;) {
        title_first--;
        if (lay->lines[title_first].zone == LINE_MENU) {
            title_first++;
            break;
        }
        seen += lay->lines[title_first].zone != LINE_EMPTY;
    }
    for (size_t i = 0; i < lay->n_lines; i++) {
        tg_line_t *ln = &lay->lines[i];
        uint8_t zone;
        if (ln->zone == LINE_MENU) {
            zone = TG_ZONE_MENU;
        } else if (best_bytes == 0 || (i >= best_first && i <= best_last)) {
            zone = TG_ZONE_BODY;
        } else if (i >= title_first && i < best_first) {
            zone = TG_ZONE_TITLE;
        } else {
            zone = TG_ZONE_FURNITURE;
        }
        ln->zone = zone;
    }
    lay->main_start = lay->n_lines ? lay->lines[best_bytes ? title_first : 0].start : 0;
    lay->main_end = lay->n_lines ? lay->lines[best_bytes ? best_last : lay->n_lines - 1].end : 0;
    return TAGGER_OK;
}

void tg_layout_free(tg_layout_t *lay)
{
    free(lay->lines);
    memset(lay, 0, sizeof *lay);
}

tg_zone_t tg_layout_zone(const tg_layout_t *lay, size_t *cursor, size_t off)
{
    size_t i = *cursor < lay->n_lines ? *cursor : 0;
    if (i > 0 && lay->lines[i].start > off) {
        i = 0;
    }
    while (i + 1 < lay->n_lines && lay->lines[i + 1].start <= off) {
        i++;
    }
    *cursor = i;
    return lay->n_lines ? (tg_zone_t)lay->lines[i].zone : TG_ZONE_BODY;
}
