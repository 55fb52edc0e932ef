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
 *             or twelve words or more, an eighth of them such words, ending
 *             in a full stop: a sentence thick with names;
 *   menu      25 or more words with no sentence end, fewer than three
 *             commas and almost no long lower-case word: "af Afrikaans sq
 *             Albanian am Amharic ..." (with the commas, a list of names:
 *             a team sheet); or three items or more of one to three words
 *             between vertical bars: "Home | World | Business";
 *   headline  mostly words, most long ones capitalised: headlines, bylines,
 *             tag lines ("North Korea Abandons Pursuit of Unification");
 *   other     tables of figures, "1 min", single words.
 *
 * In a text of one paragraph per line (a line of MIN_PARAGRAPH_BYTES or
 * more) where a sentence ends tells more than the case of words: short
 * lines that end none are headlines however they read, long lines that end
 * one are prose (paragraph_kinds()).
 *
 * The article body is the largest cluster of prose lines, where a cluster
 * may carry up to MAX_GAP headline lines between prose lines (subheads,
 * "Read also" links) and any number of other lines (a table of figures is
 * part of the article; a list of headlines is not).  The TITLE_WINDOW
 * non-empty lines just before the body are its title zone (headline,
 * byline, dateline); a headline in sentence case long enough to read as
 * prose ("Car bomb kills 20 in Baghdad"), short, with no full stop at its
 * end and a blank line under it, is taken off the top of the body into
 * that zone.  Every other line
 * is furniture; menu lines are menus wherever they stand.  A text with no
 * prose line at all (a headline, a list) is all body: there is nothing to
 * tell it from.
 *
 * A dateline ("NEW YORK, Feb 26 -", "EDEN PRAIRIE, MINN., March 2 -") opens
 * the article: when one stands above the body with only tables, subheads
 * and blank lines between (an earnings report whose only prose is a closing
 * note), the body starts right after it, so the dateline and the headline
 * above it are the title zone and not furniture.  In a text with no prose
 * at all, a dateline among its first lines still ends the title zone.  A
 * dateline that opens the body's first line ("WASHINGTON (AP) — The Federal
 * Reserve ...") is the title zone's too, up to its dash (dateline_end).
 *
 * Limits: a sidebar of prose snippets longer than the article would win the
 * body; comment threads after the article count as furniture.
 *
 * Cost: one pass over the text in blocks of up to 64 bytes, cut after
 * their last separator so that no word goes on into the next block.  Five
 * bit masks per block (separators, newlines, letters, their case, bytes beyond
 * ASCII: SSE2 compares); in a block of plain ASCII a word's first letter and
 * its fourth come from adding bits across the masks, and a line is counted
 * with a few popcounts (the popcnt instruction, picked at run time on x86-64):
 * about 8 instructions per byte of Reuters in all, where the first version (a
 * table lookup per byte, a memchr per line) took 22.  A block with a byte
 * beyond ASCII, or a word longer than a block, is read a byte at a time, the
 * characters beyond ASCII in a word's first four letters decoded and looked up
 * in utf8proc's categories.  Whether a word ends a sentence, and the commas,
 * matter only to a menu, so only a line that could be one is read again for
 * them.  The cluster and zone passes are per line.
 * The same masks tell, for free, whether the text is plain ASCII, so that
 * annotate.c need not count code points for its char offsets.
 */
#include "layout.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "internal.h"
#include "normalize.h"

#define MIN_PROSE_WORDS 6
#define MIN_SENTENCE_WORDS 12
#define MIN_MENU_WORDS 25
#define MIN_LIST_COMMAS 3
#define MIN_BAR_ITEMS 3     /* a menu bar: "Home | World | Business" */
#define MAX_BAR_ITEM_WORDS 3
#define MAX_GAP 3
#define TITLE_WINDOW 6
#define MAX_DATELINE_BYTES 80
#define DATELINE_REACH 60 /* lines between a dateline and the first prose line */
#define MAX_HEADING_BYTES 100
#define MAX_NAME_LINE_BYTES 40
#define MIN_PARAGRAPH_BYTES 200 /* longer than any line of text wrapped by hand */

/* What a byte is to the word scan: a separator (space, tab, carriage
 * return; a newline also ends the line), a letter of either case (as
 * tg_case_class() says for it), the first or later byte of a character
 * beyond ASCII (decoded to tell), or anything else. */
enum { CH_OTHER = 0, CH_SPACE = 1, CH_UPPER = 2, CH_LOWER = 3, CH_HIGH = 4 };

