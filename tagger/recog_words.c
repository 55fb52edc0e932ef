/*
 * recog_words.c - the recognizer's words (recognize.c, step 1): what a
 * code point is, cutting a line into words, the kind of a line (all caps,
 * title case, running text) from its words' letters, hashing the words
 * the features need, and the word memo that remembers them across texts.
 *
 * A line is cut at white space; punctuation at either end of a chunk is a
 * word of its own ("(", ",", ":"), except the period of an abbreviation
 * ("U.S.", "J.", "Mr."); a possessive "'s" is split off (and "'S" after a
 * capital: "FED'S").  This reproduces
 * the tokens of CoNLL-2003, on which the model learned.
 *
 * The recognizer's code is in three files; the calls between them cost
 * about 2% more instructions than one file did (callgrind, 2000 Reuters
 * records: 488M against 476M), the price of files small enough to read.
 *
 * Only what the candidates need is cut (tg_recog_cut_line()).  A
 * candidate is a capitalised word or one or two connectors between two,
 * and its features read two words either side, the line's start and the
 * word before (a sentence start); so a line is cut only in windows: from two
 * chunks (runs of non-white space, each one word or more) before a chunk
 * with a byte A-Z or beyond ASCII to two chunks after the last such chunk
 * that follows within that distance.  Cutting from any white space gives
 * the words the whole line gives there, so a window's words are the
 * line's, and its edges are the line's own or two words from any
 * candidate.  The rules that read every word of a line (its kind, the
 * title-case test of recog_headline.c tg_recog_headline(), a byline) are
 * kept by cutting the whole line when words were left out and none of
 * those cut proves it running text (proves_running_text(): "said",
 * "company").  A line with no capital is not cut at all.  On the first 2000 Reuters
 * records the windows hold half the words (148k of 292k; the whole line
 * is cut again for 1.2k of 10.4k lines with gaps), and nearly all of
 * them are near a candidate (140k).  Cutting costs 26M instructions with
 * the search for capitals, against 28.4M + 3M for whole lines, and all
 * that reads a line's words reads half as many (tg_recog_tag_line 59M
 * from 67M).  (An earlier try, with physical lines and gaps found word by
 * word, cost +6M.)
 *
 * Cost.  Capitals are found eight bytes at a time (next_capital()); a
 * window's words go to a word array grown once per line: a chunk's end is
 * found 16 bytes at a time with SSE2 (plain_end()), and the chunks that
 * are a word as they stand are cut inline, those of a word and one mark
 * ("said,", "Reuters.") without the general cutting.  The kind of a line
 * is known at its first long lower-case word, looked for before any
 * letters are counted (eight bytes at a time).  Only the words near a
 * candidate are hashed (an ASCII fast path again), each once
 * (name_model.h: tg_names_mix), with its first-name lookup - or not at
 * all: a memo kept in the scratch across texts holds, by a word's bytes,
 * its hashes, first-name flag and the sum of the weights of its first
 * five features (on Reuters, with 8192 entries, 82% of the words near a
 * candidate were found there, and 77% of the candidates skipped five
 * lookups; an entry is one aligned cache line, sum included: the memo's
 * LL misses went from 98k to 56k on 2000 Reuters records, cachegrind
 * with an LL of 512 KB).  The words near the candidates of a whole text
 * are known in one call (tg_recog_know_words()): their memo entries are
 * fetched, then read, then the first-name table is asked of the rest, so
 * that the misses overlap; a word hashed there keeps its affixes' hashes
 * for the candidate's sum.  On the 2000 Reuters records (callgrind) knowing the
 * words costs 19.5M instructions (27M before the memo), the line kinds
 * 4.3M (11.5M before counting eight bytes at a time); the recognizer's
 * pass 133M (148M before cutting only windows), 351M in all.
 */
#define _POSIX_C_SOURCE 200809L /* posix_memalign */

#include "recog_internal.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* ------------------------------------------------------------------------ */
/* Characters                                                                */

/* Decodes the code point at @p i; returns its length (1 for a bad byte,
 * with *cp < 0). */
size_t tg_recog_cp_at(const char *text, size_t len, size_t i, int32_t *cp)
{
    unsigned char c = (unsigned char)text[i];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    return tg_utf8_decode((const unsigned char *)text + i, len - i, cp);
}

