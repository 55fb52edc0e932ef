/*
 * scan.h - the scan loop over normalised text, and the per-thread scratch.
 */
#ifndef TG_SCAN_H
#define TG_SCAN_H

#include <stddef.h>
#include <stdint.h>

#include "internal.h"
#include "normalize.h"

/* One raw match: an input span and the alias record that matched it. */
typedef struct {
    uint32_t start, end;   /* input bytes, [start, end) */
    uint32_t alias;        /* index into tg->aliases */
    uint32_t n_candidates; /* entities this span could name (> 1: ambiguous) */
} tg_hit_t;

/* A plain ASCII word the scan found and hashed, kept for the topic scorer,
 * which would otherwise find and hash it again (topic_score.c): the scan
 * hashes every such word for its first-word filter, with the hash the
 * topic model's keys are made from. */
typedef struct {
    uint64_t hash;  /* tg_fw_hash_padded() of its bytes */
    uint32_t start; /* normalised offset */
    uint32_t len;
} tg_scan_word_t;

/* tg_scan_hits() flag: keep the words in s->words (an internal flag, apart
 * from the public TAGGER_SCAN_* ones). */
#define TG_SCAN_WORDS (1u << 16)

/* Longest normalised text whose words are kept: past it a text's topics
 * find their words themselves, so that a huge text does not add 16 bytes a
 * word to the memory it takes. */
#define TG_SCAN_WORDS_MAX_TEXT ((size_t)1 << 22)

/* Receives each hit; nonzero stops the scan. */
typedef int (*tg_hit_fn)(const tg_hit_t *hit, void *ctx);

/* Normalises @p text into s->norm and reports hits in increasing start
 * order (TAGGER_SCAN_ALL in @p flags: every candidate; otherwise
 * leftmost-longest, non-overlapping).  An ambiguous span is reported once
 * per candidate entity, consecutively.  With TG_SCAN_WORDS, the plain
 * ASCII words it hashed are left in s->words, in text order (none when the
 * text is longer than TG_SCAN_WORDS_MAX_TEXT or their room cannot be had).
 * Returns 0, TAGGER_ERR_STOPPED, TAGGER_ERR_NOMEM or TAGGER_ERR_MISUSE. */
int tg_scan_hits(const tagger_t *tg, tagger_scratch_t *s, const char *text, size_t len,
                 unsigned flags, tg_hit_fn on_hit, void *ctx);

#endif /* TG_SCAN_H */
