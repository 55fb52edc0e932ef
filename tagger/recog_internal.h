/*
 * recog_internal.h - what the files of the recognizer share (recognize.c
 * runs the pass and makes the spans, recog_lines.c joins wrapped lines,
 * recog_words.c cuts lines into words and keeps the word memo,
 * recog_tag.c tags a line, recog_orgs.c and recog_places.c hold the rules
 * on organizations and on places inside names, recog_headline.c reads
 * title-case lines, recog_results.c lines of sports results, recog_names.c
 * makes names of the spans and recog_links.c joins their short mentions to
 * the longer names): its working memory in a scratch, the words and
 * spans, the fixed word sets and feature hashes, the memo's entries, the
 * tests of a word that several files ask, and the functions one file
 * calls in another.  Private to the recognizer: recognize.h is its
 * interface to the rest of the library.
 */
#ifndef TG_RECOG_INTERNAL_H
#define TG_RECOG_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "name_model.h"
#include "recognize.h"

/* ------------------------------------------------------------------------ */
/* Types                                                                     */

typedef struct {
    uint32_t start, end; /* input bytes */
    uint64_t h_low;      /* tg_recog_hash_word() of the word, once hashed: low */
    uint64_t h_shape;    /* and shape (p3 and s3 only for a sum: tg_recog_tag_line()) */
    uint8_t letters;     /* letters in the word, at most 255 (once counted) */
    uint8_t has_lower;   /* a lower-case letter (once counted) */
    uint8_t counted;     /* letters and has_lower are set (recog_words.c count_letters()) */
    uint8_t cap;         /* capitalised: starts with a capital, or "al-X" */
    uint8_t cand;        /* a candidate: tagged by the model */
    uint8_t label;       /* TG_NL_* */
    uint8_t covered;     /* inside a standing gazetteer mention */
    uint8_t first;       /* a first name (tg_names_first() of its folded hash), once
                            known: every word near a candidate (tg_recog_know_words()) */
    uint8_t summed;      /* a candidate whose first features the memo has summed */
    uint8_t affixed;     /* p3 and s3 are set: hashed in tg_recog_know_words() */
    uint8_t in_span;     /* inside a span (recog_links.c lone_surnames()) */
    uint32_t memo;       /* its entry in the memo + 1, or 0 (tg_recog_know_words()) */
    uint64_t p3, s3;     /* hashes of its first and last three code points, if affixed */
} word_t;

typedef struct {
    uint32_t first, end; /* words [first, end) */
    uint32_t kind;       /* tagger_kind_t */
    uint32_t name;       /* index into r->names */
    uint8_t via;
    uint8_t weak; /* in a title-case line: stands only if its name is found elsewhere */
    uint8_t cued; /* its kind said by a word around it (a title, "FC", "boss"): decisive */
    uint32_t country; /* a place's country entity + 1, when the text says it ("BOCA RATON,
                         Fla."); 0: not known */
} span_t;

/* A word's keys (word_keys()): the first PREFIX_KEYS (the word's own,
 * memoised), those of the words around it, then KEY_PLW, the label before
 * it and the word, known only when the word before is tagged, then "st" if
 * it starts a sentence.  The features of the labels alone ("pl", "pl2")
 * and the constant ones ("b", "fn", "pfn", "nfn") have no keys: their
 * sums are in fixed_t. */
enum { KEY_PLW = 13, MAX_KEYS = 15 };

/* Words tagged at a time (tg_recog_tag_line()): the keys and key counts
 * of r->keys and r->n_keys are for a block of a line. */
enum { TAG_BLOCK = 256 };

/* A fixed list of words (connectors, titles, ...) as a small hash table,
 * for the lists asked of many words: the same answer as tg_word_in() for
 * the price of hashing the word, instead of comparing it with every entry
 * (a line of a title-case test alone asks the 57 of headline_lower). */
enum { SET_SLOTS = 512 };
typedef struct {
    const char *const *list;
    size_t max_len;            /* the longest entry */
    uint16_t slots[SET_SLOTS]; /* index + 1 of an entry, 0 empty */
    uint8_t lens[SET_SLOTS];   /* its length */
} word_set_t;

/* The home slot of the @p len > 0 bytes at @p w: from the first, middle and
 * last bytes and the length, in a few instructions (the rules ask the sets
 * of some 450 words a document; hashing each word byte by byte cost 3.5M
 * of 372M instructions on 2,000 Reuters records); the sets are at most
 * half full, so probes stay short all the same. */
static inline size_t tg_recog_set_home(const char *w, size_t len)
{
    uint32_t h = (unsigned char)w[0] * 0x9E3779B1u ^ (unsigned char)w[len / 2] * 0x85EBCA77u ^
                 (unsigned char)w[len - 1] * 0xC2B2AE3Du ^ (uint32_t)len * 0x27D4EB2Fu;
    return (size_t)(h >> 23) & (SET_SLOTS - 1);
}

