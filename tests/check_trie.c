/*
 * check_trie.c - building and walking the double-array byte trie (trie.c,
 * trie.h), and rejecting a damaged one (tg_trie_validate).
 *
 * The small key set of most tests, sorted as tg_trie_build() wants it
 * (bytes ascending, a prefix before its extensions), and the trie it makes.
 * [k] marks a node where key k ends:
 *
 *   0 korea         root -k-> . -o-> . -r-> . -e-> . -a-> [0] -n-> [1]
 *   1 korean                |                                korea   korean
 *   2 north                 +-n-> . -o-> . -r-> . -t-> . -h-> [2] -' '-> . -k-> ...
 *   3 north korea                              |             north      -> [3] north korea
 *   4 norway                                   +-w-> . -a-> . -y-> [4]
 *                                                                  norway
 *
 * 21 nodes (the root and one per distinct key prefix); where they sit in
 * the array is the builder's business, so tests look at paths, not slots.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "tagger.h"
#include "trie.h"

static const char *const small_keys[] = {"korea", "korean", "north", "north korea", "norway"};
#define N_SMALL 5

/* Builds a trie over NUL-terminated keys; key i gets alias_first 100 * i
 * and n_alias i + 1, so each terminal says which key it is. */
static void build_strings(tg_trie_t *t, const char *const *keys, size_t n)
{
    tg_trie_key_t *tk = calloc(n ? n : 1, sizeof *tk);
    ck_assert_ptr_nonnull(tk);
    for (size_t i = 0; i < n; i++) {
        tk[i] = (tg_trie_key_t){keys[i], strlen(keys[i]), (uint32_t)(100 * i), (uint16_t)(i + 1)};
    }
    ck_assert_int_eq(tg_trie_build(t, tk, n), TAGGER_OK);
    free(tk);
}

/* Follows @p len bytes of @p s from the root: the node reached, or
 * TG_TRIE_NONE. */
static uint32_t walk(const tg_trie_t *t, const char *s, size_t len)
{
    uint32_t node = 0;
    for (size_t i = 0; i < len && node != TG_TRIE_NONE; i++) {
        node = tg_trie_step(t, node, (uint8_t)s[i]);
    }
    return node;
}

static uint32_t walk_str(const tg_trie_t *t, const char *s)
{
    return walk(t, s, strlen(s));
}

/* ------------------------------------------------------------------------ */

/* Number of nodes reachable from the root, and of byte edges out of it. */
static size_t count_nodes(const tg_trie_t *t, uint32_t node, size_t *root_edges)
{
    size_t n = 1, edges = 0;
    for (int b = 0; b < 256; b++) {
        uint32_t child = tg_trie_step(t, node, (uint8_t)b);
        if (child != TG_TRIE_NONE) {
            n += count_nodes(t, child, NULL);
            edges++;
        }
    }
    if (root_edges) {
        *root_edges = edges;
    }
    return n;
}

START_TEST(test_small_shape)
{
    tg_trie_t t;
    build_strings(&t, small_keys, N_SMALL);
    size_t root_edges;
    ck_assert_uint_eq(count_nodes(&t, 0, &root_edges), 21);
    ck_assert_uint_eq(root_edges, 2); /* 'k' and 'n' */
    ck_assert(!tg_trie_is_key(&t, 0));
    ck_assert_uint_eq(t.n_keys, 5);
    size_t where;
    ck_assert_ptr_null(tg_trie_validate(&t, 1000, &where));
    /* distinct paths reach distinct nodes */
    ck_assert_uint_ne(walk_str(&t, "korea"), walk_str(&t, "north"));
    ck_assert_uint_ne(walk_str(&t, "k"), walk_str(&t, "n"));
    tg_trie_free(&t);
}
END_TEST

START_TEST(test_small_keys_found)
{
    tg_trie_t t;
    build_strings(&t, small_keys, N_SMALL);
    for (size_t i = 0; i < N_SMALL; i++) {
        uint32_t node = walk_str(&t, small_keys[i]);
        ck_assert_msg(node != TG_TRIE_NONE, "key '%s' not found", small_keys[i]);
        ck_assert(tg_trie_is_key(&t, node));
        ck_assert_uint_eq(tg_trie_value(&t, node)->alias_first, 100 * i);
        ck_assert_uint_eq(tg_trie_value(&t, node)->n_alias, i + 1);
    }
    tg_trie_free(&t);
}
END_TEST