#define S_ CH_SPACE
#define U_ CH_UPPER
#define L_ CH_LOWER
#define H_ CH_HIGH
#define H16_ H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_, H_
static const unsigned char byte_kind[256] = {
    0,  0,  0,  0,  0,  0,  0,  0,  0,  S_, S_, 0,  0,  S_, 0,  0,  /* \t \n \r */
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

/* The words of one line, counted as the scan passes them. */
typedef struct {
    size_t words, letter_words, long_lower, long_upper;
} line_counts_t;

/* Counts a word read byte by byte: its letters (up to four counted) and
 * the case of its first letter. */
static void count_word(line_counts_t *c, unsigned letters, unsigned first_case)
{
    c->words++;
    c->letter_words += letters > 0;
    c->long_lower += letters >= 4 && first_case == CH_LOWER;
    c->long_upper += letters >= 4 && first_case == CH_UPPER;
}

/* Whether the line [start, end) of @p p has MIN_LIST_COMMAS commas or
 * semicolons or more: a list of names ("Dimitri Yachvili (Biarritz),
 * Pierre Mignoni (Clermont), ...", a team sheet). */
static bool is_list(const unsigned char *p, size_t start, size_t end)
{
    size_t commas = 0;
    for (size_t i = start; i < end; i++) {
        commas += p[i] == ',' || p[i] == ';';
    }
    return commas >= MIN_LIST_COMMAS;
}

/* Whether the line [start, end), long and with almost no long lower-case
 * word, punctuates as text, so that it is no menu: a word of it ends a
 * sentence (its last byte is '.', '!', '?' or, after two bytes or more,
 * 0x9D, the last byte of U+201D, a closing quote), or it is a list. */
static bool punctuated_as_text(const unsigned char *p, size_t start, size_t end)
{
    if (is_list(p, start, end)) {
        return true;
    }
    for (size_t i = start; i < end; i++) {
        if (byte_kind[p[i]] == CH_SPACE) {
            continue;
        }
        size_t w = i;
        while (i < end && byte_kind[p[i]] != CH_SPACE) {
            i++;
        }
        unsigned char last = p[i - 1];
        if (last == '.' || last == '!' || last == '?' || (i - w >= 3 && last == 0x9D)) {
            return true;
        }
    }
    return false;
}

/* The first byte from @p start that is no separator, or @p end. */
static size_t skip_spaces(const unsigned char *p, size_t start, size_t end)
{
    while (start < end && byte_kind[p[start]] == CH_SPACE) {
        start++;
    }
    return start;
}

/* The end of [start, end) of @p p without the separators that end it. */
static size_t trim_spaces(const unsigned char *p, size_t start, size_t end)
{
    while (end > start && byte_kind[p[end - 1]] == CH_SPACE) {
        end--;
    }
    return end;
}

/* Whether the line [start, end) of @p p ends a sentence: its last byte
 * but spaces is '.', '!', '?', or a closing quote after one of them. */
static bool line_ends_sentence(const unsigned char *p, size_t start, size_t end)
{
    end = trim_spaces(p, start, end);
    if (end > start + 3 && p[end - 3] == 0xE2 && p[end - 2] == 0x80 && p[end - 1] == 0x9D) {
        end -= 3; /* U+201D */
    } else if (end > start + 1 && (p[end - 1] == '"' || p[end - 1] == '\'')) {
        end--;
    }
    return end > start && (p[end - 1] == '.' || p[end - 1] == '!' || p[end - 1] == '?');
}

/* Whether the line [start, end) of @p p is a menu bar: MIN_BAR_ITEMS items
 * or more between vertical bars, of MAX_BAR_ITEM_WORDS words or fewer each
 * ("Home | World | Business | Tech", "English | Español | Français"); not a
 * byline's "Published: ... | Updated: ...". */
static bool menu_bar(const unsigned char *p, size_t start, size_t end)
{
    size_t items = 1, words = 0;
    bool in_word = false;
    for (size_t i = start; i < end; i++) {
        if (p[i] == '|') {
            if (words == 0 || words > MAX_BAR_ITEM_WORDS) {
                return false;
            }
            items++;
            words = 0;
            in_word = false;
        } else if (byte_kind[p[i]] == CH_SPACE) {
            in_word = false;
        } else if (!in_word) {
            in_word = true;
            words++;
        }
    }
    return items >= MIN_BAR_ITEMS && words >= 1 && words <= MAX_BAR_ITEM_WORDS;
}

/* The kind of the line [start, end) of @p p, whose words @p c counts.
 * Its punctuation only matters to a menu, so only a line that could be one
 * is read again to tell. */
static tg_line_kind_t line_kind(const line_counts_t *c, const unsigned char *p, size_t start,
                                size_t end)
{
    if (c->words == 0) {
        return TG_LINE_EMPTY;
    }
    if (c->words >= MIN_MENU_WORDS && c->long_lower * 10 < c->words &&
        !punctuated_as_text(p, start, end)) {
        return TG_LINE_MENU;
    }
    if (c->words >= MIN_BAR_ITEMS && c->words <= MIN_MENU_WORDS * MAX_BAR_ITEM_WORDS &&
        c->long_lower * 4 < c->words && memchr(p + start, '|', end - start) &&
        menu_bar(p, start, end)) {
        return TG_LINE_MENU;
    }
    if (c->words >= MIN_PROSE_WORDS && c->long_lower * 4 >= c->words) {
        return TG_LINE_PROSE;
    }
    /* A long sentence thick with names ("The Producers, starring Nathan
     * Lane and Lee Evans, is up for best musical at ..."): headlines and
     * lists of them do not end in a full stop. */
    if (c->words >= MIN_SENTENCE_WORDS && c->long_lower * 8 >= c->words &&
        line_ends_sentence(p, start, end)) {
        return TG_LINE_PROSE;
    }
    if (c->letter_words >= 2 && c->letter_words * 2 >= c->words && c->long_upper > 0 &&
        c->long_upper * 10 >= (c->long_upper + c->long_lower) * 6) {
        return TG_LINE_HEADLINE;
    }
    return TG_LINE_OTHER;
}

/* The kind of the character at p[*i], a byte beyond ASCII: CH_UPPER,
 * CH_LOWER or CH_OTHER (also for an invalid byte); *i moves past it.  The
 * decoder takes only continuation bytes, so it never passes a separator. */
static unsigned high_kind(const unsigned char *p, size_t len, size_t *i)
{
    int32_t cp;
    *i += tg_utf8_decode(p + *i, len - *i, &cp);
    int cc = cp >= 0 ? tg_case_class(cp) : 0;
    return cc == 'U' ? CH_UPPER : cc == 'L' ? CH_LOWER : CH_OTHER;
}

/* Reads the word at p[start] a byte at a time, decoding the characters
 * beyond ASCII among its first four letters, counts it in @p c and returns
 * its end.  Once the word has the four letters that make it long, nothing
 * but its end is looked for. */
static size_t read_word_bytewise(const unsigned char *p, size_t len, size_t start,
                                 line_counts_t *c)
{
    size_t i = start;
    unsigned letters = 0, first_case = 0;
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
    while (i < len && byte_kind[p[i]] != CH_SPACE) {
        i++;
    }
    count_word(c, letters, first_case);
    return i;
}

/* Bit i of each mask tells about byte i of a 64-byte block. */
typedef struct {
    uint64_t sep;    /* space, tab, carriage return, newline; past the text too */
    uint64_t nl;     /* newline */
    uint64_t letter; /* A-Z, a-z */
    uint64_t bit5;   /* the byte has 0x20 set: a letter's lower case */
    uint64_t high;   /* a byte beyond ASCII */
} block_masks_t;

/* The masks of the 64 bytes at p, of which the first n (1..64) are text. */
static void block_masks(const unsigned char *p, size_t n, block_masks_t *m)
{
    unsigned char tail[64];
    if (n < 64) {
        memset(tail, 0, sizeof tail);
        memcpy(tail, p, n);
        p = tail;
    }
#ifdef __SSE2__
    const __m128i space = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t');
    const __m128i cr = _mm_set1_epi8('\r'), newline = _mm_set1_epi8('\n');
    const __m128i bit5 = _mm_set1_epi8(0x20), a = _mm_set1_epi8('a'), z = _mm_set1_epi8(25);
    uint64_t sep = 0, nl = 0, letter = 0, lower = 0, high = 0;
    for (int k = 0; k < 4; k++) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * k));
        __m128i is_nl = _mm_cmpeq_epi8(x, newline);
        __m128i is_sep = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, space), is_nl),
                                      _mm_or_si128(_mm_cmpeq_epi8(x, tab), _mm_cmpeq_epi8(x, cr)));
        /* (x | 0x20) - 'a' is below 26 for a letter of either case only */
        __m128i t = _mm_sub_epi8(_mm_or_si128(x, bit5), a);
        __m128i is_letter = _mm_cmpeq_epi8(_mm_min_epu8(t, z), t);
        unsigned shift = 16 * (unsigned)k;
        sep |= (uint64_t)(unsigned)_mm_movemask_epi8(is_sep) << shift;
        nl |= (uint64_t)(unsigned)_mm_movemask_epi8(is_nl) << shift;
        letter |= (uint64_t)(unsigned)_mm_movemask_epi8(is_letter) << shift;
        lower |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_slli_epi16(x, 2)) << shift;
        high |= (uint64_t)(unsigned)_mm_movemask_epi8(x) << shift;
    }
    m->sep = sep;
    m->nl = nl;
    m->letter = letter;
    m->bit5 = lower;
    m->high = high;
