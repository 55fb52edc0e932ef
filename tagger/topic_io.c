/*
 * topic_io.c - the topic model's sections of a compiled model file
 * (model_file.h for the container, model_io.c for the gazetteer sections).
 *
 *   TPOL  the model's string pool (qcodes, labels, feature keys)
 *   TTOP  tg_topic_t per topic
 *   TFEA  tg_tfeature_t per feature
 *   TPST  tg_posting_t, grouped by feature
 *   TSLT  tg_tslot_t, the hash table over the feature keys
 *   TTHR  the output threshold, one double
 *   TCUT  one uint32_t, 1 when word keys leave off a final plural "s"
 *         (tg_topics_t.cut_plurals); from format version 3 on, a version 2
 *         file has none and its model keys whole words
 *   TPRB  tg_tprobe_t, the scorer's table (tg_topics_index)
 *   TFLT  its filter, 2^TG_PROBE_FILTER_BITS bits
 *   TWGT  tg_tweight_t, the scorer's runs of weights
 *
 * All optional together: a file without TTOP has no topic model.  The
 * scorer's three are used in place, as the rest: building them on loading
 * cost ~1M instructions and ~70 page faults (touching ~270 KiB) at each
 * start of the program, a fifth of the faults of tagging an empty input.
 * A file without them (made before they were written) gets them built.  As with
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
typedef char assert_probe_size[(sizeof(tg_tprobe_t) == 16) ? 1 : -1];
typedef char assert_weight_size[(sizeof(tg_tweight_t) == 8) ? 1 : -1];

enum { FILTER_WORDS = 1u << (TG_PROBE_FILTER_BITS - 6) };

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
        (rc = tg_model_writer_add(w, "TTHR", &m->threshold, sizeof m->threshold)) ||
        (rc = tg_model_writer_add(w, "TCUT", &m->cut_plurals, sizeof m->cut_plurals)) ||
        (rc = tg_model_writer_add(w, "TPRB", m->probe, m->n_probe * sizeof *m->probe)) ||
        (rc = tg_model_writer_add(w, "TFLT", m->filter, FILTER_WORDS * sizeof *m->filter)) ||
        (rc = tg_model_writer_add(w, "TWGT", m->weights, m->n_weights * sizeof *m->weights))) {
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

/* The scorer's table of @p m, from a file: every slot's feature and run
 * inside their tables, and a free slot, which ends every probe; NULL or
 * what is wrong (@p *where: the slot). */
static const char *check_scorer_index(const tg_topics_t *m, size_t *where)
{
    size_t empty = 0;
    for (size_t k = 0; k < m->n_probe; k++) {
        const tg_tprobe_t *p = &m->probe[k];
        *where = k;
        if (p->run == TG_NONE) {
            empty++;
            continue;
        }
        if ((p->feature & TG_PROBE_FEATURE) >= m->n_features || p->run > m->n_weights ||
            m->n_weights - p->run < 2 || m->weights[p->run + 1].n > m->n_weights - p->run - 2) {
            return "scorer's slot with an index outside its table";
        }
        const tg_tweight_t *w = m->weights + p->run + 2;
        for (uint64_t j = 0; j < m->weights[p->run + 1].n; j++) {
            if (w[j].posting.topic >= m->n_topics || !isfinite(w[j].posting.weight)) {
                return "scorer's weight of a topic outside the topic table, or not finite";
            }
        }
    }
    *where = 0;
    if (m->n_probe < 2 || (m->n_probe & (m->n_probe - 1)) != 0 || empty == 0) {
        return "scorer's table not a power of two with a free slot";
    }
    return NULL;
}

/* Points @p m at the scorer's sections of @p v, or builds them when the
 * file has none. */
static int scorer_index(const tg_model_view_t *v, int check, tg_topics_t *m, size_t *where,
                        const char **why, tagger_error_t **err)
{
    const void *probe, *filter, *weights;
    size_t n_probe, n_filter, n_weights;
    int rc;
    if ((rc = tg_model_section(v, "TPRB", sizeof(tg_tprobe_t), 0, &probe, &n_probe, err)) ||
        (rc = tg_model_section(v, "TFLT", sizeof(uint64_t), 0, &filter, &n_filter, err)) ||
        (rc = tg_model_section(v, "TWGT", sizeof(tg_tweight_t), 0, &weights, &n_weights, err))) {
        return rc;
    }
    if (!probe) {
        return tg_topics_index(m);
    }
    if (n_filter != FILTER_WORDS) {
        *why = "scorer's filter of the wrong size";
        return TAGGER_OK;
    }
    /* Never written, never freed (m->index_owned is 0). */
    m->probe = (tg_tprobe_t *)(uintptr_t)probe;
    m->n_probe = n_probe;
    m->filter = (uint64_t *)(uintptr_t)filter;
    m->weights = (tg_tweight_t *)(uintptr_t)weights;
    m->n_weights = n_weights;
    unsigned bits = 0;
    while (bits < 63 && ((size_t)1 << bits) < n_probe) {
        bits++;
    }
    m->probe_shift = 64 - bits;
    *why = check ? check_scorer_index(m, where) : NULL;
    return TAGGER_OK;
}

int tg_topics_read(const tg_model_view_t *v, int check, tg_topics_t **out, tagger_error_t **err)
{
    const void *pool, *topics, *features, *postings, *slots, *threshold, *cut;
    size_t n_pool, n_topics, n_features, n_postings, n_slots, n_threshold, n_cut;
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
        (rc = tg_model_section(v, "TTHR", sizeof(double), 1, &threshold, &n_threshold, err)) ||
        (rc = tg_model_section(v, "TCUT", sizeof(uint32_t), v->version >= 3, &cut, &n_cut,
                               err))) {
        return rc;
    }
    if (n_threshold != 1) {
        return damaged(err, v->name, "no threshold", 0);
    }
    uint32_t cut_plurals = 0;
    if (cut) {
        memcpy(&cut_plurals, cut, sizeof cut_plurals);
    }
    if ((cut && n_cut != 1) || cut_plurals > 1) {
        return damaged(err, v->name, "key cut flag not one 0 or 1", 0);
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
    m->cut_plurals = cut_plurals;
    size_t where = 0;
    const char *why = check ? check_indexes(m, &where) : NULL;
    if (why) {
        tg_topics_free(m);
        return damaged(err, v->name, why, where);
    }
    if ((rc = scorer_index(v, check, m, &where, &why, err)) || why) {
        tg_topics_free(m);
        return rc ? rc : damaged(err, v->name, why, where);
    }
    if ((rc = tg_topics_json_init(m))) {
        tg_topics_free(m);
        return rc;
    }
    *out = m;
    return TAGGER_OK;
}
