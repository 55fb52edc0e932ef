/*
 * recog_tag.c - the recognizer's tagging (recognize.c, step 3): the keys
 * of the candidates' features, and the greedy tagging of a line.
 *
 * Greedily left to right, each candidate gets the best of O, B-/I-PER,
 * ORG, LOC, MISC under the averaged perceptron of models/names.model
 * (name_model.c), from the features of scripts/train-names's
 * word_features() - this file and that function must compute the same
 * strings.  They carry the cues: the word itself, its shape and affixes,
 * the words around it ("President", "Mr", "minister", "coach" before;
 * "Inc", "FC", "Party" in it; "in", "near" before places), the labels just
 * given, whether it or a neighbour is a first name, sentence starts, and
 * whether the line is all caps or title case.  The fixed parts of the
 * features are hashed once per scratch (fixed_t).
 *
 * Cost: about 20 (or 15) hash lookups per candidate into a table of
 * megabytes, which miss the cache: a line's memo entries, then its keys
 * are all made first and fetched (tg_recog_prefetch_memo(),
 * tg_names_prefetch()), then looked up (the sums are exact: int32
 * thousandths in 32-byte slots, one cache line each, name_model.h).
 */
#include "recog_internal.h"

#include <stdbool.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* Fixed parts of the features                                               */

static uint64_t hs(const char *s)
{
    return tg_names_hash(TG_NAMES_HASH_INIT, s, strlen(s));
}

void tg_recog_fixed_init(fixed_t *f, const tg_names_t *m)
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

/* ------------------------------------------------------------------------ */
/* Features and tagging                                                      */

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

/* The keys of the features of word @p i, scripts/train-names
 * word_features() in its order, each its parts' hashes combined
 * (name_model.h); the three of the labels before it are left to
 * tg_recog_tag_line(), and those of its affixes come from @p h (not needed, nor
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
    str_t p = i > 0 ? tg_recog_raw(ln, i - 1) : (str_t){"", 0};
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

/* Greedy tagging, left to right (step 3): each candidate gets the label of
 * the best score.  The keys of every candidate but those of the labels are
 * made first and their slots fetched, so that the lookups of the line wait
 * for memory once rather than once per candidate; @p keys has room for
 * MAX_KEYS per word.  A candidate whose first PREFIX_KEYS features the
 * memo has summed starts from that sum (@p prefix, per word) and skips
 * them; one that it has not sums them first and leaves the sum there. */
void tg_recog_tag_line(tg_recog_t *r, line_t *ln, word_t *w, uint64_t (*keys)[MAX_KEYS],
                       uint8_t *n_keys, int32_t (*prefix)[TG_NAMES_N_LABELS])
{
    const fixed_t *f = ln->fx;
    for (size_t i = 0; i < ln->n; i++) {
        if (w[i].cand) {
            struct word_memo *e = tg_recog_memo_of(r, &w[i]);
            w[i].summed = e && (*tg_recog_memo_flags(e) & MEMO_SUMMED);
            word_hashes_t h = {0};
            if (!w[i].summed) {
                tg_recog_hash_word(ln->text, ln->len, &w[i], &h); /* p3 and s3, for the sum */
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
            struct word_memo *e = tg_recog_memo_of(r, &w[i]);
            if (e) {
                memcpy(r->memo_sums[e - r->memo], sc, sizeof sc);
                *tg_recog_memo_flags(e) |= MEMO_SUMMED;
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
