/*
 * gazetteer.c - gazetteer TSV sources -> entity table, alias records, trie.
 *
 * Format (gazetteers/README.md has the full description): one entity per
 * line, six TAB-separated fields
 *
 *     id  type  name  wikidata  attrs  aliases
 *     KP  COUNTRY  North Korea  Q423  -  North Korea|DPRK|North Korean{demonym}
 *
 * `#` starts a comment line; blank lines are ignored; CR before LF and a
 * UTF-8 byte order mark are allowed.  `aliases` is a `|`-separated list of
 * alias texts, each optionally followed by `{flag,...}`: a case rule (`cap`,
 * the default; `case`; `nocase`), the alias kind `demonym`, `weak` (counts
 * only when the document supports the entity), `given-name` (also a
 * person's given name), `after-place` (stands only right after a
 * capitalised word and a comma, as a state in "WALTHAM, Mass.,"),
 * `titled` (an office title and a surname, "President Reagan": the mention
 * is the surname), `surname` (a surname alone, "Putin": not right after
 * a first name) and `place-name` (also a place's name, "Amazon": not after
 * "the" nor before a noun of geography).  An alias with two or more
 * capitals and no lower-case letter ("US", "U.S.") defaults to `case`.
 *
 * A bad line is reported with its file, line and field, and skipped whole;
 * nothing of it is kept.  The first definition of an (id, type) pair wins;
 * a later source may add aliases to it, the same source may not repeat it.
 *
 * Building: aliases are normalised (normalize.c) into keys, sorted by key,
 * and duplicates removed; then the trie is built over the distinct keys,
 * each trie key pointing at its run of alias records.  Sorting makes the
 * compiled tagger independent of the order lines came in.
 */
#include "gazetteer.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case_rule.h"
#include "normalize.h"
#include "trie.h"

#define N_FIELDS 6
/* Longest normalised alias key, in bytes. */
#define MAX_KEY_LEN 1024

static const char *const field_names[N_FIELDS] = {"id", "type", "name",
                                                  "wikidata", "attrs", "aliases"};

typedef struct {
    size_t key_off;  /* in keys */
    const char *key; /* keys + key_off, set once keys stops growing */
    uint32_t key_len;
    tg_alias_t alias;
} pending_alias_t;

struct tg_gaz_builder {
    char *pool;
    size_t pool_len, pool_cap;
    tg_entity_t *entities;
    uint32_t *def_source; /* last source that defined or extended each entity */
    uint32_t *def_line;   /* and its line there */
    size_t n_entities, cap_entities;
    uint32_t *hash;       /* open addressing: entity index + 1, 0 = empty */
    size_t hash_cap;
    char *keys;
    size_t keys_len, keys_cap;
    pending_alias_t *aliases;
    size_t n_aliases, cap_aliases;
    uint32_t n_sources;
    tg_norm_t norm;
};

/* ------------------------------------------------------------------------ */
/* The string pool                                                           */

/* Adds a string to the pool; *off receives its offset. */
static int pool_add(tg_gaz_builder_t *b, const char *s, size_t len, uint32_t *off)
{
    if (b->pool_len + len + 1 > UINT32_MAX) {
        return TAGGER_ERR_NOMEM;
    }
    int rc = tg_grow((void **)&b->pool, &b->pool_cap, b->pool_len + len + 1, 1);
    if (rc) {
        return rc;
    }
    memcpy(b->pool + b->pool_len, s, len);
    b->pool[b->pool_len + len] = '\0';
    *off = (uint32_t)b->pool_len;
    b->pool_len += len + 1;
    return TAGGER_OK;
}

/* ------------------------------------------------------------------------ */
/* Entity lookup by (type, id)                                               */

static uint64_t hash_id(uint32_t kind, const char *id, size_t len)
{
    uint64_t h = 1469598103934665603ull ^ kind;
    for (size_t i = 0; i < len; i++) {
        h = (h ^ (unsigned char)id[i]) * 1099511628211ull;
    }
    return h;
}

/* Slot of (kind, id): the slot holding it, or the empty slot where it goes. */
static size_t hash_slot(const tg_gaz_builder_t *b, uint32_t kind, const char *id, size_t len)
{
    size_t mask = b->hash_cap - 1;
    size_t i = (size_t)hash_id(kind, id, len) & mask;
    for (;;) {
        uint32_t e = b->hash[i];
        if (e == 0) {
            return i;
        }
        const tg_entity_t *ent = &b->entities[e - 1];
        const char *eid = b->pool + ent->id;
        if (ent->kind == kind && strncmp(eid, id, len) == 0 && eid[len] == '\0') {
            return i;
        }
        i = (i + 1) & mask;
    }
}

