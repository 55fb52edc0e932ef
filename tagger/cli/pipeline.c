/*
 * pipeline.c - the ordered worker pool behind --jsonl -j N.
 *
 *   reader (main thread) --> ring of batches --> N workers --> writer thread
 *
 * Records travel in batches (up to BATCH_LINES lines or BATCH_BYTES bytes,
 * never spanning two files) so a lock is taken a few times per batch, not
 * per record.  The ring holds a fixed number of batches (RING_PER_JOB per
 * worker, plus two), which bounds memory: the reader waits for a free slot,
 * so at most that many batches are in flight whatever the input size.
 *
 * Batch k lives in slot k % n_slots and moves FREE -> FILLED (reader) ->
 * DONE (a worker) -> FREE (the writer, after writing it).  Workers take
 * batches in sequence order but may finish them in any order; the writer
 * writes batch k only when it is DONE and every batch before it has been
 * written, so output order is input order.  Each worker has its own
 * scratch and buffers and shares only the read-only tagger_t.
 *
 * A record's output depends only on its own bytes, file name and line
 * number, never on batch boundaries or thread timing, so -j 1 and -j N
 * print the same bytes.  With -j 1 no thread is started: the same
 * functions run in a plain loop.
 *
 * Diagnostics are collected per batch and written by the writer too, so
 * stderr keeps input order as well.
 */
#define _POSIX_C_SOURCE 200809L

#include "pipeline.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonl_record.h"
#include "progress.h"
#include "strbuf.h"

#define BATCH_LINES 256
#define BATCH_BYTES (1u << 20)
#define RING_PER_JOB 2

typedef enum { SLOT_FREE, SLOT_FILLED, SLOT_DONE } slot_state_t;

typedef struct {
    strbuf_t in;              /* the lines, back to back, without newlines */
    size_t ends[BATCH_LINES]; /* end of line i in `in` */
    size_t n;                 /* lines */
    const char *file;
    long first_line; /* line number of line 0 */
    strbuf_t out, diag;
    unsigned long n_bad;
    slot_state_t state;
} batch_t;

/* Where the reader is: the current input and its line number. */
typedef struct {
    char *const *paths;
    size_t n_paths, next_path;
    FILE *f;
    const char *file;
    long line;
    char *buf; /* getline's buffer */
    size_t cap;
} reader_t;

typedef struct {
    const cli_options_t *opt;
    batch_t *ring;
    size_t n_slots;
    pthread_mutex_t mu;
    pthread_cond_t filled, done, freed;
    size_t n_filled, next_work, next_write; /* batch sequence numbers */
    bool eof;
    unsigned long n_bad; /* bad lines and files, for the exit status */
    bool write_failed;
    progress_t progress;
} pipeline_t;

typedef struct {
    pipeline_t *p;
    record_worker_t rw;
} worker_t;

/* ------------------------------------------------------------ reading */

/* Opens the next input; false when there is none.  A file that cannot be
 * opened is reported in @p b->diag and skipped. */
static bool open_next(reader_t *rd, batch_t *b)
{
    while (rd->next_path < rd->n_paths) {
        const char *path = rd->paths[rd->next_path++];
        rd->line = 0;
        if (strcmp(path, "-") == 0) {
            rd->f = stdin;
            rd->file = "-";
            return true;
        }
        rd->f = fopen(path, "rb");
        rd->file = path;
        if (rd->f) {
            return true;
        }
        sb_addf(&b->diag, "%s: %s: %s\n", cli_prog, path, strerror(errno));
        b->n_bad++;
    }
    return false;
}

static void close_current(reader_t *rd, batch_t *b)
{
    if (ferror(rd->f)) {
        sb_addf(&b->diag, "%s: %s: read error after line %ld: %s\n", cli_prog, rd->file, rd->line,
                strerror(errno));
        b->n_bad++;
    }
    if (rd->f != stdin) {
        fclose(rd->f);
    }
    rd->f = NULL;
}

/* Fills @p b with the next lines of one input.  Returns false when the
 * inputs are exhausted and @p b holds nothing (no line, no diagnostic). */