#else
    memset(m, 0, sizeof *m);
    for (unsigned i = 0; i < 64; i++) {
        unsigned kind = byte_kind[p[i]];
        uint64_t bit = (uint64_t)1 << i;
        m->sep |= kind == CH_SPACE ? bit : 0;
        m->nl |= p[i] == '\n' ? bit : 0;
        m->letter |= kind == CH_UPPER || kind == CH_LOWER ? bit : 0;
        m->bit5 |= p[i] & 0x20 ? bit : 0;
        m->high |= kind == CH_HIGH ? bit : 0;
    }
#endif
    if (n < 64) {
        m->sep |= ~(uint64_t)0 << n; /* the end of the text ends a word */
    }
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

/* The end of a dateline that opens the line [start, end) of @p p, as
 * wires set it before the first sentence: a place in capitals, then within
 * MAX_DATELINE_BYTES a dash ("-", "--", an en or em dash) after a space,
 * with the agency in brackets or a comma before it ("WASHINGTON (AP) — ",
 * "NEW YORK, March 5 (Reuters) - "), and the spaces after it; or 0. */
static size_t inline_dateline_end(const unsigned char *p, size_t start, size_t end)
{
    if (end - start < 4 || byte_kind[p[start]] != CH_UPPER ||
        byte_kind[p[start + 1]] != CH_UPPER) {
        return 0;
    }
    size_t limit = end - start > MAX_DATELINE_BYTES ? start + MAX_DATELINE_BYTES : end;
    bool marked = false; /* an agency in brackets, or a comma */
    for (size_t i = start + 2; i + 1 < limit; i++) {
        if (!marked && byte_kind[p[i]] == CH_LOWER) {
            return 0; /* the place is in capitals: "DRG Plc issues ..., ind coupon - " is none */
        }
        marked |= p[i] == '(' || p[i] == ',';
        if (p[i] != ' ') {
            continue;
        }
        size_t dash = p[i + 1] == '-' ? 1 + (i + 2 < end && p[i + 2] == '-')
                      : i + 3 < end && p[i + 1] == 0xE2 && p[i + 2] == 0x80 &&
                              (p[i + 3] == 0x93 || p[i + 3] == 0x94)
                          ? 3
                          : 0;
        size_t after = i + 1 + dash;
        if (dash && marked && after < end && p[after] == ' ') {
            while (after < end && p[after] == ' ') {
                after++;
            }
            return after;
        }
    }
    return 0;
}