static int hash_grow(tg_gaz_builder_t *b)
{
    size_t cap = b->hash_cap ? b->hash_cap * 2 : 1024;
    uint32_t *old = b->hash;
    size_t old_cap = b->hash_cap;
    b->hash = calloc(cap, sizeof *b->hash);
    if (!b->hash) {
        b->hash = old;
        return TAGGER_ERR_NOMEM;
    }
    b->hash_cap = cap;
    for (size_t i = 0; i < old_cap; i++) {
        if (old[i]) {
            const tg_entity_t *ent = &b->entities[old[i] - 1];
            const char *id = b->pool + ent->id;
            b->hash[hash_slot(b, ent->kind, id, strlen(id))] = old[i];
        }
    }
    free(old);
    return TAGGER_OK;
}

/* ------------------------------------------------------------------------ */
/* Parsing one line                                                          */

typedef struct {
    const char *s;
    size_t len;
} span_t;

typedef struct {
    const char *path;
    long line;
    tagger_error_t **err;
    int rc; /* TAGGER_ERR_NOMEM once reporting itself failed */
} line_ctx_t;

#ifdef __GNUC__
__attribute__((format(printf, 3, 4)))
#endif
static void
bad_field(line_ctx_t *lc, int field, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int rc;
    if (field > 0) {
        rc = tg_error_add(lc->err, lc->path, lc->line, "field %d (%s): %s", field,
                          field_names[field - 1], msg);
    } else {
        rc = tg_error_add(lc->err, lc->path, lc->line, "%s", msg);
    }
    if (rc) {
        lc->rc = rc;
    }
}

static span_t trim(span_t sp)
{
    while (sp.len && (sp.s[0] == ' ')) {
        sp.s++;
        sp.len--;
    }
    while (sp.len && (sp.s[sp.len - 1] == ' ')) {
        sp.len--;
    }
    return sp;
}

static bool span_eq(span_t sp, const char *lit)
{
    return strlen(lit) == sp.len && memcmp(sp.s, lit, sp.len) == 0;
}

static bool has_byte(span_t sp, char c)
{
    return memchr(sp.s, c, sp.len) != NULL;
}

/* Position of the first invalid UTF-8 byte in @p sp, or -1. */
static long first_bad_utf8(span_t sp)
{
    size_t i = 0;
    while (i < sp.len) {
        int32_t cp;
        size_t k = tg_utf8_decode((const unsigned char *)sp.s + i, sp.len - i, &cp);
        if (cp < 0) {
            return (long)i;
        }
        i += k;
    }
    return -1;
}

static bool valid_qid(span_t sp)
{
    if (sp.len < 2 || sp.s[0] != 'Q' || sp.len > 20) {
        return false;
    }
    for (size_t i = 1; i < sp.len; i++) {
        if (sp.s[i] < '0' || sp.s[i] > '9') {
            return false;
        }
    }
    return true;
}

/* Parses "key=value;key=value"; fills *country. */
static bool parse_attrs(line_ctx_t *lc, span_t sp, span_t *country)
{
    country->s = NULL;
    country->len = 0;
    if (span_eq(sp, "-")) {
        return true;
    }
    const char *p = sp.s, *end = sp.s + sp.len;
    while (p < end) {
        const char *semi = memchr(p, ';', (size_t)(end - p));
        const char *stop = semi ? semi : end;
        const char *eq = memchr(p, '=', (size_t)(stop - p));
        if (!eq || eq == p || eq + 1 == stop) {
            bad_field(lc, 5, "expected key=value, got '%.*s'", (int)(stop - p), p);
            return false;
        }
        span_t key = {p, (size_t)(eq - p)}, val = {eq + 1, (size_t)(stop - eq - 1)};
        if (span_eq(key, "country")) {
            if (val.len != 2 || val.s[0] < 'A' || val.s[0] > 'Z' || val.s[1] < 'A' ||
                val.s[1] > 'Z') {
                bad_field(lc, 5, "country must be an ISO 3166-1 alpha-2 code, got '%.*s'",
                          (int)val.len, val.s);
                return false;
            }
            *country = val;
        }
        /* Other keys are allowed and ignored, for forward compatibility. */
        p = semi ? semi + 1 : end;
    }
    return true;
}

