/*
 * check_layout.c - the line kinds of layout.c (tg_layout_lines), against
 * a reference that reads every line byte by byte as the first version of
 * layout.c did: hand-written lines, every edge of the 64-byte blocks, and
 * random texts of words, spaces, newlines and bytes beyond ASCII (valid
 * and not).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "normalize.h"
#include "suites.h"
#include "tagger.h"

/* The reference: one line's kind, a byte at a time. */
static int ref_kind_of_char(const unsigned char *p, size_t len, size_t *i)
{
    unsigned c = p[*i];
    if (c == ' ' || c == '\t' || c == '\r') {
        return 'S';
    }
    if (c < 0x80) {
        (*i)++;
        return (c >= 'A' && c <= 'Z') ? 'U' : (c >= 'a' && c <= 'z') ? 'L' : 'O';
    }
    int32_t cp;
    *i += tg_utf8_decode(p + *i, len - *i, &cp);
    int cc = cp >= 0 ? tg_case_class(cp) : 0;
    return cc == 'U' ? 'U' : cc == 'L' ? 'L' : 'O';
}

/* The reference's menu bar: three items or more between '|', of one to
 * three words each. */
static bool ref_menu_bar(const unsigned char *p, size_t len)
{
    size_t items = 0, from = 0;
    for (size_t k = 0; k <= len; k++) {
        if (k < len && p[k] != '|') {
            continue;
        }
        size_t words = 0;
        for (size_t j = from; j < k; j++) {
            bool space = p[j] == ' ' || p[j] == '\t' || p[j] == '\r';
            bool start = j == from || p[j - 1] == ' ' || p[j - 1] == '\t' || p[j - 1] == '\r';
            words += !space && start;
        }
        if (words == 0 || words > 3) {
            return false;
        }
        items++;
        from = k + 1;
    }
    return items >= 3;
}

static tg_line_kind_t ref_line_kind(const unsigned char *p, size_t len)
{
    size_t words = 0, long_lower = 0, long_upper = 0, letter_words = 0, i = 0;
    bool sentence_end = false;
    while (i < len) {
        if (p[i] == ' ' || p[i] == '\t' || p[i] == '\r') {
            i++;
            continue;
        }
        size_t w = i, letters = 0;
        int first = 0;
        while (letters < 4 && i < len) {
            int k = ref_kind_of_char(p, len, &i);
            if (k == 'S') {
                break;
            }
            if (k == 'U' || k == 'L') {
                letters++;
                first = first ? first : k;
            }
        }
        while (i < len && p[i] != ' ' && p[i] != '\t' && p[i] != '\r') {
            i++;
        }
        words++;
        letter_words += letters > 0;
        long_lower += letters >= 4 && first == 'L';
        long_upper += letters >= 4 && first == 'U';
        unsigned char last = p[i - 1];
        sentence_end |= last == '.' || last == '!' || last == '?' || (i - w >= 3 && last == 0x9D);
    }
    if (words == 0) {
        return TG_LINE_EMPTY;
    }
    size_t commas = 0;
    for (size_t k = 0; k < len; k++) {
        commas += p[k] == ',' || p[k] == ';';
    }
    if (words >= 25 && !sentence_end && commas < 3 && long_lower * 10 < words) {
        return TG_LINE_MENU;
    }
    if (words >= 3 && words <= 75 && long_lower * 4 < words && ref_menu_bar(p, len)) {
        return TG_LINE_MENU;
    }
    if (words >= 6 && long_lower * 4 >= words) {
        return TG_LINE_PROSE;
    }
    /* a long sentence thick with names: its last byte but spaces and a
     * closing quote is a sentence end */
    size_t e = len;
    while (e > 0 && (p[e - 1] == ' ' || p[e - 1] == '\t' || p[e - 1] == '\r')) {
        e--;
    }
    if (e >= 4 && memcmp(p + e - 3, "\xE2\x80\x9D", 3) == 0) {
        e -= 3;
    } else if (e >= 2 && (p[e - 1] == '"' || p[e - 1] == '\'')) {
        e--;
    }
    if (words >= 12 && long_lower * 8 >= words && e > 0 &&
        (p[e - 1] == '.' || p[e - 1] == '!' || p[e - 1] == '?')) {
        return TG_LINE_PROSE;
    }
    if (letter_words >= 2 && letter_words * 2 >= words && long_upper > 0 &&
        long_upper * 10 >= (long_upper + long_lower) * 6) {
        return TG_LINE_HEADLINE;
    }
    return TG_LINE_OTHER;
}

/* tg_layout_lines on text[0, len) gives the reference's lines and kinds.
 * The text is copied to a buffer of its exact size, so that reading past
 * its end shows under ASan and valgrind. */
