/*
 * topic_score.c - a document's topics from the keyword model.
 *
 * One pass over the text takes its words with their 64-bit hashes (those
 * the scan hashed for its first-word filter, tg_scan_word_t, as they are;
 * the others found by tg_topic_next_word, inline) and looks each up in the
 * model's probe table, with the word pair it ends when the word before
 * starts a pair of the model (the pair's hash made from its words'
 * hashes); the hits are counted per feature, in a local copy of the
 * scratch's arrays and the table's parts that the compiler keeps in
 * registers (tally_t); the entity features come from the annotation.
 * Then each touched feature adds w x to the topics it has weights for, and
 * the evidence of the topics that pass the threshold is picked from the
 * same touched features.
 *
 * What it costs (callgrind, the first 2,000 records of the Reuters JSON Lines
 * stream, 1.74 MB): the program does ~57M instructions more than with
 * --topics 0 (+18%): the word loop with its probes and counts ~22M, gathering
 * the evidence candidates ~7M and picking them ~5M, the sums, ranking and
 * result ~12M, the topics' JSON ~7M (2026-12-02, with those functions kept out
 * of line); then keys without a plural "s" (topic_features.h) added ~5.5M
 * (more words meet a feature, and a word ending in one is hashed again), and
 * the topics' fixed JSON written once per model (json_out.c) took ~3.5M off
 * the JSON.  In CPU time they add more, +25% of the library's time without
 * them (scripts/bench.d/lib_run.c stages; +26% to +28% since), and the word
 * loop is half of it (perf), most of that waiting for probe slots and
 * places.  Before: ~60M until
 * a model without entity ids was spared their keys and the words the scan
 * hashed were taken from it (+28.5% in CPU time), ~62M earlier, ~68M with a
 * model that had word pairs starting with common words ("the film", 75% of
 * words reaching a probe, now 49%: topic_train.c), ~73M when every topic's exp
 * was taken and the result took four allocations, ~78M before words were
 * probed as they are found in a tally kept in registers (a list of the words
 * and a loop over it cost ~6M more), and ~94M before the round that laid out
 * the runs, the places and the word list.  A probe: one bit of the filter in
 * L1, and for the words that pass it one 16-byte slot, often outside L1 (no
 * key bytes are compared).  The slot of a word is not prefetched: a ring of
 * words waiting for their slots (four ahead) cost 10-12M instructions more,
 * and no CPU time is seen lost without it (perf, Reuters: the topics' share of
 * the samples is 17-19% either way); with the scan's words at hand, asking for
 * the slot of the fourth word ahead cost little and changed nothing either
 * (lib_run stages), nor did asking for the whole filter at the start of a
 * text.  Nor is the filter dropped, though most words pass it: without it the
 * probes cost 1.3M more instructions and no less time.  Per touched feature
 * (~90 a document): its place in the scratch (a 4-byte entry per model
 * feature: the only array a hit lands in at random, 20 KiB, against 60 KiB for
 * the counts themselves, which are kept in the order of first occurrence
 * instead), and its run of weights (the probe slot says where; prefetched when
 * first counted), read once for the sums and again only for the topics that
 * pass, to gather their evidence.  In the cache simulation (cachegrind, 512
 * KiB LL) the topics add ~310k LL data misses to the ~695k of --topics 0:
 * probe slots ~60k, runs ~60k, places ~15k, and the tables of the other stages
 * they evict.  Per document: an exp per topic that may pass (the result keeps
 * every topic's sum, and tagger_result_topic_score() makes a score of it), a
 * sort of the passing topics, and a pick of five evidence strings from a
 * shortlist.  All working memory is in the per-thread scratch: scoring
 * allocates once, what the result keeps.
 *
 * Topics above the threshold are ordered by branch (the best score within a
 * top-level topic), then most specific first, then by score: a desk files
 * an article under "international relations" before "politics", even when
 * the broader topic is more certain.  When none is above it, the best
 * scored is reported alone as a guess (below_threshold), if it has
 * evidence: out of the domain the model learned from, its scores are low,
 * and most texts would otherwise get no topic (docs/RESULTS.md).
 */
