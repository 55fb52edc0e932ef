/*
 * annotate.c - from raw hits to a document's entities.
 *
 *  1. Scan (scan.c): every alias match, leftmost-longest.
 *  2. Layout (layout.c): which lines are the article, its title, page
 *     furniture or menus.
 *  3. Resolve (resolve.c): menus, given names, weak and ambiguous aliases,
 *     places standing for their countries; before it, the first of two
 *     names written with their shared words once ("North" of "North and
 *     South Korea", elided.c).
 *  4. Short names (short_names.c): "Kim" after "Kim Jong Un", "WFP" after
 *     "World Food Programme (WFP)", "BA" after "Boeing Co <BA>".
 *  4b. Recognized names (recognize.c): people, organizations and places no
 *     gazetteer lists, in the words no gazetteer mention covers.  They are
 *     entities numbered from tg->n_entities up, with no id; their relevance
 *     is scaled by RECOGNIZED_WEIGHT, below a gazetteer entity mentioned
 *     alike, as a guess is less sure than a listed name.
 *  5. Group the standing mentions per entity, in text order, with byte and
 *     code point offsets and a copy of each mention's text (the result keeps
 *     no pointer to the caller's text), score relevance (relevance.c) and
 *     order the entities by it.
 *  6. Topics (topic_score.c), from the words of the text and its entities.
 *
 * Per-entity state (slot, support, named) lives in scratch arrays indexed by
 * entity, so everything is linear in the number of mentions; only entries
 * this text touched are reset afterwards.
 */
#include "annotate.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "elided.h"
#include "normalize.h"
#include "recognize.h"
#include "relevance.h"
#include "resolve.h"
#include "scratch.h"
#include "short_names.h"
#include "topic_score.h"

int tg_rec_add(tagger_scratch_t *s, const tg_rec_t *rec)
{
    if (tg_grow((void **)&s->recs, &s->cap_recs, s->n_recs + 1, sizeof *s->recs)) {
        return TAGGER_ERR_NOMEM;
    }
    s->recs[s->n_recs++] = *rec;
    return TAGGER_OK;
}

static int collect_hit(const tg_hit_t *hit, void *ctx)
{
    tagger_scratch_t *s = ctx;
    if (tg_grow((void **)&s->hits, &s->cap_hits, s->n_hits + 1, sizeof *s->hits)) {
        return 1; /* reported as out of memory by the caller */
    }
    s->hits[s->n_hits++] = *hit;
    return 0;
}

/* Text order, then entity; the other fields only make the order total. */
static int cmp_rec(const void *a, const void *b)
{
    const tg_rec_t *x = a, *y = b;
    if (x->start != y->start) {
        return x->start < y->start ? -1 : 1;
    }
    if (x->entity != y->entity) {
        return x->entity < y->entity ? -1 : 1;
    }
    if (x->via != y->via) {
        return x->via < y->via ? -1 : 1;
    }
    if (x->end != y->end) {
        return x->end > y->end ? -1 : 1;
    }
    if (x->alias != y->alias) {
        return x->alias < y->alias ? -1 : 1;
    }
    return (x->zone != y->zone) ? (x->zone < y->zone ? -1 : 1) : (int)x->flags - (int)y->flags;
}

/* Below this many records, sort_recs() sorts by insertion. */
#define INSERTION_SORT_MAX 64

/* Sorts records by cmp_rec, a total order (records it calls equal are
 * alike in every field), so insertion and any qsort agree.  A document's few dozen
 * records come nearly sorted (the scan's hits in text order, then those of
 * short names and the recognizer), so insertion does them in a fraction of
 * qsort's calls to cmp_rec; more than INSERTION_SORT_MAX go to qsort. */
static void sort_recs(tg_rec_t *recs, size_t n)
{
    if (n < 2) {
        return; /* recs is NULL before the first hit: qsort(NULL) is UB */
    }
    if (n > INSERTION_SORT_MAX) {
        qsort(recs, n, sizeof *recs, cmp_rec);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        tg_rec_t r = recs[i];
        size_t j = i;
        while (j > 0 && cmp_rec(&recs[j - 1], &r) > 0) {
            recs[j] = recs[j - 1];
            j--;
        }
        recs[j] = r;
    }
}

