/*
 * model_file.h - the compiled model file: a checked container of tagged
 * sections, written in one piece and used in place (mmap or memory).
 *
 * Layout, all integers little-endian (the host order; a big-endian host
 * refuses the file by its byte-order mark):
 *
 *   offset  size
 *        0     8  magic "\x89TGM\r\n\x1a\n" (a text-mode transfer breaks it)
 *        8     4  format version (TG_MODEL_VERSION)
 *       12     4  byte-order mark 0x01020304
 *       16     8  total file size in bytes
 *       24     8  checksum of bytes [TG_MODEL_HEADER_SIZE, total size), from
 *                 version 3 mixed with the version (tg_model_file_checksum)
 *       32     4  number of sections
 *       36    28  zero
 *       64  24*n  section table: tag (4 bytes), zero (4), offset (8), length (8)
 *          ...    sections, each at a 64-byte aligned offset, zero padded
 *                 (readers require 8)
 *
 * The checksum is 64-bit FNV-1a taken over 8-byte little-endian words in
 * four interleaved lanes (word i goes to lane i % 4; the lanes are folded
 * at the end, and trailing bytes go through plain FNV-1a), so that hashing a
 * 10 MB model costs well under a millisecond instead of the ~10 ms of a
 * byte-at-a-time loop.
 *
 * Adding a section: give it a new tag, add it with tg_model_writer_add() in
 * tagger_save(), and find it with tg_model_section() when loading; readers
 * ignore tags they do not know, so older sections stay readable.
 */
#ifndef TG_MODEL_FILE_H
#define TG_MODEL_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tagger.h"

#define TG_MODEL_MAGIC "\x89TGM\r\n\x1a\n"
/* 2: sections on 64-byte boundaries, name weights as int16 thousandths in
 * 32-byte slots, blocked first-word bitset with an 8-byte word hash.
 * 3: the topic model says whether its word keys leave off a plural "s"
 * (section TCUT, required): a tagger before it would score such a model
 * without the cut, silently wrong, and now refuses the file; and the
 * checksum covers the version, so that a flipped bit cannot turn one
 * accepted version into another.  Versions TG_MODEL_VERSION_MIN and later
 * are read: a version 2 file's topic model keys whole words. */
#define TG_MODEL_VERSION 3u
#define TG_MODEL_VERSION_MIN 2u
#define TG_MODEL_HEADER_SIZE 64u
#define TG_MODEL_SECTION_SIZE 24u
#define TG_MODEL_MAX_SECTIONS 64u

/* ------------------------------------------------------------------------ */
/* Writing                                                                   */

typedef struct tg_model_writer tg_model_writer_t;

/* A new writer with no sections; NULL when out of memory. */
tg_model_writer_t *tg_model_writer_new(void);

/* Adds a section of @p len bytes under the 4-character @p tag.  The bytes
 * are borrowed: they must stay valid until the writer is freed.  Returns 0,
 * TAGGER_ERR_NOMEM, or TAGGER_ERR_MISUSE (tag used twice, too many). */
int tg_model_writer_add(tg_model_writer_t *w, const char *tag, const void *data, size_t len);

/* Like tg_model_writer_add(), but the writer takes @p data (malloc'ed) and
 * frees it, also on failure. */
int tg_model_writer_add_owned(tg_model_writer_t *w, const char *tag, void *data, size_t len);

/* Lays out the whole file in one malloc'ed buffer (@p *out, @p *len).
 * Returns 0 or TAGGER_ERR_NOMEM. */
int tg_model_writer_finish(tg_model_writer_t *w, uint8_t **out, size_t *len);

/* Frees a writer and the sections it owns; accepts NULL. */
void tg_model_writer_free(tg_model_writer_t *w);

/* ------------------------------------------------------------------------ */
/* Reading                                                                   */

/* A checked view of a model file in memory. */
typedef struct {
    const uint8_t *data;
    size_t len;
    uint32_t n_sections;
    uint32_t version; /* the header's format version */
    const char *name; /* for messages: the file name, or "(memory)" */
} tg_model_view_t;

/* Checks the header, size, checksum and section table of @p len bytes at
 * @p data (8-byte aligned).  On failure adds one diagnostic to @p err
 * naming @p name and what is wrong, and returns TAGGER_ERR_FORMAT (not a
 * model, damaged, truncated) or TAGGER_ERR_VERSION. */
int tg_model_open(tg_model_view_t *v, const void *data, size_t len, const char *name,
                  tagger_error_t **err);

/* Like tg_model_open(), without the checksum: for the model linked into
 * the program, whose bytes are part of the executable and were checked in
 * full when the build made them (Makefile). */
int tg_model_open_trusted(tg_model_view_t *v, const void *data, size_t len, const char *name,
                          tagger_error_t **err);

/* Finds section @p tag holding whole elements of @p elem_size bytes.
 * Returns 0 with @p *data and @p *count set; TAGGER_ERR_FORMAT with a
 * diagnostic when it is missing (and @p required) or its length is not a
 * multiple of @p elem_size.  A missing optional section gives 0 with
 * *data NULL and *count 0. */
int tg_model_section(const tg_model_view_t *v, const char *tag, size_t elem_size, int required,
                     const void **data, size_t *count, tagger_error_t **err);

/* The checksum of @p len bytes (see the top of this file). */
uint64_t tg_model_checksum(const uint8_t *data, size_t len);

/* The header's checksum of the @p len bytes of a file at @p file (header
 * included): tg_model_checksum() of what follows the header, mixed with the
 * header's format version from version 3 on. */
uint64_t tg_model_file_checksum(const uint8_t *file, size_t len);

/* Whether @p len bytes of a model's string pool are valid UTF-8 (pool
 * strings reach the JSON output as they are, so a damaged one that kept a
 * valid checksum must be refused), and whether offset @p off starts a
 * character (model_io.c). */
bool tg_pool_is_utf8(const char *pool, size_t len);
bool tg_pool_starts_char(const char *pool, uint32_t off);

#endif /* TG_MODEL_FILE_H */
