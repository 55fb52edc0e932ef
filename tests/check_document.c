/*
 * check_document.c - the document-level rules of tagger_annotate(): short
 * names (short_names.c), given names, weak aliases and places standing for
 * countries (resolve.c), page furniture and menus (layout.c) and the
 * relevance order they give (relevance.c).  Real sentences of news English,
 * with a small gazetteer.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "suites.h"
#include "tagger.h"

/* clang-format off */
static const char gazetteer[] =
    "KP\tCOUNTRY\tNorth Korea\tQ423\t-\tNorth Korea|North Korean{demonym}\n"
    "KR\tCOUNTRY\tSouth Korea\tQ884\t-\tSouth Korea\n"
    "JO\tCOUNTRY\tJordan\tQ810\t-\tJordan{given-name}|Jordanian{demonym}\n"
    "MT\tCOUNTRY\tMalta\tQ233\t-\tMalta\n"
    "GB\tCOUNTRY\tUnited Kingdom\tQ145\t-\tUnited Kingdom|Britain\n"
    "FR\tCOUNTRY\tFrance\tQ142\t-\tFrance|French{demonym}\n"
    "TW\tCOUNTRY\tTaiwan\tQ865\t-\tTaiwan\n"
    "sm:1\tPLACE\tPyongyang\t-\tcountry=KP\tPyongyang\n"
    "sm:2\tPLACE\tAmman\t-\tcountry=JO\tAmman\n"
    "US-MN\tPLACE\tMinnesota\t-\tcountry=US\tMinnesota|Minn.{case}\n"
    "US\tCOUNTRY\tUnited States\tQ30\t-\tUnited States|U.S.\n"
    "Q56226\tPERSON\tKim Jong Un\tQ56226\tcountry=KP\tKim Jong Un|Kim Jong-un\n"
    "Q41421\tPERSON\tMichael Jordan\tQ41421\t-\tMichael Jordan\n"
    "Q1768\tORG\tWorld Food Programme\tQ1768\t-\tWorld Food Programme\n"
    "Q1\tORG\tLabour Party (Malta)\tQ1\tcountry=MT\tLabour Party{weak}\n"
    "Q2\tORG\tLabour Party (UK)\tQ2\tcountry=GB\tLabour Party{weak}\n"
    "GE\tCOUNTRY\tGeorgia\tQ230\t-\tGeorgia{given-name}|Georgian{demonym}\n"
    "sm:3\tPLACE\tTbilisi\t-\tcountry=GE\tTbilisi\n"
    "US-GA\tPLACE\tGeorgia\t-\tcountry=US\tGeorgia{given-name}|Ga.{case}\n"
    "sm:4\tPLACE\tAtlanta\t-\tcountry=US\tAtlanta\n"
    "US-MA\tPLACE\tMassachusetts\t-\tcountry=US\t"
    "Massachusetts|Mass.{case,after-place}|Mass{case,after-place}\n"
    "CN\tCOUNTRY\tChina\tQ148\t-\tChina|Chinese{demonym}\n"
    "Q48192\tORG\tInternational Coffee Organization\tQ48192\t-\t"
    "International Coffee Organization|International Coffee Organisation\n"
    "Q7164\tORG\tWorld Bank\tQ7164\t-\tWorld Bank\n"
    "sec:1075124\tORG\tThomson Reuters Corp\t-\t-\tThomson Reuters|Reuters{case}\n"
    "Q9960\tPERSON\tRonald Reagan\tQ9960\tcountry=US\t"
    "Ronald Reagan|President Reagan{titled}\n"
    "Q64840184\tPERSON\tIrfaan Ali\tQ64840184\tcountry=GY\tIrfaan Ali|President Ali{titled}\n"
    "Q15031\tPERSON\tXi Jinping\tQ15031\tcountry=CN\tXi Jinping|President Xi{titled}\n"
    "Q90001\tPERSON\tAnders \xC3\x98rsted\tQ90001\t-\tAnders \xC3\x98rsted\n"
    "UA\tCOUNTRY\tUkraine\tQ212\t-\tUkraine\n"
    "Q1984161\tORG\tParty of Free Democrats\tQ1984161\tcountry=UA\t"
    "Party of Free Democrats|Apple{case,weak}\n"
    "sec:320193\tORG\tApple Inc.\t-\t-\tApple Inc.|Apple{case}\n";
/* clang-format on */

static tagger_t *tg;
static tagger_scratch_t *scratch;