/* Parses one alias entry "TEXT" or "TEXT{flag,...}" into its text and flags. */
static bool parse_alias(line_ctx_t *lc, span_t entry, int index, span_t *text_out,
                        uint32_t *flags_out)
{
    entry = trim(entry);
    span_t text = entry;
    bool have_rule = false;
    uint32_t flags = TG_CASE_CAP;
    const char *brace = entry.len ? memchr(entry.s, '{', entry.len) : NULL;
    if (brace) {
        if (entry.s[entry.len - 1] != '}') {
            bad_field(lc, 6, "alias %d ('%.*s'): '{' without a closing '}' at the end", index,
                      (int)entry.len, entry.s);
            return false;
        }
        text = trim((span_t){entry.s, (size_t)(brace - entry.s)});
        const char *p = brace + 1, *end = entry.s + entry.len - 1;
        while (p <= end) {
            const char *comma = memchr(p, ',', (size_t)(end - p));
            const char *stop = comma ? comma : end;
            span_t flag = trim((span_t){p, (size_t)(stop - p)});
            if (span_eq(flag, "cap") || span_eq(flag, "case") || span_eq(flag, "nocase")) {
                flags &= ~(uint32_t)TG_CASE_MASK;
                flags |= span_eq(flag, "cap")    ? TG_CASE_CAP
                         : span_eq(flag, "case") ? TG_CASE_EXACT
                                                 : TG_CASE_ANY;
                have_rule = true;
            } else if (span_eq(flag, "demonym")) {
                flags |= TG_ALIAS_DEMONYM;
            } else if (span_eq(flag, "weak")) {
                flags |= TG_ALIAS_WEAK;
            } else if (span_eq(flag, "given-name")) {
                flags |= TG_ALIAS_GIVEN_NAME;
            } else if (span_eq(flag, "after-place")) {
                flags |= TG_ALIAS_AFTER_PLACE;
            } else if (span_eq(flag, "titled")) {
                flags |= TG_ALIAS_TITLED;
            } else if (span_eq(flag, "surname")) {
                flags |= TG_ALIAS_SURNAME;
            } else if (span_eq(flag, "place-name")) {
                flags |= TG_ALIAS_PLACE_NAME;
            } else {
                bad_field(lc, 6, "alias %d ('%.*s'): unknown flag '%.*s'", index,
                          (int)text.len, text.s, (int)flag.len, flag.s);
                return false;
            }
            p = stop + 1;
        }
    }
    if (text.len == 0) {
        bad_field(lc, 6, "alias %d is empty", index);
        return false;
    }
    if (has_byte(text, '{') || has_byte(text, '}')) {
        bad_field(lc, 6, "alias %d ('%.*s'): stray brace", index, (int)text.len, text.s);
        return false;
    }
    if (!have_rule && tg_case_is_acronym(text.s, text.len)) {
        flags |= TG_CASE_EXACT;
    }
    *text_out = text;
    *flags_out = flags;
    return true;
}

/* Normalises one alias and appends it, with no entity yet, to the pending
 * aliases.  Returns false after reporting an alias that cannot be a key. */
static bool add_alias(tg_gaz_builder_t *b, line_ctx_t *lc, span_t entry, int index)
{
    span_t text;
    uint32_t flags;
    if (!parse_alias(lc, entry, index, &text, &flags)) {
        return false;
    }
    const tg_norm_t *n = &b->norm;
    if (tg_norm_text(&b->norm, text.s, text.len) ||
        tg_grow((void **)&b->keys, &b->keys_cap, b->keys_len + n->len, 1) ||
        tg_grow((void **)&b->aliases, &b->cap_aliases, b->n_aliases + 1, sizeof *b->aliases)) {
        lc->rc = TAGGER_ERR_NOMEM;
        return false;
    }
    bool word = false;
    for (size_t i = 0; i < n->len; i++) {
        if (n->cls[i] == TG_CLS_BREAK) {
            bad_field(lc, 6, "alias %d ('%.*s') holds a control character or line break",
                      index, (int)text.len, text.s);
            return false;
        }
        word |= (n->cls[i] != TG_CLS_SEP && n->cls[i] != TG_CLS_CONT);
    }
    if (!word) {
        bad_field(lc, 6, "alias %d ('%.*s') has no letter or digit", index, (int)text.len,
                  text.s);
        return false;
    }
    if (n->len > MAX_KEY_LEN) {
        bad_field(lc, 6, "alias %d is longer than %d bytes", index, MAX_KEY_LEN);
        return false;
    }
    pending_alias_t *pa = &b->aliases[b->n_aliases++];
    memcpy(b->keys + b->keys_len, n->text, n->len);
    pa->key_off = b->keys_len;
    pa->key = NULL;
    pa->key_len = (uint32_t)n->len;
    b->keys_len += n->len;
    pa->alias.entity = UINT32_MAX;
    pa->alias.flags = flags;
    tg_case_sig(text.s, text.len, flags, &pa->alias.sig);
    return true;
}