#include "topic_score.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "annotate.h"
#include "topic_features.h"

/* A hint to load @p addr into the cache ahead of its use. */
#ifdef __GNUC__
#define PREFETCH(addr) __builtin_prefetch(addr)
#else
#define PREFETCH(addr) ((void)(addr))
#endif

/* Where the hits of a text are counted: the model's probe table and the
 * scratch arrays, copied into one local record so that the compiler keeps
 * them in registers across the stores of count_hit (which, through
 * uint32_t pointers, could otherwise alias the model's fields). */
typedef struct {
    const uint64_t *filter;
    const tg_tprobe_t *probe;
    uint32_t probe_shift;
    const tg_tweight_t *weights;
    uint32_t *place;
    uint32_t *touched;
    uint32_t *run;
    struct tg_tcount *count;
    size_t n_touched;
} tally_t;

static tally_t tally_begin(const tg_topics_t *m, const tg_topic_scratch_t *ts)
{
    return (tally_t){m->filter, m->probe, m->probe_shift, m->weights, ts->place, ts->touched,
                     ts->run,   ts->count, ts->n_touched};
}

/* The probe slot of the key of @p len bytes and hash @p hash, or NULL
 * (tg_topics_probe, by the tally's copy of the table). */
static inline const tg_tprobe_t *tally_probe(const tally_t *t, size_t len, uint64_t hash)
{
    return tg_probe_find(t->filter, t->probe, t->probe_shift, len, hash);
}

struct tg_ranked {
    uint32_t topic;
    double score;
    double branch; /* best score among the passing topics of its top-level branch */
    uint32_t depth;
};
typedef struct tg_ranked ranked_t;

struct tg_evidence {
    uint32_t feature; /* its index: the order of equal contributions */
    uint32_t touched; /* its place in touched */
    double contribution;
};
typedef struct tg_evidence evidence_t;

void tg_topic_scratch_free(tg_topic_scratch_t *ts)
{
    free(ts->count);
    free(ts->place);
    free(ts->touched);
    free(ts->run);
    free(ts->value);
    free(ts->topics);
    free(ts->sum);
    free(ts->branch);
    free(ts->rank);
    free(ts->rank_of);
    free(ts->seen);
    free(ts->ev);
    free(ts->n_ev);
    free(ts->cand);
    free(ts->n_cand);
    memset(ts, 0, sizeof *ts);
}

static int scratch_ready(const tg_topics_t *m, tg_topic_scratch_t *ts)
{
    if (ts->model == m) {
        return TAGGER_OK;
    }
    tg_topic_scratch_free(ts);
    size_t nf = m->n_features ? m->n_features : 1, nt = m->n_topics ? m->n_topics : 1;
    ts->count = malloc(nf * sizeof *ts->count);
    ts->place = calloc(nf, sizeof *ts->place);
    ts->touched = malloc(nf * sizeof *ts->touched);
    ts->run = malloc(nf * sizeof *ts->run);
    ts->value = malloc(nf * sizeof *ts->value);
    ts->topics = malloc(nf * sizeof *ts->topics);
    ts->sum = malloc(nt * sizeof *ts->sum);
    ts->branch = malloc(nt * sizeof *ts->branch);
    ts->rank = malloc(nt * sizeof *ts->rank);
    ts->rank_of = malloc(nt * sizeof *ts->rank_of);
    ts->seen = malloc(nt * sizeof *ts->seen);
    ts->ev = malloc(nt * sizeof *ts->ev);
    ts->n_ev = malloc(nt * sizeof *ts->n_ev);
    ts->n_cand = malloc(nt * sizeof *ts->n_cand);
    if (!ts->count || !ts->place || !ts->touched || !ts->run || !ts->value || !ts->topics ||
        !ts->sum || !ts->branch || !ts->rank || !ts->rank_of || !ts->seen || !ts->ev || !ts->n_ev ||
        !ts->n_cand) {
        tg_topic_scratch_free(ts);
        return TAGGER_ERR_NOMEM;
    }
    for (size_t t = 0; t < nt; t++) {
        ts->rank_of[t] = -1;
    }
    for (uint32_t tf = 0; tf < TG_TOPIC_LOG_TABLE; tf++) {
        ts->log_tf[tf] = log((double)tf);
    }
    ts->model_has_ids = tg_topic_has_id_features(m);
    ts->model = m;
    return TAGGER_OK;
}

