/*
 * model_io.c - a tagger to and from a compiled model file: tagger_save(),
 * tagger_load() (mmap), tagger_load_memory() and tagger_load_default().
 *
 * Sections of the gazetteer model (container format in model_file.h):
 *
 *   POOL  the string pool, NUL-terminated strings, offset 0 = ""
 *   ENTS  tg_entity_t records
 *   ALIS  tg_alias_t records (padding bytes zeroed, so files are reproducible)
 *   TRIE  tg_trie_unit_t units of the double-array trie
 *   KEYS  tg_trie_value_t per trie key
 *   WORD  the trie's first-word bitset, 64-bit words
 *
 * Each is stored exactly as struct tagger uses it in memory, so loading is
 * pointing the arrays into the mapping.  What makes that safe is the check
 * after the container's own (checksum, bounds): every pool offset is inside
 * the pool, every entity and alias index inside its table, every trie base
 * leaves room for a full step (tg_trie_validate).  A corrupt file that
 * somehow kept a valid checksum still cannot make the scan read outside the
 * mapping.  The checks are linear and cost a few milliseconds for the
 * default model; the copy of it linked into the program skips them (it
 * was checked in full at build time, see the Makefile).
 *
 * The topic model (topic_io.c) and the name recognizer's model
 * (name_model.c) add their sections in write_sections() and read them back
 * in read_sections(); struct tagger keeps the view (tg->model).
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "name_model.h"
#include "normalize.h"
#include "topic_io.h"

/* The stored records are the in-memory structs: pin their size, so that a
 * change of layout is a compile error here, not a misread file (then bump
 * TG_MODEL_VERSION). */
typedef char assert_entity_size[(sizeof(tg_entity_t) == 24) ? 1 : -1];
typedef char assert_alias_size[(sizeof(tg_alias_t) == 24) ? 1 : -1];
typedef char assert_unit_size[(sizeof(tg_trie_unit_t) == 8) ? 1 : -1];
typedef char assert_value_size[(sizeof(tg_trie_value_t) == 8) ? 1 : -1];

/* Removes const from a pointer into a model: struct tagger's arrays are
 * writable for the compiler, but a loaded tagger is never written. */
static void *unconst(const void *p)
{
    return (void *)(uintptr_t)p;
}

/* ------------------------------------------------------------------------ */
/* Saving                                                                    */

static int write_sections(const tagger_t *tg, tg_model_writer_t *w)
{
    int rc;
    if ((rc = tg_model_writer_add(w, "POOL", tg->pool, tg->pool_len)) ||
        (rc = tg_model_writer_add(w, "ENTS", tg->entities,
                                  tg->n_entities * sizeof *tg->entities))) {
        return rc;
    }
    tg_alias_t *al = calloc(tg->n_aliases ? tg->n_aliases : 1, sizeof *al);
    if (!al) {
        return TAGGER_ERR_NOMEM;
    }
    for (size_t i = 0; i < tg->n_aliases; i++) {
        al[i].entity = tg->aliases[i].entity;
        al[i].flags = tg->aliases[i].flags;
        al[i].sig.bits = tg->aliases[i].sig.bits;
        al[i].sig.n = tg->aliases[i].sig.n;
        al[i].sig.has_lower = tg->aliases[i].sig.has_lower;
    }
    if ((rc = tg_model_writer_add_owned(w, "ALIS", al, tg->n_aliases * sizeof *al)) ||
        (rc = tg_model_writer_add(w, "TRIE", tg->trie.units,
                                  tg->trie.n_units * sizeof *tg->trie.units)) ||
        (rc = tg_model_writer_add(w, "KEYS", tg->trie.values,
                                  tg->trie.n_keys * sizeof *tg->trie.values)) ||
        (rc = tg_model_writer_add(w, "WORD", tg->trie.first_words,
                                  tg->trie.n_first_words * sizeof *tg->trie.first_words))) {
        return rc;
    }
    if (tg->topics && (rc = tg_topics_write(tg->topics, w))) {
        return rc;
    }
    return tg->names ? tg_names_write(tg->names, w) : TAGGER_OK;
}