/* Makes @p set of the @p n < SET_SLOTS words of @p list. */
static inline void tg_recog_set_init(word_set_t *set, const char *const *list, size_t n)
{
    memset(set, 0, sizeof *set);
    set->list = list;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(list[i]), at = tg_recog_set_home(list[i], len);
        while (set->slots[at]) {
            at = (at + 1) & (SET_SLOTS - 1);
        }
        set->slots[at] = (uint16_t)(i + 1);
        set->lens[at] = (uint8_t)len;
        set->max_len = len > set->max_len ? len : set->max_len;
    }
}

/* Whether the @p len bytes at @p w are one of the set's words. */
static inline bool tg_recog_in_set(const word_set_t *set, const char *w, size_t len)
{
    if (len == 0 || len > set->max_len) {
        return false;
    }
    for (size_t at = tg_recog_set_home(w, len); set->slots[at]; at = (at + 1) & (SET_SLOTS - 1)) {
        if (set->lens[at] == len && memcmp(set->list[set->slots[at] - 1], w, len) == 0) {
            return true;
        }
    }
    return false;
}

/* The lists of words looked up by hash, each made by its file's
 * *_sets_init(): legal_forms, org_heads, org_suffixes, generic_heads,
 * industry_heads, company_trades, org_descriptors, employee_jobs,
 * org_followers, online_followers, stake_nouns, owned_by_org, org_posts,
 * person_roles and possessives of recog_orgs.c;
 * place_not_org, place_qualifiers, place_ends and surname_place_* of
 * recog_places.c; versus, beat and positions of recog_results.c; the rest
 * of recognize.c. */
typedef struct {
    word_set_t connectors, particles, posts_before_names, abbreviations, by, headline_lower,
        never_names, months, legal_forms, first_person, titles, clerical_titles, not_openers,
        org_heads, org_suffixes, generic_heads, industry_heads, company_trades, event_ends,
        work_kinds, org_descriptors, employee_jobs, org_followers, online_followers, stake_nouns,
        owned_by_org, org_posts, person_roles, possessives, generations, place_not_org,
        place_qualifiers, place_ends, surname_place_ends, surname_place_cues, versus, beat,
        positions;
} word_sets_t;

/* Makes @p set, a member of word_sets_t, of the array @p list. */
#define SET_INIT(set, list) tg_recog_set_init(&(set), (list), sizeof(list) / sizeof *(list))

/* Every list must leave a set half empty, so that probes stay short: each
 * file asserts it of its longest lists (an array of size -1 if not). */
#define SET_FITS(list) (sizeof(list) / sizeof *(list) <= SET_SLOTS / 2)

/* Hashes of the fixed parts of features, made once per scratch (as
 * mixers, name_model.h, those mixed with a word's hashes). */
typedef struct {
    tg_names_mixer_t w, s, p3, s3, pw, nw, pw2, nw2, ps, ns, pww, wnw, st;
    tg_names_mixer_t plw_label[TG_NAMES_N_LABELS + 1]; /* "plw" and a label or "<s>" */
    tg_names_mixer_t k_kind[3];                        /* "k" and a line kind */
    uint64_t bos, eos;                      /* "<s>", "</s>" */
    /* Sums of the weights of the features that need no word: b, pl and
     * pl2 by the labels of the two words before ([prev2][prev], label
     * TG_NAMES_N_LABELS for "<s>"), and fn, pfn, nfn by which of the
     * word, the one before and the one after are first names (bits 0-2). */
    int32_t label_sums[TG_NAMES_N_LABELS + 1][TG_NAMES_N_LABELS + 1][TG_NAMES_N_LABELS];
    int32_t first_sums[8][TG_NAMES_N_LABELS];
    bool bos_first, eos_first;              /* ... first names in the model? (no) */
    uint64_t labels[TG_NAMES_N_LABELS];     /* "O", "B-PER", ... */
    uint64_t xx;                            /* the shape "Xx" */
    word_sets_t sets;                       /* sets_init(), recognize.c */
} fixed_t;

/* What tg_recog_hash_word() and the model say of an ASCII word of at most
 * MEMO_BYTES - 1 bytes, found again by its bytes: the hashes, whether it is
 * a first name, and the sum of the weights of its first four features (w,
 * s, p3, s3, which depend on the word alone).  Names and the words
 * around them repeat ("U.S.", "The", "Reuters", "said"), so most words near
 * a candidate are neither hashed nor looked up in the first-name table, and
 * a candidate needs four lookups fewer.  The bytes are compared, so a hit
 * is exact; so is the sum (integers; kept as int16 when it fits, as it
 * nearly always does, else not kept).  Direct-mapped: a word takes the
 * entry of the one before it at its place.  An entry is one 64-byte cache
 * line, sum included (64-byte aligned: tg_recog_memo_new()), so that a
 * word costs one miss at most, candidate or not; with the sums in an
 * array apart (int32, 36 bytes) and 32-byte entries that were not
 * aligned, a candidate cost two or three lines (cachegrind, LL of 512 KB,
 * 2000 Reuters records: the memo's misses 98k before, see
 * recog_words.c).  16384 entries (1 MB per scratch): on all of Reuters,
 * 8192 left 0.8% more instructions and 1.4% more misses of a 512 KB
 * cache (cachegrind), since a word not found is hashed and asked of the
 * model again. */
