/*
 * elided.c - "North and South Korea", "North or South Dakota": two names
 * that share their last words, which the text writes once, after the
 * second.  The scan finds "South Korea"; the word before " and " or " or ",
 * with the match's words after its first, spells "North Korea", which the
 * gazetteer knows too: that word is a mention of it.  Without this the
 * recognizer took the lone "North" for a place of its own, and North Korea
 * lost a mention.
 *
 * Only plain ASCII: the word is a capitalised run of letters, the match's
 * words letters and single spaces, so that the key is their lower case
 * (the gazetteer's normalisation of such text) and is looked up in the trie
 * as it stands.  The word takes the first alias of the key whose entity is
 * of the match's kind (a country for a country, a place for a place); it is
 * then resolved like any other hit.  Cost: a compare of the bytes before
 * each match of two words or more, and one merge of the new hits into the
 * list.
 */
#include "elided.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define MAX_WORD 24 /* bytes of the word before; longer is no such name */
#define MAX_KEY 64

static bool ascii_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

static bool ascii_letter(char c)
{
    return ascii_upper(c) || (c >= 'a' && c <= 'z');
}

/* The start of the words after the first in [start, end), all ASCII
 * letters and single spaces ("South Korea": " Korea"), or 0. */
static size_t rest_start(const char *text, size_t start, size_t end)
{
    size_t space = 0;
    for (size_t i = start; i < end; i++) {
        if (text[i] == ' ') {
            if (i == start || text[i - 1] == ' ') {
                return 0;
            }
            space = space ? space : i;
        } else if (!ascii_letter(text[i])) {
            return 0;
        }
    }
    return space && text[end - 1] != ' ' ? space : 0;
}

/* The start of the capitalised word that ends " and " or " or " before
 * @p start, or @p start when there is none. */
static size_t word_before_and(const char *text, size_t start)
{
    size_t end;
    if (start >= 6 && memcmp(text + start - 5, " and ", 5) == 0) {
        end = start - 5;
    } else if (start >= 5 && memcmp(text + start - 4, " or ", 4) == 0) {
        end = start - 4;
    } else {
        return start;
    }
    size_t w = end;
    while (w > 0 && end - w < MAX_WORD && ascii_letter(text[w - 1])) {
        w--;
    }
    bool whole = w == 0 || !((unsigned char)text[w - 1] >= 0x80 || ascii_letter(text[w - 1]) ||
                             (text[w - 1] >= '0' && text[w - 1] <= '9'));
    return whole && end - w >= 2 && ascii_upper(text[w]) ? w : start;
}

/* The alias of the key @p key (lower-case ASCII) whose entity is of
 * @p kind, or UINT32_MAX. */
static uint32_t alias_of_key(const tagger_t *tg, const char *key, size_t n, uint32_t kind)
{
    uint32_t node = 0;
    for (size_t i = 0; i < n && node != TG_TRIE_NONE; i++) {
        node = tg_trie_step(&tg->trie, node, (uint8_t)key[i]);
    }
    if (node == TG_TRIE_NONE || !tg_trie_is_key(&tg->trie, node)) {
        return UINT32_MAX;
    }
    const tg_trie_value_t *v = tg_trie_value(&tg->trie, node);
    for (uint32_t a = v->alias_first; a < v->alias_first + v->n_alias; a++) {
        if (tg->entities[tg->aliases[a].entity].kind == kind) {
            return a;
        }
    }
    return UINT32_MAX;
}

/* Merges the @p n hits @p add, in text order, into s->hits, in one pass
 * from the end (a text of many such names stays linear: an insertion
 * each, with the hits after it moved, was quadratic). */
static int merge_hits(tagger_scratch_t *s, const tg_hit_t *add, size_t n)
{
    if (tg_grow((void **)&s->hits, &s->cap_hits, s->n_hits + n, sizeof *s->hits)) {
        return TAGGER_ERR_NOMEM;
    }
    size_t i = s->n_hits, j = n, out = s->n_hits + n;
    while (j > 0) {
        if (i > 0 && s->hits[i - 1].start > add[j - 1].start) {
            s->hits[--out] = s->hits[--i];
        } else {
            s->hits[--out] = add[--j];
        }
    }
    s->n_hits += n;
    return TAGGER_OK;
}

int tg_elided_names(const tagger_t *tg, tagger_scratch_t *s, const char *text, size_t len)
{
    tg_hit_t *add = NULL;
    size_t n_add = 0, cap_add = 0;
    int rc = TAGGER_OK;
    for (size_t i = 0; i < s->n_hits; i++) {
        const tg_hit_t h = s->hits[i];
        uint32_t kind = tg->entities[tg->aliases[h.alias].entity].kind;
        if (kind != TAGGER_KIND_COUNTRY && kind != TAGGER_KIND_PLACE) {
            continue;
        }
        size_t w = word_before_and(text, h.start);
        size_t rest = w < h.start ? rest_start(text, h.start, h.end) : 0;
        if (!rest || (i > 0 && s->hits[i - 1].end > w)) {
            continue; /* no such word, or a match of its own */
        }
        size_t w_end = w;
        while (w_end < len && ascii_letter(text[w_end])) {
            w_end++;
        }
        char key[MAX_KEY];
        size_t n = 0;
        if ((w_end - w) + (h.end - rest) > sizeof key) {
            continue;
        }
        for (size_t k = w; k < w_end; k++) {
            key[n++] = tg_ascii_lower(text[k]);
        }
        for (size_t k = rest; k < h.end; k++) {
            key[n++] = tg_ascii_lower(text[k]);
        }
        uint32_t alias = alias_of_key(tg, key, n, kind);
        if (alias == UINT32_MAX || tg->aliases[alias].entity == tg->aliases[h.alias].entity) {
            continue;
        }
        if (tg_grow((void **)&add, &cap_add, n_add + 1, sizeof *add)) {
            rc = TAGGER_ERR_NOMEM;
            break;
        }
        add[n_add++] = (tg_hit_t){(uint32_t)w, (uint32_t)w_end, alias, 1};
    }
    if (rc == TAGGER_OK && n_add) {
        rc = merge_hits(s, add, n_add);
    }
    free(add);
    return rc;
}