static void check_lines(const char *text, size_t len)
{
    char *copy = malloc(len ? len : 1);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, text, len);
    tg_layout_t lay = {0};
    ck_assert_int_eq(tg_layout_lines(&lay, copy, len), TAGGER_OK);
    size_t start = 0, n = 0;
    for (;;) {
        const char *nl = memchr(copy + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - copy) : len;
        ck_assert_uint_lt(n, lay.n_lines);
        ck_assert_uint_eq(lay.lines[n].start, start);
        ck_assert_uint_eq(lay.lines[n].end, end);
        tg_line_kind_t want = ref_line_kind((const unsigned char *)copy + start, end - start);
        ck_assert_msg(lay.lines[n].zone == want, "line %zu \"%.*s\": kind %d, want %d", n,
                      (int)(end - start), copy + start, lay.lines[n].zone, (int)want);
        n++;
        if (!nl) {
            break;
        }
        start = end + 1;
    }
    ck_assert_uint_eq(n, lay.n_lines);
    tg_layout_free(&lay);
    free(copy);
}

static void check_str(const char *text)
{
    check_lines(text, strlen(text));
}

START_TEST(test_empty_and_blank)
{
    check_str("");
    check_str("\n");
    check_str("\n\n\n");
    check_str("   \t \r\n \r\n");
    check_str("a");
    check_str("a\n");
    ck_assert_int_eq(ref_line_kind((const unsigned char *)"", 0), TG_LINE_EMPTY);
}
END_TEST

START_TEST(test_kinds_by_hand)
{
    static const struct {
        const char *line;
        tg_line_kind_t kind;
    } cases[] = {
        {"The company said on Tuesday that its profits would rise.", TG_LINE_PROSE},
        {"North Korea Abandons Pursuit of Unification", TG_LINE_HEADLINE},
        {"1 min", TG_LINE_OTHER},
        {"", TG_LINE_EMPTY},
        {"af Afrikaans sq Albanian am Amharic ar Arabic hy Armenian az Azerbaijani eu Basque "
         "be Belarusian bn Bengali bs Bosnian bg Bulgarian ca Catalan hr Croatian",
         TG_LINE_MENU},
        /* a team sheet, with its commas, is no menu (BBC, 2005) */
        {"Sylvain Marconnet (Stade Francais), Nicolas Mas (Perpignan), Olivier Milloud "
         "(Bourgoin), Sebastien Bruno (Sale), William Servat (Stade Toulousain), Fabien Pelous "
         "(Stade Toulousain, capt), Pieter de Villiers (Stade Francais), Jerome Thion (Biarritz)",
         TG_LINE_HEADLINE},
        /* the same with a sentence end is no menu */
        {"af Afrikaans sq Albanian am Amharic ar Arabic hy Armenian az Azerbaijani eu Basque "
         "be Belarusian bn Bengali bs Bosnian bg Bulgarian ca Catalan hr Croatian.",
         TG_LINE_HEADLINE},
        {"\xC3\x89mile Zola \xC3\xA9tait un \xC3\xA9" "crivain tr\xC3\xA8s connu en France",
         TG_LINE_PROSE},
        {"\xC3\x89MILE \xC3\x89TAIT", TG_LINE_HEADLINE},
        {"Shares in \xE2\x80\x9C" "Acme\xE2\x80\x9D rose sharply today", TG_LINE_PROSE},
        /* a sentence thick with names (BBC, 2004) is prose; the same words
         * with no full stop at their end could be a headline */
        {"The Producers, starring Nathan Lane and Lee Evans, is up for best musical at the "
         "ceremony at the National Theatre.",
         TG_LINE_PROSE},
        {"The Producers, starring Nathan Lane and Lee Evans, is up for best musical at the "
         "ceremony at the National Theatre",
         TG_LINE_HEADLINE},
        {"Pam Ferris, Victoria Hamilton and Kelly Reilly are nominated for best actress at "
         "the Evening Standard Awards.\xE2\x80\x9D  ",
         TG_LINE_PROSE},
        /* a site's menu bar, and a short language menu */
        {"Home | World | Business | Tech | Sport | Culture | Opinion", TG_LINE_MENU},
        {"English | Espa\xC3\xB1ol | Fran\xC3\xA7" "ais | Portugu\xC3\xAAs", TG_LINE_MENU},
        {"News | North Korea | South Korea", TG_LINE_MENU},
        /* but not a byline's two parts (seed 000), nor two items */
        {"Published: December 31, 2023 at 3:43 am EST | Updated: Dec 31, 2023 at 6:05 am EST",
         TG_LINE_HEADLINE},
        {"Climate | Reuters", TG_LINE_HEADLINE},
        {"Home | | World | Business", TG_LINE_HEADLINE},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *s = cases[i].line;
        ck_assert_msg(ref_line_kind((const unsigned char *)s, strlen(s)) == cases[i].kind,
                      "reference, case %zu", i);
        check_str(s);
    }
}
END_TEST

/* Words and separators on every side of the 64-byte block edges, and
 * words longer than a block. */
START_TEST(test_block_edges)
{
    char buf[400];
    for (size_t wlen = 1; wlen <= 140; wlen += (wlen < 70 ? 1 : 7)) {
        for (size_t lead = 0; lead < 70; lead++) {
            size_t n = 0;
            memset(buf, ' ', lead);
            n = lead;
            for (size_t k = 0; k < wlen && n < sizeof buf; k++) {
                buf[n++] = (char)(k == 0 ? 'W' : k % 5 == 3 ? '-' : 'a' + (char)(k % 26));
            }
            const char *tail = " ends here.\nnext line Words";
            size_t tlen = strlen(tail);
            memcpy(buf + n, tail, tlen);
            check_lines(buf, n);
            check_lines(buf, n + 1);
            check_lines(buf, n + tlen);
        }
    }
}
END_TEST