/* Counts a hit on the feature of probe slot @p p, whose occurrence runs
 * from input offset @p start to @p end (for a word or pair, its normalised
 * end: mapping it costs, and only evidence needs it). */
static inline void count_hit(tally_t *t, const tg_tprobe_t *p, size_t start, size_t end)
{
    if (!(p->feature & TG_PROBE_WEIGHTS)) {
        return; /* only the first word of pairs */
    }
    uint32_t f = p->feature & TG_PROBE_FEATURE;
    uint32_t *place = &t->place[f];
    if (*place) {
        t->count[*place - 1].tf++;
        return;
    }
    size_t i = t->n_touched++;
    PREFETCH(&t->weights[p->run]); /* for the sums, after the words */
    *place = (uint32_t)i + 1;
    t->touched[i] = f;
    t->run[i] = p->run;
    t->count[i] = (struct tg_tcount){1, (uint32_t)start, (uint32_t)end};
}

/* The words and pairs of the text, in text order: each word, then the pair
 * it ends when the word before it starts a pair of the model; each word is
 * probed as it is found, so no list of them is kept.  The words the scan
 * hashed (@p seen, in text order) are taken as they are; the others (in a
 * gazetteer match or a trie walk, or not plain ASCII) are found between
 * them by tg_topic_next_word().  Returns how many words the text has. */
static size_t count_words(const tg_topics_t *m, tg_topic_scratch_t *ts, const tg_norm_t *norm,
                          const tg_scan_word_t *seen, size_t n_seen, const tg_layout_t *lay)
{
    tally_t t = tally_begin(m, ts);
    tg_menu_cursor_t menus;
    tg_menu_cursor_init(&menus, lay, norm);
    const uint32_t *src = norm->src;
    tg_tword_cursor_t cur = {0, 0, m->cut_plurals};
    tg_tword_t w, prev = {0, 0, 0, 0, 0};
    size_t n = 0, next_seen = 0;
    int prev_pairs = 0; /* prev starts a pair of the model */
    for (;;) {
        size_t limit = next_seen < n_seen ? seen[next_seen].start : norm->len;
        /* Most words follow the one before after a space: no gap to search. */
        if (cur.pos < limit && tg_topic_next_word(norm, &cur, &w, limit)) {
            /* a word the scan did not hash */
        } else if (next_seen == n_seen) {
            break;
        } else {
            const tg_scan_word_t *sw = &seen[next_seen++];
            if (!tg_topic_take_word(norm, &cur, sw->start, sw->len, sw->hash, &w)) {
                continue;
            }
        }
        if (tg_in_menu(&menus, w.start)) {
            prev_pairs = 0;
            continue;
        }
        n++;
        size_t key_len = (size_t)w.len - w.cut;
        const tg_tprobe_t *p = tally_probe(&t, key_len, w.hash);
        if (p) {
            count_hit(&t, p, src[w.start], (size_t)w.start + w.len);
        }
        if (prev_pairs && tg_topic_joins(norm->text, &prev, &w)) {
            const tg_tprobe_t *pp = tally_probe(&t, (size_t)prev.len - prev.cut + 1 + key_len,
                                                tg_topic_pair_hash64(prev.hash, w.hash));
            if (pp) {
                count_hit(&t, pp, src[prev.start], (size_t)w.start + w.len);
            }
        }
        prev_pairs = p && (p->feature & TG_PROBE_PAIRS);
        prev = w;
    }
    ts->n_touched = t.n_touched;
    return n;
}