static bool is_space(int32_t cp)
{
    if (cp < 0) {
        return true; /* invalid bytes separate words, as in the scan */
    }
    if (cp < 0x80) {
        /* Control characters too (NUL above all): as in the scan, they
         * separate words, or a name could span "P\0aris" and its mention
         * text, a C string, would stop at the NUL. */
        return cp <= ' ' || cp == 0x7F;
    }
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

/* Whether the code point at @p i is white space (is_space()); its length
 * goes to @p *k.  ASCII, most of the text, is tested without decoding. */
static bool space_at(const char *text, size_t len, size_t i, size_t *k)
{
    unsigned char c = (unsigned char)text[i];
    if (c < 0x80) {
        *k = 1;
        return c <= ' ' || c == 0x7F;
    }
    int32_t cp;
    *k = tg_recog_cp_at(text, len, i, &cp);
    return is_space(cp);
}

static bool is_alnum_beyond_ascii(int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

/* ASCII first: it is asked of every chunk's ends (the compiler inlines it
 * in this file; recog_headline.c calls it). */
bool tg_recog_is_alnum(int32_t cp)
{
    if (cp < 0x80) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
    return is_alnum_beyond_ascii(cp);
}

static bool is_upper(int32_t cp)
{
    if (cp < 0x80) {
        return cp >= 'A' && cp <= 'Z';
    }
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

/* Shape symbol of a code point: X upper, x other letter, d digit, else the
 * character itself (written to @p out; returns its length). */
static size_t shape_of(int32_t cp, char *out)
{
    if (cp < 0) {
        cp = 0xFFFD;
    }
    if (cp < 0x80) {
        out[0] = (cp >= 'A' && cp <= 'Z')   ? 'X'
                 : (cp >= 'a' && cp <= 'z') ? 'x'
                 : (cp >= '0' && cp <= '9') ? 'd'
                                            : (char)cp;
        return 1;
    }
    utf8proc_category_t c = utf8proc_category(cp);
    if (c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT) {
        out[0] = 'X';
    } else if (c >= UTF8PROC_CATEGORY_LL && c <= UTF8PROC_CATEGORY_LO) {
        out[0] = 'x';
    } else if (c == UTF8PROC_CATEGORY_ND) {
        out[0] = 'd';
    } else {
        return tg_utf8_encode(cp, out);
    }
    return 1;
}

/* ------------------------------------------------------------------------ */
/* Words                                                                     */

/* Whether word [a, b) is an amount in a dollar of one or two letters,
 * "A$2.6bn", "US$40", "HK$1": no name. */
static bool dollar_amount(const char *text, size_t a, size_t b)
{
    for (size_t k = a + 1; k < a + 3 && k + 1 < b; k++) {
        if (text[k] == '$') {
            return text[k + 1] >= '0' && text[k + 1] <= '9';
        }
    }
    return false;
}

/* Appends word [a, b): whether it is capitalised.  What the features need
 * of it comes later, for the words near a candidate (tg_recog_hash_word()).
 * The caller has made room (tg_recog_split_line(): a line of n bytes has at
 * most n words). */
static inline void add_word(tg_recog_t *r, const char *text, size_t len, size_t a, size_t b)
{
    unsigned char c = (unsigned char)text[a];
    bool cap;
    if (c < 0x80) {
        cap = c >= 'A' && c <= 'Z';
    } else {
        int32_t cp;
        tg_recog_cp_at(text, len, a, &cp);
        cap = is_upper(cp);
    }
    /* "al-Assad", "el-Sisi" */
    cap = cap || ((c == 'a' || c == 'e') && b - a > 3 && text[a + 1] == 'l' &&
                  text[a + 2] == '-' && is_upper((unsigned char)text[a + 3]));
    cap = cap && !dollar_amount(text, a, b);
    r->words[r->n_words++] = (word_t){.start = (uint32_t)a, .end = (uint32_t)b, .cap = cap};
}

static inline bool memo_bytes(const char *text, size_t len, const word_t *w,
                       uint64_t out[MEMO_BYTES / 8]);

/* The bytes of @p x (ASCII, zero-padded) that are letters, each as its top
 * bit: with no byte above 0x7F, adding 0x80 - c0 sets the top bit of a byte
 * >= c0, and no sum carries into the next byte. */
static uint64_t ascii_range(uint64_t x, unsigned char lo, unsigned char hi)
{
    const uint64_t ones = 0x0101010101010101ull, top = 0x8080808080808080ull;
    return (x + ones * (0x80 - lo)) & ~(x + ones * (0x7F - hi)) & top;
}

/* The number of bytes of @p x whose top bit is set (and no other bit). */
static unsigned count_tops(uint64_t x)
{
    return (unsigned)(((x >> 7) * 0x0101010101010101ull) >> 56);
}

/* Counts the letters of word @p w and notes a lower-case one; done once,
 * only for the words tg_recog_line_kind() looks at.  A short ASCII word,
 * most, eight bytes at a time (memo_bytes() loads them). */
static void count_letters(const char *text, size_t len, word_t *w)
{
    if (w->counted) {
        return;
    }
    size_t letters = 0;
    uint64_t b[MEMO_BYTES / 8];
    if (memo_bytes(text, len, w, b)) {
        uint64_t lower0 = ascii_range(b[0], 'a', 'z'), lower1 = ascii_range(b[1], 'a', 'z');
        letters = count_tops(lower0 | ascii_range(b[0], 'A', 'Z')) +
                  count_tops(lower1 | ascii_range(b[1], 'A', 'Z'));
        w->has_lower = (lower0 | lower1) != 0;
        w->letters = (uint8_t)letters;
        w->counted = 1;
        return;
    }
    for (size_t i = w->start; i < w->end;) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x80) {
            bool lower = c >= 'a' && c <= 'z';
            letters += lower || (c >= 'A' && c <= 'Z');
            w->has_lower |= lower;
            i++;
            continue;
        }
        int32_t cp;
        i += tg_recog_cp_at(text, w->end, i, &cp);
        utf8proc_category_t cat = cp < 0 ? UTF8PROC_CATEGORY_CN : utf8proc_category(cp);
        letters += cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
        w->has_lower |= cat == UTF8PROC_CATEGORY_LL;
    }
    w->letters = (uint8_t)(letters > 255 ? 255 : letters);
    w->counted = 1;
}

static bool is_ascii_lower(unsigned char c)
{
    return c >= 'a' && c <= 'z';
}

/* scripts/train-names line_kind().  Running text is known at its first
 * long lower-case word, so most lines are decided after a few words: such
 * a word is looked for first, without counting letters (any word of a
 * line that passes either test below makes it 'N'). */
char tg_recog_line_kind(const line_t *ln)
{
    for (size_t i = 0; i < ln->n; i++) {
        const word_t *w = &ln->w[i];
        const unsigned char *t = (const unsigned char *)ln->text + w->start;
        if (!w->cap && w->end - w->start >= 4 && is_ascii_lower(t[0]) && is_ascii_lower(t[1]) &&
            is_ascii_lower(t[2]) && is_ascii_lower(t[3])) {
            return 'N'; /* the test below, most often true, without counting */
        }
    }
    size_t lettered = 0, long_words = 0, long_caps = 0;
    bool lower = false;
    for (size_t i = 0; i < ln->n; i++) {
        count_letters(ln->text, ln->len, &ln->w[i]);
        if (ln->w[i].letters >= 4 && ln->w[i].has_lower && !ln->w[i].cap) {
            return 'N'; /* lower case, so not 'C'; a long word not capitalised */
        }
        if (ln->w[i].letters >= 2) {
            lettered++;
            lower |= ln->w[i].has_lower;
        }
        if (ln->w[i].letters >= 4) {
            long_words++;
            long_caps += ln->w[i].cap;
        }
    }
    if (lettered >= 2 && !lower) {
        return 'C';
    }
    return long_words >= 3 && long_caps == long_words ? 'T' : 'N';
}

/* Lower-case form of the code point at @p i (its bytes in @p low): its
 * length in the input. */
static size_t lower_at(const char *text, size_t len, size_t i, char *low, size_t *n_low,
                       int32_t *cp)
{
    unsigned char c = (unsigned char)text[i];
    if (c < 0x80) {
        *cp = c;
        low[0] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
        *n_low = 1;
        return 1;
    }
    size_t k = tg_recog_cp_at(text, len, i, cp);
    *n_low = tg_utf8_encode(*cp < 0 ? 0xFFFD : utf8proc_tolower(*cp), low);
    return k;
}

/* The hash of word @p w in lower case without diacritics: each code point
 * case-folded and decomposed, its combining marks left off ("José" as
 * "jose", "Jürgen" as "jurgen"), as the first-name list is written (and
 * the CoNLL-2003 text the model learned from, all ASCII). */
static uint64_t fold_hash(const char *text, size_t len, const word_t *w)
{
    uint64_t h = TG_NAMES_HASH_INIT;
    for (size_t i = w->start; i < w->end;) {
        int32_t cp, parts[4];
        i += tg_recog_cp_at(text, len, i, &cp);
        utf8proc_ssize_t n = utf8proc_decompose_char(
            cp < 0 ? 0xFFFD : cp, parts, 4,
            UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK, NULL);
        if (n < 1 || n > 4) {
            parts[0] = cp < 0 ? 0xFFFD : (int32_t)utf8proc_tolower(cp);
            n = 1;
        }
        for (utf8proc_ssize_t k = 0; k < n; k++) {
            char bytes[4];
            h = tg_names_hash(h, bytes, tg_utf8_encode(parts[k], bytes));
        }
    }
    return h;
}

/* tg_recog_hash_word() of a word all ASCII, one byte per code point, without
 * decoding: most words.  Returns false, having set nothing, at a byte
 * beyond ASCII. */
static bool hash_ascii_word(const char *text, const word_t *w, word_hashes_t *out)
{
    uint64_t h = TG_NAMES_HASH_INIT, hs = TG_NAMES_HASH_INIT, p3 = 0;
    char last = 0; /* last shape symbol */
    for (size_t i = w->start; i < w->end; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c >= 0x80) {
            return false;
        }
        bool upper = c >= 'A' && c <= 'Z';
        char low = (char)(upper ? c + 32 : c);
        char sym = upper ? 'X' : (c >= 'a' && c <= 'z') ? 'x' : (c >= '0' && c <= '9') ? 'd'
                                                                                  : (char)c;
        h = tg_names_hash(h, &low, 1);
        if (sym != last) {
            hs = tg_names_hash(hs, &sym, 1);
            last = sym;
        }
        if (i - w->start == 2) {
            p3 = h;
        }
    }
    size_t n = w->end - w->start;
    uint64_t h3 = TG_NAMES_HASH_INIT;
    for (size_t i = n < 3 ? w->start : w->end - 3; i < w->end; i++) {
        unsigned char c = (unsigned char)text[i];
        char low = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
        h3 = tg_names_hash(h3, &low, 1);
    }
    out->low = out->fold = h;
    out->p3 = n < 3 ? h : p3;
    out->shape = hs;
    out->s3 = h3;
    return true;
}