enum { MEMO_BYTES = 16, MEMO_ENTRIES = 16384, PREFIX_KEYS = 4 };

struct word_memo {
    uint64_t bytes[MEMO_BYTES / 8]; /* the word, zero-padded; the last byte: MEMO_* */
    uint64_t h_low, h_shape;
    int16_t sum[TG_NAMES_N_LABELS]; /* MEMO_SUMMED: the sum of the first PREFIX_KEYS */
    uint8_t unused[14];             /* 64 bytes */
};

/* A first name; sum holds its sum; not known yet if a first name. */
enum { MEMO_FIRST = 1, MEMO_SUMMED = 2, MEMO_ASK = 4 };

/* The flags byte of entry @p e: the last of its word's bytes, always 0 in
 * a word (memo_bytes()). */
static inline unsigned char *tg_recog_memo_flags(struct word_memo *e)
{
    return (unsigned char *)e->bytes + MEMO_BYTES - 1;
}

/* What the features need of a word's bytes (tg_recog_hash_word()). */
typedef struct {
    uint64_t low;    /* hashes (tg_names_hash) of the lower-case word, */
    uint64_t shape;  /* its shape ("Xx", "X.X."), */
    uint64_t p3, s3; /* and its first and last three code points; */
    uint64_t fold;   /* and of the lower-case word without diacritics, which
                        the first-name table is asked ("josé" as "jose") */
} word_hashes_t;

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
static inline str_t tg_recog_raw(const line_t *ln, size_t i)
{
    return (str_t){ln->text + ln->w[i].start, ln->w[i].end - ln->w[i].start};
}

/* Whether word @p i is written exactly @p word. */
static inline bool tg_recog_word_is(const line_t *ln, size_t i, const char *word)
{
    str_t w = tg_recog_raw(ln, i);
    size_t n = strlen(word);
    return w.len == n && memcmp(w.s, word, n) == 0;
}

/* Whether word @p i, as written, is one of @p set. */
static inline bool tg_recog_word_in(const line_t *ln, size_t i, const word_set_t *set)
{
    str_t w = tg_recog_raw(ln, i);
    return tg_recog_in_set(set, w.s, w.len);
}

/* Whether the word @p w of @p len bytes is never a name alone: one of
 * never_names or months (recognize.c). */
static inline bool tg_recog_never_alone(const word_sets_t *sets, const char *w, size_t len)
{
    return tg_recog_in_set(&sets->never_names, w, len) || tg_recog_in_set(&sets->months, w, len);
}

/* Whether word @p i, its letters from the @p from-th on in lower case, is
 * one of @p set: from 1, "UNION" is read "Union"; from 0, "Chairman" and
 * "CHAIRMAN" are "chairman". */
static inline bool tg_recog_recased_in(const line_t *ln, size_t i, const word_set_t *set,
                                       size_t from)
{
    str_t w = tg_recog_raw(ln, i);
    char recased[16];
    if (w.len > sizeof recased) {
        return false;
    }
    for (size_t c = 0; c < w.len; c++) {
        char ch = w.s[c];
        recased[c] = (char)(c >= from && ch >= 'A' && ch <= 'Z' ? ch + ('a' - 'A') : ch);
    }
    return tg_recog_in_set(set, recased, w.len);
}

/* Whether word @p i, read in title case ("UNION" as "Union"), is one of
 * @p set. */
static inline bool tg_recog_title_case_in(const line_t *ln, size_t i, const word_set_t *set)
{
    return tg_recog_recased_in(ln, i, set, 1);
}

/* A name's connector as written: "of", not "Of". */
static inline bool tg_recog_is_connector(const line_t *ln, size_t i)
{
    return !ln->w[i].cap && tg_recog_word_in(ln, i, &ln->fx->sets.connectors);
}

/* Whether word @p i, a candidate or near one, is a first name
 * (models/names.model), diacritics aside. */
static inline bool tg_recog_first_name(const line_t *ln, size_t i)
{
    return ln->w[i].first == 1;
}

/* Whether the @p n bytes at @p s are all capitals A to Z: an acronym. */
static inline bool tg_recog_capitals_only(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] < 'A' || s[i] > 'Z') {
            return false;
        }
    }
    return true;
}

/* Whether word @p i is mostly written in lower case (models/names.model). */
static inline bool tg_recog_is_common(const line_t *ln, size_t i)
{
    return tg_names_common(ln->m, ln->w[i].h_low);
}

/* Whether the @p len bytes at @p w are a compound of a name and a
 * lower-case word: "London-based", "Boston-born". */