/* Credits and captions: who wrote, reported or photographed a story, and
 * what its pictures show.  A mention there is of the story's author or of
 * a photograph, not of what the story is about.  "By" alone counts only in
 * the title zone (a sentence may open "By March 31 the company ..."); the
 * others anywhere, as wire stories end ("Reporting by ...; Editing by
 * ...") and pages set their pictures ("Image source, Getty Images",
 * "Photograph: Kevin Lamarque/Reuters", AP's "FILE - " captions).  A
 * byline without "By" is a name alone over the date (bare_byline()). */
#define OPENER(s) {s, sizeof s - 1}
static const struct {
    const char *s;
    size_t len;
} credit_openers[] = {
    OPENER("Reporting by "),    OPENER("Additional reporting by "), OPENER("Writing by "),
    OPENER("Editing by "),      OPENER("Written by "),              OPENER("Compiled by "),
    OPENER("Image source, "),   OPENER("Image caption, "),          OPENER("Image: "),
    OPENER("Photo: "),          OPENER("Photograph: "),             OPENER("Picture: "),
    OPENER("Photo credit: "),   OPENER("FILE - "),                  OPENER("FILE \xE2\x80\x94 "),
    OPENER("FILE \xE2\x80\x93 ")};
#undef OPENER
/* Whether @p c is the first letter of one of credit_openers or of "By":
 * most lines open with none of them and are settled by this test. */
static bool credit_initial(unsigned char c)
{
    switch (c) {
    case 'A': case 'B': case 'C': case 'E': case 'F': case 'I': case 'P': case 'R': case 'W':
        return true;
    default:
        return false;
    }
}

/* Whether the line [start, end) of @p p ends in a photographer's credit in
 * brackets: "... in Washington. (AP Photo/Scott Applewhite, File)". */