/* What the features need of word @p w, in one pass over its bytes: hashes
 * of its lower-case form, its shape (runs of the same symbol collapsed,
 * scripts/train-names shape()) and its first and last three code points. */
void tg_recog_hash_word(const char *text, size_t len, const word_t *w, word_hashes_t *out)
{
    if (hash_ascii_word(text, w, out)) {
        return;
    }
    uint64_t h = TG_NAMES_HASH_INIT, hs = TG_NAMES_HASH_INIT;
    size_t tail[3] = {w->start, w->start, w->start}, n_cp = 0; /* last 3 code points */
    char last = 0; /* last shape symbol, when one byte */
    for (size_t i = w->start; i < w->end;) {
        char low[4], sym[4];
        size_t n_low, n_sym;
        int32_t cp;
        tail[n_cp % 3] = i;
        i += lower_at(text, len, i, low, &n_low, &cp);
        n_sym = shape_of(cp, sym);
        h = tg_names_hash(h, low, n_low);
        if (n_sym > 1 || sym[0] != last) {
            hs = tg_names_hash(hs, sym, n_sym);
            last = n_sym > 1 ? 0 : sym[0];
        }
        if (++n_cp == 3) {
            out->p3 = h;
        }
    }
    out->low = h;
    out->fold = fold_hash(text, len, w);
    out->p3 = n_cp < 3 ? h : out->p3;
    out->shape = hs;
    uint64_t h3 = TG_NAMES_HASH_INIT;
    for (size_t i = n_cp < 3 ? w->start : tail[n_cp % 3]; i < w->end;) {
        char low[4];
        size_t n_low;
        int32_t cp;
        i += lower_at(text, len, i, low, &n_low, &cp);
        h3 = tg_names_hash(h3, low, n_low);
    }
    out->s3 = h3;
}

