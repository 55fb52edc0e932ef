/*
 * main.c - the tagger command: options, file and directory input, one JSON
 * result per document on stdout, diagnostics on stderr, exit codes.
 *
 * Exit status: 0 all input processed; 1 some input was bad (missing file,
 * invalid UTF-8, a bad gazetteer line), reported and skipped or read as well
 * as it could be, after processing the rest; 2 usage or system error; 3 the
 * model could not be compiled or loaded.
 *
 * --jsonl (records in, records out, -j threads) lives in pipeline.c and
 * jsonl_record.c; the TSV and bulk formats in formats.c, the HTML page in
 * html_out.c.
 */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* struct dirent d_type, where the C library has it */

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <tagger.h>

#include "cli.h"
#include "commands.h"
#include "formats.h"
#include "html_out.h"
#include "matches.h"
#include "pipeline.h"
#include "strbuf.h"

/* Directory nesting followed before giving up (symbolic links to
 * directories are not followed at all, so this only bounds real depth). */
#define MAX_DEPTH 64

const char *const cli_prog = "tagger";
#define prog cli_prog

/* Upper bound of -j, far above any core count we expect. */
#define MAX_JOBS 256

typedef struct {
    tagger_t *tg;
    tagger_scratch_t *scratch;
    tagger_json_options_t json;
    output_format_t format;
    bool all_matches;         /* --all-matches */
    unsigned scratch_options; /* TAGGER_SCRATCH_* */
    int status; /* worst exit status so far */
} run_t;

static void usage(FILE *f)
{
    fprintf(f,
            "Usage: %s [OPTIONS] [FILE|DIR|-]...\n"
            "       %s compile [-o FILE] [SOURCES...]   (see '%s compile --help')\n"
            "Tag news text with the people, countries, organizations and places it\n"
            "mentions; print one JSON object per document.  Directories are read\n"
            "recursively in sorted order; '-' or no argument reads standard input.\n"
            "\n"
            "Options:\n"
            "  -m, --model FILE         use a compiled model (from 'tagger compile')\n"
            "  -g, --gazetteer FILE     add entities from a gazetteer TSV (repeatable), or\n"
            "                           use a topic model text file instead of the built-in\n"
            "      --no-builtin         do not load the built-in gazetteers and model\n"
            "      --topics N           write at most N topics (%d); 0 skips topic scoring\n"
            "      --no-recognize       only gazetteer names: no recognized people,\n"
            "                           organizations or places (faster)\n"
            "  -p, --pretty             indent the JSON output\n"
            "      --types LIST         keep only these types (PERSON,COUNTRY,ORG,PLACE)\n"
            "      --min-relevance X    leave out entities below relevance X\n"
            "      --facet-threshold X  facets hold entities with relevance >= X (%.2g)\n"
            "      --no-mentions        leave out the mentions of each entity\n"
            "      --format FORMAT      json (default), tsv (one mention per line),\n"
            "                           es-bulk (Elasticsearch/OpenSearch _bulk pairs) or\n"
            "                           html (one page, mentions marked, for reading)\n"
            "      --all-matches        every gazetteer candidate instead of the entities:\n"
            "                           nested, overlapping and ambiguous names, nothing\n"
            "                           resolved (json or tsv)\n"
            "\n"
            "JSON Lines (one record per line in, the same record out, one field added):\n"
            "      --jsonl              read JSON Lines records from the files or stdin\n"
            "      --text-field PATH    field to tag, dotted for nested objects\n"
            "                           (repeatable: tagged as one text; default body)\n"
            "      --id-field PATH      record id for tsv and es-bulk (default id)\n"
            "      --output-field NAME  field added to each record (default annotations)\n"
            "  -j, --jobs N             worker threads (default: number of cores)\n"
            "  -h, --help               show this help and exit\n"
            "  -V, --version            show the version and exit\n"
            "\n"
            "Exit status: 0 success, 1 some input was bad (the rest was processed),\n"
            "2 usage error, 3 the gazetteers could not be loaded.  See tagger(1).\n"
            "'%s train --help' tells how to learn a topic model.\n",
            prog, prog, prog, TAGGER_MAX_TOPICS, TAGGER_FACET_THRESHOLD, prog);
}

