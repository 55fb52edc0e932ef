/*
 * topic_io.h - the topic model in a compiled model file (topic_io.c).
 */
#ifndef TG_TOPIC_IO_H
#define TG_TOPIC_IO_H

#include "internal.h"
#include "topic_model.h"

/* Adds the sections of @p m to @p w.  Returns 0 or TAGGER_ERR_NOMEM. */
int tg_topics_write(const tg_topics_t *m, tg_model_writer_t *w);

/* Reads the topic model of @p v into @p *out, pointing into the model's
 * bytes; @p *out is NULL when the file has none.  With @p check, every
 * index is verified (a file); without, the bytes are trusted (the model
 * linked into the program).  Returns 0, TAGGER_ERR_FORMAT with a
 * diagnostic, or TAGGER_ERR_NOMEM. */
int tg_topics_read(const tg_model_view_t *v, int check, tg_topics_t **out, tagger_error_t **err);

#endif /* TG_TOPIC_IO_H */
