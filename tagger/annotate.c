/*
 * annotate.c - from raw hits to a document's entities.
 *
 *  1. Scan (scan.c) and collect the hits in the scratch.
 *  2. Resolve ambiguous spans: a span that could name several entities
 *     ("Georgia": the country or the US state) goes to the one candidate
 *     that the rest of the text names unambiguously; when none or several
 *     do, the span is left out rather than guessed.
 *  3. Group mentions per entity, in text order, with byte and code point
 *     offsets and a copy of each mention's text (the result keeps no
 *     pointer to the caller's text).
 *  4. Score relevance (relevance.c) and order entities by it.
 *
 * Per-entity state (slot, support) lives in scratch arrays indexed by
 * entity, so grouping is linear in the number of hits; only entries this
 * text touched are reset afterwards.
 */
#include "annotate.h"

#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "relevance.h"
#include "scan.h"

#define DROPPED UINT32_MAX

static int collect_hit(const tg_hit_t *hit, void *ctx)
{
    tagger_scratch_t *s = ctx;
    if (tg_grow((void **)&s->hits, &s->cap_hits, s->n_hits + 1, sizeof *s->hits)) {
        return 1; /* reported as out of memory by the caller */
    }
    s->hits[s->n_hits++] = *hit;
    return 0;
}

static uint32_t hit_entity(const tagger_t *tg, const tg_hit_t *h)
{
    return tg->aliases[h->alias].entity;
}

/* Step 2: keeps at most one candidate of each ambiguous span. */
static void resolve_ambiguous(const tagger_t *tg, tagger_scratch_t *s)
{
    for (size_t i = 0; i < s->n_hits; i++) {
        if (s->hits[i].n_candidates == 1) {
            s->support[hit_entity(tg, &s->hits[i])]++;
        }
    }
    size_t i = 0;
    while (i < s->n_hits) {
        size_t k = s->hits[i].n_candidates;
        if (k <= 1 || i + k > s->n_hits) {
            i++;
            continue;
        }
        size_t winner = DROPPED, supported = 0;
        for (size_t j = i; j < i + k; j++) {
            if (s->support[hit_entity(tg, &s->hits[j])] > 0) {
                winner = j;
                supported++;
            }
        }
        for (size_t j = i; j < i + k; j++) {
            if (supported == 1 && j == winner) {
                s->hits[j].n_candidates = 1;
            } else {
                s->hits[j].alias = DROPPED;
            }
        }
        i += k;
    }
}

static int cmp_entity(const void *a, const void *b)
{
    const tagger_entity_t *x = a, *y = b;
    if (x->relevance != y->relevance) {
        return x->relevance > y->relevance ? -1 : 1;
    }
    return x->mentions[0].start < y->mentions[0].start ? -1 : 1;
}

