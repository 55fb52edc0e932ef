/*
 * hs_scan.c - the Hyperscan peer of scripts/bench: the same alias list as
 * case-insensitive literals (hs_compile_lit_multi, HS_FLAG_CASELESS), one
 * block-mode scan over the whole corpus, every match counted.  No word
 * boundaries, no normalisation, no output: a lower bound on what a
 * literal matcher needs, to set the tagger's end-to-end speed against.
 *
 *   hs_scan ALIASES TEXT    prints: patterns, compile s, scan s, MB/s, matches
 */
#define _POSIX_C_SOURCE 200809L

#include <hs/hs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(2);
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        perror(path);
        exit(2);
    }
    fclose(f);
    buf[n] = '\0';
    *len = (size_t)n;
    return buf;
}

static int on_match(unsigned id, unsigned long long from, unsigned long long to, unsigned flags,
                    void *ctx)
{
    (void)id;
    (void)from;
    (void)to;
    (void)flags;
    ++*(unsigned long long *)ctx;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: hs_scan ALIASES TEXT\n");
        return 2;
    }
    size_t alen, tlen;
    char *aliases = slurp(argv[1], &alen);
    char *text = slurp(argv[2], &tlen);
    size_t n = 0;
    for (size_t i = 0; i < alen; i++) {
        n += aliases[i] == '\n';
    }
    const char **exprs = malloc(n * sizeof *exprs);
    size_t *lens = malloc(n * sizeof *lens);
    unsigned *flags = malloc(n * sizeof *flags), *ids = malloc(n * sizeof *ids);
    size_t k = 0;
    for (char *line = aliases, *nl; k < n && (nl = strchr(line, '\n')); line = nl + 1) {
        if (nl > line) {
            exprs[k] = line;
            lens[k] = (size_t)(nl - line);
            flags[k] = HS_FLAG_CASELESS;
            ids[k] = (unsigned)k;
            k++;
        }
    }
    hs_database_t *db;
    hs_compile_error_t *err;
    double t0 = now();
    if (hs_compile_lit_multi(exprs, flags, ids, lens, (unsigned)k, HS_MODE_BLOCK, NULL, &db,
                             &err) != HS_SUCCESS) {
        fprintf(stderr, "hs_compile_lit_multi: %s\n", err->message);
        return 1;
    }
    double t1 = now();
    hs_scratch_t *scratch = NULL;
    hs_alloc_scratch(db, &scratch);
    unsigned long long matches = 0;
    double t2 = now();
    hs_scan(db, text, (unsigned)tlen, 0, scratch, on_match, &matches);
    double t3 = now();
    printf("%zu %.3f %.4f %.1f %llu\n", k, t1 - t0, t3 - t2, (double)tlen / 1e6 / (t3 - t2),
           matches);
    hs_free_scratch(scratch);
    hs_free_database(db);
    return 0;
}
