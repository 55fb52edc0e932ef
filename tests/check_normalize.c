/*
 * check_normalize.c - the text normaliser and its offset map (normalize.c).
 *
 * Every case gives an input, the exact normalised bytes, the class of each
 * normalised byte and the input offset each byte maps back to, written out
 * by hand from the rules at the top of normalize.c:
 *
 *   cls letters: S separator, W word, G glued (Han, kana), H Hangul,
 *                B break, '.' continuation byte of a multi-byte code point
 *   src:         src[k] for every normalised byte k, then src[len] == input length
 *
 * Byte escapes are split ("\xC3\xA9" "b") wherever a hex escape is followed
 * by a character that is itself a hex digit.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "suites.h"
#include "tagger.h"

#define MAX_SRC 48

typedef struct {
    const char *name;
    const char *in;
    size_t in_len; /* 0: strlen(in) */
    const char *out;
    const char *cls;
    uint32_t src[MAX_SRC];
    size_t n_invalid, first_invalid;
} norm_case_t;

static uint8_t cls_of_letter(char c)
{
    switch (c) {
    case 'S':
        return TG_CLS_SEP;
    case 'W':
        return TG_CLS_WORD;
    case 'G':
        return TG_CLS_GLUED;
    case 'H':
        return TG_CLS_HANGUL;
    case 'B':
        return TG_CLS_BREAK;
    default:
        return TG_CLS_CONT;
    }
}

/* Normalises one case and compares text, classes and offsets byte by byte;
 * frees everything before any assertion can fail (CK_FORK=no, valgrind). */
static void check_case(const norm_case_t *c)
{
    size_t in_len = c->in_len ? c->in_len : strlen(c->in);
    size_t out_len = strlen(c->out);
    ck_assert_msg(strlen(c->cls) == out_len, "%s: bad test case (cls)", c->name);
    ck_assert_msg(out_len + 1 <= MAX_SRC && c->src[out_len] == in_len, "%s: bad test case (src)",
                  c->name);

    tg_norm_t n;
    memset(&n, 0, sizeof n);
    char why[200] = "";
    int rc = tg_norm_text(&n, c->in, in_len);
    if (rc != TAGGER_OK) {
        snprintf(why, sizeof why, "status %d", rc);
    } else if (n.len != out_len) {
        snprintf(why, sizeof why, "normalised length %zu, expected %zu", n.len, out_len);
    } else if (memcmp(n.text, c->out, out_len) != 0 || n.text[n.len] != '\0') {
        snprintf(why, sizeof why, "normalised text differs");
    } else if (n.cls[out_len] != TG_CLS_BREAK) {
        snprintf(why, sizeof why, "cls[len] is %d, not a break", n.cls[out_len]);
    } else if (n.src[out_len] != in_len) {
        snprintf(why, sizeof why, "src[len] = %u, expected the input length %zu", n.src[out_len],
                 in_len);
    } else if (n.n_invalid != c->n_invalid ||
               (c->n_invalid && n.first_invalid != c->first_invalid)) {
        snprintf(why, sizeof why, "%zu invalid bytes from %zu, expected %zu from %zu", n.n_invalid,
                 n.first_invalid, c->n_invalid, c->first_invalid);
    }
    for (size_t k = 0; !*why && k < out_len; k++) {
        if (n.cls[k] != cls_of_letter(c->cls[k])) {
            snprintf(why, sizeof why, "cls[%zu] = %d, expected '%c'", k, n.cls[k], c->cls[k]);
        } else if (n.src[k] != c->src[k]) {
            snprintf(why, sizeof why, "src[%zu] = %u, expected %u", k, n.src[k], c->src[k]);
        }
    }
    tg_norm_free(&n);
    ck_assert_msg(!*why, "%s: %s", c->name, why);
}

#define N_CASES(t) (sizeof(t) / sizeof((t)[0]))

/* ------------------------------------------------------------------------ */
/* ASCII                                                                     */

