/*
 * model_file.c - writing and checking the compiled model container
 * (layout in model_file.h).
 *
 * The writer only collects (tag, bytes) pairs and lays them out once, so
 * the checksum is computed over the finished buffer.  The reader trusts
 * nothing: it checks the magic, version, byte order, that the file is as
 * long as it says, the checksum, and that every section lies inside the
 * file, is 8-byte aligned (the writer aligns to 64) and does not overlap
 * the header or table.  What a section holds is checked by its own reader
 * (tagger.c, trie.c), because only it knows which indexes must stay in
 * which bounds.
 */
#include "model_file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define FNV_OFFSET 0xcbf29ce484222325ull
#define FNV_PRIME 0x100000001b3ull
#define BYTE_ORDER_MARK 0x01020304u

typedef struct {
    char tag[4];
    const void *data;
    size_t len;
    void *owned;
} section_t;

struct tg_model_writer {
    section_t sections[TG_MODEL_MAX_SECTIONS];
    uint32_t n;
};

static inline uint64_t load64(const uint8_t *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

static inline void store64(uint8_t *p, uint64_t v)
{
    memcpy(p, &v, 8);
}

static inline void store32(uint8_t *p, uint32_t v)
{
    memcpy(p, &v, 4);
}

static inline uint32_t load32(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

uint64_t tg_model_checksum(const uint8_t *data, size_t len)
{
    uint64_t lane[4] = {FNV_OFFSET, FNV_OFFSET ^ 1, FNV_OFFSET ^ 2, FNV_OFFSET ^ 3};
    size_t i = 0;
    for (; i + 32 <= len; i += 32) {
        lane[0] = (lane[0] ^ load64(data + i)) * FNV_PRIME;
        lane[1] = (lane[1] ^ load64(data + i + 8)) * FNV_PRIME;
        lane[2] = (lane[2] ^ load64(data + i + 16)) * FNV_PRIME;
        lane[3] = (lane[3] ^ load64(data + i + 24)) * FNV_PRIME;
    }
    uint64_t h = FNV_OFFSET;
    for (int k = 0; k < 4; k++) {
        h = (h ^ lane[k]) * FNV_PRIME;
    }
    for (; i < len; i++) {
        h = (h ^ data[i]) * FNV_PRIME;
    }
    return h;
}

uint64_t tg_model_file_checksum(const uint8_t *file, size_t len)
{
    uint32_t version = load32(file + 8);
    uint64_t sum = tg_model_checksum(file + TG_MODEL_HEADER_SIZE, len - TG_MODEL_HEADER_SIZE);
    return version >= 3 ? (sum ^ version) * FNV_PRIME : sum;
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                   */

tg_model_writer_t *tg_model_writer_new(void)
{
    return calloc(1, sizeof(tg_model_writer_t));
}

int tg_model_writer_add(tg_model_writer_t *w, const char *tag, const void *data, size_t len)
{
    if (!w || !tag || strlen(tag) != 4 || (len && !data) || w->n == TG_MODEL_MAX_SECTIONS) {
        return TAGGER_ERR_MISUSE;
    }
    for (uint32_t i = 0; i < w->n; i++) {
        if (memcmp(w->sections[i].tag, tag, 4) == 0) {
            return TAGGER_ERR_MISUSE;
        }
    }
    section_t *s = &w->sections[w->n++];
    memcpy(s->tag, tag, 4);
    s->data = data;
    s->len = len;
    s->owned = NULL;
    return TAGGER_OK;
}

int tg_model_writer_add_owned(tg_model_writer_t *w, const char *tag, void *data, size_t len)
{
    int rc = tg_model_writer_add(w, tag, data, len);
    if (rc) {
        free(data);
        return rc;
    }
    w->sections[w->n - 1].owned = data;
    return TAGGER_OK;
}

/* Sections start on a cache line (64 bytes), so a table of 32- or 64-byte
 * entries read in place never has one across two lines (name_model.c). */
static size_t align64(size_t n)
{
    return (n + 63) & ~(size_t)63;
}

int tg_model_writer_finish(tg_model_writer_t *w, uint8_t **out, size_t *len)
{
    *out = NULL;
    *len = 0;
    size_t total = TG_MODEL_HEADER_SIZE + (size_t)w->n * TG_MODEL_SECTION_SIZE;
    for (uint32_t i = 0; i < w->n; i++) {
        if (w->sections[i].len > SIZE_MAX / 2 - total) {
            return TAGGER_ERR_NOMEM;
        }
        total = align64(total) + w->sections[i].len;
    }
    total = align64(total);
    uint8_t *buf = calloc(1, total);
    if (!buf) {
        return TAGGER_ERR_NOMEM;
    }
    size_t off = TG_MODEL_HEADER_SIZE + (size_t)w->n * TG_MODEL_SECTION_SIZE;
    for (uint32_t i = 0; i < w->n; i++) {
        const section_t *s = &w->sections[i];
        uint8_t *entry = buf + TG_MODEL_HEADER_SIZE + (size_t)i * TG_MODEL_SECTION_SIZE;
        off = align64(off);
        memcpy(entry, s->tag, 4);
        store64(entry + 8, off);
        store64(entry + 16, s->len);
        if (s->len) {
            memcpy(buf + off, s->data, s->len);
        }
        off += s->len;
    }
    memcpy(buf, TG_MODEL_MAGIC, 8);
    store32(buf + 8, TG_MODEL_VERSION);
    store32(buf + 12, BYTE_ORDER_MARK);
    store64(buf + 16, total);
    store32(buf + 32, w->n);
    store64(buf + 24, tg_model_file_checksum(buf, total));
    *out = buf;
    *len = total;
    return TAGGER_OK;
}

void tg_model_writer_free(tg_model_writer_t *w)
{
    if (!w) {
        return;
    }
    for (uint32_t i = 0; i < w->n; i++) {
        free(w->sections[i].owned);
    }
    free(w);
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                   */

static int bad(tagger_error_t **err, const char *name, int rc, const char *what)
{
    tg_error_add(err, name, 0, "%s", what);
    return rc;
}

static int open_view(tg_model_view_t *v, const void *data, size_t len, const char *name,
                     bool checksum, tagger_error_t **err)
{
    const uint8_t *p = data;
    char msg[200];
    memset(v, 0, sizeof *v);
    if (!name) {
        name = "(memory)";
    }
    if (!p || len < TG_MODEL_HEADER_SIZE || memcmp(p, TG_MODEL_MAGIC, 8) != 0) {
        if (p && len >= 4 && memcmp(p, TG_MODEL_MAGIC, 4) == 0) {
            return bad(err, name, TAGGER_ERR_FORMAT,
                       len < TG_MODEL_HEADER_SIZE
                           ? "truncated compiled model: shorter than its header"
                           : "damaged compiled model: bad magic number");
        }
        return bad(err, name, TAGGER_ERR_FORMAT,
                   "not a compiled tagger model (no model header; compile one with "
                   "'tagger compile')");
    }
    if (((uintptr_t)p & 7u) != 0) {
        return bad(err, name, TAGGER_ERR_MISUSE, "model data is not 8-byte aligned in memory");
    }
    if (load32(p + 12) != BYTE_ORDER_MARK) {
        return bad(err, name, TAGGER_ERR_FORMAT,
                   "compiled model of another byte order (or a damaged header)");
    }
    uint32_t version = load32(p + 8);
    if (version < TG_MODEL_VERSION_MIN || version > TG_MODEL_VERSION) {
        snprintf(msg, sizeof msg,
                 "compiled model format version %u; this tagger reads versions %u to %u "
                 "(recompile it with 'tagger compile')",
                 version, TG_MODEL_VERSION_MIN, TG_MODEL_VERSION);
        return bad(err, name, TAGGER_ERR_VERSION, msg);
    }
    uint64_t total = load64(p + 16);
    if (total != len) {
        snprintf(msg, sizeof msg,
                 "%s compiled model: the header says %llu bytes, there are %zu",
                 total > len ? "truncated" : "damaged", (unsigned long long)total, len);
        return bad(err, name, TAGGER_ERR_FORMAT, msg);
    }
    for (size_t i = 36; i < TG_MODEL_HEADER_SIZE; i++) {
        if (p[i] != 0) {
            return bad(err, name, TAGGER_ERR_FORMAT,
                       "damaged compiled model: reserved header bytes are not zero");
        }
    }
    uint32_t n = load32(p + 32);
    if (n > TG_MODEL_MAX_SECTIONS ||
        TG_MODEL_HEADER_SIZE + (size_t)n * TG_MODEL_SECTION_SIZE > len) {
        return bad(err, name, TAGGER_ERR_FORMAT,
                   "damaged compiled model: impossible section table");
    }
    if (checksum && tg_model_file_checksum(p, len) != load64(p + 24)) {
        return bad(err, name, TAGGER_ERR_FORMAT,
                   "damaged compiled model: checksum mismatch (the file was changed or "
                   "cut after it was written)");
    }
    size_t table_end = TG_MODEL_HEADER_SIZE + (size_t)n * TG_MODEL_SECTION_SIZE;
    for (uint32_t i = 0; i < n; i++) {
        const uint8_t *e = p + TG_MODEL_HEADER_SIZE + (size_t)i * TG_MODEL_SECTION_SIZE;
        uint64_t off = load64(e + 8), slen = load64(e + 16);
        if (off < table_end || off > len || slen > len - off || (off & 7u) != 0) {
            snprintf(msg, sizeof msg, "damaged compiled model: section %.4s lies outside the file",
                     (const char *)e);
            return bad(err, name, TAGGER_ERR_FORMAT, msg);
        }
    }
    v->data = p;
    v->len = len;
    v->n_sections = n;
    v->version = version;
    v->name = name;
    return TAGGER_OK;
}

int tg_model_open(tg_model_view_t *v, const void *data, size_t len, const char *name,
                  tagger_error_t **err)
{
    return open_view(v, data, len, name, true, err);
}

int tg_model_open_trusted(tg_model_view_t *v, const void *data, size_t len, const char *name,
                          tagger_error_t **err)
{
    return open_view(v, data, len, name, false, err);
}

int tg_model_section(const tg_model_view_t *v, const char *tag, size_t elem_size, int required,
                     const void **data, size_t *count, tagger_error_t **err)
{
    char msg[160];
    *data = NULL;
    *count = 0;
    for (uint32_t i = 0; i < v->n_sections; i++) {
        const uint8_t *e = v->data + TG_MODEL_HEADER_SIZE + (size_t)i * TG_MODEL_SECTION_SIZE;
        if (memcmp(e, tag, 4) != 0) {
            continue;
        }
        uint64_t off = load64(e + 8), slen = load64(e + 16);
        if (elem_size == 0 || slen % elem_size != 0) {
            snprintf(msg, sizeof msg,
                     "damaged compiled model: section %.4s holds %llu bytes, not a whole number "
                     "of %zu-byte records",
                     tag, (unsigned long long)slen, elem_size);
            return bad(err, v->name, TAGGER_ERR_FORMAT, msg);
        }
        *data = v->data + off;
        *count = (size_t)(slen / elem_size);
        return TAGGER_OK;
    }
    if (required) {
        snprintf(msg, sizeof msg, "damaged compiled model: no section %.4s", tag);
        return bad(err, v->name, TAGGER_ERR_FORMAT, msg);
    }
    return TAGGER_OK;
}
