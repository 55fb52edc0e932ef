/*
 * formats.h - the non-JSON outputs: TSV (one mention per line, for shell
 * tools) and the action line of Elasticsearch/OpenSearch bulk pairs.
 */
#ifndef TAGGER_CLI_FORMATS_H
#define TAGGER_CLI_FORMATS_H

#include <stdbool.h>

#include "cli.h"
#include "strbuf.h"

/* Whether @p opt keeps entity @p e: its type is one of opt->kinds (or
 * that is 0) and its relevance reaches opt->min_relevance, as in JSON. */
bool format_entity_wanted(const tagger_entity_t *e, const tagger_json_options_t *opt);

/* The segment of opt->segments holding byte @p start (the last starting at
 * or before it), or NULL without segments. */
const tagger_json_segment_t *format_segment_of(const tagger_json_options_t *opt, size_t start);

/* Appends @p s with backslash, tab, newline and carriage return written as
 * \\, \t, \n and \r, so a TSV field never spans columns or lines. */
void tsv_escape(strbuf_t *out, const char *s, size_t len);

/*
 * Appends one TSV line per mention of @p r: id, type, name, entity id,
 * start, end, text, and with @p field_column the field the mention is in
 * (opt->segments; offsets are then relative to the field).  Types and
 * relevance are filtered as in JSON; with TAGGER_JSON_NO_MENTIONS one line
 * per entity, with start, end and text left empty.
 */
void format_tsv(strbuf_t *out, const char *id, size_t id_len, const tagger_result_t *r,
                const tagger_json_options_t *opt, bool field_column);

/* Appends the bulk action line {"index":{"_id":ID}}, or {"index":{}} when
 * @p id is NULL (the index then makes up an id). */
void format_es_action(strbuf_t *out, const char *id, size_t id_len);

/* Parses "json", "tsv", "es-bulk" or "html"; false for anything else. */
bool format_parse(const char *name, output_format_t *out);

#endif /* TAGGER_CLI_FORMATS_H */