/* clang-format off */
static const norm_case_t ascii_cases[] = {
    {"upper to lower", "North KOREA's", 0, "north korea's", "WWWWWSWWWWWSW",
     {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}, 0, 0},
    {"digits and punctuation", "G7, 2024.", 0, "g7, 2024.", "WWSSWWWWS",
     {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 0, 0},
};
/* clang-format on */

START_TEST(test_ascii_folding)
{
    check_case(&ascii_cases[_i]);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Compatibility forms and case folding                                      */

/* clang-format off */
static const norm_case_t nfkc_cases[] = {
    /* U+FB01 LATIN SMALL LIGATURE FI: two bytes from one input code point */
    {"fi ligature", "\xEF\xAC\x81nal", 0, "final", "WWWWW", {0, 0, 3, 4, 5, 6}, 0, 0},
    /* U+FF35 U+FF33 FULLWIDTH LATIN CAPITAL U, S */
    {"full-width US", "\xEF\xBC\xB5\xEF\xBC\xB3", 0, "us", "WW", {0, 3, 6}, 0, 0},
    /* U+00DF folds to "ss" */
    {"sharp s", "Stra\xC3\x9F" "e", 0, "strasse", "WWWWWWW", {0, 1, 2, 3, 4, 4, 6, 7}, 0, 0},
    /* U+00AD SOFT HYPHEN is default-ignorable: dropped, owned by the 'o' */
    {"soft hyphen", "Ko\xC2\xAD" "rea", 0, "korea", "WWWWW", {0, 1, 4, 5, 6, 7}, 0, 0},
    /* 북한 as conjoining jamo (NFD, as macOS writes it) is canonically equal
     * to the precomposed syllables, so it must give the same key; each
     * syllable maps to its first jamo */
    {"decomposed Hangul",
     "\xE1\x84\x87\xE1\x85\xAE\xE1\x86\xA8\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", 0,
     "\xEB\xB6\x81\xED\x95\x9C", "H..H..", {0, 0, 0, 9, 9, 9, 18}, 0, 0},
};
/* clang-format on */

START_TEST(test_nfkc_casefold)
{
    check_case(&nfkc_cases[_i]);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Diacritics                                                                */

/* clang-format off */
static const norm_case_t diacritic_cases[] = {
    /* precomposed U+00F4 and U+2019 */
    {"Cote d'Ivoire", "C\xC3\xB4te d\xE2\x80\x99Ivoire", 0, "cote d'ivoire", "WWWWSWSWWWWWW",
     {0, 1, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 15, 16}, 0, 0},
    /* o + U+0302 COMBINING CIRCUMFLEX: the mark's bytes belong to the 'o' */
    {"decomposed Cote", "Co\xCC\x82te", 0, "cote", "WWWW", {0, 1, 4, 5, 6}, 0, 0},
    {"Sao Tome", "S\xC3\xA3o Tom\xC3\xA9", 0, "sao tome", "WWWSWWWW",
     {0, 1, 3, 4, 5, 6, 7, 8, 10}, 0, 0},
};
/* clang-format on */

START_TEST(test_diacritics_stripped)
{
    check_case(&diacritic_cases[_i]);
}
END_TEST

/* Decomposed input: a match ending at the 'o' of "Co\u0302te" covers the mark. */
START_TEST(test_src_end_covers_dropped_marks)
{
    /* clang-format off */
    static const struct {
        const char *in;
        size_t k, end;
    } cases[] = {
        {"Co\xCC\x82te", 0, 1},  {"Co\xCC\x82te", 1, 4}, {"Co\xCC\x82te", 3, 6},
        {"Co\xCC\x82", 1, 4},    /* mark at the very end: up to the input length */
        {"\xEF\xAC\x81nal", 0, 3}, {"\xEF\xAC\x81nal", 1, 3}, /* both bytes of the ligature */
        {"\xE6\x9C\x9D\xE9\xB2\x9C", 1, 3},                   /* inside a code point */
        {"Ko\xC2\xAD" "rea", 1, 4},                           /* soft hyphen */
        {"North   Korea", 4, 5},                              /* up to the white space */
        {"Korea's", 4, 5},
    };
    /* clang-format on */
    for (size_t i = 0; i < N_CASES(cases); i++) {
        tg_norm_t n;
        memset(&n, 0, sizeof n);
        int rc = tg_norm_text(&n, cases[i].in, strlen(cases[i].in));
        size_t end =
            (rc == TAGGER_OK && cases[i].k < n.len) ? tg_norm_src_end(&n, cases[i].k) : (size_t)-1;
        tg_norm_free(&n);
        ck_assert_msg(end == cases[i].end, "case %zu: src_end(%zu) = %zu, expected %zu", i,
                      cases[i].k, end, cases[i].end);
    }
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Apostrophes, dashes, white space                                          */

/* clang-format off */
static const norm_case_t punct_cases[] = {
    {"right single quote", "a\xE2\x80\x99s", 0, "a's", "WSW", {0, 1, 4, 5}, 0, 0},
    {"left and right quotes", "\xE2\x80\x98" "a\xE2\x80\x99", 0, "'a'", "SWS", {0, 3, 4, 7},
     0, 0},
    {"modifier apostrophe", "a\xCA\xBCs", 0, "a's", "WSW", {0, 1, 3, 4}, 0, 0},
    /* en dash, em dash, non-breaking hyphen, minus sign */
    {"dashes", "a\xE2\x80\x93" "b\xE2\x80\x94" "c\xE2\x80\x91" "d\xE2\x88\x92" "e", 0,
     "a-b-c-d-e", "WSWSWSWSW", {0, 1, 4, 5, 8, 9, 12, 13, 16, 17}, 0, 0},
};
/* clang-format on */

START_TEST(test_apostrophes_and_dashes)
{
    check_case(&punct_cases[_i]);
}
END_TEST

/* clang-format off */
static const norm_case_t space_cases[] = {
    {"space tab space", "North \t Korea", 0, "north korea", "WWWWWSWWWWW",
     {0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13}, 0, 0},
    {"CRLF is one space", "a\r\nb", 0, "a b", "WSW", {0, 1, 3, 4}, 0, 0},
    {"no-break space", "a\xC2\xA0" "b", 0, "a b", "WSW", {0, 1, 3, 4}, 0, 0},
    {"kept at both ends", " a ", 0, " a ", "SWS", {0, 1, 2, 3}, 0, 0},
    {"blank line is a break", "a\n\nb", 0, "a\nb", "WBW", {0, 1, 3, 4}, 0, 0},
    {"blank line with spaces", "a \r\n \r\n b", 0, "a\nb", "WBW", {0, 1, 8, 9}, 0, 0},
    {"form feed", "a\fb", 0, "a\nb", "WBW", {0, 1, 2, 3}, 0, 0},
    {"NUL byte is a break", "a\0b", 3, "a\nb", "WBW", {0, 1, 2, 3}, 0, 0},
};
/* clang-format on */

START_TEST(test_white_space)
{
    check_case(&space_cases[_i]);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Scripts                                                                   */

/* clang-format off */
static const norm_case_t script_cases[] = {
    /* 북한의: Hangul syllables pass through unchanged */
    {"Korean", "\xEB\xB6\x81\xED\x95\x9C\xEC\x9D\x98", 0,
     "\xEB\xB6\x81\xED\x95\x9C\xEC\x9D\x98", "H..H..H..", {0, 0, 0, 3, 3, 3, 6, 6, 6, 9}, 0, 0},
    /* مِصْر: kasra U+0650 and sukun U+0652 dropped, the letters kept */
    {"Arabic with harakat", "\xD9\x85\xD9\x90\xD8\xB5\xD9\x92\xD8\xB1", 0,
     "\xD9\x85\xD8\xB5\xD8\xB1", "W.W.W.", {0, 0, 4, 4, 8, 8, 10}, 0, 0},
    /* भारत: the vowel sign U+093E is part of the spelling */
    {"Devanagari", "\xE0\xA4\xAD\xE0\xA4\xBE\xE0\xA4\xB0\xE0\xA4\xA4", 0,
     "\xE0\xA4\xAD\xE0\xA4\xBE\xE0\xA4\xB0\xE0\xA4\xA4", "W..W..W..W..",
     {0, 0, 0, 3, 3, 3, 6, 6, 6, 9, 9, 9, 12}, 0, 0},
    /* 朝鲜 */
    {"Han", "\xE6\x9C\x9D\xE9\xB2\x9C", 0, "\xE6\x9C\x9D\xE9\xB2\x9C", "G..G..",
     {0, 0, 0, 3, 3, 3, 6}, 0, 0},
    /* U+1F600 between letters: a 4-byte separator */
    {"emoji", "a\xF0\x9F\x98\x80" "b", 0, "a\xF0\x9F\x98\x80" "b", "WS...W",
     {0, 1, 1, 1, 1, 5, 6}, 0, 0},
    /* Россия -> россия */
    {"Cyrillic", "\xD0\xA0\xD0\xBE\xD1\x81\xD1\x81\xD0\xB8\xD1\x8F", 0,
     "\xD1\x80\xD0\xBE\xD1\x81\xD1\x81\xD0\xB8\xD1\x8F", "W.W.W.W.W.W.",
     {0, 0, 2, 2, 4, 4, 6, 6, 8, 8, 10, 10, 12}, 0, 0},
    /* Ελλάδα -> ελλαδα (the tonos is a diacritic) */
    {"Greek", "\xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1", 0,
     "\xCE\xB5\xCE\xBB\xCE\xBB\xCE\xB1\xCE\xB4\xCE\xB1", "W.W.W.W.W.W.",
     {0, 0, 2, 2, 4, 4, 6, 6, 8, 8, 10, 10, 12}, 0, 0},
};
/* clang-format on */

START_TEST(test_scripts)
{
    check_case(&script_cases[_i]);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Invalid UTF-8                                                             */

/* clang-format off */
static const norm_case_t invalid_cases[] = {
    {"lone continuation byte", "a\x80" "b", 0, "a\nb", "WBW", {0, 1, 2, 3}, 1, 1},
    {"truncated 2-byte at the end", "ab\xC3", 0, "ab\n", "WWB", {0, 1, 2, 3}, 1, 2},
    {"truncated 2-byte before ASCII", "\xC3" "b", 0, "\nb", "BW", {0, 1, 2}, 1, 0},
    {"truncated 3-byte", "a\xE2\x80" "b", 0, "a\n\nb", "WBBW", {0, 1, 2, 3, 4}, 2, 1},
    {"truncated 4-byte", "\xF0\x9F\x98", 0, "\n\n\n", "BBB", {0, 1, 2, 3}, 3, 0},
    {"overlong C0 80", "x\xC0\x80y", 0, "x\n\ny", "WBBW", {0, 1, 2, 3, 4}, 2, 1},
    {"overlong E0 80 80", "\xE0\x80\x80", 0, "\n\n\n", "BBB", {0, 1, 2, 3}, 3, 0},
    {"overlong F0 8F BF BF", "\xF0\x8F\xBF\xBF", 0, "\n\n\n\n", "BBBB", {0, 1, 2, 3, 4}, 4, 0},
    {"surrogate ED A0 80", "a\xED\xA0\x80", 0, "a\n\n\n", "WBBB", {0, 1, 2, 3, 4}, 3, 1},
    {"F5 lead byte", "\xF5\x80\x80\x80", 0, "\n\n\n\n", "BBBB", {0, 1, 2, 3, 4}, 4, 0},
    {"past U+10FFFF", "\xF4\x90\x80\x80", 0, "\n\n\n\n", "BBBB", {0, 1, 2, 3, 4}, 4, 0},
    {"FF byte", "Korea\xFF", 0, "korea\n", "WWWWWB", {0, 1, 2, 3, 4, 5, 6}, 1, 5},
    {"FE byte between words", "Korea \xFE Japan", 0, "korea \n japan", "WWWWWSBSWWWWW",
     {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}, 1, 6},
    /* a valid euro sign right after a bad byte keeps its own offset */
    {"valid after invalid", "\xFF\xE2\x82\xAC", 0, "\n\xE2\x82\xAC", "BS..", {0, 1, 1, 1, 4},
     1, 0},
    {"first of several", "C\xC3\xB4te\xFF\x80", 0, "cote\n\n", "WWWWBB", {0, 1, 3, 4, 5, 6, 7},
     2, 5},
};
/* clang-format on */

START_TEST(test_invalid_utf8)
{
    check_case(&invalid_cases[_i]);
}
END_TEST

START_TEST(test_empty_input)
{
    tg_norm_t n;
    memset(&n, 0, sizeof n);
    ck_assert_int_eq(tg_norm_text(&n, "", 0), TAGGER_OK);
    ck_assert_uint_eq(n.len, 0);
    ck_assert_int_eq(n.text[0], '\0');
    ck_assert_uint_eq(n.src[0], 0);
    ck_assert_uint_eq(n.cls[0], TG_CLS_BREAK);
    ck_assert_uint_eq(n.n_invalid, 0);
    tg_norm_free(&n);
}
END_TEST

/* The buffers are reused: nothing of an earlier text survives. */
START_TEST(test_reuse_resets_state)
{
    tg_norm_t n;
    memset(&n, 0, sizeof n);
    ck_assert_int_eq(tg_norm_text(&n, "North\xFF Korea", 12), TAGGER_OK);
    ck_assert_uint_eq(n.n_invalid, 1);
    ck_assert_int_eq(tg_norm_text(&n, "Seoul", 5), TAGGER_OK);
    ck_assert_uint_eq(n.len, 5);
    ck_assert_str_eq(n.text, "seoul");
    ck_assert_uint_eq(n.n_invalid, 0);
    ck_assert_uint_eq(n.src[5], 5);
    ck_assert_int_eq(tg_norm_text(&n, "", 0), TAGGER_OK);
    ck_assert_uint_eq(n.len, 0);
    ck_assert_uint_eq(n.src[0], 0);
    tg_norm_free(&n);
}
END_TEST

/* TG_NORM_PAD zero bytes follow the NUL, whatever the buffer held before
 * (the scan loads words 8 bytes at a time up to the end). */
START_TEST(test_zero_padding)
{
    static const char *const texts[] = {"", "x", "North Korea\n\n  ", "C\xC3\xB4te\xFF",
                                        "a longer text, to fill the buffer with bytes first"};
    tg_norm_t n;
    memset(&n, 0, sizeof n);
    for (int k = 4; k >= 0; k--) {
        ck_assert_int_eq(tg_norm_text(&n, texts[k], strlen(texts[k])), TAGGER_OK);
        ck_assert_uint_ge(n.cap, n.len + 1 + TG_NORM_PAD);
        for (size_t i = 0; i <= TG_NORM_PAD; i++) {
            ck_assert_int_eq(n.text[n.len + i], 0);
        }
    }
    tg_norm_free(&n);
}
END_TEST

/* A long text crosses many buffer growths; the map stays exact throughout. */
START_TEST(test_long_text_offsets)
{
    static const char unit[] = "C\xC3\xB4te d\xE2\x80\x99Ivoire "; /* 17 bytes */
    static const uint32_t base[] = {0, 1, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 15, 16};
    enum { REPS = 3000, IN_UNIT = 17, OUT_UNIT = 14 };
    char *text = malloc(REPS * IN_UNIT);
    ck_assert_ptr_nonnull(text);
    for (size_t r = 0; r < REPS; r++) {
        memcpy(text + r * IN_UNIT, unit, IN_UNIT);
    }
    tg_norm_t n;
    memset(&n, 0, sizeof n);
    ck_assert_int_eq(tg_norm_text(&n, text, REPS * IN_UNIT), TAGGER_OK);
    ck_assert_uint_eq(n.len, REPS * OUT_UNIT);
    for (size_t k = 0; k < n.len; k++) {
        uint32_t want = (uint32_t)((k / OUT_UNIT) * IN_UNIT + base[k % OUT_UNIT]);
        ck_assert_msg(n.src[k] == want, "src[%zu] = %u, expected %u", k, n.src[k], want);
        ck_assert_int_eq(n.text[k], "cote d'ivoire "[k % OUT_UNIT]);
    }
    ck_assert_uint_eq(n.src[n.len], REPS * IN_UNIT);
    tg_norm_free(&n);
    free(text);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* The 16-byte blocks of the ASCII fast path                                 */

/* clang-format off */
static const norm_case_t block_cases[] = {
    /* the edges of the letter and digit ranges, in one block */
    {"range edges", "@AZ[`az{/09:Mm-x", 0, "@az[`az{/09:mm-x", "SWWSSWWSSWWSWWSW",
     {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, 0, 0},
    /* a lone space in the last place, then a letter: written as it is */
    {"space last, letter next", "abcdefghijklmno X", 0, "abcdefghijklmno x",
     "WWWWWWWWWWWWWWWSW", {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17}, 0, 0},
    /* ... then another space: one run across the block edge */
    {"space run across blocks", "abcdefghijklmno  x", 0, "abcdefghijklmno x",
     "WWWWWWWWWWWWWWWSW", {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17, 18}, 0, 0},
    /* ... then two line breaks: the run is a paragraph break */
    {"paragraph across blocks", "abcdefghijklmno \n\nx", 0, "abcdefghijklmno\nx",
     "WWWWWWWWWWWWWWWBW", {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 18, 19}, 0, 0},
    /* ... then a no-break space (not ASCII): still one run */
    {"space then NBSP across blocks", "abcdefghijklmno \xC2\xA0x", 0, "abcdefghijklmno x",
     "WWWWWWWWWWWWWWWSW", {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 18, 19}, 0, 0},
    /* ... at the very end of the text: the run is written at the end */
    {"space last, end of text", "abcdefghijklmno ", 0, "abcdefghijklmno ", "WWWWWWWWWWWWWWWS",
     {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, 0, 0},
    /* a run of white space pending when a block starts: the first block
     * is not plain (its last two bytes), the second closes the run */
    {"pending run closed by a block", "abcdefghijklmn\n\nOPQRSTUVWXYZABCD", 0,
     "abcdefghijklmn\nopqrstuvwxyzabcd", "WWWWWWWWWWWWWWBWWWWWWWWWWWWWWWW",
     {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
      26, 27, 28, 29, 30, 31, 32}, 0, 0},
    /* lone tab, line break, carriage return and vertical tab in one block:
     * each one space */
    {"lone white space in a block", "a\tb\nc\rd\ve fghijklm", 0, "a b c d e fghijklm",
     "WSWSWSWSWSWWWWWWWW",
     {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18}, 0, 0},
    /* a form feed alone is a paragraph break, not a space */
    {"form feed in a block", "abcdefg\fhijklmnop", 0, "abcdefg\nhijklmnop",
     "WWWWWWWBWWWWWWWWW", {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17}, 0, 0},
    /* a line break in the last place, then a letter; then one, then an
     * indent: a run across the block edge */
    {"line break last, letter next", "abcdefghijklmno\nX", 0, "abcdefghijklmno x",
     "WWWWWWWWWWWWWWWSW", {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17}, 0, 0},
    {"line break last, indent next", "abcdefghijklmno\n    X", 0, "abcdefghijklmno x",
     "WWWWWWWWWWWWWWWSW", {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 20, 21}, 0, 0},
    /* a line break then a space inside a block: one run */
    {"line break and space", "abc\n def ghijklmnop", 0, "abc def ghijklmnop",
     "WWWSWWWSWWWWWWWWWW",
     {0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}, 0, 0},
    /* two spaces inside a block, a tab, a control character, DEL */
    {"not plain blocks", "ab  cd\tef\x01gh\x7Fijklmnop", 0, "ab cd ef\ngh\nijklmnop",
     "WWSWWSWWBWWBWWWWWWWW",
     {0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21}, 0, 0},
    /* non-ASCII in the middle of a block */
    {"accent in a block", "abcdefg\xC3\xA9hijklmnopq", 0, "abcdefgehijklmnopq",
     "WWWWWWWWWWWWWWWWWW",
     {0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}, 0, 0},
};
/* clang-format on */

START_TEST(test_ascii_blocks)
{
    check_case(&block_cases[_i]);
}
END_TEST

/* The ASCII rules, one byte at a time, as the top of normalize.c states
 * them: the model the fast path must agree with. */
static size_t ascii_model(const char *in, size_t len, char *out, uint8_t *cls, uint32_t *src)
{
    size_t o = 0;
    int newlines = -1; /* -1: not in a run of white space */
    uint32_t run_src = 0;
    for (size_t i = 0; i <= len; i++) {
        unsigned char c = i < len ? (unsigned char)in[i] : 0;
        bool space = i < len && (c == ' ' || c == '\t' || c == '\r' || c == '\v' ||
                                 c == '\n' || c == '\f');
        if (space) {
            if (newlines < 0) {
                newlines = 0;
                run_src = (uint32_t)i;
            }
            newlines += (c == '\n') + 2 * (c == '\f');
            continue;
        }
        if (newlines >= 0) {
            out[o] = newlines >= 2 ? '\n' : ' ';
            cls[o] = newlines >= 2 ? TG_CLS_BREAK : TG_CLS_SEP;
            src[o++] = run_src;
            newlines = -1;
        }
        if (i == len) {
            break;
        }
        bool control = c < 0x20 || c == 0x7F;
        bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        out[o] = control ? '\n' : (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (char)c;
        cls[o] = control ? TG_CLS_BREAK : alnum ? TG_CLS_WORD : TG_CLS_SEP;
        src[o++] = (uint32_t)i;
    }
    return o;
}

/* Random ASCII, mostly plain, at every length and alignment up to 100
 * bytes, against the model. */
START_TEST(test_ascii_fast_path_matches_model)
{
    static const char alphabet[] = "aZm09 .,'@[`{\n\t\f\r\v\x01\x7F";
    char in[100], out[100];
    uint8_t cls[100];
    uint32_t src[100];
    uint32_t seed = 12345;
    tg_norm_t n;
    memset(&n, 0, sizeof n);
    char why[200] = "";
    for (int round = 0; round < 20000 && !*why; round++) {
        size_t len = (size_t)round % 100;
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = (seed >> 16) % 64;
            /* rare white space and control characters, mostly letters */
            in[i] = r < 40 ? alphabet[r % 3] : r < 56 ? alphabet[3 + r % 10]
                                                      : alphabet[r % (sizeof alphabet - 1)];
        }
        size_t want = ascii_model(in, len, out, cls, src);
        if (tg_norm_text(&n, in, len) != TAGGER_OK || n.len != want) {
            snprintf(why, sizeof why, "round %d: length %zu, expected %zu", round, n.len, want);
        } else if (memcmp(n.text, out, want) != 0 || memcmp(n.cls, cls, want) != 0 ||
                   memcmp(n.src, src, want * sizeof *src) != 0 || n.src[want] != len) {
            snprintf(why, sizeof why, "round %d: bytes, classes or offsets differ", round);
        }
    }
    tg_norm_free(&n);
    ck_assert_msg(!*why, "%s", why);
}
END_TEST

/* Every ASCII byte at every place of a block of letters, against the model:
 * the fast path's range tests (printable, white space, letters, digits)
 * at all their edges. */
START_TEST(test_every_ascii_byte_in_a_block)
{
    char in[20], out[20];
    uint8_t cls[20];
    uint32_t src[20];
    tg_norm_t n;
    memset(&n, 0, sizeof n);
    char why[200] = "";
    for (unsigned b = 0; b < 0x80 && !*why; b++) {
        for (size_t at = 0; at < 16 && !*why; at++) {
            memset(in, 'Q', sizeof in);
            in[at] = (char)b;
            size_t want = ascii_model(in, sizeof in, out, cls, src);
            if (tg_norm_text(&n, in, sizeof in) != TAGGER_OK || n.len != want ||
                memcmp(n.text, out, want) != 0 || memcmp(n.cls, cls, want) != 0 ||
                memcmp(n.src, src, want * sizeof *src) != 0) {
                snprintf(why, sizeof why, "byte 0x%02X at %zu", b, at);
            }
        }
    }
    tg_norm_free(&n);
    ck_assert_msg(!*why, "%s", why);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* UTF-8 helpers                                                             */

START_TEST(test_utf8_decode)
{
    static const struct {
        const char *s;
        size_t len, used;
        int32_t cp;
    } cases[] = {
        {"A", 1, 1, 0x41},
        {"\0", 1, 1, 0},
        {"\xC3\xA9", 2, 2, 0xE9},
        {"\xE2\x82\xAC", 3, 3, 0x20AC},
        {"\xED\x9F\xBF", 3, 3, 0xD7FF},
        {"\xEE\x80\x80", 3, 3, 0xE000},
        {"\xF0\x9F\x98\x80", 4, 4, 0x1F600},
        {"\xF4\x8F\xBF\xBF", 4, 4, 0x10FFFF},
        {"\x80", 1, 1, -1},
        {"\xC3", 1, 1, -1},
        {"\xC3\x41", 2, 1, -1},
        {"\xC0\x80", 2, 1, -1},
        {"\xC1\xBF", 2, 1, -1},
        {"\xE0\x80\x80", 3, 1, -1},
        {"\xE0\x9F\xBF", 3, 1, -1},
        {"\xE2\x82", 2, 1, -1},
        {"\xED\xA0\x80", 3, 1, -1},
        {"\xED\xBF\xBF", 3, 1, -1},
        {"\xF0\x8F\xBF\xBF", 4, 1, -1},
        {"\xF0\x9F\x98", 3, 1, -1},
        {"\xF4\x90\x80\x80", 4, 1, -1},
        {"\xF5\x80\x80\x80", 4, 1, -1},
        {"\xFE", 1, 1, -1},
        {"\xFF", 1, 1, -1},
    };
    for (size_t i = 0; i < N_CASES(cases); i++) {
        int32_t cp = 12345;
        size_t used = tg_utf8_decode((const unsigned char *)cases[i].s, cases[i].len, &cp);
        ck_assert_msg(used == cases[i].used && cp == cases[i].cp,
                      "case %zu: consumed %zu, cp %d; expected %zu, %d", i, used, (int)cp,
                      cases[i].used, (int)cases[i].cp);
    }
}
END_TEST

START_TEST(test_utf8_count)
{
    /* clang-format off */
    static const struct {
        const char *s;
        size_t count;
    } cases[] = {
        {"", 0},
        {"Seoul", 5},
        {"C\xC3\xB4te", 4},
        {"\xE6\x9C\x9D\xE9\xB2\x9C", 2},
        {"\xF0\x9F\x98\x80", 1},
        {"a\xFF" "b", 3},
        {"\xE2\x82", 2},       /* truncated: each byte counts */
        {"\xF0\x9F\x98", 3},
        {"\xED\xA0\x80", 3},   /* surrogate */
        {"\xC0\x80x", 3},      /* overlong */
        /* 8 ASCII bytes at a time, and what breaks a group of 8 */
        {"12345678", 8},
        {"123456789", 9},
        {"1234567" "\xC3\xA9" "9abcdefgh", 17},
        {"12345678" "\xE2\x82", 10},
        {"abcdefghijklmnop" "\xFF", 17},
        {"\xE6\x9C\x9D" "abcdefgh" "\xE6\x9C\x9D", 10},
    };
    /* clang-format on */
    for (size_t i = 0; i < N_CASES(cases); i++) {
        size_t got = tg_utf8_count(cases[i].s, strlen(cases[i].s));
        ck_assert_msg(got == cases[i].count, "case %zu: %zu code points, expected %zu", i, got,
                      cases[i].count);
    }
}
END_TEST

/* ------------------------------------------------------------------------ */

#define ADD_TABLE(tc, fn, table) tcase_add_loop_test(tc, fn, 0, (int)N_CASES(table))

Suite *normalize_suite(void)
{
    Suite *s = suite_create("normalize");

    TCase *tc = tcase_create("text");
    ADD_TABLE(tc, test_ascii_folding, ascii_cases);
    ADD_TABLE(tc, test_nfkc_casefold, nfkc_cases);
    ADD_TABLE(tc, test_diacritics_stripped, diacritic_cases);
    tcase_add_test(tc, test_src_end_covers_dropped_marks);
    ADD_TABLE(tc, test_apostrophes_and_dashes, punct_cases);
    ADD_TABLE(tc, test_white_space, space_cases);
    ADD_TABLE(tc, test_scripts, script_cases);
    tcase_add_test(tc, test_empty_input);
    tcase_add_test(tc, test_reuse_resets_state);
    tcase_add_test(tc, test_zero_padding);
    tcase_add_test(tc, test_long_text_offsets);
    ADD_TABLE(tc, test_ascii_blocks, block_cases);
    tcase_add_test(tc, test_ascii_fast_path_matches_model);
    tcase_add_test(tc, test_every_ascii_byte_in_a_block);
    suite_add_tcase(s, tc);

    tc = tcase_create("invalid");
    ADD_TABLE(tc, test_invalid_utf8, invalid_cases);
    suite_add_tcase(s, tc);

    tc = tcase_create("utf8");
    tcase_add_test(tc, test_utf8_decode);
    tcase_add_test(tc, test_utf8_count);
    suite_add_tcase(s, tc);
    return s;
}