static inline bool tg_recog_compound(const char *w, size_t len)
{
    const char *hyphen = memchr(w, '-', len);
    return hyphen && hyphen + 1 < w + len && hyphen[1] >= 'a' && hyphen[1] <= 'z';
}

/* Whether word @p i opens a sentence: the line's first word, or one after a
 * full stop, question or exclamation mark. */
static inline bool tg_recog_opens_sentence(const line_t *ln, size_t i)
{
    if (i == 0) {
        return true;
    }
    str_t p = tg_recog_raw(ln, i - 1);
    return p.len == 1 && (p.s[0] == '.' || p.s[0] == '?' || p.s[0] == '!');
}

/* Whether word @p i is a hashtag's or a handle's ("#MeToo",
 * "@CommonWhiteGirl"): a topic or an account, no name. */
static inline bool tg_recog_hashtag(const line_t *ln, size_t i)
{
    uint32_t start = ln->w[i].start;
    return start > 0 && (ln->text[start - 1] == '#' || ln->text[start - 1] == '@');
}

/* Whether words @p i - 1 and @p i are apart by spaces only: a name does not
 * run over an invalid byte or other separator. */
static inline bool tg_recog_spaced(const line_t *ln, size_t i)
{
    for (uint32_t b = ln->w[i - 1].end; b < ln->w[i].start; b++) {
        char c = ln->text[b];
        if (c != ' ' && c != '\n' && c != '\r') { /* a line break: a wrap (recog_lines.c) */
            return false;
        }
    }
    return true;
}

/* Whether the @p len bytes at @p w are a legal form, or an organization's
 * suffix or head ("Inc", "Systems", "Ministry"): a word of an organization's
 * name, never of a person's. */
static inline bool tg_recog_org_word(const word_sets_t *sets, const char *w, size_t len)
{
    return tg_recog_in_set(&sets->legal_forms, w, len) ||
           tg_recog_in_set(&sets->org_suffixes, w, len) ||
           tg_recog_in_set(&sets->org_heads, w, len);
}

/* Whether word @p i, as written, is a legal form or an organization's
 * suffix: the last word of a company's name ("Inc", "Corp", "Systems"). */
static inline bool tg_recog_company_word(const line_t *ln, size_t i)
{
    return tg_recog_word_in(ln, i, &ln->fx->sets.legal_forms) ||
           tg_recog_word_in(ln, i, &ln->fx->sets.org_suffixes);
}

/* Whether label @p k is the inside of a name: I-PER, I-ORG, I-LOC, I-MISC. */
static inline bool tg_recog_inside_label(int k)
{
    return k != TG_NL_O && k < TG_NAMES_N_LABELS && (k - TG_NL_B_PER) % 2 == 1;
}

/* Whether word @p i is an initial: a capital and a period ("B."). */
static inline bool tg_recog_initial(const line_t *ln, size_t i)
{
    str_t w = tg_recog_raw(ln, i);
    return w.len == 2 && w.s[0] >= 'A' && w.s[0] <= 'Z' && w.s[1] == '.';
}

/* Whether word @p i is "and" or "&". */
static inline bool tg_recog_and_word(const line_t *ln, size_t i)
{
    return tg_recog_word_is(ln, i, "and") || tg_recog_word_is(ln, i, "&");
}

/* Whether word @p i is "I" or one of its contractions (first_person_words,
 * recognize.c), never part of a name; "I" alone only as a name's first
 * word (@p first), for a king's numeral ends one ("Elizabeth I"). */
static inline bool tg_recog_first_person(const line_t *ln, size_t i, bool first)
{
    return (first || ln->w[i].end - ln->w[i].start > 1) &&
           tg_recog_word_in(ln, i, &ln->fx->sets.first_person);
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
    uint32_t (*votes)[5]; /* per name: its spans per tagger_kind_t (0: a work's title) */
    size_t cap_votes;
    uint32_t *key_slots;  /* hash table over name_keys: name + 1, 0 = empty */
    size_t n_key_slots, cap_key_slots;
    struct end_word *end_words; /* first and last words of longer names (struct end_word) */
    size_t cap_end_words;
    tg_line_t *lines; /* the lines tagged: layout lines, wrapped ones joined (recog_lines.c) */
    size_t n_lines, cap_lines;
    size_t *line_first; /* per line (and one more): its first word */
    size_t cap_line_first;
    uint32_t *near; /* the words the features need: candidates and their neighbours */
    size_t cap_near;
    size_t *line_near; /* per line (and one more): its first in near */
    size_t cap_line_near;
    struct memo_key *memo_keys; /* per word of near (recog_words.c) */
    size_t cap_memo_keys;
    uint64_t (*keys)[MAX_KEYS]; /* per word of the block being tagged: its feature keys */
    uint8_t *n_keys;
    size_t cap_keys_words, cap_n_keys;
    uint32_t rec_len_max; /* the longest of s->recs (sorted by start) in bytes */
    struct word_memo *memo; /* MEMO_ENTRIES entries, for the model fx was made for */
    const tg_names_t *fx_model; /* the model fx was made for, or NULL */
    fixed_t fx;
};

