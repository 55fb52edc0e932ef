/*
 * case_rule.c - case rules of aliases.
 *
 * The trie matches case-folded text, so "us" finds the key of "US".  Each
 * alias then says which original spellings it accepts:
 *
 *   TG_CASE_CAP    words that start with a capital in the alias must start
 *                  with a capital in the text: "North Korea" accepts "North
 *                  Korea" and "NORTH KOREA", not "north korea"; lower-case
 *                  words of the alias ("of", "the") accept any case, and
 *                  scripts without case always pass.
 *   TG_CASE_EXACT  every cased letter as written: "US" accepts "US" only,
 *                  "Turkey" accepts "Turkey" and, inside an all-caps line
 *                  (a headline), "TURKEY".
 *   TG_CASE_ANY    anything.
 *
 * Both are checked by comparing a signature computed once per alias with the
 * same signature computed on the candidate span: the bit pattern of
 * word-initial capitals (CAP) or of all cased letters (EXACT), for the first
 * 64 words or letters.  Format characters (soft hyphens, zero-width joiners)
 * are transparent, as they are to the normaliser.
 *
 * Cost: one pass over the span per alias record tried (a few per match
 * candidate), with a table look-up per ASCII byte.  A span of plain ASCII
 * (nearly all) is read by a loop that computes only what its rule compares
 * (ascii_word_caps(), ascii_letter_case()): 4.2M -> 2.4M instructions for
 * the case rules of 2000 Reuters records.  The all-caps test of a
 * line only asks whether a lower-case letter lies around the span, and stops
 * at the first one (has_lower()).
 */
#include "case_rule.h"

#include <string.h>

#include <utf8proc.h>

#include "normalize.h"

/* How far around a match to look for lower case before calling its line an
 * all-caps headline. */
#define CONTEXT_BYTES 80

typedef enum { CH_SEP, CH_WORD, CH_SKIP } char_role_t;

static char_role_t role_of(int32_t cp)
{
    if (cp < 0) {
        return CH_SEP;
    }
    if (cp < 0x80) {
        bool alnum = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
                     (cp >= '0' && cp <= '9');
        return alnum ? CH_WORD : CH_SEP;
    }
    utf8proc_category_t cat = utf8proc_category(cp);
    if (cat == UTF8PROC_CATEGORY_CF) {
        return CH_SKIP;
    }
    return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO) ? CH_WORD : CH_SEP;
}

/* Computes both signatures of a span at once. */
typedef struct {
    uint64_t word_caps;  /* bit w: word w starts upper case */
    uint64_t letter_up;  /* bit i: cased letter i is upper case */
    unsigned n_words, n_cased;
    bool has_lower;
} span_case_t;

/* ASCII letters and digits: their role and case in one look-up. */
enum { A_WORD = 1, A_UPPER = 2, A_LOWER = 4 };
#define A_CASE(c)                                                                     \
    (((c) >= 'A' && (c) <= 'Z')   ? A_WORD | A_UPPER                                  \
     : ((c) >= 'a' && (c) <= 'z') ? A_WORD | A_LOWER                                  \
     : ((c) >= '0' && (c) <= '9') ? A_WORD                                            \
                                  : 0)
#define A_ROW(b)                                                                      \
    A_CASE(b), A_CASE(b + 1), A_CASE(b + 2), A_CASE(b + 3), A_CASE(b + 4), A_CASE(b + 5), \
        A_CASE(b + 6), A_CASE(b + 7), A_CASE(b + 8), A_CASE(b + 9), A_CASE(b + 10),       \
        A_CASE(b + 11), A_CASE(b + 12), A_CASE(b + 13), A_CASE(b + 14), A_CASE(b + 15)

static const uint8_t ascii_case[128] = {A_ROW(0x00), A_ROW(0x10), A_ROW(0x20), A_ROW(0x30),
                                        A_ROW(0x40), A_ROW(0x50), A_ROW(0x60), A_ROW(0x70)};