/* Inner nodes are not keys; bytes off every path lead nowhere. */
START_TEST(test_small_non_keys)
{
    static const char *const inner[] = {"k", "kor", "nort", "north ", "north k", "norwa"};
    static const char *const absent[] = {"x",     "korx",    "koreans",    "north korean",
                                         "Korea", "norway ", "south korea"};
    tg_trie_t t;
    build_strings(&t, small_keys, N_SMALL);
    for (size_t i = 0; i < sizeof inner / sizeof inner[0]; i++) {
        uint32_t node = walk_str(&t, inner[i]);
        ck_assert_msg(node != TG_TRIE_NONE, "prefix '%s' lost", inner[i]);
        ck_assert_msg(!tg_trie_is_key(&t, node), "prefix '%s' ends a key", inner[i]);
    }
    for (size_t i = 0; i < sizeof absent / sizeof absent[0]; i++) {
        ck_assert_msg(walk_str(&t, absent[i]) == TG_TRIE_NONE, "'%s' found", absent[i]);
    }
    tg_trie_free(&t);
}
END_TEST

/* "korea" is a key and a prefix of "korean": walking "korean" passes
 * through the terminal of "korea" and goes on. */
START_TEST(test_prefix_key)
{
    tg_trie_t t;
    build_strings(&t, small_keys, N_SMALL);
    const char *text = "korean";
    uint32_t node = 0, seen_korea = TG_TRIE_NONE;
    for (size_t i = 0; text[i]; i++) {
        node = tg_trie_step(&t, node, (uint8_t)text[i]);
        ck_assert_uint_ne(node, TG_TRIE_NONE);
        if (i == 4) {
            seen_korea = node;
        }
    }
    ck_assert(tg_trie_is_key(&t, seen_korea));
    ck_assert_uint_eq(tg_trie_value(&t, seen_korea)->n_alias, 1); /* key 0, "korea" */
    ck_assert_uint_eq(tg_trie_value(&t, seen_korea)->alias_first, 0);
    ck_assert_uint_eq(count_nodes(&t, seen_korea, NULL), 2); /* on to 'n' */
    ck_assert(tg_trie_is_key(&t, node));
    ck_assert_uint_eq(tg_trie_value(&t, node)->n_alias, 2); /* key 1, "korean" */
    ck_assert_uint_eq(tg_trie_value(&t, node)->alias_first, 100);
    ck_assert_uint_eq(count_nodes(&t, node, NULL), 1);
    tg_trie_free(&t);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Wide nodes: many codes under one base.                                    */

/*   root -x-> 1 -a-> [2]  -b-> [3] ... -z-> [27]     26 edges under "x" */
START_TEST(test_wide_node)
{
    char keys[26][3];
    const char *ptrs[26];
    for (int i = 0; i < 26; i++) {
        keys[i][0] = 'x';
        keys[i][1] = (char)('a' + i);
        keys[i][2] = '\0';
        ptrs[i] = keys[i];
    }
    tg_trie_t t;
    build_strings(&t, ptrs, 26);
    uint32_t x = walk_str(&t, "x");
    ck_assert_uint_eq(count_nodes(&t, x, NULL), 27);
    for (int i = 0; i < 26; i++) {
        uint32_t node = tg_trie_step(&t, x, (uint8_t)('a' + i));
        ck_assert_msg(node != TG_TRIE_NONE, "x%c not found", 'a' + i);
        ck_assert_uint_eq(tg_trie_value(&t, node)->alias_first, 100 * (uint32_t)i);
    }
    /* below, between and above the labels */
    static const uint8_t absent[] = {0, '0', 'A', '`', '{', 0x7F, 0x80, 0xFF};
    for (size_t i = 0; i < sizeof absent; i++) {
        ck_assert_msg(tg_trie_step(&t, x, absent[i]) == TG_TRIE_NONE, "byte %u found", absent[i]);
    }
    tg_trie_free(&t);
}
END_TEST

/* One key per byte value at the root, and a non-root node with all 256
 * byte values below it ("\xff" followed by every byte). */
START_TEST(test_all_256_bytes)
{
    enum { N = 256 + 256 };
    tg_trie_key_t tk[N];
    static char one[256], two[256][2];
    size_t n = 0;
    for (int b = 0; b < 256; b++) {
        one[b] = (char)b;
        tk[n++] = (tg_trie_key_t){&one[b], 1, (uint32_t)b, 1};
        if (b == 255) {
            for (int c = 0; c < 256; c++) {
                two[c][0] = (char)0xFF;
                two[c][1] = (char)c;
                tk[n++] = (tg_trie_key_t){two[c], 2, (uint32_t)(1000 + c), 1};
            }
        }
    }
    ck_assert_uint_eq(n, N);
    tg_trie_t t;
    ck_assert_int_eq(tg_trie_build(&t, tk, n), TAGGER_OK);
    size_t root_edges;
    ck_assert_uint_eq(count_nodes(&t, 0, &root_edges), 1 + 256 + 256);
    ck_assert_uint_eq(root_edges, 256);
    for (int b = 0; b < 256; b++) {
        uint32_t node = tg_trie_step(&t, 0, (uint8_t)b);
        ck_assert_msg(node != TG_TRIE_NONE, "byte %d not found at the root", b);
        ck_assert_uint_eq(tg_trie_value(&t, node)->alias_first, (uint32_t)b);
    }
    uint32_t ff = tg_trie_step(&t, 0, 0xFF);
    ck_assert_uint_eq(count_nodes(&t, ff, NULL), 257);
    for (int c = 0; c < 256; c++) {
        uint32_t node = tg_trie_step(&t, ff, (uint8_t)c);
        ck_assert_msg(node != TG_TRIE_NONE, "\\xff\\x%02x not found", c);
        ck_assert_uint_eq(tg_trie_value(&t, node)->alias_first, (uint32_t)(1000 + c));
    }
    /* the one-byte key 0x00 has no children */
    ck_assert_uint_eq(tg_trie_step(&t, tg_trie_step(&t, 0, 0), 0), TG_TRIE_NONE);
    tg_trie_free(&t);
}
END_TEST

START_TEST(test_empty_key_set)
{
    tg_trie_t t;
    ck_assert_int_eq(tg_trie_build(&t, NULL, 0), TAGGER_OK);
    ck_assert_uint_eq(t.n_keys, 0);
    ck_assert(!tg_trie_is_key(&t, 0));
    for (int b = 0; b < 256; b++) {
        ck_assert_uint_eq(tg_trie_step(&t, 0, (uint8_t)b), TG_TRIE_NONE);
    }
    tg_trie_free(&t);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Many keys                                                                 */

typedef struct {
    char s[16];
    size_t len;
} gen_key_t;

static int cmp_gen(const void *a, const void *b)
{
    const gen_key_t *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->s, y->s, n);
    if (c) {
        return c;
    }
    return (x->len > y->len) - (x->len < y->len);
}

/* Keys of 1..12 bytes over a small alphabet (so that prefixes are shared
 * and nodes get wide), from a fixed linear congruential generator. */
static size_t gen_keys(gen_key_t *k, size_t n)
{
    static const char alpha[] = "aeiknorstu \xC3\xA9";
    uint32_t x = 12345;
    for (size_t i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        k[i].len = 1 + (x >> 16) % 12;
        for (size_t j = 0; j < k[i].len; j++) {
            x = x * 1103515245u + 12345u;
            k[i].s[j] = alpha[(x >> 16) % (sizeof alpha - 1)];
        }
    }
    qsort(k, n, sizeof *k, cmp_gen);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (m == 0 || cmp_gen(&k[m - 1], &k[i]) != 0) {
            k[m++] = k[i];
        }
    }
    return m;
}

