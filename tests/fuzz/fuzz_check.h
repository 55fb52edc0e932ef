/*
 * fuzz_check.h - invariants the fuzz targets hold every result to.
 *
 * A fuzz target that only waits for a crash misses wrong output, so each
 * target hands its results here.  A broken invariant prints what broke and
 * aborts, which libFuzzer records as a finding with the input that caused it.
 */
#ifndef FUZZ_CHECK_H
#define FUZZ_CHECK_H

#include <stddef.h>

#include <tagger.h>

/* Prints the message and aborts: a finding. */
#ifdef __GNUC__
__attribute__((noreturn, format(printf, 1, 2)))
#endif
void fz_fail(const char *fmt, ...);

/* Length of the well-formed UTF-8 sequence at @p s (Unicode Table 3-7:
 * no overlongs, no surrogates, nothing above U+10FFFF), or 0 when the byte
 * at @p s starts none.  @p len > 0 bytes are readable. */
size_t fz_utf8_len(const unsigned char *s, size_t len);

/* Checks one annotation of @p text against the input and its JSON output:
 * mention spans inside the text, on UTF-8 boundaries, text equal to the
 * slice, char_start/char_end the code point offsets (each invalid byte one
 * code point), relevance and scores in [0, 1], topic paths and evidence
 * (every evidence string occurs in the text), the invalid byte count, and
 * the JSON: valid UTF-8, parsed by cJSON, the same entities, mentions and
 * topics as the API.  @p id is written as the result's id. */
void fz_check_result(const char *text, size_t len, const tagger_result_t *r, const char *id);

/* Checks tagger_scan(), leftmost-longest and with TAGGER_SCAN_ALL: every
 * match inside the text on UTF-8 boundaries with matching code point
 * offsets, a valid entity, and (default mode) increasing, non-overlapping. */
void fz_check_scan(const tagger_t *tg, tagger_scratch_t *s, const char *text, size_t len);

/* Checks a compile's diagnostics: each has a message, names @p path when
 * it has a path, and a line in [0, @p max_line]. */
void fz_check_errors(const tagger_error_t *err, const char *path, long max_line);

/* Annotates @p text with @p tg (a scratch made here) and checks it all:
 * fz_check_scan, then fz_check_result.  Aborts on a library error. */
void fz_annotate_and_check(const tagger_t *tg, const char *text, size_t len, const char *id);

#endif /* FUZZ_CHECK_H */