/* Grows the three per-entity arrays to hold one more entity. */
static int grow_entities(tg_gaz_builder_t *b)
{
    if (b->n_entities < b->cap_entities) {
        return TAGGER_OK;
    }
    if (b->n_entities >= UINT32_MAX / 2) {
        return TAGGER_ERR_NOMEM;
    }
    size_t cap = b->cap_entities ? 2 * b->cap_entities : 256;
    tg_entity_t *e = realloc(b->entities, cap * sizeof *e);
    if (!e) {
        return TAGGER_ERR_NOMEM;
    }
    b->entities = e;
    uint32_t *src = realloc(b->def_source, cap * sizeof *src);
    if (!src) {
        return TAGGER_ERR_NOMEM;
    }
    b->def_source = src;
    uint32_t *line = realloc(b->def_line, cap * sizeof *line);
    if (!line) {
        return TAGGER_ERR_NOMEM;
    }
    b->def_line = line;
    b->cap_entities = cap;
    return TAGGER_OK;
}

/* The entity (kind, id) of the current line: found, or defined from the
 * line's fields.  Returns UINT32_MAX after reporting a duplicate in the
 * same source, or on running out of memory (lc->rc says which). */
static uint32_t find_or_define(tg_gaz_builder_t *b, line_ctx_t *lc, int kind, span_t id,
                               span_t name, span_t wikidata, span_t country)
{
    if (b->n_entities * 2 >= b->hash_cap && hash_grow(b)) {
        lc->rc = TAGGER_ERR_NOMEM;
        return UINT32_MAX;
    }
    size_t slot = hash_slot(b, (uint32_t)kind, id.s, id.len);
    if (b->hash[slot]) {
        uint32_t entity = b->hash[slot] - 1;
        if (b->def_source[entity] == b->n_sources) {
            bad_field(lc, 1, "duplicate id '%.*s' (first defined at line %lu)", (int)id.len,
                      id.s, (unsigned long)b->def_line[entity]);
            return UINT32_MAX;
        }
        /* An earlier source's entity, extended by this one. */
        b->def_source[entity] = b->n_sources;
        b->def_line[entity] = (uint32_t)lc->line;
        return entity;
    }
    tg_entity_t e = {0, 0, 0, 0, (uint32_t)kind, TG_NONE};
    if (grow_entities(b) || pool_add(b, id.s, id.len, &e.id) ||
        pool_add(b, name.s, name.len, &e.name) ||
        (!span_eq(wikidata, "-") && pool_add(b, wikidata.s, wikidata.len, &e.wikidata)) ||
        (country.s && pool_add(b, country.s, country.len, &e.country))) {
        lc->rc = TAGGER_ERR_NOMEM;
        return UINT32_MAX;
    }
    uint32_t entity = (uint32_t)b->n_entities++;
    b->entities[entity] = e;
    b->def_source[entity] = b->n_sources;
    b->def_line[entity] = (uint32_t)lc->line;
    b->hash[slot] = entity + 1;
    return entity;
}

