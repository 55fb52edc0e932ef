/*
 * short_names.c - "Kim Jong Un ... Kim's": short forms within one document.
 *
 * News names a person in full once, then by surname (or given name); it
 * introduces an organization with its acronym in brackets, then uses the
 * acronym.  A gazetteer cannot list bare surnames (every "Kim" and "Brown"
 * would match), so short forms are made per document, from what it names
 * in full:
 *
 *   PERSON  the first and the last word of the canonical name ("Kim Jong
 *           Un": "Kim", "Un"; "Joe Biden": "Joe", "Biden"), skipping
 *           initials and suffixes such as "Jr.";
 *   ORG     an acronym in brackets right after a full mention: "World Food
 *           Programme (WFP)" makes "WFP" (a ticker in angle brackets too:
 *           "Boeing Co <BA>" makes "BA"); and the initials of a full
 *           mention's capitalised words, lower-case words skipped
 *           ("International Coffee Organization": "ICO"), valid in the
 *           whole document, as wires often use the acronym first (in the
 *           headline) and spell it out later without brackets.
 *
 * A short form then matches, after the first full mention (or anywhere in
 * the headline above the text: "TOWER REPORT DIMINISHES REAGAN'S HOPES"
 * over "President Reagan" is about the same man), a whole word
 * with exactly its case ("Kim", or "KIM" in an all-caps line) that is not
 * already part of a mention, is not followed by another capitalised word
 * ("Kim Yo Jong" is someone else) and does not follow a first name
 * ("Melania Trump" after "Donald Trump").  A word that is the short form
 * of two entities of the document is left out.  A match of a given-name,
 * weak or surname alias on the same word (the country "Jordan" after
 * "Michael Jordan") gives way to the short form.
 *
 * Cost: one pass over the normalised text's classes, per code point; a word
 * whose first byte starts no short form of the document (a 256-bit set) is
 * passed over without a search, and a word's input end is found only for a
 * short form (about 3 instructions per byte on Reuters, from 4.6).
 */
#include "short_names.h"

#include <stdlib.h>
#include <string.h>

#include "case_rule.h"
#include "resolve.h"

/* Name words that are not names: generational suffixes. */
static const char *const suffixes[] = {"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"};

static int add_short(tagger_scratch_t *s, const char *w, size_t n, uint32_t entity,
                     uint32_t after)
{
    if (tg_norm_text(&s->norm_aux, w, n)) {
        return TAGGER_ERR_NOMEM;
    }
    const tg_norm_t *key = &s->norm_aux;
    /* A form added again for the same entity is dropped by sort_shorts(). */
    if (tg_grow((void **)&s->shorts, &s->cap_shorts, s->n_shorts + 1, sizeof *s->shorts) ||
        tg_grow((void **)&s->short_keys, &s->short_keys_cap, s->short_keys_len + key->len, 1)) {
        return TAGGER_ERR_NOMEM;
    }
    struct tg_short *sh = &s->shorts[s->n_shorts++];
    memcpy(s->short_keys + s->short_keys_len, key->text, key->len);
    sh->key_off = s->short_keys_len;
    sh->key_len = key->len;
    s->short_keys_len += key->len;
    sh->entity = entity;
    sh->after = after;
    tg_case_sig(w, n, TG_CASE_EXACT, &sh->sig);
    return TAGGER_OK;
}

/* The first and last words of a person's canonical name. */
static int person_shorts(tagger_scratch_t *s, const char *name, uint32_t entity, uint32_t after)
{
    const char *words[16];
    size_t lens[16], n = 0;
    for (const char *p = name; *p && n < 16;) {
        while (*p == ' ') {
            p++;
        }
        const char *w = p;
        while (*p && *p != ' ') {
            p++;
        }
        size_t len = (size_t)(p - w);
        bool initial = len > 0 && w[len - 1] == '.' && len <= 2;
        bool suffix = tg_word_in(suffixes, sizeof suffixes / sizeof *suffixes, w, len);
        if (len >= 2 && !initial && !suffix) {
            words[n] = w;
            lens[n++] = len;
        }
    }
    if (n < 2) {
        return TAGGER_OK; /* a one-word name has no shorter form */
    }
    int rc = add_short(s, words[0], lens[0], entity, after);
    return rc ? rc : add_short(s, words[n - 1], lens[n - 1], entity, after);
}

/* "(WFP)" right after an organization's full mention, or a ticker symbol
 * in angle brackets, as wire copy writes one ("Delta Air Lines Inc
 * <DAL>"). */
