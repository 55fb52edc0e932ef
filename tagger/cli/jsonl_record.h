/*
 * jsonl_record.h - one JSON Lines record in, one output line out: validate
 * the line, take its text fields, tag them as one document and splice the
 * annotation into the record's own bytes (or write an error record).
 */
#ifndef TAGGER_CLI_JSONL_RECORD_H
#define TAGGER_CLI_JSONL_RECORD_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"
#include "jsonl_parse.h"
#include "strbuf.h"

/* Working state of one thread: its scratch and reusable buffers. */
typedef struct {
    const cli_options_t *opt;
    tagger_scratch_t *scratch;
    strbuf_t text;                   /* the record's text fields, joined */
    tagger_json_segment_t *segments; /* one per text field */
    jp_members_t members, nested;    /* the fast path's parse of a record */
    strbuf_t id;                     /* the fast path's record id */
} record_worker_t;

/* Returns 0 or a tagger status (no scratch could be made). */
int record_worker_init(record_worker_t *w, const cli_options_t *opt);
void record_worker_free(record_worker_t *w);

/*
 * Where the added field goes: the offset of the record's closing brace,
 * the last byte that is not JSON white space.  @p line must hold a whole
 * object with only white space after it (as jsonl_process_line checks).
 */
size_t jsonl_splice_point(const char *line, size_t len);

/*
 * Checks what a JSON parser may let through: every byte is valid UTF-8 and
 * no string holds a raw control character.  Returns NULL when the line is
 * clean, else a message with *where set to the offending byte offset.
 */
const char *jsonl_check_bytes(const char *line, size_t len, size_t *where);

/*
 * Processes one input line (@p len bytes, without its newline) from @p file
 * at line @p lineno.  Appends to @p out what the output format makes of it
 * (in JSON: exactly one line) and to @p diag one "tagger: FILE:LINE: ..."
 * line when the record is bad.  An empty or blank line is kept as it is.
 * @return true when the line was bad
 */
bool jsonl_process_line(record_worker_t *w, const char *file, long lineno, const char *line,
                        size_t len, strbuf_t *out, strbuf_t *diag);

#endif /* TAGGER_CLI_JSONL_RECORD_H */