/* ------------------------------------------------------------------------ */
/* Across the files                                                          */

/* recog_words.c: characters (tg_recog_cp_at() decodes the code point at
 * @p i, its length returned; tg_recog_is_alnum() is a letter or digit). */
size_t tg_recog_cp_at(const char *text, size_t len, size_t i, int32_t *cp);
bool tg_recog_is_alnum(int32_t cp);

/* recog_words.c: words, hashed (tg_recog_hash_word()); the kind of a line
 * ('C' all caps, 'T' title case or 'N' running text) from its words'
 * letters. */
char tg_recog_line_kind(const line_t *ln);
void tg_recog_hash_word(const char *text, size_t len, const word_t *w, word_hashes_t *out);

/* recog_words.c: the word memo.  tg_recog_know_words() hashes the words
 * @p near (indices into @p w, in order: the candidates of a text and the
 * words either side) and finds whether they are first names, from the
 * memo where it holds them (0 or TAGGER_ERR_NOMEM). */
int tg_recog_know_words(tg_recog_t *r, const tg_names_t *m, const char *text, size_t len,
                        word_t *w, const uint32_t *near, size_t n_near);

/* recog_words.c: a new empty memo, 64-byte aligned (NULL without memory:
 * then words are hashed and looked up every time), and its freeing. */
struct word_memo *tg_recog_memo_new(void);
void tg_recog_memo_free(struct word_memo *memo);

/* The memo entry tg_recog_know_words() found or made for word @p w, if it
 * is still the word's: a later word may have taken it.  The hashes of the
 * lower-case word and of its shape are all that the first PREFIX_KEYS
 * features depend on.  Inline: asked twice per candidate. */
static inline struct word_memo *tg_recog_memo_of(tg_recog_t *r, const word_t *w)
{
    struct word_memo *e = w->memo ? &r->memo[w->memo - 1] : NULL;
    return e && e->h_low == w->h_low && e->h_shape == w->h_shape ? e : NULL;
}

/* recog_words.c: cutting.  The words of line [a, b) appended to r->words
 * (0 or TAGGER_ERR_NOMEM). */
int tg_recog_split_line(tg_recog_t *r, const char *text, size_t len, size_t a, size_t b);

/* recog_words.c: the words of line [a, b) that the candidates and the
 * line-wide rules need, appended to r->words: the same words as
 * tg_recog_split_line() gives, but for stretches far from any capital when
 * a word cut proves the line running text (0 or TAGGER_ERR_NOMEM). */
int tg_recog_cut_line(tg_recog_t *r, const char *text, size_t len, size_t a, size_t b);

/* recog_tag.c: the fixed parts of the features for model @p m
 * (f->sets is left to the caller); the greedy tagging of a line (step 3). */
void tg_recog_fixed_init(fixed_t *f, const tg_names_t *m);
void tg_recog_tag_line(tg_recog_t *r, line_t *ln, word_t *w, uint64_t (*keys)[MAX_KEYS],
                       uint8_t *n_keys);

/* recognize.c: a span of words [first, end) of the text (0 or
 * TAGGER_ERR_NOMEM). */
int tg_recog_add_span(tg_recog_t *r, size_t first, size_t end, uint32_t kind, bool weak, bool cued);

/* recognize.c: the first of the gazetteer's mentions s->recs (in text
 * order while the recognizer's rules run) that may end after input offset
 * @p from; those that meet [from, to) follow it, up to the first that
 * starts at or after to.  A search, not a walk over every mention: each
 * rule asks it for its span, and a long text has thousands of mentions. */
size_t tg_recog_recs_near(const tagger_scratch_t *s, uint32_t from);

/* recognize.c: the first of r->words that ends after input offset
 * @p off (r->n_words if none). */
size_t tg_recog_word_after(const tg_recog_t *r, uint32_t off);

/* recog_lines.c: the lines the recognizer tags, r->lines: layout @p lay's
 * lines but menus, each run of lines of wrapped prose made one (@p m says
 * which words are common; 0 or TAGGER_ERR_NOMEM). */
int tg_recog_logical_lines(tg_recog_t *r, const tg_names_t *m, const tg_layout_t *lay,
                           const char *text);

/* recog_orgs.c: the sets of its words (legal forms, organizations' heads
 * and suffixes, the words around an organization's name). */
void tg_recog_org_sets_init(word_sets_t *s);

/* recog_orgs.c: what says words [a, b) of a line are an organization: a
 * word in them or after them, or a post between them and a person
 * (tg_recog_org_cue(), for a span of @p kind); a noun of what kind of
 * organization right before word @p a ("oil firm Yukos"); a job and "at"
 * or "with" before them ("an analyst at Gartmore"); for the one word
 * @p a, a list with a gazetteer's organization.  And what says they are a
 * person's instead: a role or a post before word @p a ("winger Saulius
 * Mikoliunas"), when no legal form, head or suffix of an organization is
 * among them (tg_recog_org_word_in()). */
