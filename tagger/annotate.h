/*
 * annotate.h - the result of tagger_annotate(), shared with json_out.c.
 */
#ifndef TG_ANNOTATE_H
#define TG_ANNOTATE_H

#include <stddef.h>

#include "internal.h"

struct tagger_result {
    const tagger_t *tg;
    tagger_entity_t *entities; /* by decreasing relevance */
    size_t n_entities;
    tagger_mention_t *mentions; /* grouped per entity, in text order */
    size_t n_mentions;
    char *texts;                /* mention texts, NUL-terminated, back to back */
    char *recognized_names;     /* names of recognized entities, NUL-terminated */
    size_t text_len;            /* length of the annotated text */
    size_t n_invalid, first_invalid;
    /* The topics, in one allocation (topic_score.c store_topics()), which
     * topic_sums starts: */
    double *topic_sums;         /* every model topic's bias + w x, in model order: its
                                   score is the sigmoid (tagger_result_topic_score()) */
    size_t n_topic_sums;
    tagger_topic_t *topics;     /* above the model's threshold, in ranking order */
    size_t n_topics;
    const char **topic_strs;    /* the topics' paths and evidence pointers */
    uint32_t *topic_index;      /* per topic: its index in the model (its JSON parts) */
    char *evidence_texts;       /* evidence strings, NUL-terminated, back to back */
};

/* tagger_annotate(), with topics scored only when @p with_topics (and the
 * tagger has a model): training counts features itself. */
int tg_annotate(const tagger_t *tg, tagger_scratch_t *s, const char *text, size_t len,
                int with_topics, tagger_result_t **out);

#endif /* TG_ANNOTATE_H */
