/*
 * topic_score.h - scoring a document's topics with the keyword model.
 */
#ifndef TG_TOPIC_SCORE_H
#define TG_TOPIC_SCORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "normalize.h"
#include "scan.h"
#include "topic_features.h"
#include "topic_model.h"

/* Counts whose logarithm the scorer keeps in a table. */
#define TG_TOPIC_LOG_TABLE 64

/* Most evidence strings reported per topic. */
#define TG_TOPIC_EVIDENCE 5

/* What the scorer keeps of a touched feature in one text. */
struct tg_tcount {
    uint32_t tf;    /* occurrences in this text */
    uint32_t start; /* input start and end of its first occurrence (for a word or pair,
                       the normalised end until the evidence needs the input end:
                       mapping it costs) */
    uint32_t end;
};

/* Per-thread working memory of the scorer, part of tagger_scratch_t;
 * allocated on first use and reused for every document, so that scoring
 * allocates only what the result keeps. */
typedef struct {
    uint32_t *place;    /* per model feature: 1 + its place in touched, 0 if untouched (4
                           bytes a feature: the array a text's hits land in at random
                           stays small, 20 KiB for the default model) */
    uint32_t *touched;  /* features with tf > 0, in the order of their first occurrence */
    struct tg_tcount *count; /* per touched feature: occurrences and first occurrence */
    uint32_t *run;      /* per touched feature: where its run starts in the model's weights */
    size_t n_touched;
    size_t n_word_touched; /* touched[0, n_word_touched): words and pairs; then entities */
    double *value;      /* per touched feature: its value x */
    uint64_t *topics;   /* per touched feature: bit t for each topic t it has a weight
                           for (all bits for a topic past 63) */
    double log_tf[TG_TOPIC_LOG_TABLE]; /* log(tf), the part of x that costs */
    double *sum;        /* per topic: bias + w x */
    double *branch;     /* per topic: best passing score of its top-level branch */
    struct tg_ranked *rank; /* per topic: the passing topics, ranked */
    int32_t *rank_of;   /* per topic: its place in rank, or -1 (all -1 between texts) */
    uint32_t *seen;     /* per topic: the last feature that offered it evidence */
    uint32_t (*ev)[TG_TOPIC_EVIDENCE]; /* per topic: the evidence picked, by rank */
    size_t *n_ev;
    struct tg_evidence *cand; /* evidence candidates, n_touched per ranked topic */
    size_t cap_cand;
    size_t *n_cand;     /* per ranked topic */
    const tg_topics_t *model; /* what the arrays are sized for */
    bool model_has_ids; /* tg_topic_has_id_features(model): else no id key is made */
} tg_topic_scratch_t;

void tg_topic_scratch_free(tg_topic_scratch_t *ts);

/* Scores every topic of @p m for the text @p text whose normalisation is
 * @p norm and whose entities are in @p r, and stores in @p r all scores and
 * the topics above the model's threshold, most specific first within a
 * branch, with their evidence.  @p seen holds @p n_seen words of @p norm
 * the scan found and hashed (TG_SCAN_WORDS), in text order; the scorer
 * finds the rest.  The words of @p lay's menu lines are left out (NULL: the
 * text had no layout made). */
int tg_topics_score(const tg_topics_t *m, tg_topic_scratch_t *ts, const tg_norm_t *norm,
                    const tg_scan_word_t *seen, size_t n_seen, const tg_layout_t *lay,
                    const char *text, tagger_result_t *r);

#endif /* TG_TOPIC_SCORE_H */
