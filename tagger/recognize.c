/*
 * recognize.c - names no gazetteer lists: "Peter Obi", "Mazhar Abbas", a
 * ministry, a football club.
 *
 * Runs after the gazetteer passes (scan, resolve, short names), so that a
 * gazetteer name always wins, and works line by line (layout.c's lines;
 * menu lines are skipped):
 *
 *  1. Words.  A line is cut at white space; punctuation at either end of a
 *     chunk is a word of its own ("(", ",", ":"), except the period of an
 *     abbreviation ("U.S.", "J.", "Mr."); a possessive "'s" is split off.
 *     This reproduces the tokens of CoNLL-2003, on which the model learned.
 *  2. Candidates.  Only capitalised words ("Obi", "al-Assad") and name
 *     connectors between two of them ("Bank of England", "van Gogh") are
 *     tagged; every other word is O without being scored.
 *  3. Tagging.  Greedily left to right, each candidate gets the best of
 *     O, B-/I-PER, ORG, LOC, MISC under the averaged perceptron of
 *     models/names.model (name_model.c), from the features of
 *     scripts/train-names's word_features() - this file and that function
 *     must compute the same strings.  They carry the cues: the word itself,
 *     its shape and affixes, the words around it ("President", "Mr",
 *     "minister", "coach" before; "Inc", "FC", "Party" in it; "in", "near"
 *     before places), the labels just given, whether it or a neighbour is a
 *     first name, sentence starts, and whether the line is all caps or
 *     title case.
 *  4. Rules on the spans.  A span that overlaps a gazetteer mention is
 *     dropped (the gazetteer takes precedence).  A leading title ("Mr",
 *     "Dr") makes it a PERSON and leaves the name; an organization head or
 *     suffix ("Ministry of ...", "... FC", "... Inc") makes it an ORG.  A
 *     one-word span may not be a common word (mostly written in lower case:
 *     "Yet", "the Executive") or a time zone ("EST").  In a title-case line
 *     ("Champion Show Dog Milo Dies Mysteriously") capitals say nothing: a
 *     span there must be a whole run of capitalised words with no common
 *     word, and it stands only if the same name is found outside such lines
 *     or it is a person opening with a first name ("Peter Obi: A Message of
 *     Hope").  A byline ("By Justice Nwafor": "By" and two or three
 *     capitalised words ending the line) is a person, a cue the model never
 *     saw in CoNLL.  A name never runs over anything but spaces.
 *  5. One name, one type: spans with the same words (case aside) are one
 *     entity, of the type most of them got (ties: the first).  A one-word
 *     span that is the first or last word of exactly one longer PERSON
 *     ("Obi" after "Peter Obi") joins that person as a short mention.
 *  6. Each entity's mentions go to s->recs with entity number
 *     tg->n_entities + i; annotate.c turns them into result entities with
 *     no id and source "recognized".
 *
 * Cost: linear in the text, and as little of it as possible.  A line with
 * no byte A-Z and none beyond ASCII has no capitalised word, so it is not
 * cut at all (a third of the lines of Reuters; the test takes eight bytes
 * at a time); other lines are cut with an ASCII fast path (one comparison
 * per byte inside a chunk), into a word array grown once per line.  Only
 * the words near a candidate are hashed (an ASCII fast path again), each
 * once (name_model.h: tg_names_mix), with its first-name lookup - or not
 * at all: a memo kept in the scratch across texts holds, by a word's
 * bytes, its hashes, first-name flag and the sum of the weights of its
 * first five features (know_word(); on Reuters 82% of the words near a
 * candidate are found there, and 77% of the candidates skip five lookups).
 * Then about 20 (or 15) hash lookups per candidate into a table of
 * megabytes, which miss the cache: a line's memo entries, then its keys
 * are all made first and fetched (prefetch_memo(), tg_names_prefetch()),
 * then looked up (the sums are exact: int32 thousandths in 32-byte slots,
 * one cache line each, name_model.h).  The fixed word lists (connectors,
 * titles, ...) are small hash tables (word_set_t).  Tables (words, keys,
 * line starts, the fixed parts of the features, the memo) live in the
 * scratch: no allocation per text once they have grown.  On the Reuters
 * sample (callgrind, 2.0 MB, which starts with an empty memo) the pass
 * went from 363M instructions to about 200M with all this; the lookups,
 * the cutting of words and the making of keys are most of it, and the
 * time goes to cache misses in the model's slots and marks more than to
 * instructions.
 */
#include "recognize.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "name_model.h"

/* ------------------------------------------------------------------------ */
/* Types                                                                     */

typedef struct {
    uint32_t start, end; /* input bytes */
    uint64_t h_low;      /* hash_word() of the word, once hashed: low */
    uint64_t h_shape;    /* and shape (p3 and s3 only for a sum: tag_line()) */
    uint8_t letters;     /* letters in the word, at most 255 (once counted) */
    uint8_t has_lower;   /* a lower-case letter (once counted) */
    uint8_t counted;     /* letters and has_lower are set (count_letters()) */
    uint8_t cap;         /* capitalised: starts with a capital, or "al-X" */
    uint8_t cand;        /* a candidate: tagged by the model */
    uint8_t label;       /* TG_NL_* */
    uint8_t covered;     /* inside a standing gazetteer mention */
    uint8_t first;       /* a first name (tg_names_first(h_low)), once hashed */
    uint8_t summed;      /* a candidate whose first features the memo has summed */
    uint32_t memo;       /* its entry in the memo + 1, or 0 (know_word()) */
} word_t;

typedef struct {
    uint32_t first, end; /* words [first, end) */
    uint32_t kind;       /* tagger_kind_t */
    uint32_t name;       /* index into r->names */
    uint8_t via;
    uint8_t weak; /* in a title-case line: stands only if its name is found elsewhere */
} span_t;

/* Where the features of the labels just given go among a word's keys
 * (word_keys()): they are known only when the word is tagged. */
enum { KEY_PL = 11, KEY_PL2, KEY_PLW, MAX_KEYS = 21 };

/* A fixed list of words (connectors, titles, ...) as a small hash table,
 * for the lists asked of many words: the same answer as tg_word_in() for
 * the price of hashing the word, instead of comparing it with every entry
 * (a line of a title-case test alone asks the 57 of headline_lower). */
enum { SET_SLOTS = 128 };
typedef struct {
    const char *const *list;
    size_t max_len;            /* the longest entry */
    uint8_t slots[SET_SLOTS];  /* index + 1 of an entry, 0 empty */
    uint8_t lens[SET_SLOTS];   /* its length */
} word_set_t;