static int add_line(tg_gaz_builder_t *b, line_ctx_t *lc, span_t line)
{
    long bad = first_bad_utf8(line);
    if (bad >= 0) {
        int field = 1;
        for (long i = 0; i < bad; i++) {
            field += line.s[i] == '\t';
        }
        if (field <= N_FIELDS) {
            bad_field(lc, field, "invalid UTF-8 at byte %ld of the line", bad + 1);
        } else {
            bad_field(lc, 0, "invalid UTF-8 at byte %ld of the line", bad + 1);
        }
        return lc->rc;
    }
    span_t f[N_FIELDS];
    int n = 0;
    const char *p = line.s, *end = line.s + line.len;
    for (;;) {
        const char *tab = memchr(p, '\t', (size_t)(end - p));
        const char *stop = tab ? tab : end;
        if (n < N_FIELDS) {
            f[n] = (span_t){p, (size_t)(stop - p)};
        }
        n++;
        if (!tab) {
            break;
        }
        p = tab + 1;
    }
    if (n != N_FIELDS) {
        bad_field(lc, 0, "expected %d tab-separated fields (id, type, name, wikidata, attrs, "
                         "aliases), found %d",
                  N_FIELDS, n);
        return lc->rc;
    }
    span_t id = f[0], name = trim(f[2]), wikidata = f[3], country;
    if (id.len == 0 || has_byte(id, ' ')) {
        bad_field(lc, 1, "id must be non-empty and without spaces");
        return lc->rc;
    }
    char kind_name[16];
    int kind = 0;
    if (f[1].len < sizeof kind_name) {
        memcpy(kind_name, f[1].s, f[1].len);
        kind_name[f[1].len] = '\0';
        kind = tagger_kind_parse(kind_name);
    }
    if (!kind) {
        bad_field(lc, 2, "unknown type '%.*s' (expected PERSON, COUNTRY, PLACE or ORG)",
                  (int)f[1].len, f[1].s);
        return lc->rc;
    }
    if (name.len == 0) {
        bad_field(lc, 3, "empty name");
        return lc->rc;
    }
    if (!span_eq(wikidata, "-") && !valid_qid(wikidata)) {
        bad_field(lc, 4, "expected a Wikidata QID like Q423 or '-', got '%.*s'",
                  (int)wikidata.len, wikidata.s);
        return lc->rc;
    }
    if (!parse_attrs(lc, f[4], &country)) {
        return lc->rc;
    }

    if (trim(f[5]).len == 0) {
        bad_field(lc, 6, "no aliases: an entity needs at least one");
        return lc->rc;
    }

    /* Aliases go to the pending list first; a bad one takes the line back. */
    size_t keys_mark = b->keys_len, aliases_mark = b->n_aliases;
    const char *q = f[5].s, *fend = f[5].s + f[5].len;
    bool ok = true;
    for (int index = 1; ok; index++) {
        const char *bar = memchr(q, '|', (size_t)(fend - q));
        const char *stop = bar ? bar : fend;
        ok = add_alias(b, lc, (span_t){q, (size_t)(stop - q)}, index);
        if (!bar) {
            break;
        }
        q = bar + 1;
    }
    uint32_t entity = UINT32_MAX;
    if (ok) {
        entity = find_or_define(b, lc, kind, id, name, wikidata, country);
    }
    if (entity == UINT32_MAX) {
        b->keys_len = keys_mark;
        b->n_aliases = aliases_mark;
        return lc->rc;
    }
    for (size_t i = aliases_mark; i < b->n_aliases; i++) {
        b->aliases[i].alias.entity = entity;
    }
    return TAGGER_OK;
}

/* ------------------------------------------------------------------------ */
/* API                                                                       */

int tg_gaz_builder_new(tg_gaz_builder_t **out)
{
    *out = NULL;
    tg_gaz_builder_t *b = calloc(1, sizeof *b);
    if (!b) {
        return TAGGER_ERR_NOMEM;
    }
    uint32_t off;
    if (pool_add(b, "", 0, &off)) { /* offset 0: "none" */
        free(b);
        return TAGGER_ERR_NOMEM;
    }
    *out = b;
    return TAGGER_OK;
}

int tg_gaz_add(tg_gaz_builder_t *b, const char *path, const char *data, size_t len,
               tagger_error_t **err)
{
    line_ctx_t lc = {path, 0, err, TAGGER_OK};
    b->n_sources++;
    tg_skip_bom(&data, &len);
    for (size_t pos = 0; pos < len;) {
        span_t line;
        line.len = tg_next_line(data, len, &pos, &line.s);
        lc.line++;
        if (line.len && line.s[0] != '#' && trim(line).len) {
            lc.rc = TAGGER_OK;
            int rc = add_line(b, &lc, line);
            if (rc) {
                return rc;
            }
        }
    }
    return TAGGER_OK;
}

