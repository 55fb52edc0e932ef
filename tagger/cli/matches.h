/*
 * matches.h - --all-matches: every gazetteer candidate of a text (nested,
 * overlapping, each one of an ambiguous name), as tagger_scan() finds them
 * with TAGGER_SCAN_ALL, instead of the resolved entities.
 */
#ifndef TAGGER_CLI_MATCHES_H
#define TAGGER_CLI_MATCHES_H

#include <stdbool.h>
#include <stddef.h>

#include <tagger.h>

#include "strbuf.h"

/* Appends the candidates of @p text to @p out: with @p tsv one line each
 * (id, type, name, entity id, start, end, text, and the field when
 * opt->segments are given: the columns of the TSV format), else the JSON
 * array of them.  Only the types opt->kinds keeps; with segments, offsets
 * are relative to the field, as in the JSON of entities.  Returns
 * TAGGER_OK or the error of tagger_scan(). */
int matches_write(strbuf_t *out, bool tsv, const tagger_t *tg, tagger_scratch_t *s,
                  const char *text, size_t len, const char *id, size_t id_len,
                  const tagger_json_options_t *opt);

#endif /* TAGGER_CLI_MATCHES_H */