static size_t set_home(const char *w, size_t len)
{
    uint64_t h = tg_names_hash(TG_NAMES_HASH_INIT, w, len);
    return (size_t)(h ^ (h >> 32)) & (SET_SLOTS - 1);
}

/* Makes @p set of the @p n < SET_SLOTS words of @p list. */
static void set_init(word_set_t *set, const char *const *list, size_t n)
{
    memset(set, 0, sizeof *set);
    set->list = list;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(list[i]), at = set_home(list[i], len);
        while (set->slots[at]) {
            at = (at + 1) & (SET_SLOTS - 1);
        }
        set->slots[at] = (uint8_t)(i + 1);
        set->lens[at] = (uint8_t)len;
        set->max_len = len > set->max_len ? len : set->max_len;
    }
}

/* Whether the @p len bytes at @p w are one of the set's words. */
static bool in_set(const word_set_t *set, const char *w, size_t len)
{
    if (len == 0 || len > set->max_len) {
        return false;
    }
    for (size_t at = set_home(w, len); set->slots[at]; at = (at + 1) & (SET_SLOTS - 1)) {
        if (set->lens[at] == len && memcmp(set->list[set->slots[at] - 1], w, len) == 0) {
            return true;
        }
    }
    return false;
}

/* The lists of words looked up by hash (their words further on). */
typedef struct {
    word_set_t connectors, abbreviations, by, headline_lower, never_names, titles, org_heads,
        org_suffixes;
} word_sets_t;

/* Hashes of the fixed parts of features, made once per scratch. */
typedef struct {
    uint64_t b, w, s, p3, s3, pw, nw, pw2, nw2, ps, ns, pl, pl2, plw, pww, wnw, k, st, fn,
        pfn, nfn;
    uint64_t bos, eos;                      /* "<s>", "</s>" */
    bool bos_first, eos_first;              /* ... first names in the model? (no) */
    uint64_t labels[TG_NAMES_N_LABELS];     /* "O", "B-PER", ... */
    uint64_t kinds[3];                      /* "C", "T", "N" */
    uint64_t xx;                            /* the shape "Xx" */
    word_sets_t sets;                       /* sets_init() */
} fixed_t;

static uint64_t hs(const char *s)
{
    return tg_names_hash(TG_NAMES_HASH_INIT, s, strlen(s));
}

static void fixed_init(fixed_t *f, const tg_names_t *m)
{
    f->b = hs("b"), f->w = hs("w"), f->s = hs("s"), f->p3 = hs("p3"), f->s3 = hs("s3");
    f->pw = hs("pw"), f->nw = hs("nw"), f->pw2 = hs("pw2"), f->nw2 = hs("nw2");
    f->ps = hs("ps"), f->ns = hs("ns"), f->pl = hs("pl"), f->pl2 = hs("pl2");
    f->plw = hs("plw"), f->pww = hs("pww"), f->wnw = hs("wnw"), f->k = hs("k");
    f->st = hs("st"), f->fn = hs("fn"), f->pfn = hs("pfn"), f->nfn = hs("nfn");
    f->bos = hs("<s>"), f->eos = hs("</s>"), f->xx = hs("Xx");
    for (int k = 0; k < TG_NAMES_N_LABELS; k++) {
        f->labels[k] = hs(tg_names_labels[k]);
    }
    f->kinds[0] = hs("C"), f->kinds[1] = hs("T"), f->kinds[2] = hs("N");
    f->bos_first = tg_names_first(m, f->bos);
    f->eos_first = tg_names_first(m, f->eos);
}

struct tg_recog {
    word_t *words;
    size_t n_words, cap_words;
    span_t *spans;
    size_t n_spans, cap_spans;
    tg_recognized_t *names;
    size_t n_names, cap_names;
    uint64_t *name_keys; /* per name: hash of its lower-case words */
    size_t cap_keys;
    uint32_t (*votes)[5]; /* per name: its spans per tagger_kind_t */
    size_t cap_votes;
    uint32_t *key_slots;  /* hash table over name_keys: name + 1, 0 = empty */
    size_t cap_key_slots;
    struct end_word *end_words; /* first and last words of the longer PERSON names */
    size_t cap_end_words;
    size_t *line_first; /* per layout line (and one more): its first word */
    size_t cap_line_first;
    uint64_t (*keys)[MAX_KEYS]; /* per word of the line being tagged: its feature keys */
    uint8_t *n_keys;
    int32_t (*prefix)[TG_NAMES_N_LABELS]; /* per word of the line: its memoised sum */
    size_t cap_keys_words, cap_n_keys, cap_prefix;
    struct word_memo *memo; /* MEMO_ENTRIES entries, for the model fx was made for */
    int32_t (*memo_sums)[TG_NAMES_N_LABELS]; /* per entry: the sum (MEMO_SUMMED) */
    const tg_names_t *fx_model; /* the model fx was made for, or NULL */
    fixed_t fx;
};

/* A first or last word of a PERSON name of two words or more. */
struct end_word {
    uint64_t h_low;
    uint32_t name;
};

/* Lower-case words that join the capitalised words of one name; the same
 * list as CONNECTORS in scripts/train-names, where each is explained. */
static const char *const connectors[] = {"of", "de",  "van", "von", "der", "den",  "bin",
                                         "bint", "ibn", "al", "la",  "du",  "da",  "dos",
                                         "del", "di",  "y",   "and", "&",   "for", "the"};

/* Abbreviations that keep their final period ("Mr." before a name). */
static const char *const abbreviations[] = {"Mr",  "Mrs", "Ms",  "Dr",  "St",  "Jr", "Sr",
                                            "Inc", "Corp", "Co", "Ltd", "Gen", "Lt", "Col",
                                            "Sgt", "Gov", "Sen", "Rep", "Prof", "Mt", "Ft"};

/* ------------------------------------------------------------------------ */
/* Characters                                                                */

/* Decodes the code point at @p i; returns its length (1 for a bad byte,
 * with *cp < 0). */
static size_t cp_at(const char *text, size_t len, size_t i, int32_t *cp)
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
    *k = cp_at(text, len, i, &cp);
    return is_space(cp);
}

