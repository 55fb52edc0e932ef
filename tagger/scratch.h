/*
 * scratch.h - the per-thread working memory behind tagger_scratch_t.
 */
#ifndef TG_SCRATCH_H
#define TG_SCRATCH_H

#include <stddef.h>
#include <stdint.h>

#include "internal.h"
#include "layout.h"
#include "normalize.h"
#include "scan.h"
#include "topic_score.h"

/* One mention being assembled by tagger_annotate(). */
typedef struct {
    uint32_t start, end; /* input bytes */
    uint32_t entity;
    uint32_t alias;      /* alias record that matched, or TG_NONE */
    uint8_t via;         /* tagger_via_t */
    uint8_t zone;        /* tg_zone_t */
    uint8_t flags;       /* TG_REC_* */
} tg_rec_t;

enum {
    TG_REC_DROPPED = 1, /* left out: unsupported, ambiguous, in a menu */
    TG_REC_AMBIGUOUS = 2 /* one of several candidates for its span */
};

struct tagger_scratch {
    const tagger_t *tg;
    tg_norm_t norm;        /* the text being scanned */
    tg_norm_t norm_aux;    /* short names being prepared */
    tg_layout_t layout;
    tg_hit_t *hits;        /* raw hits of the scan */
    size_t n_hits, cap_hits;
    tg_scan_word_t *words; /* words the scan hashed (TG_SCAN_WORDS) */
    size_t n_words, cap_words;
    tg_rec_t *recs;        /* mentions of the text being annotated */
    size_t n_recs, cap_recs;
    int32_t *entity_slot;  /* per entity: its slot in the result being built, or -1 */
    uint32_t *support;     /* per entity: strong mentions in the current text */
    uint8_t *named;        /* per COUNTRY entity: named or implied by a place here */
    struct tg_short *shorts; /* short names of this text (short_names.c) */
    size_t n_shorts, cap_shorts;
    char *short_keys;
    size_t short_keys_len, short_keys_cap;
    tg_topic_scratch_t topic;
    unsigned options;      /* TAGGER_SCRATCH_* */
    struct tg_recog *recog; /* the name recognizer's memory (recognize.c), or NULL */
};

/* Appends a mention record; returns 0 or TAGGER_ERR_NOMEM. */
int tg_rec_add(tagger_scratch_t *s, const tg_rec_t *rec);

#endif /* TG_SCRATCH_H */