static bool ends_in_photo_credit(const unsigned char *p, size_t start, size_t end)
{
    end = trim_spaces(p, start, end);
    if (end == start || p[end - 1] != ')') {
        return false;
    }
    size_t open = end - 1;
    while (open > start && p[open - 1] != '(' && end - open < MAX_DATELINE_BYTES) {
        open--;
    }
    static const char photo[] = "Photo/";
    for (size_t i = open; i + sizeof photo - 1 <= end; i++) {
        if (memcmp(p + i, photo, sizeof photo - 1) == 0) {
            return open > start && p[open - 1] == '(';
        }
    }
    return false;
}

/* Whether the line [start, end) of @p p is a credit or caption: "By",
 * "By:" or "BY" before a capitalised word, the line no longer than a
 * heading, when @p by_alone; one of credit_openers before a capitalised
 * word; or a line ending in a photographer's credit. */
static bool credit_line(const unsigned char *p, size_t start, size_t end, bool by_alone)
{
    start = skip_spaces(p, start, end);
    if (start == end) {
        return false;
    }
    if (!credit_initial(p[start])) {
        return ends_in_photo_credit(p, start, end);
    }
    size_t at = 0;
    if (by_alone && end - start <= MAX_HEADING_BYTES && end - start > 3 &&
        (p[start] == 'B' && (p[start + 1] == 'y' || p[start + 1] == 'Y')) &&
        (p[start + 2] == ' ' || p[start + 2] == ':')) {
        at = start + 3;
    }
    for (size_t k = 0; !at && k < sizeof credit_openers / sizeof *credit_openers; k++) {
        size_t n = credit_openers[k].len;
        if (end - start > n && p[start] == (unsigned char)credit_openers[k].s[0] &&
            memcmp(p + start, credit_openers[k].s, n) == 0) {
            at = start + n;
        }
    }
    at = at ? skip_spaces(p, at, end) : 0;
    if (!at || at >= end) {
        return ends_in_photo_credit(p, start, end);
    }
    int32_t cp;
    tg_utf8_decode(p + at, end - at, &cp);
    return cp >= 0 && tg_case_class(cp) == 'U';
}

/* Whether the line [start, end) of @p p is a name alone, as a byline
 * without "By" sets it ("Matthew Weaver"): two or three words, each a
 * capital and then letters (a hyphen or an apostrophe among them), some in
 * lower case, and no longer than MAX_NAME_LINE_BYTES. */
static bool name_line(const unsigned char *p, size_t start, size_t end)
{
    end = trim_spaces(p, start, end);
    if (end - start > MAX_NAME_LINE_BYTES) {
        return false;
    }
    size_t words = 0;
    for (size_t i = start; i < end;) {
        if (byte_kind[p[i]] != CH_UPPER) {
            return false;
        }
        bool lower = false;
        for (i++; i < end && p[i] != ' '; i++) {
            unsigned k = byte_kind[p[i]];
            if (k == CH_LOWER || k == CH_HIGH) {
                lower = true;
            } else if (k != CH_UPPER && p[i] != '-' && p[i] != '\'') {
                return false;
            }
        }
        if (!lower) {
            return false;
        }
        words++;
        i += i < end; /* one space between words */
    }
    return words >= 2 && words <= 3;
}

/* Whether the line [start, end) of @p p reads as a byline's second line:
 * short, with a year ("Tue 8 Feb 2005 13.45 GMT", "Published 5 March
 * 2024") or a reporter's role ("Business reporter, BBC News"). */
static bool dated_or_role_line(const unsigned char *p, size_t start, size_t end)
{
    static const char *const roles[] = {"reporter", "correspondent", "editor", "writer",
                                        "journalist", "columnist"};
    if (end - start > MAX_HEADING_BYTES) {
        return false;
    }
    for (size_t i = start; i + 4 <= end; i++) {
        bool digits = p[i] >= '0' && p[i] <= '9' && p[i + 1] >= '0' && p[i + 1] <= '9' &&
                      p[i + 2] >= '0' && p[i + 2] <= '9' && p[i + 3] >= '0' && p[i + 3] <= '9';
        bool alone = (i == start || p[i - 1] < '0' || p[i - 1] > '9') &&
                     (i + 4 == end || p[i + 4] < '0' || p[i + 4] > '9');
        if (digits && alone && (p[i] == '1' || p[i] == '2')) {
            return true;
        }
    }
    for (size_t k = 0; k < sizeof roles / sizeof *roles; k++) {
        size_t n = strlen(roles[k]);
        for (size_t i = start; i + n <= end; i++) {
            if (memcmp(p + i, roles[k], n) == 0) {
                return true;
            }
        }
    }
    return false;
}

/* Whether line @p i of the title zone is a byline without "By": a name
 * alone over a line with its date or the reporter's role. */
