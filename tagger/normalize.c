/*
 * normalize.c - text normalisation for matching, with an offset map.
 *
 * Gazetteer aliases and scanned texts go through the same function, so two
 * strings match exactly when their normalised bytes are equal.  Per input
 * code point:
 *
 *   - typographic apostrophes become ', dashes and hyphens become -;
 *   - runs of white space become one space, or one paragraph break (a
 *     TG_CLS_BREAK byte '\n') when the run holds two or more line breaks;
 *   - control characters and invalid UTF-8 bytes become a break: they
 *     separate words and no alias spans them;
 *   - everything else goes through utf8proc: compatibility decomposition,
 *     case folding, default-ignorable characters (soft hyphen, zero-width
 *     space) dropped; then diacritics are dropped.
 *
 * The key is NFKD-based, not NFKC: it is only ever compared with other keys,
 * and NFKD(a) == NFKD(b) exactly when NFKC(a) == NFKC(b), so nothing is lost
 * by not recomposing.  Hangul syllables are passed through as they are (they
 * have no case and no diacritics), which keeps Korean keys short.
 *
 * "Diacritics" are the combining marks (categories Mn, Mc, Me) found in the
 * Latin, Greek, Cyrillic, Hebrew and Arabic blocks and the generic combining
 * blocks (U+0300..U+08FF,
 * U+1AB0..U+1AFF, U+1DC0..U+1DFF, U+20D0..U+20FF, U+FE20..U+FE2F).  Marks of
 * Indic and South-East Asian scripts are vowel signs, part of the spelling,
 * and are kept.
 *
 * Offset map: src[k] is the input offset of the code point that produced
 * normalised byte k.  Dropped characters (marks, ignorables) belong to the
 * code point before them, so a match ending in "Co" of a decomposed "Côte"
 * still covers the accent: tg_norm_src_end() returns the next byte's source.
 *
 * Cost.  Plain ASCII never calls utf8proc: a byte loop does one table
 * look-up per byte (fold and class together, white space and control
 * characters included), with the output pointers and the pending run of
 * white space in locals and no capacity check (room for one output byte per
 * input byte is reserved up front).  With SSE2, blocks of 16 "plain" bytes
 * (printable ASCII and lone spaces or line breaks, most of running text)
 * are written with a few vector instructions; the byte loop takes any other
 * block.  About 6 instructions per input byte on Reuters, against 36 for a byte loop that
 * called a function per space run and checked capacity per byte; a block
 * tests each byte range (printable, letters, digits) with one add and one
 * signed compare, and writes its offsets unrolled (14.3M -> 12.2M
 * instructions for the normalisation of 2000 Reuters records).  Handing the
 * byte loop only the bytes up to what stopped a block, then trying blocks
 * again, cost as much as it saved: what stops blocks in Reuters is mostly
 * runs of white space, which the byte loop takes either way.  The three
 * arrays (text, class, source offset: 6 bytes written per byte) are what
 * the scan and the topic features read, so they are all kept.
 */
#include "normalize.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "tagger.h"

/* Code points one input code point may decompose to; utf8proc's longest
 * decomposition (U+FDFA) has 18. */
#define MAX_DECOMP 32
/* Bytes one input code point may produce. */
#define MAX_OUT (MAX_DECOMP * 4)

/* ------------------------------------------------------------------------ */
/* UTF-8                                                                     */

size_t tg_utf8_decode(const unsigned char *s, size_t len, int32_t *cp)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = (int32_t)c;
        return 1;
    }
    if (c >= 0xC2 && c < 0xE0) {
        if (len >= 2 && (s[1] & 0xC0) == 0x80) {
            *cp = (int32_t)(((c & 0x1F) << 6) | (s[1] & 0x3Fu));
            return 2;
        }
    } else if (c >= 0xE0 && c < 0xF0) {
        unsigned lo = (c == 0xE0) ? 0xA0 : 0x80; /* no overlongs */
        unsigned hi = (c == 0xED) ? 0x9F : 0xBF; /* no surrogates */
        if (len >= 3 && s[1] >= lo && s[1] <= hi && (s[2] & 0xC0) == 0x80) {
            *cp = (int32_t)(((c & 0x0F) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu));
            return 3;
        }
    } else if (c >= 0xF0 && c < 0xF5) {
        unsigned lo = (c == 0xF0) ? 0x90 : 0x80;
        unsigned hi = (c == 0xF4) ? 0x8F : 0xBF; /* nothing past U+10FFFF */
        if (len >= 4 && s[1] >= lo && s[1] <= hi && (s[2] & 0xC0) == 0x80 &&
            (s[3] & 0xC0) == 0x80) {
            *cp = (int32_t)(((c & 0x07) << 18) | ((s[1] & 0x3Fu) << 12) |
                            ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu));
            return 4;
        }
    }
    *cp = -1;
    return 1;
}