/* An entity feature (tg_topic_entities), by the hash the probe table uses. */
static int on_entity_key(const tg_tkey_t *k, void *ctx)
{
    tally_t *t = ctx;
    const tg_tprobe_t *p = tally_probe(t, k->len, tg_topic_key_hash64(k->key, k->len));
    if (p) {
        count_hit(t, p, k->start, k->end);
    }
    return 0;
}

/* Value x of the feature touched[i]: words and pairs by their count
 * (tg_topic_value, with the logarithm from the table), an entity feature 1. */
static double feature_value(const tg_topic_scratch_t *ts, size_t i, double length)
{
    if (i >= ts->n_word_touched) {
        return 1.0;
    }
    uint32_t tf = ts->count[i].tf;
    if (tf < TG_TOPIC_LOG_TABLE) {
        return (tf > 1 ? 1.0 + ts->log_tf[tf] : 1.0) * length;
    }
    return tg_topic_value(tf, length);
}

static int cmp_ranked(const void *a, const void *b)
{
    const ranked_t *x = a, *y = b;
    if (x->branch != y->branch) {
        return x->branch > y->branch ? -1 : 1;
    }
    if (x->depth != y->depth) {
        return x->depth > y->depth ? -1 : 1;
    }
    if (x->score != y->score) {
        return x->score > y->score ? -1 : 1;
    }
    return x->topic < y->topic ? -1 : 1;
}

static uint32_t top_level(const tg_topics_t *m, uint32_t t)
{
    while (m->topics[t].parent != TG_NONE) {
        t = m->topics[t].parent;
    }
    return t;
}

/* Evidence candidates of every ranked topic in one pass over the touched
 * features' weights: the features with text and a positive contribution
 * w x, n_touched places per ranked topic in ts->cand.  A feature offers a
 * topic its first weight for it only (a model file has one).  The input
 * end of a word or pair is found here, for the candidates only. */
static int gather_candidates(const tg_topics_t *m, tg_topic_scratch_t *ts,
                             const tg_norm_t *norm, size_t n_rank)
{
    size_t per = ts->n_touched;
    if (n_rank * per > ts->cap_cand) {
        evidence_t *c = realloc(ts->cand, n_rank * per * sizeof *c);
        if (!c) {
            return TAGGER_ERR_NOMEM;
        }
        ts->cand = c;
        ts->cap_cand = n_rank * per;
    }
    uint64_t ranked = 0; /* a feature without a weight for these is skipped */
    for (size_t i = 0; i < n_rank; i++) {
        ts->n_cand[i] = 0;
        ts->seen[i] = TG_NONE;
        uint32_t t = ts->rank[i].topic;
        ranked |= t < 64 ? (uint64_t)1 << t : ~(uint64_t)0;
    }
    for (size_t i = 0; i < ts->n_touched; i++) {
        uint32_t f = ts->touched[i];
        if (!(ts->topics[i] & ranked)) {
            continue;
        }
        /* A word or pair has text, and its end is still the normalised one. */
        int normalised_end = i < ts->n_word_touched;
        struct tg_tcount *occ = &ts->count[i];
        if (!normalised_end && occ->start >= occ->end) {
            continue; /* an entity feature with no text to show */
        }
        double x = ts->value[i];
        const tg_tweight_t *run = m->weights + ts->run[i];
        const tg_tweight_t *end = run + 2 + run[1].n;
        for (const tg_tweight_t *w = run + 2; w < end; w++) {
            const tg_posting_t *p = &w->posting;
            int32_t r = ts->rank_of[p->topic];
            if (r < 0 || ts->seen[r] == f) {
                continue;
            }
            ts->seen[r] = f;
            double c = p->weight * x;
            if (c > 0) {
                if (normalised_end) {
                    occ->end = (uint32_t)tg_norm_src_end(norm, occ->end - 1);
                    normalised_end = 0;
                }
                evidence_t *e = &ts->cand[(size_t)r * per + ts->n_cand[r]++];
                e->feature = f;
                e->touched = (uint32_t)i;
                e->contribution = c;
            }
        }
    }
    return TAGGER_OK;
}