START_TEST(test_thousands_of_keys)
{
    enum { N = 5000 };
    gen_key_t *keys = malloc(N * sizeof *keys);
    tg_trie_key_t *tk = malloc(N * sizeof *tk);
    ck_assert_ptr_nonnull(keys);
    ck_assert_ptr_nonnull(tk);
    size_t n = gen_keys(keys, N);
    ck_assert_uint_gt(n, 3000);
    for (size_t i = 0; i < n; i++) {
        tk[i] = (tg_trie_key_t){keys[i].s, keys[i].len, (uint32_t)i, 1};
    }
    tg_trie_t t;
    ck_assert_int_eq(tg_trie_build(&t, tk, n), TAGGER_OK);
    for (size_t i = 0; i < n; i++) {
        uint32_t node = walk(&t, keys[i].s, keys[i].len);
        ck_assert_msg(node != TG_TRIE_NONE, "key %zu not found", i);
        ck_assert(tg_trie_is_key(&t, node));
        ck_assert_uint_eq(tg_trie_value(&t, node)->n_alias, 1);
        ck_assert_uint_eq(tg_trie_value(&t, node)->alias_first, i);
    }
    /* Every key plus a byte outside the alphabet is absent, and a 13-byte
     * string (longer than any key) is absent. */
    for (size_t i = 0; i < n; i++) {
        char s[17];
        memcpy(s, keys[i].s, keys[i].len);
        s[keys[i].len] = 'z';
        ck_assert_uint_eq(walk(&t, s, keys[i].len + 1), TG_TRIE_NONE);
    }
    ck_assert_uint_eq(walk_str(&t, "aaaaaaaaaaaaa"), TG_TRIE_NONE);
    /* The number of terminals equals the number of keys. */
    size_t terminals = 0;
    for (size_t v = 0; v < t.n_units; v++) {
        terminals += (t.units[v].check != TG_TRIE_NONE || v == 0) && tg_trie_is_key(&t, (uint32_t)v);
    }
    ck_assert_uint_eq(terminals, n);
    size_t where;
    ck_assert_ptr_null(tg_trie_validate(&t, n, &where));
    /* The array is dense enough: well under two units per node and key. */
    size_t nodes = count_nodes(&t, 0, NULL);
    ck_assert_uint_lt(t.n_units, 2 * (nodes + n) + TG_TRIE_PAD);
    tg_trie_free(&t);
    free(tk);
    free(keys);
}
END_TEST