/* Adds one code point of role @p role and case class @p cc ('U', 'L', 0). */
static inline void span_add(span_case_t *out, bool *in_word, char_role_t role, int cc)
{
    if (role == CH_WORD && !*in_word) {
        if (cc == 'U' && out->n_words < 64) {
            out->word_caps |= (uint64_t)1 << out->n_words;
        }
        out->n_words++;
    }
    *in_word = (role == CH_WORD);
    if (cc) {
        if (cc == 'U' && out->n_cased < 64) {
            out->letter_up |= (uint64_t)1 << out->n_cased;
        }
        out->has_lower |= (cc == 'L');
        out->n_cased++;
    }
}

/* ASCII, most spans, takes one table look-up per byte; the rest is decoded
 * and asks utf8proc. */
static void span_case(const char *s, size_t len, span_case_t *out)
{
    const unsigned char *p = (const unsigned char *)s;
    memset(out, 0, sizeof *out);
    bool in_word = false;
    size_t i = 0;
    while (i < len) {
        if (p[i] < 0x80) {
            unsigned a = ascii_case[p[i++]];
            span_add(out, &in_word, (a & A_WORD) ? CH_WORD : CH_SEP,
                     (a & A_UPPER) ? 'U' : (a & A_LOWER) ? 'L' : 0);
            continue;
        }
        int32_t cp;
        i += tg_utf8_decode(p + i, len - i, &cp);
        char_role_t role = role_of(cp);
        if (role == CH_SKIP) {
            continue;
        }
        span_add(out, &in_word, role, (cp >= 0) ? tg_case_class(cp) : 0);
    }
}

void tg_case_sig(const char *alias, size_t len, unsigned rule, tg_case_sig_t *sig)
{
    span_case_t sc;
    span_case(alias, len, &sc);
    memset(sig, 0, sizeof *sig);
    sig->has_lower = sc.has_lower;
    if ((rule & TG_CASE_MASK) == TG_CASE_EXACT) {
        sig->bits = sc.letter_up;
        sig->n = (uint8_t)(sc.n_cased < 64 ? sc.n_cased : 64);
    } else {
        sig->bits = sc.word_caps;
        sig->n = (uint8_t)(sc.n_words < 64 ? sc.n_words : 64);
    }
}

bool tg_case_is_acronym(const char *alias, size_t len)
{
    span_case_t sc;
    span_case(alias, len, &sc);
    return !sc.has_lower && sc.n_cased >= 2;
}

/* Whether the word nearest to the span inside [lo, hi) (the last one when
 * @p before, else the first), past spaces and punctuation, has two or more
 * capitals and no lower-case letter. */
static bool allcaps_word(const char *text, size_t lo, size_t hi, bool before)
{
    size_t a, b;
    if (before) {
        b = hi;
        while (b > lo && (text[b - 1] == ' ' || text[b - 1] == ',' || text[b - 1] == '.')) {
            b--;
        }
        a = b;
        while (a > lo && text[a - 1] != ' ' && text[a - 1] != '\t') {
            a--;
        }
    } else {
        a = lo;
        while (a < hi && (text[a] == ' ' || text[a] == ',' || text[a] == '.')) {
            a++;
        }
        b = a;
        while (b < hi && text[b] != ' ' && text[b] != '\t') {
            b++;
        }
    }
    span_case_t w;
    span_case(text + a, b - a, &w);
    return !w.has_lower && w.n_cased >= 2;
}

/* Whether the @p len bytes at @p s hold a lower-case letter (span_case()'s
 * has_lower); stops at the first, which in running text is within a few
 * bytes. */
static bool has_lower(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        if (p[i] < 0x80) {
            if (ascii_case[p[i++]] & A_LOWER) {
                return true;
            }
            continue;
        }
        int32_t cp;
        i += tg_utf8_decode(p + i, len - i, &cp);
        if (cp >= 0 && role_of(cp) != CH_SKIP && tg_case_class(cp) == 'L') {
            return true;
        }
    }
    return false;
}

