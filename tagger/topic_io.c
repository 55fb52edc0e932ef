/*
 * topic_io.c - the topic model's sections of a compiled model file
 * (model_file.h for the container, model_io.c for the gazetteer sections).
 *
 *   TPOL  the model's string pool (qcodes, labels, feature keys)
 *   TTOP  tg_topic_t per topic
 *   TFEA  tg_tfeature_t per feature
 *   TPST  tg_posting_t, grouped by feature
 *   TSLT  tg_tslot_t, the hash table over the feature keys (the scorer
 *         probes a denser table built from TFEA on loading, tg_topics_index)
 *   TTHR  the output threshold, one double
 *
 * All optional together: a file without TTOP has no topic model.  As with
 * the gazetteer sections, the records are the in-memory structs, and every
 * index is checked on loading a file, so that a damaged file cannot make
 * scoring read outside the mapping or probe a full hash table forever.
 */
#include "topic_io.h"

#include <math.h>
#include <string.h>

#include "normalize.h"

typedef char assert_topic_size[(sizeof(tg_topic_t) == 20) ? 1 : -1];
typedef char assert_feature_size[(sizeof(tg_tfeature_t) == 20) ? 1 : -1];
typedef char assert_posting_size[(sizeof(tg_posting_t) == 8) ? 1 : -1];
typedef char assert_slot_size[(sizeof(tg_tslot_t) == 8) ? 1 : -1];

int tg_topics_write(const tg_topics_t *m, tg_model_writer_t *w)
{
    int rc;
    if ((rc = tg_model_writer_add(w, "TPOL", m->pool, m->pool_len)) ||
        (rc = tg_model_writer_add(w, "TTOP", m->topics, m->n_topics * sizeof *m->topics)) ||
        (rc = tg_model_writer_add(w, "TFEA", m->features,
                                  m->n_features * sizeof *m->features)) ||
        (rc = tg_model_writer_add(w, "TPST", m->postings,
                                  m->n_postings * sizeof *m->postings)) ||
        (rc = tg_model_writer_add(w, "TSLT", m->slots, m->n_slots * sizeof *m->slots)) ||
        (rc = tg_model_writer_add(w, "TTHR", &m->threshold, sizeof m->threshold))) {
        return rc;
    }
    return TAGGER_OK;
}

static int damaged(tagger_error_t **err, const char *name, const char *what, size_t index)
{
    tg_error_add(err, name, 0, "damaged compiled model: topic model: %s (record %zu)", what,
                 index);
    return TAGGER_ERR_FORMAT;
}

/* Every index of @p m inside its table; NULL or what is wrong (@p *where:
 * the record). */