static bool fill_batch(reader_t *rd, batch_t *b)
{
    sb_clear(&b->in);
    sb_clear(&b->out);
    sb_clear(&b->diag);
    b->n = 0;
    b->n_bad = 0;
    for (;;) {
        if (!rd->f && !open_next(rd, b)) {
            return b->diag.len > 0;
        }
        b->file = rd->file;
        b->first_line = rd->line + 1;
        while (b->n < BATCH_LINES && b->in.len < BATCH_BYTES) {
            errno = 0;
            ssize_t got = getline(&rd->buf, &rd->cap, rd->f);
            if (got < 0) {
                close_current(rd, b);
                break;
            }
            size_t len = (size_t)got;
            if (len > 0 && rd->buf[len - 1] == '\n') {
                len--;
            }
            sb_add(&b->in, rd->buf, len);
            if (!sb_ok(&b->in)) {
                sb_addf(&b->diag, "%s: %s:%ld: out of memory\n", cli_prog, rd->file, rd->line + 1);
                b->n_bad++;
                close_current(rd, b);
                break;
            }
            rd->line++;
            b->ends[b->n++] = b->in.len;
        }
        if (b->n > 0 || b->diag.len > 0) {
            return true; /* the file stays open if the batch filled up first */
        }
        /* an empty file: on to the next */
    }
}

/* ------------------------------------------------------------ work */

static void process_batch(record_worker_t *w, batch_t *b)
{
    size_t start = 0;
    for (size_t i = 0; i < b->n; i++) {
        if (jsonl_process_line(w, b->file, b->first_line + (long)i, b->in.data + start,
                               b->ends[i] - start, &b->out, &b->diag)) {
            b->n_bad++;
        }
        start = b->ends[i];
    }
    if (!sb_ok(&b->out)) {
        sb_clear(&b->out);
        sb_addf(&b->diag, "%s: %s:%ld: out of memory: lines %ld to %ld were not written\n",
                cli_prog, b->file, b->first_line, b->first_line, b->first_line + (long)b->n - 1);
        b->n_bad++;
    }
}

/* Writes a processed batch; runs on one thread at a time. */
static void write_batch(pipeline_t *p, batch_t *b)
{
    if (b->out.len && !p->write_failed &&
        fwrite(b->out.data, 1, b->out.len, stdout) != b->out.len) {
        p->write_failed = true;
    }
    if (b->diag.len) {
        progress_clear(&p->progress);
        fwrite(b->diag.data, 1, b->diag.len, stderr);
    }
    p->n_bad += b->n_bad;
    progress_add(&p->progress, b->n, b->in.len + b->n, b->n_bad);
}