static int org_acronym(tagger_scratch_t *s, const char *text, size_t len, uint32_t end,
                       uint32_t entity)
{
    size_t i = end;
    while (i < len && text[i] == ' ') {
        i++;
    }
    if (i >= len || (text[i] != '(' && text[i] != '<')) {
        return TAGGER_OK;
    }
    char close = text[i] == '(' ? ')' : '>';
    size_t a = ++i, upper = 0;
    while (i < len && i - a <= 12 &&
           ((text[i] >= 'A' && text[i] <= 'Z') || (text[i] >= 'a' && text[i] <= 'z') ||
            (text[i] >= '0' && text[i] <= '9') || text[i] == '&' || text[i] == '.' ||
            text[i] == '-')) {
        upper += text[i] >= 'A' && text[i] <= 'Z';
        i++;
    }
    if (i >= len || text[i] != close || upper < 2 || i - a < 2) {
        return TAGGER_OK;
    }
    return add_short(s, text + a, i - a, entity, end);
}

/* The initials of a full organization mention written in mixed case:
 * "International Coffee Organization" -> "ICO", "Organization of Petroleum
 * Exporting Countries" -> "OPEC".  Two or more initials; a word that starts
 * with neither a capital nor a lower-case letter ("1st") gives none. */
static int org_initials(tagger_scratch_t *s, const char *text, uint32_t start, uint32_t end,
                        uint32_t entity)
{
    char initials[16];
    size_t n = 0;
    bool lower = false;
    for (uint32_t i = start; i < end;) {
        while (i < end && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' ||
                           text[i] == '-')) {
            i++;
        }
        if (i >= end) {
            break;
        }
        char c = text[i];
        if (c >= 'A' && c <= 'Z') {
            if (n == sizeof initials) {
                return TAGGER_OK;
            }
            initials[n++] = c;
        } else if (!(c >= 'a' && c <= 'z')) {
            return TAGGER_OK;
        }
        while (i < end && text[i] != ' ' && text[i] != '\n' && text[i] != '\t' &&
               text[i] != '-') {
            lower |= text[i] >= 'a' && text[i] <= 'z';
            i++;
        }
    }
    /* An all-caps mention ("BANK OF JAPAN") cannot tell "of" from a name word. */
    return n >= 3 && lower ? add_short(s, initials, n, entity, 0) : TAGGER_OK;
}

/* Order of short forms: by key (length, then bytes), entity, then the
 * order they were added in. */
typedef struct {
    const char *key;
    struct tg_short sh;
    size_t added;
} sortable_t;

static int cmp_key(const char *a, size_t na, const char *b, size_t nb)
{
    if (na != nb) {
        return na < nb ? -1 : 1;
    }
    return memcmp(a, b, na);
}

static int cmp_sortable(const void *a, const void *b)
{
    const sortable_t *x = a, *y = b;
    int c = cmp_key(x->key, x->sh.key_len, y->key, y->sh.key_len);
    if (c) {
        return c;
    }
    if (x->sh.entity != y->sh.entity) {
        return x->sh.entity < y->sh.entity ? -1 : 1;
    }
    return x->added < y->added ? -1 : 1;
}

/* Sorts the short forms by key and keeps the first of each (key, entity),
 * so that each word of the text is looked up in log time: a long text
 * names thousands of people. */
static int sort_shorts(tagger_scratch_t *s)
{
    sortable_t *v = malloc(s->n_shorts * sizeof *v);
    if (!v) {
        return TAGGER_ERR_NOMEM;
    }
    for (size_t i = 0; i < s->n_shorts; i++) {
        v[i] = (sortable_t){s->short_keys + s->shorts[i].key_off, s->shorts[i], i};
    }
    qsort(v, s->n_shorts, sizeof *v, cmp_sortable);
    size_t n = 0;
    for (size_t i = 0; i < s->n_shorts; i++) {
        if (i > 0 && v[i].sh.entity == v[i - 1].sh.entity &&
            cmp_key(v[i].key, v[i].sh.key_len, v[i - 1].key, v[i - 1].sh.key_len) == 0) {
            continue;
        }
        s->shorts[n++] = v[i].sh;
    }
    s->n_shorts = n;
    free(v);
    return TAGGER_OK;
}

/* The short form a word is, when it is the short form of exactly one
 * entity of the document valid at @p at (or anywhere in the document, for
 * a word of the headline: @p in_title); otherwise NULL.  s->shorts is
 * sorted by key (sort_shorts). */