/* A trie read from a damaged file: a base past the end, a terminal flag on
 * a node that is not one, a key run past the alias records. */
START_TEST(test_validate_rejects_damage)
{
    tg_trie_t t;
    build_strings(&t, small_keys, N_SMALL);
    tg_trie_unit_t *units = malloc(t.n_units * sizeof *units);
    ck_assert_ptr_nonnull(units);
    tg_trie_t bad = t;
    bad.units = units;
    bad.owned = false;
    size_t where;

    memcpy(units, t.units, t.n_units * sizeof *units);
    uint32_t korea = walk_str(&t, "korea");
    units[korea].base = (uint32_t)(t.n_units - 10) | TG_TRIE_TERMINAL;
    ck_assert_str_eq(tg_trie_validate(&bad, 1000, &where), "trie unit points past the end");
    ck_assert_uint_eq(where, korea);

    memcpy(units, t.units, t.n_units * sizeof *units);
    uint32_t kor = walk_str(&t, "kor");
    units[kor].base |= TG_TRIE_TERMINAL;
    ck_assert_str_eq(tg_trie_validate(&bad, 1000, &where),
                     "trie terminal does not point at a key");

    memcpy(units, t.units, t.n_units * sizeof *units);
    /* key 4 ("norway") has alias records [400, 405) */
    ck_assert_ptr_null(tg_trie_validate(&bad, 405, &where));
    ck_assert_str_eq(tg_trie_validate(&bad, 404, &where),
                     "trie key points past the alias records");
    ck_assert_uint_eq(where, 4);
    free(units);
    tg_trie_free(&t);
}
END_TEST

/* The first-word sets the scan uses to skip words (trie.h). */
START_TEST(test_first_word_sets)
{
    static const char *const keys[] = {"cote d'ivoire", "korea", "north korea", "the hague",
                                       "u.s.", "\xe5\x8c\x97"};
    tg_trie_t t;
    build_strings(&t, keys, 6);
#define IN(set, s) tg_trie_first_word(&t, (set), (const uint8_t *)(s), strlen(s))
    ck_assert(IN(TG_FW_ANY, "korea"));
    ck_assert(IN(TG_FW_ANY, "north"));
    ck_assert(IN(TG_FW_ANY, "the"));
    ck_assert(IN(TG_FW_ANY, "u"));
    ck_assert(IN(TG_FW_ANY, "cote"));
    ck_assert(!IN(TG_FW_ANY, "company"));
    ck_assert(!IN(TG_FW_ANY, "kor"));
    ck_assert(IN(TG_FW_ALONE, "korea"));
    ck_assert(!IN(TG_FW_ALONE, "north")); /* only in "north korea" */
    ck_assert(!IN(TG_FW_ALONE, "u"));     /* "u.s." has a second word */
    ck_assert(IN(TG_FW_PAIR, "north korea"));
    ck_assert(IN(TG_FW_PAIR, "the hague"));
    ck_assert(IN(TG_FW_PAIR, "u.s"));
    ck_assert(IN(TG_FW_PAIR, "cote d"));
    ck_assert(!IN(TG_FW_PAIR, "the company"));
    ck_assert(!IN(TG_FW_PAIR, "north"));
#undef IN
    tg_trie_free(&t);
}
END_TEST