#define RECOGNIZED_WEIGHT 0.8

/* Most relevant first, then first mentioned first, then the entity named
 * before one the same words imply (the city "CLEVELAND" before its
 * country); what still ties (one alias of two entities) keeps the order the
 * entities were built in, which their mention runs follow.  A total order,
 * so the result does not depend on how the C library's qsort treats equal
 * elements. */
static int cmp_entity(const void *a, const void *b)
{
    const tagger_entity_t *x = a, *y = b;
    if (x->relevance != y->relevance) {
        return x->relevance > y->relevance ? -1 : 1;
    }
    if (x->mentions[0].start != y->mentions[0].start) {
        return x->mentions[0].start < y->mentions[0].start ? -1 : 1;
    }
    if (x->mentions[0].via != y->mentions[0].via) {
        return x->mentions[0].via < y->mentions[0].via ? -1 : 1;
    }
    return x->mentions < y->mentions ? -1 : x->mentions > y->mentions;
}

/* Clears the per-entity scratch state the current text touched. */
static void reset_entities(const tagger_t *tg, tagger_scratch_t *s)
{
    for (size_t i = 0; i < s->n_recs; i++) {
        uint32_t e = s->recs[i].entity;
        if (e >= tg->n_entities) {
            continue; /* recognized: its slot lives in a table rebuilt per text */
        }
        s->entity_slot[e] = -1;
        s->support[e] = 0;
        s->named[e] = 0;
        uint32_t c = tg->entities[e].country_entity;
        if (c != TG_NONE) {
            s->named[c] = 0;
        }
    }
}

/* Copies the name in the @p n bytes at @p src to @p dst, NUL-terminated,
 * with the line break of a wrapped name (and the spaces around it) made
 * one space: "Joseph\nArsenio" is named "Joseph Arsenio".  Returns its
 * length. */
static size_t copy_name(char *dst, const char *src, size_t n)
{
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        bool space = src[i] == ' ' || src[i] == '\n' || src[i] == '\r';
        if (!space) {
            dst[len++] = src[i];
        } else if (dst[len - 1] != ' ') {
            dst[len++] = ' '; /* a name starts and ends with a word: len > 0 */
        }
    }
    dst[len] = '\0';
    return len;
}

/* Where the result slot of entity @p e is kept: per gazetteer entity in the
 * scratch, per recognized one in the recognizer's table. */
static int32_t *slot_of(const tagger_t *tg, tagger_scratch_t *s, tg_recognized_t *names,
                        uint32_t e)
{
    return e < tg->n_entities ? &s->entity_slot[e] : &names[e - tg->n_entities].slot;
}

/* Step 5: builds the result from the standing records, sorted by start.
 * In a text of plain ASCII (@p ascii) code point offsets are byte offsets;
 * otherwise they are counted from one mention to the next. */
