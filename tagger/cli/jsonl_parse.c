/*
 * jsonl_parse.c - one strict pass over a JSON Lines record (see
 * jsonl_parse.h).
 *
 * The slow path of a record (jsonl_record.c) is two passes and a tree:
 * jsonl_check_bytes() for what cJSON lets through, then cJSON, which
 * mallocs a node and a copy of every key and string, the article's text
 * included.  Nearly every record of a real stream is a plain object whose
 * text fields are strings, and for those this pass is all the parsing
 * there is: a recursive descent that checks everything the slow path
 * checks and records, for the top-level object only, where each member's
 * key and value lie in the line.  Nothing is allocated but the member list
 * (reused) and nothing is copied; the text fields are then copied once,
 * into the document: with memcpy when they hold no escape, else decoded
 * in place, 16 bytes copied at a time between two backslashes.
 *
 * Strings, most of the bytes, go through a loop that skips plain ASCII 16
 * bytes at a time with SSE2 (a test of each byte without it, about
 * five instructions), counting code points on the way (the document's
 * char offsets need them); other bytes are checked with utf8_valid_len()
 * and escapes one by one.
 *
 * The acceptance rule is one-sided on purpose: whatever this pass accepts,
 * the slow path would accept with the same values; what it refuses (a bad
 * line, or a good one outside its reach: deep nesting, long numbers, a
 * byte-order mark) goes to the slow path, which keeps every error message
 * as it was.  So the two can only differ in speed.
 */
#include "jsonl_parse.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* cJSON copies at most 63 bytes of a number before strtod(); a longer one
 * fails there, so it is refused here. */
#define CJSON_NUMBER_MAX 63

typedef struct {
    const unsigned char *s;
    size_t len, i;
    int depth;
} parser_t;

/* Whether byte @p c ends a run of plain string bytes: a control
 * character, the quote, the backslash or any non-ASCII byte. */
static inline bool string_stop(unsigned char c)
{
    return c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
}

static void skip_space(parser_t *p)
{
    while (p->i < p->len) {
        unsigned char c = p->s[p->i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            break;
        }
        p->i++;
    }
}

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* Value of the four hex digits at @p s, or -1 when they are not. */
static long hex4(const unsigned char *s)
{
    long v = 0;
    for (int k = 0; k < 4; k++) {
        unsigned char c = s[k];
        int d;
        if (is_digit(c)) {
            d = c - '0';
        } else if (c >= 'a' && c <= 'f') {
            d = c - 'a' + 10;
        } else if (c >= 'A' && c <= 'F') {
            d = c - 'A' + 10;
        } else {
            return -1;
        }
        v = v * 16 + d;
    }
    return v;
}

/* The \u escape at s[i] (a backslash): its code point with a surrogate pair
 * joined, and its length in @p n; -1 when it is malformed or unpaired. */
static long unicode_escape(const unsigned char *s, size_t len, size_t i, size_t *n)
{
    long code = len - i >= 6 ? hex4(s + i + 2) : -1;
    *n = 6;
    if (code < 0 || (code >= 0xDC00 && code <= 0xDFFF)) {
        return -1;
    }
    if (code >= 0xD800 && code <= 0xDBFF) {
        long low = len - i >= 12 && s[i + 6] == '\\' && s[i + 7] == 'u' ? hex4(s + i + 8) : -1;
        if (low < 0xDC00 || low > 0xDFFF) {
            return -1;
        }
        *n = 12;
        code = 0x10000 + (((code & 0x3FF) << 10) | (low & 0x3FF));
    }
    return code;
}

/* The end of the run of plain string bytes at s[i]: 16 bytes at a time
 * (one signed compare finds both the control characters and the bytes
 * beyond ASCII), then string_stop() per byte for the last few. */
static size_t skip_plain(const unsigned char *s, size_t len, size_t i)
{
#ifdef __SSE2__
    const __m128i space = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    while (len - i >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i stop = _mm_or_si128(_mm_cmplt_epi8(x, space),
                                    _mm_or_si128(_mm_cmpeq_epi8(x, quote),
                                                 _mm_cmpeq_epi8(x, backslash)));
        unsigned mask = (unsigned)_mm_movemask_epi8(stop);
        if (mask) {
            return i + (unsigned)__builtin_ctz(mask);
        }
        i += 16;
    }
#endif
    while (i < len && !string_stop(s[i])) {
        i++;
    }
    return i;
}

/* Whether \ and @p e make one of JSON's two-character escapes. */
static bool is_short_escape(unsigned char e)
{
    switch (e) {
    case '"':
    case '\\':
    case '/':
    case 'b':
    case 'f':
    case 'n':
    case 'r':
    case 't':
        return true;
    default:
        return false;
    }
}

