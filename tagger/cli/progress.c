/*
 * progress.c - the progress line (see progress.h).
 *
 * Nothing is drawn during the first second, so short runs stay silent;
 * after that the line is redrawn at most every 250 ms with a carriage
 * return and an erase-to-end-of-line, and ended with a newline at the end.
 * Called only from the thread that writes output, so it needs no lock.
 */
#define _POSIX_C_SOURCE 200809L

#include "progress.h"

#include <stdio.h>
#include <unistd.h>

#define FIRST_DRAW_MS 1000
#define REDRAW_MS 250

static long ms_between(const struct timespec *a, const struct timespec *b)
{
    return (b->tv_sec - a->tv_sec) * 1000L + (b->tv_nsec - a->tv_nsec) / 1000000L;
}

void progress_init(progress_t *p)
{
    *p = (progress_t){0};
    p->enabled = isatty(STDERR_FILENO) == 1;
    clock_gettime(CLOCK_MONOTONIC, &p->start);
    p->last = p->start;
}

static void draw(progress_t *p, const struct timespec *now)
{
    double secs = ms_between(&p->start, now) / 1000.0;
    fprintf(stderr, "\r\033[Ktagger: %lu records, %.1f MB, %.0f records/s, %lu bad", p->records,
            p->bytes / 1e6, secs > 0 ? p->records / secs : 0.0, p->errors);
    fflush(stderr);
    p->shown = true;
    p->last = *now;
}

void progress_add(progress_t *p, unsigned long records, unsigned long bytes, unsigned long errors)
{
    p->records += records;
    p->bytes += bytes;
    p->errors += errors;
    if (!p->enabled) {
        return;
    }
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (ms_between(&p->start, &now) >= FIRST_DRAW_MS && ms_between(&p->last, &now) >= REDRAW_MS) {
        draw(p, &now);
    }
}

void progress_clear(progress_t *p)
{
    if (p->shown) {
        fputs("\r\033[K", stderr);
        p->shown = false;
        p->last.tv_sec = 0; /* redraw at the next update */
        p->last.tv_nsec = 0;
    }
}

void progress_finish(progress_t *p)
{
    if (p->shown) {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        draw(p, &now);
        fputc('\n', stderr);
        p->shown = false;
    }
}