static int build_result(const tagger_t *tg, tagger_scratch_t *s, const char *text, bool ascii,
                        tagger_result_t *r)
{
    size_t n_ent = 0, n_men = 0, text_bytes = 0, n_names, name_bytes = 1;
    tg_recognized_t *names = tg_recognized(s, &n_names);
    for (size_t i = 0; i < s->n_recs; i++) {
        const tg_rec_t *rec = &s->recs[i];
        if (rec->flags & TG_REC_DROPPED) {
            continue;
        }
        int32_t *slot = slot_of(tg, s, names, rec->entity);
        if (*slot < 0) {
            *slot = (int32_t)n_ent++;
            if (rec->entity >= tg->n_entities) {
                const tg_recognized_t *nm = &names[rec->entity - tg->n_entities];
                name_bytes += nm->name_end - nm->name_start + 1;
            }
        }
        n_men++;
        text_bytes += rec->end - rec->start + 1;
    }
    /* Every entity and mention is written in full below: no calloc, which
     * in glibc takes no block from the per-thread cache and costs several
     * times a malloc of the few hundred bytes these take. */
    r->entities = malloc((n_ent ? n_ent : 1) * sizeof *r->entities);
    r->mentions = malloc((n_men ? n_men : 1) * sizeof *r->mentions);
    r->texts = malloc(text_bytes ? text_bytes : 1);
    r->recognized_names = malloc(name_bytes);
    /* slot -> first mention (n_ent + 1 of them), then slot -> entity */
    size_t *first = malloc((n_ent + 1) * sizeof *first + (n_ent ? n_ent : 1) * sizeof(uint32_t));
    uint32_t *order = first ? (uint32_t *)(void *)(first + n_ent + 1) : NULL;
    tg_relevance_in_t *rel = malloc((n_ent ? n_ent : 1) * sizeof *rel);
    int rc = TAGGER_ERR_NOMEM;
    if (!r->entities || !r->mentions || !r->texts || !r->recognized_names || !order ||
        !first || !rel) {
        goto done;
    }
    for (size_t k = 0; k <= n_ent; k++) {
        first[k] = 0;
    }
    for (size_t i = 0; i < s->n_recs; i++) {
        const tg_rec_t *rec = &s->recs[i];
        if (!(rec->flags & TG_REC_DROPPED)) {
            int32_t slot = *slot_of(tg, s, names, rec->entity);
            order[slot] = rec->entity;
            first[slot + 1]++;
        }
    }
    for (size_t k = 0; k < n_ent; k++) {
        first[k + 1] += first[k];
        tg_relevance_init(&rel[k]);
        r->entities[k].n_mentions = 0;
    }
    size_t byte_pos = 0, char_pos = 0, text_off = 0;
    const tg_layout_t *lay = &s->layout;
    for (size_t i = 0; i < s->n_recs; i++) {
        const tg_rec_t *rec = &s->recs[i];
        if (rec->flags & TG_REC_DROPPED) {
            continue;
        }
        int32_t slot = *slot_of(tg, s, names, rec->entity);
        tagger_entity_t *ent = &r->entities[slot];
        tagger_mention_t *m = &r->mentions[first[slot] + ent->n_mentions++];
        if (ascii) {
            char_pos = rec->start;
        } else {
            char_pos += tg_utf8_count(text + byte_pos, rec->start - byte_pos);
            byte_pos = rec->start;
        }
        m->start = rec->start;
        m->end = rec->end;
        m->char_start = char_pos;
        m->char_end = char_pos + (ascii ? rec->end - rec->start
                                        : tg_utf8_count(text + rec->start, rec->end - rec->start));
        m->via = (tagger_via_t)rec->via;
        memcpy(r->texts + text_off, text + rec->start, rec->end - rec->start);
        r->texts[text_off + (rec->end - rec->start)] = '\0';
        m->text = r->texts + text_off;
        text_off += rec->end - rec->start + 1;
        tg_relevance_add(&rel[slot], rec->via, rec->zone, rec->start, lay->main_start,
                         lay->main_end);
    }
    double max_weight = 0;
    for (size_t k = 0; k < n_ent; k++) {
        max_weight = rel[k].weight > max_weight ? rel[k].weight : max_weight;
    }
    size_t name_off = 0;
    for (size_t k = 0; k < n_ent; k++) {
        tagger_entity_t *ent = &r->entities[k];
        if (order[k] >= tg->n_entities) {
            const tg_recognized_t *nm = &names[order[k] - tg->n_entities];
            size_t n = copy_name(r->recognized_names + name_off, text + nm->name_start,
                                 nm->name_end - nm->name_start);
            *ent = (tagger_entity_t){
                .kind = (tagger_kind_t)nm->kind,
                .name = r->recognized_names + name_off,
                .country = nm->country ? tg_str(tg, tg->entities[nm->country - 1].id) : NULL,
                .relevance = RECOGNIZED_WEIGHT * tg_relevance(&rel[k], max_weight),
                .n_mentions = ent->n_mentions,
                .mentions = &r->mentions[first[k]],
                .source = TAGGER_SOURCE_RECOGNIZED,
            };
            name_off += n + 1;
            continue;
        }
        const tg_entity_t *e = &tg->entities[order[k]];
        *ent = (tagger_entity_t){
            .kind = (tagger_kind_t)e->kind,
            .id = tg_str(tg, e->id),
            .name = tg_str(tg, e->name),
            .wikidata = tg_str(tg, e->wikidata),
            .country = tg_str(tg, e->country),
            .relevance = tg_relevance(&rel[k], max_weight),
            .n_mentions = ent->n_mentions,
            .mentions = &r->mentions[first[k]],
            .source = TAGGER_SOURCE_GAZETTEER,
        };
    }
    qsort(r->entities, n_ent, sizeof *r->entities, cmp_entity);
    r->n_entities = n_ent;
    r->n_mentions = n_men;
    rc = TAGGER_OK;
done:
    free(first);
    free(rel);
    return rc;
}