static void worse(run_t *run, int status)
{
    if (status > run->status) {
        run->status = status;
    }
}

/* Says on stderr that a document is empty or holds NUL bytes (valid UTF-8,
 * read as word separators, but rarely meant in a text file).  A warning
 * only: the exit status is left as it is. */
static void warn_nul_or_empty(const char *name, const char *text, size_t len)
{
    if (len == 0) {
        fprintf(stderr, "%s: %s: empty document\n", prog, name);
        return;
    }
    const char *nul = memchr(text, '\0', len);
    if (nul) {
        size_t n = 0;
        for (const char *p = nul; p; p = memchr(p + 1, '\0', len - (size_t)(p + 1 - text))) {
            n++;
        }
        fprintf(stderr, "%s: %s: byte %zu: NUL byte (%zu in all), read as a word separator\n",
                prog, name, (size_t)(nul - text), n);
    }
}

/* Says on stderr that document @p name has @p n_bad invalid UTF-8 bytes,
 * the first at @p first (if any); the exit status says so. */
static void report_invalid_utf8(run_t *run, const char *name, size_t first, size_t n_bad)
{
    if (n_bad) {
        fprintf(stderr,
                "%s: %s: byte %zu: invalid UTF-8 (%zu bad byte%s in all), read as word "
                "separators\n",
                prog, name, first, n_bad, n_bad == 1 ? "" : "s");
        worse(run, EXIT_BAD_INPUT);
    }
}

/* report_invalid_utf8() for @p text, counted here: --all-matches has no
 * result to count them. */
static void warn_invalid_utf8(run_t *run, const char *name, const char *text, size_t len)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t n_bad = 0, first = 0;
    for (size_t i = 0; i < len;) {
        size_t n = p[i] < 0x80 ? 1 : utf8_valid_len(p + i, len - i);
        if (n == 0) {
            first = n_bad++ ? first : i;
            n = 1;
        }
        i += n;
    }
    report_invalid_utf8(run, name, first, n_bad);
}

/* --all-matches: the candidates of one document, {"id":...,"matches":[...]}
 * or TSV lines. */
static void match_text(run_t *run, const char *name, const char *text, size_t len)
{
    warn_invalid_utf8(run, name, text, len);
    strbuf_t buf;
    sb_init(&buf);
    bool tsv = run->format == FORMAT_TSV;
    if (!tsv) {
        sb_adds(&buf, "{\"id\":");
        sb_add_json_string(&buf, name, strlen(name), true);
        sb_adds(&buf, ",\"matches\":");
    }
    int rc = matches_write(&buf, tsv, run->tg, run->scratch, text, len, name, strlen(name),
                           &run->json);
    if (!tsv) {
        sb_adds(&buf, "}\n");
    }
    if (rc == TAGGER_OK && sb_ok(&buf)) {
        fwrite(buf.data, 1, buf.len, stdout);
    } else {
        fprintf(stderr, "%s: %s: %s\n", prog, name,
                tagger_strerror(rc ? rc : TAGGER_ERR_NOMEM));
        worse(run, EXIT_BAD_INPUT);
    }
    sb_free(&buf);
}

