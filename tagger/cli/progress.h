/*
 * progress.h - a progress line on stderr for long --jsonl runs: records,
 * megabytes, records per second and bad records, redrawn in place a few
 * times a second.  Only when stderr is a terminal, so logs and pipes never
 * see it.
 */
#ifndef TAGGER_CLI_PROGRESS_H
#define TAGGER_CLI_PROGRESS_H

#include <stdbool.h>
#include <time.h>

typedef struct {
    bool enabled; /* stderr is a terminal */
    bool shown;   /* a line is on screen */
    struct timespec start, last;
    unsigned long records, bytes, errors;
} progress_t;

void progress_init(progress_t *p);
/* Adds to the counts; redraws when the last redraw is old enough. */
void progress_add(progress_t *p, unsigned long records, unsigned long bytes, unsigned long errors);
/* Draws the final counts and ends the line, if a line was shown. */
void progress_finish(progress_t *p);
/* Clears the line before another message goes to stderr. */
void progress_clear(progress_t *p);

#endif /* TAGGER_CLI_PROGRESS_H */
