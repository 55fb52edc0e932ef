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

/* Receives each hit; nonzero stops the scan. */
typedef int (*tg_hit_fn)(const tg_hit_t *hit, void *ctx);

/* Normalises @p text into s->norm and reports hits in increasing start
 * order (TAGGER_SCAN_ALL in @p flags: every candidate; otherwise
 * leftmost-longest, non-overlapping).  An ambiguous span is reported once
 * per candidate entity, consecutively.  Returns 0, TAGGER_ERR_STOPPED,
 * TAGGER_ERR_NOMEM or TAGGER_ERR_MISUSE. */
int tg_scan_hits(const tagger_t *tg, tagger_scratch_t *s, const char *text, size_t len,
                 unsigned flags, tg_hit_fn on_hit, void *ctx);

#endif /* TG_SCAN_H */
