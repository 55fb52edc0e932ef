/*
 * topic_score.c - a document's topics from the keyword model.
 *
 * One pass over the words of the normalised text looks each word and word
 * pair up in the model's hash table and counts the hits per feature; the
 * entity features come from the annotation.  Then each touched feature
 * adds w x to the topics it has weights for.  The cost is one or two hash
 * probes per word, whatever the number of topics.
 *
 * Topics above the threshold are ordered by branch (the best score within a
 * top-level topic), then most specific first, then by score: a desk files
 * an article under "international relations" before "politics", even when
 * the broader topic is more certain.
 */
#include "topic_score.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "annotate.h"
#include "topic_features.h"

typedef struct {
    const tg_topics_t *m;
    tg_topic_scratch_t *ts;
} hit_ctx_t;

void tg_topic_scratch_free(tg_topic_scratch_t *ts)
{
    free(ts->tf);
    free(ts->first);
    free(ts->touched);
    free(ts->sum);
    memset(ts, 0, sizeof *ts);
}

static int scratch_ready(const tg_topics_t *m, tg_topic_scratch_t *ts)
{
    if (ts->model == m) {
        return TAGGER_OK;
    }
    tg_topic_scratch_free(ts);
    size_t nf = m->n_features ? m->n_features : 1;
    ts->tf = calloc(nf, sizeof *ts->tf);
    ts->first = malloc(2 * nf * sizeof *ts->first);
    ts->touched = malloc(nf * sizeof *ts->touched);
    ts->sum = malloc((m->n_topics ? m->n_topics : 1) * sizeof *ts->sum);
    if (!ts->tf || !ts->first || !ts->touched || !ts->sum) {
        tg_topic_scratch_free(ts);
        return TAGGER_ERR_NOMEM;
    }
    ts->model = m;
    return TAGGER_OK;
}

static int on_key(const tg_tkey_t *k, void *ctx)
{
    hit_ctx_t *h = ctx;
    uint32_t f = tg_topics_find(h->m, k->key, k->len, k->hash);
    if (f == TG_NONE) {
        return TG_TKEY_NO_PAIR;
    }
    const tg_tfeature_t *ft = &h->m->features[f];
    tg_topic_scratch_t *ts = h->ts;
    if (ft->n && ts->tf[f]++ == 0) {
        ts->touched[ts->n_touched++] = f;
        ts->first[2 * f] = (uint32_t)k->start;
        ts->first[2 * f + 1] = (uint32_t)tg_tkey_end(k);
    }
    return ft->starts_pair ? 0 : TG_TKEY_NO_PAIR;
}

static double feature_value(const tg_topics_t *m, const tg_topic_scratch_t *ts, uint32_t f,
                            double length)
{
    return m->pool[m->features[f].key] == '@' ? 1.0 : tg_topic_value(ts->tf[f], length);
}

/* Weight of feature @p f for topic @p t, or 0. */
static float weight_for(const tg_topics_t *m, uint32_t f, uint32_t t)
{
    const tg_tfeature_t *ft = &m->features[f];
    for (uint32_t i = 0; i < ft->n; i++) {
        if (m->postings[ft->first + i].topic == t) {
            return m->postings[ft->first + i].weight;
        }
    }
    return 0;
}

typedef struct {
    uint32_t topic;
    double score;
    double branch; /* best score among the passing topics of its top-level branch */
    uint32_t depth;
} ranked_t;

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

typedef struct {
    uint32_t feature;
    double contribution;
} evidence_t;

static int cmp_evidence(const void *a, const void *b)
{
    const evidence_t *x = a, *y = b;
    if (x->contribution != y->contribution) {
        return x->contribution > y->contribution ? -1 : 1;
    }
    return x->feature < y->feature ? -1 : 1;
}

/* Picks the evidence of topic @p t: the touched features with the largest
 * positive contributions that have text, skipping any whose first
 * occurrence lies inside one already picked ("minister" in "foreign
 * minister").  Returns how many were stored in @p out. */
static size_t pick_evidence(const tg_topics_t *m, const tg_topic_scratch_t *ts, uint32_t t,
                            double length, evidence_t *cand, uint32_t *out)
{
    size_t n = 0, picked = 0;
    for (size_t i = 0; i < ts->n_touched; i++) {
        uint32_t f = ts->touched[i];
        double c = weight_for(m, f, t) * feature_value(m, ts, f, length);
        if (c > 0 && ts->first[2 * f] < ts->first[2 * f + 1]) {
            cand[n].feature = f;
            cand[n++].contribution = c;
        }
    }
    qsort(cand, n, sizeof *cand, cmp_evidence);
    for (size_t i = 0; i < n && picked < TG_TOPIC_EVIDENCE; i++) {
        uint32_t f = cand[i].feature, s = ts->first[2 * f], e = ts->first[2 * f + 1];
        int inside = 0;
        for (size_t j = 0; j < picked && !inside; j++) {
            uint32_t ps = ts->first[2 * out[j]], pe = ts->first[2 * out[j] + 1];
            inside = (s >= ps && e <= pe) || (ps >= s && pe <= e);
        }
        if (!inside) {
            out[picked++] = f;
        }
    }
    return picked;
}

