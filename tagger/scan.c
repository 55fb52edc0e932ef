/*
 * scan.c - finding aliases in text: the scan loop, and tagger_scan().
 *
 * The text is normalised once (normalize.c), then the trie is walked from
 * every position where a word may start.  Along the walk, each node that
 * ends a key at a code point boundary, and where the text has a word
 * boundary, is a candidate.  Candidates are tried longest first: the
 * original text of the span must satisfy the case rule of at least one of
 * the key's alias records (case_rule.c).  The first candidate that passes
 * is the match ("North Korea" before "Korea"); the scan resumes after it, so
 * matches never overlap.  With TAGGER_SCAN_ALL every passing candidate at
 * every start is reported instead.
 *
 * Word boundaries come from the class of each normalised code point
 * (normalize.h): a match may not start right after, nor end right before,
 * a letter or digit of a script written with spaces.  Scripts written
 * without spaces (Han, kana, Thai) need no boundary, and Hangul allows
 * particles after a name ("북한의" is "북한" + the genitive particle).  A
 * possessive "'s" falls outside every match by itself: the apostrophe is a
 * separator and no alias ends in one.
 *
 * Cost.  A match can only start where a word starts, so the loop looks at
 * word starts; a plain ASCII word is hashed once, 8 bytes at a time, after
 * its end is found, and when the first-word bitsets (trie.h) rule it out,
 * which is ~90% of words, it is skipped without touching the trie.  Every
 * word is tested with the next word as a pair, whose hash is made from the
 * two word hashes (the next word's is kept for its own test); the bits of
 * a word and of its pairs share one cache line, so the whole test costs one
 * miss at most, and the three bits are combined without a branch: the one
 * branch left, "walk the trie", is rarely taken, so the CPU goes on to the
 * next word while the line loads.  A skipped word leads straight to the
 * next one, which the pair test has found, without the start-of-word tests
 * of the outer loop (6.2M fewer instructions on 2000 Reuters records, 8% of
 * the scan).  (Branching on the first bit instead,
 * and hashing the pair only for the ~35% of words that pass it, took 13M
 * fewer instructions on 2000 Reuters records, but ~5% more CPU time: that
 * branch went the wrong way for about one word in two.)
 * Then one trie step per byte of the longest key prefix, at the ~8% of
 * words that pass; the case rule is checked only on candidates.  Word ends
 * are found 16 bytes at a time with SSE2 (alnum_end()): a byte loop spent
 * little more in instructions, but missed the prediction of its exit once
 * per word (the scan took ~10% more CPU time).  About 150 instructions per
 * word; on 2000 Reuters records 66.6M in all, of which normalisation 12.2M
 * and case rules 2.4M.  With TG_SCAN_WORDS, each word hashed is also kept
 * (its place and hash, 16 bytes) for the topic scorer, which then neither
 * finds nor hashes it again: ~2M instructions more here, ~4M fewer there.
 * What branches remain are on the bitset's answer and the separators,
 * which no predictor learns.  In CPU time (perf, Reuters, 2026-11-30) two
 * loads take half of the scan's samples: the trie step (~30%; the trie is
 * 8 MB) and the bitset line of each word (~20%; 256 KiB).
 *
 * Tried, and left (all on the 21,578 Reuters records, --no-recognize
 * --topics 0): the walks make 2.04M trie steps, 0.98M of them below depth
 * 4; tails (the rest of a key below a one-child node stored as bytes) would
 * save at most the 0.25M steps below depth 4 that go from a one-child node
 * to another cache line, about 1/7 of the steps that change line, ~1% of
 * the time: not worth a format change.  96k of the 273k walks find no key
 * at all ("for the", "bank of": a pair that begins keys of three words).
 * Placing a node's children after it rather than in the lowest free unit,
 * the trie in 2 MB pages (MADV_HUGEPAGE), and prefetching the next word's
 * bitset line as soon as its hash is known did not change the scan's CPU
 * time; batching the bitset loads (with one line per entry) was slower.
 */