/* ------------------------------------------------------------------------ */
/* The word memo (its entries: recog_internal.h)                             */

/* The word's bytes zero-padded in @p out, if it can be memoised: ASCII
 * and shorter than MEMO_BYTES.  A word has no NUL (it separates words), so
 * all zero is no word. */
static inline bool memo_bytes(const char *text, size_t len, const word_t *w,
                       uint64_t out[MEMO_BYTES / 8])
{
    size_t n = w->end - w->start;
    if (n >= MEMO_BYTES) {
        return false;
    }
#ifdef __SSE2__
    if (w->start + MEMO_BYTES <= len) {
        /* One load, the bytes after the word masked off: the mask's
         * first n bytes are 0xFF (MEMO_BYTES is one SSE2 block). */
        static const unsigned char keep[2 * MEMO_BYTES] = {
            0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
            0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(text + w->start));
        __m128i mask = _mm_loadu_si128((const __m128i *)(const void *)(keep + MEMO_BYTES - n));
        v = _mm_and_si128(v, mask);
        _mm_storeu_si128((__m128i *)(void *)out, v);
        return _mm_movemask_epi8(v) == 0;
    }
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (w->start + MEMO_BYTES <= len) {
        /* Two loads of a fixed size, and the bytes after the word masked
         * off (the first in memory are the low ones). */
        memcpy(out, text + w->start, MEMO_BYTES);
        out[0] &= n >= 8 ? ~0ull : (1ull << (8 * n)) - 1;
        out[1] &= n <= 8 ? 0 : (1ull << (8 * (n - 8))) - 1;
        return ((out[0] | out[1]) & 0x8080808080808080ull) == 0;
    }
#else
    (void)len;
#endif
    unsigned char *o = (unsigned char *)out;
    memset(out, 0, MEMO_BYTES);
    for (size_t k = 0; k < n; k++) {
        o[k] = (unsigned char)text[w->start + k];
    }
    return ((out[0] | out[1]) & 0x8080808080808080ull) == 0;
}

#ifdef __SSE2__
typedef char memo_is_one_sse2_block[MEMO_BYTES == 16 ? 1 : -1];
#endif
typedef char memo_entry_is_a_line[sizeof(struct word_memo) == 64 ? 1 : -1];