/* Counts 8 ASCII bytes at a time (a word with no high bit), and decodes
 * the rest, since an invalid byte counts as one code point of its own. */
size_t tg_utf8_count(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0, i = 0;
    while (i < len) {
        uint64_t word;
        if (len - i >= 8 && (memcpy(&word, p + i, 8), (word & 0x8080808080808080u) == 0)) {
            i += 8;
            n += 8;
            continue;
        }
        int32_t cp;
        i += (p[i] < 0x80) ? 1 : tg_utf8_decode(p + i, len - i, &cp);
        n++;
    }
    return n;
}

size_t tg_utf8_encode(int32_t cp, char *out)
{
    unsigned u = (unsigned)cp;
    if (u < 0x80) {
        out[0] = (char)u;
        return 1;
    }
    if (u < 0x800) {
        out[0] = (char)(0xC0 | (u >> 6));
        out[1] = (char)(0x80 | (u & 0x3F));
        return 2;
    }
    if (u < 0x10000) {
        out[0] = (char)(0xE0 | (u >> 12));
        out[1] = (char)(0x80 | ((u >> 6) & 0x3F));
        out[2] = (char)(0x80 | (u & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (u >> 18));
    out[1] = (char)(0x80 | ((u >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((u >> 6) & 0x3F));
    out[3] = (char)(0x80 | (u & 0x3F));
    return 4;
}

int tg_case_class(int32_t cp)
{
    if (cp < 0x80) {
        if (cp >= 'A' && cp <= 'Z') {
            return 'U';
        }
        return (cp >= 'a' && cp <= 'z') ? 'L' : 0;
    }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        return 'U';
    case UTF8PROC_CATEGORY_LL:
        return 'L';
    default:
        return 0;
    }
}

/* ------------------------------------------------------------------------ */
/* Classification                                                            */

/* What an input code point is before decomposition. */
enum { IN_OTHER, IN_SPACE, IN_NEWLINE, IN_PARAGRAPH, IN_BREAK, IN_APOSTROPHE, IN_DASH };

static int classify_input(int32_t cp)
{
    if (cp < 0x80) {
        if (cp == '\n') {
            return IN_NEWLINE;
        }
        if (cp == ' ' || cp == '\t' || cp == '\r' || cp == '\v') {
            return IN_SPACE;
        }
        if (cp == '\f') {
            return IN_PARAGRAPH;
        }
        return (cp < 0x20 || cp == 0x7F) ? IN_BREAK : IN_OTHER;
    }
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201B: case 0x02BC: case 0x2032: case 0xFF07:
        return IN_APOSTROPHE;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
        return IN_DASH;
    case 0x0085: case 0x2028:
        return IN_NEWLINE;
    case 0x2029:
        return IN_PARAGRAPH;
    default:
        break;
    }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ZS:
        return IN_SPACE;
    case UTF8PROC_CATEGORY_CC:
        return IN_BREAK;
    default:
        return IN_OTHER;
    }
}

/* A combining mark of the blocks whose marks are diacritics (see the top). */
static bool is_diacritic(int32_t cp)
{
    bool block = (cp >= 0x0300 && cp <= 0x08FF) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
                 (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
                 (cp >= 0xFE20 && cp <= 0xFE2F);
    if (!block) {
        return false;
    }
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_ME ||
           cat == UTF8PROC_CATEGORY_MC;
}

/* Scripts written without spaces between words. */
static bool is_glued_script(int32_t cp)
{
    return (cp >= 0x0E00 && cp <= 0x0EFF) ||   /* Thai, Lao */
           (cp >= 0x1000 && cp <= 0x109F) ||   /* Myanmar */
           (cp >= 0x1780 && cp <= 0x17FF) ||   /* Khmer */
           (cp >= 0x2E80 && cp <= 0x2FDF) ||   /* CJK radicals */
           (cp >= 0x3040 && cp <= 0x31FF) ||   /* kana, bopomofo */
           (cp >= 0x3400 && cp <= 0x4DBF) ||   /* CJK extension A */
           (cp >= 0x4E00 && cp <= 0x9FFF) ||   /* CJK unified */
           (cp >= 0xF900 && cp <= 0xFAFF) ||   /* CJK compatibility */
           (cp >= 0xFF66 && cp <= 0xFF9F) ||   /* half-width katakana */
           (cp >= 0x20000 && cp <= 0x3FFFF);   /* CJK extensions B.. */
}

static bool is_hangul(int32_t cp)
{
    return (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) ||
           (cp >= 0x3130 && cp <= 0x318F);
}

/* Class of a normalised, non-ASCII code point. */
static uint8_t class_of(int32_t cp)
{
    utf8proc_category_t cat = utf8proc_category(cp);
    bool word = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO);
    if (!word) {
        return TG_CLS_SEP;
    }
    if (is_hangul(cp)) {
        return TG_CLS_HANGUL;
    }
    return is_glued_script(cp) ? TG_CLS_GLUED : TG_CLS_WORD;
}

/* ------------------------------------------------------------------------ */
/* ASCII                                                                     */

/* What the fast path does with byte c: below A_SPACE, write ascii_folded[c]
 * with class byte_kind[c] (TG_CLS_SEP, TG_CLS_WORD, or TG_CLS_BREAK for a
 * control character, written as '\n'); A_SPACE to A_PARAGRAPH, add to a run
 * of white space that counts kind - A_SPACE line breaks; A_NOT_ASCII, leave
 * it to the slow path. */
enum { A_SPACE = 5, A_NEWLINE = 6, A_PARAGRAPH = 7, A_NOT_ASCII = 8 };

#define ASCII_ALNUM(c) \
    (((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z') || ((c) >= '0' && (c) <= '9'))
#define ASCII_KIND(c)                                                                 \
    ((c) == '\n'                                          ? A_NEWLINE                 \
     : ((c) == ' ' || (c) == '\t' || (c) == '\r' || (c) == '\v') ? A_SPACE          \
     : (c) == '\f'                                        ? A_PARAGRAPH               \
     : ((c) < 0x20 || (c) == 0x7F)                        ? TG_CLS_BREAK                \
     : ASCII_ALNUM(c)                                     ? TG_CLS_WORD               \
                                                          : TG_CLS_SEP)
#define ASCII_FOLD(c) \
    (ASCII_KIND(c) == TG_CLS_BREAK ? '\n' : ((c) >= 'A' && (c) <= 'Z') ? (c) + 32 : (c))
#define ROW(f, b)                                                                    \
    f(b), f(b + 1), f(b + 2), f(b + 3), f(b + 4), f(b + 5), f(b + 6), f(b + 7), f(b + 8), \
        f(b + 9), f(b + 10), f(b + 11), f(b + 12), f(b + 13), f(b + 14), f(b + 15)
#define ASCII_ROWS(f)                                                                 \
    ROW(f, 0x00), ROW(f, 0x10), ROW(f, 0x20), ROW(f, 0x30), ROW(f, 0x40), ROW(f, 0x50), \
        ROW(f, 0x60), ROW(f, 0x70)
#define NOT_ASCII(c) A_NOT_ASCII

static const uint8_t byte_kind[256] = {ASCII_ROWS(ASCII_KIND), ASCII_ROWS(NOT_ASCII)};
static const uint8_t ascii_folded[128] = {ASCII_ROWS(ASCII_FOLD)};

/* Hangul written as conjoining jamo (NFD, as some systems store it) is
 * composed into syllables, so it meets the syllables that keys and most
 * texts use.  @p cp was decoded from the @p k bytes at @p p; returns the
 * bytes consumed, with @p *cp the syllable when jamo were composed. */
static size_t compose_hangul(const unsigned char *p, size_t len, size_t k, int32_t *cp)
{
    enum { S_BASE = 0xAC00, L_BASE = 0x1100, V_BASE = 0x1161, T_BASE = 0x11A7 };
    int32_t next;
    size_t used = k;
    if (*cp >= L_BASE && *cp < L_BASE + 19 && used < len) {
        size_t n = tg_utf8_decode(p + used, len - used, &next);
        if (next < V_BASE || next >= V_BASE + 21) {
            return k;
        }
        *cp = S_BASE + ((*cp - L_BASE) * 21 + (next - V_BASE)) * 28;
        used += n;
    } else if (!(*cp >= S_BASE && *cp < S_BASE + 11172 && (*cp - S_BASE) % 28 == 0)) {
        return k; /* neither a leading jamo nor a syllable without a final */
    }
    if (used < len) {
        size_t n = tg_utf8_decode(p + used, len - used, &next);
        if (next > T_BASE && next < T_BASE + 28) {
            *cp += next - T_BASE;
            used += n;
        }
    }
    return used;
}

/* ------------------------------------------------------------------------ */
/* The normaliser                                                            */

typedef struct {
    tg_norm_t *n;
    bool in_space;       /* inside a run of white space not yet written */
    int newlines;        /* line breaks in that run */
    uint32_t space_src;  /* input offset where the run began */
} norm_state_t;

static int reserve(tg_norm_t *n, size_t extra)
{
    if (n->len + extra + 1 <= n->cap) {
        return TAGGER_OK;
    }
    size_t cap = n->cap ? n->cap : 256;
    while (cap < n->len + extra + 1) {
        cap += cap / 2;
    }
    char *t = realloc(n->text, cap);
    if (!t) {
        return TAGGER_ERR_NOMEM;
    }
    n->text = t;
    uint32_t *src = realloc(n->src, cap * sizeof *src);
    if (!src) {
        return TAGGER_ERR_NOMEM;
    }
    n->src = src;
    uint8_t *cls = realloc(n->cls, cap);
    if (!cls) {
        return TAGGER_ERR_NOMEM;
    }
    n->cls = cls;
    n->cap = cap;
    return TAGGER_OK;
}

static inline void put_byte(tg_norm_t *n, char b, uint32_t src, uint8_t cls)
{
    n->text[n->len] = b;
    n->src[n->len] = src;
    n->cls[n->len] = cls;
    n->len++;
}

static void put_cp(tg_norm_t *n, int32_t cp, uint32_t src, uint8_t cls)
{
    char buf[4];
    size_t k = tg_utf8_encode(cp, buf);
    put_byte(n, buf[0], src, cls);
    for (size_t i = 1; i < k; i++) {
        put_byte(n, buf[i], src, TG_CLS_CONT);
    }
}

/* Writes the pending run of white space, if any, as one byte. */
static void flush_space(norm_state_t *st)
{
    if (st->in_space) {
        if (st->newlines >= 2) {
            put_byte(st->n, '\n', st->space_src, TG_CLS_BREAK);
        } else {
            put_byte(st->n, ' ', st->space_src, TG_CLS_SEP);
        }
        st->in_space = false;
    }
}

static void add_space(norm_state_t *st, uint32_t src, int newlines)
{
    if (!st->in_space) {
        st->in_space = true;
        st->newlines = 0;
        st->space_src = src;
    }
    st->newlines += newlines;
}

/* Normalises one non-ASCII code point, or a break for an invalid byte. */
static void put_unicode(norm_state_t *st, int32_t cp, uint32_t src)
{
    tg_norm_t *n = st->n;
    switch (classify_input(cp)) {
    case IN_SPACE:
        add_space(st, src, 0);
        return;
    case IN_NEWLINE:
        add_space(st, src, 1);
        return;
    case IN_PARAGRAPH:
        add_space(st, src, 2);
        return;
    case IN_BREAK:
        flush_space(st);
        put_byte(n, '\n', src, TG_CLS_BREAK);
        return;
    case IN_APOSTROPHE:
        flush_space(st);
        put_byte(n, '\'', src, TG_CLS_SEP);
        return;
    case IN_DASH:
        flush_space(st);
        put_byte(n, '-', src, TG_CLS_SEP);
        return;
    default:
        break;
    }
    if (cp >= 0xAC00 && cp <= 0xD7A3) { /* Hangul syllable: already final */
        flush_space(st);
        put_cp(n, cp, src, TG_CLS_HANGUL);
        return;
    }
    utf8proc_int32_t out[MAX_DECOMP];
    utf8proc_ssize_t k = utf8proc_decompose_char(
        cp, out, MAX_DECOMP,
        UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE, NULL);
    if (k < 0 || k > MAX_DECOMP) {
        /* Not expected for a valid scalar value; keep the code point. */
        out[0] = cp;
        k = 1;
    }
    for (utf8proc_ssize_t i = 0; i < k; i++) {
        int32_t c = out[i];
        if (is_diacritic(c)) {
            continue;
        }
        if (c == ' ') { /* compatibility forms of spaces */
            add_space(st, src, 0);
            continue;
        }
        flush_space(st);
        if (c < 0x80) {
            /* Any other ASCII a decomposition gives is a letter, a digit or
             * punctuation. */
            uint8_t cls = byte_kind[c] == TG_CLS_WORD ? TG_CLS_WORD : TG_CLS_SEP;
            put_byte(n, (char)ascii_folded[c], src, cls);
        } else {
            put_cp(n, c, src, class_of(c));
        }
    }
}

/* Where put_ascii_run() writes, kept in locals while it runs. */
typedef struct {
    char *text;
    uint32_t *src;
    uint8_t *cls;
    size_t len;
} out_t;

static inline void out_byte(out_t *out, uint8_t b, uint32_t src, uint8_t cls)
{
    out->text[out->len] = (char)b;
    out->src[out->len] = src;
    out->cls[out->len] = cls;
    out->len++;
}

#ifdef __SSE2__
/* 0xFF in the bytes of @p v that lie in [lo, lo + n), n <= 128: shifted
 * down by lo + 128, they are the ones below n - 128 as signed bytes (one
 * add and one compare). */
static inline __m128i in_range(__m128i v, int lo, int n)
{
    return _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(-lo - 128))),
                          _mm_set1_epi8((char)(n - 128)));
}

/* The 16 bytes at @p p (input offset @p at), if they are "plain": printable
 * ASCII, and white space that does not touch other white space (a lone
 * space, tab or line break; not a form feed, a paragraph break).  Plain
 * bytes are written one for one: folded, with their own offsets, class
 * TG_CLS_WORD or TG_CLS_SEP, white space as ' ', which is what the byte loop
 * writes for them, in a few instructions for all 16.  @p next is the kind of
 * the byte after them (A_NOT_ASCII past the end): white space in the last
 * place is lone only when it is followed by a byte that is written.
 * Returns whether it wrote them. */
static inline bool put_plain_block(out_t *out, const unsigned char *p, uint32_t at,
                                   unsigned next)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    /* '\t', '\n', '\v', '\r': 9 to 13 but the form feed, 12. */
    __m128i control_space = _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\f')),
                                             in_range(v, '\t', 5));
    /* 0x20 to 0x7E; bytes from 0x80 are out of range. */
    __m128i printable = in_range(v, ' ', 0x7F - ' ');
    __m128i space = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), control_space);
    unsigned space_bits = (unsigned)_mm_movemask_epi8(space);
    if (_mm_movemask_epi8(_mm_or_si128(printable, control_space)) != 0xFFFF ||
        (space_bits & (space_bits >> 1)) != 0 || ((space_bits & 0x8000) && next >= A_SPACE)) {
        return false;
    }
    __m128i upper = in_range(v, 'A', 26);
    __m128i folded = _mm_or_si128(v, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
    __m128i alnum = _mm_or_si128(in_range(folded, 'a', 26), in_range(v, '0', 10));
    __m128i word = _mm_and_si128(alnum, _mm_set1_epi8(TG_CLS_WORD));
    __m128i bytes = _mm_or_si128(_mm_andnot_si128(control_space, folded),
                                 _mm_and_si128(control_space, _mm_set1_epi8(' ')));
    _mm_storeu_si128((__m128i *)(void *)(out->text + out->len), bytes);
    _mm_storeu_si128((__m128i *)(void *)(out->cls + out->len), word);
    __m128i offsets = _mm_add_epi32(_mm_set1_epi32((int)at), _mm_set_epi32(3, 2, 1, 0));
    __m128i four = _mm_set1_epi32(4);
    uint32_t *src = out->src + out->len;
    _mm_storeu_si128((__m128i *)(void *)src, offsets);
    offsets = _mm_add_epi32(offsets, four);
    _mm_storeu_si128((__m128i *)(void *)(src + 4), offsets);
    offsets = _mm_add_epi32(offsets, four);
    _mm_storeu_si128((__m128i *)(void *)(src + 8), offsets);
    offsets = _mm_add_epi32(offsets, four);
    _mm_storeu_si128((__m128i *)(void *)(src + 12), offsets);
    out->len += 16;
    return true;
}
#endif

