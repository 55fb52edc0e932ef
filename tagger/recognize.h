/*
 * recognize.h - people, organizations and places that no gazetteer lists.
 */
#ifndef TG_RECOGNIZE_H
#define TG_RECOGNIZE_H

#include <stddef.h>
#include <stdint.h>

#include "scratch.h"

/* A name the recognizer found in the current text: an entity of its own,
 * numbered tg->n_entities + its index in the table. */
typedef struct {
    uint32_t kind;             /* tagger_kind_t: PERSON, ORG or PLACE */
    uint32_t name_start;       /* canonical name: these input bytes */
    uint32_t name_end;
    int32_t slot;              /* its slot in the result being built, or -1 */
    uint32_t joins;            /* the gazetteer organization it is a short name of
                                  ("United" of "Manchester United"), or TG_NONE */
    uint32_t country;          /* a place's country entity + 1 (one of its spans'), or 0 */
} tg_recognized_t;

/* Per-scratch working memory of the recognizer (recog_internal.h). */
typedef struct tg_recog tg_recog_t;

/* Finds names in @p text that no standing mention of s->recs covers and
 * appends their mentions to s->recs, with entity numbers from
 * tg->n_entities up.  Needs s->layout analysed.  Does nothing when the
 * tagger has no name model.  Returns 0 or TAGGER_ERR_NOMEM. */
int tg_recognize(const tagger_t *tg, tagger_scratch_t *s, const char *text, size_t len);

/* The names found in the last text recognized with @p s, and their number.
 * Valid until the next call of tg_recognize() with @p s. */
tg_recognized_t *tg_recognized(tagger_scratch_t *s, size_t *n);

/* Frees the recognizer's memory of a scratch; accepts NULL. */
void tg_recog_free(tg_recog_t *r);

#endif /* TG_RECOGNIZE_H */
