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
 * Cost: one trie step per byte of the longest key prefix at each word
 * start, which in running text is one or two bytes; the case rule is checked
 * only on candidates.
 */
#include "scan.h"
#include "recognize.h"

#include <stdlib.h>
#include <string.h>

#include "case_rule.h"
#include "scratch.h"

/* Candidates remembered along one walk: longer chains of nested keys keep
 * only the longest ones. */
#define MAX_CANDIDATES 64

typedef struct {
    uint32_t node;
    uint32_t end; /* normalised offset just past the key */
} candidate_t;

/* May a match start at a code point of class @p cls after one of @p prev? */
static inline bool start_ok(uint8_t prev, uint8_t cls)
{
    if (cls == TG_CLS_GLUED) {
        return true;
    }
    return tg_cls_wordish(cls) && !tg_cls_wordish(prev);
}

/* May a match whose last code point has class @p last end before @p next? */
static inline bool end_ok(uint8_t last, uint8_t next)
{
    return !(last == TG_CLS_WORD && tg_cls_wordish(next));
}

/* Whether a key may match at normalised offset @p i, from the first-word
 * bitsets (trie.h has the rules and why they are safe).  @p t is
 * NUL-terminated, and holds no other NUL. */
static inline bool may_start_key(const tg_trie_t *trie, const uint8_t *t, size_t i)
{
    size_t w = i, x, y;
    while (tg_trie_ascii_alnum(t[w])) {
        w++;
    }
    if (w == i || t[w] >= 0x80) {
        return true; /* not a plain ASCII word: no filter */
    }
    if (!tg_trie_first_word(trie, TG_FW_ANY, t + i, w - i)) {
        return false;
    }
    for (x = w; t[x] && t[x] < 0x80 && !tg_trie_ascii_alnum(t[x]); x++) {
    }
    if (t[x] == 0) {
        return tg_trie_first_word(trie, TG_FW_ALONE, t + i, w - i);
    }
    if (t[x] >= 0x80) {
        return true;
    }
    for (y = x; tg_trie_ascii_alnum(t[y]); y++) {
    }
    return t[y] >= 0x80 || tg_trie_first_word(trie, TG_FW_ALONE, t + i, w - i) ||
           tg_trie_first_word(trie, TG_FW_PAIR, t + i, y - i);
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
    const tg_trie_t *trie = &tg->trie;
    bool all = (flags & TAGGER_SCAN_ALL) != 0;
    uint8_t prev = TG_CLS_BREAK;
    size_t i = 0;

    while (i < n->len) {
        uint8_t c = cls[i];
        size_t next = i + 1;
        while (cls[next] == TG_CLS_CONT) {
            next++;
        }
        if (!start_ok(prev, c) || tg_trie_step(trie, 0, t[i]) == TG_TRIE_NONE) {
            prev = c;
            i = next;
            continue;
        }
        if (!may_start_key(trie, t, i)) {
            /* A plain ASCII word that starts no key is skipped whole. */
            while (tg_trie_ascii_alnum(t[i])) {
                i++;
            }
            prev = TG_CLS_WORD;
            continue;
        }
        /* Walk the trie, remembering keys that end on a word boundary. */
        candidate_t cand[MAX_CANDIDATES];
        size_t n_cand = 0;
        uint32_t node = 0;
        uint8_t last = c;
        for (size_t j = i; j < n->len; j++) {
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
            prev = cls[k];
            i = matched_end;
        } else {
            prev = c;
            i = next;
        }
    }
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