static void setup(void)
{
    tagger_source_t src = {"document-test.tsv", gazetteer, sizeof gazetteer - 1};
    tagger_error_t *err = NULL;
    ck_assert_int_eq(tagger_compile(&src, 1, 0, &tg, &err), TAGGER_OK);
    ck_assert_msg(err == NULL, "test gazetteer: line %ld: %s", err ? err->line : 0L,
                  err ? err->message : "");
    ck_assert_int_eq(tagger_scratch_new(tg, &scratch), TAGGER_OK);
}

static void teardown(void)
{
    tagger_scratch_free(scratch);
    tagger_free(tg);
}

static tagger_result_t *annotate(const char *text)
{
    tagger_result_t *r = NULL;
    ck_assert_int_eq(tagger_annotate(tg, scratch, text, strlen(text), &r), TAGGER_OK);
    return r;
}

static const tagger_entity_t *find(const tagger_result_t *r, const char *id)
{
    for (size_t i = 0; i < tagger_result_n_entities(r); i++) {
        const tagger_entity_t *e = tagger_result_entity(r, i);
        if (strcmp(e->id, id) == 0) {
            return e;
        }
    }
    return NULL;
}

/* Rank of an entity in the result (0 = most relevant), or -1. */
static int rank(const tagger_result_t *r, const char *id)
{
    for (size_t i = 0; i < tagger_result_n_entities(r); i++) {
        if (strcmp(tagger_result_entity(r, i)->id, id) == 0) {
            return (int)i;
        }
    }
    return -1;
}

/* Entity @p id of @p r, with @p n mentions, the first of them @p first, a
 * short form in the headline above the full name. */
static const tagger_entity_t *headline_short_first(const tagger_result_t *r, const char *id,
                                                   size_t n, const char *first)
{
    const tagger_entity_t *e = find(r, id);
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(e->n_mentions, n);
    ck_assert_str_eq(e->mentions[0].text, first);
    ck_assert_int_eq(e->mentions[0].via, TAGGER_VIA_SHORT);
    return e;
}

/* ------------------------------------------------------------------------ */
/* Short names                                                               */

START_TEST(test_surname_after_full_name)
{
    const char *text = "Kim said nothing. North Korean leader Kim Jong Un spoke on "
                       "Monday. Kim\xE2\x80\x99s remarks, and Kim Yo Jong's, drew replies.";
    tagger_result_t *r = annotate(text);
    const tagger_entity_t *kim = find(r, "Q56226");
    ck_assert_ptr_nonnull(kim);
    /* The full name, then "Kim" of "Kim’s"; not the "Kim" before the full
     * name, nor the "Kim" of Kim Yo Jong. */
    ck_assert_uint_eq(kim->n_mentions, 2);
    ck_assert_str_eq(kim->mentions[0].text, "Kim Jong Un");
    ck_assert_str_eq(kim->mentions[1].text, "Kim");
    ck_assert_int_eq(kim->mentions[1].via, TAGGER_VIA_SHORT);
    ck_assert_uint_eq(kim->mentions[1].start, (size_t)(strstr(text, "Kim\xE2\x80\x99") - text));
    tagger_result_free(r);
}
END_TEST

/* A headline names the man by his surname before the text names him in
 * full (Reuters, 26 February 1987): the headline's "REAGAN" is his too. */
START_TEST(test_surname_in_headline_before_full_name)
{
    const char *text = "TOWER REPORT DIMINISHES REAGAN'S HOPES OF REBOUND\n"
                       "WASHINGTON, Feb 26 -\n"
                       "The Tower Commission report, which says President Reagan was\n"
                       "ignorant about much of the Iran arms deal, just about ends his\n"
                       "prospects of regaining political dominance in Washington.\n";
    tagger_result_t *r = annotate(text);
    const tagger_entity_t *e = headline_short_first(r, "Q9960", 2, "REAGAN");
    ck_assert_str_eq(e->mentions[1].text, "Reagan");
    tagger_result_free(r);
}
END_TEST

/* A short form whose first byte is not ASCII (short_names.c keeps a set of
 * first bytes); a word with the same first byte is not it. */
START_TEST(test_surname_not_ascii)
{
    const char *text = "Anders \xC3\x98rsted arrived. \xC3\x98resund was calm, and "
                       "\xC3\x98rsted said so.";
    tagger_result_t *r = annotate(text);
    const tagger_entity_t *e = find(r, "Q90001");
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(e->n_mentions, 2);
    ck_assert_int_eq(e->mentions[1].via, TAGGER_VIA_SHORT);
    ck_assert_uint_eq(e->mentions[1].start, (size_t)(strstr(text, "\xC3\x98rsted said") - text));
    tagger_result_free(r);
}
END_TEST