static void tag_text(run_t *run, const char *name, const char *text, size_t len)
{
    warn_nul_or_empty(name, text, len);
    if (run->all_matches) {
        match_text(run, name, text, len);
        return;
    }
    tagger_result_t *r = NULL;
    int rc = tagger_annotate(run->tg, run->scratch, text, len, &r);
    if (rc) {
        fprintf(stderr, "%s: %s: %s\n", prog, name, tagger_strerror(rc));
        worse(run, EXIT_BAD_INPUT);
        return;
    }
    report_invalid_utf8(run, name, tagger_result_first_invalid(r), tagger_result_n_invalid(r));
    if (run->format == FORMAT_TSV || run->format == FORMAT_HTML) {
        strbuf_t buf;
        sb_init(&buf);
        if (run->format == FORMAT_TSV) {
            format_tsv(&buf, name, strlen(name), r, &run->json, false);
        } else {
            html_document(&buf, name, text, len, r, &run->json);
        }
        if (sb_ok(&buf)) {
            fwrite(buf.data, 1, buf.len, stdout);
        } else {
            fprintf(stderr, "%s: %s: %s\n", prog, name, tagger_strerror(TAGGER_ERR_NOMEM));
            worse(run, EXIT_BAD_INPUT);
        }
        sb_free(&buf);
        tagger_result_free(r);
        return;
    }
    char *json = NULL;
    run->json.id = name;
    rc = tagger_result_json(r, &run->json, &json);
    if (rc) {
        fprintf(stderr, "%s: %s: %s\n", prog, name, tagger_strerror(rc));
        worse(run, EXIT_BAD_INPUT);
    } else {
        if (run->format == FORMAT_ES_BULK) {
            strbuf_t action;
            sb_init(&action);
            format_es_action(&action, name, strlen(name));
            fwrite(action.data, 1, action.len, stdout);
            sb_free(&action);
        }
        fputs(json, stdout);
        putchar('\n');
    }
    tagger_string_free(json);
    tagger_result_free(r);
}

/* The head or the end of the HTML page (html_begin, html_end) to stdout. */
static void write_page_part(void (*part)(strbuf_t *))
{
    strbuf_t buf;
    sb_init(&buf);
    part(&buf);
    fwrite(buf.data, 1, buf.len, stdout);
    sb_free(&buf);
}

static void tag_stream(run_t *run, const char *name, FILE *f)
{
    size_t len = 0;
    char *text = read_stream(f, CLI_MAX_DOC_BYTES, &len);
    if (!text && errno == EFBIG) {
        fprintf(stderr, "%s: %s: larger than %d MiB, the limit for one document; skipped\n",
                prog, name, CLI_MAX_DOC_MIB);
        worse(run, EXIT_BAD_INPUT);
        return;
    }
    if (!text) {
        fprintf(stderr, "%s: %s: %s\n", prog, name, strerror(errno));
        worse(run, EXIT_BAD_INPUT);
        return;
    }
    tag_text(run, name, text, len);
    free(text);
}

/* A directory entry: its path, and what readdir() says it is. */
typedef struct {
    char *path;
    enum { ENTRY_FILE, ENTRY_DIR, ENTRY_ASK } kind; /* ASK: a link, or not told */
} entry_t;

static int cmp_entries(const void *a, const void *b)
{
    return strcmp(((const entry_t *)a)->path, ((const entry_t *)b)->path);
}

/* What the entry @p de is, when readdir() says so (d_type: most file
 * systems fill it in): a file or a directory needs no stat() of its own,
 * which is two system calls fewer per file of a large directory. */
static int entry_kind(const struct dirent *de)
{
#ifdef DT_REG
    if (de->d_type == DT_REG) {
        return ENTRY_FILE;
    }
    if (de->d_type == DT_DIR) {
        return ENTRY_DIR;
    }
#else
    (void)de;
#endif
    return ENTRY_ASK;
}

static void tag_path(run_t *run, const char *path, int depth);
static void tag_file(run_t *run, const char *path);