/* Normalises the ASCII bytes of @p p from @p i on, up to the first byte
 * that is not ASCII or the end; returns where it stopped.  One table
 * look-up per byte; with SSE2, blocks of 16 plain bytes (most of running
 * text) at once, the byte loop taking the 16 bytes of a block that is not
 * plain.  The output arrays and the state of the space run are kept in
 * locals.  The caller has left room for one output byte per input byte. */
static size_t put_ascii_run(norm_state_t *st, const unsigned char *p, size_t i, size_t len)
{
    tg_norm_t *n = st->n;
    out_t out = {n->text, n->src, n->cls, n->len};
    bool in_space = st->in_space;
    int newlines = st->newlines;
    uint32_t space_src = st->space_src;
    while (i < len) {
        size_t stop = len;
#ifdef __SSE2__
        /* A pending run of white space is closed by a block that starts
         * with a byte that is written. */
        while (len - i >= 16 && (!in_space || byte_kind[p[i]] < A_SPACE)) {
            unsigned next = len - i > 16 ? byte_kind[p[i + 16]] : A_NOT_ASCII;
            size_t before = out.len;
            if (in_space) {
                out_byte(&out, newlines >= 2 ? '\n' : ' ', space_src,
                         newlines >= 2 ? TG_CLS_BREAK : TG_CLS_SEP);
            }
            if (!put_plain_block(&out, p + i, (uint32_t)i, next)) {
                out.len = before; /* the byte loop writes the run */
                break;
            }
            in_space = false;
            i += 16;
        }
        stop = len - i > 16 ? i + 16 : len;
#endif
        for (; i < stop; i++) {
            unsigned kind = byte_kind[p[i]];
            if (kind < A_SPACE) {
                if (in_space) { /* flush_space() */
                    bool paragraph = newlines >= 2;
                    out_byte(&out, paragraph ? '\n' : ' ', space_src,
                             paragraph ? TG_CLS_BREAK : TG_CLS_SEP);
                    in_space = false;
                }
                out_byte(&out, ascii_folded[p[i]], (uint32_t)i, (uint8_t)kind);
            } else if (kind == A_NOT_ASCII) {
                goto done;
            } else {
                if (!in_space) {
                    in_space = true;
                    newlines = 0;
                    space_src = (uint32_t)i;
                }
                newlines += (int)(kind - A_SPACE);
            }
        }
    }
done:
    n->len = out.len;
    st->in_space = in_space;
    st->newlines = newlines;
    st->space_src = space_src;
    return i;
}