/* What parse_string() learnt of a string. */
typedef struct {
    bool escaped, has_nul;
    size_t chars;
} string_info_t;

/* The string at p->i (its opening quote), up to its closing quote. */
static bool parse_string(parser_t *p, string_info_t *info)
{
    const unsigned char *s = p->s;
    size_t len = p->len, i = p->i + 1, chars = 0;
    bool escaped = false, has_nul = false;
    for (;;) {
        size_t run = i;
        i = skip_plain(s, len, i);
        chars += i - run;
        if (i >= len) {
            return false; /* no closing quote */
        }
        unsigned char c = s[i];
        if (c == '"') {
            break;
        }
        if (c >= 0x80) {
            size_t n = utf8_valid_len(s + i, len - i);
            if (n == 0) {
                return false;
            }
            i += n;
        } else if (c < 0x20) {
            return false;
        } else { /* a backslash */
            escaped = true;
            unsigned char e = i + 1 < len ? s[i + 1] : 0;
            if (e == 'u') {
                size_t n;
                long code = unicode_escape(s, len, i, &n);
                if (code < 0) {
                    return false;
                }
                has_nul |= code == 0;
                i += n;
            } else if (is_short_escape(e)) {
                i += 2;
            } else {
                return false;
            }
        }
        chars++;
    }
    info->escaped = escaped;
    info->has_nul = has_nul;
    info->chars = chars;
    p->i = i + 1;
    return true;
}

/* The number at p->i, by RFC 8259's grammar. */
static bool parse_number(parser_t *p)
{
    const unsigned char *s = p->s;
    size_t len = p->len, i = p->i;
    if (i < len && s[i] == '-') {
        i++;
    }
    if (i < len && s[i] == '0') {
        i++;
    } else if (i < len && is_digit(s[i])) {
        while (i < len && is_digit(s[i])) {
            i++;
        }
    } else {
        return false;
    }
    if (i < len && s[i] == '.') {
        size_t digits = ++i;
        while (i < len && is_digit(s[i])) {
            i++;
        }
        if (i == digits) {
            return false;
        }
    }
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < len && (s[i] == '+' || s[i] == '-')) {
            i++;
        }
        size_t digits = i;
        while (i < len && is_digit(s[i])) {
            i++;
        }
        if (i == digits) {
            return false;
        }
    }
    if (i - p->i > CJSON_NUMBER_MAX) {
        return false;
    }
    p->i = i;
    return true;
}

static bool parse_literal(parser_t *p, const char *word, size_t n)
{
    if (p->len - p->i < n || memcmp(p->s + p->i, word, n) != 0) {
        return false;
    }
    p->i += n;
    return true;
}

static int parse_value(parser_t *p, jp_member_t *m);

static bool members_add(jp_members_t *out, const jp_member_t *m)
{
    if (out->n == out->cap) {
        size_t cap = out->cap ? 2 * out->cap : 16;
        jp_member_t *grown = realloc(out->items, cap * sizeof *grown);
        if (!grown) {
            return false;
        }
        out->items = grown;
        out->cap = cap;
    }
    out->items[out->n++] = *m;
    out->any_key_escaped |= m->key_escaped;
    return true;
}

/* The object or array at p->i; members of the object go to @p out when it
 * is not NULL. */
static int parse_container(parser_t *p, jp_members_t *out)
{
    bool object = p->s[p->i] == '{';
    unsigned char close = object ? '}' : ']';
    if (++p->depth > JP_MAX_DEPTH) {
        return JP_REFUSED;
    }
    p->i++;
    skip_space(p);
    if (p->i < p->len && p->s[p->i] == close) {
        p->i++;
        p->depth--;
        return JP_OK;
    }
    for (;;) {
        jp_member_t member, *m = out ? &member : NULL;
        if (object) {
            if (p->i >= p->len || p->s[p->i] != '"') {
                return JP_REFUSED;
            }
            size_t key = p->i;
            string_info_t info;
            if (!parse_string(p, &info)) {
                return JP_REFUSED;
            }
            if (m) {
                m->key = (const char *)p->s + key + 1;
                m->key_len = p->i - key - 2;
                m->key_escaped = info.escaped;
            }
            skip_space(p);
            if (p->i >= p->len || p->s[p->i] != ':') {
                return JP_REFUSED;
            }
            p->i++;
            skip_space(p);
        }
        int rc = parse_value(p, m);
        if (rc != JP_OK) {
            return rc;
        }
        if (m && !members_add(out, m)) {
            return JP_NOMEM;
        }
        skip_space(p);
        if (p->i >= p->len) {
            return JP_REFUSED;
        }
        unsigned char c = p->s[p->i++];
        if (c == close) {
            break;
        }
        if (c != ',') {
            return JP_REFUSED;
        }
        skip_space(p);
    }
    p->depth--;
    return JP_OK;
}

