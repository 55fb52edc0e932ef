/*
 * short_names.h - later, shorter mentions of people and organizations.
 */
#ifndef TG_SHORT_NAMES_H
#define TG_SHORT_NAMES_H

#include <stddef.h>

#include "scratch.h"

/* A short form valid in one document. */
struct tg_short {
    size_t key_off;   /* normalised bytes in s->short_keys */
    size_t key_len;
    uint32_t entity;
    uint32_t after;   /* valid only after this byte: the end of the full mention */
    tg_case_sig_t sig; /* exact case of the form as introduced */
};

/* Adds to s->recs the short mentions of people and organizations that
 * s->recs (after tg_resolve) names in full.  Returns 0 or TAGGER_ERR_NOMEM. */
int tg_short_names(const tagger_t *tg, tagger_scratch_t *s, const char *text, size_t len);

#endif /* TG_SHORT_NAMES_H */
