/*
 * compile_cmd.c - `tagger compile`: gazetteer TSV sources into one compiled
 * model file that `tagger --model FILE` (tagger_load) maps and uses in place.
 *
 *   tagger compile [-o FILE] [--builtin] [SOURCES...]
 *
 * With no sources the built-in gazetteers are compiled (this is how the
 * build makes the default model); with sources only they are, unless
 * --builtin adds the built-in ones first.  Bad lines are reported with file
 * and line and skipped, as when tagging; the exit status is then 1, and the
 * model is still written.  A summary goes to stderr.
 */
#define _POSIX_C_SOURCE 200809L

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <tagger.h>

#include "commands.h"

#define DEFAULT_OUTPUT "tagger.tgm"

static void compile_usage(FILE *f)
{
    fprintf(f,
            "Usage: tagger compile [-o FILE] [--builtin] [SOURCES...]\n"
            "Compile gazetteer TSV files into a model file for 'tagger --model FILE'.\n"
            "With no SOURCES, compile the built-in gazetteers.\n"
            "\n"
            "  -o, --output FILE   write the model here (default %s)\n"
            "      --builtin       compile the built-in gazetteers before SOURCES\n"
            "  -q, --quiet         no summary on stderr\n"
            "  -h, --help          show this help and exit\n"
            "\n"
            "Exit status: 0 success, 1 bad lines were skipped (the model is written),\n"
            "2 usage error, 3 the model could not be compiled or written.\n",
            DEFAULT_OUTPUT);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int tg_cli_compile(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"builtin", no_argument, NULL, 'b'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *output = DEFAULT_OUTPUT;
    bool builtin = false, quiet = false;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'o':
            output = optarg;
            break;
        case 'b':
            builtin = true;
            break;
        case 'q':
            quiet = true;
            break;
        case 'h':
            compile_usage(stdout);
            return 0;
        default:
            fprintf(stderr, "Try 'tagger compile --help' for more information.\n");
            return 2;
        }
    }
    size_t n_src = (size_t)(argc - optind);
    if (n_src == 0) {
        builtin = true;
    }
    tagger_source_t *src = calloc(n_src ? n_src : 1, sizeof *src);
    if (!src) {
        fprintf(stderr, "tagger: out of memory\n");
        return 2;
    }
    for (size_t i = 0; i < n_src; i++) {
        src[i].path = argv[optind + (int)i];
    }
    double t0 = now();
    tagger_t *tg = NULL;
    tagger_error_t *err = NULL;
    int rc = tagger_compile(src, n_src, builtin ? TAGGER_COMPILE_BUILTIN : 0, &tg, &err);
    free(src);
    tg_cli_print_errors(err);
    int status = err ? 1 : 0;
    tagger_error_free(err);
    err = NULL;
    if (rc) {
        fprintf(stderr, "tagger: cannot compile the gazetteers: %s\n", tagger_strerror(rc));
        return 3;
    }
    double t1 = now();
    rc = tagger_save(tg, output, &err);
    tg_cli_print_errors(err);
    tagger_error_free(err);
    if (rc == TAGGER_OK && !quiet) {
        struct stat st;
        double mb = stat(output, &st) == 0 ? (double)st.st_size / 1e6 : 0;
        fprintf(stderr,
                "tagger: %s: %zu entities, %zu aliases; compiled in %.2f s, written in %.2f s "
                "(%.1f MB)\n",
                output, tagger_n_entities(tg), tagger_n_aliases(tg), t1 - t0, now() - t1, mb);
    }
    tagger_free(tg);
    return rc ? 3 : status;
}

void tg_cli_print_errors(const struct tagger_error *err)
{
    for (const tagger_error_t *e = err; e; e = e->next) {
        if (e->path && e->line) {
            fprintf(stderr, "tagger: %s:%ld: %s\n", e->path, e->line, e->message);
        } else if (e->path) {
            fprintf(stderr, "tagger: %s: %s\n", e->path, e->message);
        } else {
            fprintf(stderr, "tagger: %s\n", e->message);
        }
    }
}