/* The memo, zeroed and 64-byte aligned, comes from calloc, not from
 * posix_memalign and memset: a block this large is fresh from the system,
 * zero already, and its pages are touched only as words fill the memo.
 * The memset touched all 256 pages of the 1 MiB at a process's first text,
 * half the page faults of tagging an empty input (`tagger - </dev/null`:
 * 551 faults before, 295 after).  The block's own address is kept in the
 * bytes just before the aligned memo, for tg_recog_memo_free(). */
struct word_memo *tg_recog_memo_new(void)
{
    size_t size = MEMO_ENTRIES * sizeof(struct word_memo);
    unsigned char *block = calloc(1, size + 64 + sizeof(void *));
    if (!block) {
        return NULL;
    }
    uintptr_t after = (uintptr_t)(block + sizeof(void *));
    unsigned char *memo = block + sizeof(void *) + (64 - after % 64) % 64;
    memcpy(memo - sizeof(void *), &block, sizeof block);
    return (struct word_memo *)(void *)memo;
}

void tg_recog_memo_free(struct word_memo *memo)
{
    if (memo) {
        void *block;
        memcpy(&block, (unsigned char *)memo - sizeof(void *), sizeof block);
        free(block);
    }
}

static size_t memo_index(const uint64_t b[MEMO_BYTES / 8])
{
    uint64_t h = (b[0] * 0x9e3779b97f4a7c15ull) ^ (b[1] * 0xc2b2ae3d27d4eb4full);
    return (size_t)(h >> 40) & (MEMO_ENTRIES - 1);
}

/* Hashes word @p w (tg_recog_hash_word()) and finds whether it is a first
 * name, from its memo entry @p e when that holds the word (@p b, its bytes:
 * memo_bytes()).  Otherwise the first-name table is asked later
 * (settle_first()): w->first is FIRST_ASK meanwhile, and the table's slot
 * is fetched. */
enum { FIRST_ASK = 2 };

static void know_word(tg_recog_t *r, const tg_names_t *m, const char *text, size_t len,
                      word_t *w, struct word_memo *e, const uint64_t b[MEMO_BYTES / 8])
{
    w->memo = e ? (uint32_t)(e - r->memo) + 1 : 0;
    if (e) {
        uint64_t tail = e->bytes[1];
        ((unsigned char *)&tail)[7] = 0; /* the flags */
        if (e->bytes[0] == b[0] && tail == b[1]) {
            unsigned char flags = *tg_recog_memo_flags(e);
            w->h_low = e->h_low, w->h_shape = e->h_shape;
            /* MEMO_ASK: made by a word before in this line, not settled yet */
            w->first = flags & MEMO_ASK ? FIRST_ASK : (flags & MEMO_FIRST) != 0;
            return;
        }
    }
    word_hashes_t h;
    tg_recog_hash_word(text, len, w, &h);
    w->h_low = h.low, w->h_shape = h.shape;
    w->p3 = h.p3, w->s3 = h.s3; /* a candidate's sum needs them: not hashed again */
    w->affixed = 1;
    if (h.fold != h.low) {
        w->first = tg_names_first(m, h.fold); /* beyond ASCII: never memoised */
        return;
    }
    w->first = FIRST_ASK;
    tg_names_prefetch_first(m, w->h_low);
    if (e) {
        memcpy(e->bytes, b, sizeof e->bytes);
        e->h_low = w->h_low, e->h_shape = w->h_shape;
        *tg_recog_memo_flags(e) = MEMO_ASK;
    }
}

/* Asks the first-name table what know_word() left to ask, and tells the
 * memo. */
static void settle_first(tg_recog_t *r, const tg_names_t *m, word_t *w)
{
    if (w->first != FIRST_ASK) {
        return;
    }
    w->first = tg_names_first(m, w->h_low);
    struct word_memo *e = tg_recog_memo_of(r, w);
    if (e && (*tg_recog_memo_flags(e) & MEMO_ASK)) {
        *tg_recog_memo_flags(e) = w->first ? MEMO_FIRST : 0;
    }
}

/* A word's bytes and memo entry, between the passes of
 * tg_recog_know_words(). */
struct memo_key {
    uint64_t bytes[MEMO_BYTES / 8];
    struct word_memo *entry; /* NULL: not memoised */
};

int tg_recog_know_words(tg_recog_t *r, const tg_names_t *m, const char *text, size_t len,
                        word_t *w, const uint32_t *near, size_t n_near)
{
    if (tg_grow((void **)&r->memo_keys, &r->cap_memo_keys, n_near, sizeof *r->memo_keys)) {
        return TAGGER_ERR_NOMEM;
    }
    struct memo_key *key = r->memo_keys;
    /* The entries fetched first, then read, then the first-name table
     * asked of the words not found there: each pass's misses overlap.
     * The memo is 1 MB, out of the cache again after a text's
     * other passes. */
    for (size_t k = 0; k < n_near; k++) {
        const word_t *x = &w[near[k]];
        key[k].entry = NULL;
        if (r->memo && memo_bytes(text, len, x, key[k].bytes)) {
            size_t i = memo_index(key[k].bytes);
            key[k].entry = &r->memo[i];
#ifdef __GNUC__
            __builtin_prefetch(&r->memo[i]); /* one line, with its sum */
#endif
        }
    }
    for (size_t k = 0; k < n_near; k++) {
        know_word(r, m, text, len, &w[near[k]], key[k].entry, key[k].bytes);
    }
    for (size_t k = 0; k < n_near; k++) {
        settle_first(r, m, &w[near[k]]);
    }
    return TAGGER_OK;
}

