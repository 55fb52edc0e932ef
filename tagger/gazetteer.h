/*
 * gazetteer.h - reading gazetteer TSV sources into a compiled tagger.
 */
#ifndef TG_GAZETTEER_H
#define TG_GAZETTEER_H

#include <stddef.h>

#include "internal.h"

typedef struct tg_gaz_builder tg_gaz_builder_t;

/* Returns a new, empty builder in @p out, or TAGGER_ERR_NOMEM. */
int tg_gaz_builder_new(tg_gaz_builder_t **out);

/* Adds the entities of one TSV source.  Bad lines are skipped, each with a
 * diagnostic appended to @p err.  Returns 0 or TAGGER_ERR_NOMEM. */
int tg_gaz_add(tg_gaz_builder_t *b, const char *path, const char *data, size_t len,
               tagger_error_t **err);

/* Builds the tagger from everything added; the builder is left empty.
 * Returns 0 or TAGGER_ERR_NOMEM. */
int tg_gaz_finish(tg_gaz_builder_t *b, tagger_t **out);

/* Frees a builder; accepts NULL. */
void tg_gaz_builder_free(tg_gaz_builder_t *b);

#endif /* TG_GAZETTEER_H */
