/*
 * lib_run.c - the library alone, without the command's file and output
 * I/O, for scripts/bench: every file of a directory is read into memory
 * first, then timed in one of two modes:
 *
 *   scan      tagger_scan() with a counting callback (the matcher)
 *   annotate  tagger_annotate() + tagger_result_json() (all the work the
 *             command does per document, minus reading and writing)
 *   stages    annotate + JSON of each block of 64 documents three times in
 *             turn: with everything, without topics, without the recognizer
 *             (the scratch options), in an order that turns with each block
 *
 *   lib_run MODE DIR [MODEL]   prints: docs bytes CPU-seconds MB/s docs/s matches
 *   lib_run stages DIR PASSES [MODEL]   prints per pass over the documents:
 *                             CPU seconds with everything, without topics,
 *                             without the recognizer
 *
 * What the topics and the recognizer cost is measured by stages: a change
 * in the load of a shared machine, which moves a whole process's time by
 * 10% and more from one run to the next, hits the three alike when they
 * take turns within milliseconds.  Blocks, not single documents: a
 * document annotated again at once finds its text and what was made of it
 * still in the cache, which flattered the second and third turns (turns
 * of one document put the topics at +29% and the recognizer at -50%;
 * blocks of 16 to 256 at +24% to +26% and -56% to -58%, as whole passes
 * over the documents, +21% to +25%, and the command, -57%, do).
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

/* Annotates @p text with @p s's options and writes its JSON; returns the
 * number of entities. */
static size_t annotate_json(const tagger_t *tg, tagger_scratch_t *s, const char *text,
                            size_t len)
{
    tagger_result_t *r;
    char *json;
    tagger_annotate(tg, s, text, len, &r);
    tagger_result_json(r, NULL, &json);
    size_t n = tagger_result_n_entities(r);
    tagger_string_free(json);
    tagger_result_free(r);
    return n;
}

/* Documents annotated in one configuration before the next takes its turn. */
#define STAGE_BLOCK 64

/* The stages mode: @p passes times over the @p n texts, each block of them
 * annotated in the three configurations in turn. */
static void stages(const tagger_t *tg, tagger_scratch_t *s, char **texts, const size_t *lens,
                   size_t n, int passes)
{
    static const unsigned options[3] = {0, TAGGER_SCRATCH_NO_TOPICS,
                                        TAGGER_SCRATCH_NO_RECOGNIZE};
    for (int p = 0; p < passes; p++) {
        double cpu[3] = {0, 0, 0};
        for (size_t i = 0; i < n; i += STAGE_BLOCK) {
            size_t m = n - i < STAGE_BLOCK ? n - i : STAGE_BLOCK;
            for (size_t k = 0; k < 3; k++) {
                size_t c = (i / STAGE_BLOCK + k) % 3;
                tagger_scratch_set_options(s, options[c]);
                double t0 = now();
                for (size_t j = i; j < i + m; j++) {
                    annotate_json(tg, s, texts[j], lens[j]);
                }
                cpu[c] += now() - t0;
            }
        }
        printf("%.4f %.4f %.4f\n", cpu[0], cpu[1], cpu[2]);
        fflush(stdout);
    }
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
        fprintf(stderr, "usage: lib_run scan|annotate DIR [MODEL]\n"
                        "       lib_run stages DIR PASSES [MODEL]\n");
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
    bool staged = strcmp(argv[1], "stages") == 0;
    if (staged && argc < 4) {
        fprintf(stderr, "lib_run: stages needs a number of passes\n");
        return 2;
    }
    const char *model = argc > 3 + staged ? argv[3 + staged] : NULL;
    tagger_t *tg;
    int rc = model ? tagger_load(model, &tg, NULL) : tagger_load_default(&tg, NULL);
    tagger_scratch_t *s;
    if (rc || tagger_scratch_new(tg, &s)) {
        fprintf(stderr, "lib_run: cannot load the model\n");
        return 3;
    }
    bool scan = strcmp(argv[1], "scan") == 0;
    if (staged) {
        stages(tg, s, texts, lens, n, atoi(argv[3]));
    } else {
        size_t matches = 0;
        double t0 = now();
        for (size_t i = 0; i < n; i++) {
            if (scan) {
                tagger_scan(tg, s, texts[i], lens[i], 0, count_match, &matches);
            } else {
                matches += annotate_json(tg, s, texts[i], lens[i]);
            }
        }
        double t = now() - t0;
        printf("%zu %zu %.4f %.1f %.0f %zu\n", n, bytes, t, (double)bytes / 1e6 / t,
               (double)n / t, matches);
    }
    tagger_scratch_free(s);
    tagger_free(tg);
    for (size_t i = 0; i < n; i++) {
        free(texts[i]);
    }
    free(texts);
    free(lens);
    return 0;
}