static void tag_dir(run_t *run, const char *path, int depth)
{
    if (depth > MAX_DEPTH) {
        fprintf(stderr, "%s: %s: directories nested too deep, skipped\n", prog, path);
        worse(run, EXIT_BAD_INPUT);
        return;
    }
    DIR *d = opendir(path);
    if (!d) {
        fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
        worse(run, EXIT_BAD_INPUT);
        return;
    }
    entry_t *entries = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.') {
            continue; /* ., .., and hidden files such as .git */
        }
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            entry_t *grown = realloc(entries, cap * sizeof *entries);
            if (!grown) {
                break;
            }
            entries = grown;
        }
        size_t len = strlen(path) + strlen(de->d_name) + 2;
        if (!(entries[n].path = malloc(len))) {
            break;
        }
        bool slash = path[strlen(path) - 1] == '/';
        snprintf(entries[n].path, len, slash ? "%s%s" : "%s/%s", path, de->d_name);
        entries[n].kind = entry_kind(de);
        n++;
    }
    closedir(d);
    if (n > 1) { /* entries is NULL for an empty directory: qsort(NULL) is UB */
        qsort(entries, n, sizeof *entries, cmp_entries);
    }
    for (size_t i = 0; i < n; i++) {
        const char *p = entries[i].path;
        struct stat st;
        if (entries[i].kind == ENTRY_FILE) {
            tag_file(run, p);
        } else if (entries[i].kind == ENTRY_DIR) {
            tag_dir(run, p, depth + 1);
        } else if (lstat(p, &st) == 0 && S_ISLNK(st.st_mode) && stat(p, &st) == 0 &&
                   S_ISDIR(st.st_mode)) {
            /* Not following links to directories keeps cycles out. */
        } else {
            tag_path(run, p, depth + 1);
        }
        free(entries[i].path);
    }
    free(entries);
}

static void tag_path(run_t *run, const char *path, int depth)
{
    if (strcmp(path, "-") == 0) {
        tag_stream(run, "-", stdin);
        return;
    }
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
        worse(run, EXIT_BAD_INPUT);
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        tag_dir(run, path, depth);
        return;
    }
    tag_file(run, path);
}

static void tag_file(run_t *run, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
        worse(run, EXIT_BAD_INPUT);
        return;
    }
    tag_stream(run, path, f);
    fclose(f);
}

/* Parses "PERSON,COUNTRY" into a kind mask. */
static bool parse_types(const char *arg, unsigned *mask)
{
    char buf[256];
    if (strlen(arg) >= sizeof buf) {
        fprintf(stderr, "%s: --types: list too long\n", prog);
        return false;
    }
    strcpy(buf, arg);
    *mask = 0;
    for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok;
         tok = strtok_r(NULL, ",", &save)) {
        int kind = tagger_kind_parse(tok);
        if (!kind) {
            fprintf(stderr, "%s: --types: unknown type '%s' (PERSON, COUNTRY, ORG, PLACE)\n",
                    prog, tok);
            return false;
        }
        *mask |= 1u << kind;
    }
    return *mask != 0;
}

/* Loads the compiled model @p model, or the default one when there is
 * nothing to compile, or compiles the gazetteers with @p flags
 * (TAGGER_COMPILE_*); prints every diagnostic.  Returns 0 or an exit code. */