/* Any value at p->i; its place and type go to @p m when it is not NULL. */
static int parse_value(parser_t *p, jp_member_t *m)
{
    if (p->i >= p->len) {
        return JP_REFUSED;
    }
    size_t start = p->i;
    unsigned char c = p->s[start];
    jp_type_t type;
    string_info_t info = {false, false, 0};
    bool ok;
    if (c == '"') {
        type = JP_STRING;
        ok = parse_string(p, &info);
    } else if (c == '{' || c == '[') {
        type = c == '{' ? JP_OBJECT : JP_ARRAY;
        int rc = parse_container(p, NULL);
        if (rc != JP_OK) {
            return rc;
        }
        ok = true;
    } else if (c == '-' || is_digit(c)) {
        type = JP_NUMBER;
        ok = parse_number(p);
    } else {
        type = JP_LITERAL;
        ok = parse_literal(p, "true", 4) || parse_literal(p, "false", 5) ||
             parse_literal(p, "null", 4);
    }
    if (!ok) {
        return JP_REFUSED;
    }
    if (m) {
        m->type = type;
        m->value = (const char *)p->s + start;
        m->value_len = p->i - start;
        m->value_escaped = info.escaped;
        m->value_has_nul = info.has_nul;
        m->value_chars = info.chars;
    }
    return JP_OK;
}

int jp_parse_object(const char *s, size_t len, jp_members_t *out)
{
    parser_t p = {(const unsigned char *)s, len, 0, 0};
    out->n = 0;
    out->any_key_escaped = false;
    skip_space(&p);
    if (p.i >= p.len || p.s[p.i] != '{') {
        return JP_REFUSED; /* not an object, or a byte-order mark first */
    }
    int rc = parse_container(&p, out);
    if (rc != JP_OK) {
        return rc;
    }
    skip_space(&p);
    return p.i == p.len ? JP_OK : JP_REFUSED;
}

const jp_member_t *jp_find(const jp_members_t *m, const char *key, size_t key_len)
{
    for (size_t i = 0; i < m->n; i++) {
        const jp_member_t *it = &m->items[i];
        if (it->key_len == key_len && memcmp(it->key, key, key_len) == 0) {
            return it;
        }
    }
    return NULL;
}

/* Copies s[i, len) to *d up to the first backslash, 16 bytes at a time
 * with SSE2 (a block is stored whole, then only its bytes before the
 * backslash count: the room for the decoded string covers it, since the
 * string never grows).  Returns where the backslash is, or len. */
static size_t copy_to_backslash(const unsigned char *s, size_t len, size_t i, char **d)
{
    char *o = *d;
#ifdef __SSE2__
    const __m128i backslash = _mm_set1_epi8('\\');
    while (len - i >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        _mm_storeu_si128((__m128i *)(void *)o, x);
        unsigned mask = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, backslash));
        if (mask) {
            unsigned k = (unsigned)__builtin_ctz(mask);
            *d = o + k;
            return i + k;
        }
        i += 16;
        o += 16;
    }
#endif
    while (i < len && s[i] != '\\') {
        *o++ = (char)s[i++];
    }
    *d = o;
    return i;
}

/* Decoded straight into the buffer: an escape never decodes to more bytes
 * than it takes (\uXXXX to three at most, a surrogate pair of twelve to
 * four), so the room of the string as it stands is enough. */
void jp_add_decoded(strbuf_t *out, const jp_member_t *m)
{
    const unsigned char *s = (const unsigned char *)m->value + 1;
    size_t len = m->value_len - 2; /* without the quotes */
    if (!m->value_escaped) {
        sb_add(out, (const char *)s, len);
        return;
    }
    char *start = sb_room(out, len);
    if (!start) {
        return;
    }
    char *d = start;
    size_t i = 0;
    while ((i = copy_to_backslash(s, len, i, &d)) < len) {
        size_t n = 2;
        switch (s[i + 1]) {
        case 'b':
            *d++ = '\b';
            break;
        case 'f':
            *d++ = '\f';
            break;
        case 'n':
            *d++ = '\n';
            break;
        case 'r':
            *d++ = '\r';
            break;
        case 't':
            *d++ = '\t';
            break;
        case 'u':
            d += utf8proc_encode_char((utf8proc_int32_t)unicode_escape(s, len, i, &n),
                                      (utf8proc_uint8_t *)d);
            break;
        default: /* " \\ / */
            *d++ = (char)s[i + 1];
            break;
        }
        i += n;
    }
    out->len += (size_t)(d - start);
}

void jp_members_free(jp_members_t *m)
{
    free(m->items);
    memset(m, 0, sizeof *m);
}