/* Builds r->topics from the ranked topics: paths and evidence strings. */
static int store_topics(const tg_topics_t *m, const tg_topic_scratch_t *ts, const char *text,
                        double length, const ranked_t *rank, size_t n_rank, tagger_result_t *r)
{
    size_t n_ptrs = 0;
    for (size_t i = 0; i < n_rank; i++) {
        n_ptrs += rank[i].depth + 1 + TG_TOPIC_EVIDENCE;
    }
    r->topics = calloc(n_rank ? n_rank : 1, sizeof *r->topics);
    r->topic_strs = malloc((n_ptrs ? n_ptrs : 1) * sizeof *r->topic_strs);
    evidence_t *cand = malloc((ts->n_touched ? ts->n_touched : 1) * sizeof *cand);
    uint32_t (*ev)[TG_TOPIC_EVIDENCE] = malloc((n_rank ? n_rank : 1) * sizeof *ev);
    size_t *n_ev = calloc(n_rank ? n_rank : 1, sizeof *n_ev);
    int rc = TAGGER_ERR_NOMEM;
    if (!r->topics || !r->topic_strs || !cand || !ev || !n_ev) {
        goto done;
    }
    size_t text_bytes = 0;
    for (size_t i = 0; i < n_rank; i++) {
        n_ev[i] = pick_evidence(m, ts, rank[i].topic, length, cand, ev[i]);
        for (size_t j = 0; j < n_ev[i]; j++) {
            text_bytes += ts->first[2 * ev[i][j] + 1] - ts->first[2 * ev[i][j]] + 1;
        }
    }
    r->evidence_texts = malloc(text_bytes ? text_bytes : 1);
    if (!r->evidence_texts) {
        goto done;
    }
    size_t ptr = 0, off = 0;
    for (size_t i = 0; i < n_rank; i++) {
        const tg_topic_t *tp = &m->topics[rank[i].topic];
        tagger_topic_t *out = &r->topics[i];
        out->id = tg_topic_str(m, tp->qcode);
        out->label = tg_topic_str(m, tp->label);
        out->depth = tp->depth;
        out->score = rank[i].score;
        const char **path = r->topic_strs + ptr;
        uint32_t t = rank[i].topic;
        for (size_t d = tp->depth + 1; d-- > 0; t = m->topics[t].parent) {
            path[d] = tg_topic_str(m, m->topics[t].label);
        }
        out->path = path;
        ptr += tp->depth + 1;
        const char **evidence = r->topic_strs + ptr;
        for (size_t j = 0; j < n_ev[i]; j++) {
            uint32_t s = ts->first[2 * ev[i][j]], e = ts->first[2 * ev[i][j] + 1];
            memcpy(r->evidence_texts + off, text + s, e - s);
            r->evidence_texts[off + e - s] = '\0';
            evidence[j] = r->evidence_texts + off;
            off += e - s + 1;
        }
        out->evidence = evidence;
        out->n_evidence = n_ev[i];
        ptr += n_ev[i];
    }
    r->n_topics = n_rank;
    rc = TAGGER_OK;
done:
    free(cand);
    free(ev);
    free(n_ev);
    return rc;
}

int tg_topics_score(const tg_topics_t *m, tg_topic_scratch_t *ts, const tg_norm_t *norm,
                    const char *text, tagger_result_t *r)
{
    int rc = scratch_ready(m, ts);
    if (rc) {
        return rc;
    }
    hit_ctx_t h = {m, ts};
    size_t n_words = 0;
    ts->n_touched = 0;
    tg_topic_words(norm, on_key, &h, &n_words);
    tg_topic_entities(r, on_key, &h);
    for (size_t t = 0; t < m->n_topics; t++) {
        ts->sum[t] = m->topics[t].bias;
    }
    double length = tg_topic_norm(n_words);
    for (size_t i = 0; i < ts->n_touched; i++) {
        uint32_t f = ts->touched[i];
        double x = feature_value(m, ts, f, length);
        const tg_tfeature_t *ft = &m->features[f];
        for (uint32_t j = 0; j < ft->n; j++) {
            ts->sum[m->postings[ft->first + j].topic] += m->postings[ft->first + j].weight * x;
        }
    }
    r->topic_scores = malloc((m->n_topics ? m->n_topics : 1) * sizeof *r->topic_scores);
    ranked_t *rank = malloc((m->n_topics ? m->n_topics : 1) * sizeof *rank);
    double *branch = calloc(m->n_topics ? m->n_topics : 1, sizeof *branch);
    size_t n_rank = 0;
    rc = TAGGER_ERR_NOMEM;
    if (r->topic_scores && rank && branch) {
        r->n_topic_scores = m->n_topics;
        for (uint32_t t = 0; t < m->n_topics; t++) {
            double score = 1.0 / (1.0 + exp(-ts->sum[t]));
            r->topic_scores[t] = score;
            if (score >= m->threshold) {
                uint32_t top = top_level(m, t);
                branch[top] = score > branch[top] ? score : branch[top];
                rank[n_rank++] = (ranked_t){t, score, 0, m->topics[t].depth};
            }
        }
        for (size_t i = 0; i < n_rank; i++) {
            rank[i].branch = branch[top_level(m, rank[i].topic)];
        }
        qsort(rank, n_rank, sizeof *rank, cmp_ranked);
        rc = store_topics(m, ts, text, length, rank, n_rank, r);
    }
    for (size_t i = 0; i < ts->n_touched; i++) {
        ts->tf[ts->touched[i]] = 0;
    }
    free(rank);
    free(branch);
    return rc;
}