static int load_model(run_t *run, const char *model, const char **gaz, size_t n_gaz,
                      unsigned flags)
{
    tagger_source_t *src = calloc(n_gaz ? n_gaz : 1, sizeof *src);
    if (!src) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return EXIT_USAGE;
    }
    for (size_t i = 0; i < n_gaz; i++) {
        src[i].path = gaz[i];
    }
    tagger_error_t *err = NULL;
    int rc;
    if (model) {
        rc = tagger_load(model, &run->tg, &err);
    } else if (n_gaz == 0 && flags == TAGGER_COMPILE_BUILTIN) {
        rc = tagger_load_default(&run->tg, &err);
    } else {
        rc = tagger_compile(src, n_gaz, flags, &run->tg, &err);
    }
    free(src);
    tg_cli_print_errors(err);
    if (rc == TAGGER_OK && err) {
        worse(run, EXIT_BAD_INPUT); /* bad lines were skipped */
    }
    tagger_error_free(err);
    if (rc) {
        fprintf(stderr, "%s: cannot load the %s: %s\n", prog, model ? "model" : "gazetteers",
                tagger_strerror(rc));
        return EXIT_MODEL;
    }
    if ((rc = tagger_scratch_new(run->tg, &run->scratch))) {
        fprintf(stderr, "%s: %s\n", prog, tagger_strerror(rc));
        return EXIT_USAGE;
    }
    tagger_scratch_set_options(run->scratch, run->scratch_options);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "train") == 0) {
        return cmd_train(argc - 1, argv + 1);
    }
    if (argc > 1 && strcmp(argv[1], "compile") == 0) {
        return tg_cli_compile(argc - 1, argv + 1);
    }
    enum {
        OPT_NO_BUILTIN = 256,
        OPT_NO_RECOGNIZE,
        OPT_TYPES,
        OPT_MIN_REL,
        OPT_FACET,
        OPT_NO_MENTIONS,
        OPT_FORMAT,
        OPT_JSONL,
        OPT_TEXT_FIELD,
        OPT_ID_FIELD,
        OPT_OUTPUT_FIELD,
        OPT_TOPICS,
        OPT_ALL_MATCHES
    };
    static const struct option longopts[] = {
        {"model", required_argument, NULL, 'm'},
        {"gazetteer", required_argument, NULL, 'g'},
        {"no-builtin", no_argument, NULL, OPT_NO_BUILTIN},
        {"no-recognize", no_argument, NULL, OPT_NO_RECOGNIZE},
        {"pretty", no_argument, NULL, 'p'},
        {"types", required_argument, NULL, OPT_TYPES},
        {"min-relevance", required_argument, NULL, OPT_MIN_REL},
        {"facet-threshold", required_argument, NULL, OPT_FACET},
        {"no-mentions", no_argument, NULL, OPT_NO_MENTIONS},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"jsonl", no_argument, NULL, OPT_JSONL},
        {"text-field", required_argument, NULL, OPT_TEXT_FIELD},
        {"id-field", required_argument, NULL, OPT_ID_FIELD},
        {"output-field", required_argument, NULL, OPT_OUTPUT_FIELD},
        {"jobs", required_argument, NULL, 'j'},
        {"topics", required_argument, NULL, OPT_TOPICS},
        {"all-matches", no_argument, NULL, OPT_ALL_MATCHES},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    run_t run = {0};
    tagger_json_options_init(&run.json);
    const char **gaz = calloc((size_t)argc, sizeof *gaz);
    size_t n_gaz = 0;
    unsigned flags = TAGGER_COMPILE_BUILTIN;
    const char *model = NULL;
    int c, code = 0;
    unsigned long count; /* a whole-number option's value */
    cli_options_t cli = {.id_field = "id", .output_field = "annotations"};
    const char **text_fields = calloc((size_t)argc + 1, sizeof *text_fields);
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    cli.jobs = cores < 1 ? 1 : cores > MAX_JOBS ? MAX_JOBS : (int)cores;
    cli.text_fields = text_fields;
    if (!gaz || !text_fields) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return EXIT_USAGE;
    }
    while ((c = getopt_long(argc, argv, "m:g:phVj:", longopts, NULL)) != -1) {
        switch (c) {
        case 'm':
            model = optarg;
            break;
        case 'g':
            gaz[n_gaz++] = optarg;
            break;
        case OPT_NO_BUILTIN:
            flags &= ~TAGGER_COMPILE_BUILTIN;
            break;
        case OPT_NO_RECOGNIZE:
            run.scratch_options |= TAGGER_SCRATCH_NO_RECOGNIZE;
            break;
        case OPT_TOPICS:
            if (!cli_parse_count(prog, "--topics", optarg, 0, 1000, &count)) {
                code = EXIT_USAGE;
                break;
            }
            run.json.max_topics = (unsigned)count;
            if (count == 0) {
                run.scratch_options |= TAGGER_SCRATCH_NO_TOPICS;
            }
            break;
        case 'p':
            run.json.flags |= TAGGER_JSON_PRETTY;
            break;
        case OPT_TYPES:
            code = parse_types(optarg, &run.json.kinds) ? 0 : EXIT_USAGE;
            break;
        case OPT_MIN_REL:
            code = cli_parse_real(prog, "--min-relevance", optarg, 0, 1, &run.json.min_relevance)
                       ? 0
                       : EXIT_USAGE;
            break;
        case OPT_FACET:
            code = cli_parse_real(prog, "--facet-threshold", optarg, 0, 1,
                                  &run.json.facet_threshold)
                       ? 0
                       : EXIT_USAGE;
            break;
        case OPT_NO_MENTIONS:
            run.json.flags |= TAGGER_JSON_NO_MENTIONS;
            break;
        case OPT_FORMAT:
            if (!format_parse(optarg, &run.format)) {
                fprintf(stderr, "%s: --format: unknown format '%s' (json, tsv, es-bulk, html)\n",
                        prog, optarg);
                code = EXIT_USAGE;
            }
            break;
        case OPT_JSONL:
            cli.jsonl = true;
            break;
        case OPT_ALL_MATCHES:
            run.all_matches = true;
            break;
        case OPT_TEXT_FIELD:
            text_fields[cli.n_text_fields++] = optarg;
            code = *optarg ? 0 : EXIT_USAGE;
            break;
        case OPT_ID_FIELD:
            cli.id_field = optarg;
            break;
        case OPT_OUTPUT_FIELD:
            cli.output_field = optarg;
            code = *optarg ? 0 : EXIT_USAGE;
            break;
        case 'j':
            if (!cli_parse_count(prog, "-j (threads)", optarg, 1, MAX_JOBS, &count)) {
                code = EXIT_USAGE;
                break;
            }
            cli.jobs = (int)count;
            break;
        case 'h':
            usage(stdout);
            free(gaz);
            free(text_fields);
            return 0;
        case 'V':
            printf("tagger %s\n", tagger_version());
            free(gaz);
            free(text_fields);
            return 0;
        default:
            code = EXIT_USAGE;
            break;
        }
        if (code) {
            fprintf(stderr, "Try '%s --help' for more information.\n", prog);
            free(gaz);
            free(text_fields);
            return code;
        }
    }
    if (cli.n_text_fields == 0) {
        text_fields[cli.n_text_fields++] = "body";
    }
    if (run.format != FORMAT_JSON) {
        run.json.flags &= ~TAGGER_JSON_PRETTY; /* one line per item */
    }
    if (run.all_matches && run.format != FORMAT_JSON && run.format != FORMAT_TSV) {
        fprintf(stderr, "%s: --all-matches writes json or tsv, not --format %s\n", prog,
                run.format == FORMAT_HTML ? "html" : "es-bulk");
        free(gaz);
        free(text_fields);
        return EXIT_USAGE;
    }
    if (model && (n_gaz || flags != TAGGER_COMPILE_BUILTIN)) {
        fprintf(stderr, "%s: --model cannot be combined with --gazetteer or --no-builtin "
                        "(compile them into the model)\n", prog);
        free(gaz);
        return EXIT_USAGE;
    }
    code = load_model(&run, model, gaz, n_gaz, flags);
    free(gaz);
    bool page = code == 0 && run.format == FORMAT_HTML; /* one page for the whole run */
    if (page) {
        write_page_part(html_begin);
    }
    if (code == 0 && cli.jsonl) {
        cli.tg = run.tg;
        cli.json = run.json;
        cli.format = run.format;
        cli.all_matches = run.all_matches;
        cli.scratch_options = run.scratch_options;
        code = pipeline_run(&cli, argv + optind, (size_t)(argc - optind));
        if (run.status > code) {
            code = run.status; /* bad gazetteer lines */
        }
    } else if (code == 0) {
        if (optind == argc) {
            tag_path(&run, "-", 0);
        }
        for (int i = optind; i < argc; i++) {
            tag_path(&run, argv[i], 0);
        }
        code = run.status;
    }
    if (page) {
        write_page_part(html_end);
    }
    free(text_fields);
    tagger_scratch_free(run.scratch);
    tagger_free(run.tg);
    if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
        fprintf(stderr, "%s: error writing output: %s\n", prog, strerror(errno));
        return EXIT_USAGE;
    }
    return code;
}
