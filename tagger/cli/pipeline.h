/*
 * pipeline.h - --jsonl over files or stdin with N worker threads, output in
 * input order, bounded memory.
 */
#ifndef TAGGER_CLI_PIPELINE_H
#define TAGGER_CLI_PIPELINE_H

#include <stddef.h>

#include "cli.h"

/*
 * Reads the JSON Lines inputs in turn (@p paths; "-" is stdin; none means
 * stdin), tags every record with opt->jobs threads and writes the results
 * to stdout in input order, diagnostics to stderr in the same order.
 * @return 0, EXIT_BAD_INPUT when some line or file was bad, or EXIT_USAGE
 *         when the workers could not be started
 */
int pipeline_run(const cli_options_t *opt, char *const *paths, size_t n_paths);

#endif /* TAGGER_CLI_PIPELINE_H */
