/*
 * tagger.c - public entry points that belong to no one module: versions,
 * status strings, type names, compiling and freeing a tagger, diagnostics.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gazetteer.h"
#include "internal.h"
#include "name_model.h"
#include "topic_model.h"

#define STR2(x) #x
#define STR(x) STR2(x)

const char *tagger_version(void)
{
    return STR(TAGGER_VERSION_MAJOR) "." STR(TAGGER_VERSION_MINOR) "." STR(TAGGER_VERSION_PATCH);
}

const char *tagger_strerror(int status)
{
    switch (status) {
    case TAGGER_OK:
        return "success";
    case TAGGER_ERR_NOMEM:
        return "out of memory";
    case TAGGER_ERR_IO:
        return "input/output error";
    case TAGGER_ERR_SYNTAX:
        return "syntax error in a gazetteer or model";
    case TAGGER_ERR_UTF8:
        return "invalid UTF-8";
    case TAGGER_ERR_FORMAT:
        return "not a compiled tagger model, or a damaged one";
    case TAGGER_ERR_VERSION:
        return "compiled tagger file of an incompatible format version";
    case TAGGER_ERR_STOPPED:
        return "stopped by the callback";
    case TAGGER_ERR_MISUSE:
        return "invalid argument";
    default:
        return "unknown status";
    }
}

static const char *const kind_names[] = {NULL, "PERSON", "COUNTRY", "PLACE", "ORG"};

const char *tagger_kind_name(tagger_kind_t kind)
{
    if ((int)kind < 1 || (int)kind > 4) {
        return NULL;
    }
    return kind_names[kind];
}

int tagger_kind_parse(const char *name)
{
    for (int k = 1; k <= 4; k++) {
        if (name && strcmp(name, kind_names[k]) == 0) {
            return k;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Diagnostics                                                               */

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d) {
        memcpy(d, s, n);
    }
    return d;
}

int tg_error_add(tagger_error_t **list, const char *path, long line, const char *fmt, ...)
{
    if (!list) {
        return TAGGER_OK;
    }
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    tagger_error_t *e = calloc(1, sizeof *e);
    if (!e) {
        return TAGGER_ERR_NOMEM;
    }
    e->message = dup_str(msg);
    e->path = path ? dup_str(path) : NULL;
    e->line = line;
    if (!e->message || (path && !e->path)) {
        tagger_error_free(e);
        return TAGGER_ERR_NOMEM;
    }
    while (*list) {
        list = &(*list)->next;
    }
    *list = e;
    return TAGGER_OK;
}

/* A count of lines: decimal digits only, at most 9 of them. */
static bool parse_line_count(const char *s, size_t len, size_t *out)
{
    size_t v = 0;
    if (len == 0 || len > 9) {
        return false;
    }
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
        v = v * 10 + (size_t)(s[i] - '0');
    }
    *out = v;
    return true;
}

bool tg_end_line_counts(const char *const *text, const size_t *len, size_t n,
                        const size_t *have, const char *const *field,
                        const char *const *kind, char *msg, size_t cap)
{
    for (size_t k = 0; k < n; k++) {
        size_t count;
        if (!parse_line_count(text[k], len[k], &count)) {
            snprintf(msg, cap, "field %zu (%s): not a count of lines: '%.*s'", k + 2, field[k],
                     (int)len[k], text[k]);
            return false;
        }
        if (count != have[k]) {
            snprintf(msg, cap,
                     "field %zu (%s): the end line counts %zu %s lines, the model has %zu "
                     "(cut off or edited?)",
                     k + 2, field[k], count, kind[k], have[k]);
            return false;
        }
    }
    return true;
}

void tagger_error_free(tagger_error_t *err)
{
    while (err) {
        tagger_error_t *next = err->next;
        free(err->message);
        free(err->path);
        free(err);
        err = next;
    }
}

/* ------------------------------------------------------------------------ */
/* Compiling                                                                 */

/* Reads a whole file; *data is malloc'ed. */
static int read_file(const char *path, char **data, size_t *len, tagger_error_t **err)
{
    *data = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        tg_error_add(err, path, 0, "cannot open: %s", strerror(errno));
        return TAGGER_ERR_IO;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap) {
            break;
        }
        char *grown = realloc(buf, cap * 2);
        if (!grown) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = grown;
        cap *= 2;
    }
    int failed = ferror(f);
    fclose(f);
    if (!buf) {
        return TAGGER_ERR_NOMEM;
    }
    if (failed) {
        free(buf);
        tg_error_add(err, path, 0, "read error");
        return TAGGER_ERR_IO;
    }
    *data = buf;
    *len = n;
    return TAGGER_OK;
}

