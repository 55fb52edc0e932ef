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
    size_t text_len;            /* length of the annotated text */
    size_t n_invalid, first_invalid;
};

#endif /* TG_ANNOTATE_H */
