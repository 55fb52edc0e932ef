/*
 * train_cmd.c - `tagger train`: learn a topic model from labelled JSON Lines,
 * or score held-out records with a model.
 *
 *   tagger train [-o MODEL] [--taxonomy FILE] [options] FILE.jsonl...
 *   tagger train --model MODEL --predict FILE.jsonl
 *
 * Each input line is {"text": "...", "labels": ["medtop:...", ...]} (other
 * members, such as "id", are ignored when training).  A bad line is
 * reported with its file and line and skipped; the exit status is then 1.
 * --predict writes one line per record, in order: {"id": ..., "topics":
 * [{"id": ..., "score": ...}, ...]} with every topic of the model, first
 * those the tagger would output, in its order, then the rest by score.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>
#include <tagger.h>

#include "cli.h"
#include "commands.h"
#include "strbuf.h"

#define WHO "tagger train" /* program name in messages */

typedef struct {
    char *data;        /* the files' bytes, kept: texts point into parsed copies */
    cJSON **records;
    tagger_train_doc_t *docs;
    size_t *label_first; /* per record: its first label in labels */
    const char **labels;
    size_t n, cap, n_labels, cap_labels;
    int bad;
} corpus_t;

static char *slurp(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    char *buf = f ? read_stream(f, SIZE_MAX, len) : NULL;
    if (!buf) {
        fprintf(stderr, "tagger train: %s: %s\n", path, strerror(errno));
    }
    if (f && f != stdin) {
        fclose(f);
    }
    return buf;
}

static void bad_line(corpus_t *c, const char *path, long line, const char *what)
{
    fprintf(stderr, "tagger train: %s:%ld: %s; line skipped\n", path, line, what);
    c->bad = 1;
}

/* Parses one record; returns 0 when it was kept. */
static int add_record(corpus_t *c, const char *path, long line, const char *s, size_t len,
                      int need_labels)
{
    const char *end;
    cJSON *rec = cJSON_ParseWithLengthOpts(s, len, &end, 0);
    if (!rec || !cJSON_IsObject(rec)) {
        bad_line(c, path, line, "not a JSON object");
        cJSON_Delete(rec);
        return -1;
    }
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(rec, "text");
    const cJSON *labels = cJSON_GetObjectItemCaseSensitive(rec, "labels");
    if (!cJSON_IsString(text)) {
        bad_line(c, path, line, "field 'text': missing or not a string");
        cJSON_Delete(rec);
        return -1;
    }
    if (need_labels && !cJSON_IsArray(labels)) {
        bad_line(c, path, line, "field 'labels': missing or not an array of strings");
        cJSON_Delete(rec);
        return -1;
    }
    if (c->n == c->cap) {
        size_t cap = c->cap ? 2 * c->cap : 1024;
        cJSON **r = realloc(c->records, cap * sizeof *r);
        tagger_train_doc_t *d = r ? realloc(c->docs, cap * sizeof *d) : NULL;
        size_t *lf = d ? realloc(c->label_first, cap * sizeof *lf) : NULL;
        c->records = r ? r : c->records;
        c->docs = d ? d : c->docs;
        if (!lf) {
            cJSON_Delete(rec);
            return -1;
        }
        c->label_first = lf;
        c->cap = cap;
    }
    tagger_train_doc_t *doc = &c->docs[c->n];
    doc->text = text->valuestring;
    doc->len = strlen(text->valuestring);
    doc->labels = NULL;
    doc->n_labels = 0;
    c->label_first[c->n] = c->n_labels; /* c->labels may still move */
    const cJSON *l;
    cJSON_ArrayForEach(l, labels)
    {
        if (!cJSON_IsString(l)) {
            continue;
        }
        if (c->n_labels == c->cap_labels) {
            size_t cap = c->cap_labels ? 2 * c->cap_labels : 1024;
            const char **g = realloc(c->labels, cap * sizeof *g);
            if (!g) {
                cJSON_Delete(rec);
                return -1;
            }
            c->labels = g;
            c->cap_labels = cap;
        }
        c->labels[c->n_labels++] = l->valuestring;
        doc->n_labels++;
    }
    c->records[c->n++] = rec;
    return 0;
}