/* What the sources compile into: gazetteers, and at most one topic model
 * from the built-in sources and one from the caller's. */
typedef struct {
    tg_gaz_builder_t *gaz;
    tg_topics_t *topics;
    int user_topics; /* the topic model came from the caller */
    tg_names_t *names;  /* the name recognizer's model; a later one replaces it */
} compile_t;

static int add_source(compile_t *c, const char *path, const char *data, size_t len, int user,
                      tagger_error_t **errors)
{
    if (tg_names_is_model(data, len)) {
        tg_names_t *m = NULL;
        int rc = tg_names_parse(path, data, len, &m, errors);
        if (m) {
            tg_names_free(c->names);
            c->names = m;
        }
        return rc;
    }
    if (!tg_topics_is_model(data, len)) {
        return tg_gaz_add(c->gaz, path, data, len, errors);
    }
    if (c->user_topics && user) {
        tg_error_add(errors, path, 0, "a second topic model; give at most one");
        return TAGGER_ERR_MISUSE;
    }
    tg_topics_t *m;
    int rc = tg_topics_parse(path, data, len, &m, errors);
    if (rc == TAGGER_OK) {
        tg_topics_free(c->topics);
        c->topics = m;
        c->user_topics = user;
    }
    return rc;
}

int tagger_compile(const tagger_source_t *src, size_t n_src, unsigned flags, tagger_t **out,
                   tagger_error_t **err)
{
    tagger_error_t *errors = NULL;
    compile_t c = {0};
    int rc;
    if (err) {
        *err = NULL;
    }
    if (!out || (n_src && !src) || (flags & ~TAGGER_COMPILE_BUILTIN)) {
        if (out) {
            *out = NULL;
        }
        return TAGGER_ERR_MISUSE;
    }
    *out = NULL;
    if ((rc = tg_gaz_builder_new(&c.gaz))) {
        return rc;
    }
    if (flags & TAGGER_COMPILE_BUILTIN) {
        const tg_builtin_t *bi;
        size_t n = tg_builtin_sources(&bi);
        for (size_t i = 0; i < n && rc == TAGGER_OK; i++) {
            rc = add_source(&c, bi[i].name, bi[i].data, (size_t)(bi[i].end - bi[i].data), 0,
                            &errors);
        }
    }
    for (size_t i = 0; i < n_src && rc == TAGGER_OK; i++) {
        const char *path = src[i].path ? src[i].path : "(memory)";
        if (src[i].data) {
            rc = add_source(&c, path, src[i].data, src[i].len, 1, &errors);
        } else if (!src[i].path) {
            rc = TAGGER_ERR_MISUSE;
        } else {
            char *data;
            size_t len;
            if ((rc = read_file(path, &data, &len, &errors)) == TAGGER_OK) {
                rc = add_source(&c, path, data, len, 1, &errors);
                free(data);
            }
        }
    }
    if (rc == TAGGER_OK) {
        rc = tg_gaz_finish(c.gaz, out);
    }
    if (rc == TAGGER_OK) {
        (*out)->topics = c.topics;
        c.topics = NULL;
        (*out)->names = c.names;
        c.names = NULL;
    }
    if (rc == TAGGER_ERR_NOMEM) {
        tg_error_add(&errors, NULL, 0, "out of memory");
    }
    tg_gaz_builder_free(c.gaz);
    tg_topics_free(c.topics);
    tg_names_free(c.names);
    if (err) {
        *err = errors;
    } else {
        tagger_error_free(errors);
    }
    return rc;
}

void tagger_free(tagger_t *tg)
{
    if (!tg) {
        return;
    }
    tg_tagger_release(tg);
    free(tg);
}

size_t tagger_n_entities(const tagger_t *tg)
{
    return tg ? tg->n_entities : 0;
}

size_t tagger_n_aliases(const tagger_t *tg)
{
    return tg ? tg->n_aliases : 0;
}

size_t tagger_n_topics(const tagger_t *tg)
{
    return (tg && tg->topics) ? tg->topics->n_topics : 0;
}

const char *tagger_topic_id(const tagger_t *tg, size_t i)
{
    if (i >= tagger_n_topics(tg)) {
        return NULL;
    }
    return tg_topic_str(tg->topics, tg->topics->topics[i].qcode);
}