/* Whether candidate @p a goes before @p b: larger contribution, then
 * smaller feature index (a total order: features are distinct). */
static int better(const evidence_t *a, const evidence_t *b)
{
    if (a->contribution != b->contribution) {
        return a->contribution > b->contribution;
    }
    return a->feature < b->feature;
}

/* Whether the first occurrence of touched feature @p t lies inside or
 * around that of one of the @p picked features in @p out. */
static int nested(const tg_topic_scratch_t *ts, uint32_t t, const uint32_t *out, size_t picked)
{
    uint32_t s = ts->count[t].start, e = ts->count[t].end;
    for (size_t j = 0; j < picked; j++) {
        uint32_t ps = ts->count[out[j]].start, pe = ts->count[out[j]].end;
        if ((s >= ps && e <= pe) || (ps >= s && pe <= e)) {
            return 1;
        }
    }
    return 0;
}

/* Candidates kept in order by pick_evidence()'s one pass. */
#define EV_SHORTLIST 8

/* Picks the evidence among the @p n candidates @p cand: the largest
 * contributions first (better()), skipping any whose first occurrence lies
 * inside one already picked ("minister" in "foreign minister"), or around
 * it.  Five are wanted of some 30 to 70: one pass keeps the best
 * EV_SHORTLIST in order (most candidates are settled by one comparison
 * with the last kept), and the others are searched, the best remaining
 * each time, only when more than EV_SHORTLIST - 5 of those were nested.
 * Returns how many were stored in @p out.  (A search of all candidates for
 * each of the five took ~6% more of the topics' CPU time, lib_run stages
 * in turns of one document, in branches no predictor learns.) */
static size_t pick_evidence(const tg_topic_scratch_t *ts, evidence_t *cand, size_t n,
                            uint32_t *out)
{
    evidence_t top[EV_SHORTLIST];
    size_t n_top = 0;
    for (size_t i = 0; i < n; i++) {
        if (n_top == EV_SHORTLIST && !better(&cand[i], &top[EV_SHORTLIST - 1])) {
            continue;
        }
        size_t j = n_top < EV_SHORTLIST ? n_top++ : EV_SHORTLIST - 1;
        for (; j > 0 && better(&cand[i], &top[j - 1]); j--) {
            top[j] = top[j - 1];
        }
        top[j] = cand[i];
    }
    size_t picked = 0;
    for (size_t i = 0; i < n_top && picked < TG_TOPIC_EVIDENCE; i++) {
        if (!nested(ts, top[i].touched, out, picked)) {
            out[picked++] = top[i].touched;
        }
    }
    if (picked == TG_TOPIC_EVIDENCE || n <= EV_SHORTLIST) {
        return picked;
    }
    /* The candidates after the shortlist, the best remaining each time. */
    size_t rest = 0;
    for (size_t i = 0; i < n; i++) {
        if (better(&top[EV_SHORTLIST - 1], &cand[i])) {
            cand[rest++] = cand[i];
        }
    }
    while (rest > 0 && picked < TG_TOPIC_EVIDENCE) {
        size_t best = 0;
        for (size_t i = 1; i < rest; i++) {
            if (better(&cand[i], &cand[best])) {
                best = i;
            }
        }
        uint32_t t = cand[best].touched;
        cand[best] = cand[--rest];
        if (!nested(ts, t, out, picked)) {
            out[picked++] = t;
        }
    }
    return picked;
}

/* Builds the topics of @p r, in one allocation: every topic's sum
 * (ts->sum), the ranked topics ts->rank with their paths, and the evidence
 * strings of ts->ev. */
