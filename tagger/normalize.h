/*
 * normalize.h - the one text normalisation shared by gazetteer compilation
 * and scanning, with a map from every normalised byte back to the input.
 */
#ifndef TG_NORMALIZE_H
#define TG_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

/* Character classes, stored at the first byte of each normalised code
 * point; bytes inside a code point hold TG_CLS_CONT. */
enum {
    TG_CLS_SEP = 0,    /* space, punctuation, symbol: separates words */
    TG_CLS_WORD = 1,   /* letter, digit or mark of a script written with spaces */
    TG_CLS_GLUED = 2,  /* word character of a script written without spaces
                          (Han, kana, Thai, ...): a word boundary on both sides */
    TG_CLS_HANGUL = 3, /* Hangul: particles attach at the end, so a name may be
                          followed by more Hangul but not preceded by it */
    TG_CLS_BREAK = 4,  /* paragraph break, control character or invalid byte:
                          no alias spans it */
    TG_CLS_CONT = 0xFF
};

/* Whether a class is a letter or digit of a script written with spaces
 * (Hangul included): two such code points side by side are one word. */
static inline int tg_cls_wordish(uint8_t cls)
{
    return cls == TG_CLS_WORD || cls == TG_CLS_HANGUL;
}

/* Largest input tg_norm_text() accepts: offsets are 32-bit. */
#define TG_NORM_MAX_INPUT ((size_t)UINT32_MAX - 1)

/* Zero bytes after the terminating NUL of a normalised text, so that the
 * scan may load a word 8 bytes at a time up to its end (trie.h). */
#define TG_NORM_PAD 16

typedef struct {
    char *text;     /* normalised UTF-8, NUL-terminated, then TG_NORM_PAD
                       more zero bytes */
    size_t len;
    uint32_t *src;  /* src[k]: input offset of the code point that produced
                       byte k; src[len] is the input length */
    uint8_t *cls;   /* TG_CLS_* per byte, as above; cls[len] is TG_CLS_BREAK */
    size_t cap;     /* allocated bytes in text (src and cls alike) */
    size_t n_invalid;     /* invalid UTF-8 bytes in the input */
    size_t first_invalid; /* offset of the first one */
} tg_norm_t;

/* Normalises @p len bytes of @p text into @p n, reusing its buffers.
 * Returns 0, TAGGER_ERR_NOMEM, or TAGGER_ERR_MISUSE when the input is longer
 * than TG_NORM_MAX_INPUT. */
int tg_norm_text(tg_norm_t *n, const char *text, size_t len);

/* Frees the buffers of @p n (not @p n itself). */
void tg_norm_free(tg_norm_t *n);

/* Input offset just past the code point (and the marks or ignorable
 * characters dropped after it) that produced normalised byte @p k. */
size_t tg_norm_src_end(const tg_norm_t *n, size_t k);

/* Decodes one code point of strict UTF-8 (no overlongs, surrogates or values
 * past U+10FFFF).  Returns the bytes consumed, at least 1 when @p len > 0;
 * sets @p *cp to -1 for an invalid byte, which is consumed alone. */
size_t tg_utf8_decode(const unsigned char *s, size_t len, int32_t *cp);

/* Number of code points in @p len bytes, counting each invalid byte as one. */
size_t tg_utf8_count(const char *s, size_t len);

/* Appends the UTF-8 encoding of @p cp to @p out; returns its length (1..4). */
size_t tg_utf8_encode(int32_t cp, char *out);

/* Unicode case class of a code point: 'U' upper or title case, 'L' lower
 * case, 0 uncased. */
int tg_case_class(int32_t cp);

#endif /* TG_NORMALIZE_H */
