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
 * features are hashed once per scratch (fixed_t), as mixers (name_model.h)
 * where a word's hash is mixed in.
 *
 * Cost: 10 or 11 hash lookups per candidate (pw, nw, pw2, nw2, ps, ns,
 * pww, wnw, k, plw, and st at a sentence start), 4 more (w, s, p3, s3) when
 * the memo has not summed the word, into a table of megabytes, which miss
 * the cache: a block's keys are all made first and fetched
 * (tg_names_prefetch(): a filter word and a table line each, name_model.c),
 * then looked up (the sums are exact: int32 sums of int16 thousandths).  A
 * memoised word's sum of its own four features is in its memo entry, the
 * same cache line as the rest of the entry (recog_internal.h), as int16
 * when it fits.  The features that need no word, b, pl, pl2 (the
 * labels just given: 10 x 10 pairs with "<s>") and fn, pfn, nfn (8
 * cases), have no keys: their sums are rows made when the scratch meets
 * the model (tg_recog_fixed_init()), added as two rows per candidate;
 * exact integers, so the scores are those of the lookups (2000 Reuters
 * records: 80.9M instructions in tg_recog_tag_line before, 65.8M after,
 * with the mixers and the memoised words' keys left unmade).  plw waits
 * for the label before only when the word before is a candidate; else it
 * is O (or "<s>") and plw is fetched with the rest.
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

static tg_names_mixer_t mixer(const char *s)
{
    return tg_names_mixer(hs(s));
}

/* The hash of label @p k, or of "<s>" for k = TG_NAMES_N_LABELS. */
static uint64_t label_hash(const fixed_t *f, int k)
{
    return k < TG_NAMES_N_LABELS ? f->labels[k] : f->bos;
}

void tg_recog_fixed_init(fixed_t *f, const tg_names_t *m)
{
    f->w = mixer("w"), f->s = mixer("s"), f->p3 = mixer("p3"), f->s3 = mixer("s3");
    f->pw = mixer("pw"), f->nw = mixer("nw"), f->pw2 = mixer("pw2"), f->nw2 = mixer("nw2");
    f->ps = mixer("ps"), f->ns = mixer("ns"), f->pww = mixer("pww"), f->wnw = mixer("wnw");
    f->st = mixer("st");
    f->bos = hs("<s>"), f->eos = hs("</s>"), f->xx = hs("Xx");
    for (int k = 0; k < TG_NAMES_N_LABELS; k++) {
        f->labels[k] = hs(tg_names_labels[k]);
    }
    for (int k = 0; k <= TG_NAMES_N_LABELS; k++) {
        f->plw_label[k] = tg_names_mixer(tg_names_mix(hs("plw"), label_hash(f, k)));
    }
    f->k_kind[0] = tg_names_mixer(tg_names_mix(hs("k"), hs("C")));
    f->k_kind[1] = tg_names_mixer(tg_names_mix(hs("k"), hs("T")));
    f->k_kind[2] = tg_names_mixer(tg_names_mix(hs("k"), hs("N")));
    f->bos_first = tg_names_first(m, f->bos);
    f->eos_first = tg_names_first(m, f->eos);
    /* Exact integer sums, so adding these rows instead of looking up the
     * features one by one gives the same scores. */
    uint64_t b = hs("b"), pl = hs("pl"), pl2 = hs("pl2");
    for (int k2 = 0; k2 <= TG_NAMES_N_LABELS; k2++) {
        for (int k1 = 0; k1 <= TG_NAMES_N_LABELS; k1++) {
            int32_t *sum = f->label_sums[k2][k1];
            uint64_t prev = label_hash(f, k1), prev2 = label_hash(f, k2);
            memset(sum, 0, sizeof f->label_sums[k2][k1]);
            tg_names_add(m, b, sum);
            tg_names_add(m, tg_names_mix(pl, prev), sum);
            tg_names_add(m, tg_names_mix(tg_names_mix(pl2, prev2), prev), sum);
        }
    }
    uint64_t first[3] = {hs("fn"), hs("pfn"), hs("nfn")};
    for (int bits = 0; bits < 8; bits++) {
        memset(f->first_sums[bits], 0, sizeof f->first_sums[bits]);
        for (int j = 0; j < 3; j++) {
            if (bits & (1 << j)) {
                tg_names_add(m, first[j], f->first_sums[bits]);
            }
        }
    }
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

/* The key of "plw": label @p prev (an index of label_hash()) and word @p i. */
static uint64_t plw_key(const line_t *ln, size_t i, int prev)
{
    const fixed_t *f = ln->fx;
    return tg_names_mix_with(f->plw_label[prev], ln->w[i].h_low);
}

/* The label of the word before word @p i as label_sums indexes it, or -1
 * while it is not known (a candidate not tagged yet). */
static int label_before(const line_t *ln, size_t i)
{
    return i == 0 ? TG_NAMES_N_LABELS : ln->w[i - 1].cand ? -1 : TG_NL_O;
}

/* The keys of the features of word @p i that have keys (recog_internal.h),
 * scripts/train-names word_features() in its order, each its parts' hashes
 * combined (name_model.h); KEY_PLW is left to tg_recog_tag_line() unless
 * the label before is known already (a word that is not a candidate is
 * O).  The first PREFIX_KEYS, the word's own, are made only with @p h, the
 * hashes of its affixes; NULL when the memo has summed them, and the keys
 * are left unset.  Returns the number of keys, those included. */
static size_t word_keys(const line_t *ln, size_t i, const word_hashes_t *h, uint64_t *keys)
{
    const fixed_t *f = ln->fx;
    const word_t *w = &ln->w[i];
    uint64_t lw = w->h_low, pw = before(ln, i, 1, false), nw = after(ln, i, 1, false);
    tg_names_mixer_t k_kind = f->k_kind[ln->kind == 'C' ? 0 : ln->kind == 'T' ? 1 : 2];
    if (h) {
        keys[0] = tg_names_mix_with(f->w, lw);
        keys[1] = tg_names_mix_with(f->s, w->h_shape);
        keys[2] = tg_names_mix_with(f->p3, h->p3);
        keys[3] = tg_names_mix_with(f->s3, h->s3);
    }
    size_t n = PREFIX_KEYS;
    keys[n++] = tg_names_mix_with(f->pw, pw);
    keys[n++] = tg_names_mix_with(f->nw, nw);
    keys[n++] = tg_names_mix_with(f->pw2, before(ln, i, 2, false));
    keys[n++] = tg_names_mix_with(f->nw2, after(ln, i, 2, false));
    keys[n++] = tg_names_mix_with(f->ps, before(ln, i, 1, true));
    keys[n++] = tg_names_mix_with(f->ns, after(ln, i, 1, true));
    keys[n++] = tg_names_mix(tg_names_mix_with(f->pww, pw), lw);
    keys[n++] = tg_names_mix(tg_names_mix_with(f->wnw, lw), nw);
    keys[n++] = tg_names_mix_with(k_kind, w->h_shape);
    int prev = label_before(ln, i);
    keys[n++] = prev >= 0 ? plw_key(ln, i, prev) : 0; /* KEY_PLW */
    if (tg_recog_opens_sentence(ln, i)) {
        keys[n++] = tg_names_mix_with(f->st, lw);
    }
    return n;
}

/* Which of word @p i ("fn"), the word before ("pfn") and the word after
 * ("nfn") are first names, as bits 0-2: the row of fixed_t first_sums. */
static unsigned first_bits(const line_t *ln, size_t i)
{
    const fixed_t *f = ln->fx;
    bool fn = ln->w[i].first;
    bool pfn = i > 0 ? ln->w[i - 1].first : f->bos_first;
    bool nfn = i + 1 < ln->n ? ln->w[i + 1].first : f->eos_first;
    return (unsigned)fn | (unsigned)pfn << 1 | (unsigned)nfn << 2;
}

/* Adds rows @p a and @p b to @p sc; written out, as the compiler keeps a
 * loop of nine as a loop. */
static void add_rows(const int32_t *restrict a, const int32_t *restrict b, int32_t *restrict sc)
{
    sc[0] += a[0] + b[0];
    sc[1] += a[1] + b[1];
    sc[2] += a[2] + b[2];
    sc[3] += a[3] + b[3];
    sc[4] += a[4] + b[4];
    sc[5] += a[5] + b[5];
    sc[6] += a[6] + b[6];
    sc[7] += a[7] + b[7];
    sc[8] += a[8] + b[8];
}

/* Whether label @p k (an index of label_hash()) is a name's: not O, not
 * "<s>". */
static bool name_label(int k)
{
    return k != TG_NL_O && k < TG_NAMES_N_LABELS;
}

/* The label of word @p i, whose best score is label @p best, scores @p sc,
 * after word i - 1 labelled @p prev.  Greedy tagging has no other check,
 * and "Opposition leader Aung San Suu Kyi" came out B-PER I-PER I-ORG
 * I-ORG: a person, then an organization.  The inside of a name (I-X) right
 * after a name of another type either goes on with that name or begins one
 * of its own (B-X), whichever scores more: "Suu" goes on with "Aung San".
 * Not with a place: a name that opens with one is an organization, which
 * recog_orgs.c joins ("Hong Kong" "Stock Exchange").  Nor a common word with
 * a person: the model typed the name before it wrongly ("Reagan"
 * "Administration"), or it is a name of its own.  A person's inside after
 * a first name the model put in another name makes that first name begin
 * the person: in "Chancellor of the Exchequer Nigel Lawson", "Nigel"
 * scored I-ORG and "Lawson" I-PER (word i - 1 is relabelled).  After O the
 * label stays as it is: the spans read it as a beginning, and the next
 * word's features were learned with the labels the model gives.  A person
 * after a one-word organization in camel case after a given name's prefix
 * goes on from it, the first name the model took for a company ("LeBron"
 * B-ORG, "James" B-PER). */
static int valid_label(line_t *ln, size_t i, int prev, int best, const int32_t *sc)
{
    if ((best == TG_NL_B_PER || best == TG_NL_I_PER) && prev == TG_NL_B_ORG &&
        tg_recog_spaced(ln, i) && tg_recog_given_camel(ln, i - 1)) {
        ln->w[i - 1].label = TG_NL_B_PER; /* "LeBron" + "James" */
        return TG_NL_I_PER;
    }
    if (!tg_recog_inside_label(best) || !name_label(prev) || prev == best || prev == best - 1) {
        return best;
    }
    if (best == TG_NL_I_PER && ln->w[i - 1].first) {
        ln->w[i - 1].label = TG_NL_B_PER;
        return best;
    }
    int go_on = tg_recog_inside_label(prev) ? prev : prev + 1; /* the inside of prev's type */
    int begin = best - 1;
    if (go_on == TG_NL_I_LOC || (go_on == TG_NL_I_PER && tg_recog_is_common(ln, i))) {
        return begin;
    }
    return sc[go_on] > sc[begin] ? go_on : begin;
}

/* Whether every score of @p sc fits the memo's int16 sums (a sum of four
 * weights may not: |w| <= 32.767). */
static bool fits_int16(const int32_t *sc)
{
    bool fits = true;
    for (int k = 0; k < TG_NAMES_N_LABELS; k++) {
        fits &= sc[k] >= INT16_MIN && sc[k] <= INT16_MAX;
    }
    return fits;
}

/* Greedy tagging of words [a, b) of a line, left to right (step 3): each
 * candidate gets the label of the best score.  The keys of every candidate
 * are made first and their slots fetched, so that the lookups wait for
 * memory once rather than once per candidate; @p keys has room for
 * MAX_KEYS per word, from word a (KEY_PLW, when it waits for the label
 * before, is made and looked up when that label is given).  A candidate
 * whose first PREFIX_KEYS features the memo has summed starts from that
 * sum, in its memo entry, and skips them; one that it has not sums them
 * first and leaves the sum there.  The features without keys add their
 * rows of fixed_t. */
static void tag_words(tg_recog_t *r, line_t *ln, word_t *w, size_t a, size_t b,
                      uint64_t (*keys)[MAX_KEYS], uint8_t *n_keys)
{
    const fixed_t *f = ln->fx;
    for (size_t i = a; i < b; i++) {
        if (w[i].cand) {
            struct word_memo *e = tg_recog_memo_of(r, &w[i]);
            w[i].summed = e && (*tg_recog_memo_flags(e) & MEMO_SUMMED);
            word_hashes_t h;
            if (!w[i].summed && w[i].affixed) {
                h.p3 = w[i].p3, h.s3 = w[i].s3; /* hashed by tg_recog_know_words() */
            } else if (!w[i].summed) {
                tg_recog_hash_word(ln->text, ln->len, &w[i], &h); /* p3 and s3, for the sum */
            }
            n_keys[i - a] = (uint8_t)word_keys(ln, i, w[i].summed ? NULL : &h, keys[i - a]);
            size_t from = w[i].summed ? PREFIX_KEYS : 0;
            size_t to = label_before(ln, i) >= 0 ? n_keys[i - a] : KEY_PLW;
            tg_names_prefetch(ln->m, keys[i - a] + from, to - from);
            if (to == KEY_PLW) {
                tg_names_prefetch(ln->m, keys[i - a] + KEY_PLW + 1,
                                  n_keys[i - a] - KEY_PLW - 1);
            }
        }
    }
    for (size_t i = a; i < b; i++) {
        if (!w[i].cand) {
            w[i].label = TG_NL_O;
            continue;
        }
        int prev = i > 0 ? w[i - 1].label : TG_NAMES_N_LABELS;
        int prev2 = i > 1 ? w[i - 2].label : TG_NAMES_N_LABELS;
        uint64_t *key = keys[i - a];
        if (i > 0 && w[i - 1].cand) {
            key[KEY_PLW] = plw_key(ln, i, prev);
        }
        int32_t sc[TG_NAMES_N_LABELS];
        struct word_memo *e = tg_recog_memo_of(r, &w[i]); /* the first loop's: no word moved */
        if (w[i].summed) {
            for (int k = 0; k < TG_NAMES_N_LABELS; k++) {
                sc[k] = e->sum[k];
            }
        } else {
            memset(sc, 0, sizeof sc);
            tg_names_add_all(ln->m, key, PREFIX_KEYS, sc);
            if (e && fits_int16(sc)) {
                for (int k = 0; k < TG_NAMES_N_LABELS; k++) {
                    e->sum[k] = (int16_t)sc[k];
                }
                *tg_recog_memo_flags(e) |= MEMO_SUMMED;
            }
        }
        add_rows(f->label_sums[prev2][prev], f->first_sums[first_bits(ln, i)], sc);
        tg_names_add_all(ln->m, key + PREFIX_KEYS, n_keys[i - a] - PREFIX_KEYS, sc);
        int best = 0;
        for (int k = 1; k < TG_NAMES_N_LABELS; k++) {
            if (sc[k] > sc[best]) {
                best = k;
            }
        }
        if (best == TG_NL_O && ln->kind != 'C' && tg_recog_camel_org(ln, i) &&
            (name_label(prev) || !tg_recog_word_in(ln, i, &f->sets.legal_forms))) {
            /* "OpenAI said on Monday": a word in camel case is no common
             * word that opens a sentence (recog_orgs.c); a legal form in
             * it ends the name before, which it joins (recog_orgs.c
             * tg_recog_join_legal_forms(): "Automobili Lamborghini SpA"). */
            best = prev == TG_NL_B_ORG || prev == TG_NL_I_ORG ? TG_NL_I_ORG : TG_NL_B_ORG;
        }
        w[i].label = (uint8_t)valid_label(ln, i, prev, best, sc);
    }
}

/* The line in blocks of TAG_BLOCK words, each tagged as above: the same
 * labels (the words either side and the labels before are the line's),
 * and the keys of a block, not of a line, in memory: a document of one
 * 32 MiB line would otherwise hold some 40 bytes of keys and sums per
 * byte. */
void tg_recog_tag_line(tg_recog_t *r, line_t *ln, word_t *w, uint64_t (*keys)[MAX_KEYS],
                       uint8_t *n_keys)
{
    for (size_t a = 0; a < ln->n; a += TAG_BLOCK) {
        tag_words(r, ln, w, a, a + TAG_BLOCK < ln->n ? a + TAG_BLOCK : ln->n, keys, n_keys);
    }
}