bool tg_recog_org_cue(const line_t *ln, size_t a, size_t b, uint32_t kind);
bool tg_recog_org_descriptor_before(const line_t *ln, size_t a);
bool tg_recog_employer_after_job(const line_t *ln, size_t a, size_t b);
bool tg_recog_listed_with_org(const tagger_t *tg, const tagger_scratch_t *s, const line_t *ln,
                              size_t a);
bool tg_recog_person_role_before(const line_t *ln, size_t a);
/* recog_orgs.c: whether "a stake in" or "a holding in" is right before
 * word @p a: a company's name follows. */
bool tg_recog_stake_before(const line_t *ln, size_t a);
/* recog_orgs.c: whether the one word [a, b) is followed by a verb in the
 * plural that no person's name takes ("Chelsea have"): a team's. */
bool tg_recog_plural_verb_after(const line_t *ln, size_t a, size_t b);
int tg_recog_role_opening_sentence(const line_t *ln, size_t a);
/* recog_orgs.c: what camel case says.  Whether word @p i is capitalised
 * and in camel case, after no name prefix ("OpenAI", "TikTok"; not
 * "McDonald", "LeBron") and in no hashtag: an organization's name or a
 * product's (or a legal form, "SpA", which the caller tells apart).  And
 * the kind of words [a, b) that the model typed @p kind: an ORG when the
 * last word is so and the model said PLACE, or when it is the one word
 * and the model said PERSON; a PERSON when they are two, the first
 * opening with a given name's prefix, and the model said ORG ("LeBron
 * James"); else @p kind. */
bool tg_recog_camel_org(const line_t *ln, size_t i);
/* recog_orgs.c: whether word @p i is in camel case after a given name's
 * prefix ("LeBron", "LaShawn", "DeAndre"): a first name. */
bool tg_recog_given_camel(const line_t *ln, size_t i);
uint32_t tg_recog_camel_case_kind(const line_t *ln, size_t a, size_t b, uint32_t kind);
bool tg_recog_org_word_in(const line_t *ln, size_t a, size_t b);

/* recog_orgs.c: a company's name in words [a, b) of a line.  Whether they
 * end in a legal form or an organization's suffix (read in title case),
 * or are all legal forms; their end without a post written with a
 * capital after them ("... Board Chairman Paul Volcker"); and the start
 * of the name before them, or @p a: the words before an "and"
 * (tg_recog_company_start()), a span of the line right before them (the
 * line's spans from @p line_spans on, its first word @p base of the
 * text), or, for an industry head at word @p a, the capitalised words
 * before it, their places' mentions dropped (tg_recog_industry_start()). */
bool tg_recog_company_end(const line_t *ln, size_t a, size_t b);
bool tg_recog_legal_forms_only(const line_t *ln, size_t a, size_t b);
size_t tg_recog_org_end_before_post(const line_t *ln, size_t a, size_t b);
size_t tg_recog_company_start(const line_t *ln, size_t a, size_t b);
size_t tg_recog_span_before_company(const tg_recog_t *r, const line_t *ln, size_t base,
                                    size_t line_spans, size_t a, size_t b);
size_t tg_recog_industry_start(const tagger_t *tg, tagger_scratch_t *s, const line_t *ln, size_t a);

/* recog_orgs.c: a company's spans.  The line's last span (the line's
 * spans from @p line_spans on, its first word @p base of the text) that
 * the company in words [a, b) joins, or NULL: one word before an "'s"
 * (tg_recog_possessive_owner()) or a place (tg_recog_place_before());
 * span @p sp stretched to end at word @p end of the text, an organization;
 * legal forms alone joined to the span before them; and the line's spans
 * that reach past word @p start of the text dropped. */
span_t *tg_recog_possessive_owner(tg_recog_t *r, const line_t *ln, size_t base, size_t a, size_t b,
                                  size_t line_spans);
span_t *tg_recog_place_before(tg_recog_t *r, const line_t *ln, size_t base, size_t a,
                              size_t line_spans);
void tg_recog_stretch_to_company(span_t *sp, size_t end);
void tg_recog_join_legal_forms(tg_recog_t *r, const line_t *ln, size_t base, size_t a, size_t b,
                               size_t line_spans);
void tg_recog_drop_spans_after(tg_recog_t *r, size_t line_spans, size_t start);

/* recog_places.c: the sets of its words (places' qualifiers and last
 * words, the words that make a place's name no organization's). */
void tg_recog_place_sets_init(word_sets_t *s);