static int read_corpus(corpus_t *c, const char *path, int need_labels)
{
    size_t len;
    char *data = slurp(path, &len);
    if (!data) {
        return -1;
    }
    long line = 0;
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && data[j] != '\n') {
            j++;
        }
        line++;
        size_t k = i;
        while (k < j && (data[k] == ' ' || data[k] == '\t' || data[k] == '\r')) {
            k++;
        }
        if (k < j) {
            add_record(c, path, line, data + i, j - i, need_labels);
        }
        i = j + 1;
    }
    free(data);
    return 0;
}

static void corpus_finish(corpus_t *c)
{
    for (size_t i = 0; i < c->n; i++) {
        c->docs[i].labels = c->labels + c->label_first[i];
    }
}

static void corpus_free(corpus_t *c)
{
    for (size_t i = 0; i < c->n; i++) {
        cJSON_Delete(c->records[i]);
    }
    free(c->records);
    free(c->docs);
    free(c->label_first);
    free(c->labels);
}

/* One prediction line: the tagger's topics first, then the rest by score. */
static int predict_one(const tagger_t *tg, tagger_scratch_t *s, const cJSON *rec,
                       const tagger_train_doc_t *doc, size_t *order, char *done)
{
    tagger_result_t *r;
    if (tagger_annotate(tg, s, doc->text, doc->len, &r)) {
        return -1;
    }
    size_t nt = tagger_n_topics(tg), n = 0;
    memset(done, 0, nt);
    for (size_t i = 0; i < tagger_result_n_topics(r); i++) {
        const char *id = tagger_result_topic(r, i)->id;
        for (size_t k = 0; k < nt; k++) {
            if (!done[k] && strcmp(tagger_topic_id(tg, k), id) == 0) {
                done[k] = 1;
                order[n++] = k;
            }
        }
    }
    size_t first_rest = n;
    for (size_t k = 0; k < nt; k++) {
        if (!done[k]) {
            order[n++] = k;
        }
    }
    for (size_t i = first_rest + 1; i < n; i++) { /* insertion sort: nt is small */
        size_t k = order[i], j = i;
        for (; j > first_rest && tagger_result_topic_score(r, order[j - 1]) <
                                     tagger_result_topic_score(r, k);
             j--) {
            order[j] = order[j - 1];
        }
        order[j] = k;
    }
    cJSON *out = cJSON_CreateObject();
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(rec, "id");
    cJSON_AddItemToObject(out, "id", id ? cJSON_Duplicate(id, 1) : cJSON_CreateNull());
    cJSON *topics = cJSON_AddArrayToObject(out, "topics");
    for (size_t i = 0; i < n; i++) {
        cJSON *t = cJSON_CreateObject();
        cJSON_AddStringToObject(t, "id", tagger_topic_id(tg, order[i]));
        cJSON_AddNumberToObject(t, "score",
                                (double)(long)(tagger_result_topic_score(r, order[i]) * 1e4 +
                                               0.5) /
                                    1e4);
        cJSON_AddItemToArray(topics, t);
    }
    char *line = cJSON_PrintUnformatted(out);
    if (line) {
        puts(line);
    }
    cJSON_free(line);
    cJSON_Delete(out);
    tagger_result_free(r);
    return line ? 0 : -1;
}

static int predict(const char *model_path, const char *path, corpus_t *c)
{
    tagger_source_t src = {model_path, NULL, 0};
    tagger_t *tg;
    tagger_error_t *err;
    int rc = tagger_compile(&src, 1, TAGGER_COMPILE_BUILTIN, &tg, &err);
    tg_cli_print_errors(err);
    tagger_error_free(err);
    if (rc) {
        return CMD_EXIT_MODEL;
    }
    tagger_scratch_t *s = NULL;
    size_t *order = malloc((tagger_n_topics(tg) + 1) * sizeof *order);
    char *done = malloc(tagger_n_topics(tg) + 1);
    int status = 0;
    if (!order || !done || tagger_scratch_new(tg, &s) || read_corpus(c, path, 0)) {
        status = CMD_EXIT_USAGE;
    }
    corpus_finish(c);
    for (size_t i = 0; i < c->n && status == 0; i++) {
        if (predict_one(tg, s, c->records[i], &c->docs[i], order, done)) {
            fprintf(stderr, "tagger train: out of memory\n");
            status = CMD_EXIT_USAGE;
        }
    }
    free(order);
    free(done);
    tagger_scratch_free(s);
    tagger_free(tg);
    return status ? status : c->bad;
}

/* The stop words of @p path: one word per line, `#` comments and blank
 * lines ignored, read into *words (pointing into *data, which the caller
 * frees with it).  A line of more than one word is reported with its line
 * and fails the read: a model trained without a word meant to be left out
 * would look like any other.  Returns 0 or -1. */