bool tg_case_allcaps_context(const char *text, size_t len, size_t start, size_t end)
{
    size_t lo = start > CONTEXT_BYTES ? start - CONTEXT_BYTES : 0;
    size_t hi = (len - end) > CONTEXT_BYTES ? end + CONTEXT_BYTES : len;
    for (size_t i = start; i > lo; i--) {
        if (text[i - 1] == '\n') {
            lo = i;
            break;
        }
    }
    for (size_t i = end; i < hi; i++) {
        if (text[i] == '\n') {
            hi = i;
            break;
        }
    }
    /* Do not start decoding inside a code point. */
    while (lo < start && ((unsigned char)text[lo] & 0xC0) == 0x80) {
        lo++;
    }
    if (!has_lower(text + lo, start - lo) && !has_lower(text + end, hi - end)) {
        return true;
    }
    /* A run of capitals inside a mixed line: a dateline "MINNETONKA, MINN.,
     * Feb 26", a name in capitals.  The word next to the span, on either
     * side, is in capitals. */
    return allcaps_word(text, lo, start, true) || allcaps_word(text, end, hi, false);
}

/* span_case()'s word_caps of the @p len bytes at @p s, when they are all
 * ASCII (else false): the CAP rule needs no more, and this loop does a third
 * of span_case()'s work per byte. */
static bool ascii_word_caps(const char *s, size_t len, uint64_t *word_caps)
{
    const unsigned char *p = (const unsigned char *)s;
    uint64_t caps = 0;
    unsigned n_words = 0, in_word = 0;
    for (size_t i = 0; i < len; i++) {
        if (p[i] >= 0x80) {
            return false;
        }
        unsigned a = ascii_case[p[i]];
        unsigned word = a & A_WORD;
        if (word && !in_word) {
            if ((a & A_UPPER) && n_words < 64) {
                caps |= (uint64_t)1 << n_words;
            }
            n_words++;
        }
        in_word = word;
    }
    *word_caps = caps;
    return true;
}

/* span_case()'s letter_up, n_cased and has_lower of the @p len bytes at
 * @p s, when they are all ASCII (else false), for the EXACT rule. */
static bool ascii_letter_case(const char *s, size_t len, span_case_t *out)
{
    const unsigned char *p = (const unsigned char *)s;
    uint64_t up = 0;
    unsigned n_cased = 0, lower = 0;
    for (size_t i = 0; i < len; i++) {
        if (p[i] >= 0x80) {
            return false;
        }
        unsigned a = ascii_case[p[i]];
        if (a & (A_UPPER | A_LOWER)) {
            if ((a & A_UPPER) && n_cased < 64) {
                up |= (uint64_t)1 << n_cased;
            }
            lower |= a & A_LOWER;
            n_cased++;
        }
    }
    out->letter_up = up;
    out->n_cased = n_cased;
    out->has_lower = lower != 0;
    return true;
}

bool tg_case_ok(const char *text, size_t len, size_t start, size_t end, unsigned rule,
                const tg_case_sig_t *sig)
{
    rule &= TG_CASE_MASK;
    if (rule == TG_CASE_ANY) {
        return true;
    }
    span_case_t sc;
    if (rule == TG_CASE_CAP) {
        /* Every word capitalised in the alias is capitalised here. */
        if (!ascii_word_caps(text + start, end - start, &sc.word_caps)) {
            span_case(text + start, end - start, &sc);
        }
        return (sc.word_caps & sig->bits) == sig->bits;
    }
    if (!ascii_letter_case(text + start, end - start, &sc)) {
        span_case(text + start, end - start, &sc);
    }
    unsigned n = sc.n_cased < 64 ? sc.n_cased : 64;
    if (n == sig->n && sc.letter_up == sig->bits) {
        return true;
    }
    /* "TURKEY" for "Turkey" in an all-caps headline. */
    return sig->has_lower && !sc.has_lower && sc.n_cased > 0 &&
           tg_case_allcaps_context(text, len, start, end);
}