/* Whether a byte beyond ASCII in a word's first letters, or only after
 * them, is read the same either way. */
START_TEST(test_beyond_ascii)
{
    check_str("\xC3\xA9t\xC3\xA9 abcd \xC3\xA9" "abc Abc\xC3\xA9 abcd\xC3\xA9 \xE2\x80\x9D");
    check_str("ab\xFF" "cd ef\xC3 gh \xE2\x80 ij\xE2\x80\n\xC3\n\xE2\x80\x9D");
    check_str("x\xE2\x80\x9D \xE2\x80\x9D x \xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9");
    /* a word longer than a block with a character beyond ASCII */
    check_str("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\xC3\xA9 b");
    check_str("\xC3\xA9" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa b");
}
END_TEST

/* Whether the text is plain ASCII: annotate.c then takes byte offsets for
 * code point offsets. */
static bool layout_ascii(const char *text)
{
    tg_layout_t lay = {0};
    ck_assert_int_eq(tg_layout_lines(&lay, text, strlen(text)), TAGGER_OK);
    bool ascii = lay.ascii;
    tg_layout_free(&lay);
    return ascii;
}

START_TEST(test_ascii_flag)
{
    ck_assert(layout_ascii(""));
    ck_assert(layout_ascii("Plain text.\nTwo lines of it, tabs\tand\r\n"));
    ck_assert(!layout_ascii("caf\xC3\xA9"));
    ck_assert(!layout_ascii("\xFF"));
    /* the last byte of a text of 64 and of 65 */
    ck_assert(!layout_ascii("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa \xC3"));
    ck_assert(!layout_ascii("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa b\xC3"));
    /* a byte beyond ASCII in a word longer than a block is not missed */
    ck_assert(!layout_ascii("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\xC3\xA9 b"));
    /* the flag of one text does not stay for the next */
    tg_layout_t lay = {0};
    ck_assert_int_eq(tg_layout_lines(&lay, "\xC3\xA9", 2), TAGGER_OK);
    ck_assert(!lay.ascii);
    ck_assert_int_eq(tg_layout_lines(&lay, "e", 1), TAGGER_OK);
    ck_assert(lay.ascii);
    tg_layout_free(&lay);
}
END_TEST

/* Random texts of the pieces that matter, compared with the reference. */
START_TEST(test_random_texts)
{
    static const char *pieces[] = {
        " ", " ", " ", "  ", "\t", "\r", "\n", "\n", "the", "of", "Word", "words", "WORDS",
        "a", "I", "x1", "12", "3.5", ".", "!", "?", ",", "-", "end.", "(Reuters)", "U.S.",
        "\xC3\xA9", "\xC3\x89", "caf\xC3\xA9", "\xC3\x89tat", "\xE2\x80\x9D", "\xE2\x80\x9C",
        "q\xE2\x80\x9D", "\xE2\x80\x94", "\xFF", "\xC3", "\xE2\x80", "\x80", "\xF0\x9F\x98\x80",
        "\xE4\xB8\xAD", "\xCE\xA3\xCE\xB9", "abcdefghijklmnopqrstuvwxyz", "x\xC3\xA9y",
        " | ", " | ", "|", /* menu bars */
    };
    size_t n_pieces = sizeof pieces / sizeof pieces[0];
    uint64_t seed = 0x9E3779B97F4A7C15u;
    char buf[1200];
    for (int round = 0; round < 3000; round++) {
        size_t len = 0;
        seed = seed * 6364136223846793005u + 1442695040888963407u;
        size_t target = (size_t)(seed >> 33) % 1000;
        while (len < target) {
            seed = seed * 6364136223846793005u + 1442695040888963407u;
            size_t k = (size_t)(seed >> 33) % n_pieces;
            /* mostly plain words, so that most blocks take the fast path */
            if ((seed >> 20) % 4 != 0 && (unsigned char)pieces[k][0] >= 0x80) {
                k = 10 + (size_t)(seed >> 40) % 5;
            }
            size_t pl = strlen(pieces[k]);
            if (len + pl > sizeof buf) {
                break;
            }
            memcpy(buf + len, pieces[k], pl);
            len += pl;
        }
        check_lines(buf, len);
    }
}
END_TEST

Suite *layout_suite(void)
{
    Suite *s = suite_create("layout");
    TCase *tc = tcase_create("lines");
    tcase_add_test(tc, test_empty_and_blank);
    tcase_add_test(tc, test_kinds_by_hand);
    tcase_add_test(tc, test_block_edges);
    tcase_add_test(tc, test_beyond_ascii);
    tcase_add_test(tc, test_random_texts);
    tcase_add_test(tc, test_ascii_flag);
    suite_add_tcase(s, tc);
    return s;
}
