/*
 * internal.h - private structures shared by libtagger's modules.
 *
 * A compiled tagger is a handful of flat arrays and a string pool: no
 * pointers between records, only indexes and offsets, so that the whole
 * thing can later be written to a file and used in place.
 *
 *   pool      NUL-terminated strings; offset 0 is the empty string ("none")
 *   entities  one record per entity: kind and pool offsets of id, name, ...
 *   aliases   one record per (normalised key, entity, case rule), sorted by
 *             key, so all records of one key are contiguous
 *   trie      over the normalised UTF-8 bytes of the keys; a node that ends
 *             a key points at that key's run of alias records
 */
#ifndef TG_INTERNAL_H
#define TG_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model_file.h"
#include "tagger.h"
#include "trie.h"

/* Alias flags: a case rule in the low two bits, then the alias kind. */
enum {
    TG_CASE_CAP = 0,   /* capitalised words of the alias must be capitalised */
    TG_CASE_EXACT = 1, /* exact case as written (all-caps text in all-caps context too) */
    TG_CASE_ANY = 2,   /* any case */
    TG_CASE_MASK = 3,
    TG_ALIAS_DEMONYM = 4,      /* "North Korean": evidence for its country */
    TG_ALIAS_WEAK = 8,         /* counts only when the document supports the entity */
    TG_ALIAS_GIVEN_NAME = 16,  /* also a given name: "Jordan", "Paris" */
    TG_ALIAS_AFTER_PLACE = 32, /* only right after "Place, ": "WALTHAM, Mass." */
    TG_ALIAS_TITLED = 64,      /* "President Reagan": the mention is the name after the title */
    TG_ALIAS_SURNAME = 128,    /* a leader's surname alone: "Putin", not after a first name */
    TG_ALIAS_PLACE_NAME = 256  /* also a place's name: "Amazon", not the company in "the Amazon"
                                  nor before a noun of geography, "Amazon basin" */
};

typedef struct {
    uint32_t id;       /* pool offsets; 0 = none */
    uint32_t name;
    uint32_t wikidata;
    uint32_t country;
    uint32_t kind;     /* tagger_kind_t */
    uint32_t country_entity; /* the COUNTRY entity of `country`, or TG_NONE */
} tg_entity_t;

#define TG_NONE UINT32_MAX

/* The case signature of an alias, checked against the original text of a
 * candidate match (see case_rule.c). */
typedef struct {
    uint64_t bits;     /* CAP: bit w = word w starts with a capital;
                          EXACT: bit i = cased letter i is upper case */
    uint8_t n;         /* number of words (CAP) or cased letters (EXACT) described */
    uint8_t has_lower; /* the alias has a lower-case letter */
} tg_case_sig_t;

typedef struct {
    uint32_t entity;
    uint32_t flags;    /* TG_CASE_* | TG_ALIAS_* */
    tg_case_sig_t sig;
} tg_alias_t;

/* Where the arrays of a tagger live (tagger_free() needs to know). */
typedef enum {
    TG_STORAGE_OWNED = 0, /* malloc'ed by the compiler, freed one by one */
    TG_STORAGE_MAPPED,    /* point into map_base, an mmap of a model file */
    TG_STORAGE_BORROWED   /* point into memory the caller keeps (the embedded model) */
} tg_storage_t;

struct tagger {
    char *pool;            /* these arrays may point into a read-only mapping */
    size_t pool_len;
    tg_entity_t *entities;
    size_t n_entities;
    tg_alias_t *aliases;
    size_t n_aliases;
    tg_trie_t trie;
    struct tg_topics *topics; /* the keyword topic model, or NULL (topic_model.h) */
    tg_storage_t storage;
    void *map_base;        /* TG_STORAGE_MAPPED: the mapping and its length */
    size_t map_len;
    tg_model_view_t model; /* a loaded model's sections (data NULL when compiled) */
    struct tg_names *names;   /* the name recognizer's model, or NULL (name_model.h) */
};

/* Pool string at offset @p off, or NULL for offset 0. */
static inline const char *tg_str(const tagger_t *tg, uint32_t off)
{
    return off ? tg->pool + off : NULL;
}

/* How an alias names its entity: a demonym or a name (tagger_via_t). */
static inline tagger_via_t tg_alias_via(const tg_alias_t *al)
{
    return (al->flags & TG_ALIAS_DEMONYM) ? TAGGER_VIA_DEMONYM : TAGGER_VIA_NAME;
}