#include "scan.h"
#include "recognize.h"

#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "case_rule.h"
#include "scratch.h"

/* Candidates remembered along one walk: longer chains of nested keys keep
 * only the longest ones. */
#define MAX_CANDIDATES 64

typedef struct {
    uint32_t node;
    uint32_t end; /* normalised offset just past the key */
} candidate_t;

/* May a match whose last code point has class @p last end before @p next? */
static inline bool end_ok(uint8_t last, uint8_t next)
{
    return !(last == TG_CLS_WORD && tg_cls_wordish(next));
}

/* Normalised bytes as the first-word filter sees them. */
enum { WB_SEP, WB_ALNUM, WB_END, WB_HIGH };
#define WB(c)                                                                         \
    ((c) == 0 ? WB_END                                                                \
     : (((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z') || ((c) >= '0' && (c) <= '9')) \
         ? WB_ALNUM                                                                   \
         : WB_SEP)
#define WB_ROW(b)                                                                     \
    WB(b), WB(b + 1), WB(b + 2), WB(b + 3), WB(b + 4), WB(b + 5), WB(b + 6), WB(b + 7),   \
        WB(b + 8), WB(b + 9), WB(b + 10), WB(b + 11), WB(b + 12), WB(b + 13), WB(b + 14), \
        WB(b + 15)
#define HIGH_ROW                                                                      \
    WB_HIGH, WB_HIGH, WB_HIGH, WB_HIGH, WB_HIGH, WB_HIGH, WB_HIGH, WB_HIGH, WB_HIGH,     \
        WB_HIGH, WB_HIGH, WB_HIGH, WB_HIGH, WB_HIGH, WB_HIGH, WB_HIGH

static const uint8_t word_byte[256] = {
    WB_ROW(0x00), WB_ROW(0x10), WB_ROW(0x20), WB_ROW(0x30), WB_ROW(0x40), WB_ROW(0x50),
    WB_ROW(0x60), WB_ROW(0x70), HIGH_ROW,     HIGH_ROW,     HIGH_ROW,     HIGH_ROW,
    HIGH_ROW,     HIGH_ROW,     HIGH_ROW,     HIGH_ROW};

/* The end of the run of ASCII letters and digits that starts at @p i
 * (word_byte[] == WB_ALNUM); @p t is padded (TG_NORM_PAD).  With SSE2, 16
 * bytes at a time: one test per word instead of one branch per byte, whose
 * exit the predictor misses once per word. */
static inline size_t alnum_end(const uint8_t *t, size_t i)
{
#ifdef __SSE2__
    /* A byte c is in [lo, lo + n) when (int8)(c - lo - 128) < (int8)(n - 128):
     * one add and one signed compare per range. */
    const __m128i to_a = _mm_set1_epi8((char)(-'a' - 128)), below_26 = _mm_set1_epi8(26 - 128);
    const __m128i to_0 = _mm_set1_epi8((char)(-'0' - 128)), below_10 = _mm_set1_epi8(10 - 128);
    const __m128i case_bit = _mm_set1_epi8(0x20);
    for (;; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
        __m128i folded = _mm_or_si128(v, case_bit); /* A-Z to a-z */
        __m128i alpha = _mm_cmplt_epi8(_mm_add_epi8(folded, to_a), below_26);
        __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v, to_0), below_10);
        unsigned not_alnum = ~(unsigned)_mm_movemask_epi8(_mm_or_si128(alpha, digit)) & 0xFFFFu;
        if (not_alnum) {
            return i + (size_t)__builtin_ctz(not_alnum);
        }
    }
#else
    while (word_byte[t[i]] == WB_ALNUM) {
        i++;
    }
    return i;
#endif
}

/* The next word after a skipped one: hashed already by the pair test, and
 * where the scan goes next (only ASCII separators lie between the two). */
typedef struct {
    size_t start, end; /* start SIZE_MAX: none */
    uint64_t hash;     /* tg_fw_hash() of the word */
} next_word_t;

/* Where the word at normalised offset @p i ends when the first-word
 * bitsets say that no key can match at i (trie.h has the rules and why they
 * are safe); 0 when one may (or the word is not plain ASCII: no filter).
 * Each word is hashed once, 8 bytes at a time, after its end is found.  The
 * next word and the separators before it are hashed whether the word
 * needs the pair test or not, and the three bits are combined without
 * branches: a branch on the ANY bit went the wrong way for one word in
 * two, each time waiting for the bitset line, where the combined answer
 * is "skip" for ~90% of words and the next word's work overlaps the load.
 * The next word (and its hash) is left in @p next when the word is
 * skipped and one follows.  @p t is NUL-terminated and padded
 * (TG_NORM_PAD), and holds no other NUL. */
static inline size_t word_to_skip(const tg_trie_t *trie, const uint8_t *t, size_t i,
                                  next_word_t *next, tg_scan_word_t **kept)
{
    uint64_t h = next->hash;
    size_t w = next->end;
    if (i != next->start) {
        if (word_byte[t[i]] != WB_ALNUM) {
            return 0;
        }
        w = alnum_end(t, i + 1);
        h = tg_fw_hash_padded(t + i, w - i);
    }
    next->start = SIZE_MAX;
    if (word_byte[t[w]] == WB_HIGH) {
        return 0;
    }
    if (*kept) {
        **kept = (tg_scan_word_t){h, (uint32_t)i, (uint32_t)(w - i)};
        (*kept)++;
    }
    const uint64_t *line = tg_trie_fw_line(trie, h);
    size_t x = w;
    while (word_byte[t[x]] == WB_SEP) {
        x++;
    }
    unsigned after_x = word_byte[t[x]];
    unsigned walk = (after_x == WB_HIGH) | tg_trie_fw_alone(line, h);
    if (after_x == WB_ALNUM) {
        size_t y = alnum_end(t, x + 1);
        uint64_t next_hash = tg_fw_hash_padded(t + x, y - x);
        uint64_t pair = tg_fw_pair(h, tg_fw_hash_padded(t + w, x - w), next_hash);
        walk |= (word_byte[t[y]] == WB_HIGH) | tg_trie_fw_pair(line, pair);
        *next = (next_word_t){x, y, next_hash};
    }
    if (walk & tg_trie_fw_any(line, h)) {
        next->start = SIZE_MAX;
        return 0;
    }
    return w;
}

/* Checks the alias records of @p node against the original span and
 * reports the passing ones, one per entity.  Returns the number reported
 * (0: none passed) or a negative value when the callback stopped. */
static int report_node(const tagger_t *tg, const char *text, size_t len, uint32_t start,
                       uint32_t end, const tg_trie_value_t *key, tg_hit_fn on_hit, void *ctx)
{
    uint32_t pass[MAX_CANDIDATES];
    uint32_t n_pass = 0, last_entity = UINT32_MAX;
    for (uint32_t a = key->alias_first; a < key->alias_first + key->n_alias; a++) {
        const tg_alias_t *al = &tg->aliases[a];
        if (al->entity == last_entity) {
            continue; /* this entity already passed */
        }
        if (tg_case_ok(text, len, start, end, al->flags, &al->sig)) {
            last_entity = al->entity;
            if (n_pass < MAX_CANDIDATES) {
                pass[n_pass++] = a;
            }
        }
    }
    for (uint32_t k = 0; k < n_pass; k++) {
        tg_hit_t hit = {start, end, pass[k], n_pass};
        if (on_hit(&hit, ctx)) {
            return -1;
        }
    }
    return (int)n_pass;
}

int tg_scan_hits(const tagger_t *tg, tagger_scratch_t *s, const char *text, size_t len,
                 unsigned flags, tg_hit_fn on_hit, void *ctx)
{
    if (!tg || !s || s->tg != tg || (!text && len) || !on_hit) {
        return TAGGER_ERR_MISUSE;
    }
    int rc = tg_norm_text(&s->norm, text ? text : "", len);
    if (rc) {
        return rc;
    }
    const tg_norm_t *n = &s->norm;
    const uint8_t *t = (const uint8_t *)n->text;
    const uint8_t *cls = n->cls;
    const size_t n_len = n->len;
    /* A copy that the callback cannot reach, so that its fields stay in
     * registers across calls. */
    const tg_trie_t trie_copy = tg->trie;
    const tg_trie_t *trie = &trie_copy;
    bool all = (flags & TAGGER_SCAN_ALL) != 0;
    bool prev_word = false; /* the code point before i is tg_cls_wordish() */
    size_t i = 0;
    next_word_t next = {SIZE_MAX, 0, 0};
    /* Each kept word has a byte and a separator, but the last. */
    tg_scan_word_t *kept = NULL;
    s->n_words = 0;
    if ((flags & TG_SCAN_WORDS) && n_len <= TG_SCAN_WORDS_MAX_TEXT &&
        tg_grow((void **)&s->words, &s->cap_words, n_len / 2 + 1, sizeof *s->words) == 0) {
        kept = s->words;
    }

    while (i < n_len) {
        uint8_t c = cls[i];
        /* A match starts at a glued code point, or at a letter or digit
         * that does not follow one.  Bytes inside a code point leave the
         * previous class as it is. */
        if (c == TG_CLS_CONT) {
            i++;
            continue;
        }
        if (c != TG_CLS_GLUED && (prev_word || !tg_cls_wordish(c))) {
            prev_word = tg_cls_wordish(c);
            i++;
            continue;
        }
        /* Skipped words lead straight to the next one: the pair test has
         * found it after ASCII separators, so it starts a word and follows
         * no letter or digit, and the tests above would pass it. */
        size_t skip;
        while ((skip = word_to_skip(trie, t, i, &next, &kept)) != 0 && next.start != SIZE_MAX) {
            i = next.start;
            c = cls[i];
        }
        if (skip) {
            /* A plain ASCII word that starts no key, and no word after it:
             * skipped whole with the separators after it. */
            for (i = skip; word_byte[t[i]] == WB_SEP; i++) {
            }
            prev_word = (i == skip); /* only at the end of the text */
            continue;
        }
        /* Walk the trie, remembering keys that end on a word boundary. */
        candidate_t cand[MAX_CANDIDATES];
        size_t n_cand = 0;
        uint32_t node = 0;
        uint8_t last = c;
        for (size_t j = i; j < n_len; j++) {
            if (cls[j] != TG_CLS_CONT) {
                last = cls[j];
            }
            node = tg_trie_step(trie, node, t[j]);
            if (node == TG_TRIE_NONE) {
                break;
            }
            if (tg_trie_is_key(trie, node) && cls[j + 1] != TG_CLS_CONT &&
                end_ok(last, cls[j + 1])) {
                if (n_cand == MAX_CANDIDATES) {
                    memmove(cand, cand + 1, (MAX_CANDIDATES - 1) * sizeof *cand);
                    n_cand--;
                }
                cand[n_cand++] = (candidate_t){node, (uint32_t)(j + 1)};
            }
        }
        /* Longest first; the first that passes its case rule wins. */
        size_t matched_end = 0;
        for (size_t k = n_cand; k-- > 0;) {
            uint32_t start = n->src[i];
            uint32_t end = (uint32_t)tg_norm_src_end(n, cand[k].end - 1);
            int got = report_node(tg, text, len, start, end, tg_trie_value(trie, cand[k].node),
                                  on_hit, ctx);
            if (got < 0) {
                return TAGGER_ERR_STOPPED;
            }
            if (got > 0 && !all) {
                matched_end = cand[k].end;
                break;
            }
        }
        if (matched_end) {
            /* Resume after the match; its last code point is the new prev. */
            size_t k = matched_end - 1;
            while (cls[k] == TG_CLS_CONT) {
                k--;
            }
            prev_word = tg_cls_wordish(cls[k]);
            i = matched_end;
        } else {
            /* No match here, nor anywhere else in an ASCII word. */
            prev_word = tg_cls_wordish(c);
            i++;
            while (word_byte[t[i]] == WB_ALNUM && word_byte[t[i - 1]] == WB_ALNUM) {
                i++;
            }
        }
    }
    s->n_words = kept ? (size_t)(kept - s->words) : 0;
    return TAGGER_OK;
}

/* ------------------------------------------------------------------------ */
/* Scratch and the public scan                                               */

int tagger_scratch_new(const tagger_t *tg, tagger_scratch_t **out)
{
    if (!out) {
        return TAGGER_ERR_MISUSE;
    }
    *out = NULL;
    if (!tg) {
        return TAGGER_ERR_MISUSE;
    }
    tagger_scratch_t *s = calloc(1, sizeof *s);
    if (!s) {
        return TAGGER_ERR_NOMEM;
    }
    s->tg = tg;
    size_t n = tg->n_entities ? tg->n_entities : 1;
    s->entity_slot = malloc(n * sizeof *s->entity_slot);
    s->support = calloc(n, sizeof *s->support);
    s->named = calloc(n, sizeof *s->named);
    if (!s->entity_slot || !s->support || !s->named) {
        tagger_scratch_free(s);
        return TAGGER_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        s->entity_slot[i] = -1;
    }
    *out = s;
    return TAGGER_OK;
}

void tagger_scratch_set_options(tagger_scratch_t *s, unsigned options)
{
    if (s) {
        s->options = options;
    }
}

void tagger_scratch_free(tagger_scratch_t *s)
{
    if (!s) {
        return;
    }
    tg_norm_free(&s->norm);
    tg_norm_free(&s->norm_aux);
    tg_topic_scratch_free(&s->topic);
    tg_layout_free(&s->layout);
    free(s->hits);
    free(s->words);
    free(s->recs);
    free(s->entity_slot);
    free(s->support);
    free(s->named);
    free(s->shorts);
    free(s->short_keys);
    tg_recog_free(s->recog);
    free(s);
}

typedef struct {
    const tagger_t *tg;
    const char *text;
    tagger_match_fn on_match;
    void *ctx;
    size_t byte_pos, char_pos; /* code points before byte_pos */
} scan_ctx_t;

static int forward_hit(const tg_hit_t *hit, void *vctx)
{
    scan_ctx_t *sc = vctx;
    const tg_alias_t *al = &sc->tg->aliases[hit->alias];
    const tg_entity_t *e = &sc->tg->entities[al->entity];
    /* Starts never decrease, so code points are counted once. */
    sc->char_pos += tg_utf8_count(sc->text + sc->byte_pos, hit->start - sc->byte_pos);
    sc->byte_pos = hit->start;
    tagger_match_t m;
    m.start = hit->start;
    m.end = hit->end;
    m.char_start = sc->char_pos;
    m.char_end = sc->char_pos + tg_utf8_count(sc->text + hit->start, hit->end - hit->start);
    m.kind = (tagger_kind_t)e->kind;
    m.via = tg_alias_via(al);
    m.entity = al->entity;
    m.n_candidates = hit->n_candidates;
    m.id = tg_str(sc->tg, e->id);
    m.name = tg_str(sc->tg, e->name);
    return sc->on_match(&m, sc->ctx);
}

int tagger_scan(const tagger_t *tg, tagger_scratch_t *s, const char *text, size_t len,
                unsigned flags, tagger_match_fn on_match, void *ctx)
{
    if (!on_match || (flags & ~TAGGER_SCAN_ALL)) {
        return TAGGER_ERR_MISUSE;
    }
    scan_ctx_t sc = {tg, text, on_match, ctx, 0, 0};
    return tg_scan_hits(tg, s, text, len, flags, forward_hit, &sc);
}
