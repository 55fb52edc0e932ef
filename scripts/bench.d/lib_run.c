/*
 * lib_run.c - the library alone, without the command's file and output
 * I/O, for scripts/bench: every file of a directory is read into memory
 * first, then timed in one of two modes:
 *
 *   scan      tagger_scan() with a counting callback (the matcher)
 *   annotate  tagger_annotate() + tagger_result_json() (all the work the
 *             command does per document, minus reading and writing)
 *
 *   lib_run MODE DIR [MODEL]   prints: docs bytes CPU-seconds MB/s docs/s matches
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <tagger.h>

/* CPU time of this process: the machine may be shared, and waiting for a
 * core is not the library's cost. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int count_match(const tagger_match_t *m, void *ctx)
{
    (void)m;
    ++*(size_t *)ctx;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: lib_run scan|annotate DIR [MODEL]\n");
        return 2;
    }
    DIR *d = opendir(argv[2]);
    if (!d) {
        perror(argv[2]);
        return 2;
    }
    size_t n = 0, cap = 1024, bytes = 0;
    char **texts = malloc(cap * sizeof *texts);
    size_t *lens = malloc(cap * sizeof *lens);
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.') {
            continue;
        }
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", argv[2], de->d_name);
        FILE *f = fopen(path, "rb");
        if (!f) {
            continue;
        }
        fseek(f, 0, SEEK_END);
        long len = ftell(f);
        fseek(f, 0, SEEK_SET);
        if (n == cap) {
            cap *= 2;
            texts = realloc(texts, cap * sizeof *texts);
            lens = realloc(lens, cap * sizeof *lens);
        }
        texts[n] = malloc((size_t)len + 1);
        lens[n] = fread(texts[n], 1, (size_t)len, f);
        bytes += lens[n];
        n++;
        fclose(f);
    }
    closedir(d);
    tagger_t *tg;
    int rc = argc > 3 ? tagger_load(argv[3], &tg, NULL) : tagger_load_default(&tg, NULL);
    tagger_scratch_t *s;
    if (rc || tagger_scratch_new(tg, &s)) {
        fprintf(stderr, "lib_run: cannot load the model\n");
        return 3;
    }
    bool scan = strcmp(argv[1], "scan") == 0;
    size_t matches = 0;
    double t0 = now();
    for (size_t i = 0; i < n; i++) {
        if (scan) {
            tagger_scan(tg, s, texts[i], lens[i], 0, count_match, &matches);
        } else {
            tagger_result_t *r;
            char *json;
            tagger_annotate(tg, s, texts[i], lens[i], &r);
            tagger_result_json(r, NULL, &json);
            matches += tagger_result_n_entities(r);
            tagger_string_free(json);
            tagger_result_free(r);
        }
    }
    double t = now() - t0;
    printf("%zu %zu %.4f %.1f %.0f %zu\n", n, bytes, t, (double)bytes / 1e6 / t, (double)n / t,
           matches);
    tagger_scratch_free(s);
    tagger_free(tg);
    for (size_t i = 0; i < n; i++) {
        free(texts[i]);
    }
    free(texts);
    free(lens);
    return 0;
}