static const struct tg_short *lookup(const tagger_scratch_t *s, const char *key, size_t n,
                                     uint32_t at, bool in_title)
{
    size_t lo = 0, hi = s->n_shorts;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const struct tg_short *sh = &s->shorts[mid];
        if (cmp_key(s->short_keys + sh->key_off, sh->key_len, key, n) < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    const struct tg_short *found = NULL;
    for (size_t i = lo; i < s->n_shorts; i++) {
        const struct tg_short *sh = &s->shorts[i];
        if (cmp_key(s->short_keys + sh->key_off, sh->key_len, key, n) != 0) {
            break;
        }
        if (sh->after <= at || in_title) {
            if (found && found->entity != sh->entity) {
                return NULL;
            }
            found = found ? found : sh;
        }
    }
    return found;
}

int tg_short_names(const tagger_t *tg, tagger_scratch_t *s, const char *text, size_t len)
{
    s->n_shorts = 0;
    s->short_keys_len = 0;
    size_t n_recs = s->n_recs;
    for (size_t i = 0; i < n_recs; i++) {
        const tg_rec_t *r = &s->recs[i];
        if ((r->flags & TG_REC_DROPPED) || r->via != TAGGER_VIA_NAME) {
            continue;
        }
        const tg_entity_t *e = &tg->entities[r->entity];
        int rc = TAGGER_OK;
        if (e->kind == TAGGER_KIND_PERSON) {
            rc = person_shorts(s, tg_str(tg, e->name), r->entity, r->end);
        } else if (e->kind == TAGGER_KIND_ORG) {
            rc = org_acronym(s, text, len, r->end, r->entity);
            if (!rc) {
                rc = org_initials(s, text, r->start, r->end, r->entity);
            }
        }
        if (rc) {
            return rc;
        }
    }
    if (s->n_shorts == 0) {
        return TAGGER_OK;
    }
    if (sort_shorts(s)) {
        return TAGGER_ERR_NOMEM;
    }

    /* Walk the words of the text; s->recs[0, n_recs) are in text order up to
     * the place mentions appended at the end, which share their spans. */
    const tg_norm_t *n = &s->norm;
    /* The first bytes of the short forms: most words start with none of
     * them and are passed over without a search. */
    uint64_t first_byte[4] = {0, 0, 0, 0};
    for (size_t i = 0; i < s->n_shorts; i++) {
        if (s->shorts[i].key_len > 0) {
            uint8_t b = (uint8_t)s->short_keys[s->shorts[i].key_off];
            first_byte[b / 64] |= (uint64_t)1 << (b % 64);
        }
    }
    size_t rec = 0, cursor = 0;
    uint8_t prev = TG_CLS_BREAK;
    for (size_t k = 0; k < n->len;) {
        uint8_t c = n->cls[k];
        size_t next = k + 1;
        while (n->cls[next] == TG_CLS_CONT) {
            next++;
        }
        if (!tg_cls_wordish(c) || tg_cls_wordish(prev)) {
            prev = c;
            k = next;
            continue;
        }
        size_t e = next;
        while (e < n->len && (tg_cls_wordish(n->cls[e]) || n->cls[e] == TG_CLS_CONT)) {
            e++;
        }
        uint8_t b = (uint8_t)n->text[k];
        const struct tg_short *sh = NULL;
        uint32_t start = n->src[k];
        uint8_t zone = 0;
        if ((first_byte[b / 64] >> (b % 64)) & 1u) {
            zone = (uint8_t)tg_layout_zone(&s->layout, &cursor, start);
            sh = lookup(s, n->text + k, e - k, start, zone == TG_ZONE_TITLE);
        }
        if (sh) {
            uint32_t end = (uint32_t)tg_norm_src_end(n, e - 1);
            /* Is the word inside a standing mention? */
            while (rec < n_recs && s->recs[rec].end <= start) {
                rec++;
            }
            tg_rec_t *over = NULL;
            bool covered = false;
            for (size_t j = rec; j < n_recs && s->recs[j].start < end; j++) {
                if (!(s->recs[j].flags & TG_REC_DROPPED)) {
                    covered = true;
                    over = &s->recs[j];
                }
            }
            bool yields = over && over->start == start && over->end == end &&
                          over->alias != TG_NONE &&
                          (tg->aliases[over->alias].flags &
                           (TG_ALIAS_GIVEN_NAME | TG_ALIAS_WEAK | TG_ALIAS_SURNAME));
            if ((!covered || yields) &&
                tg_case_ok(text, len, start, end, TG_CASE_EXACT, &sh->sig) &&
                !tg_beside_capitalised_word(text, len, start, end, false) &&
                !tg_first_name_before(tg, text, start)) {
                if (yields) {
                    over->flags |= TG_REC_DROPPED;
                }
                tg_rec_t r = {start, end, sh->entity, TG_NONE, TAGGER_VIA_SHORT, zone, 0};
                if (tg_rec_add(s, &r)) {
                    return TAGGER_ERR_NOMEM;
                }
            }
        }
        prev = n->cls[e - 1] == TG_CLS_CONT ? TG_CLS_WORD : n->cls[e - 1];
        k = e;
    }
    return TAGGER_OK;
}