/* Sort order of pending aliases: key bytes, then entity, then flags. */
static int cmp_alias(const void *a, const void *b)
{
    const pending_alias_t *x = a, *y = b;
    size_t n = x->key_len < y->key_len ? x->key_len : y->key_len;
    int c = memcmp(x->key, y->key, n);
    if (c) {
        return c;
    }
    if (x->key_len != y->key_len) {
        return x->key_len < y->key_len ? -1 : 1;
    }
    if (x->alias.entity != y->alias.entity) {
        return x->alias.entity < y->alias.entity ? -1 : 1;
    }
    if (x->alias.flags != y->alias.flags) {
        return x->alias.flags < y->alias.flags ? -1 : 1;
    }
    if (x->alias.sig.bits != y->alias.sig.bits) {
        return x->alias.sig.bits < y->alias.sig.bits ? -1 : 1;
    }
    return (int)x->alias.sig.n - (int)y->alias.sig.n;
}

static bool same_alias(const pending_alias_t *x, const pending_alias_t *y)
{
    return x->key_len == y->key_len && memcmp(x->key, y->key, x->key_len) == 0 &&
           x->alias.entity == y->alias.entity && x->alias.flags == y->alias.flags &&
           x->alias.sig.bits == y->alias.sig.bits && x->alias.sig.n == y->alias.sig.n;
}

int tg_gaz_finish(tg_gaz_builder_t *b, tagger_t **out)
{
    *out = NULL;
    tagger_t *tg = calloc(1, sizeof *tg);
    tg_trie_key_t *tkeys = NULL;
    int rc = TAGGER_ERR_NOMEM;
    if (!tg) {
        return rc;
    }
    for (size_t i = 0; i < b->n_aliases; i++) {
        b->aliases[i].key = b->keys + b->aliases[i].key_off;
    }
    if (b->n_aliases > 1) { /* aliases is NULL without any: qsort(NULL) is UB */
        qsort(b->aliases, b->n_aliases, sizeof *b->aliases, cmp_alias);
    }

    tg->aliases = malloc((b->n_aliases ? b->n_aliases : 1) * sizeof *tg->aliases);
    tkeys = malloc((b->n_aliases ? b->n_aliases : 1) * sizeof *tkeys);
    if (!tg->aliases || !tkeys) {
        goto fail;
    }
    size_t n_keys = 0;
    for (size_t i = 0; i < b->n_aliases; i++) {
        const pending_alias_t *pa = &b->aliases[i];
        if (i > 0 && same_alias(pa, &b->aliases[i - 1])) {
            continue;
        }
        bool new_key = n_keys == 0 || tkeys[n_keys - 1].len != pa->key_len ||
                       memcmp(tkeys[n_keys - 1].key, pa->key, pa->key_len) != 0;
        if (new_key || tkeys[n_keys - 1].n_alias == UINT16_MAX) {
            if (!new_key) {
                continue; /* more than 65535 entities under one key: keep the first */
            }
            tkeys[n_keys++] = (tg_trie_key_t){pa->key, pa->key_len,
                                              (uint32_t)tg->n_aliases, 0};
        }
        tkeys[n_keys - 1].n_alias++;
        tg->aliases[tg->n_aliases++] = pa->alias;
    }
    if ((rc = tg_trie_build(&tg->trie, tkeys, n_keys))) {
        goto fail;
    }
    free(tkeys);

    /* Each entity that belongs to a country points at that COUNTRY entity. */
    for (size_t i = 0; i < b->n_entities; i++) {
        tg_entity_t *e = &b->entities[i];
        if (e->country && b->hash_cap) {
            const char *c = b->pool + e->country;
            uint32_t slot = b->hash[hash_slot(b, TAGGER_KIND_COUNTRY, c, strlen(c))];
            e->country_entity = slot ? slot - 1 : TG_NONE;
        }
    }

    tg->pool = b->pool;
    tg->pool_len = b->pool_len;
    tg->entities = b->entities;
    tg->n_entities = b->n_entities;
    b->pool = NULL;
    b->entities = NULL;
    b->pool_len = b->pool_cap = b->n_entities = b->cap_entities = 0;
    *out = tg;
    return TAGGER_OK;

fail:
    free(tkeys);
    free(tg->aliases);
    free(tg);
    return rc;
}

void tg_gaz_builder_free(tg_gaz_builder_t *b)
{
    if (!b) {
        return;
    }
    free(b->pool);
    free(b->entities);
    free(b->def_source);
    free(b->def_line);
    free(b->hash);
    free(b->keys);
    free(b->aliases);
    tg_norm_free(&b->norm);
    free(b);
}