static const char *check_indexes(const tg_topics_t *m, size_t *where)
{
    size_t n_pool = m->pool_len;
    if (n_pool == 0 || m->pool[n_pool - 1] != '\0') {
        return "the string pool is not NUL-terminated";
    }
    if (!tg_pool_is_utf8(m->pool, n_pool)) {
        return "the string pool is not valid UTF-8";
    }
    for (size_t i = 0; i < m->n_topics; i++) {
        const tg_topic_t *t = &m->topics[i];
        *where = i;
        if (t->qcode >= n_pool || t->label >= n_pool ||
            (t->parent != TG_NONE && t->parent >= m->n_topics) || t->depth > m->n_topics) {
            return "topic with an index outside its table";
        }
        if (!tg_pool_starts_char(m->pool, t->qcode) || !tg_pool_starts_char(m->pool, t->label)) {
            return "topic string starting inside a character";
        }
        if (!isfinite(t->bias)) {
            return "topic whose bias is not a finite number";
        }
    }
    /* Parents one level up: a cycle of parents (found by fuzzing a
     * re-signed file) would make the walk to the top level endless. */
    for (size_t i = 0; i < m->n_topics; i++) {
        const tg_topic_t *t = &m->topics[i];
        *where = i;
        if (t->parent == TG_NONE ? t->depth != 0
                                 : m->topics[t->parent].depth + 1 != t->depth) {
            return "topic whose depth is not its parent's plus one";
        }
    }
    for (size_t i = 0; i < m->n_features; i++) {
        const tg_tfeature_t *f = &m->features[i];
        *where = i;
        if (f->key >= n_pool || f->key_len > n_pool - f->key || f->first > m->n_postings ||
            f->n > m->n_postings - f->first) {
            return "feature with an index outside its table";
        }
    }
    for (size_t i = 0; i < m->n_postings; i++) {
        *where = i;
        if (m->postings[i].topic >= m->n_topics) {
            return "weight of a topic outside the topic table";
        }
        /* Found by fuzzing a re-signed file: an infinite weight and an
         * infinite bias of opposite signs made a topic score NaN. */
        if (!isfinite(m->postings[i].weight)) {
            return "weight that is not a finite number";
        }
    }
    size_t empty = 0;
    for (size_t i = 0; i < m->n_slots; i++) {
        *where = i;
        if (m->slots[i].feature == TG_NONE) {
            empty++;
        } else if (m->slots[i].feature >= m->n_features) {
            return "hash slot of a feature outside the feature table";
        }
    }
    *where = 0;
    if (m->n_slots == 0 || (m->n_slots & (m->n_slots - 1)) != 0 || empty == 0) {
        return "hash table not a power of two with a free slot";
    }
    if (!(m->threshold >= 0 && m->threshold <= 1)) {
        return "threshold outside [0, 1]";
    }
    return NULL;
}

int tg_topics_read(const tg_model_view_t *v, int check, tg_topics_t **out, tagger_error_t **err)
{
    const void *pool, *topics, *features, *postings, *slots, *threshold;
    size_t n_pool, n_topics, n_features, n_postings, n_slots, n_threshold;
    int rc;
    *out = NULL;
    if ((rc = tg_model_section(v, "TTOP", sizeof(tg_topic_t), 0, &topics, &n_topics, err)) ||
        !topics) {
        return rc; /* no topic model */
    }
    if ((rc = tg_model_section(v, "TPOL", 1, 1, &pool, &n_pool, err)) ||
        (rc = tg_model_section(v, "TFEA", sizeof(tg_tfeature_t), 1, &features, &n_features,
                               err)) ||
        (rc = tg_model_section(v, "TPST", sizeof(tg_posting_t), 1, &postings, &n_postings,
                               err)) ||
        (rc = tg_model_section(v, "TSLT", sizeof(tg_tslot_t), 1, &slots, &n_slots, err)) ||
        (rc = tg_model_section(v, "TTHR", sizeof(double), 1, &threshold, &n_threshold, err))) {
        return rc;
    }
    if (n_threshold != 1) {
        return damaged(err, v->name, "no threshold", 0);
    }
    tg_topics_t *m = calloc(1, sizeof *m);
    if (!m) {
        return TAGGER_ERR_NOMEM;
    }
    /* Pointers into the model: never written, never freed (m->owned is 0). */
    m->pool = (char *)(uintptr_t)pool;
    m->pool_len = n_pool;
    m->topics = (tg_topic_t *)(uintptr_t)topics;
    m->n_topics = n_topics;
    m->features = (tg_tfeature_t *)(uintptr_t)features;
    m->n_features = n_features;
    m->postings = (tg_posting_t *)(uintptr_t)postings;
    m->n_postings = n_postings;
    m->slots = (tg_tslot_t *)(uintptr_t)slots;
    m->n_slots = n_slots;
    memcpy(&m->threshold, threshold, sizeof m->threshold);
    size_t where = 0;
    const char *why = check ? check_indexes(m, &where) : NULL;
    if (why) {
        tg_topics_free(m);
        return damaged(err, v->name, why, where);
    }
    if ((rc = tg_topics_index(m))) {
        tg_topics_free(m);
        return rc;
    }
    *out = m;
    return TAGGER_OK;
}