static int read_stop_words(const char *path, char **data, const char ***words, size_t *n)
{
    size_t len;
    *data = slurp(path, &len);
    *words = NULL;
    *n = 0;
    if (!*data) {
        return -1;
    }
    int bad = 0;
    long line = 0;
    for (char *s = *data, *next; s < *data + len; s = next) {
        line++;
        char *end = memchr(s, '\n', (size_t)(*data + len - s));
        next = end ? end + 1 : *data + len;
        if (end) {
            *end = '\0';
        }
        char *hash = strchr(s, '#');
        if (hash) {
            *hash = '\0';
        }
        char *word = s + strspn(s, " \t\r");
        size_t wlen = strcspn(word, " \t\r");
        if (wlen == 0) {
            continue;
        }
        if (word[wlen + strspn(word + wlen, " \t\r")] != '\0') {
            fprintf(stderr, "tagger train: %s:%ld: field 1 (word): one word per line\n", path,
                    line);
            bad = 1;
            continue;
        }
        word[wlen] = '\0';
        const char **grown = realloc(*words, (*n + 1) * sizeof *grown);
        if (!grown) {
            fprintf(stderr, "tagger train: out of memory\n");
            return -1;
        }
        *words = grown;
        (*words)[(*n)++] = word;
    }
    return bad ? -1 : 0;
}

static void train_usage(FILE *f)
{
    fprintf(f, "Usage: tagger train [-o MODEL] [--taxonomy FILE] [OPTIONS] FILE.jsonl...\n"
               "       tagger train --model MODEL --predict FILE.jsonl\n"
               "Learn a topic model from JSON Lines records {\"text\": ..., \"labels\": [...]}.\n"
               "\n"
               "  -o, --output FILE          write the model here (default: standard output)\n"
               "      --taxonomy FILE        topic ids, parents and labels (models/taxonomy.tsv)\n"
               "      --features-per-topic N weights kept per topic (300)\n"
               "      --min-df N             documents a feature must occur in (3)\n"
               "      --max-df-share X       share of documents a feature may occur in (0.2)\n"
               "      --epochs N             passes of gradient descent (20)\n"
               "      --l2 X                 L2 penalty per example (1e-6)\n"
               "      --rate X               initial learning rate (0.5)\n"
               "      --seed N               seed of the shuffles (1)\n"
               "      --prior-weight X       share of each topic's learned bias kept (0.25)\n"
               "      --stop-words FILE      words that are no feature (one per line)\n"
               "      --entity-ids           also learn the entities themselves, not only\n"
               "                             how many countries, people, organizations\n"
               "      --model FILE --predict FILE\n"
               "                             score each record of FILE with MODEL\n"
               "See models/README.md and tagger(1).\n");
}