/* recog_places.c: places inside names.  Whether span [a, b) of @p kind,
 * which a gazetteer's mention meets, stands all the same: an
 * organization named after a place or with one inside, an institution of
 * a place, a person whose surname (or, @p cued, given name) is a city's,
 * the places' mentions then dropped.  Whether words [a, b) the model
 * typed a person are a place ("Capitol Hill").  And the start of an
 * organization's name [a, b) with a city's mention right before it that
 * the model left out ("London" + "Potato Futures Association"), or @p a. */
bool tg_recog_places_in_name(const tagger_t *tg, tagger_scratch_t *s, const line_t *ln, size_t a,
                             size_t b, uint32_t kind, bool cued);
bool tg_recog_place_named_like_person(const line_t *ln, size_t a, size_t b);

/* recog_places.c: the end of a city's name at words [a, b) and the
 * capitalised words after them, before a comma and a region's or
 * country's mention ("BOCA RATON, Fla., March 3 -"), or 0; *country is
 * then the region's country entity + 1 (0: none known). */
size_t tg_recog_city_before_region(const tagger_t *tg, const tagger_scratch_t *s, const line_t *ln,
                                   size_t a, size_t b, uint32_t *country);

/* recog_places.c: whether words [a, b) are a continent's part's adjective
 * or people ("Latin American", "East Europeans"): no name. */
bool tg_recog_continent_adjective(const line_t *ln, size_t a, size_t b);
/* recog_places.c: whether words [a, b), typed PLACE, are a club named
 * after its city ("Manchester City"): an ORG. */
bool tg_recog_club_of_place(const line_t *ln, size_t a, size_t b);
size_t tg_recog_place_before_company(const tagger_t *tg, const tagger_scratch_t *s,
                                     const line_t *ln, size_t a, size_t b);

/* recog_places.c: the gazetteer's mentions in input bytes [from, to), if
 * all are of PLACEs within it (or of their countries through them; or,
 * with @p countries, of COUNTRYs too), dropped: returns how many, or -1
 * (none dropped) when another mention meets the bytes. */
int tg_recog_drop_places(const tagger_t *tg, tagger_scratch_t *s, uint32_t from, uint32_t to,
                         bool countries);

/* recog_places.c: the end of the run of covered words (a gazetteer's
 * mentions) from word @p k of words [.., b). */
size_t tg_recog_covered_end(const line_t *ln, size_t k, size_t b);

/* recog_places.c: whether the standing gazetteer mentions over input bytes
 * [from, to) are all of cities (a SimpleMaps id, gazetteers/README.md), or
 * of their countries through them. */
bool tg_recog_cities_only(const tagger_t *tg, const tagger_scratch_t *s, uint32_t from,
                          uint32_t to);

/* recog_names.c: the spans grouped into names, one type each, and short
 * names and acronyms joined to the longer ones (step 5, the joining by
 * recog_links.c; 0 or TAGGER_ERR_NOMEM). */
int tg_recog_make_names(const tagger_t *tg, tagger_scratch_t *s, tg_recog_t *r, const char *text);

/* recog_names.c and recog_links.c: a first or last word of a longer name
 * (or another key a name is looked up by: an acronym, a gazetteer
 * organization's last word), in r->end_words: a PERSON's or a work's
 * (recog_links.c tg_recog_link_short_names()), an ORG's (recog_names.c
 * type_org_first_words()), any (recog_names.c type_people_by_surname()). */
struct end_word {
    uint64_t h_low;
    uint32_t name;
    uint32_t kind;  /* tg_recog_link_short_names(): the name's kind when listed */
    bool given;     /* recog_links.c surnames(): the name opens with a first name of the
                       lists that is no common word */
    bool surname;   /* tg_recog_link_short_names(): the last word of a PERSON whose first
                       word is no common word, and a first name if it opens a line or a
                       sentence there (not the headline's "Classy Henman") */
    uint64_t title; /* tg_recog_link_short_names(): the capitalised word before a
                       surname's full name ("Secretary" of "Treasury Secretary James
                       Baker"), or 0 */
    bool last;      /* tg_recog_link_short_names(): the last word of a PERSON or a work */
};

/* recog_names.c and recog_links.c: a span whose kind a word around it said
 * (span_t.cued) outvotes this many of the model's guesses: "Chelsea boss"
 * makes every "Chelsea" of the text the club. */
enum { CUED_VOTES = 1 << 12 };

/* Whether input bytes [start, end) hold a lower-case ASCII letter. */
static inline bool tg_recog_has_lower(const char *text, uint32_t start, uint32_t end)
{
    for (uint32_t i = start; i < end; i++) {
        if (text[i] >= 'a' && text[i] <= 'z') {
            return true;
        }
    }
    return false;
}

/* The order of r->end_words (qsort()): by word, then by name. */
static inline int tg_recog_cmp_end_word(const void *a, const void *b)
{
    const struct end_word *x = a, *y = b;
    if (x->h_low != y->h_low) {
        return x->h_low < y->h_low ? -1 : 1;
    }
    return x->name < y->name ? -1 : x->name > y->name;
}