/* ------------------------------------------------------------------------ */
/* Cutting lines into words                                                  */

/* Whether the period ending [a, end) belongs to the word: "U.S.", "J.",
 * "Mr.", "Ph.D.".  After a longer last part, as in a web address
 * ("TomDispatch.com."), it ends the sentence. */
static bool keeps_period(const word_sets_t *sets, const char *text, size_t len, size_t a,
                         size_t end)
{
    size_t core = end - 1, dot = core;
    while (dot > a && text[dot - 1] != '.') {
        dot--;
    }
    if (dot > a) {
        return core - dot <= 2; /* the letters after the last inner period */
    }
    int32_t cp;
    if (core > a && a + tg_recog_cp_at(text, len, a, &cp) == core && tg_recog_is_alnum(cp)) {
        return true; /* a single letter: an initial */
    }
    return tg_recog_in_set(&sets->abbreviations, text + a, core - a);
}

/* Whether the last byte of a word ending at @p end, after an apostrophe
 * of @p apostrophe_len bytes and at least one byte more, is its
 * possessive's "s": "'s", or "'S" after a capital ("FED'S", "TREASURY'S"
 * in a headline). */
static bool possessive_s(const char *text, size_t end, size_t apostrophe_len)
{
    char c = text[end - 1];
    if (c != 'S') {
        return c == 's';
    }
    char before = text[end - 2 - apostrophe_len];
    return before >= 'A' && before <= 'Z';
}

/* Length of a possessive "'s" or "’s" ending [a, end) after a letter or
 * digit, or 0. */
static size_t possessive_len(const char *text, size_t a, size_t end)
{
    if (end - a >= 3 && text[end - 2] == '\'' && possessive_s(text, end, 1)) {
        return 2;
    }
    if (end - a >= 5 && memcmp(text + end - 4, "\xE2\x80\x99", 3) == 0 &&
        possessive_s(text, end, 3)) {
        return 4;
    }
    return 0;
}

/* Whether chunk [a, e) is one word as it stands: ASCII letters or digits
 * at both ends and no possessive "'s" (or "’s") to split off. */
static inline bool whole_word(const char *text, size_t a, size_t e)
{
    unsigned char last = (unsigned char)text[e - 1];
    return tg_trie_ascii_alnum((unsigned char)text[a]) && tg_trie_ascii_alnum(last) &&
           ((last != 's' && last != 'S') || e - a < 2 ||
            tg_trie_ascii_alnum((unsigned char)text[e - 2]));
}

/* Cuts chunk [a, b) that is not one word as it stands (split_chunk()). */
static void split_marks(tg_recog_t *r, const char *text, size_t len, size_t a, size_t b)
{
    int32_t cp;
    unsigned char last = (unsigned char)text[b - 1];
    if (last < 0x80 && !tg_trie_ascii_alnum(last) && b - a >= 2 && whole_word(text, a, b - 1)) {
        /* "said,", "Reuters.": one mark after a word, its own word but
         * for the period of an abbreviation */
        if (last == '.' && keeps_period(&r->fx.sets, text, len, a, b)) {
            add_word(r, text, len, a, b);
        } else {
            add_word(r, text, len, a, b - 1);
            add_word(r, text, len, b - 1, b);
        }
        return;
    }
    if (tg_recog_in_set(&r->fx.sets.possessives, text + a, b - a)) {
        add_word(r, text, len, a, b); /* a lone "'s" or "’s" */
        return;
    }
    while (a < b) {
        size_t k = tg_recog_cp_at(text, len, a, &cp);
        if (tg_recog_is_alnum(cp)) {
            break;
        }
        add_word(r, text, len, a, a + k);
        a += k;
    }
    size_t tail[8], n_tail = 0, end = b;
    while (end > a && n_tail < 8) {
        size_t k = 1;
        while (k < end - a && k < 4 && ((unsigned char)text[end - k] & 0xC0) == 0x80) {
            k++;
        }
        tg_recog_cp_at(text, len, end - k, &cp);
        if (tg_recog_is_alnum(cp) || (cp == '.' && keeps_period(&r->fx.sets, text, len, a, end))) {
            break;
        }
        tail[n_tail++] = end - k;
        end -= k;
    }
    size_t poss = end > a ? possessive_len(text, a, end) : 0;
    if (end - poss > a) {
        add_word(r, text, len, a, end - poss);
    }
    if (poss) {
        add_word(r, text, len, end - poss, end);
    }
    size_t next = end;
    for (size_t t = n_tail; t-- > 0;) {
        size_t stop = t > 0 ? tail[t - 1] : b;
        add_word(r, text, len, next, stop);
        next = stop;
    }
}