int tg_norm_text(tg_norm_t *n, const char *text, size_t len)
{
    if (len > TG_NORM_MAX_INPUT) {
        return TAGGER_ERR_MISUSE;
    }
    n->len = 0;
    n->n_invalid = 0;
    n->first_invalid = 0;
    norm_state_t st = {n, false, 0, 0};
    const unsigned char *p = (const unsigned char *)text;
    size_t i = 0;
    /* Room, at every step, for one output byte per input byte left (an
     * ASCII byte writes at most one, counting the space run it closes), so
     * that the ASCII run checks nothing. */
    int rc = reserve(n, len + 16);
    while (rc == TAGGER_OK && i < len) {
        i = put_ascii_run(&st, p, i, len);
        if (i >= len) {
            break;
        }
        /* One code point writes at most MAX_OUT + 1 bytes. */
        if ((rc = reserve(n, MAX_OUT + 2 + (len - i))) != TAGGER_OK) {
            return rc;
        }
        int32_t cp;
        size_t k = tg_utf8_decode(p + i, len - i, &cp);
        if (cp < 0) {
            if (n->n_invalid++ == 0) {
                n->first_invalid = i;
            }
            flush_space(&st);
            put_byte(n, '\n', (uint32_t)i, TG_CLS_BREAK);
        } else {
            if ((cp >= 0x1100 && cp < 0x1113) || (cp >= 0xAC00 && cp <= 0xD7A3)) {
                k = compose_hangul(p + i, len - i, k, &cp);
            }
            put_unicode(&st, cp, (uint32_t)i);
        }
        i += k;
    }
    if (rc != TAGGER_OK || (rc = reserve(n, 2 + TG_NORM_PAD)) != TAGGER_OK) {
        return rc;
    }
    flush_space(&st);
    memset(n->text + n->len, 0, 1 + TG_NORM_PAD);
    n->src[n->len] = (uint32_t)len;
    n->cls[n->len] = TG_CLS_BREAK;
    return TAGGER_OK;
}

void tg_norm_free(tg_norm_t *n)
{
    free(n->text);
    free(n->src);
    free(n->cls);
    memset(n, 0, sizeof *n);
}

size_t tg_norm_src_end(const tg_norm_t *n, size_t k)
{
    uint32_t s = n->src[k];
    size_t j = k + 1;
    while (j < n->len && n->src[j] == s) {
        j++;
    }
    return n->src[j];
}