/* The first of the @p n sorted end words whose word is @p h, or @p n. */
static inline size_t tg_recog_first_end_word(const tg_recog_t *r, size_t n, uint64_t h)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (r->end_words[mid].h_low < h) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < n && r->end_words[lo].h_low == h ? lo : n;
}

/* The one name of the @p n sorted end words whose word is @p h, or -1
 * (none, or two). */
static inline int64_t tg_recog_only_name(const tg_recog_t *r, size_t n, uint64_t h)
{
    size_t lo = tg_recog_first_end_word(r, n, h);
    if (lo == n) {
        return -1;
    }
    uint32_t found = r->end_words[lo].name;
    for (size_t i = lo + 1; i < n && r->end_words[i].h_low == h; i++) {
        if (r->end_words[i].name != found) {
            return -1; /* a name's word may be there twice, before another's */
        }
    }
    return found;
}

/* recog_names.c: whether the @p len bytes at @p w are the second word of
 * an organization named after a person ("Reagan Administration", "Clinton
 * Foundation"). */
bool tg_recog_after_a_person(const char *w, size_t len);

/* recog_links.c: the short mentions joined to the longer names, in the
 * order tg_recog_make_names() calls them (each 0 or TAGGER_ERR_NOMEM): a
 * one-word or two-word name to the longer name it is the first or last
 * words of ("Obi" after "Peter Obi", "Texaco" after "Texaco Inc"; @p m
 * says which words are common); an acronym or an organization's initials
 * to it ("CFTC", "SEC"); a surname the model left alone, or a gazetteer
 * took for a place, to its person ("Volcker added", "Bolton" after "John
 * Bolton"); a word the model left alone to the one-word name it is
 * elsewhere ("Huawei launched" after "Huawei said"); a gazetteer's place
 * to the one-word ORG the text names so elsewhere ("Liverpool top" after
 * "Liverpool beat Nottingham Forest 3-0"); and a one-word name
 * to the gazetteer organization whose last word it is ("United" after
 * "Manchester United"). */
int tg_recog_link_short_names(tg_recog_t *r, const tg_names_t *m, const char *text);
/* One-word ORG names that are the last word of one recognized
 * organization join it ("Eagles" after "Philadelphia Eagles"). */
int tg_recog_link_org_last_words(tg_recog_t *r, const tg_names_t *m, const char *text);
int tg_recog_link_acronyms(tg_recog_t *r, const char *text);
/* "Fed" to the "Federal Reserve" the text names (recog_links.c
 * clippings). */
int tg_recog_link_clippings(tg_recog_t *r, const char *text);
int tg_recog_link_surnames(const tagger_t *tg, tagger_scratch_t *s, tg_recog_t *r,
                           const char *text);
int tg_recog_link_lone_names(const tagger_t *tg, tg_recog_t *r, const char *text);
int tg_recog_link_place_orgs(const tagger_t *tg, tagger_scratch_t *s, tg_recog_t *r,
                             const char *text);
int tg_recog_join_gazetteer_orgs(const tagger_t *tg, const tagger_scratch_t *s, tg_recog_t *r,
                                 const char *text);

/* recog_results.c: sports results.  Whether a line is a score line or a
 * row of a league table: the number of its first words that hold the
 * results (a note in parentheses may follow), or 0, and in @p score_line
 * which of the two; and the teams in those @p n words made ORG spans (the
 * line's first word is word @p base of the text), their words then
 * labelled O (0 or TAGGER_ERR_NOMEM). */
size_t tg_recog_results_line(const line_t *ln, bool *score_line);
int tg_recog_results_spans(const tagger_t *tg, tagger_scratch_t *s, tg_recog_t *r,
                           const line_t *ln, size_t base, size_t n, bool score_line);

/* recog_results.c: fixtures and results in words.  A place that names a
 * side made an ORG span, its mentions dropped: the first of a fixture line
 * ("BALTIMORE AT SEATTLE"), either beside "v" or "beat" ("Birmingham v
 * Barnsley", "Wigan beat Bradford"), one before a player's position
 * ("Norwich striker"), and the other side of "v" from such a
 * club ("Chelsea v Birmingham"); 0 or TAGGER_ERR_NOMEM. */
int tg_recog_fixture_spans(const tagger_t *tg, tagger_scratch_t *s, tg_recog_t *r,
                           const line_t *ln, size_t base);
void tg_recog_fixture_sets_init(word_sets_t *s);

/* recog_headline.c: title-case lines.  Whether a line is a headline, where
 * capitals say nothing; whether span [i, j) of one stands there; the end of
 * a person's name opening with a first name at word @p i of one (or @p i);
 * and such people labelled PERSON before the line's spans are made. */
bool tg_recog_headline(const line_t *ln);
bool tg_recog_headline_span_ok(const line_t *ln, size_t i, size_t j);
size_t tg_recog_headline_person_end(const line_t *ln, size_t i);
void tg_recog_label_headline_people(const line_t *ln);

#endif /* TG_RECOG_INTERNAL_H */