/* The first byte of [i, b) that is A-Z (a capital, or the one after
 * "al-") or beyond ASCII (a capital beyond ASCII), or b: a capitalised
 * word holds one. */
static size_t next_capital(const char *text, size_t i, size_t b)
{
    /* Eight bytes at a time: a byte >= 0x80 has its top bit; with none,
     * adding 0x3F sets the top bit of a byte >= 'A', adding 0x25 that of
     * a byte > 'Z', and no sum carries into the next byte. */
    for (; i + 8 <= b; i += 8) {
        uint64_t x;
        memcpy(&x, text + i, 8);
        const uint64_t top = 0x8080808080808080ull;
        uint64_t found = (x & top) |
                         ((x + 0x3F3F3F3F3F3F3F3Full) & ~(x + 0x2525252525252525ull) & top);
        if (found) {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            /* The first byte flagged is the one: a sum carries only into
             * the bytes after a byte >= 0x80, which is flagged itself. */
            return i + (size_t)__builtin_ctzll(found) / 8;
#else
            break; /* one of these eight */
#endif
        }
    }
    for (; i < b; i++) {
        unsigned char c = (unsigned char)text[i];
        if ((c >= 'A' && c <= 'Z') || c >= 0x80) {
            return i;
        }
    }
    return b;
}

/* Cuts one chunk (no white space) into words; inline, as most chunks are
 * one word, with nothing to split off. */
static inline void split_chunk(tg_recog_t *r, const char *text, size_t len, size_t a, size_t b)
{
    if (whole_word(text, a, b)) {
        add_word(r, text, len, a, b);
    } else {
        split_marks(r, text, len, a, b);
    }
}

/* The first byte of [j, b) that is not printable ASCII ('!' to '~': no
 * white space, no control, nothing beyond ASCII), or b.  With SSE2, 16
 * bytes at a time while they lie within the text (those after b are
 * read, then ignored): a word is one test instead of a branch per byte. */
static size_t plain_end(const char *text, size_t len, size_t j, size_t b)
{
#ifdef __SSE2__
    const __m128i before = _mm_set1_epi8(0x20), after = _mm_set1_epi8(0x7F);
    for (; j < b && j + 16 <= len; j += 16) {
        /* signed bytes: those >= 0x80 are negative, so not above 0x20 */
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(text + j));
        __m128i plain = _mm_and_si128(_mm_cmpgt_epi8(v, before), _mm_cmplt_epi8(v, after));
        unsigned other = ~(unsigned)_mm_movemask_epi8(plain) & 0xFFFFu;
        if (other) {
            size_t end = j + (size_t)__builtin_ctz(other);
            return end < b ? end : b;
        }
    }
    if (j >= b) {
        return b;
    }
#else
    (void)len;
#endif
    while (j < b && (unsigned char)(text[j] - 0x21) < 0x5E) {
        j++;
    }
    return j;
}

/* The start of the first chunk at or after @p i (white space skipped),
 * or b; the length of its first code point goes to @p k. */
static inline size_t skip_space(const char *text, size_t len, size_t i, size_t b, size_t *k)
{
    while (i < b) {
        unsigned char c = (unsigned char)text[i];
        *k = 1;
        if (c <= ' ' || c == 0x7F) {
            i++; /* white space and controls in ASCII, most of it */
        } else if (c >= 0x80 && space_at(text, len, i, k)) {
            i += *k;
        } else {
            break;
        }
    }
    return i;
}

/* The end of the chunk at @p i, whose first code point is @p k bytes: the
 * next white space, or b (or up to 3 bytes after b, inside a code point
 * cut by b). */
static inline size_t chunk_end(const char *text, size_t len, size_t i, size_t k, size_t b)
{
    size_t j = i + k;
    while (j < b) {
        j = plain_end(text, len, j, b);
        if (j == b) {
            break;
        }
        unsigned char c = (unsigned char)text[j];
        if (c <= ' ' || c == 0x7F || space_at(text, len, j, &k)) {
            break;
        }
        j += k; /* a code point beyond ASCII, not white space */
    }
    return j;
}

/* Makes room in r->words for the words of [a, b): words are disjoint and
 * not empty, at most one per byte (and a chunk ends at most 3 bytes after
 * b, inside a code point cut by b).  Returns 0 or TAGGER_ERR_NOMEM. */
static int room_for_words(tg_recog_t *r, size_t a, size_t b)
{
    return tg_grow((void **)&r->words, &r->cap_words, r->n_words + (b - a) + 4,
                   sizeof *r->words);
}

/* Cuts line [a, b) into words, appended to r->words.  Returns 0 or
 * TAGGER_ERR_NOMEM. */