START_TEST(test_variant_spelling_links_too)
{
    tagger_result_t *r = annotate("Kim Jong-un visited a factory. Later, Kim inspected a "
                                  "missile launch.");
    const tagger_entity_t *kim = find(r, "Q56226");
    ck_assert_ptr_nonnull(kim);
    ck_assert_uint_eq(kim->n_mentions, 2);
    ck_assert_str_eq(kim->mentions[1].text, "Kim");
    tagger_result_free(r);
}
END_TEST

START_TEST(test_acronym_introduced_in_brackets)
{
    const char *text = "WFP staff left early. The World Food Programme (WFP) said aid "
                       "was running out, and WFP trucks were stopped at the border.";
    tagger_result_t *r = annotate(text);
    const tagger_entity_t *wfp = find(r, "Q1768");
    ck_assert_ptr_nonnull(wfp);
    /* The full name, the bracketed acronym, the later acronym; not the first
     * word of the text, which comes before the introduction. */
    ck_assert_uint_eq(wfp->n_mentions, 3);
    ck_assert_str_eq(wfp->mentions[1].text, "WFP");
    ck_assert_str_eq(wfp->mentions[2].text, "WFP");
    ck_assert_uint_eq(wfp->mentions[2].start, (size_t)(strstr(text, "WFP trucks") - text));
    tagger_result_free(r);
}
END_TEST

/* Wires use an organization's initials without introducing them, often in
 * the headline before the full name. */
START_TEST(test_acronym_from_initials)
{
    const char *text = "ICO TALKS ON COFFEE QUOTAS FAIL\n"
                       "LONDON, March 3 -\n"
                       "Talks at the International Coffee Organization on export quotas "
                       "broke down late on Monday, and ICO delegates said they would not "
                       "meet again before September.\n";
    tagger_result_t *r = annotate(text);
    const tagger_entity_t *ico = headline_short_first(r, "Q48192", 3, "ICO");
    ck_assert_uint_eq(ico->mentions[2].start, (size_t)(strstr(text, "ICO delegates") - text));
    tagger_result_free(r);

    /* Two initials are too often something else: "WB" is not the World Bank. */
    r = annotate("The World Bank approved the loan on Friday, and WB Holdings shares fell.");
    ck_assert_uint_eq(find(r, "Q7164")->n_mentions, 1);
    tagger_result_free(r);
}
END_TEST

/* "President Reagan": the title finds the person, the mention is his name,
 * and later surname-only mentions link to him. */
START_TEST(test_title_and_surname)
{
    const char *text = "PRESIDENT REAGAN VETOES HIGHWAY BILL\n"
                       "WASHINGTON, March 27 -\n"
                       "President Reagan vetoed the highway bill on Friday, and Reagan "
                       "aides said the veto would stand.\n";
    tagger_result_t *r = annotate(text);
    const tagger_entity_t *rr = find(r, "Q9960");
    ck_assert_ptr_nonnull(rr);
    ck_assert_uint_eq(rr->n_mentions, 3);
    ck_assert_str_eq(rr->mentions[0].text, "REAGAN");
    ck_assert_str_eq(rr->mentions[1].text, "Reagan");
    ck_assert_uint_eq(rr->mentions[1].start, (size_t)(strstr(text, "Reagan vetoed") - text));
    ck_assert_int_eq(rr->mentions[2].via, TAGGER_VIA_SHORT);
    tagger_result_free(r);

    /* A title before someone else's full name is not that person's... */
    r = annotate("Iranian President Ali Khamenei said the war would go on.");
    ck_assert_ptr_null(find(r, "Q64840184"));
    tagger_result_free(r);
    /* ... but before the person's own full name, the full name is the mention. */
    r = annotate("President Xi Jinping arrived in Paris on Sunday.");
    ck_assert_ptr_nonnull(find(r, "Q15031"));
    ck_assert_str_eq(find(r, "Q15031")->mentions[0].text, "Xi Jinping");
    tagger_result_free(r);

    /* A bare surname with no title and no full name is not enough. */
    r = annotate("Reagan aides said the veto would stand.");
    ck_assert_ptr_null(find(r, "Q9960"));
    tagger_result_free(r);
}
END_TEST