int cmd_train(int argc, char **argv)
{
    enum { OPT_TAXONOMY = 256, OPT_FPT, OPT_MIN_DF, OPT_EPOCHS, OPT_L2, OPT_RATE, OPT_SEED,
           OPT_MODEL, OPT_PREDICT, OPT_PRIOR, OPT_MAX_DF, OPT_STOP, OPT_IDS };
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"taxonomy", required_argument, NULL, OPT_TAXONOMY},
        {"features-per-topic", required_argument, NULL, OPT_FPT},
        {"min-df", required_argument, NULL, OPT_MIN_DF},
        {"epochs", required_argument, NULL, OPT_EPOCHS},
        {"l2", required_argument, NULL, OPT_L2},
        {"rate", required_argument, NULL, OPT_RATE},
        {"seed", required_argument, NULL, OPT_SEED},
        {"prior-weight", required_argument, NULL, OPT_PRIOR},
        {"max-df-share", required_argument, NULL, OPT_MAX_DF},
        {"stop-words", required_argument, NULL, OPT_STOP},
        {"entity-ids", no_argument, NULL, OPT_IDS},
        {"model", required_argument, NULL, OPT_MODEL},
        {"predict", required_argument, NULL, OPT_PREDICT},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    tagger_train_options_t opt;
    tagger_train_options_init(&opt);
    const char *output = NULL, *taxonomy = NULL, *model = NULL, *test = NULL, *stop = NULL;
    unsigned long v;
    int c, which = 0;
    char name[32]; /* "--l2": the option being parsed, for messages */
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:h", longopts, &which)) != -1) {
        snprintf(name, sizeof name, "--%s", longopts[which].name);
        switch (c) {
        case 'o': output = optarg; break;
        case OPT_TAXONOMY: taxonomy = optarg; break;
        case OPT_STOP: stop = optarg; break;
        case OPT_IDS: opt.entity_ids = 1; break;
        case OPT_MODEL: model = optarg; break;
        case OPT_PREDICT: test = optarg; break;
        case OPT_FPT:
        case OPT_MIN_DF:
        case OPT_EPOCHS:
        case OPT_SEED:
            if (!cli_parse_count(WHO, name, optarg, 0, ULONG_MAX, &v)) {
                return CMD_EXIT_USAGE;
            }
            if (c == OPT_FPT) opt.features_per_topic = (unsigned)v;
            if (c == OPT_MIN_DF) opt.min_df = (unsigned)v;
            if (c == OPT_EPOCHS) opt.epochs = (unsigned)v;
            if (c == OPT_SEED) opt.seed = v;
            break;
        case OPT_L2:
        case OPT_RATE:
        case OPT_PRIOR:
        case OPT_MAX_DF:
            /* The weight and the share are fractions; the others any size. */
            if (!cli_parse_real(WHO, name, optarg, 0,
                                c == OPT_PRIOR || c == OPT_MAX_DF ? 1 : HUGE_VAL,
                                c == OPT_L2     ? &opt.l2
                                : c == OPT_RATE ? &opt.rate
                                : c == OPT_PRIOR ? &opt.prior_weight
                                                 : &opt.max_df_share)) {
                return CMD_EXIT_USAGE;
            }
            break;
        case 'h': train_usage(stdout); return 0;
        default: train_usage(stderr); return CMD_EXIT_USAGE;
        }
    }
    corpus_t corpus = {0};
    if (model || test) {
        if (!model || !test || optind != argc) {
            fprintf(stderr, "tagger train: --predict needs --model and no other input\n");
            return CMD_EXIT_USAGE;
        }
        int status = predict(model, test, &corpus);
        corpus_free(&corpus);
        return status;
    }
    if (optind == argc) {
        train_usage(stderr);
        return CMD_EXIT_USAGE;
    }
    int status = 0;
    char *tax_data = NULL, *stop_data = NULL;
    const char **stop_words = NULL;
    if (stop && read_stop_words(stop, &stop_data, &stop_words, &opt.n_stop_words)) {
        free(stop_data);
        free(stop_words);
        return CMD_EXIT_USAGE;
    }
    opt.stop_words = stop_words;
    if (taxonomy && !(tax_data = slurp(taxonomy, &opt.taxonomy_len))) {
        free(stop_data);
        free(stop_words);
        return CMD_EXIT_USAGE;
    }
    opt.taxonomy = tax_data;
    opt.taxonomy_path = taxonomy;
    for (int i = optind; i < argc; i++) {
        if (read_corpus(&corpus, argv[i], 1)) {
            status = CMD_EXIT_USAGE;
        }
    }
    corpus_finish(&corpus);
    tagger_t *tg = NULL;
    tagger_error_t *err = NULL;
    char *text = NULL;
    if (status == 0 && corpus.n == 0) {
        fprintf(stderr, "tagger train: no usable record in the input\n");
        status = CMD_EXIT_USAGE;
    }
    if (status == 0 && tagger_compile(NULL, 0, TAGGER_COMPILE_BUILTIN, &tg, &err)) {
        status = CMD_EXIT_MODEL;
    }
    tg_cli_print_errors(err);
    tagger_error_free(err);
    err = NULL;
    if (status == 0) {
        int rc = tagger_train(tg, corpus.docs, corpus.n, &opt, &text, &err);
        tg_cli_print_errors(err);
        tagger_error_free(err);
        if (rc) {
            status = rc == TAGGER_ERR_SYNTAX ? CMD_EXIT_MODEL : CMD_EXIT_USAGE;
        }
    }
    if (status == 0) {
        FILE *f = output ? fopen(output, "w") : stdout;
        if (!f || fputs(text, f) == EOF || (output && fclose(f) != 0)) {
            fprintf(stderr, "tagger train: %s: %s\n", output ? output : "(stdout)",
                    strerror(errno));
            status = CMD_EXIT_USAGE;
        }
    }
    tagger_string_free(text);
    tagger_free(tg);
    free(tax_data);
    free(stop_data);
    free(stop_words);
    int bad = corpus.bad;
    corpus_free(&corpus);
    return status ? status : bad;
}