/* The scan's hash (reading up to 7 bytes past the word) and the
 * compiler's (reading only the word) agree at every length, the chunk
 * edges included, and on any byte values. */
START_TEST(test_first_word_hash_padded)
{
    uint8_t buf[40 + 16];
    for (size_t i = 0; i < sizeof buf; i++) {
        buf[i] = (uint8_t)(i * 37 + 0x81); /* non-ASCII and ASCII mixed */
    }
    for (size_t len = 1; len <= 40; len++) {
        uint8_t word[40];
        memcpy(word, buf, len);
        ck_assert_uint_eq(tg_fw_hash_padded(buf, len), tg_fw_hash(word, len));
    }
    /* What follows the word does not count; its length does. */
    const uint8_t *a = (const uint8_t *)"korea\0\0\0\0\0\0\0\0\0\0\0";
    const uint8_t *b = (const uint8_t *)"koreans and more";
    ck_assert_uint_eq(tg_fw_hash_padded(a, 5), tg_fw_hash_padded(b, 5));
    ck_assert_uint_ne(tg_fw_hash_padded(b, 5), tg_fw_hash_padded(b, 6));
    ck_assert_uint_ne(tg_fw_hash_padded(a, 5), tg_fw_hash_padded(a, 6)); /* a NUL more */
    /* A pair depends on its separators. */
    uint64_t n = tg_fw_hash((const uint8_t *)"north", 5), k = tg_fw_hash((const uint8_t *)"korea", 5);
    ck_assert_uint_ne(tg_fw_pair(n, tg_fw_hash((const uint8_t *)" ", 1), k),
                      tg_fw_pair(n, tg_fw_hash((const uint8_t *)"-", 1), k));
}
END_TEST

/* A first word whose cache line holds more pairs than bits: the pairs are
 * all found (the filter has no false negatives, whatever the load; false
 * positives, such as "rep" alone here, are allowed). */
START_TEST(test_first_word_many_pairs)
{
    enum { N = 600 };
    char *store = malloc(N * 16);
    const char **keys = malloc(N * sizeof *keys);
    ck_assert_ptr_nonnull(store);
    ck_assert_ptr_nonnull(keys);
    for (int i = 0; i < N; i++) {
        snprintf(store + 16 * i, 16, "rep %05d", i); /* sorted, unique */
        keys[i] = store + 16 * i;
    }
    tg_trie_t t;
    build_strings(&t, keys, N);
    for (int i = 0; i < N; i++) {
        ck_assert(tg_trie_first_word(&t, TG_FW_PAIR, (const uint8_t *)keys[i], strlen(keys[i])));
    }
    ck_assert(tg_trie_first_word(&t, TG_FW_ANY, (const uint8_t *)"rep", 3));
    /* Not a word, or not a pair: no. */
    ck_assert(!tg_trie_first_word(&t, TG_FW_ANY, (const uint8_t *)"rep 00001", 9));
    ck_assert(!tg_trie_first_word(&t, TG_FW_PAIR, (const uint8_t *)"rep", 3));
    ck_assert(!tg_trie_first_word(&t, TG_FW_PAIR, (const uint8_t *)"", 0));
    tg_trie_free(&t);
    free(keys);
    free(store);
}
END_TEST

Suite *trie_suite(void)
{
    Suite *s = suite_create("trie");
    TCase *tc = tcase_create("small");
    tcase_add_test(tc, test_small_shape);
    tcase_add_test(tc, test_small_keys_found);
    tcase_add_test(tc, test_small_non_keys);
    tcase_add_test(tc, test_prefix_key);
    suite_add_tcase(s, tc);

    tc = tcase_create("wide");
    tcase_add_test(tc, test_wide_node);
    tcase_add_test(tc, test_all_256_bytes);
    tcase_add_test(tc, test_empty_key_set);
    suite_add_tcase(s, tc);

    tc = tcase_create("first_words");
    tcase_add_test(tc, test_first_word_sets);
    tcase_add_test(tc, test_first_word_hash_padded);
    tcase_add_test(tc, test_first_word_many_pairs);
    suite_add_tcase(s, tc);

    tc = tcase_create("validate");
    tcase_add_test(tc, test_validate_rejects_damage);
    suite_add_tcase(s, tc);

    tc = tcase_create("many");
    tcase_add_test(tc, test_thousands_of_keys);
    suite_add_tcase(s, tc);
    return s;
}