static bool is_alnum_beyond_ascii(int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

/* ASCII first and inline: it is asked of every chunk's ends. */
static inline bool is_alnum(int32_t cp)
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

/* Appends word [a, b): whether it is capitalised.  What the features need
 * of it comes later, for the words near a candidate (hash_word()).  The
 * caller has made room (split_line(): a line of n bytes has at most n
 * words). */
static void add_word(tg_recog_t *r, const char *text, size_t len, size_t a, size_t b)
{
    word_t *w = &r->words[r->n_words++];
    memset(w, 0, sizeof *w);
    w->start = (uint32_t)a;
    w->end = (uint32_t)b;
    unsigned char c = (unsigned char)text[a];
    if (c < 0x80) {
        w->cap = c >= 'A' && c <= 'Z';
    } else {
        int32_t cp;
        cp_at(text, len, a, &cp);
        w->cap = is_upper(cp);
    }
    /* "al-Assad", "el-Sisi": the hyphen first, as most words have none */
    w->cap = w->cap || (b - a > 3 && text[a + 2] == '-' && text[a + 1] == 'l' &&
                        (text[a] == 'a' || text[a] == 'e') &&
                        is_upper((unsigned char)text[a + 3]));
}

/* Counts the letters of word @p w and notes a lower-case one; done once,
 * only for the words line_kind() looks at. */
static void count_letters(const char *text, word_t *w)
{
    if (w->counted) {
        return;
    }
    size_t letters = 0;
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
        i += cp_at(text, w->end, i, &cp);
        utf8proc_category_t cat = cp < 0 ? UTF8PROC_CATEGORY_CN : utf8proc_category(cp);
        letters += cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
        w->has_lower |= cat == UTF8PROC_CATEGORY_LL;
    }
    w->letters = (uint8_t)(letters > 255 ? 255 : letters);
    w->counted = 1;
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
    size_t k = cp_at(text, len, i, cp);
    *n_low = tg_utf8_encode(*cp < 0 ? 0xFFFD : utf8proc_tolower(*cp), low);
    return k;
}

/* What the features need of a word's bytes (hash_word()). */
typedef struct {
    uint64_t low;    /* hashes (tg_names_hash) of the lower-case word, */
    uint64_t shape;  /* its shape ("Xx", "X.X."), */
    uint64_t p3, s3; /* and its first and last three code points */
} word_hashes_t;

/* hash_word() of a word all ASCII, one byte per code point, without
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
    out->low = h;
    out->p3 = n < 3 ? h : p3;
    out->shape = hs;
    out->s3 = h3;
    return true;
}

/* What the features need of word @p w, in one pass over its bytes: hashes
 * of its lower-case form, its shape (runs of the same symbol collapsed,
 * scripts/train-names shape()) and its first and last three code points. */
static void hash_word(const char *text, size_t len, const word_t *w, word_hashes_t *out)
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
/* The word memo                                                             */

/* What hash_word() and the model say of an ASCII word of at most
 * MEMO_BYTES - 1 bytes, found again by its bytes: the hashes, whether it is
 * a first name, and the sum of the weights of its first five features (b,
 * w, s, p3, s3, which depend on the word alone).  Names and the words
 * around them repeat ("U.S.", "The", "Reuters", "said"), so most words near
 * a candidate are neither hashed nor looked up in the first-name table, and
 * a candidate needs five lookups fewer.  The bytes are compared, so a hit
 * is exact; so is the sum (integers).  Direct-mapped: a word takes the entry of
 * the one before it at its place.  An entry is 32 bytes, two to a cache
 * line, so that reading one costs one miss at most; the sums, which only
 * candidates read, are apart (r->memo_sums). */
enum { MEMO_BYTES = 16, MEMO_ENTRIES = 8192, PREFIX_KEYS = 5 };

struct word_memo {
    uint64_t bytes[MEMO_BYTES / 8]; /* the word, zero-padded; the last byte: MEMO_* */
    uint64_t h_low, h_shape;
};

/* A first name; memo_sums holds its sum; not known yet if a first name. */
enum { MEMO_FIRST = 1, MEMO_SUMMED = 2, MEMO_ASK = 4 };

/* The flags byte of entry @p e: the last of its word's bytes, always 0 in
 * a word (memo_bytes()). */
static unsigned char *memo_flags(struct word_memo *e)
{
    return (unsigned char *)e->bytes + MEMO_BYTES - 1;
}

/* The word's bytes zero-padded in @p out, if it can be memoised: ASCII
 * and shorter than MEMO_BYTES.  A word has no NUL (it separates words), so
 * all zero is no word. */