int tagger_save(const tagger_t *tg, const char *path, tagger_error_t **err)
{
    if (err) {
        *err = NULL;
    }
    if (!tg || !path) {
        return TAGGER_ERR_MISUSE;
    }
    tg_model_writer_t *w = tg_model_writer_new();
    uint8_t *buf = NULL;
    size_t len = 0;
    int rc = w ? write_sections(tg, w) : TAGGER_ERR_NOMEM;
    if (rc == TAGGER_OK) {
        rc = tg_model_writer_finish(w, &buf, &len);
    }
    tg_model_writer_free(w);
    if (rc) {
        tg_error_add(err, path, 0, "cannot build the model: %s", tagger_strerror(rc));
        return rc;
    }
    size_t tmp_len = strlen(path) + 32;
    char *tmp = malloc(tmp_len);
    if (!tmp) {
        free(buf);
        return TAGGER_ERR_NOMEM;
    }
    snprintf(tmp, tmp_len, "%s.tmp%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        tg_error_add(err, path, 0, "cannot write: %s", strerror(errno));
        rc = TAGGER_ERR_IO;
    } else {
        size_t put = fwrite(buf, 1, len, f);
        int write_errno = errno;
        if (fclose(f) != 0 || put != len) {
            tg_error_add(err, path, 0, "cannot write: %s",
                         strerror(put != len ? write_errno : errno));
            rc = TAGGER_ERR_IO;
        } else if (rename(tmp, path) != 0) {
            tg_error_add(err, path, 0, "cannot rename the temporary file into place: %s",
                         strerror(errno));
            rc = TAGGER_ERR_IO;
        }
        if (rc) {
            remove(tmp);
        }
    }
    free(tmp);
    free(buf);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                   */

static int damaged(tagger_error_t **err, const char *name, const char *what, size_t index)
{
    tg_error_add(err, name, 0, "damaged compiled model: %s (record %zu)", what, index);
    return TAGGER_ERR_FORMAT;
}

/* (model_file.h) */
bool tg_pool_is_utf8(const char *pool, size_t len)
{
    for (size_t i = 0, k; i < len; i += k) {
        int32_t cp;
        k = tg_utf8_decode((const unsigned char *)pool + i, len - i, &cp);
        if (cp < 0) {
            return false;
        }
    }
    return true;
}

bool tg_pool_starts_char(const char *pool, uint32_t off)
{
    return ((unsigned char)pool[off] & 0xC0) != 0x80;
}

/* Points the gazetteer arrays of @p tg into the sections of @p v and checks
 * every index in them. */
static int read_sections(tagger_t *tg, const tg_model_view_t *v, bool check_indexes,
                         tagger_error_t **err)
{
    const void *pool, *ents, *als, *units, *values, *words;
    size_t n_pool, n_ents, n_als, n_units, n_values, n_words;
    int rc;
    if ((rc = tg_model_section(v, "POOL", 1, 1, &pool, &n_pool, err)) ||
        (rc = tg_model_section(v, "ENTS", sizeof(tg_entity_t), 1, &ents, &n_ents, err)) ||
        (rc = tg_model_section(v, "ALIS", sizeof(tg_alias_t), 1, &als, &n_als, err)) ||
        (rc = tg_model_section(v, "TRIE", sizeof(tg_trie_unit_t), 1, &units, &n_units, err)) ||
        (rc = tg_model_section(v, "KEYS", sizeof(tg_trie_value_t), 1, &values, &n_values,
                               err)) ||
        (rc = tg_model_section(v, "WORD", sizeof(uint64_t), 1, &words, &n_words, err))) {
        return rc;
    }
    const char *p = pool;
    if (n_pool == 0 || p[0] != '\0' || p[n_pool - 1] != '\0' || n_pool > UINT32_MAX) {
        return damaged(err, v->name, "the string pool is not NUL-delimited", 0);
    }
    if (check_indexes && !tg_pool_is_utf8(p, n_pool)) {
        return damaged(err, v->name, "the string pool is not valid UTF-8", 0);
    }
    if (n_ents >= TG_NONE || n_als >= TG_NONE) {
        return damaged(err, v->name, "impossible table sizes", 0);
    }
    const tg_entity_t *e = ents;
    for (size_t i = 0; check_indexes && i < n_ents; i++) {
        if (e[i].id == 0 || e[i].name == 0 || e[i].id >= n_pool || e[i].name >= n_pool ||
            e[i].wikidata >= n_pool || e[i].country >= n_pool) {
            return damaged(err, v->name, "entity string outside the pool", i);
        }
        if (!tg_pool_starts_char(p, e[i].id) || !tg_pool_starts_char(p, e[i].name) ||
            !tg_pool_starts_char(p, e[i].wikidata) || !tg_pool_starts_char(p, e[i].country)) {
            return damaged(err, v->name, "entity string starting inside a character", i);
        }
        if (!tagger_kind_name((tagger_kind_t)e[i].kind)) {
            return damaged(err, v->name, "entity of an unknown type", i);
        }
        if (e[i].country_entity != TG_NONE && e[i].country_entity >= n_ents) {
            return damaged(err, v->name, "entity's country outside the entity table", i);
        }
    }
    const tg_alias_t *a = als;
    for (size_t i = 0; check_indexes && i < n_als; i++) {
        if (a[i].entity >= n_ents) {
            return damaged(err, v->name, "alias of an entity outside the entity table", i);
        }
        if ((a[i].flags & TG_CASE_MASK) == TG_CASE_MASK || a[i].sig.n > 64) {
            return damaged(err, v->name, "alias with an impossible case rule", i);
        }
    }
    tg->trie.units = units;
    tg->trie.n_units = n_units;
    tg->trie.values = values;
    tg->trie.n_keys = n_values;
    tg->trie.first_words = words;
    tg->trie.n_first_words = n_words;
    tg->trie.owned = false;
    size_t where;
    const char *why = check_indexes ? tg_trie_validate(&tg->trie, n_als, &where) : NULL;
    if (why) {
        return damaged(err, v->name, why, where);
    }
    tg->pool = unconst(pool);
    tg->pool_len = n_pool;
    tg->entities = unconst(ents);
    tg->n_entities = n_ents;
    tg->aliases = unconst(als);
    tg->n_aliases = n_als;
    tg->model = *v;
    if ((rc = tg_topics_read(v, check_indexes, &tg->topics, err))) {
        return rc;
    }
    return tg_names_read(v, check_indexes, &tg->names, err);
}

/* Loads from @p len bytes at @p data; @p tg's storage fields are set by the
 * caller. */
static int load_view(tagger_t *tg, const void *data, size_t len, const char *name,
                     tagger_error_t **err)
{
    tg_model_view_t v;
    /* The model linked into the program is part of the executable, like its
     * code, and was loaded with every check when the build made it; the
     * checksum and index checks (a few ms) are for files. */
    bool trusted = tg->storage == TG_STORAGE_BORROWED && data == tg_builtin_data();
    int rc = trusted ? tg_model_open_trusted(&v, data, len, name, err)
                     : tg_model_open(&v, data, len, name, err);
    if (rc == TAGGER_OK) {
        rc = read_sections(tg, &v, !trusted, err);
    }
    if (rc != TAGGER_OK) {
        /* What read_sections() built before a later section failed (found by
         * fuzzing: a file whose topic model loaded and name model did not). */
        tg_topics_free(tg->topics);
        tg_names_free(tg->names);
        tg->topics = NULL;
        tg->names = NULL;
    }
    return rc;
}

/* tagger_load_memory() under @p name in messages. */
static int load_memory_named(const void *data, size_t len, const char *name, tagger_t **out,
                             tagger_error_t **err)
{
    if (err) {
        *err = NULL;
    }
    if (!out) {
        return TAGGER_ERR_MISUSE;
    }
    *out = NULL;
    tagger_t *tg = calloc(1, sizeof *tg);
    if (!tg) {
        return TAGGER_ERR_NOMEM;
    }
    tg->storage = TG_STORAGE_BORROWED;
    int rc = load_view(tg, data, len, name, err);
    if (rc) {
        free(tg);
        return rc;
    }
    *out = tg;
    return TAGGER_OK;
}

int tagger_load_memory(const void *data, size_t len, tagger_t **out, tagger_error_t **err)
{
    return load_memory_named(data, len, "(memory)", out, err);
}

int tagger_load(const char *path, tagger_t **out, tagger_error_t **err)
{
    if (err) {
        *err = NULL;
    }
    if (!out) {
        return TAGGER_ERR_MISUSE;
    }
    *out = NULL;
    if (!path) {
        return TAGGER_ERR_MISUSE;
    }
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        tg_error_add(err, path, 0, "cannot open: %s", strerror(errno));
        return TAGGER_ERR_IO;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        tg_error_add(err, path, 0, "not a regular file");
        close(fd);
        return TAGGER_ERR_IO;
    }
    size_t len = (size_t)st.st_size;
    if (len < TG_MODEL_HEADER_SIZE) {
        close(fd);
        char head[8] = {0};
        FILE *f = fopen(path, "rb");
        size_t got = f ? fread(head, 1, sizeof head, f) : 0;
        if (f) {
            fclose(f);
        }
        tg_error_add(err, path, 0, "%s (%zu bytes)",
                     got >= 4 && memcmp(head, TG_MODEL_MAGIC, 4) == 0
                         ? "truncated compiled model: shorter than its header"
                         : "not a compiled tagger model: too short",
                     len);
        return TAGGER_ERR_FORMAT;
    }
    void *map = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
    int map_errno = errno;
    close(fd);
    if (map == MAP_FAILED) {
        tg_error_add(err, path, 0, "cannot map: %s", strerror(map_errno));
        return TAGGER_ERR_IO;
    }
    tagger_t *tg = calloc(1, sizeof *tg);
    if (!tg) {
        munmap(map, len);
        return TAGGER_ERR_NOMEM;
    }
    tg->storage = TG_STORAGE_MAPPED;
    tg->map_base = map;
    tg->map_len = len;
    int rc = load_view(tg, map, len, path, err);
    if (rc) {
        munmap(map, len);
        free(tg);
        return rc;
    }
    tg->model.name = NULL; /* the caller's path string is not kept */
    *out = tg;
    return TAGGER_OK;
}

int tagger_load_default(tagger_t **out, tagger_error_t **err)
{
    const char *data;
    size_t len = tg_builtin_model(&data);
    if (len == 0) {
        if (err) {
            *err = NULL;
            tg_error_add(err, NULL, 0, "this build of the library has no default model");
        }
        if (out) {
            *out = NULL;
        }
        return TAGGER_ERR_FORMAT;
    }
    return load_memory_named(data, len, "(built-in model)", out, err);
}

void tg_tagger_release(tagger_t *tg)
{
    switch (tg->storage) {
    case TG_STORAGE_OWNED:
        free(tg->pool);
        free(tg->entities);
        free(tg->aliases);
        tg_trie_free(&tg->trie);
        break;
    case TG_STORAGE_MAPPED:
        munmap(tg->map_base, tg->map_len);
        break;
    case TG_STORAGE_BORROWED:
        break;
    }
    tg_topics_free(tg->topics);
    tg_names_free(tg->names);
}