static int store_topics(const tg_topics_t *m, const tg_topic_scratch_t *ts, const char *text,
                        size_t n_rank, tagger_result_t *r)
{
    const ranked_t *rank = ts->rank;
    size_t n_ptrs = 0, text_bytes = 0;
    for (size_t i = 0; i < n_rank; i++) {
        n_ptrs += rank[i].depth + 1 + TG_TOPIC_EVIDENCE;
        for (size_t j = 0; j < ts->n_ev[i]; j++) {
            text_bytes += ts->count[ts->ev[i][j]].end - ts->count[ts->ev[i][j]].start + 1;
        }
    }
    size_t sums_size = m->n_topics * sizeof *r->topic_sums;
    size_t topics_size = n_rank * sizeof *r->topics, strs_size = n_ptrs * sizeof *r->topic_strs;
    size_t index_size = n_rank * sizeof *r->topic_index;
    char *block = malloc(sums_size + topics_size + strs_size + index_size + text_bytes + 1);
    if (!block) {
        return TAGGER_ERR_NOMEM;
    }
    /* Doubles, then structs of pointers and doubles, then pointers, then
     * uint32_t, then bytes: each part is aligned for the next. */
    r->topic_sums = (double *)(void *)block;
    r->topics = (tagger_topic_t *)(void *)(block + sums_size);
    r->topic_strs = (const char **)(void *)(block + sums_size + topics_size);
    r->topic_index = (uint32_t *)(void *)(block + sums_size + topics_size + strs_size);
    r->evidence_texts = block + sums_size + topics_size + strs_size + index_size;
    memcpy(r->topic_sums, ts->sum, sums_size);
    r->n_topic_sums = m->n_topics;
    size_t ptr = 0, off = 0;
    for (size_t i = 0; i < n_rank; i++) {
        const tg_topic_t *tp = &m->topics[rank[i].topic];
        tagger_topic_t *out = &r->topics[i];
        r->topic_index[i] = rank[i].topic;
        out->id = tg_topic_str(m, tp->qcode);
        out->label = tg_topic_str(m, tp->label);
        out->depth = tp->depth;
        out->score = rank[i].score;
        out->below_threshold = rank[i].score < m->threshold;
        const char **path = r->topic_strs + ptr;
        uint32_t t = rank[i].topic;
        for (size_t d = tp->depth + 1; d-- > 0; t = m->topics[t].parent) {
            path[d] = tg_topic_str(m, m->topics[t].label);
        }
        out->path = path;
        ptr += tp->depth + 1;
        const char **evidence = r->topic_strs + ptr;
        for (size_t j = 0; j < ts->n_ev[i]; j++) {
            uint32_t s = ts->count[ts->ev[i][j]].start, e = ts->count[ts->ev[i][j]].end;
            memcpy(r->evidence_texts + off, text + s, e - s);
            r->evidence_texts[off + e - s] = '\0';
            evidence[j] = r->evidence_texts + off;
            off += e - s + 1;
        }
        out->evidence = evidence;
        out->n_evidence = ts->n_ev[i];
        ptr += ts->n_ev[i];
    }
    r->n_topics = n_rank;
    return TAGGER_OK;
}

/* The lowest sum whose score may reach @p threshold: below it, a topic
 * fails without its exp (a margin keeps rounding on the safe side; past
 * a sum of 36.7, the score rounds to 1). */
static double lowest_passing_sum(double threshold)
{
    if (threshold <= 0) {
        return -INFINITY;
    }
    return threshold >= 1 ? 30.0 : log(threshold / (1 - threshold)) - 1e-6;
}

/* The passing topics in ts->rank, ranked, or when none passes and the text
 * has a feature of the model, the best scored alone (a guess, kept if it
 * gets evidence); returns how many.  A score is computed only where it
 * may pass: the JSON has those alone, and tagger_result_topic_score()
 * makes the others from their sums. */
