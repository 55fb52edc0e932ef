/*
 * strbuf.c - growable byte buffer (see strbuf.h) and the two small UTF-8
 * and JSON-string helpers the output writers share.
 *
 * Growth doubles the capacity, so appending n bytes costs O(n) amortised;
 * buffers are reused from record to record (sb_clear), so a worker's
 * buffers stop growing once they hold its largest record.
 */
#include "strbuf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sb_init(strbuf_t *sb)
{
    memset(sb, 0, sizeof *sb);
}

void sb_free(strbuf_t *sb)
{
    free(sb->data);
    sb_init(sb);
}

void sb_clear(strbuf_t *sb)
{
    sb->len = 0;
    sb->failed = false;
}

bool sb_ok(const strbuf_t *sb)
{
    return !sb->failed;
}

/* Makes room for @p extra more bytes plus a NUL. */
static bool reserve(strbuf_t *sb, size_t extra)
{
    if (sb->failed) {
        return false;
    }
    if (sb->len + extra + 1 <= sb->cap) {
        return true;
    }
    size_t cap = sb->cap ? sb->cap : 256;
    while (cap < sb->len + extra + 1) {
        cap *= 2;
    }
    char *grown = realloc(sb->data, cap);
    if (!grown) {
        sb->failed = true;
        return false;
    }
    sb->data = grown;
    sb->cap = cap;
    return true;
}

void sb_add(strbuf_t *sb, const char *bytes, size_t len)
{
    if (len && reserve(sb, len)) {
        memcpy(sb->data + sb->len, bytes, len);
        sb->len += len;
    }
}

char *sb_room(strbuf_t *sb, size_t extra)
{
    return reserve(sb, extra) ? sb->data + sb->len : NULL;
}

void sb_adds(strbuf_t *sb, const char *s)
{
    sb_add(sb, s, strlen(s));
}

void sb_addc(strbuf_t *sb, char c)
{
    if (reserve(sb, 1)) {
        sb->data[sb->len++] = c;
    }
}

void sb_addf(strbuf_t *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !reserve(sb, (size_t)n)) {
        sb->failed = true;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb->len += (size_t)n;
}

const char *sb_cstr(strbuf_t *sb)
{
    if (!reserve(sb, 0)) {
        return "";
    }
    sb->data[sb->len] = '\0';
    return sb->data;
}

size_t utf8_valid_len(const unsigned char *s, size_t avail)
{
    unsigned char c = s[0];
    if (c < 0x80) {
        return 1;
    }
    size_t n;
    unsigned char lo = 0x80, hi = 0xBF; /* range of the second byte */
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        lo = c == 0xE0 ? 0xA0 : 0x80; /* no overlong forms */
        hi = c == 0xED ? 0x9F : 0xBF; /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        lo = c == 0xF0 ? 0x90 : 0x80;
        hi = c == 0xF4 ? 0x8F : 0xBF; /* nothing above U+10FFFF */
    } else {
        return 0;
    }
    if (avail < n || s[1] < lo || s[1] > hi) {
        return 0;
    }
    for (size_t i = 2; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            return 0;
        }
    }
    return n;
}

void sb_add_json_string(strbuf_t *sb, const char *s, size_t len, bool repair)
{
    const unsigned char *u = (const unsigned char *)s;
    sb_addc(sb, '"');
    size_t run = 0; /* start of the bytes not yet copied */
    for (size_t i = 0; i < len;) {
        unsigned char c = u[i];
        const char *esc = NULL;
        char hex[8];
        size_t step = 1;
        if (c == '"') {
            esc = "\\\"";
        } else if (c == '\\') {
            esc = "\\\\";
        } else if (c == '\n') {
            esc = "\\n";
        } else if (c == '\r') {
            esc = "\\r";
        } else if (c == '\t') {
            esc = "\\t";
        } else if (c < 0x20 || c == 0x7F) {
            snprintf(hex, sizeof hex, "\\u%04x", c);
            esc = hex;
        } else if (c >= 0x80) {
            step = utf8_valid_len(u + i, len - i);
            if (step == 0) {
                step = 1;
                esc = repair ? "\xEF\xBF\xBD" : NULL;
            }
        }
        if (esc) {
            sb_add(sb, s + run, i - run);
            sb_adds(sb, esc);
            run = i + step;
        }
        i += step;
    }
    sb_add(sb, s + run, len - run);
    sb_addc(sb, '"');
}

char *read_stream(FILE *f, size_t limit, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n > limit) {
            free(buf);
            errno = EFBIG; /* the caller names the limit */
            return NULL;
        }
        if (n < cap) {
            break;
        }
        char *grown = realloc(buf, cap * 2);
        if (!grown) {
            free(buf);
            errno = ENOMEM;
            return NULL;
        }
        buf = grown;
        cap *= 2;
    }
    if (buf && ferror(f)) {
        int e = errno;
        free(buf);
        errno = e ? e : EIO;
        return NULL;
    }
    *len = n;
    return buf;
}
