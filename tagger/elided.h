/*
 * elided.h - "North and South Korea": the first of two coordinated names
 * that share their last words, written once.
 */
#ifndef TG_ELIDED_H
#define TG_ELIDED_H

#include <stddef.h>

#include "scratch.h"

/* Adds to s->hits, in text order, a hit for each word that, with the last
 * words of the country's or place's match after it, spells another alias of
 * that kind ("North" of "North and South Korea" is North Korea).  Returns 0
 * or TAGGER_ERR_NOMEM. */
int tg_elided_names(const tagger_t *tg, tagger_scratch_t *s, const char *text, size_t len);

#endif /* TG_ELIDED_H */