/* @p c in lower case if it is an ASCII capital. */
static inline char tg_ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Whether the @p n bytes at @p w are @p word, ASCII letters in any case
 * ("PRESIDENT" in a headline). */
static inline bool tg_word_is_nocase(const char *w, size_t n, const char *word)
{
    if (strlen(word) != n) {
        return false;
    }
    for (size_t k = 0; k < n; k++) {
        if (tg_ascii_lower(w[k]) != tg_ascii_lower(word[k])) {
            return false;
        }
    }
    return true;
}

/* Whether the @p len bytes at @p w are one of the @p n words of @p list.
 * Compared byte by byte, no strlen: most entries differ at the first. */
static inline bool tg_word_in(const char *const *list, size_t n, const char *w, size_t len)
{
    for (size_t i = 0; i < n; i++) {
        const char *e = list[i];
        size_t k = 0;
        while (k < len && e[k] != '\0' && e[k] == w[k]) {
            k++;
        }
        if (k == len && e[k] == '\0') {
            return true;
        }
    }
    return false;
}

/* Makes room for @p need elements of @p elem bytes in the growable array
 * @p *p of capacity @p *cap (doubling).  Returns 0, or TAGGER_ERR_NOMEM with
 * the array unchanged. */
static inline int tg_grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) {
        return TAGGER_OK;
    }
    size_t c = *cap ? *cap : 64;
    while (c < need) {
        c *= 2;
    }
    if (c > SIZE_MAX / elem) {
        return TAGGER_ERR_NOMEM;
    }
    void *q = realloc(*p, c * elem);
    if (!q) {
        return TAGGER_ERR_NOMEM;
    }
    *p = q;
    *cap = c;
    return TAGGER_OK;
}

/* Skips a UTF-8 byte order mark, as some editors write, at the start of a
 * source. */
static inline void tg_skip_bom(const char **data, size_t *len)
{
    if (*len >= 3 && memcmp(*data, "\xEF\xBB\xBF", 3) == 0) {
        *data += 3;
        *len -= 3;
    }
}

/* Whether a source (a model file in text) starts with @p magic and a TAB,
 * after a byte order mark if any. */
static inline bool tg_has_magic(const char *data, size_t len, const char *magic)
{
    size_t n = strlen(magic);
    tg_skip_bom(&data, &len);
    return len > n && memcmp(data, magic, n) == 0 && data[n] == '\t';
}

/* The line of a text source that starts at @p *pos (< @p len): sets @p *line
 * to its start and returns its length without the line end (LF or CRLF);
 * moves @p *pos past the line end. */
static inline size_t tg_next_line(const char *data, size_t len, size_t *pos, const char **line)
{
    size_t i = *pos, j = i;
    while (j < len && data[j] != '\n') {
        j++;
    }
    *line = data + i;
    *pos = j + 1;
    return (j > i && data[j - 1] == '\r') ? j - 1 - i : j - i;
}

/* Built-in gazetteers linked into the library (builtin.S). */
typedef struct {
    const char *name;
    const char *data;
    const char *end;
} tg_builtin_t;

size_t tg_builtin_sources(const tg_builtin_t **out);

/* The compiled default model linked into the library (builtin_model.S):
 * its length, with @p *data at its first byte; 0 in the bootstrap build
 * that compiles it. */
size_t tg_builtin_model(const char **data);

/* The first byte of that model (tg_builtin_model's @p *data). */
const char *tg_builtin_data(void);

/* Frees the arrays of @p tg as its storage says (model_io.c). */
void tg_tagger_release(tagger_t *tg);

/* Checks the counts of a version 2 text model's end line (topic_model.c,
 * name_model.c) against the lines read: count k is the @p len[k] bytes at
 * @p text[k], in field k + 2, named @p field[k] ("features"), and must be
 * @p have[k], the number of lines of kind @p kind[k] ("feature").  Returns
 * true when all agree; otherwise false, with the first disagreement's
 * message in @p msg (@p cap bytes). */
bool tg_end_line_counts(const char *const *text, const size_t *len, size_t n,
                        const size_t *have, const char *const *field,
                        const char *const *kind, char *msg, size_t cap);

/* Appends a diagnostic to a list; returns TAGGER_ERR_NOMEM when even that
 * fails.  printf-style message. */
int tg_error_add(tagger_error_t **list, const char *path, long line, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 4, 5)))
#endif
    ;

#endif /* TG_INTERNAL_H */
