/*
 * json_out.c - a result as one JSON object (cJSON), as SPEC.md shows it:
 *
 *   {"id": ..., "topics": [{"id", "label", "score", "path", "evidence"}],
 *    "entities": [{"type", "name", "id",
 *    "wikidata", "country", "relevance", "count", "mentions": [{"text",
 *    "field", "start", "end", "char_start", "char_end", "via"}]}],
 *    "facets": {...}, "facet_ids": {...}, "warnings": [...]}
 *
 * "wikidata" appears when the entity has a QID other than its id, "country"
 * for entities that belong to one, "via" only on mentions that are not the
 * entity's own name, "warnings" only when there is something to say,
 * "field" only when the options carry segments (a text joined from several
 * fields of a record; offsets are then relative to the mention's field).
 * Relevance is rounded to three decimals, so it prints short.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "annotate.h"
#include "normalize.h"

/* "via" of a mention, indexed by tagger_via_t. */
static const char *const via_names[] = {"name", "demonym", "short", "place"};

/* Facet keys, indexed by tagger_kind_t. */
static const char *const facet_keys[] = {NULL, "person", "country", "place", "org"};

void tagger_json_options_init(tagger_json_options_t *opt)
{
    if (opt) {
        memset(opt, 0, sizeof *opt);
        opt->facet_threshold = TAGGER_FACET_THRESHOLD;
        opt->max_topics = TAGGER_MAX_TOPICS;
    }
}

void tagger_string_free(char *s)
{
    cJSON_free(s);
}

/* A copy of @p s with each invalid UTF-8 byte replaced by U+FFFD, so that
 * the output stays valid JSON whatever the caller passes; malloc'ed. */
static char *valid_utf8(const char *s)
{
    size_t len = strlen(s), j = 0;
    char *d = malloc(3 * len + 1);
    if (!d) {
        return NULL;
    }
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t k = tg_utf8_decode((const unsigned char *)s + i, len - i, &cp);
        if (cp < 0) {
            j += tg_utf8_encode(0xFFFD, d + j);
        } else {
            memcpy(d + j, s + i, k);
            j += k;
        }
        i += k;
    }
    d[j] = '\0';
    return d;
}

static bool add_id(cJSON *root, const char *id)
{
    char *clean = valid_utf8(id);
    bool ok = clean && cJSON_AddStringToObject(root, "id", clean);
    free(clean);
    return ok;
}

static bool kind_wanted(const tagger_json_options_t *opt, tagger_kind_t kind)
{
    return opt->kinds == 0 || (opt->kinds & (1u << kind)) != 0;
}

/* The segment a mention starting at byte @p start falls in: the last one
 * starting at or before it.  NULL without segments. */
static const tagger_json_segment_t *segment_of(const tagger_json_options_t *opt, size_t start)
{
    const tagger_json_segment_t *seg = NULL;
    for (size_t i = 0; i < opt->n_segments && opt->segments[i].start <= start; i++) {
        seg = &opt->segments[i];
    }
    return seg;
}