int tagger_annotate(const tagger_t *tg, tagger_scratch_t *s, const char *text, size_t len,
                    tagger_result_t **out)
{
    return tg_annotate(tg, s, text, len, !(s && (s->options & TAGGER_SCRATCH_NO_TOPICS)), out);
}

int tg_annotate(const tagger_t *tg, tagger_scratch_t *s, const char *text, size_t len,
                int with_topics, tagger_result_t **out)
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
    s->n_recs = 0;
    bool topics = with_topics && tg->topics;
    int rc = tg_scan_hits(tg, s, text, len, topics ? TG_SCAN_WORDS : 0, collect_hit, s);
    if (rc) {
        return rc == TAGGER_ERR_STOPPED ? TAGGER_ERR_NOMEM : rc;
    }
    tagger_result_t *r = calloc(1, sizeof *r);
    if (!r) {
        rc = TAGGER_ERR_NOMEM;
        goto done;
    }
    /* A text with no match needs no layout unless names are recognized:
     * the gazetteer steps start from the hits. */
    bool recognize = tg->names && !(s->options & TAGGER_SCRATCH_NO_RECOGNIZE);
    bool with_layout = s->n_hits || recognize;
    if (with_layout && (rc = tg_layout_analyze(&s->layout, text, len))) {
        goto done;
    }
    if (!with_layout) {
        s->layout.n_lines = 0; /* none of the text before's (topic_train.c reads it) */
    }
    if (s->n_hits &&
        ((rc = tg_elided_names(tg, s, text, len)) || (rc = tg_resolve(tg, s, text, len)) ||
         (rc = tg_short_names(tg, s, text, len)))) {
        goto done;
    }
    /* In text order for the recognizer too: it finds the mentions over a
     * span by a binary search (recognize.c tg_recog_recs_near()). */
    sort_recs(s->recs, s->n_recs);
    if (recognize && (rc = tg_recognize(tg, s, text, len))) {
        goto done;
    }
    sort_recs(s->recs, s->n_recs);
    r->tg = tg;
    r->text_len = len;
    r->n_invalid = s->norm.n_invalid;
    r->first_invalid = s->norm.first_invalid;
    rc = build_result(tg, s, text, with_layout && s->layout.ascii, r);
    if (rc == TAGGER_OK && topics) {
        rc = tg_topics_score(tg->topics, &s->topic, &s->norm, s->words, s->n_words,
                             with_layout ? &s->layout : NULL, text, r);
    }
done:
    reset_entities(tg, s);
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

size_t tagger_result_n_topics(const tagger_result_t *r)
{
    return r ? r->n_topics : 0;
}

const tagger_topic_t *tagger_result_topic(const tagger_result_t *r, size_t i)
{
    return (r && i < r->n_topics) ? &r->topics[i] : NULL;
}

double tagger_result_topic_score(const tagger_result_t *r, size_t topic)
{
    return (r && topic < r->n_topic_sums) ? tg_topic_sigmoid(r->topic_sums[topic]) : 0.0;
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
    free(r->recognized_names);
    free(r->topic_sums); /* and the topics with it */
    free(r);
}
