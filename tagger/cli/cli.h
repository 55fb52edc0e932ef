/*
 * cli.h - what the command's parts share: the options main.c parses and the
 * record, format and pipeline modules read.  Set once before any thread
 * starts, read-only afterwards.
 */
#ifndef TAGGER_CLI_H
#define TAGGER_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include <tagger.h>

#include "commands.h"

#define EXIT_BAD_INPUT CMD_EXIT_BAD_INPUT
#define EXIT_USAGE CMD_EXIT_USAGE
#define EXIT_MODEL CMD_EXIT_MODEL

/* Largest document (a file, standard input, or one --jsonl record line)
 * that is tagged; a larger one is reported and skipped.  A result takes
 * about 25 bytes of memory per input byte on text dense with names
 * (scripts/measure-bounds, docs/RESULTS.md), so this bounds a run's memory
 * near 800 MB; a news article is rarely above 1 MB. */
#define CLI_MAX_DOC_MIB 32
#define CLI_MAX_DOC_BYTES ((size_t)CLI_MAX_DOC_MIB << 20)

typedef enum { FORMAT_JSON, FORMAT_TSV, FORMAT_ES_BULK, FORMAT_HTML } output_format_t;

typedef struct {
    const tagger_t *tg;         /* shared by every worker, never changed */
    tagger_json_options_t json; /* flags, thresholds, types; id and segments unset */
    output_format_t format;
    bool all_matches;         /* --all-matches: gazetteer candidates, not entities */
    bool jsonl;               /* --jsonl: records in, records out */
    const char **text_fields; /* dotted paths, at least one */
    size_t n_text_fields;
    const char *id_field;     /* dotted path of the record id */
    const char *output_field; /* top-level key added to each record */
    int jobs;                 /* worker threads, >= 1 */
    unsigned scratch_options; /* TAGGER_SCRATCH_* for every scratch */
} cli_options_t;

/* Program name for messages. */
extern const char *const cli_prog;

/* Option values (numbers.c): the whole of @p arg must be a number in
 * [lo, hi] (hi may be HUGE_VAL for a real); otherwise "WHO: OPT: expected ..." goes to stderr and the
 * result is false. */
bool cli_parse_count(const char *who, const char *opt, const char *arg, unsigned long lo,
                     unsigned long hi, unsigned long *out);
bool cli_parse_real(const char *who, const char *opt, const char *arg, double lo, double hi,
                    double *out);

#endif /* TAGGER_CLI_H */