static void *worker_main(void *arg)
{
    worker_t *wk = arg;
    pipeline_t *p = wk->p;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->next_work == p->n_filled && !p->eof) {
            pthread_cond_wait(&p->filled, &p->mu);
        }
        if (p->next_work == p->n_filled) {
            break; /* eof and nothing left */
        }
        batch_t *b = &p->ring[p->next_work % p->n_slots];
        p->next_work++;
        pthread_mutex_unlock(&p->mu);
        process_batch(&wk->rw, b);
        pthread_mutex_lock(&p->mu);
        b->state = SLOT_DONE;
        pthread_cond_broadcast(&p->done);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static void *writer_main(void *arg)
{
    pipeline_t *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        batch_t *b = &p->ring[p->next_write % p->n_slots];
        while (!(p->next_write < p->n_filled && b->state == SLOT_DONE) &&
               !(p->eof && p->next_write == p->n_filled)) {
            pthread_cond_wait(&p->done, &p->mu);
        }
        if (p->next_write == p->n_filled) {
            break; /* eof, all written */
        }
        pthread_mutex_unlock(&p->mu);
        write_batch(p, b);
        pthread_mutex_lock(&p->mu);
        b->state = SLOT_FREE;
        p->next_write++;
        pthread_cond_broadcast(&p->freed);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* ------------------------------------------------------------ drivers */

static void run_sequential(pipeline_t *p, reader_t *rd, record_worker_t *w)
{
    batch_t *b = &p->ring[0];
    while (fill_batch(rd, b)) {
        process_batch(w, b);
        write_batch(p, b);
    }
}

/* Starts the workers and the writer, feeds them, waits for them.  Returns
 * false when no thread could be started (nothing was read then). */
static bool run_threaded(pipeline_t *p, reader_t *rd, worker_t *workers, int n_workers)
{
    pthread_t *tids = calloc((size_t)n_workers, sizeof *tids);
    pthread_t writer;
    int started = 0;
    if (!tids) {
        return false;
    }
    for (; started < n_workers; started++) {
        if (pthread_create(&tids[started], NULL, worker_main, &workers[started]) != 0) {
            break;
        }
    }
    bool writer_ok = started > 0 && pthread_create(&writer, NULL, writer_main, p) == 0;
    if (writer_ok) {
        for (size_t seq = 0;; seq++) {
            batch_t *b = &p->ring[seq % p->n_slots];
            pthread_mutex_lock(&p->mu);
            while (b->state != SLOT_FREE) {
                pthread_cond_wait(&p->freed, &p->mu);
            }
            pthread_mutex_unlock(&p->mu);
            if (!fill_batch(rd, b)) {
                break;
            }
            pthread_mutex_lock(&p->mu);
            b->state = SLOT_FILLED;
            p->n_filled = seq + 1;
            pthread_cond_broadcast(&p->filled);
            pthread_mutex_unlock(&p->mu);
        }
    }
    pthread_mutex_lock(&p->mu);
    p->eof = true;
    pthread_cond_broadcast(&p->filled);
    pthread_cond_broadcast(&p->done);
    pthread_mutex_unlock(&p->mu);
    for (int i = 0; i < started; i++) {
        pthread_join(tids[i], NULL);
    }
    if (writer_ok) {
        pthread_join(writer, NULL);
    }
    free(tids);
    return writer_ok;
}

int pipeline_run(const cli_options_t *opt, char *const *paths, size_t n_paths)
{
    static char dash[] = "-";
    char *const stdin_only[] = {dash};
    int n_workers = opt->jobs > 0 ? opt->jobs : 1;
    pipeline_t p = {.opt = opt,
                    .n_slots = n_workers == 1 ? 1 : RING_PER_JOB * (size_t)n_workers + 2};
    reader_t rd = {.paths = n_paths ? paths : stdin_only, .n_paths = n_paths ? n_paths : 1};
    worker_t *workers = calloc((size_t)n_workers, sizeof *workers);
    p.ring = calloc(p.n_slots, sizeof *p.ring);
    int status = 0, made = 0;
    if (!workers || !p.ring) {
        fprintf(stderr, "%s: out of memory\n", cli_prog);
        status = EXIT_USAGE;
        goto out;
    }
    for (; made < n_workers; made++) {
        workers[made].p = &p;
        int rc = record_worker_init(&workers[made].rw, opt);
        if (rc) {
            record_worker_free(&workers[made].rw);
            fprintf(stderr, "%s: %s\n", cli_prog, tagger_strerror(rc));
            status = EXIT_USAGE;
            goto out;
        }
    }
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.filled, NULL);
    pthread_cond_init(&p.done, NULL);
    pthread_cond_init(&p.freed, NULL);
    progress_init(&p.progress);
    if (n_workers == 1) {
        run_sequential(&p, &rd, &workers[0].rw);
    } else if (!run_threaded(&p, &rd, workers, n_workers)) {
        fprintf(stderr, "%s: cannot start worker threads: %s\n", cli_prog, strerror(errno));
        status = EXIT_USAGE;
    }
    progress_finish(&p.progress);
    pthread_cond_destroy(&p.freed);
    pthread_cond_destroy(&p.done);
    pthread_cond_destroy(&p.filled);
    pthread_mutex_destroy(&p.mu);
    if (rd.f) {
        batch_t scratch = {0};
        close_current(&rd, &scratch);
        sb_free(&scratch.diag);
    }
    free(rd.buf);
    if (status == 0 && p.n_bad > 0) {
        status = EXIT_BAD_INPUT;
    }
out:
    for (int i = 0; i < made; i++) {
        record_worker_free(&workers[i].rw);
    }
    for (size_t i = 0; p.ring && i < p.n_slots; i++) {
        sb_free(&p.ring[i].in);
        sb_free(&p.ring[i].out);
        sb_free(&p.ring[i].diag);
    }
    free(p.ring);
    free(workers);
    return status;
}
