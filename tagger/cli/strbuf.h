/*
 * strbuf.h - a growable byte buffer for the command's output: records,
 * diagnostics and TSV lines are built in memory, then written in one go;
 * and reading a whole stream into memory.
 *
 * A failed allocation sets the buffer's `failed` flag and later appends do
 * nothing, so callers append freely and check once (sb_ok) at the end.
 */
#ifndef TAGGER_CLI_STRBUF_H
#define TAGGER_CLI_STRBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct {
    char *data; /* not NUL-terminated unless sb_cstr() was called */
    size_t len, cap;
    bool failed; /* an allocation failed; contents are incomplete */
} strbuf_t;

void sb_init(strbuf_t *sb);
void sb_free(strbuf_t *sb);
/* Empties the buffer but keeps its memory for reuse. */
void sb_clear(strbuf_t *sb);
void sb_add(strbuf_t *sb, const char *bytes, size_t len);
void sb_adds(strbuf_t *sb, const char *s);
void sb_addc(strbuf_t *sb, char c);
/* Room for @p extra more bytes (and a NUL) at the end: where to write
 * them in place, then add their number to len; NULL when out of memory. */
char *sb_room(strbuf_t *sb, size_t extra);
/* printf-style append. */
void sb_addf(strbuf_t *sb, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Appends @p s (length @p len, valid UTF-8 assumed unless @p repair) as a
 * quoted JSON string; with @p repair, invalid UTF-8 bytes become U+FFFD. */
void sb_add_json_string(strbuf_t *sb, const char *s, size_t len, bool repair);
/* NUL-terminates and returns the data ("" for an empty buffer). */
const char *sb_cstr(strbuf_t *sb);
bool sb_ok(const strbuf_t *sb);

/* Length of the valid UTF-8 sequence at @p s (1-4), or 0 when the bytes
 * there are not one (truncated, overlong, surrogate, > U+10FFFF). */
size_t utf8_valid_len(const unsigned char *s, size_t avail);

/* Reads all of @p f into a malloc'ed buffer (not NUL-terminated); NULL
 * with errno set on failure, EFBIG past @p limit bytes. */
char *read_stream(FILE *f, size_t limit, size_t *len);

#endif /* TAGGER_CLI_STRBUF_H */