static bool memo_bytes(const char *text, size_t len, const word_t *w,
                       uint64_t out[MEMO_BYTES / 8])
{
    size_t n = w->end - w->start;
    if (n >= MEMO_BYTES) {
        return false;
    }
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
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

static size_t memo_index(const uint64_t b[MEMO_BYTES / 8])
{
    uint64_t h = (b[0] * 0x9e3779b97f4a7c15ull) ^ (b[1] * 0xc2b2ae3d27d4eb4full);
    return (size_t)(h >> 40) & (MEMO_ENTRIES - 1);
}

/* The memo entry of word @p w: its own when found; else the one it would
 * take, with *found false; NULL when the word is not memoised. */
static struct word_memo *memo_entry(tg_recog_t *r, const char *text, size_t len,
                                    const word_t *w, uint64_t b[MEMO_BYTES / 8], bool *found)
{
    if (!r->memo || !memo_bytes(text, len, w, b)) {
        return NULL;
    }
    struct word_memo *e = &r->memo[memo_index(b)];
    uint64_t tail = e->bytes[1];
    ((unsigned char *)&tail)[7] = 0; /* the flags */
    *found = e->bytes[0] == b[0] && tail == b[1];
    return e;
}

/* Asks the cache for the memo entry of word @p w, to be read a little
 * later (know_word()); no effect but speed.  The memo is some 256 KB,
 * out of the cache again after a text's other passes. */
static void prefetch_memo(tg_recog_t *r, const char *text, size_t len, const word_t *w)
{
#ifdef __GNUC__
    uint64_t b[MEMO_BYTES / 8];
    if (r->memo && memo_bytes(text, len, w, b)) {
        size_t i = memo_index(b);
        __builtin_prefetch(&r->memo[i]);
        if (w->cand) { /* its sum too (36 bytes), which may cross lines */
            __builtin_prefetch(r->memo_sums[i]);
            __builtin_prefetch(&r->memo_sums[i][TG_NAMES_N_LABELS - 1]);
        }
    }
#else
    (void)r, (void)text, (void)len, (void)w;
#endif
}

/* Hashes word @p w (hash_word()) and finds whether it is a first name,
 * from the memo when it holds the word.  Otherwise the first-name table
 * is asked later (settle_first()): w->first is FIRST_ASK meanwhile, and
 * the table's slot is fetched. */
enum { FIRST_ASK = 2 };

static void know_word(tg_recog_t *r, const tg_names_t *m, const char *text, size_t len,
                      word_t *w)
{
    uint64_t b[MEMO_BYTES / 8];
    bool found;
    struct word_memo *e = memo_entry(r, text, len, w, b, &found);
    w->memo = e ? (uint32_t)(e - r->memo) + 1 : 0;
    if (e && found) {
        unsigned char flags = *memo_flags(e);
        w->h_low = e->h_low, w->h_shape = e->h_shape;
        /* MEMO_ASK: made by a word before in this line, not settled yet */
        w->first = flags & MEMO_ASK ? FIRST_ASK : (flags & MEMO_FIRST) != 0;
        return;
    }
    word_hashes_t h;
    hash_word(text, len, w, &h);
    w->h_low = h.low, w->h_shape = h.shape;
    w->first = FIRST_ASK;
    tg_names_prefetch_first(m, w->h_low);
    if (e) {
        memcpy(e->bytes, b, sizeof e->bytes);
        e->h_low = w->h_low, e->h_shape = w->h_shape;
        *memo_flags(e) = MEMO_ASK;
    }
}

static struct word_memo *memo_of(tg_recog_t *r, const word_t *w);

/* Asks the first-name table what know_word() left to ask, and tells the
 * memo. */
static void settle_first(tg_recog_t *r, const tg_names_t *m, word_t *w)
{
    if (w->first != FIRST_ASK) {
        return;
    }
    w->first = tg_names_first(m, w->h_low);
    struct word_memo *e = memo_of(r, w);
    if (e && (*memo_flags(e) & MEMO_ASK)) {
        *memo_flags(e) = w->first ? MEMO_FIRST : 0;
    }
}

/* Whether the period ending [a, end) belongs to the word: "U.S.", "J.",
 * "Mr.". */
static bool keeps_period(const word_sets_t *sets, const char *text, size_t len, size_t a,
                         size_t end)
{
    size_t core = end - 1;
    if (memchr(text + a, '.', core - a)) {
        return true;
    }
    int32_t cp;
    if (core > a && a + cp_at(text, len, a, &cp) == core && is_alnum(cp)) {
        return true; /* a single letter: an initial */
    }
    return in_set(&sets->abbreviations, text + a, core - a);
}

/* Length of a possessive "'s" or "’s" ending [a, end) after a letter or
 * digit, or 0. */
static size_t possessive_len(const char *text, size_t a, size_t end)
{
    if (end - a >= 3 && text[end - 1] == 's' && text[end - 2] == '\'') {
        return 2;
    }
    if (end - a >= 5 && text[end - 1] == 's' && memcmp(text + end - 4, "\xE2\x80\x99", 3) == 0) {
        return 4;
    }
    return 0;
}

static bool is_ascii_alnum(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Cuts one chunk (no white space) into words. */
static void split_chunk(tg_recog_t *r, const char *text, size_t len, size_t a, size_t b)
{
    int32_t cp;
    unsigned char last = (unsigned char)text[b - 1];
    if (is_ascii_alnum((unsigned char)text[a]) && is_ascii_alnum(last) && last != 's') {
        add_word(r, text, len, a, b); /* most chunks: nothing to split off */
        return;
    }
    if (possessive_len(text, a - 1, b) == b - a) {
        add_word(r, text, len, a, b); /* a lone "'s" */
        return;
    }
    while (a < b) {
        size_t k = cp_at(text, len, a, &cp);
        if (is_alnum(cp)) {
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
        cp_at(text, len, end - k, &cp);
        if (is_alnum(cp) || (cp == '.' && keeps_period(&r->fx.sets, text, len, a, end))) {
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

/* Whether line [a, b) may hold a capitalised word: a byte A-Z (a capital,
 * or the one after "al-") or a non-ASCII one (a capital beyond ASCII).
 * Without one, every word of the line is O and the line needs no words. */
static bool may_hold_capital(const char *text, size_t a, size_t b)
{
    size_t i = a;
    /* Eight bytes at a time: a byte >= 0x80 has its top bit; with none,
     * adding 0x3F sets the top bit of a byte >= 'A', adding 0x25 that of
     * a byte > 'Z', and no sum carries into the next byte. */
    for (; i + 8 <= b; i += 8) {
        uint64_t x;
        memcpy(&x, text + i, 8);
        const uint64_t top = 0x8080808080808080ull;
        if ((x & top) ||
            ((x + 0x3F3F3F3F3F3F3F3Full) & ~(x + 0x2525252525252525ull) & top)) {
            return true;
        }
    }
    for (; i < b; i++) {
        unsigned char c = (unsigned char)text[i];
        if ((c >= 'A' && c <= 'Z') || c >= 0x80) {
            return true;
        }
    }
    return false;
}

/* Cuts line [a, b) into words, appended to r->words.  Returns 0 or
 * TAGGER_ERR_NOMEM. */
static int split_line(tg_recog_t *r, const char *text, size_t len, size_t a, size_t b)
{
    /* Words are disjoint and not empty: at most one per byte (and a chunk
     * ends at most 3 bytes after b, inside a code point cut by b). */
    if (tg_grow((void **)&r->words, &r->cap_words, r->n_words + (b - a) + 4,
                sizeof *r->words)) {
        return TAGGER_ERR_NOMEM;
    }
    for (size_t i = a; i < b;) {
        size_t k;
        if (space_at(text, len, i, &k)) {
            i += k;
            continue;
        }
        size_t j = i + k;
        while (j < b) {
            /* '!' to '~', most bytes, in one comparison */
            if ((unsigned char)(text[j] - 0x21) < 0x5E) {
                j++;
            } else if (!space_at(text, len, j, &k)) {
                j += k;
            } else {
                break;
            }
        }
        split_chunk(r, text, len, i, j);
        i = j;
    }
    return TAGGER_OK;
}

/* ------------------------------------------------------------------------ */
/* Features and tagging                                                      */

typedef struct {
    const char *s;
    size_t len;
} str_t;

/* One line's words being tagged. */
typedef struct {
    const tg_names_t *m;
    const fixed_t *fx;
    const char *text;
    size_t len; /* of text */
    word_t *w;  /* the line's words */
    size_t n;
    char kind; /* 'C' all caps, 'T' title case, 'N' running text */
} line_t;

/* The input bytes of word @p i. */
static str_t raw(const line_t *ln, size_t i)
{
    return (str_t){ln->text + ln->w[i].start, ln->w[i].end - ln->w[i].start};
}

/* Lower-case word (or shape) @p back before word @p i, or "<s>". */
static uint64_t before(const line_t *ln, size_t i, size_t back, bool shape)
{
    if (i < back) {
        return ln->fx->bos;
    }
    return shape ? ln->w[i - back].h_shape : ln->w[i - back].h_low;
}

static uint64_t after(const line_t *ln, size_t i, size_t ahead, bool shape)
{
    if (i + ahead >= ln->n) {
        return ln->fx->eos;
    }
    return shape ? ln->w[i + ahead].h_shape : ln->w[i + ahead].h_low;
}

/* A capitalised word, or a connector (as written: "of", not "Of") between
 * two. */
static bool is_candidate(const line_t *ln, size_t i)
{
    if (ln->w[i].cap) {
        return true;
    }
    str_t w = raw(ln, i);
    return i > 0 && i + 1 < ln->n && ln->w[i - 1].cap && ln->w[i + 1].cap &&
           in_set(&ln->fx->sets.connectors, w.s, w.len);
}

/* scripts/train-names line_kind().  Running text is known at its first
 * long lower-case word, so most lines are decided after a few words. */
static char line_kind(const line_t *ln)
{
    size_t lettered = 0, long_words = 0, long_caps = 0;
    bool lower = false;
    for (size_t i = 0; i < ln->n; i++) {
        count_letters(ln->text, &ln->w[i]);
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

static bool first_name(const line_t *ln, uint64_t h)
{
    return tg_names_first(ln->m, h);
}

/* The keys of the features of word @p i, scripts/train-names
 * word_features() in its order, each its parts' hashes combined
 * (name_model.h); the three of the labels before it are left to
 * tag_line(), and those of its affixes come from @p h (not needed, nor
 * set, when the memo has summed the word's first features).  Returns their
 * number. */
static size_t word_keys(const line_t *ln, size_t i, const word_hashes_t *h, uint64_t *keys)
{
    const fixed_t *f = ln->fx;
    const word_t *w = &ln->w[i];
    uint64_t lw = w->h_low, pw = before(ln, i, 1, false), nw = after(ln, i, 1, false);
    uint64_t kind = f->kinds[ln->kind == 'C' ? 0 : ln->kind == 'T' ? 1 : 2];
    size_t n = 0;
    keys[n++] = f->b;
    keys[n++] = tg_names_mix(f->w, lw);
    keys[n++] = tg_names_mix(f->s, w->h_shape);
    keys[n++] = tg_names_mix(f->p3, h->p3);
    keys[n++] = tg_names_mix(f->s3, h->s3);
    keys[n++] = tg_names_mix(f->pw, pw);
    keys[n++] = tg_names_mix(f->nw, nw);
    keys[n++] = tg_names_mix(f->pw2, before(ln, i, 2, false));
    keys[n++] = tg_names_mix(f->nw2, after(ln, i, 2, false));
    keys[n++] = tg_names_mix(f->ps, before(ln, i, 1, true));
    keys[n++] = tg_names_mix(f->ns, after(ln, i, 1, true));
    n += 3; /* KEY_PL, KEY_PL2, KEY_PLW */
    keys[n++] = tg_names_mix(tg_names_mix(f->pww, pw), lw);
    keys[n++] = tg_names_mix(tg_names_mix(f->wnw, lw), nw);
    keys[n++] = tg_names_mix(tg_names_mix(f->k, kind), w->h_shape);
    str_t p = i > 0 ? raw(ln, i - 1) : (str_t){"", 0};
    if (i == 0 || (p.len == 1 && (p.s[0] == '.' || p.s[0] == '?' || p.s[0] == '!'))) {
        keys[n++] = tg_names_mix(f->st, lw);
    }
    if (w->first) {
        keys[n++] = f->fn;
    }
    if (i > 0 ? ln->w[i - 1].first : f->bos_first) {
        keys[n++] = f->pfn;
    }
    if (i + 1 < ln->n ? ln->w[i + 1].first : f->eos_first) {
        keys[n++] = f->nfn;
    }
    return n;
}

/* The memo entry know_word() found or made for word @p w, if it is still
 * the word's: a later word of the line may have taken it.  The hashes of
 * the lower-case word and of its shape are all that the first
 * PREFIX_KEYS features depend on. */
static struct word_memo *memo_of(tg_recog_t *r, const word_t *w)
{
    struct word_memo *e = w->memo ? &r->memo[w->memo - 1] : NULL;
    return e && e->h_low == w->h_low && e->h_shape == w->h_shape ? e : NULL;
}

/* Greedy tagging, left to right (step 3): each candidate gets the label of
 * the best score.  The keys of every candidate but those of the labels are
 * made first and their slots fetched, so that the lookups of the line wait
 * for memory once rather than once per candidate; @p keys has room for
 * MAX_KEYS per word.  A candidate whose first PREFIX_KEYS features the
 * memo has summed starts from that sum (@p prefix, per word) and skips
 * them; one that it has not sums them first and leaves the sum there. */
static void tag_line(tg_recog_t *r, line_t *ln, word_t *w, uint64_t (*keys)[MAX_KEYS],
                     uint8_t *n_keys, int32_t (*prefix)[TG_NAMES_N_LABELS])
{
    const fixed_t *f = ln->fx;
    for (size_t i = 0; i < ln->n; i++) {
        if (w[i].cand) {
            struct word_memo *e = memo_of(r, &w[i]);
            w[i].summed = e && (*memo_flags(e) & MEMO_SUMMED);
            word_hashes_t h = {0};
            if (!w[i].summed) {
                hash_word(ln->text, ln->len, &w[i], &h); /* p3 and s3, for the sum */
            }
            n_keys[i] = (uint8_t)word_keys(ln, i, &h, keys[i]);
            if (w[i].summed) {
                memcpy(prefix[i], r->memo_sums[e - r->memo], sizeof prefix[i]);
                tg_names_prefetch(ln->m, keys[i] + PREFIX_KEYS, KEY_PL - PREFIX_KEYS);
            } else {
                tg_names_prefetch(ln->m, keys[i], KEY_PL);
            }
            tg_names_prefetch(ln->m, keys[i] + KEY_PLW + 1, n_keys[i] - KEY_PLW - 1);
        }
    }
    for (size_t i = 0; i < ln->n; i++) {
        if (!w[i].cand) {
            w[i].label = TG_NL_O;
            continue;
        }
        uint64_t prev = i > 0 ? f->labels[w[i - 1].label] : f->bos;
        uint64_t prev2 = i > 1 ? f->labels[w[i - 2].label] : f->bos;
        uint64_t *key = keys[i];
        key[KEY_PL] = tg_names_mix(f->pl, prev);
        key[KEY_PL2] = tg_names_mix(tg_names_mix(f->pl2, prev2), prev);
        key[KEY_PLW] = tg_names_mix(tg_names_mix(f->plw, prev), w[i].h_low);
        int32_t sc[TG_NAMES_N_LABELS] = {0};
        if (w[i].summed) {
            memcpy(sc, prefix[i], sizeof sc);
        } else {
            tg_names_add_all(ln->m, key, PREFIX_KEYS, sc);
            struct word_memo *e = memo_of(r, &w[i]);
            if (e) {
                memcpy(r->memo_sums[e - r->memo], sc, sizeof sc);
                *memo_flags(e) |= MEMO_SUMMED;
            }
        }
        tg_names_add_all(ln->m, key + PREFIX_KEYS, n_keys[i] - PREFIX_KEYS, sc);
        int best = 0;
        for (int k = 1; k < TG_NAMES_N_LABELS; k++) {
            if (sc[k] > sc[best]) {
                best = k;
            }
        }
        w[i].label = (uint8_t)best;
    }
}

/* ------------------------------------------------------------------------ */
/* Spans                                                                     */

static const uint32_t kind_of_label[TG_NAMES_N_LABELS] = {
    0, TAGGER_KIND_PERSON, TAGGER_KIND_PERSON, TAGGER_KIND_ORG, TAGGER_KIND_ORG,
    TAGGER_KIND_PLACE, TAGGER_KIND_PLACE, 0, 0};

static int add_span(tg_recog_t *r, size_t first, size_t end, uint32_t kind, bool weak)
{
    if (tg_grow((void **)&r->spans, &r->cap_spans, r->n_spans + 1, sizeof *r->spans)) {
        return TAGGER_ERR_NOMEM;
    }
    r->spans[r->n_spans++] = (span_t){(uint32_t)first, (uint32_t)end, kind, 0,
                                      TAGGER_VIA_NAME, weak};
    return TAGGER_OK;
}

static const char *const byline_words[] = {"By", "by", "BY"};

/* "By Justice Nwafor": a byline of two or three capitalised words (each a
 * capital and lower-case letters) ending the line.  Returns the number of
 * name words, or 0. */
static size_t byline(const line_t *ln)
{
    str_t w0 = raw(ln, 0);
    if (ln->n < 3 || ln->n > 4 || !in_set(&ln->fx->sets.by, w0.s, w0.len)) {
        return 0;
    }
    for (size_t i = 1; i < ln->n; i++) {
        if (ln->w[i].h_shape != ln->fx->xx || ln->w[i].covered) {
            return 0;
        }
    }
    return ln->n - 1;
}

/* Whether word @p i is mostly written in lower case (models/names.model). */
static bool is_common(const line_t *ln, size_t i)
{
    return tg_names_common(ln->m, ln->w[i].h_low);
}

/* The words a title-case headline leaves in lower case. */
static const char *const headline_lower[] = {
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by",
    "as", "vs", "via", "per", "is", "are", "be", "its", "up", "out", "off", "amp",
    "from", "with", "into", "over", "amid", "amidst", "after", "about", "than", "that",
    "this", "upon", "onto", "without", "within", "between", "during", "against", "before",
    "under", "through", "toward", "towards", "while", "their", "across", "behind", "beyond"};

/* Whether a line is written in title case, where capitals say nothing: no
 * lower-case word but those, no final period, at most one number (a year), and three
 * capitalised words or more ("Champion Show Dog Milo Dies Mysteriously"), or
 * only capitalised words ("Privacy Policy").  Tables of results ("Leeds 2
 * Arsenal 1", "1. Michael Schumacher ( Germany ) 1:45.678") are not. */
static bool headline(const line_t *ln)
{
    size_t n_cap = 0, n_num = 0;
    for (size_t i = 0; i < ln->n; i++) {
        str_t lw = raw(ln, i); /* lower case when it matters: not capitalised */
        bool digit = lw.s[0] >= '0' && lw.s[0] <= '9';
        int32_t cp;
        cp_at(lw.s, lw.len, 0, &cp);
        n_cap += ln->w[i].cap;
        n_num += digit;
        if (!ln->w[i].cap && !digit && is_alnum(cp) &&
            !in_set(&ln->fx->sets.headline_lower, lw.s, lw.len)) {
            return false;
        }
    }
    str_t end = raw(ln, ln->n - 1);
    if (end.len == 1 && end.s[0] == '.') {
        return false; /* a sentence */
    }
    return n_num < 2 && (n_cap >= 3 || (n_cap > 0 && n_cap == ln->n));
}

/* In a headline, a span must be a whole run of capitalised words with no
 * common word ("Peter Obi: A Message of Hope" keeps "Peter Obi"; "Dog Milo
 * Dies" and "Pursuit of Reconciliation" go). */
static bool headline_span_ok(const line_t *ln, size_t i, size_t j)
{
    if ((i > 0 && ln->w[i - 1].cap) || (j < ln->n && ln->w[j].cap)) {
        return false;
    }
    for (size_t k = i; k < j; k++) {
        if (ln->w[k].cap && is_common(ln, k)) {
            return false;
        }
    }
    return true;
}

/* Words that look like names but never are: time zones after a clock time
 * ("4:35 pm EST"). */
static const char *const never_names[] = {"EST", "EDT", "CST", "CDT", "MST", "MDT", "PST",
                                          "PDT", "GMT", "UTC", "BST", "CET", "CEST", "IST",
                                          "JST", "KST", "AEST", "AEDT", "WIB"};

/* One-word spans that are not names: a common word ("Yet, they ...", "the
 * Executive said"), a time zone. */
static bool lone_word_ok(const line_t *ln, size_t i)
{
    const word_t *w = &ln->w[i];
    if (in_set(&ln->fx->sets.never_names, ln->text + w->start, w->end - w->start)) {
        return false;
    }
    return !is_common(ln, i);
}

/* Titles: a cue for a person, not part of the name ("Mr Molyneux"). */
static const char *const titles[] = {"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.",
                                     "Prof", "Prof.", "Miss", "Mme", "Mme."};

/* Whether words @p i - 1 and @p i are apart by spaces only: a name does not
 * run over an invalid byte or other separator. */
static bool spaced(const line_t *ln, size_t i)
{
    for (uint32_t b = ln->w[i - 1].end; b < ln->w[i].start; b++) {
        if (ln->text[b] != ' ') {
            return false;
        }
    }
    return true;
}

/* Words that make a name an organization, first ("University of ...",
 * "Ministry of ...") or last ("... FC", "... Inc").  The model knows most
 * from CoNLL; the list settles a name it typed otherwise ("Kilmarnock FC"
 * after a person's name). */
static const char *const org_heads[] = {"Ministry", "Department", "University", "Bank",
                                        "Council", "Agency", "Commission", "Committee"};
static const char *const org_suffixes[] = {
    "FC", "Inc", "Inc.", "Corp", "Corp.", "Ltd", "Ltd.", "Plc", "PLC", "plc", "LLC", "AG",
    "SA", "GmbH", "Co.", "Party", "University", "Bank", "Council", "Agency", "Ministry",
    "Group", "Association", "Federation", "Union", "Institute", "Foundation", "Club",
    "United", "Airlines", "Authority", "Commission", "Committee", "Corporation", "Company"};

static uint32_t org_cue(const line_t *ln, size_t a, size_t b, uint32_t kind)
{
    str_t first = raw(ln, a), last = raw(ln, b - 1);
    bool head = b - a >= 3 && in_set(&ln->fx->sets.org_heads, first.s, first.len);
    bool suffix = b - a >= 2 && in_set(&ln->fx->sets.org_suffixes, last.s, last.len);
    return head || suffix ? TAGGER_KIND_ORG : kind;
}

/* Spans of one tagged line, filtered (steps 4). */
static int line_spans(tg_recog_t *r, const line_t *ln, size_t base)
{
    size_t by = byline(ln);
    if (by) {
        return add_span(r, base + 1, base + 1 + by, TAGGER_KIND_PERSON, false);
    }
    const word_t *w = ln->w;
    int title_case = -1; /* not known yet: asked only once a span gets that far */
    for (size_t i = 0; i < ln->n;) {
        uint32_t kind = kind_of_label[w[i].label];
        if (w[i].label == TG_NL_O) {
            i++;
            continue;
        }
        int type = (w[i].label - 1) / 2; /* PER 0, ORG 1, LOC 2, MISC 3 */
        size_t j = i + 1;
        while (j < ln->n && w[j].label != TG_NL_O && (w[j].label - 1) / 2 == type &&
               (w[j].label - 1) % 2 == 1 && spaced(ln, j)) {
            j++;
        }
        size_t a = i, b = j; /* without connectors at the edges: "& Lomason" */
        while (a < b && !w[a].cap) {
            a++;
        }
        while (b > a && !w[b - 1].cap) {
            b--;
        }
        if (b - a >= 2 && kind != 0) {
            str_t t = raw(ln, a);
            if (in_set(&ln->fx->sets.titles, t.s, t.len)) {
                a++;
                kind = TAGGER_KIND_PERSON;
            }
        }
        bool keep = kind != 0 && a < b;
        if (keep) {
            kind = org_cue(ln, a, b, kind);
        }
        for (size_t k = a; keep && k < b; k++) {
            keep = !w[k].covered;
        }
        bool weak = false;
        if (keep && b - a == 1) {
            keep = lone_word_ok(ln, a);
        }
        if (keep && title_case < 0) {
            title_case = ln->kind != 'C' && headline(ln);
        }
        if (keep && title_case) {
            /* "Peter Obi: A Message of Hope": a first name opening a
             * person's name is evidence enough; anything else needs the
             * name outside title-case lines too. */
            keep = headline_span_ok(ln, a, b);
            weak = !(kind == TAGGER_KIND_PERSON && b - a >= 2 && first_name(ln, w[a].h_low));
        }
        if (keep) {
            int rc = add_span(r, base + a, base + b, kind, weak);
            if (rc) {
                return rc;
            }
        }
        i = j;
    }
    return TAGGER_OK;
}

/* Marks the words that standing gazetteer mentions overlap. */
static void mark_covered(tg_recog_t *r, const tagger_scratch_t *s)
{
    for (size_t k = 0; k < s->n_recs; k++) {
        const tg_rec_t *rec = &s->recs[k];
        if (rec->flags & TG_REC_DROPPED) {
            continue;
        }
        size_t lo = 0, hi = r->n_words; /* first word ending after rec->start */
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (r->words[mid].end <= rec->start) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (size_t i = lo; i < r->n_words && r->words[i].start < rec->end; i++) {
            r->words[i].covered = 1;
        }
    }
}

/* ------------------------------------------------------------------------ */
/* One name, one type                                                        */

static uint64_t span_key(const tg_recog_t *r, size_t first, size_t end)
{
    uint64_t h = TG_NAMES_HASH_INIT;
    for (size_t i = first; i < end; i++) {
        h = tg_names_mix(h, r->words[i].h_low);
    }
    return h;
}

/* Groups the spans into names (step 5).  A hash table over the names'
 * keys keeps it linear in the number of spans (a 20 MB text has 10^5). */
static int group_spans(tg_recog_t *r)
{
    r->n_names = 0;
    size_t n_slots = 16;
    while (n_slots < 2 * r->n_spans) {
        n_slots *= 2;
    }
    if (tg_grow((void **)&r->key_slots, &r->cap_key_slots, n_slots, sizeof *r->key_slots)) {
        return TAGGER_ERR_NOMEM;
    }
    memset(r->key_slots, 0, n_slots * sizeof *r->key_slots);
    for (size_t k = 0; k < r->n_spans; k++) {
        span_t *sp = &r->spans[k];
        uint64_t key = span_key(r, sp->first, sp->end);
        size_t slot = (size_t)(key ^ (key >> 31)) & (n_slots - 1);
        while (r->key_slots[slot] && r->name_keys[r->key_slots[slot] - 1] != key) {
            slot = (slot + 1) & (n_slots - 1);
        }
        size_t n = r->key_slots[slot] ? r->key_slots[slot] - 1 : r->n_names;
        if (n == r->n_names) {
            r->key_slots[slot] = (uint32_t)n + 1;
            if (tg_grow((void **)&r->names, &r->cap_names, n + 1, sizeof *r->names) ||
                tg_grow((void **)&r->name_keys, &r->cap_keys, n + 1, sizeof *r->name_keys) ||
                tg_grow((void **)&r->votes, &r->cap_votes, n + 1, sizeof *r->votes)) {
                return TAGGER_ERR_NOMEM;
            }
            r->names[n] = (tg_recognized_t){sp->kind, r->words[sp->first].start,
                                            r->words[sp->end - 1].end, -1};
            r->name_keys[n] = key;
            r->n_names++;
            memset(r->votes[n], 0, sizeof r->votes[n]);
        }
        r->votes[n][sp->kind]++;
        sp->name = (uint32_t)n;
    }
    for (size_t n = 0; n < r->n_names; n++) {
        uint32_t best = r->names[n].kind;
        for (uint32_t k = 1; k < 5; k++) {
            if (r->votes[n][k] > r->votes[n][best]) {
                best = k;
            }
        }
        r->names[n].kind = best;
    }
    return TAGGER_OK;
}

static int cmp_end_word(const void *a, const void *b)
{
    const struct end_word *x = a, *y = b;
    if (x->h_low != y->h_low) {
        return x->h_low < y->h_low ? -1 : 1;
    }
    return x->name < y->name ? -1 : x->name > y->name;
}

/* "Obi" after "Peter Obi": a one-word name that is the first or last word
 * of exactly one longer PERSON joins it.  The end words of the longer
 * names are sorted once and each one-word name looks itself up, so the
 * cost is n log n in the number of spans. */
static int link_short_names(tg_recog_t *r)
{
    size_t n = 0;
    for (size_t j = 0; j < r->n_spans; j++) {
        const span_t *full = &r->spans[j];
        if (full->end - full->first < 2 || r->names[full->name].kind != TAGGER_KIND_PERSON) {
            continue;
        }
        if (tg_grow((void **)&r->end_words, &r->cap_end_words, n + 2, sizeof *r->end_words)) {
            return TAGGER_ERR_NOMEM;
        }
        r->end_words[n++] = (struct end_word){r->words[full->first].h_low, full->name};
        r->end_words[n++] = (struct end_word){r->words[full->end - 1].h_low, full->name};
    }
    if (n > 1) { /* end_words is NULL before the first person: qsort(NULL) is UB */
        qsort(r->end_words, n, sizeof *r->end_words, cmp_end_word);
    }
    for (size_t k = 0; k < r->n_spans && n; k++) {
        span_t *sp = &r->spans[k];
        if (sp->end - sp->first != 1) {
            continue;
        }
        uint64_t h = r->words[sp->first].h_low;
        size_t lo = 0, hi = n;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (r->end_words[mid].h_low < h) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo == n || r->end_words[lo].h_low != h) {
            continue;
        }
        uint32_t found = r->end_words[lo].name;
        bool unique = true;
        for (size_t i = lo + 1; i < n && r->end_words[i].h_low == h && unique; i++) {
            unique = r->end_words[i].name == found;
        }
        if (unique) {
            sp->name = found;
            sp->via = TAGGER_VIA_SHORT;
        }
    }
    return TAGGER_OK;
}

/* ------------------------------------------------------------------------ */
/* Entry points                                                              */

#define SET_INIT(set, list) set_init(&(set), (list), sizeof(list) / sizeof *(list))

/* Every list must leave a set half empty, so that probes stay short. */
typedef char assert_sets_small[sizeof headline_lower / sizeof *headline_lower <= SET_SLOTS / 2 &&
                                       sizeof org_suffixes / sizeof *org_suffixes <=
                                           SET_SLOTS / 2
                                   ? 1
                                   : -1];

static void sets_init(word_sets_t *s)
{
    SET_INIT(s->connectors, connectors);
    SET_INIT(s->abbreviations, abbreviations);
    SET_INIT(s->by, byline_words);
    SET_INIT(s->headline_lower, headline_lower);
    SET_INIT(s->never_names, never_names);
    SET_INIT(s->titles, titles);
    SET_INIT(s->org_heads, org_heads);
    SET_INIT(s->org_suffixes, org_suffixes);
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
        fixed_init(&r->fx, tg->names);
        sets_init(&r->fx.sets);
        r->fx_model = tg->names;
        /* Another model: what the memo says of words is void.  Without
         * memory for it, words are hashed and looked up every time. */
        free(r->memo);
        free(r->memo_sums);
        r->memo = calloc(MEMO_ENTRIES, sizeof *r->memo);
        r->memo_sums = malloc(MEMO_ENTRIES * sizeof *r->memo_sums);
        if (!r->memo_sums) {
            free(r->memo);
            r->memo = NULL;
        }
    }
    const tg_layout_t *lay = &s->layout;
    /* Words of every line but menus; line_first[l] is line l's first word. */
    if (tg_grow((void **)&r->line_first, &r->cap_line_first, lay->n_lines + 1,
                sizeof *r->line_first)) {
        return TAGGER_ERR_NOMEM;
    }
    size_t *line_first = r->line_first;
    int rc = TAGGER_OK;
    for (size_t l = 0; l < lay->n_lines && !rc; l++) {
        line_first[l] = r->n_words;
        const tg_line_t *line = &lay->lines[l];
        if (line->zone != TG_ZONE_MENU && may_hold_capital(text, line->start, line->end)) {
            rc = split_line(r, text, len, line->start, line->end);
        }
    }
    line_first[lay->n_lines] = r->n_words;
    if (!rc) {
        mark_covered(r, s);
    }
    for (size_t l = 0; l < lay->n_lines && !rc; l++) {
        /* words is NULL in a text with no word: NULL + 0 is UB too. */
        line_t ln = {tg->names, &r->fx, text, len, r->words ? r->words + line_first[l] : NULL,
                     line_first[l + 1] - line_first[l], 'N'};
        bool any = false;
        for (size_t i = 0; i < ln.n; i++) {
            ln.w[i].cand = is_candidate(&ln, i);
            any |= ln.w[i].cand;
        }
        if (!any) {
            continue; /* every word O */
        }
        if (tg_grow((void **)&r->keys, &r->cap_keys_words, ln.n, sizeof *r->keys) ||
            tg_grow((void **)&r->n_keys, &r->cap_n_keys, ln.n, sizeof *r->n_keys) ||
            tg_grow((void **)&r->prefix, &r->cap_prefix, ln.n, sizeof *r->prefix)) {
            rc = TAGGER_ERR_NOMEM;
            break;
        }
        /* Hashes for the candidates and the two words either side: their
         * memo entries fetched first (pass 0), then read (pass 1), and
         * the first-name table asked of the words not found there (pass
         * 2), each pass's misses overlapping. */
        for (int pass = 0; pass < 3; pass++) {
            for (size_t i = 0, done = 0; i < ln.n; i++) {
                if (ln.w[i].cand) {
                    size_t from = i >= 2 ? i - 2 : 0, to = i + 3 < ln.n ? i + 3 : ln.n;
                    for (size_t j = from > done ? from : done; j < to; j++) {
                        if (pass == 0) {
                            prefetch_memo(r, text, len, &ln.w[j]);
                        } else if (pass == 1) {
                            know_word(r, tg->names, text, len, &ln.w[j]);
                        } else {
                            settle_first(r, tg->names, &ln.w[j]);
                        }
                    }
                    done = to > done ? to : done;
                }
            }
        }
        ln.kind = line_kind(&ln);
        tag_line(r, &ln, r->words + line_first[l], r->keys, r->n_keys, r->prefix);
        rc = line_spans(r, &ln, line_first[l]);
    }
    if (rc || (rc = group_spans(r)) || (rc = link_short_names(r))) {
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
        if (r->names[sp->name].slot == -2) {
            continue; /* only in title-case lines */
        }
        uint32_t start = r->words[sp->first].start, end = r->words[sp->end - 1].end;
        tg_rec_t rec = {start, end, (uint32_t)(tg->n_entities + sp->name), TG_NONE, sp->via,
                        (uint8_t)tg_layout_zone(lay, &cursor, start), 0};
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
    free(r->line_first);
    free(r->keys);
    free(r->n_keys);
    free(r->prefix);
    free(r->memo);
    free(r->memo_sums);
    free(r);
}