int tagger_annotate(const tagger_t *tg, tagger_scratch_t *s, const char *text, size_t len,
                    tagger_result_t **out)
{
    if (!out) {
        return TAGGER_ERR_MISUSE;
    }
    *out = NULL;
    if (!tg || !s || s->tg != tg || (!text && len)) {
        return TAGGER_ERR_MISUSE;
    }
    if (!text) {
        text = "";
    }
    s->n_hits = 0;
    int rc = tg_scan_hits(tg, s, text, len, 0, collect_hit, s);
    if (rc) {
        return rc == TAGGER_ERR_STOPPED ? TAGGER_ERR_NOMEM : rc;
    }
    resolve_ambiguous(tg, s);

    /* Step 3: slots in order of first mention, mention counts per slot. */
    size_t n_ent = 0, n_men = 0, text_bytes = 0;
    uint32_t *order = NULL; /* slot -> entity */
    size_t *first = NULL;   /* slot -> index of its first mention */
    tagger_result_t *r = calloc(1, sizeof *r);
    rc = TAGGER_ERR_NOMEM;
    if (!r) {
        goto done;
    }
    for (size_t i = 0; i < s->n_hits; i++) {
        if (s->hits[i].alias == DROPPED) {
            continue;
        }
        uint32_t e = hit_entity(tg, &s->hits[i]);
        if (s->entity_slot[e] < 0) {
            s->entity_slot[e] = (int32_t)n_ent++;
        }
        n_men++;
        text_bytes += s->hits[i].end - s->hits[i].start + 1;
    }
    r->tg = tg;
    r->text_len = len;
    r->n_invalid = s->norm.n_invalid;
    r->first_invalid = s->norm.first_invalid;
    r->entities = calloc(n_ent ? n_ent : 1, sizeof *r->entities);
    r->mentions = calloc(n_men ? n_men : 1, sizeof *r->mentions);
    r->texts = malloc(text_bytes ? text_bytes : 1);
    order = malloc((n_ent ? n_ent : 1) * sizeof *order);
    first = calloc(n_ent + 1, sizeof *first);
    if (!r->entities || !r->mentions || !r->texts || !order || !first) {
        goto done;
    }
    for (size_t i = 0; i < s->n_hits; i++) {
        if (s->hits[i].alias != DROPPED) {
            uint32_t e = hit_entity(tg, &s->hits[i]);
            int32_t slot = s->entity_slot[e];
            order[slot] = e;
            first[slot + 1]++;
        }
    }
    for (size_t k = 0; k < n_ent; k++) {
        first[k + 1] += first[k];
    }
    double *weight = calloc(n_ent ? n_ent : 1, sizeof *weight);
    if (!weight) {
        goto done;
    }
    size_t byte_pos = 0, char_pos = 0, text_off = 0;
    for (size_t i = 0; i < s->n_hits; i++) {
        const tg_hit_t *h = &s->hits[i];
        if (h->alias == DROPPED) {
            continue;
        }
        const tg_alias_t *al = &tg->aliases[h->alias];
        int32_t slot = s->entity_slot[al->entity];
        tagger_entity_t *ent = &r->entities[slot];
        tagger_mention_t *m = &r->mentions[first[slot] + ent->n_mentions++];
        char_pos += tg_utf8_count(text + byte_pos, h->start - byte_pos);
        byte_pos = h->start;
        m->start = h->start;
        m->end = h->end;
        m->char_start = char_pos;
        m->char_end = char_pos + tg_utf8_count(text + h->start, h->end - h->start);
        m->via = (al->flags & TG_ALIAS_DEMONYM) ? TAGGER_VIA_DEMONYM : TAGGER_VIA_NAME;
        memcpy(r->texts + text_off, text + h->start, h->end - h->start);
        r->texts[text_off + (h->end - h->start)] = '\0';
        m->text = r->texts + text_off;
        text_off += h->end - h->start + 1;
        weight[slot] += tg_mention_weight((int)m->via);
    }

    /* Step 4: entity records and relevance. */
    for (size_t k = 0; k < n_ent; k++) {
        const tg_entity_t *e = &tg->entities[order[k]];
        tagger_entity_t *ent = &r->entities[k];
        ent->kind = (tagger_kind_t)e->kind;
        ent->id = tg_str(tg, e->id);
        ent->name = tg_str(tg, e->name);
        ent->wikidata = tg_str(tg, e->wikidata);
        ent->country = tg_str(tg, e->country);
        ent->mentions = &r->mentions[first[k]];
        tg_relevance_in_t in = {weight[k], ent->mentions[0].start, len};
        ent->relevance = tg_relevance(&in);
    }
    free(weight);
    qsort(r->entities, n_ent, sizeof *r->entities, cmp_entity);
    r->n_entities = n_ent;
    r->n_mentions = n_men;
    rc = TAGGER_OK;

done:
    /* Reset the per-entity scratch state this text touched. */
    for (size_t i = 0; i < s->n_hits; i++) {
        if (s->hits[i].alias != DROPPED) {
            uint32_t e = hit_entity(tg, &s->hits[i]);
            s->entity_slot[e] = -1;
        }
    }
    for (size_t i = 0; i < s->n_hits; i++) {
        uint32_t a = s->hits[i].alias;
        if (a != DROPPED) {
            s->support[tg->aliases[a].entity] = 0;
        }
    }
    free(order);
    free(first);
    if (rc) {
        tagger_result_free(r);
        return rc;
    }
    *out = r;
    return TAGGER_OK;
}

/* ------------------------------------------------------------------------ */
/* Result accessors                                                          */

size_t tagger_result_n_entities(const tagger_result_t *r)
{
    return r ? r->n_entities : 0;
}

const tagger_entity_t *tagger_result_entity(const tagger_result_t *r, size_t i)
{
    return (r && i < r->n_entities) ? &r->entities[i] : NULL;
}

size_t tagger_result_n_invalid(const tagger_result_t *r)
{
    return r ? r->n_invalid : 0;
}

size_t tagger_result_first_invalid(const tagger_result_t *r)
{
    return r ? r->first_invalid : 0;
}

void tagger_result_free(tagger_result_t *r)
{
    if (!r) {
        return;
    }
    free(r->entities);
    free(r->mentions);
    free(r->texts);
    free(r);
}