static bool bare_byline(const tg_layout_t *lay, const unsigned char *p, size_t i)
{
    const tg_line_t *ln = &lay->lines[i];
    if (!name_line(p, ln->start, ln->end)) {
        return false;
    }
    size_t j = i + 1;
    while (j < lay->n_lines && lay->lines[j].start == lay->lines[j].end) {
        j++;
    }
    return j < lay->n_lines && dated_or_role_line(p, lay->lines[j].start, lay->lines[j].end);
}

/* Ends the line [start, end) of the words counted in @p c: appends it
 * with its kind, for now, in zone, and clears @p c. */
static int end_line(tg_layout_t *lay, const unsigned char *p, size_t start, size_t end,
                    line_counts_t *c)
{
    if (tg_grow((void **)&lay->lines, &lay->cap, lay->n_lines + 1, sizeof *lay->lines)) {
        return TAGGER_ERR_NOMEM;
    }
    tg_line_t *ln = &lay->lines[lay->n_lines++];
    ln->start = (uint32_t)start;
    ln->end = (uint32_t)end;
    ln->zone = (uint8_t)line_kind(c, p, start, end);
    memset(c, 0, sizeof *c);
    return TAGGER_OK;
}

/* The bits set in @p x.  Where the CPU's popcnt instruction may be missing
 * (x86-64 built for the first of them) the builtin is a library call, so
 * count_block is also built for popcnt and picked at run time. */
static inline unsigned count_bits(uint64_t x)
{
    return (unsigned)__builtin_popcountll(x);
}

/* Of the letters @p letters of words @p word_bytes, the next letter after
 * each bit of @p at in the same word, if any.  Adding a bit just after
 * each one to the word's bytes that are not letters carries it over them
 * to the next letter, or out of the word onto a separator. */
static inline uint64_t next_letter(uint64_t at, uint64_t word_bytes, uint64_t letters)
{
    return ((word_bytes & ~letters) + (at << 1)) & letters;
}

/* Counts the words of a block of plain ASCII, all of them whole, its
 * @p valid bytes cut into lines at its newlines. */
static inline int count_block(tg_layout_t *lay, const unsigned char *p, size_t base,
                              const block_masks_t *m, uint64_t valid, size_t *line_start,
                              line_counts_t *c)
{
    uint64_t word_bytes = ~m->sep & valid;
    uint64_t starts = word_bytes & ~(word_bytes << 1);
    uint64_t letters = m->letter & valid;
    /* The first letter of each word: a start that is a letter, or carried
     * there from a start that is not. */
    uint64_t first = ((word_bytes & ~letters) + starts) & letters;
    uint64_t fourth = first, fourth_upper = first & ~m->bit5;
    for (int k = 1; k < 4; k++) {
        fourth = next_letter(fourth, word_bytes, letters);
        fourth_upper = next_letter(fourth_upper, word_bytes, letters);
    }
    uint64_t newlines = m->nl & valid, rest = valid;
    for (;;) {
        uint64_t nl = newlines & -newlines; /* 0 after the last one */
        uint64_t seg = rest & (nl - 1);
        if (seg) {
            unsigned long_words = count_bits(fourth & seg), upper = count_bits(fourth_upper & seg);
            c->words += count_bits(starts & seg);
            c->letter_words += count_bits(first & seg);
            c->long_upper += upper;
            c->long_lower += long_words - upper;
        }
        if (!nl) {
            return TAGGER_OK;
        }
        size_t at = base + (size_t)__builtin_ctzll(nl);
        if (end_line(lay, p, *line_start, at, c)) {
            return TAGGER_ERR_NOMEM;
        }
        *line_start = at + 1;
        rest &= ~((nl << 1) - 1);
        newlines ^= nl;
    }
}

#if defined(__GNUC__) && defined(__x86_64__) && !defined(__POPCNT__)
#define LAYOUT_POPCNT_AT_RUN_TIME 1
/* count_block with the popcnt instruction, for a CPU that has it. */
__attribute__((target("popcnt"))) static int
count_block_popcnt(tg_layout_t *lay, const unsigned char *p, size_t base, const block_masks_t *m,
                   uint64_t valid, size_t *line_start, line_counts_t *c)
{
    return count_block(lay, p, base, m, valid, line_start, c);
}
#endif

/* Counts the words of p[from, to) byte by byte, ending lines at newlines:
 * for a block with a byte beyond ASCII. */