START_TEST(test_surname_wins_over_given_name_country)
{
    tagger_result_t *r = annotate("Michael Jordan retired in 2003. Jordan said he would "
                                  "coach.");
    const tagger_entity_t *mj = find(r, "Q41421");
    ck_assert_ptr_nonnull(mj);
    ck_assert_uint_eq(mj->n_mentions, 2);
    ck_assert_ptr_null(find(r, "JO"));
    tagger_result_free(r);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Given names, weak aliases, places                                         */

START_TEST(test_given_name_beside_a_name_is_not_a_country)
{
    static const char *const people[] = {
        "Jordan Henderson scored twice for Liverpool.",
        "The striker Michael Jordan Smith signed on Friday.",
        "Coach Jordan said the team was tired.",
        "Michael B. Jordan said he had read the script.", /* an initial before it */
    };
    for (size_t i = 0; i < sizeof people / sizeof *people; i++) {
        tagger_result_t *r = annotate(people[i]);
        ck_assert_msg(find(r, "JO") == NULL, "'%s' gave the country Jordan", people[i]);
        tagger_result_free(r);
    }
    static const char *const countries[] = {
        "In Jordan, protesters marched on parliament.",
        "Jordan said it would close the border.",
        "Aid reached Jordan's refugee camps on Tuesday.",
        /* In a headline every word has its capital: a common word beside
         * the name says nothing. */
        "Jordan Closes Border With Syria\n\nThe kingdom shut its northern crossing on Sunday "
        "after fighting near the frontier, officials said. Thousands of refugees waited on "
        "the other side.",
    };
    for (size_t i = 0; i < sizeof countries / sizeof *countries; i++) {
        tagger_result_t *r = annotate(countries[i]);
        ck_assert_msg(find(r, "JO") != NULL, "'%s' lost the country Jordan", countries[i]);
        tagger_result_free(r);
    }
}
END_TEST

START_TEST(test_weak_alias_needs_its_country)
{
    tagger_result_t *r = annotate("The Labour Party won the vote by a wide margin.");
    ck_assert_ptr_null(find(r, "Q1"));
    ck_assert_ptr_null(find(r, "Q2"));
    tagger_result_free(r);

    r = annotate("In Malta, the Labour Party won the vote by a wide margin.");
    ck_assert_ptr_nonnull(find(r, "Q1"));
    ck_assert_ptr_null(find(r, "Q2"));
    tagger_result_free(r);
}
END_TEST

START_TEST(test_place_stands_for_its_country)
{
    const char *text = "Pyongyang said the test was routine.";
    tagger_result_t *r = annotate(text);
    const tagger_entity_t *kp = find(r, "KP");
    ck_assert_ptr_nonnull(kp);
    ck_assert_uint_eq(kp->n_mentions, 1);
    ck_assert_int_eq(kp->mentions[0].via, TAGGER_VIA_PLACE);
    ck_assert_str_eq(kp->mentions[0].text, "Pyongyang");
    ck_assert_ptr_nonnull(find(r, "sm:1"));
    tagger_result_free(r);
}
END_TEST

START_TEST(test_place_supports_a_given_name_country)
{
    /* "Jordan Valley": a capitalised word after it, but Amman names the
     * country; the given-name rule still drops the span itself. */
    tagger_result_t *r = annotate("Talks in Amman ended. Jordan agreed to host the next round.");
    const tagger_entity_t *jo = find(r, "JO");
    ck_assert_ptr_nonnull(jo);
    ck_assert_uint_eq(jo->n_mentions, 2); /* via Amman, then by name */
    tagger_result_free(r);
}
END_TEST

/* "Georgia" is a country and a US state: the rest of the document decides,
 * and a document that cannot tell leaves it out. */
/* A weak alias that only its country speaks for gives way to a strong
 * alias of the same span: two BBC stories (2005), one naming Ukraine, the
 * other Apple, the company and not Ukraine's party of that English name. */
START_TEST(test_strong_alias_beats_weak_with_country)
{
    tagger_result_t *r = annotate(
        "Ukraine is preparing what could be a wholesale review of the privatisation of "
        "thousands of businesses by the previous administration.\n"
        "Apple has expanded its iPod family with the release of its next generation of the "
        "digital music players.\n");
    ck_assert_ptr_nonnull(find(r, "sec:320193"));
    ck_assert_ptr_null(find(r, "Q1984161"));
    tagger_result_free(r);
}
END_TEST

START_TEST(test_ambiguous_georgia)
{
    tagger_result_t *r = annotate("Georgia said on Monday that Russian troops had crossed "
                                  "the border, and crowds gathered in Tbilisi.");
    ck_assert_ptr_nonnull(find(r, "GE"));
    ck_assert_ptr_null(find(r, "US-GA"));
    tagger_result_free(r);

    r = annotate("Delta Air Lines, based in Atlanta, said Georgia would lose 2,000 jobs "
                 "if the plant closed.");
    ck_assert_ptr_nonnull(find(r, "US-GA"));
    ck_assert_ptr_null(find(r, "GE"));
    tagger_result_free(r);

    r = annotate("Georgia said on Monday it would hold an early vote.");
    ck_assert_ptr_null(find(r, "GE"));
    ck_assert_ptr_null(find(r, "US-GA"));
    tagger_result_free(r);
}
END_TEST

/* State abbreviations that are also words or titles stand only after
 * "Place, ", as in a dateline. */
START_TEST(test_state_after_place)
{
    static const char *const states[] = {
        "WALTHAM, Mass., March 3 - The software maker said profits rose.",
        "FOXBORO, MASS., March 6 - The instrument maker posted a loss.",
        "The company, based in Waltham, Mass, said profits rose.",
    };
    for (size_t i = 0; i < sizeof states / sizeof *states; i++) {
        tagger_result_t *r = annotate(states[i]);
        ck_assert_msg(find(r, "US-MA") && find(r, "US"), "'%s' lost Massachusetts",
                      states[i]);
        tagger_result_free(r);
    }
    static const char *const words[] = {
        "Thousands attended the Christmas Mass. It lasted two hours.",
        "Mass layoffs hit the town after the plant closed.",
        "The pope said Mass in the square on Sunday.",
    };
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        tagger_result_t *r = annotate(words[i]);
        ck_assert_msg(find(r, "US-MA") == NULL, "'%s' gave Massachusetts", words[i]);
        tagger_result_free(r);
    }
}
END_TEST