static size_t rank_topics(const tg_topics_t *m, tg_topic_scratch_t *ts)
{
    size_t n_rank = 0;
    double lowest = lowest_passing_sum(m->threshold);
    memset(ts->branch, 0, m->n_topics * sizeof *ts->branch);
    for (uint32_t t = 0; t < m->n_topics; t++) {
        if (ts->sum[t] < lowest) {
            continue;
        }
        double score = tg_topic_sigmoid(ts->sum[t]);
        if (score >= m->threshold) {
            uint32_t top = top_level(m, t);
            ts->branch[top] = score > ts->branch[top] ? score : ts->branch[top];
            ts->rank[n_rank++] = (ranked_t){t, score, 0, m->topics[t].depth};
        }
    }
    if (n_rank == 0 && ts->n_touched > 0 && m->n_topics > 0) {
        uint32_t best = 0;
        for (uint32_t t = 1; t < m->n_topics; t++) {
            best = ts->sum[t] > ts->sum[best] ? t : best;
        }
        double score = tg_topic_sigmoid(ts->sum[best]);
        ts->rank[n_rank++] = (ranked_t){best, score, score, m->topics[best].depth};
        return n_rank;
    }
    for (size_t i = 0; i < n_rank; i++) {
        ts->rank[i].branch = ts->branch[top_level(m, ts->rank[i].topic)];
    }
    qsort(ts->rank, n_rank, sizeof *ts->rank, cmp_ranked);
    return n_rank;
}

int tg_topics_score(const tg_topics_t *m, tg_topic_scratch_t *ts, const tg_norm_t *norm,
                    const tg_scan_word_t *seen, size_t n_seen, const tg_layout_t *lay,
                    const char *text, tagger_result_t *r)
{
    int rc = scratch_ready(m, ts);
    if (rc) {
        return rc;
    }
    ts->n_touched = 0;
    size_t n_words = count_words(m, ts, norm, seen, n_seen, lay);
    ts->n_word_touched = ts->n_touched;
    tally_t entities = tally_begin(m, ts);
    /* Ids too where the model has them (trained with
     * tagger_train_options_t.entity_ids); the default model has none, and
     * making their keys cost ~2M instructions on 2,000 Reuters records. */
    tg_topic_entities(r, ts->model_has_ids, on_entity_key, &entities);
    ts->n_touched = entities.n_touched;
    for (size_t t = 0; t < m->n_topics; t++) {
        ts->sum[t] = m->topics[t].bias;
    }
    double length = tg_topic_norm(n_words);
    /* The runs of weights are scattered over the model: each was asked for
     * when its feature was first counted (count_hit). */
    for (size_t i = 0; i < ts->n_touched; i++) {
        double x = ts->value[i] = feature_value(ts, i, length);
        const tg_tweight_t *run = m->weights + ts->run[i];
        const tg_tweight_t *end = run + 2 + run[1].n;
        for (const tg_tweight_t *w = run + 2; w < end; w++) {
            ts->sum[w->posting.topic] += w->posting.weight * x;
        }
        ts->topics[i] = run->topics;
    }
    size_t n_rank = rank_topics(m, ts);
    for (size_t i = 0; i < n_rank; i++) {
        ts->rank_of[ts->rank[i].topic] = (int32_t)i;
    }
    rc = gather_candidates(m, ts, norm, n_rank);
    for (size_t i = 0; i < n_rank && rc == TAGGER_OK; i++) {
        /* No touched feature: cand may still be NULL, and NULL + 0 is UB. */
        ts->n_ev[i] = ts->n_touched ? pick_evidence(ts, ts->cand + i * ts->n_touched,
                                                    ts->n_cand[i], ts->ev[i])
                                    : 0;
    }
    if (rc == TAGGER_OK) {
        /* A guess with nothing in the text for it (the biases alone) is none. */
        bool no_guess = n_rank == 1 && ts->rank[0].score < m->threshold && !ts->n_ev[0];
        rc = store_topics(m, ts, text, no_guess ? 0 : n_rank, r);
    }
    for (size_t i = 0; i < n_rank; i++) {
        ts->rank_of[ts->rank[i].topic] = -1;
    }
    for (size_t i = 0; i < ts->n_touched; i++) {
        ts->place[ts->touched[i]] = 0;
    }
    return rc;
}