static int count_bytewise(tg_layout_t *lay, const unsigned char *p, size_t len, size_t from,
                          size_t to, size_t *line_start, line_counts_t *c)
{
    size_t i = from;
    while (i < to) {
        if (p[i] == '\n') {
            if (end_line(lay, p, *line_start, i, c)) {
                return TAGGER_ERR_NOMEM;
            }
            *line_start = ++i;
        } else if (byte_kind[p[i]] == CH_SPACE) {
            i++;
        } else {
            i = read_word_bytewise(p, len, i, c);
        }
    }
    return TAGGER_OK;
}

/* Blocks of up to 64 bytes that end on a separator, so that no word goes
 * on into the next block: in a block of plain ASCII a few dozen bit
 * operations count all of its words (count_block); a block with a byte
 * beyond ASCII, or a word longer than 64 bytes, is read byte by byte. */
int tg_layout_lines(tg_layout_t *lay, const char *text, size_t len)
{
    const unsigned char *p = (const unsigned char *)text;
    lay->n_lines = 0;
    lay->dateline_end = 0;
    line_counts_t counts = {0, 0, 0, 0};
    size_t line_start = 0, base = 0;
    uint64_t high = 0;
#ifdef LAYOUT_POPCNT_AT_RUN_TIME
    bool popcnt = __builtin_cpu_supports("popcnt");
#endif
    while (base < len) {
        size_t n = len - base < 64 ? len - base : 64;
        block_masks_t m;
        block_masks(p + base, n, &m);
        size_t cut = n; /* the end of the text ends its last word */
        if (n == 64) {
            if (!m.sep) { /* one word of 64 bytes or more */
                high |= ~(uint64_t)0; /* not looked at: unsure */
                base = read_word_bytewise(p, len, base, &counts);
                continue;
            }
            cut = 64 - (size_t)__builtin_clzll(m.sep); /* just past the last separator */
        }
        uint64_t valid = cut < 64 ? ((uint64_t)1 << cut) - 1 : ~(uint64_t)0;
        high |= m.high & valid;
        int rc;
        if (m.high & valid) {
            rc = count_bytewise(lay, p, len, base, base + cut, &line_start, &counts);
#ifdef LAYOUT_POPCNT_AT_RUN_TIME
        } else if (popcnt) {
            rc = count_block_popcnt(lay, p, base, &m, valid, &line_start, &counts);
#endif
        } else {
            rc = count_block(lay, p, base, &m, valid, &line_start, &counts);
        }
        if (rc) {
            return rc;
        }
        base += cut;
    }
    lay->ascii = !high;
    return end_line(lay, p, line_start, len, &counts);
}

/* Whether line @p i, the first of a body that goes on to line @p last,
 * is a heading in sentence case ("Wenger handed summer war chest"), which
 * reads as prose: short, with no full stop at its end, and a blank line
 * between it and more prose. */
static bool sentence_case_heading(const tg_layout_t *lay, const char *text, size_t i, size_t last)
{
    const tg_line_t *ln = &lay->lines[i];
    size_t end = ln->end;
    while (end > ln->start && (text[end - 1] == ' ' || text[end - 1] == '\t' ||
                               text[end - 1] == '\r')) {
        end--;
    }
    return i + 2 <= last && end - ln->start <= MAX_HEADING_BYTES && text[end - 1] != '.' &&
           lay->lines[i + 1].zone == TG_LINE_EMPTY;
}

/* Whether the line [start, end) of @p p is an item of a list: its first
 * byte but spaces a dash, an asterisk or a bullet (U+2022). */
static bool list_item(const unsigned char *p, size_t start, size_t end)
{
    start = skip_spaces(p, start, end);
    return start < end && (p[start] == '-' || p[start] == '*' ||
                           (end - start >= 3 && p[start] == 0xE2 && p[start + 1] == 0x80 &&
                            p[start + 2] == 0xA2));
}

/* In a text of one paragraph per line, where a sentence ends tells prose
 * from headlines better than the case of words: a short line that reads
 * as prose but ends no sentence, and is no list item, is a headline in
 * sentence case ("Munich Re warns of climate risks" under "More on this
 * story", which would carry the body on over a page's lists of other
 * stories); a long line thick with names that ends one is a sentence
 * ("Britain's Kathy Butler and Hayley Yelling were no match for Benita
 * Johnson in the 51st Cross International Zornotza in Amorebieta,
 * Spain."), unless it is a list (a team sheet).  Text wrapped by hand
 * (Reuters at 70 columns, no line of MIN_PARAGRAPH_BYTES) keeps its kinds:
 * most of its lines end no sentence. */