/* A wire dateline: the state abbreviation in capitals, in a line that is not
 * all capitals, still matches its exact-case alias "Minn.", next to the
 * capitalised city, and the state stands for its country. */
START_TEST(test_dateline_in_capitals)
{
    tagger_result_t *r = annotate("MINNETONKA, MINN., Feb 26 - Shares of the medical "
                                  "supplier rose after results.");
    ck_assert_ptr_nonnull(find(r, "US-MN"));
    ck_assert_ptr_nonnull(find(r, "US"));
    tagger_result_free(r);
    r = annotate("The report said minn. was a typo, and MINN. alone means nothing.");
    ck_assert_ptr_null(find(r, "US-MN"));
    tagger_result_free(r);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Page furniture and menus                                                  */

/* A crawled page: a language menu, the article, then a headline list. */
static const char page[] =
    "en English fr French de German ko Korean ja Japanese zh Chinese es Spanish "
    "it Italian pt Portuguese ru Russian ar Arabic hi Hindi tr Turkish\n"
    "Sign in\n"
    "North Korea Rejects Talks\n"
    "By Staff Reporters\n"
    "\n"
    "North Korea said on Sunday that it would not return to talks with South Korea, "
    "and its leader Kim Jong Un ordered more missile tests.\n"
    "Officials in Seoul said the statement was expected, and that South Korea would "
    "keep its defences ready for the months ahead.\n"
    "\n"
    "Related news\n"
    "Taiwan Holds Drills Near Coast\n"
    "Malta Votes on New Budget\n"
    "Taiwan Election Results Announced\n"
    "Britain Names New Envoy\n";

START_TEST(test_menu_gives_no_entity)
{
    tagger_result_t *r = annotate(page);
    ck_assert_ptr_null(find(r, "FR")); /* "French" only in the menu */
    tagger_result_free(r);
}
END_TEST

/* A news agency credited with a story is no mention of it: in brackets at
 * the end of a headline or before the dash of a dateline, or opening a line
 * before a dash, as feeds write wire stories.  Named in the story, or in
 * brackets with the text going on, it is. */
START_TEST(test_wire_credit_is_no_mention)
{
    tagger_result_t *r = annotate("Iraq Violence Kills 12 (Reuters)\nReuters - Insurgents killed 12 "
                                  "people across Iraq on Sunday, police told Reuters.\n");
    const tagger_entity_t *e = find(r, "sec:1075124");
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(e->n_mentions, 1);
    ck_assert_uint_eq(e->mentions[0].start, 106); /* "told Reuters" */
    tagger_result_free(r);
    r = annotate("BAGHDAD (Reuters) \xE2\x80\x94 Insurgents killed 12 people on Sunday.\n");
    ck_assert_ptr_null(find(r, "sec:1075124"));
    tagger_result_free(r);
    r = annotate("The story was first carried by the agency (Reuters) on Monday.\n");
    ck_assert_ptr_nonnull(find(r, "sec:1075124"));
    tagger_result_free(r);
}
END_TEST

/* A site's language picker, with the names of scripts in brackets. */
START_TEST(test_language_names_are_not_countries)
{
    const char *text =
        "English Espa\xC3\xB1ol Fran\xC3\xA7" "ais Deutsch Italiano Portugu\xC3\xAAs "
        "Chinese (Simplified) Chinese (Traditional) Japanese Korean Arabic Russian Hindi "
        "Turkish Polish Dutch Swedish Greek Hebrew Thai Vietnamese Indonesian Malay "
        "Ukrainian Czech Romanian\n"
        "\n"
        "North Korea said on Sunday that it would not return to talks with South Korea, "
        "and its leader Kim Jong Un ordered more missile tests near the border.\n";
    tagger_result_t *r = annotate(text);
    ck_assert_ptr_null(find(r, "CN"));
    ck_assert_ptr_null(find(r, "FR"));
    ck_assert_int_eq(rank(r, "KP"), 0);
    tagger_result_free(r);
}
END_TEST

/* An earnings report: headline, dateline, a table of figures and one line
 * of prose at the end.  The dateline is the article's, not furniture. */
START_TEST(test_dateline_opens_table_body)
{
    const char *text = "ACME MEDICAL CORP 2ND QTR JAN 31 NET\n"
                       "EDEN PRAIRIE, MINN., March 2 -\n"
                       "Shr 67 cts vs 23 cts\n"
                       "    Net 5,220,000 vs 3,143,000\n"
                       "    Revs 236.1 mln vs 256.2 mln\n"
                       "    Avg shrs 7.8 mln vs 13.7 mln\n"
                       "    Six Mths\n"
                       "    Shr 85 cts vs 59 cts\n"
                       "    Net 8,919,000 vs 8,158,000\n"
                       "    Revs 483.8 mln vs 515.5 mln\n"
                       "    NOTE: Second quarter earnings include a gain of 3.4 mln dlrs\n"
                       "from the sale of a unit and exclude preferred dividend payments.\n";
    tagger_result_t *r = annotate(text);
    const tagger_entity_t *us = find(r, "US");
    ck_assert_ptr_nonnull(us);
    ck_assert_int_eq(us->mentions[0].via, TAGGER_VIA_PLACE);
    ck_assert_msg(us->relevance >= TAGGER_FACET_THRESHOLD, "relevance %.3f", us->relevance);
    tagger_result_free(r);

    /* The same with no prose line at all. */
    r = annotate("ACME MEDICAL CORP 2ND QTR NET\n"
                 "EDEN PRAIRIE, MINN., March 2 -\n"
                 "Shr 67 cts vs 23 cts\n"
                 "    Net 5,220,000 vs 3,143,000\n");
    us = find(r, "US");
    ck_assert_ptr_nonnull(us);
    ck_assert_msg(us->relevance >= TAGGER_FACET_THRESHOLD, "relevance %.3f", us->relevance);
    tagger_result_free(r);
}
END_TEST

/* A city named in passing in the body counts less for its country than the
 * dateline does. */
START_TEST(test_dateline_place_outweighs_body_place)
{
    /* On a line of its own, as Reuters-21578 sets it, and before the first
     * sentence on its line, as wires set it today (Reuters, AP). */
    static const char *const datelines[] = {"ATLANTA, March 3 -\n",
                                            "ATLANTA, March 3 (Reuters) - ",
                                            "ATLANTA (AP) \xE2\x80\x94 "};
    for (size_t i = 0; i < 3; i++) {
        char text[512];
        snprintf(text, sizeof text,
                 "%sThe airline said on Tuesday that it would add flights to Seoul and expand "
                 "its fleet, and that fares from Pyongyang were not part of the plan this "
                 "year.\n",
                 datelines[i]);
        tagger_result_t *r = annotate(text);
        ck_assert_msg(find(r, "US")->relevance > find(r, "KP")->relevance, "%s", text);
        ck_assert_msg(find(r, "US")->relevance >= TAGGER_FACET_THRESHOLD, "%s", text);
        ck_assert(find(r, "KP")->relevance < TAGGER_FACET_THRESHOLD);
        tagger_result_free(r);
    }
}
END_TEST

/* A city in a dateline and the country its name implies share a mention
 * and a relevance: the city, named, comes first; the order must not depend on
 * how qsort treats elements that compare equal. */
START_TEST(test_named_city_before_implied_country)
{
    tagger_result_t *r = annotate("ATLANTA, Feb 26 -\nDelegates met on Monday for the talks.\n");
    const tagger_entity_t *city = find(r, "sm:4"), *country = find(r, "US");
    ck_assert_ptr_nonnull(city);
    ck_assert_ptr_nonnull(country);
    ck_assert_int_eq(country->mentions[0].via, TAGGER_VIA_PLACE);
    ck_assert_double_eq(city->relevance, country->relevance);
    ck_assert_int_eq(rank(r, "sm:4"), 0);
    ck_assert_int_eq(rank(r, "US"), 1);
    tagger_result_free(r);
}
END_TEST

START_TEST(test_sidebar_ranks_below_article)
{
    tagger_result_t *r = annotate(page);
    int kp = rank(r, "KP"), kr = rank(r, "KR"), kim = rank(r, "Q56226");
    ck_assert_int_eq(kp, 0);
    ck_assert_int_ge(kr, 0);
    ck_assert_int_ge(kim, 0);
    static const char *const sidebar[] = {"TW", "MT", "GB"};
    for (size_t i = 0; i < 3; i++) {
        const tagger_entity_t *e = find(r, sidebar[i]);
        ck_assert_msg(e != NULL, "%s is reported, with low relevance", sidebar[i]);
        ck_assert_int_gt(rank(r, sidebar[i]), kr);
        ck_assert_int_gt(rank(r, sidebar[i]), kim);
        ck_assert(e->relevance < TAGGER_FACET_THRESHOLD);
    }
    /* Taiwan twice in the sidebar still ranks below Kim, once in the body. */
    ck_assert_uint_eq(find(r, "TW")->n_mentions, 2);
    tagger_result_free(r);
}
END_TEST

START_TEST(test_title_counts)
{
    tagger_result_t *r = annotate(page);
    /* Named in the title and first in the body. */
    ck_assert(find(r, "KP")->relevance > find(r, "KR")->relevance);
    ck_assert(find(r, "KP")->relevance >= 0.75); /* 0.55 * (1 - e^-1) + 0.25 + 0.2 */
    tagger_result_free(r);
}
END_TEST

/* A headline in sentence case on a line of its own above the text (BBC
 * News' style), long enough to read as prose, is the title: a place named
 * there says where the story is, as a dateline does.  The same line ending
 * in a full stop is a sentence. */
START_TEST(test_sentence_case_headline_is_title)
{
    static const char body[] = "\n\nThe first convoy of food aid crossed the border on Tuesday "
                               "after weeks of talks, officials of the agency said. Trucks "
                               "carried rice and flour north, where shortages have grown.\n";
    char text[512];
    snprintf(text, sizeof text, "Aid convoy finally reaches Pyongyang after talks%s", body);
    tagger_result_t *r = annotate(text);
    ck_assert_msg(find(r, "KP")->relevance >= TAGGER_FACET_THRESHOLD, "relevance %.3f",
                  find(r, "KP")->relevance);
    tagger_result_free(r);
    snprintf(text, sizeof text, "An aid convoy finally reached Pyongyang after talks.%s", body);
    r = annotate(text);
    ck_assert_msg(find(r, "KP")->relevance < TAGGER_FACET_THRESHOLD, "relevance %.3f",
                  find(r, "KP")->relevance);
    tagger_result_free(r);
}
END_TEST

/* The first paragraphs of a BBC News article (2005), one per line, for
 * pages built around them. */
static const char korea_spending[] =
    "South Korea will boost state spending next year in an effort to create jobs and kick "
    "start its sputtering economy.\n\n"
    "It has earmarked 100 trillion won ($96bn) for the first six months of 2005, 60% of its "
    "total annual budget. The government's main problems are \"slumping consumption and a "
    "contraction in the construction industry\". It aims to create 400,000 jobs and will "
    "focus on infrastructure and home building, as well as providing public firms with "
    "money to hire new workers.\n";

/* A page of one paragraph per line with the site's list of related stories
 * under the article: their headlines, in sentence case, read as prose by
 * their words, but end no sentence, so they are no part of the body; China,
 * named only there, ranks below the article's country. */
START_TEST(test_sentence_case_headline_list_is_furniture)
{
    char text[1024];
    snprintf(text, sizeof text,
             "S Korea spending boost to economy\n\n%s\n"
             "More on this story\n"
             "China keeps tight rein on credit\n"
             "Venezuela and China sign oil deal\n"
             "Chinese exports rise 25%% in 2004\n",
             korea_spending);
    tagger_result_t *r = annotate(text);
    ck_assert(find(r, "KR")->relevance >= TAGGER_FACET_THRESHOLD);
    ck_assert_ptr_nonnull(find(r, "CN"));
    ck_assert_msg(find(r, "CN")->relevance < TAGGER_FACET_THRESHOLD, "relevance %.3f",
                  find(r, "CN")->relevance);
    ck_assert_int_gt(rank(r, "CN"), rank(r, "KR"));
    tagger_result_free(r);
}
END_TEST

/* A page's picture credits and captions (BBC's "Image source, ...", AP's
 * "(AP Photo/...)") name the photograph's maker and subject, not the
 * story's: what only they name ranks below the article's entities. */
START_TEST(test_picture_credits_and_captions_are_furniture)
{
    char text[1024];
    snprintf(text, sizeof text,
             "S Korea spending boost to economy\n\n"
             "Image source, Reuters\n"
             "FILE - A container ship at a port in Taiwan. (AP Photo/Chiang Ying-ying, File)\n"
             "%s",
             korea_spending);
    tagger_result_t *r = annotate(text);
    ck_assert(find(r, "KR")->relevance >= TAGGER_FACET_THRESHOLD);
    static const char *const pictures[] = {"sec:1075124", "TW"};
    for (size_t i = 0; i < 2; i++) {
        const tagger_entity_t *e = find(r, pictures[i]);
        ck_assert_msg(e != NULL, "%s is reported, with low relevance", pictures[i]);
        ck_assert_msg(e->relevance < TAGGER_FACET_THRESHOLD, "%s: relevance %.3f", pictures[i],
                      e->relevance);
        ck_assert_int_gt(rank(r, pictures[i]), rank(r, "KR"));
    }
    tagger_result_free(r);
}
END_TEST

START_TEST(test_plain_text_is_all_article)
{
    /* No prose line at all: nothing to tell furniture from, so all counts. */
    tagger_result_t *r = annotate("Taiwan Holds Drills Near Coast");
    ck_assert_ptr_nonnull(find(r, "TW"));
    ck_assert(find(r, "TW")->relevance >= TAGGER_FACET_THRESHOLD);
    tagger_result_free(r);
}
END_TEST

Suite *document_suite(void)
{
    Suite *s = suite_create("document");
    TCase *tc = tcase_create("short names");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_surname_after_full_name);
    tcase_add_test(tc, test_surname_in_headline_before_full_name);
    tcase_add_test(tc, test_variant_spelling_links_too);
    tcase_add_test(tc, test_surname_not_ascii);
    tcase_add_test(tc, test_acronym_introduced_in_brackets);
    tcase_add_test(tc, test_acronym_from_initials);
    tcase_add_test(tc, test_title_and_surname);
    tcase_add_test(tc, test_surname_wins_over_given_name_country);
    suite_add_tcase(s, tc);
    tc = tcase_create("resolution");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_given_name_beside_a_name_is_not_a_country);
    tcase_add_test(tc, test_weak_alias_needs_its_country);
    tcase_add_test(tc, test_place_stands_for_its_country);
    tcase_add_test(tc, test_place_supports_a_given_name_country);
    tcase_add_test(tc, test_dateline_in_capitals);
    tcase_add_test(tc, test_ambiguous_georgia);
    tcase_add_test(tc, test_strong_alias_beats_weak_with_country);
    tcase_add_test(tc, test_state_after_place);
    suite_add_tcase(s, tc);
    tc = tcase_create("layout");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_menu_gives_no_entity);
    tcase_add_test(tc, test_wire_credit_is_no_mention);
    tcase_add_test(tc, test_language_names_are_not_countries);
    tcase_add_test(tc, test_dateline_opens_table_body);
    tcase_add_test(tc, test_dateline_place_outweighs_body_place);
    tcase_add_test(tc, test_sidebar_ranks_below_article);
    tcase_add_test(tc, test_named_city_before_implied_country);
    tcase_add_test(tc, test_title_counts);
    tcase_add_test(tc, test_sentence_case_headline_is_title);
    tcase_add_test(tc, test_sentence_case_headline_list_is_furniture);
    tcase_add_test(tc, test_picture_credits_and_captions_are_furniture);
    tcase_add_test(tc, test_plain_text_is_all_article);
    suite_add_tcase(s, tc);
    return s;
}