int tg_recog_split_line(tg_recog_t *r, const char *text, size_t len, size_t a, size_t b)
{
    if (room_for_words(r, a, b)) {
        return TAGGER_ERR_NOMEM;
    }
    size_t k;
    for (size_t i = a; (i = skip_space(text, len, i, b, &k)) < b;) {
        size_t j = chunk_end(text, len, i, k, b);
        split_chunk(r, text, len, i, j);
        i = j;
    }
    return TAGGER_OK;
}

/* ------------------------------------------------------------------------ */
/* Cutting only what the candidates need                                     */

/* The chunks cut either side of a chunk with a capital: each holds one
 * word or more, and the features of a candidate read two words either
 * side (recog_tag.c word_keys()). */
enum { WINDOW_CHUNKS = 2 };

/* White space in ASCII: where a chunk ends for sure (spaces beyond ASCII
 * end chunks too, but are taken for capitals: next_capital()). */
static bool ascii_space(unsigned char c)
{
    return c <= ' ' || c == 0x7F;
}

/* The start of the chunk @p n chunks before the one holding byte @p i (a
 * chunk by ASCII white space), or @p a if that comes first. */
static size_t chunks_back(const char *text, size_t a, size_t i, int n)
{
    while (i > a && !ascii_space((unsigned char)text[i - 1])) {
        i--;
    }
    while (n-- > 0 && i > a) {
        while (i > a && ascii_space((unsigned char)text[i - 1])) {
            i--;
        }
        while (i > a && !ascii_space((unsigned char)text[i - 1])) {
            i--;
        }
    }
    return i;
}

/* Whether [i, e) holds anything but ASCII white space: a chunk left out. */
static bool holds_chunk(const char *text, size_t i, size_t e)
{
    while (i < e && ascii_space((unsigned char)text[i])) {
        i++;
    }
    return i < e;
}

/* Whether word @p w of a line proves the whole line running text, for the
 * rules that read every word of a line: a word not capitalised whose
 * first four bytes are lower-case ASCII letters makes the line's kind 'N'
 * (tg_recog_line_kind() returns at the first such word), and unless it is
 * one of headline_lower the line is no title-case headline
 * (recog_headline.c tg_recog_headline() returns false at it).  A byline
 * (recognize.c byline_spans()) is never cut in windows: its three or four
 * words are capitals or next to them. */
static bool proves_running_text(const tg_recog_t *r, const char *text, const word_t *w)
{
    const unsigned char *t = (const unsigned char *)text + w->start;
    return !w->cap && w->end - w->start >= 4 && is_ascii_lower(t[0]) && is_ascii_lower(t[1]) &&
           is_ascii_lower(t[2]) && is_ascii_lower(t[3]) &&
           !tg_recog_in_set(&r->fx.sets.headline_lower, (const char *)t, w->end - w->start);
}

/* Cuts the windows of line [a, b) that the candidates need (the design
 * comment at the top): from WINDOW_CHUNKS chunks before a chunk with a
 * capital to WINDOW_CHUNKS chunks after the last chunk with one that
 * follows within that distance.  The chunks before a window hold no
 * capital (next_capital() found the first after the window before), so
 * no word there is capitalised, and neither is a connector next to them
 * a candidate. */
int tg_recog_cut_line(tg_recog_t *r, const char *text, size_t len, size_t a, size_t b)
{
    size_t first = r->n_words, i = a, cap = next_capital(text, a, b);
    if (cap == b) {
        return TAGGER_OK; /* no capital: every word O, no words needed */
    }
    if (room_for_words(r, a, b)) {
        return TAGGER_ERR_NOMEM;
    }
    bool gap = false;
    while (cap < b && i < b) { /* i < b: a capital may be a space beyond ASCII */
        /* from i at most: the window before ends there */
        size_t from = chunks_back(text, i, cap, WINDOW_CHUNKS), k;
        gap |= holds_chunk(text, i, from);
        int after = 0; /* chunks cut since the last with a capital */
        for (i = from; after < WINDOW_CHUNKS && (i = skip_space(text, len, i, b, &k)) < b;) {
            size_t j = chunk_end(text, len, i, k, b);
            split_chunk(r, text, len, i, j);
            after++;
            if (cap < j) { /* a capital in it (or a space beyond ASCII before it) */
                after = 0;
                cap = next_capital(text, j, b);
            }
            i = j;
        }
        if (i > b) {
            i = b; /* the last chunk ended inside a code point cut by b */
        }
    }
    gap |= holds_chunk(text, i, b);
    if (!gap) {
        return TAGGER_OK; /* the whole line */
    }
    for (size_t w = first; w < r->n_words; w++) {
        if (proves_running_text(r, text, &r->words[w])) {
            return TAGGER_OK;
        }
    }
    r->n_words = first; /* the line-wide rules need every word */
    return tg_recog_split_line(r, text, len, a, b);
}