static void paragraph_kinds(tg_layout_t *lay, const char *text)
{
    const unsigned char *p = (const unsigned char *)text;
    bool paragraphs = false;
    for (size_t i = 0; i < lay->n_lines && !paragraphs; i++) {
        const tg_line_t *ln = &lay->lines[i];
        paragraphs = ln->zone == TG_LINE_PROSE && ln->end - ln->start >= MIN_PARAGRAPH_BYTES;
    }
    for (size_t i = 0; i < lay->n_lines && paragraphs; i++) {
        tg_line_t *ln = &lay->lines[i];
        bool short_line = ln->end - ln->start <= MAX_HEADING_BYTES;
        if (ln->zone == TG_LINE_PROSE && short_line && !line_ends_sentence(p, ln->start, ln->end) &&
            !list_item(p, ln->start, ln->end)) {
            ln->zone = TG_LINE_HEADLINE;
        } else if (ln->zone == TG_LINE_HEADLINE && !short_line &&
                   line_ends_sentence(p, ln->start, ln->end) && !is_list(p, ln->start, ln->end)) {
            ln->zone = TG_LINE_PROSE;
        }
    }
}

int tg_layout_analyze(tg_layout_t *lay, const char *text, size_t len)
{
    if (tg_layout_lines(lay, text, len)) {
        return TAGGER_ERR_NOMEM;
    }
    paragraph_kinds(lay, text);

    /* The largest cluster of prose lines, by bytes of prose. */
    size_t best_first = 0, best_last = 0, best_bytes = 0;
    size_t first = 0, last = 0, bytes = 0, gap = 0;
    bool open = false;
    for (size_t i = 0; i < lay->n_lines; i++) {
        const tg_line_t *ln = &lay->lines[i];
        if (ln->zone == TG_LINE_PROSE) {
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
        } else if (ln->zone == TG_LINE_HEADLINE || ln->zone == TG_LINE_MENU) {
            gap++;
        }
    }

    /* A dateline above the body, with no prose or menu between, opens it. */
    for (size_t i = best_first, seen = 0; best_bytes > 0 && i > 0 && seen < DATELINE_REACH;
         seen++) {
        const tg_line_t *ln = &lay->lines[--i];
        if (ln->zone == TG_LINE_PROSE || ln->zone == TG_LINE_MENU) {
            break;
        }
        if (ln->zone != TG_LINE_EMPTY && is_dateline(text + ln->start, ln->end - ln->start)) {
            best_first = i + 1;
            break;
        }
    }

    /* A sentence-case headline on top of the body is its title. */
    if (best_bytes > 0 && sentence_case_heading(lay, text, best_first, best_last)) {
        best_first++;
        while (lay->lines[best_first].zone == TG_LINE_EMPTY) {
            best_first++;
        }
    }

    /* No prose at all (a table of figures under a headline): a dateline
     * among the first lines still tells the title from the body. */
    for (size_t i = 0, seen = 0; best_bytes == 0 && i < lay->n_lines && seen < TITLE_WINDOW;
         i++) {
        const tg_line_t *ln = &lay->lines[i];
        if (ln->zone == TG_LINE_EMPTY) {
            continue;
        }
        seen++;
        if (ln->zone != TG_LINE_MENU && i + 1 < lay->n_lines &&
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
        if (lay->lines[title_first].zone == TG_LINE_MENU) {
            title_first++;
            break;
        }
        seen += lay->lines[title_first].zone != TG_LINE_EMPTY;
    }
    const unsigned char *p = (const unsigned char *)text;
    for (size_t i = 0; i < lay->n_lines; i++) {
        tg_line_t *ln = &lay->lines[i];
        uint8_t zone;
        bool title = i >= title_first && i < best_first;
        if (ln->zone == TG_LINE_MENU) {
            zone = TG_ZONE_MENU;
        } else if (credit_line(p, ln->start, ln->end, title) ||
                   (title && bare_byline(lay, p, i))) {
            zone = TG_ZONE_FURNITURE;
        } else if (best_bytes == 0 || (i >= best_first && i <= best_last)) {
            zone = TG_ZONE_BODY;
        } else if (title) {
            zone = TG_ZONE_TITLE;
        } else {
            zone = TG_ZONE_FURNITURE;
        }
        ln->zone = zone;
    }
    const tg_line_t *first_body = best_bytes ? &lay->lines[best_first] : NULL;
    lay->dateline_end = first_body && first_body->zone == TG_ZONE_BODY
                            ? (uint32_t)inline_dateline_end(p, first_body->start, first_body->end)
                            : 0;
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
    if (off < lay->dateline_end && lay->n_lines && lay->lines[i].end >= lay->dateline_end) {
        return TG_ZONE_TITLE;
    }
    return lay->n_lines ? (tg_zone_t)lay->lines[i].zone : TG_ZONE_BODY;
}