static cJSON *mention_json(const tagger_mention_t *m, const tagger_json_options_t *opt)
{
    const tagger_json_segment_t *seg = segment_of(opt, m->start);
    size_t base = seg ? seg->start : 0, char_base = seg ? seg->char_start : 0;
    cJSON *o = cJSON_CreateObject();
    if (!o || !cJSON_AddStringToObject(o, "text", m->text) ||
        (seg && !cJSON_AddStringToObject(o, "field", seg->field)) ||
        !cJSON_AddNumberToObject(o, "start", (double)(m->start - base)) ||
        !cJSON_AddNumberToObject(o, "end", (double)(m->end - base)) ||
        !cJSON_AddNumberToObject(o, "char_start", (double)(m->char_start - char_base)) ||
        !cJSON_AddNumberToObject(o, "char_end", (double)(m->char_end - char_base)) ||
        (m->via != TAGGER_VIA_NAME && !cJSON_AddStringToObject(o, "via", via_names[m->via]))) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static cJSON *entity_json(const tagger_entity_t *e, const tagger_json_options_t *opt)
{
    cJSON *o = cJSON_CreateObject();
    if (!o || !cJSON_AddStringToObject(o, "type", tagger_kind_name(e->kind)) ||
        !cJSON_AddStringToObject(o, "name", e->name) ||
        !cJSON_AddStringToObject(o, "id", e->id)) {
        goto fail;
    }
    if (e->wikidata && strcmp(e->wikidata, e->id) != 0 &&
        !cJSON_AddStringToObject(o, "wikidata", e->wikidata)) {
        goto fail;
    }
    if (e->country && !cJSON_AddStringToObject(o, "country", e->country)) {
        goto fail;
    }
    if (!cJSON_AddNumberToObject(o, "relevance", round(e->relevance * 1000) / 1000) ||
        !cJSON_AddNumberToObject(o, "count", (double)e->n_mentions)) {
        goto fail;
    }
    if (!(opt->flags & TAGGER_JSON_NO_MENTIONS)) {
        cJSON *arr = cJSON_AddArrayToObject(o, "mentions");
        if (!arr) {
            goto fail;
        }
        for (size_t i = 0; i < e->n_mentions; i++) {
            cJSON *m = mention_json(&e->mentions[i], opt);
            if (!m) {
                goto fail;
            }
            cJSON_AddItemToArray(arr, m);
        }
    }
    return o;
fail:
    cJSON_Delete(o);
    return NULL;
}

static size_t n_topics_written(const tagger_result_t *r, const tagger_json_options_t *opt)
{
    return r->n_topics < opt->max_topics ? r->n_topics : opt->max_topics;
}

static cJSON *topic_json(const tagger_topic_t *t)
{
    cJSON *o = cJSON_CreateObject();
    cJSON *path = o ? cJSON_CreateStringArray(t->path, (int)t->depth + 1) : NULL;
    cJSON *evidence = path ? cJSON_CreateStringArray(t->evidence, (int)t->n_evidence) : NULL;
    if (!evidence || !cJSON_AddStringToObject(o, "id", t->id) ||
        !cJSON_AddStringToObject(o, "label", t->label) ||
        !cJSON_AddNumberToObject(o, "score", round(t->score * 1000) / 1000)) {
        cJSON_Delete(path);
        cJSON_Delete(evidence);
        cJSON_Delete(o);
        return NULL;
    }
    cJSON_AddItemToObject(o, "path", path);
    cJSON_AddItemToObject(o, "evidence", evidence);
    return o;
}

static bool add_topics(cJSON *root, const tagger_result_t *r, const tagger_json_options_t *opt)
{
    cJSON *arr = cJSON_AddArrayToObject(root, "topics");
    for (size_t i = 0; arr && i < n_topics_written(r, opt); i++) {
        cJSON *o = topic_json(&r->topics[i]);
        if (!o) {
            return false;
        }
        cJSON_AddItemToArray(arr, o);
    }
    return arr != NULL;
}

/* "facets" and "facet_ids": names and ids of entities at or above the
 * facet threshold, per type, in relevance order, and of the topics. */
static bool add_facets(cJSON *root, const tagger_result_t *r, const tagger_json_options_t *opt)
{
    cJSON *names = cJSON_AddObjectToObject(root, "facets");
    cJSON *ids = cJSON_AddObjectToObject(root, "facet_ids");
    if (!names || !ids) {
        return false;
    }
    static const tagger_kind_t order[] = {TAGGER_KIND_PERSON, TAGGER_KIND_COUNTRY,
                                          TAGGER_KIND_ORG, TAGGER_KIND_PLACE};
    for (size_t k = 0; k < 4; k++) {
        tagger_kind_t kind = order[k];
        cJSON *na = cJSON_AddArrayToObject(names, facet_keys[kind]);
        cJSON *ia = cJSON_AddArrayToObject(ids, facet_keys[kind]);
        if (!na || !ia) {
            return false;
        }
        if (!kind_wanted(opt, kind)) {
            continue;
        }
        for (size_t i = 0; i < r->n_entities; i++) {
            const tagger_entity_t *e = &r->entities[i];
            if (e->kind != kind || e->relevance < opt->facet_threshold ||
                e->relevance < opt->min_relevance) {
                continue;
            }
            cJSON *n = cJSON_CreateString(e->name), *id = cJSON_CreateString(e->id);
            if (!n || !id) {
                cJSON_Delete(n);
                cJSON_Delete(id);
                return false;
            }
            cJSON_AddItemToArray(na, n);
            cJSON_AddItemToArray(ia, id);
        }
    }
    cJSON *na = cJSON_AddArrayToObject(names, "topic");
    cJSON *ia = cJSON_AddArrayToObject(ids, "topic");
    for (size_t i = 0; na && ia && i < n_topics_written(r, opt); i++) {
        cJSON *n = cJSON_CreateString(r->topics[i].label);
        cJSON *id = cJSON_CreateString(r->topics[i].id);
        if (!n || !id) {
            cJSON_Delete(n);
            cJSON_Delete(id);
            return false;
        }
        cJSON_AddItemToArray(na, n);
        cJSON_AddItemToArray(ia, id);
    }
    return na && ia;
}

static bool add_warnings(cJSON *root, const tagger_result_t *r)
{
    if (r->n_invalid == 0) {
        return true;
    }
    cJSON *arr = cJSON_AddArrayToObject(root, "warnings");
    cJSON *w = cJSON_CreateObject();
    if (!arr || !w) {
        cJSON_Delete(w);
        return false;
    }
    cJSON_AddItemToArray(arr, w);
    char msg[160];
    snprintf(msg, sizeof msg,
             "%zu invalid UTF-8 byte%s, the first at byte %zu; read as word separators",
             r->n_invalid, r->n_invalid == 1 ? "" : "s", r->first_invalid);
    return cJSON_AddStringToObject(w, "code", "invalid_utf8") &&
           cJSON_AddNumberToObject(w, "count", (double)r->n_invalid) &&
           cJSON_AddNumberToObject(w, "first_byte", (double)r->first_invalid) &&
           cJSON_AddStringToObject(w, "message", msg);
}

int tagger_result_json(const tagger_result_t *r, const tagger_json_options_t *opt, char **out)
{
    if (!out) {
        return TAGGER_ERR_MISUSE;
    }
    *out = NULL;
    if (!r) {
        return TAGGER_ERR_MISUSE;
    }
    tagger_json_options_t defaults;
    if (!opt) {
        tagger_json_options_init(&defaults);
        opt = &defaults;
    }
    cJSON *root = cJSON_CreateObject();
    if (!root) {
        return TAGGER_ERR_NOMEM;
    }
    bool ok = (!opt->id || add_id(root, opt->id)) && add_topics(root, r, opt);
    cJSON *ents = ok ? cJSON_AddArrayToObject(root, "entities") : NULL;
    ok = ents != NULL;
    for (size_t i = 0; ok && i < r->n_entities; i++) {
        const tagger_entity_t *e = &r->entities[i];
        if (!kind_wanted(opt, e->kind) || e->relevance < opt->min_relevance) {
            continue;
        }
        cJSON *o = entity_json(e, opt);
        ok = o != NULL;
        if (ok) {
            cJSON_AddItemToArray(ents, o);
        }
    }
    ok = ok && add_facets(root, r, opt) && add_warnings(root, r);
    if (ok) {
        *out = (opt->flags & TAGGER_JSON_PRETTY) ? cJSON_Print(root)
                                                 : cJSON_PrintUnformatted(root);
    }
    cJSON_Delete(root);
    return *out ? TAGGER_OK : TAGGER_ERR_NOMEM;
}
