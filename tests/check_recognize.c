/*
 * check_recognize.c - names no gazetteer lists (recognize.c, name_model.c):
 * each cue on a real sentence of news English, what must not become a name,
 * gazetteer precedence, one name one type, short names, the output fields,
 * TAGGER_SCRATCH_NO_RECOGNIZE, and the model file's diagnostics.
 *
 * The tagger is the shipped name model (models/names.model, read from the
 * repository root where the tests run) and a two-line gazetteer, so that a
 * test says which names come from where.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "name_model.h"
#include "recog_internal.h"
#include "suites.h"
#include "tagger.h"

static const char gazetteer[] =
    "Q56226\tPERSON\tKim Jong Un\tQ56226\t-\tKim Jong Un\n"
    "KP\tCOUNTRY\tNorth Korea\tQ423\t-\tNorth Korea\n"
    "KR\tCOUNTRY\tSouth Korea\tQ884\t-\tSouth Korea\n"
    "sm:1\tPLACE\tMeridian\t-\t-\tMeridian\n"
    "sm:2\tPLACE\tHouston\t-\t-\tHouston\n"
    "sm:3\tPLACE\tKyoto\t-\t-\tKyoto\n"
    "sm:4\tPLACE\tChicago\t-\t-\tChicago\n"
    "sm:5\tPLACE\tAtlanta\t-\t-\tAtlanta\n"
    "sm:6\tPLACE\tAustin\t-\t-\tAustin\n"
    "sm:7\tPLACE\tBolton\t-\t-\tBolton{given-name}\n"
    "sm:8\tPLACE\tMunich\t-\t-\tMunich\n"
    "sm:9\tPLACE\tFort Wayne\t-\t-\tFort Wayne\n"
    "US-IA\tPLACE\tIowa\t-\t-\tIowa\n"
    "sm:10\tPLACE\tMilan\t-\t-\tMilan\n"
    "US-IL\tPLACE\tIllinois\t-\t-\tIllinois\n"
    "US-CA\tPLACE\tCalifornia\t-\tcountry=US\tCalifornia\n"
    "US-PA\tPLACE\tPennsylvania\t-\t-\tPennsylvania\n"
    "JP\tCOUNTRY\tJapan\tQ17\t-\tJapan\n"
    "CN\tCOUNTRY\tChina\tQ148\t-\tChina\n"
    "sm:11\tPLACE\tKansas City\t-\t-\tKansas City\n"
    "sm:12\tPLACE\tDetroit\t-\t-\tDetroit\n"
    "sm:13\tPLACE\tBirmingham\t-\t-\tBirmingham\n"
    "sm:14\tPLACE\tBarnsley\t-\t-\tBarnsley\n"
    "sm:15\tPLACE\tSlough\t-\t-\tSlough\n"
    "sm:16\tPLACE\tMoscow\t-\t-\tMoscow\n"
    "GB-ENG\tPLACE\tEngland\t-\t-\tEngland\n"
    "GB-SCT\tPLACE\tScotland\t-\t-\tScotland\n"
    "GB-WLS\tPLACE\tWales\t-\t-\tWales\n"
    "FR\tCOUNTRY\tFrance\tQ142\t-\tFrance\n"
    "JO\tCOUNTRY\tJordan\tQ810\t-\tJordan{given-name}\n"
    "sm:17\tPLACE\tBlackburn\t-\t-\tBlackburn\n"
    "sec:1075124\tORG\tThomson Reuters Corp\t-\t-\tThomson Reuters|Reuters{case}\n"
    "Q22686\tPERSON\tDonald Trump\tQ22686\t-\tDonald Trump|Trump{surname}\n"
    "sec:789019\tORG\tMicrosoft Corp\t-\t-\tMicrosoft Corp|Microsoft{case}\n"
    "sec:1652044\tORG\tAlphabet Inc\t-\t-\tAlphabet Inc|Google{case}\n"
    "sm:18\tPLACE\tRodriguez\t-\tcountry=PH\tRodriguez\n"
    "PH\tCOUNTRY\tPhilippines\tQ928\t-\tPhilippines\n"
    "sm:19\tPLACE\tMadrid\t-\tcountry=ES\tMadrid{given-name}\n"
    "ES\tCOUNTRY\tSpain\tQ29\t-\tSpain\n"
    "sm:20\tPLACE\tCaracas\t-\tcountry=VE\tCaracas\n"
    "VE\tCOUNTRY\tVenezuela\tQ717\t-\tVenezuela\n"
    "sm:21\tPLACE\tPhoenix\t-\tcountry=US\tPhoenix\n"
    "US\tCOUNTRY\tUnited States\tQ30\t-\tUnited States|America\n"
    "sec:1549107\tORG\tManchester United plc\t-\t-\tManchester United\n"
    "Q7160\tORG\tEconomic Commission for Africa\t-\t-\tEconomic Commission for Africa\n"
    "sec:1726173\tORG\tBiglari Holdings Inc.\t-\t-\tBiglari Holdings|Biglari{case,given-name}\n"
    "sm:22\tPLACE\tManchester\t-\t-\tManchester\n"
    "sm:23\tPLACE\tNottingham\t-\t-\tNottingham\n"
    "sm:24\tPLACE\tStamford\t-\tcountry=US\tStamford\n"
    "sm:25\tPLACE\tQuezon City\t-\tcountry=PH\tQuezon City\n"
    "US-MS\tPLACE\tMississippi\t-\tcountry=US\tMississippi\n"
    "sm:26\tPLACE\tRome\t-\tcountry=IT\tRome\n"
    "IT\tCOUNTRY\tItaly\tQ38\t-\tItaly\n"
    "sm:27\tPLACE\tPhiladelphia\t-\tcountry=US\tPhiladelphia\n"
    "US-TX\tPLACE\tTexas\t-\tcountry=US\tTexas\n"
    "sm:28\tPLACE\tLondon\t-\tcountry=GB\tLondon\n";

static tagger_t *tg;
static tagger_scratch_t *scratch;

static void setup(void)
{
    tagger_source_t src[] = {{"recognize-test.tsv", gazetteer, sizeof gazetteer - 1},
                             {"models/names.model", NULL, 0}};
    tagger_error_t *err = NULL;
    ck_assert_int_eq(tagger_compile(src, 2, 0, &tg, &err), TAGGER_OK);
    ck_assert_ptr_null(err);
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

/* The entity named @p name, or NULL. */
static const tagger_entity_t *find(const tagger_result_t *r, const char *name)
{
    for (size_t i = 0; i < tagger_result_n_entities(r); i++) {
        const tagger_entity_t *e = tagger_result_entity(r, i);
        if (strcmp(e->name, name) == 0) {
            return e;
        }
    }
    return NULL;
}

/* The entity named @p name of @p kind, or NULL. */
static const tagger_entity_t *find_kind(const tagger_result_t *r, const char *name,
                                        tagger_kind_t kind)
{
    for (size_t i = 0; i < tagger_result_n_entities(r); i++) {
        const tagger_entity_t *e = tagger_result_entity(r, i);
        if (strcmp(e->name, name) == 0 && e->kind == kind) {
            return e;
        }
    }
    return NULL;
}

/* Asserts that @p r of @p text has a recognized entity @p name of @p kind;
 * returns it. */
static const tagger_entity_t *found(const tagger_result_t *r, const char *text,
                                    const char *name, tagger_kind_t kind)
{
    const tagger_entity_t *e = find(r, name);
    ck_assert_msg(e != NULL, "'%s' not found in: %s", name, text);
    ck_assert_msg(e->kind == kind, "'%s' is %s, not %s", name, tagger_kind_name(e->kind),
                  tagger_kind_name(kind));
    ck_assert_int_eq(e->source, TAGGER_SOURCE_RECOGNIZED);
    ck_assert_ptr_null(e->id);
    return e;
}

/* The recognized @p name of @p r (of @p text), of @p kind, with @p n
 * mentions, the first of them @p first: the headline's, in capitals. */
static const tagger_entity_t *headline_first(const tagger_result_t *r, const char *text,
                                             const char *name, tagger_kind_t kind, size_t n,
                                             const char *first)
{
    const tagger_entity_t *e = found(r, text, name, kind);
    ck_assert_uint_eq(e->n_mentions, n);
    ck_assert_str_eq(e->mentions[0].text, first);
    return e;
}

/* Asserts that @p text yields a recognized entity @p name of @p kind. */
static void expect(const char *text, const char *name, tagger_kind_t kind)
{
    tagger_result_t *r = annotate(text);
    found(r, text, name, kind);
    tagger_result_free(r);
}

/* expect(), and that the entity has @p n mentions. */
static void expect_mentions(const char *text, const char *name, tagger_kind_t kind, size_t n)
{
    tagger_result_t *r = annotate(text);
    ck_assert_uint_eq(found(r, text, name, kind)->n_mentions, n);
    tagger_result_free(r);
}

/* Asserts that @p text yields no recognized entity at all. */
static void expect_none(const char *text)
{
    tagger_result_t *r = annotate(text);
    for (size_t i = 0; i < tagger_result_n_entities(r); i++) {
        const tagger_entity_t *e = tagger_result_entity(r, i);
        ck_assert_msg(e->source != TAGGER_SOURCE_RECOGNIZED, "'%s' recognized in: %s",
                      e->name, text);
    }
    tagger_result_free(r);
}

/* Asserts that @p text has no entity named @p name. */
static void expect_no_entity(const char *text, const char *name)
{
    tagger_result_t *r = annotate(text);
    ck_assert_msg(find(r, name) == NULL, "'%s' found in: %s", name, text);
    tagger_result_free(r);
}

/* @p name comes out whole in @p text as @p kind, and its @p part not on its
 * own. */
static void expect_whole(const char *text, const char *name, tagger_kind_t kind,
                         const char *part)
{
    expect(text, name, kind);
    expect_no_entity(text, part);
}

/* ------------------------------------------------------------------------ */
/* Cues                                                                      */

/* A BBC sentence (2005) where the model took "Fiat" for a place and "Mr
 * Lilliu" for an organization. */
static const char *const lilliu =
    "Reuters also said that Mr Lilliu and other union bosses shouted insults at Fiat chairman "
    "Luca di Montezemolo, following a meeting on Tuesday regarding the future of the Arese "
    "plant.";

START_TEST(test_title_before_a_name)
{
    expect("Mr Gurbaksh Chahal, the chief executive, said the deal was done.",
           "Gurbaksh Chahal", TAGGER_KIND_PERSON);
    expect("Dr Mazhar Abbas told reporters that the talks had failed.", "Mazhar Abbas",
           TAGGER_KIND_PERSON);
    expect("Coach Steve Clarke said the team had played well.", "Steve Clarke",
           TAGGER_KIND_PERSON);
    expect("Prime Minister Rishi Sunak will visit the region next week.", "Rishi Sunak",
           TAGGER_KIND_PERSON);
    expect("The committee chairman, MP Edward Leigh, said the report was damning.",
           "Edward Leigh", TAGGER_KIND_PERSON);
    /* ... where the model left the title out of the name, too. */
    expect(lilliu, "Lilliu", TAGGER_KIND_PERSON);
}
END_TEST

/* An office the model took for an organization, with the person's first
 * name in it ("Exchequer Nigel" and "Lawson"), leaves the first name to
 * the person. */
START_TEST(test_first_name_after_an_office)
{
    const char *text = "Funaro and Gros are today meeting British Chancellor of the\nExchequer "
                       "Nigel Lawson, Foreign Secretary Geoffrey Howe and\nGovernor of the Bank "
                       "of England Robin Leigh-Pemberton.";
    expect(text, "Nigel Lawson", TAGGER_KIND_PERSON);
    expect_no_entity(text, "Exchequer Nigel");
    expect("The chairman of U.S. Wheat Associates said\nin a letter to U.S. Agriculture "
           "Secretary Richard Lyng and U.S.\nTrade Representative Clayton Yeutter.",
           "Clayton Yeutter", TAGGER_KIND_PERSON);
    /* A person the model started itself keeps its start, though the word
     * before is in the first-name list ("Yorker"). */
    expect("By any measure, New Yorker Dick Morris is that thing Americans love over "
           "everything else - a winner.",
           "Dick Morris", TAGGER_KIND_PERSON);
}
END_TEST

/* A title the model tagged alone is not a name; the capitalised word after
 * it is, and here a short mention of the person named before. */
START_TEST(test_title_tagged_alone)
{
    tagger_result_t *r = annotate("Bernie Ebbers, the former chief executive, denied the "
                                  "charges. The court heard that Mr Ebbers ordered the changes.");
    ck_assert_ptr_null(find(r, "Mr"));
    const tagger_entity_t *e = find(r, "Bernie Ebbers");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(e->n_mentions, 2);
    ck_assert_str_eq(e->mentions[1].text, "Ebbers");
    tagger_result_free(r);
    expect_no_entity("Andy Clarke runs the lobby group. \"That is a billion a year,\" Mr Clarke "
                     "said.",
                     "Mr");
}
END_TEST

/* Honorifics and offices before a name are not part of it, nor a name
 * alone; a peer is a person ("Lord Goldsmith", BBC News). */
START_TEST(test_honorifics_and_offices)
{
    expect("The attorney general, Lord Goldsmith, gave his advice to the cabinet.",
           "Goldsmith", TAGGER_KIND_PERSON);
    expect_no_entity("The attorney general, Lord Goldsmith, gave his advice to the cabinet.",
                     "Lord Goldsmith");
    expect("Dame Judi Dench won the award for her role in the play.", "Judi Dench",
           TAGGER_KIND_PERSON);
    tagger_result_t *r = annotate("Dr Greenspan was invited by Chancellor Gordon Brown, whose "
                                  "father was a minister.");
    found(r, "", "Gordon Brown", TAGGER_KIND_PERSON);
    ck_assert_ptr_null(find(r, "Chancellor"));
    ck_assert_ptr_null(find(r, "Chancellor Gordon Brown"));
    tagger_result_free(r);
    expect_no_entity("The third film in the Lord of the Rings trilogy boosted results.", "Lord");
}
END_TEST

/* Connectors in a run of two inside a name ("de la", "van den", "of the"). */
START_TEST(test_two_connectors)
{
    expect("Spanish Economy Minister Guillermo de la Dehesa said the plan would go ahead.",
           "Guillermo de la Dehesa", TAGGER_KIND_PERSON);
    expect("The Royal National Institute of the Blind welcomed the ruling.",
           "Royal National Institute of the Blind", TAGGER_KIND_ORG);
}
END_TEST

/* A company's name with "and" before its last part and a legal form at
 * its end is one name; two companies are two (Reuters-21578 sentences). */
START_TEST(test_company_with_and)
{
    expect("Pacific Gas and Electric Co said it would cut its rates by four pct.",
           "Pacific Gas and Electric Co", TAGGER_KIND_ORG);
    expect("The Federal Savings and Loan Insurance Corp said it would pay depositors.",
           "Federal Savings and Loan Insurance Corp", TAGGER_KIND_ORG);
    tagger_result_t *r = annotate("Zenith Motor Corp and Alcar Motor Co said sales rose.");
    found(r, "", "Zenith Motor Corp", TAGGER_KIND_ORG);
    found(r, "", "Alcar Motor Co", TAGGER_KIND_ORG);
    tagger_result_free(r);
    expect_no_entity("General Partners is owned by Wagner and Brown and AFG Industries Inc, a "
                     "glass maker.",
                     "Brown and AFG Industries Inc");
}
END_TEST

/* @p org is an ORG of @p text, and the place @p place that opens it no
 * entity. */
static void expect_org_without_place(const char *text, const char *org, const char *place)
{
    tagger_result_t *r = annotate(text);
    found(r, text, org, TAGGER_KIND_ORG);
    ck_assert_ptr_null(find(r, place));
    tagger_result_free(r);
}

/* @p place is a PLACE of @p r with @p n mentions. */
static void place_stands(const tagger_result_t *r, const char *place, size_t n)
{
    const tagger_entity_t *e = find(r, place);
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(e->kind, TAGGER_KIND_PLACE);
    ck_assert_uint_eq(e->n_mentions, n);
}

/* In @p text, @p place is a PLACE named once, and no entity is named
 * @p not_name (if given). */
static void expect_place_alone(const char *text, const char *place, const char *not_name)
{
    tagger_result_t *r = annotate(text);
    if (not_name) {
        ck_assert_ptr_null(find(r, not_name));
    }
    place_stands(r, place, 1);
    tagger_result_free(r);
}

/* An organization named after a place is an organization, and the place
 * is not in its name (Reuters-21578 sentences): before a legal form, and
 * in running text without one; the place named alone still is. */
START_TEST(test_company_named_after_a_place)
{
    expect_org_without_place("Meridian Diagnostics Inc said it received approval from the agency "
                             "to market the test.",
                             "Meridian Diagnostics Inc", "Meridian");
    expect_org_without_place("The Chronicle has a daily circulation of over 425,000 and is in "
                             "competition with the Houston Post, owned by the Toronto Sun "
                             "Publishing Corp.",
                             "Houston Post", "Houston");
    tagger_result_t *r = annotate("Houston Industries Inc raised its quarterly dividend. The "
                                  "utility serves Houston and its suburbs.");
    found(r, "", "Houston Industries Inc", TAGGER_KIND_ORG);
    place_stands(r, "Houston", 1);
    tagger_result_free(r);
    /* With a connector inside (Reuters, 1 June 1987). */
    expect_org_without_place("WASHINGTON, June 1 -\nThe Chicago Board of Trade (CBT) has\n"
                             "asked federal regulators for authority to trade a futures\n"
                             "contract in long-term Japanese government bonds.",
                             "Chicago Board of Trade", "Chicago");
    /* A country opening a company's or an institution's name: not without
     * a legal form or an organization's word at its end (BBC, 2005). */
    const char *text = "There are also rumours that two Chinese state-run banks - China "
                       "Construction Bank and Bank of China - have abandoned plans for listings "
                       "in New York later this year.";
    expect_org_without_place(text, "China Construction Bank", "China");
}
END_TEST

/* A treaty is no entity, nor the place whose name it bears, nor that
 * place's country (BBC, 2005; Reuters, 1987; news of 2004, written by
 * hand): "Kyoto Protocol", "the Kyoto treaty", "the Treaty of Rome", "the
 * Louvre accord" and its acronym; but a convention centre is in its city,
 * an organization's deal is no treaty ("the AAA accord"), and an
 * organization may have a treaty's word inside its name. */
START_TEST(test_treaty_is_no_place)
{
    const char *texts[] = {
        "The prime minister is said to believe the United States' refusal to sign the Kyoto "
        "Protocol on emissions is undermining other countries' resolve.",
        "Putin backs Kyoto treaty. Russia's cabinet approved the pact on Thursday.",
        "The areas were omitted by the founding Treaty of Rome.",
        "Baker said the U.S. would re-examine the February Louvre Accord to stabilise "
        "currencies.",
        "A new International Natural Rubber Agreement (INRA) was adopted. The new INRA "
        "retains the reference price."};
    const char *not_names[] = {"Kyoto",
                               "Japan",
                               "Rome",
                               "Italy",
                               "Louvre",
                               "Louvre Accord",
                               "International Natural Rubber Agreement",
                               "INRA"};
    for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
        tagger_result_t *r = annotate(texts[t]);
        for (size_t k = 0; k < sizeof not_names / sizeof *not_names; k++) {
            ck_assert_msg(!find(r, not_names[k]), "'%s' found in: %s", not_names[k], texts[t]);
        }
        tagger_result_free(r);
    }
    expect_place_alone("The party held its rally at the Philadelphia Convention Center.",
                       "Philadelphia", NULL);
    expect("Bankers said the AAA accord was negotiated by a committee.", "AAA", TAGGER_KIND_ORG);
    /* an organization with a treaty's word inside its name */
    expect("Leaders of the Collective Security Treaty Organization met in Moscow.",
           "Collective Security Treaty Organization", TAGGER_KIND_ORG);
}
END_TEST

/* "North and South Korea": the first of two names that share their last
 * words, written once, is the gazetteer's name it spells with them, not a
 * place of its own (the seed page 001, 2023); not where the word before
 * "and" spells nothing the gazetteer knows. */
START_TEST(test_elided_shared_words)
{
    const char *text = "According to Kim Jong Un, the relationship between North and South Korea "
                       "has turned hostile.";
    tagger_result_t *r = annotate(text);
    const tagger_entity_t *north = find(r, "North Korea");
    ck_assert_ptr_nonnull(north);
    ck_assert_uint_eq(north->n_mentions, 1);
    ck_assert_str_eq(north->mentions[0].text, "North");
    ck_assert_ptr_null(find(r, "North"));
    ck_assert_ptr_nonnull(find(r, "South Korea"));
    tagger_result_free(r);
    r = annotate("Talks between Japan and South Korea resumed.");
    ck_assert_ptr_null(find(r, "North Korea"));
    tagger_result_free(r);
}
END_TEST

/* A club or company whose name ends in its city, or a company with a
 * place inside its name before a legal form, is an organization, and the
 * place no mention (BBC sport, 2005; Reuters, 1987); a region's part
 * ("Southern California") and a company in a place ("its Slater Steels
 * Corp Fort Wayne specialty bar division") leave the place alone. */
START_TEST(test_company_with_a_place_inside)
{
    expect_org_without_place("Continental Illinois Corp said if the Brazilian debt moratorium "
                             "remains in effect, it may place its medium and long term loans "
                             "on a cash basis.",
                             "Continental Illinois Corp", "Illinois");
    expect_org_without_place("Arsenal manager Arsene Wenger claimed their display in the 3-1 "
                             "defeat against Bayern Munich was \"our worst peformance in the "
                             "Champions League\".",
                             "Bayern Munich", "Munich");
    expect_org_without_place("Manchester United manager Sir Alex Ferguson said his side's task "
                             "against AC Milan would not be made any easier by the absence of "
                             "Andriy Shevchenko.",
                             "AC Milan", "Milan");
    expect_place_alone("Progressive Savings has ten branches in Southern California and about "
                       "500 mln dlrs in assets.",
                       "California", "Southern California");
    expect_place_alone("Slater Industries Inc said it planned a 15 mln dlr modernization of its "
                       "Slater Steels Corp Fort Wayne specialty bar division in Indiana.",
                       "Fort Wayne", NULL);
    /* A club named after its city that the model typed a place (BBC sport,
     * 2005; today's news, written by hand), and a landmark named after a
     * city, which is elsewhere (London's Stamford Bridge is no mention of
     * Stamford, Connecticut); a city of that name is the city, and a river
     * its state's. */
    expect_org_without_place("Manchester City, who have won four of their last five, travel "
                             "to Newcastle United on Sunday.",
                             "Manchester City", "Manchester");
    expect_org_without_place("Middlesbrough will be at home to either Tottenham or Nottingham "
                             "Forest.",
                             "Nottingham Forest", "Nottingham");
    tagger_result_t *r = annotate("Bruce admitted their trip to Stamford Bridge to face "
                                  "Premiership leaders Chelsea was daunting.");
    place_stands(r, "Stamford Bridge", 1);
    ck_assert_ptr_null(find(r, "Stamford"));
    ck_assert_ptr_null(find(r, "United States"));
    tagger_result_free(r);
    expect_place_alone("Protesters gathered in Quezon City on Sunday.", "Quezon City", NULL);
    /* A city the text names as its club elsewhere is the club, but where
     * the city is meant (BBC sport, 2005; written by hand) */
    r = annotate("Birmingham beat Nottingham Forest 3-0 on Saturday. Birmingham manager Steve "
                 "Bruce was pleased. Fans in Birmingham celebrated.");
    ck_assert_int_eq(find_kind(r, "Birmingham", TAGGER_KIND_ORG)->n_mentions, 2);
    ck_assert_int_eq(find_kind(r, "Birmingham", TAGGER_KIND_PLACE)->n_mentions, 1);
    tagger_result_free(r);
    expect_place_alone("Barges were loading on the Mississippi River near St. Louis.",
                       "Mississippi", "Mississippi River");
    /* a city the gazetteer lacks, before a comma and its region: in a
     * dateline or after a preposition of place, of the region's country
     * (Reuters, 1987; today's news, written by hand); not an institution */
    r = annotate("HEWLETT-PACKARD SALES FLAT\nPALO ALTO, California, March 2 -\nHewlett-Packard Co "
                 "said sales were flat.\n");
    place_stands(r, "PALO ALTO", 1);
    ck_assert_str_eq(find(r, "PALO ALTO")->country, "US"); /* California's */
    tagger_result_free(r);
    r = annotate("The company launched its rocket from Boca Chica, Texas, on Tuesday.");
    place_stands(r, "Boca Chica", 1);
    tagger_result_free(r);
    r = annotate("He was sentenced at Harrow Crown Court, London, on Tuesday.");
    ck_assert_ptr_null(find_kind(r, "Harrow Crown Court", TAGGER_KIND_PLACE));
    tagger_result_free(r);
    /* a continent's part, which the model took for a person, is no mention
     * of the country whose name it ends in (Reuters, 1987) */
    r = annotate("Brazil, owing 50 billion dlrs, is Latin America's fourth biggest debtor.");
    place_stands(r, "Latin America", 1);
    ck_assert_ptr_null(find(r, "United States"));
    tagger_result_free(r);
}
END_TEST

/* An institution named after its country is an organization, and the
 * country no mention there; the country named alone still is one
 * (Reuters, 1987; BBC, 2005). */
START_TEST(test_institution_of_a_country)
{
    tagger_result_t *r = annotate("Bank of Japan officials said they hope Japanese commercial "
                                  "banks will help Nigeria overcome its debt problems. Japan "
                                  "lent more last year.");
    found(r, "", "Bank of Japan", TAGGER_KIND_ORG);
    const tagger_entity_t *japan = find(r, "Japan");
    ck_assert_ptr_nonnull(japan);
    ck_assert_int_eq(japan->kind, TAGGER_KIND_COUNTRY);
    ck_assert_uint_eq(japan->n_mentions, 1);
    ck_assert_uint_gt(japan->mentions[0].start, sizeof "Bank of Japan");
    tagger_result_free(r);
    r = annotate("Air China plans to raise $1bn (£514m) from the flotation. \"We are delighted "
                 "that Air China has chosen London for its listing outside China,\" said LSE "
                 "chief executive Clara Furse.");
    found(r, "", "Air China", TAGGER_KIND_ORG);
    ck_assert_uint_eq(find(r, "China")->n_mentions, 1); /* "outside China" */
    tagger_result_free(r);
}
END_TEST

/* A word for what a company does that ends its name ("Airlines",
 * "Telecom", "Petroleum") is no name alone: it takes in the capitalised
 * words the model typed apart, a country's name among them, and alone it
 * is nothing (BBC, 2005; Reuters, 1987). */
START_TEST(test_industry_heads)
{
    expect_org_without_place("\"We are very pleased,\" said a Japan Airlines spokesman.",
                             "Japan Airlines", "Japan");
    expect_org_without_place("Nokia, Intel, Philips, Alcatel, France Telecom, Thomson and "
                             "Telefonica are in the group.",
                             "France Telecom", "France");
    expect("Vijay Mallya recently set up Kingfisher Airlines, while UK entrepreneurs plan "
           "another.",
           "Kingfisher Airlines", TAGGER_KIND_ORG);
    expect("Concerning Dome Petroleum's 42 pct stake, the company said it would sell it.",
           "Dome Petroleum", TAGGER_KIND_ORG);
    expect_no_entity("The stake represents Telecom's main asset. A Telecom spokesman said the "
                     "agreement stands.",
                     "A Telecom");
    expect_no_entity("It was a concession to the carriers. Airlines officials said fares would "
                     "rise.",
                     "Airlines");
}
END_TEST

/* An event or a show is no entity of ours, whatever the model typed it
 * (CoNLL-2003 has them MISC): not "Consumer Electronics Show", "Carling
 * Cup" nor "Brit" of "Brit awards"; a city opening an event's name is
 * still a mention of the city (BBC, 2005). */
START_TEST(test_events_are_no_names)
{
    expect_no_entity("Bill Gates has opened the Consumer Electronics Show (CES) in Las Vegas, "
                     "saying that gadgets are working together more.",
                     "Consumer Electronics Show");
    expect_no_entity("Chelsea beat Liverpool 3-2 after extra time to win the Carling Cup at the "
                     "Millennium Stadium.",
                     "Carling Cup");
    expect_no_entity("Joss Stone has been nominated in three categories in Wednesday's Brit "
                     "awards.",
                     "Brit");
    /* the first words of an event's name, which the model typed apart (BBC, 2005) */
    expect_no_entity("Orange Prize winner Andrea Levy has seen her book Small Island win the "
                     "Whitbread Novel of the Year Award.",
                     "Orange");
    expect_no_entity("The Handheld Award went to Colin McRae Rally 2005 while the mobile "
                     "category was won by another.",
                     "Colin McRae");
    const char *text = "The documentary was shown at the Moscow Film Festival last summer.";
    tagger_result_t *r = annotate(text);
    place_stands(r, "Moscow", 1);
    ck_assert_ptr_null(find(r, "Film Festival"));
    ck_assert_ptr_null(find(r, "Moscow Film Festival"));
    tagger_result_free(r);
}
END_TEST

/* A work's title after a noun that says what it is ("drama Vera Drake",
 * "biopic Ray") is no entity, in any of its mentions: the model typed
 * films, records and books as people, places and organizations (BBC,
 * 2005).  Its words alone are its short mentions, not a person's: "Ray"
 * of the biopic is not Ray Charles.  Not before a possessive: "the film
 * Michael Moore's critics" names the man. */
START_TEST(test_works_are_no_names)
{
    const char *text = "Mike Leigh's award-winning abortion drama Vera Drake has scooped seven "
                       "nominations. Vera Drake star Imelda Staunton looks likely to win, and "
                       "Vera is tipped for best film.";
    tagger_result_t *r = annotate(text);
    ck_assert_ptr_null(find(r, "Vera Drake"));
    ck_assert_ptr_null(find(r, "Vera"));
    found(r, text, "Imelda Staunton", TAGGER_KIND_PERSON);
    found(r, text, "Mike Leigh", TAGGER_KIND_PERSON);
    tagger_result_free(r);
    text = "Jamie Foxx won best actor for his portrayal of singer Ray Charles in the biopic "
           "Ray. Ray has taken $74m at the US box office.";
    r = annotate(text);
    ck_assert_int_eq(found(r, text, "Ray Charles", TAGGER_KIND_PERSON)->n_mentions, 1);
    ck_assert_ptr_null(find(r, "Ray"));
    tagger_result_free(r);
    expect_no_entity("Prince has sold two million copies of his latest album Musicology.",
                     "Musicology");
    /* a title in quotation marks after such a noun or "titled" (Reuters,
     * 1987; HuffPost, 2018; today's news, written by hand) */
    expect_no_entity("Her new album \"The Life of a Showgirl\" was streamed 300 million times.",
                     "Showgirl");
    expect_no_entity("Paramount said its movie \"Beverly Hills Cop II\" has topped the box "
                     "office.",
                     "Beverly Hills Cop");
    expect_no_entity("The last book he wrote before he died was titled \"America May Go to "
                     "Hell.\"",
                     "America");
    text = "It is the film Michael Moore's critics said would never be shown in cinemas.";
    r = annotate(text);
    found(r, text, "Michael Moore", TAGGER_KIND_PERSON);
    tagger_result_free(r);
}
END_TEST

/* A full name the model typed an organization, whose surname alone it
 * typed a person more often, is that person, and the surname its short
 * mention ("Arsene", "Kostas": first names no list has; BBC, 2005). */
START_TEST(test_person_by_surname)
{
    const char *text = "Wenger keeping faith with Almunia\n\n"
                       "Arsene Wenger has pledged to keep faith with stand-in keeper Manuel "
                       "Almunia for the crunch week which could define Arsenal's season.\n\n"
                       "Almunia will start Tuesday's Champions League group tie against "
                       "Rosenborg. Wenger said: \"You don't think I would take out one "
                       "goalkeeper for just one game, do you?\" Wenger insists he has complete "
                       "faith in the 27-year-old.";
    tagger_result_t *r = annotate(text);
    ck_assert_int_eq(found(r, text, "Arsene Wenger", TAGGER_KIND_PERSON)->n_mentions, 4);
    ck_assert_ptr_null(find(r, "Wenger"));
    tagger_result_free(r);
}
END_TEST

/* A surname two people of the text share is the one named first, or the
 * one named after the same title: news names the one it is about first
 * (BBC, 2005; Reuters, 1987). */
START_TEST(test_shared_surname)
{
    const char *text = "Police praise 'courageous' Ozzy\n\nRock star Ozzy Osbourne has been "
                       "praised by police for tackling a burglar at his home on Monday. \"I "
                       "acted on impulse,\" Osbourne said. At a press conference on Tuesday, "
                       "Sharon Osbourne gave details of nine stolen items.";
    tagger_result_t *r = annotate(text);
    /* the headline's "Ozzy", "Ozzy Osbourne" and "Osbourne" */
    ck_assert_int_eq(found(r, text, "Ozzy Osbourne", TAGGER_KIND_PERSON)->n_mentions, 3);
    ck_assert_int_eq(found(r, text, "Sharon Osbourne", TAGGER_KIND_PERSON)->n_mentions, 1);
    ck_assert_ptr_null(find(r, "Osbourne"));
    tagger_result_free(r);
    text = "Donald Regan resigned last week when former senator Howard Baker was named as his "
           "replacement. Treasury Secretary James Baker kept out of the dispute. U.S. "
           "officials say Paul Volcker works very closely with Treasury Secretary Baker on "
           "the dollar.";
    r = annotate(text);
    ck_assert_int_eq(found(r, text, "James Baker", TAGGER_KIND_PERSON)->n_mentions, 2);
    ck_assert_int_eq(found(r, text, "Howard Baker", TAGGER_KIND_PERSON)->n_mentions, 1);
    tagger_result_free(r);
}
END_TEST

/* A person's name goes on over the particles the model left out, and a
 * person named after a post inside what the model ran into one
 * organization or thing is a person of its own (today's news, written by
 * hand; Reuters, 1987).  Not the head of an organization after a post
 * ("State Supreme Court"), and "and" joins no two people. */
START_TEST(test_particles_and_posts)
{
    expect("European Commission President Ursula von der Leyen said the bloc would respond.",
           "Ursula von der Leyen", TAGGER_KIND_PERSON);
    expect("Manchester United manager Erik ten Hag said his side had been unlucky.",
           "Erik ten Hag", TAGGER_KIND_PERSON);
    const char *text = "Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State "
                       "Antony Blinken in Geneva.";
    expect(text, "Antony Blinken", TAGGER_KIND_PERSON);
    expect_no_entity(text, "State Antony Blinken");
    expect("European Competition Commissioner Margrethe Vestager said Apple had abused its "
           "dominant position for a decade.",
           "Margrethe Vestager", TAGGER_KIND_PERSON);
    expect("Bank of Japan Governor Satoshi Sumita said the central bank would intervene.",
           "Satoshi Sumita", TAGGER_KIND_PERSON);
    expect_no_entity("The suit, filed in New York State Supreme Court, seeks to halt the "
                     "takeover.",
                     "Supreme Court");
    text = "Tony Blair and Gordon Brown met in Downing Street.";
    expect(text, "Tony Blair", TAGGER_KIND_PERSON);
    expect(text, "Gordon Brown", TAGGER_KIND_PERSON);
}
END_TEST

/* "official" between an organization and a name says the name is a
 * person's ("Hamas official Osama Hamdan"), but not after a sentence's
 * "The" (Reuters, 1987: "The official Peking Review"); "AI" is no name
 * (today's news, written by hand); "Records", "Networks" end companies'
 * names. */
START_TEST(test_official_and_ai)
{
    expect("Hamas official Osama Hamdan said the group would not accept a deal that did not "
           "end the war.",
           "Osama Hamdan", TAGGER_KIND_PERSON);
    const char *text = "The official Peking Review yesterday accused the United States of "
                       "protectionism.";
    tagger_result_t *r = annotate(text);
    const tagger_entity_t *e = find(r, "Peking Review");
    ck_assert_msg(e == NULL || e->kind != TAGGER_KIND_PERSON, "'Peking Review' is a person");
    tagger_result_free(r);
    expect_no_entity("Nvidia shares hit a record as AI chip demand soars.", "AI");
    /* a genre, a community (BBC, 2005; HuffPost, 2018) */
    expect_none("Usher won the award for best R&B act on Thursday.");
    expect_none("The bill would roll back LGBTQ protections, activists say.");
    /* a storm's given name, in any of its mentions (BBC, 2005; today's news,
     * written by hand) */
    expect_none("Hurricane Melissa made landfall on Tuesday. Melissa weakened later.");
    expect_no_entity("The cash offered to Central America after Hurricane Mitch. Mitch killed "
                     "about 10,000 people.",
                     "Mitch");
    /* a continent's part's adjective, and "Latin" alone (Reuters, 1987) */
    expect_no_entity("FRANKFURT, March 4 - Latin American debtor nations are still willing to "
                     "negotiate on their debts, a World Bank director said.",
                     "Latin American");
    expect_no_entity("He told a news conference that Veritas - Latin for \"truth\" - would "
                     "stand in every seat.",
                     "Latin");
    /* technologies, rates and currency units (BBC, 2005; Reuters, 1987) */
    expect_none("Consumers are very concerned that RFID tags would allow businesses to track "
                "them.");
    expect_none("The loan was priced at 7/8 pct over LIBOR, and the bonds are denominated in "
                "ECUs.");
    expect_no_entity("Sun Co raised its posting for WTI crude to 17 dlrs a barrel.", "WTI");
    /* what record labels, studios and networks end in (BBC, 2005) */
    expect("The singer played three shows in London. Her label, Republic Records, is part of "
           "a larger group.",
           "Republic Records", TAGGER_KIND_ORG);
    expect("Actor Richard Hatch sued StreamCast Networks over the file-sharing software.",
           "StreamCast Networks", TAGGER_KIND_ORG);
    /* its analysts (Reuters, 1987) */
    expect("\"I think it's a credible offer,\" said Timothy Pettee, a Bear Stearns analyst.",
           "Bear Stearns", TAGGER_KIND_ORG);
    /* industries' and finance's last words, which the model had typed
     * people and places (BBC, 2005; HuffPost, 2018; Reuters, 1987) */
    expect("The shares of Reliance Energy, headed by Anil, jumped 7%.", "Reliance Energy",
           TAGGER_KIND_ORG);
    expect("The plea comes as the Post, and other papers owned by hedge fund Alden Global "
           "Capital, continues to be hit by crippling layoffs.",
           "Alden Global Capital", TAGGER_KIND_ORG);
    expect("On February 10, Chrysler Financial sold 200 mln dlrs of\nsame-rated seven-year "
           "notes.",
           "Chrysler Financial", TAGGER_KIND_ORG);
    /* and a company's name goes on over them to its legal form (CoNLL-2003
     * eng.testa) */
    expect("Roosevelt Financial Group Inc is a $ 9.33 billion asset St. Louis based thrift.",
           "Roosevelt Financial Group Inc", TAGGER_KIND_ORG);
}
END_TEST

/* A club's or a company's last word alone is its short mention, as its
 * first word is a company's (BBC, 2005): "Villa" after "Aston Villa"; and
 * an American team's players are named after it ("Cubs shortstop"). */
START_TEST(test_org_last_word)
{
    const char *text = "Aston Villa's Carlton Cole could be out for six weeks with a knee "
                       "injury.\n\n\"He will be out of action for four to six weeks after a bad "
                       "challenge,\" said Villa boss David O'Leary.";
    tagger_result_t *r = annotate(text);
    ck_assert_int_eq(found(r, text, "Aston Villa", TAGGER_KIND_ORG)->n_mentions, 2);
    ck_assert_ptr_null(find(r, "Villa"));
    found(r, text, "David O'Leary", TAGGER_KIND_PERSON);
    tagger_result_free(r);
    /* and its last two words ("Red Sox"; news of 2004, written by hand;
     * "Peat Marwick" after "KPMG Peat Marwick", Reuters, 1987) */
    text = "Hideki Matsui doubled in the winning run as the New York Yankees beat the Boston Red "
           "Sox 5-4 on Saturday night. The Red Sox lost again.";
    r = annotate(text);
    ck_assert_int_eq(found(r, text, "Boston Red Sox", TAGGER_KIND_ORG)->n_mentions, 2);
    ck_assert_ptr_null(find(r, "Red Sox"));
    tagger_result_free(r);
    /* a player's role after his team: "Cubs shortstop" */
    expect("Mia Hamm will now embark on a new life with husband, Chicago Cubs shortstop Nomar "
           "Garciaparra, who was in the stands to watch her final game.",
           "Nomar Garciaparra", TAGGER_KIND_PERSON);
    /* a clergyman's title before a first name is no part of the name, nor
     * of a company's (BBC, 2005; today's news, written by hand) */
    expect_whole("Prince Harry should see for himself the results of the symbol he chose to "
                 "wear, Rabbi Marvin Hier, founder of the Simon Wiesenthal Center said.",
                 "Marvin Hier", TAGGER_KIND_PERSON, "Rabbi Marvin Hier");
    expect_no_entity("The American-born pontiff, formerly Cardinal Robert Prevost, spoke to "
                     "crowds.",
                     "Cardinal");
    expect("Cardinal Health said quarterly profit rose.", "Cardinal Health", TAGGER_KIND_ORG);
    /* a person's trade before a name the model typed an organization
     * (BBC, 2005; today's news, written by hand) */
    expect("Teenage soul singer Joss Stone is a new entry on a list of Britain's young rich.",
           "Joss Stone", TAGGER_KIND_PERSON);
    expect("China's climate envoy Liu Zhenmin said Beijing would present new targets.",
           "Liu Zhenmin", TAGGER_KIND_PERSON);
}
END_TEST

/* Lines of sports results (CoNLL-2003's shapes): a place is a team there,
 * in a row of a league table and in a score line; a country is still a
 * country (a national side) and a person a person (a golfer's rounds).
 * Rows of figures, a dateline and running text leave places alone. */
START_TEST(test_results_lines)
{
    expect_org_without_place("CHICAGO 71 64 .526 10\n", "CHICAGO", "Chicago");
    expect_org_without_place("Wigan 4 3 1 0 9 4 10\nCHICAGO 66 67 .496 5 1/2\n", "CHICAGO",
                             "Chicago");
    expect_org_without_place("Queen of the South 2 CHICAGO 1\n", "CHICAGO", "Chicago");
    expect_org_without_place("Atlanta 6 CHICAGO 5 ( 2nd game )\n", "CHICAGO", "Chicago");
    tagger_result_t *r = annotate("Atlanta 5 CHICAGO 1\n");
    found(r, "", "Atlanta", TAGGER_KIND_ORG);
    found(r, "", "CHICAGO", TAGGER_KIND_ORG);
    ck_assert_ptr_null(find(r, "Chicago"));
    tagger_result_free(r);
    r = annotate("North Korea 1 Japan 0\n");
    ck_assert_int_eq(find(r, "North Korea")->kind, TAGGER_KIND_COUNTRY);
    ck_assert_int_eq(find(r, "Japan")->kind, TAGGER_KIND_COUNTRY);
    tagger_result_free(r);
    expect_none("North Korea 1 Japan 0\n");
    /* In a score line every side is a team, whatever the model typed it or
     * however common its name (CoNLL-2003 eng.train), but for a person
     * with a first name; not in a table laid out in columns (Reuters). */
    expect("Ipswich 5 Reading 2\n", "Reading", TAGGER_KIND_ORG);
    expect("Nice 1 Bastia 1\n", "Nice", TAGGER_KIND_ORG);
    expect("Queen of the South 2 Dumbarton 1\n", "Queen of the South", TAGGER_KIND_ORG);
    expect_no_entity("Afloat 184               Mch 185 down two\n", "Afloat");
    expect("Billy Mayfair 66 71 70 70\n", "Billy Mayfair", TAGGER_KIND_PERSON);
    /* no team: a city's name that is a first name opens a person's */
    expect("Austin Powers 66 71 70 70\n", "Austin Powers", TAGGER_KIND_PERSON);
    static const char *const not_results[] = {
        " Iowa   3,450    3,550    2,815\n", " Iowa    0.82     0.82     0.95\n",
        " Iowa          6025      5955         0\n", "CHICAGO 1996-08-30\n",
        "Iowa beat Chicago 5 1 on Sunday.\n", "Chicago 5 Iowa\n"};
    for (size_t i = 0; i < sizeof not_results / sizeof *not_results; i++) {
        r = annotate(not_results[i]);
        const tagger_entity_t *e = find(r, strstr(not_results[i], "Iowa") ? "Iowa" : "Chicago");
        ck_assert_msg(e && e->kind == TAGGER_KIND_PLACE, "no place in: %s", not_results[i]);
        tagger_result_free(r);
    }
}
END_TEST

/* @p club is a recognized ORG of @p text, and the text names no PLACE (the
 * town the club is named after). */
static void expect_club(const char *text, const char *club)
{
    tagger_result_t *r = annotate(text);
    found(r, text, club, TAGGER_KIND_ORG);
    for (size_t i = 0; i < tagger_result_n_entities(r); i++) {
        ck_assert_int_ne(tagger_result_entity(r, i)->kind, TAGGER_KIND_PLACE);
    }
    tagger_result_free(r);
}

/* Fixtures and results in words (BBC, and CoNLL-2003's schedule lines): a
 * city beside "v" or "beat" or before a player's position names a club,
 * and the first side of a fixture line a team, whose place is then no
 * entity; the place after "AT" is where it plays.  A country or a home nation is a national side and
 * stays; a place inside a longer word or name is left to the model. */
START_TEST(test_fixtures_and_results_in_words)
{
    tagger_result_t *r = annotate("SATURDAY , AUGUST 31 SCHEDULE\nKANSAS CITY AT DETROIT\n");
    found(r, "", "KANSAS CITY", TAGGER_KIND_ORG);
    ck_assert_ptr_null(find(r, "Kansas City"));
    place_stands(r, "Detroit", 1);
    tagger_result_free(r);
    expect_place_alone("DETROIT AT NIGHT\n", "Detroit", NULL); /* a headline, no fixture */
    r = annotate("Postponed: Birmingham v Barnsley, Manchester City v Charlton.\n");
    found(r, "", "Birmingham", TAGGER_KIND_ORG);
    found(r, "", "Barnsley", TAGGER_KIND_ORG);
    tagger_result_free(r);
    /* A club plays a club: the other side of "v" is one too, and so is the
     * name wherever the text has it, whatever the model typed it there
     * (BBC, the FA Cup third round draw: "Chelsea" was a person). */
    r = annotate("Chelsea host Birmingham, while Oldham travel to Bolton.\n\n"
                 "Chelsea v Birmingham\nRoger Federer v Rafael Nadal\n");
    ck_assert_uint_eq(found(r, "", "Chelsea", TAGGER_KIND_ORG)->n_mentions, 2);
    found(r, "", "Roger Federer", TAGGER_KIND_PERSON); /* no club beside him */
    tagger_result_free(r);
    expect_club("Yeading, who beat Slough in the second round, face Newcastle.", "Slough");
    expect("Milan beat Juventus in a penalty shootout.", "Milan", TAGGER_KIND_ORG);
    /* A player's position after a city: its club's (BBC); a manager's is
     * not, which other trades have. */
    expect_club("He was felled by Blackburn midfielder Aaron Mokoena.", "Blackburn");
    expect_place_alone("The injury worried a Chicago manager of the bank.", "Chicago", NULL);
    r = annotate("The Scotland v England match was a highlight of the season.");
    ck_assert_int_eq(find(r, "England")->kind, TAGGER_KIND_PLACE);
    ck_assert_int_eq(find(r, "Scotland")->kind, TAGGER_KIND_PLACE);
    tagger_result_free(r);
    r = annotate("France v Wales (Sat)\n");
    ck_assert_int_eq(find(r, "France")->kind, TAGGER_KIND_COUNTRY);
    ck_assert_int_eq(find(r, "Wales")->kind, TAGGER_KIND_PLACE);
    tagger_result_free(r);
    expect_place_alone("Mr Yushchenko recently defeated a Moscow-backed candidate.", "Moscow",
                       "Moscow-backed");
    expect_place_alone("The Braves beat the Cubs in Chicago on Sunday.", "Chicago", NULL);
}
END_TEST

START_TEST(test_first_name)
{
    expect("Peter Obi met supporters on Saturday.", "Peter Obi", TAGGER_KIND_PERSON);
    /* Given names the English lists lack, from the people gazetteer's
     * leaders (scripts/train-names people_given_names()): the model had
     * typed these ORG (BBC, 2005; HuffPost, 2018). */
    expect("And there was little to alarm them in the first 30 minutes as Chelsea - deprived "
           "of Arjen Robben and Didier Drogba through injury - struggled to pose much of a "
           "threat.",
           "Didier Drogba", TAGGER_KIND_PERSON);
    expect("So Mooch For That: Anthony Scaramucci's Game-Changing Media Outlet Is A Dud\nThe "
           "guy running it is best known as actor Taye Diggs' tireless social media manager.",
           "Taye Diggs", TAGGER_KIND_PERSON);
}
END_TEST

/* A person's name the model went on with under another type is one name
 * (CoNLL testa: "Suu Kyi" was an ORG after "Aung San"); a first name the
 * model put in the office before it begins the person (Reuters, 1987). */
START_TEST(test_name_type_changes_inside)
{
    const char *text = "Opposition leader Aung San Suu Kyi said on Monday the military was "
                       "to blame.";
    expect_whole(text, "Aung San Suu Kyi", TAGGER_KIND_PERSON, "Suu Kyi");
    text = "Funaro and Gros are today meeting British Chancellor of the Exchequer Nigel "
           "Lawson, Foreign Secretary Geoffrey Howe and Governor of the Bank of England.";
    expect_whole(text, "Nigel Lawson", TAGGER_KIND_PERSON, "Exchequer Nigel Lawson");
}
END_TEST

START_TEST(test_organization_heads_and_suffixes)
{
    expect("Shares in Zenith Holdings Inc rose 5% on Tuesday.", "Zenith Holdings Inc",
           TAGGER_KIND_ORG);
    expect("The Ministry of Petroleum Resources said output fell.",
           "Ministry of Petroleum Resources", TAGGER_KIND_ORG);
    expect("Coach Steve Clarke said Kilmarnock FC had played well.", "Kilmarnock FC",
           TAGGER_KIND_ORG);
    expect("She studied law at Harvard University before joining the firm.",
           "Harvard University", TAGGER_KIND_ORG);
    /* An organization the model cut after the place that opens it (it typed
     * the place a PLACE and the rest an ORG) is one (Reuters, 1987). */
    expect_whole("HONG KONG, April 1 - The Hong Kong Stock Exchange said it will not accept "
                 "further proposals.",
                 "Hong Kong Stock Exchange", TAGGER_KIND_ORG, "Stock Exchange");
    expect_whole("Midland Bank Plc said it would sell its stake in the unit.", "Midland Bank Plc",
                 TAGGER_KIND_ORG, "Midland");
    expect("She earned a degree in physics at Stanford University.", "Stanford University",
           TAGGER_KIND_ORG);
    /* The model types these by their first word, a person's name; the last
     * word says what they are (BBC 2005, Reuters 1987). */
    expect("Amnesty International has called Camp Delta a \"major human-rights scandal\".",
           "Amnesty International", TAGGER_KIND_ORG);
    expect("Underwriters may include Salomon Brothers and Goldman Sachs.", "Salomon Brothers",
           TAGGER_KIND_ORG);
    expect("\"We do not have any other name or term for this type of cheese,\" Hans Arne "
           "Kristiansen, a spokesman for the Danish Dairy Board, told the BBC.",
           "Danish Dairy Board", TAGGER_KIND_ORG);
    expect("Ian Fogg, broadband and personal technology analyst at Jupiter Research, agreed that "
           "the Mac mini could be very popular.",
           "Jupiter Research", TAGGER_KIND_ORG);
    /* "Utd", a club's United abbreviated, where the model saw a person (BBC). */
    expect("Mr Magnier and Mr McManus issued a statement late on Friday saying that they "
           "remained \"long-term investors\" in Man Utd.",
           "Man Utd", TAGGER_KIND_ORG);
}
END_TEST

START_TEST(test_place_cue)
{
    expect("The fire broke out near Kirkcudbright on Monday, police said.", "Kirkcudbright",
           TAGGER_KIND_PLACE);
}
END_TEST

START_TEST(test_byline)
{
    expect("Unfit Nations or Unseen Resilience?\nBy Justice Nwafor\n", "Justice Nwafor",
           TAGGER_KIND_PERSON);
}
END_TEST

/* Wire copy wrapped at some 70 columns: a name goes on across the break,
 * and is named with one space where the text has a newline. */
START_TEST(test_wrapped_names)
{
    const char *text =
        "The company said on Tuesday that its chief economist, Joseph\n"
        "Arsenio, who works with the regional office, told the Securities and\n"
        "Exchange Commission that the deal was done.\n";
    expect(text, "Joseph Arsenio", TAGGER_KIND_PERSON);
    expect(text, "Securities and Exchange Commission", TAGGER_KIND_ORG);
    tagger_result_t *r = annotate(text);
    const tagger_entity_t *e = find(r, "Joseph Arsenio");
    ck_assert_str_eq(e->mentions[0].text, "Joseph\nArsenio");
    ck_assert_ptr_null(find(r, "Joseph"));
    ck_assert_ptr_null(find(r, "Exchange Commission"));
    tagger_result_free(r);
    /* initials at a line's end, and a name on the next: no sentence ends
     * there (Reuters, 1987) */
    expect_whole("Arvin Industries Inc said on Thursday that its vice chairman, L.K.\n"
                 "Evans, has been elected president, succeeding the founder of the firm.\n",
                 "L.K. Evans", TAGGER_KIND_PERSON, "Evans");
    expect("The investment bank's founder and chairman, William R.\n"
           "Hambrecht, said the firm would not sell its stake in the company.\n",
           "William R. Hambrecht", TAGGER_KIND_PERSON);
}
END_TEST

/* A line that ends a sentence, a short line (a heading, a dateline) and an
 * indented line (a new paragraph, a table row) are not wraps. */
START_TEST(test_not_across_line_ends_that_are_not_wraps)
{
    tagger_result_t *r = annotate(
        "The company said on Tuesday that the board would meet its economist Joseph\n"
        "    Arsenio said in a separate statement that profits would be lower.\n");
    ck_assert_ptr_null(find(r, "Joseph Arsenio"));
    tagger_result_free(r);
    r = annotate("Shares of the group rose sharply after the report by Peter\n"
                 "Obi said so in Lagos, where the company has its head office.\n");
    ck_assert_ptr_nonnull(find(r, "Peter Obi")); /* 52 bytes: wrapped */
    tagger_result_free(r);
    r = annotate("Reporting by Peter\nObi said on Monday that the company would cut jobs.\n");
    ck_assert_ptr_null(find(r, "Peter Obi")); /* a short first line */
    tagger_result_free(r);
}
END_TEST

/* A line longer than a block of tagging (TAG_BLOCK words) is tagged as a
 * whole: a name across the blocks' border is one name, and every repeat of
 * a sentence gets the same names. */
START_TEST(test_line_longer_than_a_block)
{
    char text[8192] = "so";
    for (int k = 0; k < 127; k++) { /* 255 words, all cut: "He" is a capital */
        strcat(text, " He said");
    }
    strcat(text, " Peter Obi met supporters on Saturday.");
    expect(text, "Peter Obi", TAGGER_KIND_PERSON); /* words 255 and 256 */
    text[0] = '\0';
    for (int k = 0; k < 40; k++) { /* 480 words */
        strcat(text, "Peter Obi met Mazhar Abbas in Lagos on Monday, officials said. ");
    }
    expect_mentions(text, "Peter Obi", TAGGER_KIND_PERSON, 40);
}
END_TEST

/* A company's legal form ends the name before it, and is never a name by
 * itself. */
START_TEST(test_legal_forms)
{
    const char *text = "The venture will buy the plants of seven licensees of Sealy Inc, "
                       "as well as 82 pct of the outstanding shares.";
    expect_whole(text, "Sealy Inc", TAGGER_KIND_ORG, "Inc");
    expect_no_entity("Standard Oil Co and BP North America\nInc said they plan to form a "
                     "venture to build a refinery.",
                     "Inc");
    expect_no_entity("Bear Stearns and Co Inc said it was named exclusive adviser.",
                     "Co Inc");
    /* Written with its period before a capitalised word, a legal form ends
     * the sentence too; before another legal form it does not. */
    text = "\"It is a little confusing,\" said James Carroll, analyst at PaineWebber "
           "Group Inc. He said the arguments cited by Hughes were weak.";
    expect(text, "PaineWebber Group Inc.", TAGGER_KIND_ORG);
    expect_no_entity(text, "PaineWebber Group Inc. He");
    expect_no_entity(text, "He");
    expect("The shares are held by J.P. Morgan and Co. Inc. for its clients.",
           "J.P. Morgan and Co. Inc.", TAGGER_KIND_ORG);
    /* A name the model took for a thing or an event (MISC), ending in a
     * legal form or an organization's suffix (CoNLL-2003 testa; BBC). */
    expect("The Dow Chemical Co of the United States will invest $ 4 billion to build an "
           "ethylene plant in Tianjin city in northern China .",
           "Dow Chemical Co", TAGGER_KIND_ORG);
    expect("Reports in the Wall Street Journal and the Financial Times suggested that the "
           "French spirits firm is considering a bid, but has yet to contact its target.",
           "Financial Times", TAGGER_KIND_ORG);
    /* A possessive in a company's name, not a company's owner */
    text = "Moody's Investors Service Inc said it may downgrade 12 billion dlrs of Chrysler "
           "Corp and unit debt due to the deal.";
    expect(text, "Moody's Investors Service Inc", TAGGER_KIND_ORG);
    expect_no_entity(text, "Moody");
    text = "Louisiana Land and Exploration Co\nsaid it, Du Pont Co's Conoco Inc subsidiary and "
           "<Oranje-Nassau\nEnergie B.V.> have been offered four exploration blocks\noffshore "
           "The Netherlands.";
    expect(text, "Conoco Inc", TAGGER_KIND_ORG);
    expect_no_entity(text, "Du Pont Co's Conoco Inc");
    /* Legal forms as the wires write them, with their periods (Reuters,
     * 1987: "S.A." and "N.A." were PERSONs of their own) */
    expect_whole("The issue was priced at par, lead manager Algemene Bank Nederland N.V. said.",
                 "Algemene Bank Nederland N.V.", TAGGER_KIND_ORG, "N.V.");
    /* (After a common word the company is lost: "Bull" is no span.) */
    expect_no_entity("Control Data will own 80 pct, Honeywell Inc 14 pct and Bull S.A. of "
                     "France, six pct, it said.",
                     "S.A.");
    expect_whole("Lenders such as Citibank N.A. are trying to reclaim loans through the courts.",
                 "Citibank N.A.", TAGGER_KIND_ORG, "N.A.");
    expect_no_entity("Qtly div five cts vs N.A.\n    Payable April two", "N.A.");
    /* A company's first words the model took for a person (Reuters, 1987) */
    expect_whole("Harcourt Brace Jovanovich Inc said it would fight the bid.",
                 "Harcourt Brace Jovanovich Inc", TAGGER_KIND_ORG, "Harcourt Brace");
    expect("Arvin Industries Inc said its board named a new president.", "Arvin Industries Inc",
           TAGGER_KIND_ORG);
    /* and a city's mention before it: "Meridian" is a city of the test
     * gazetteer (Reuters, 1987, "London Potato Futures Association") */
    expect_org_without_place("Trading on the Meridian Potato Futures Association was quiet on "
                             "Monday.",
                             "Meridian Potato Futures Association", "Meridian");
    expect_whole("The offering is being managed by Banque Paribas Capital Markets Ltd in London.",
                 "Banque Paribas Capital Markets Ltd", TAGGER_KIND_ORG, "Banque");
}
END_TEST

/* A lower-case word after a name that only an organization has ("Chelsea
 * boss", "Yukos spokesman") makes it one, and outvotes the model's
 * guesses at the name's other mentions; not after a place. */
START_TEST(test_org_followers)
{
    const char *text =
        "The Football Association will take no action against Chelsea boss Jose Mourinho "
        "following his sending-off in Sunday's Carling Cup final. His gesture came after "
        "Chelsea's equaliser on 79 minutes courtesy of a Steven Gerrard own goal. In addition, "
        "some time this month, Chelsea must also answer a charge of failing to control their "
        "players during the Premiership win at Blackburn in February.";
    expect_mentions(text, "Chelsea", TAGGER_KIND_ORG, 3);
    expect("\"We believe the auction was illegal and we intend to pursue all legal recourses "
           "available to us,\" Yukos spokesman Mike Lake told Agence France Press.",
           "Yukos", TAGGER_KIND_ORG);
    expect("A Morgan Stanley spokesman said the offering has been approved by the Securities "
           "and Exchange Commission but a kick-off date and price have not been set.",
           "Morgan Stanley", TAGGER_KIND_ORG);
    expect("Skype lets people make free calls to other Skype users and also make low-cost calls "
           "to ordinary phone numbers.",
           "Skype", TAGGER_KIND_ORG);
    expect("\"It's a good little machine,\" said Mark Sparrow, technical and reviews editor at "
           "Mac Format magazine.",
           "Mac Format", TAGGER_KIND_ORG);
    /* HuffPost, 2018 */
    expect("\"She just freaken admitted that Trump should not have won!\" one Twitter user said.",
           "Twitter", TAGGER_KIND_ORG);
    /* a team by a verb in the plural, as British English writes it, where
     * its name opens a clause; not where it need not be the subject (BBC
     * sport, 2005) */
    expect_mentions("Chelsea sack Mutu\n\nChelsea have sacked Adrian Mutu after he failed a "
                    "drugs test. A statement from Chelsea explaining the decision read: \"We "
                    "want to make clear that Chelsea has a zero tolerance policy.\"",
                    "Chelsea", TAGGER_KIND_ORG, 4);
    expect("Serena Williams has rejected claims that she and sister Venus are a declining force "
           "in tennis.",
           "Venus", TAGGER_KIND_PERSON);
    /* a name the model did not know, before a person's verb, which it took
     * for a thing's or a place's (today's news, written by hand; Reuters,
     * 1987); not a company's ("Hawaiian Electric said") */
    expect("Kylian Mbappe scored twice as Real Madrid beat Barcelona.", "Kylian Mbappe",
           TAGGER_KIND_PERSON);
    expect_mentions("Manchester City won 3-1. Erling Haaland scored twice, and Haaland said he "
                    "was happy.",
                    "Erling Haaland", TAGGER_KIND_PERSON, 2);
    expect("Chinese ambassador Tian Ding told a meeting of officials.", "Tian Ding",
           TAGGER_KIND_PERSON);
    expect_no_entity("But the outgoing European Commissioner said his comments were wrong.",
                     "European Commissioner");
    tagger_result_t *company = annotate("Hawaiian Electric said it plans to open a plant.");
    const tagger_entity_t *e = find(company, "Hawaiian Electric");
    ck_assert_msg(e == NULL || e->kind != TAGGER_KIND_PERSON, "'Hawaiian Electric' is a person");
    tagger_result_free(company);
    /* a name's first word the model left O where it opens a sentence,
     * though it gave the next word a name's inside label (today's news and
     * the BBC, 2005, written by hand); not a title, a royal title or a
     * day */
    expect("Novo Nordisk cut its sales forecast on Tuesday.", "Novo Nordisk", TAGGER_KIND_ORG);
    expect_whole("Saudi officials said King Fahd would travel to London.", "Fahd",
                 TAGGER_KIND_PERSON, "King Fahd");
    /* a team's or a band's member after its possessive (BBC, 2005); a
     * person's colleague after the person's, named in full before, is his
     * (written by hand) */
    expect_mentions("Jose Mourinho praised his side. Chelsea's John Terry scored twice, and "
                    "Chelsea now lead by five points.",
                    "Chelsea", TAGGER_KIND_ORG, 2);
    expect("Stars such as Dido and Coldplay's Chris Martin are on the record.", "Coldplay",
           TAGGER_KIND_ORG);
    expect_mentions("Prime Minister Tony Blair met union leaders on Monday. Blair's Alastair "
                    "Campbell said he would stay.",
                    "Tony Blair", TAGGER_KIND_PERSON, 2);
    /* a name the model took for a person, joined by "and" to an
     * organization a cue typed (BBC, 2005), but not in a team sheet's
     * list of surnames */
    expect("Analysts said Rosneft and CNPC would sign the deal. CNPC shareholders approved it.",
           "Rosneft", TAGGER_KIND_ORG);
    expect("Subs not used: Lehmann, Fabregas, Senderos, Hoyte.\nArsenal boss Arsene Wenger "
           "said Senderos would start.",
           "Senderos", TAGGER_KIND_PERSON);
    /* a company after "a stake in", where the model took it for a place
     * (Reuters, 1987) */
    expect("Assicurazioni Generali reduced its majority stake in Mediobanca, the bank said.",
           "Mediobanca", TAGGER_KIND_ORG);
    /* a platform by its users, though the model took it for a place:
     * no place has users (HuffPost, 2018) */
    expect("The director interpreted it for a fan on Twitter. When a Twitter user suggested "
           "it, she answered.",
           "Twitter", TAGGER_KIND_ORG);
    expect("Chelsea winger Arjen Robben has broken two metatarsal bones in his foot and will "
           "be out for at least six weeks.",
           "Chelsea", TAGGER_KIND_ORG);
    /* After the name's possessive, only what no person has (BBC, 2005). */
    expect("However, DaimlerChrysler's shares fell 1.5% on the news. \"While all these "
           "divisions are doing well the big worries continue to surround Mercedes-Benz,\" "
           "Michael Rabb, an analyst with Bank Sal Oppenheim, told Reuters.",
           "DaimlerChrysler", TAGGER_KIND_ORG);
    /* A place's shares are its market's. */
    expect("Asia shares defy post-quake gloom\n\nThailand has become the first of the 10 "
           "southern Asian nations battered by giant waves at the weekend to cut its economic "
           "forecast.",
           "Asia", TAGGER_KIND_PLACE);
}
END_TEST

/* A lower-case noun before a name that says what kind of organization it
 * is ("regulator Ofcom", "firm Sophos", "group Kaiser Chiefs") makes it one,
 * at its other mentions too; but a name opening with a first name is the
 * founder's as well, and the cue does not outvote the other mentions. */
/* An acronym in running text that the model took for a place (BBC, 2004). */
START_TEST(test_acronym_in_prose)
{
    /* Typed a person by the model (Reuters, 1987): no person is written so. */
    expect("    A hunger strike to press for higher wages spread today to\nabout 4,000 union "
           "leaders, workers, and university students in\nthe country's major cities, said COB "
           "press secretary Gonzalo\nVizcarra.\n",
           "COB", TAGGER_KIND_ORG);
    expect("The sprinter has consistently protested her innocence but the CAS has upheld "
           "USADA's findings.",
           "USADA", TAGGER_KIND_ORG);
    expect("The prime minister was commenting on the wrongful jailing of 11 people for IRA bomb "
           "attacks on pubs in Guildford and Woolwich in 1974.",
           "IRA", TAGGER_KIND_ORG);
}
END_TEST

START_TEST(test_org_descriptors)
{
    expect_mentions("The move comes after telecom regulator Ofcom said in November that the "
                    "firm must offer competitors \"real equality of access to its phone "
                    "lines\". At the time, Ofcom offered BT the choice of change or splitting "
                    "into two.",
                    "Ofcom", TAGGER_KIND_ORG, 2);
    expect("Anti-virus firm Sophos said that 10% of the e-mail currently on the net was "
           "infected with the Zafi virus.",
           "Sophos", TAGGER_KIND_ORG);
    expect_mentions("The international exclusion zone around georgewbush.com was spotted by "
                    "net monitoring firm Netcraft which keeps an eye on traffic patterns across "
                    "many different sites. Netcraft said that since the early hours of 25 "
                    "October attempts to view the site had failed.",
                    "Netcraft", TAGGER_KIND_ORG, 2);
    expect("US rapper The Game is hip-hop great Dr Dre's latest protege while Leeds group "
           "Kaiser Chiefs came fifth with a promise to lead a Britpop revival.",
           "Kaiser Chiefs", TAGGER_KIND_ORG);
    expect("he is attending a General Agreement on Trade and Tariffs (GATT)\nministerial "
           "meeting, to deny giving the interview to the\nconservative daily Die Welt. The paper "
           "quoted Bangemann as\nsaying that continued subsidies would endanger other parts of\n",
           "Die Welt", TAGGER_KIND_ORG);
    expect("    Sarrazin told the business daily Handelsblatt that Brazil's\ninterest payments "
           "moratorium had cost it the goodwill of many\nbanks.\n",
           "Handelsblatt", TAGGER_KIND_ORG);
    expect("Mario Gabelli, head of New York\ninvestment firm Mario Gabelli and Co, said the "
           "firm may seek control of the company. Gabelli said he had no plans.",
           "Mario Gabelli", TAGGER_KIND_PERSON);
    /* a start-up, which the model typed a person (BBC, 2005), and a name
     * the model took for a thing (today's news, written by hand) */
    expect("At the same time, search start-up Blinkx has released a second version of its "
           "eponymous software.",
           "Blinkx", TAGGER_KIND_ORG);
    expect("The startup OpenAI said on Monday it had raised $6 billion.", "OpenAI",
           TAGGER_KIND_ORG);
}
END_TEST

/* A name after a job and "at" or "with" is the employer, which the model
 * alone had a place or a person (BBC, 2005; Reuters, 1987); a name that
 * goes on with more capitalised words is left to the joining of a place
 * and its company. */
START_TEST(test_employer_after_job)
{
    expect("\"This deal employs some of Metlife's excess capital in a potentially "
           "higher-return business and gives it more distribution,\" said Stuart Quint, an "
           "analyst at Gartmore.",
           "Gartmore", TAGGER_KIND_ORG);
    expect("Not least, said Paul King, principal security consultant at Cisco, because the "
           "defences against such attacks are so common.",
           "Cisco", TAGGER_KIND_ORG);
    expect("Brazil pays no interest for a year, said Joseph\nArsenio, analyst with Birr, "
           "Wilson and Co.\n    He noted, however, that any potential losses would not show\n"
           "up in the current quarter.",
           "Birr", TAGGER_KIND_ORG);
    expect("\"Mobile phone music services must not be positioned to compete with the PC "
           "music experience as the handsets are not yet ready,\" said Thomas Husson, mobile "
           "analyst at Jupiter research.",
           "Jupiter", TAGGER_KIND_ORG);
}
END_TEST

/* A byline names its authors: people, one or two names joined by "and",
 * but the story is not about them, so they rank below every entity of the
 * article (layout.c: a credit line is no part of it).  HuffPost, 2018. */
START_TEST(test_byline_authors)
{
    static const char text[] =
        "Trump's Crackdown On Immigrant Parents Puts More Kids In An Already Strained System\n"
        "By Elise Foley and Roque Planas\n"
        "Last month a Health and Human Services official revealed the government was unable to "
        "locate nearly 1,500 children who had been released from its custody.\n";
    tagger_result_t *r = annotate(text);
    const tagger_entity_t *foley = found(r, text, "Elise Foley", TAGGER_KIND_PERSON);
    const tagger_entity_t *planas = found(r, text, "Roque Planas", TAGGER_KIND_PERSON);
    const tagger_entity_t *hhs = found(r, text, "Health and Human Services", TAGGER_KIND_ORG);
    ck_assert(foley->relevance < TAGGER_FACET_THRESHOLD);
    ck_assert(planas->relevance < hhs->relevance);
    ck_assert(foley->relevance < hhs->relevance);
    tagger_result_free(r);
    /* Without "By": a name alone over the story's date (HuffPost's fields,
     * as a page sets them). */
    static const char bare[] =
        "There Were 2 Mass Shootings In Texas Last Week, But Only 1 On TV\n"
        "Melissa Jeltsen\n"
        "2018-05-26\n"
        "She left her husband. He killed their children. Just another day in America.\n";
    r = annotate(bare);
    const tagger_entity_t *jeltsen = found(r, bare, "Melissa Jeltsen", TAGGER_KIND_PERSON);
    ck_assert_msg(jeltsen->relevance < TAGGER_FACET_THRESHOLD, "relevance %.3f",
                  jeltsen->relevance);
    tagger_result_free(r);
}
END_TEST

/* A name the model typed a person that ends as places' names do, with no
 * first name first, is a place (Reuters, 1987; BBC, 2005); a surname that
 * ends places' names too needs a preposition of place before it. */
START_TEST(test_place_named_like_person)
{
    expect("Bradley is prominent among Congressmen urging that\nprovisions for debt relief be "
           "attached to tough new trade\nlegislation now being considered on Capitol Hill.\n",
           "Capitol Hill", TAGGER_KIND_PLACE);
    expect("He said attacks on the field, 55 miles northwest of Iran's\nKharg Island oil "
           "terminal, were carried out at 0600 GMT.\n",
           "Kharg Island", TAGGER_KIND_PLACE);
    expect("Tory leader Michael Howard said Lord Butler had given the \"most damaging "
           "testimony\" he could remember. But Downing Street said Mr Blair should be judged by "
           "results not his style.",
           "Downing Street", TAGGER_KIND_PLACE);
    expect("A smash hit on Broadway before moving to London, the show also won best musical "
           "performance in a supporting role for Conleth Hill, who plays director Roger DeBris.",
           "Conleth Hill", TAGGER_KIND_PERSON);
}
END_TEST

/* A one-word name in a list with an organization of the gazetteer is an
 * organization, where the model alone had a person or a place (BBC, 2005);
 * an apposition after a comma is no list. */
START_TEST(test_listed_with_organizations)
{
    expect("Sony, Microsoft and Nintendo are all expected to release their more powerful "
           "machines in the next 18 months.",
           "Nintendo", TAGGER_KIND_ORG);
    expect("There is more competition than ever for users as old rivals, such as Yahoo and "
           "Microsoft, and new entrants try to win them.",
           "Yahoo", TAGGER_KIND_ORG);
    expect("High-profile web portals such as Google, Yahoo, Ebay and Amazon are gathering "
           "donations.",
           "Yahoo", TAGGER_KIND_ORG);
    tagger_result_t *r = annotate("The talks with Microsoft, Europe's biggest software buyer, "
                                  "ended on Friday.");
    const tagger_entity_t *e = find(r, "Europe");
    ck_assert(e == NULL || e->kind != TAGGER_KIND_ORG);
    tagger_result_free(r);
}
END_TEST

/* A post between a name and a person's makes the name the person's
 * organization ("Dean Witter analyst Karen Gibbs", "Tory leader Michael
 * Howard"); a post after a name alone is the post of the one named. */
START_TEST(test_org_posts)
{
    expect("Dean Witter analyst Karen Gibbs said a retail sales figure below expectations "
           "would not surprise the market.",
           "Dean Witter", TAGGER_KIND_ORG);
    expect("The posters, including one of flying pigs and another of what critics claim "
           "depicted Tory leader Michael Howard as Fagin, prompted accusations of "
           "anti-Semitism.",
           "Tory", TAGGER_KIND_ORG);
    /* After what the model took for a place too. */
    expect(lilliu, "Fiat", TAGGER_KIND_ORG);
    /* A post of two words, "chief" and the next (BBC, 2005: the model had
     * a person). */
    expect("Filing for bankruptcy protection in the US was \"a last resort to preserve the "
           "rights of our shareholders, employees and customers,\" said Yukos chief executive "
           "Steven Theede.",
           "Yukos", TAGGER_KIND_ORG);
    expect("H.J. Heinz Co said its board of\ndirectors has elected Anthony O'Reilly chairman "
           "of the board,\nsucceeding Henry Heinz II, who died on February 23.",
           "Anthony O'Reilly", TAGGER_KIND_PERSON);
    /* A post written with a capital is the person's, not the end of the
     * organization's name (Reuters, 1987). */
    const char *text = "Federal Reserve Board Vice Chairman Manuel Johnson said the Fed\n"
                       "would not change its policy.";
    expect(text, "Federal Reserve Board", TAGGER_KIND_ORG);
    expect(text, "Manuel Johnson", TAGGER_KIND_PERSON);
    expect_no_entity(text, "Federal Reserve Board Vice Chairman");
}
END_TEST

/* ------------------------------------------------------------------------ */
/* What is not a name                                                        */

START_TEST(test_sentence_openers_are_not_names)
{
    expect_none("Yesterday the board met. However, nothing was decided. Meanwhile the "
                "shares fell.");
    expect_none("Yet, they have often been marred by tension.");
    /* Two-letter words are common words too, capitalised after "U.S." */
    expect_no_entity("Narusawa said the U.S. Is unlikely to push the yen up further.", "Is");
    expect_no_entity("Japan agreed in talks with the U.S. To amend its laws.", "To");
    /* Words newer than CoNLL and Reuters, common in the BBC's and HuffPost's
     * text ("broadband"); "poor" of "Standard and Poor's". */
    expect_none("Other found themselves tied into 12-month contracts. Broadband has become "
                "hugely competitive and providers are desperate to hold on to customers.");
    expect_no_entity("For 10 years, the issue is rated A-2 by Moody's and AA by Standard and "
                     "Poor's.",
                     "Poor");
    /* Groups of people by their trade, opening a sentence (Reuters, 1987;
     * news of 2004, written by hand); a club of such a name stays one,
     * first in a league table's line too (CoNLL-2003 eng.testa). */
    expect_none("A mud slip buried his car. Seismologists said the town was hit by three "
                "earthquakes.");
    expect_none("Paleontologists said on Wednesday they had found the fossil of a dinosaur.");
    expect_none("Historians said on Wednesday they had found the letters in an archive.");
    expect("St Mirren 3 1 1 1 5 4 4\nAirdrieonians 2 1 1 0 1 0 4\nFalkirk 2 1 0 1 2 3 3\n",
           "Airdrieonians", TAGGER_KIND_ORG);
}
END_TEST

/* A name the model typed a person's that opens with a common word that
 * is no first name is none (BBC, 2005); a first name after such a word
 * opens it (Reuters, 1987). */
START_TEST(test_person_opening_with_a_common_word)
{
    tagger_result_t *r = annotate("The firm is following in the footsteps of Microsoft, Google "
                                  "and Ask Jeeves, which have offered similar services.");
    const tagger_entity_t *e = find(r, "Ask Jeeves");
    ck_assert(e == NULL || e->kind != TAGGER_KIND_PERSON);
    tagger_result_free(r);
    expect_whole("Warner Communications Inc said its board has approved a 10-year employment "
                 "contract with Chairman Steven J. Ross.",
                 "Steven J. Ross", TAGGER_KIND_PERSON, "Chairman Steven J. Ross");
}
END_TEST

/* A lower-case role right before a full name makes it a person's, where
 * the model saw an organization (BBC, 2005), and so does a post after the
 * name of its organization; a city that opens such a person's name is no
 * mention of the city. */
START_TEST(test_role_before_a_name)
{
    expect("Seventh seed Jurgen Melzer came through 6-3 6-3 against Xavier Malisse - winner in "
           "Delray Beach last week.",
           "Jurgen Melzer", TAGGER_KIND_PERSON);
    expect("The Scottish Football Association is awaiting referee Hugh Dallas's report before "
           "acting against Hearts winger Saulius Mikoliunas.",
           "Saulius Mikoliunas", TAGGER_KIND_PERSON);
    expect("Arsenal manager Arsene Wenger claimed their display in the 3-1 defeat was poor.",
           "Arsene Wenger", TAGGER_KIND_PERSON);
    const char *text = "Portsmouth chairman Milan Mandaric said he was happy with the deal.";
    tagger_result_t *r = annotate(text);
    found(r, text, "Milan Mandaric", TAGGER_KIND_PERSON);
    ck_assert_ptr_null(find(r, "Milan"));
    tagger_result_free(r);
    /* A role that opens a sentence, capitalised there only, is no part of
     * the name; a person's says a person (BBC, 2005; today's news, written
     * by hand); a company's name keeps its first word (Reuters, 1987). */
    expect_whole("Eminem beats Elvis to number one\n\nRapper Eminem has denied Elvis his "
                 "third number one in a row.",
                 "Eminem", TAGGER_KIND_PERSON, "Rapper Eminem");
    expect_whole("The case was closed. Rapper Snoop Dogg has been sued for rape.", "Snoop Dogg",
                 TAGGER_KIND_PERSON, "Rapper Snoop Dogg");
    expect_whole("Huawei Technologies launched a chip. Rival Xiaomi also launched a phone this "
                 "week.",
                 "Xiaomi", TAGGER_KIND_ORG, "Rival Xiaomi");
    expect("STAMFORD, Conn., March 25 - Singer Co said it has signed a definitive agreement.",
           "Singer Co", TAGGER_KIND_ORG);
}
END_TEST

/* Camel case: a company's name or a product's, even where it opens a
 * sentence; but after a given name's prefix a person's ("LeBron"), and a
 * hashtag or a handle is no name (today's news and HuffPost, 2018). */
START_TEST(test_camel_case)
{
    expect("OpenAI said on Monday it had raised money from investors.", "OpenAI", TAGGER_KIND_ORG);
    expect("Analysts expect more. ByteDance said on Monday it would invest in Europe.", "ByteDance",
           TAGGER_KIND_ORG);
    expect("LeBron James scored 30 points as the Lakers beat the Celtics.", "LeBron James",
           TAGGER_KIND_PERSON);
    expect("LeBron James, who owns a stake in a fitness company, posted about it.", "LeBron James",
           TAGGER_KIND_PERSON);
    expect_none("She is a PhD student at the university.");
    expect_none("Women shared their stories with the hashtag #MeToo on Monday.");
}
END_TEST

/* A line of people's names, most opening with a first name, is no
 * headline, though it has no lower-case word (a golf leaderboard, CoNLL-2003
 * eng.train): each name stands without being found elsewhere. */
START_TEST(test_list_of_people_is_no_headline)
{
    const char *text = "72 Clarence Rose , Loren Roberts , Fred Funk , Sven Struver\n";
    tagger_result_t *r = annotate(text);
    found(r, text, "Clarence Rose", TAGGER_KIND_PERSON);
    found(r, text, "Sven Struver", TAGGER_KIND_PERSON);
    tagger_result_free(r);
    /* A headline with commas is still one (HuffPost, 2018). */
    expect_no_entity("Barbara Bush, Former First Lady, Dies At Age 92\n", "Former First Lady");
}
END_TEST

/* A title-case headline on the first line, straight above its text (a
 * HuffPost record, 2018), is read as a headline, not joined to the text
 * as a wrapped line. */
START_TEST(test_headline_above_its_text)
{
    expect_whole("Steven Tyler Admits To Hitting On Daughter Liv's Famous Pal While She "
                 "Watched\n\"I got a lot of sh** for it,\" the Aerosmith rocker confessed to "
                 "James Corden.\n",
                 "Steven Tyler", TAGGER_KIND_PERSON, "Steven Tyler Admits");
    expect_no_entity("Steven Tyler Admits To Hitting On Daughter Liv's Famous Pal While She "
                     "Watched\n\"I got a lot of sh** for it,\" the Aerosmith rocker confessed "
                     "to James Corden.\n",
                     "Famous Pal");
}
END_TEST

START_TEST(test_title_case_headlines)
{
    /* Capitals say nothing in a title-case line: no "Milo", no "Owner
     * Suspects Poisoning". */
    expect_none("Champion Show Dog Milo Dies Mysteriously: Owner Suspects Poisoning at Sant "
                "Antnin Family Park\n");
    expect_none("North Korea Abandons Pursuit of Reconciliation with South Korea\n");
    /* ... but a first name opening a name is enough. */
    expect("Peter Obi: A Message of Hope and a Call for Better Leadership\n", "Peter Obi",
           TAGGER_KIND_PERSON);
    /* ... even where the run goes on: the first name and one word more
     * (HuffPost headlines, 2018), not the headline's verb. */
    const char *text = "Rudy Giuliani Offers A Head-Spinning New Defense Of Trump\n\nGiuliani "
                       "provided a circuitous explanation of why Trump could not have colluded "
                       "with the Russians.\n";
    expect_mentions(text, "Rudy Giuliani", TAGGER_KIND_PERSON, 2);
    text = "Trevor Noah Unloads On Gun Owners Stupid Accidents\n\nIntroducing a series of "
           "gunfortunate events.\n";
    expect(text, "Trevor Noah", TAGGER_KIND_PERSON);
    expect_no_entity(text, "Trevor Noah Unloads");
    /* ... one word more before a possessive or a "Jr": a name goes on
     * there (HuffPost, 2018). */
    expect("How A Brush With Death Shaped Martin Luther King's Message\n\nKing had said, before "
           "the end, that he might not get there.\n",
           "Martin Luther King", TAGGER_KIND_PERSON);
    expect("5 Ways You Can Do Justice To Martin Luther King Jr.'s Legacy Today\n\nLet's not "
           "forget what he stood for.\n",
           "Martin Luther King Jr.", TAGGER_KIND_PERSON);
    expect("Stephen Colbert Wants Mueller To Give Trump A Special Anniversary Gift\n\nThe "
           "special counsel investigation began one year ago on Thursday.\n",
           "Stephen Colbert", TAGGER_KIND_PERSON);
    /* Not a dateline in capitals. */
    expect_no_entity("INTERCO SETS DIVIDEND\nBEVERLY HILLS, Calif., March 3 -\nThe company "
                     "said its board declared a dividend.\n",
                     "BEVERLY HILLS");
    /* The short line below a dateline is no title-case line: it is what
     * the dateline left of the text's first line, and goes on below. */
    text = "DETROIT, March 4 -\nChrysler Corp's Chrysler Motors Corp\nsaid it will spend 367 "
           "mln dlrs at its Belvidere, Ill.,\nassembly plant.\n";
    expect(text, "Chrysler Corp", TAGGER_KIND_ORG);
    expect(text, "Chrysler Motors Corp", TAGGER_KIND_ORG);
    /* Two numbers in a long headline of few commas: still a headline. */
    expect_none("There Were 2 Mass Shootings In Texas Last Week, But Only 1 On TV\n\nShe left "
                "her husband. He killed their children.\n");
}
END_TEST

/* Holidays, and things written in capitals, are not names by themselves. */
START_TEST(test_holidays_and_capitalised_things)
{
    expect_none("Sales have been weak since Christmas, the retailer said, and it expects no "
                "rise before Easter.");
    expect_none("Shipments of PCs rose by a fifth, while sales of DVDs and TV sets fell.");
    expect_no_entity("Conditions are much quicker than in Doha, my timing was OK, but I could "
                     "have served better.",
                     "OK");
    expect_none("GNP grew 2.1 pct in the quarter, the department said.");
    expect_none("The director won an Oscar nomination for best original screenplay.");
    expect_none("Muslim leaders met on Friday, and Hindu and Sikh groups joined them.");
    /* the peoples of Britain (BBC, 2005) */
    expect_none("The 31-year-old Scot was suspended for two years in 1998.");
    expect_none("Welsh councils should set their taxes at reasonable levels.");
    expect_no_entity("An EU spokesman in Washington dismissed the complaint.", "An");
    /* Reuters, 1987: a sentence adverb opening a sentence. */
    expect_none("There are also reports that plantings have been reduced, he said. "
                "Furthermore, he cited reports of greater than normal winterkill.");
    /* the agency as its wire signed itself then */
    expect_none("days of March was running at about 14.7 mln bpd, down from a 16\nmln bpd "
                "average for February and well below the 15.8 mln bpd\nceiling the group "
                "adopted in December, a Reuter survey shows.\n REUTER\n");
}
END_TEST

/* In a headline in capitals, common words at a name's edges are the
 * headline's, not the name's (Reuters, 1987): "PALM OIL" is nothing; a
 * company's suffix keeps its name whole, read in any case. */
START_TEST(test_capitals_headlines)
{
    expect_no_entity("MALAYSIA RAISES DUTY ON PROCESSED PALM OIL\nKUALA LUMPUR, March 3 -\nThe "
                     "government said it raised the\nexport duty on processed palm oil (PPO) to "
                     "64.06 ringgit per\ntonne from 40.96 ringgit, effective from March 1.\n",
                     "PALM OIL");
    expect("MICOM SYSTEMS <MICS> ENHANCES MULTIPLEXOR\nSIMI VALLEY, Calif., March 4 -\nMicom "
           "Systems Inc said it\nhas doubled the data transmission range and speed of its\n"
           "Instalink460 voice/data multiplexor.\n",
           "MICOM SYSTEMS", TAGGER_KIND_ORG);
    /* Such suffixes make a company in running text too. */
    expect("It said the offering will be managed by Goldman Sachs and\nCo and Montgomery "
           "Securities.\n",
           "Montgomery Securities", TAGGER_KIND_ORG);
}
END_TEST

/* A legislator's office and party tag are not names: "Reps.", "(R-NY)"
 * (HuffPost, 2018), "(D-Tex)" (Reuters, 1987). */
START_TEST(test_legislators_tags)
{
    const char *text = "Rep. Elise Stefanik (R-NY) and Florida Reps. Carlos Curbelo and Ileana "
                       "Ros-Lehtinen say Pruitt should leave the agency.";
    expect_whole(text, "Carlos Curbelo", TAGGER_KIND_PERSON, "Reps");
    expect_no_entity(text, "R-NY");
    expect_no_entity("House Speaker Jim Wright (D-Tex) has proposed a transfer\ntax to be paid "
                     "by buyers.",
                     "D-Tex");
}
END_TEST

/* A web address ends before the sentence's period (HuffPost, 2018); a
 * period after one or two letters stays an abbreviation's (Reuters, 1987). */
START_TEST(test_period_after_web_address)
{
    const char *text = "This article originally appeared at TomDispatch.com. To receive "
                       "TomDispatch in your inbox three times a week, click here.";
    tagger_result_t *r = annotate(text);
    ck_assert_ptr_nonnull(find(r, "TomDispatch.com"));
    ck_assert_ptr_null(find(r, "TomDispatch.com."));
    tagger_result_free(r);
    expect("The sale price was 1,200 dlrs per\nhead and was made to T.K. International Inc. "
           "It will be paid in\nthe form of commodities.",
           "T.K. International Inc.", TAGGER_KIND_ORG);
}
END_TEST

/* An amount in a foreign dollar is no name (BBC, 2005: they were PLACEs). */
START_TEST(test_currency_amounts)
{
    const char *text = "Investors were shaken by the news and the firm's shares fell to a "
                       "four month low of A$4.50, before recovering to close 16% down at "
                       "A$4.67. The deal values Southcorp at A$2.6bn.";
    expect_no_entity(text, "A$4.50");
    expect_no_entity(text, "A$4.67");
    expect_no_entity(text, "A$2.6bn");
}
END_TEST

/* A letter alone is not a name: "S Korea" in a headline, "S and P". */
START_TEST(test_letters_alone)
{
    expect_none("S Korean consumers spending again\n\nShoppers returned to the malls.");
    expect_none("The debt was downgraded by S and P on Tuesday, the bank said.");
    /* with a period too (Reuters, 1987: they were PERSONs) */
    const char *text = "Both issues were rated A-1 by Moody's and A by S and P.";
    expect_no_entity(text, "P.");
    expect_no_entity(text, "P");
    expect_no_entity("Union Carbide's subordinated debt was upgraded to BB-minus from B.", "B.");
}
END_TEST

/* A month is no name, in a dateline either (Reuters, 1987: "Jan", "Mar"
 * were PERSONs, "February" an ORG); the head of an organization's name
 * alone is none either, in any case ("the Bank", "the Commission"), but it
 * still ends the name of the place or company before it. */
START_TEST(test_months_and_heads_alone)
{
    const char *text = "Remaining interest will be deferred until Jan 1, 1991. He said the "
                       "February 22 Louvre accord had produced satisfactory results.";
    expect_no_entity(text, "Jan");
    expect_no_entity(text, "February");
    expect("TOKYO, Feb 26 - Japan's trade surplus rose in January, the Finance Ministry said.",
           "Finance Ministry", TAGGER_KIND_ORG);
    expect_no_entity("Bundesbank figures show inflation of 0.1 pct year-on-year, the Bank said.",
                     "Bank");
    expect_no_entity("BANK RAISES ITS PRIME RATE TO 7.5 PCT\nThe bank said on Monday it would "
                     "raise its prime rate.",
                     "BANK");
    expect_no_entity("In letters sent to the two companies, the Commission alleged the firms "
                     "were abusing their position.",
                     "Commission");
    expect("She earned a degree in physics at Stanford University.", "Stanford University",
           TAGGER_KIND_ORG);
    /* nor the end of a name before a day's number: a byline's date (today's
     * news, written by hand) or a table's (Reuters, 1987) */
    expect_no_entity("By Maria Oliveira, Reuters\nPublished November 10, 2025\n",
                     "Published November");
    expect_no_entity("Effective Jan 1, 1987, company changed oil and gas accounting.",
                     "Effective Jan");
}
END_TEST

/* A possessive "'S" in a headline in capitals is split off as "'s" is
 * (Reuters, 1987: "FED'S" and "TREASURY'S" were names). */
START_TEST(test_possessive_in_capitals)
{
    const char *text = "FED'S JOHNSON STRESSES PRICE STABILITY";
    expect_no_entity(text, "FED'S");
    expect(text, "FED", TAGGER_KIND_ORG);
    /* An "'S" at the text's start has no byte before it to read (a
     * fuzzer's find).  On the heap, so that check-asan sees a read before
     * the start. */
    static const char headline[] = "'S AND P SAYS RATINGS STAND";
    char *heap = malloc(sizeof headline);
    ck_assert_ptr_nonnull(heap);
    memcpy(heap, headline, sizeof headline);
    expect_no_entity(heap, "'S");
    free(heap);
}
END_TEST

/* A Roman numeral alone is no name (Reuters, 1987: "II" and "III" were
 * ORGs); acronyms made of the same letters are. */
START_TEST(test_roman_numerals_alone)
{
    const char *text = "Reserves I, II and III have matured. Level IV reflects grain entered "
                       "after Oct 6, 1981.";
    expect_no_entity(text, "II");
    expect_no_entity(text, "III");
    expect_no_entity(text, "IV");
    /* An acronym that looks like one is no numeral: ICI is the company. */
    expect_mentions("Imperial Chemical Industries said ICI would raise its dividend.",
                    "Imperial Chemical Industries", TAGGER_KIND_ORG, 2);
}
END_TEST

/* "I" and its contractions are no part of a name. */
START_TEST(test_first_person)
{
    expect_none("\"That ambition has meant that I've had only two nights out since last "
                "August,\" she said.");
    expect_none("\"I'm sure it will work, and I'll be back,\" he told reporters.");
}
END_TEST

START_TEST(test_time_zone)
{
    expect_none("Published: December 31, 2023 at 4:35 pm EST | Updated: 6:05 am EST\n");
}
END_TEST

START_TEST(test_menu_line)
{
    /* A language menu (layout.c): none of its names is an entity. */
    expect_none("af Afrikaans sq Albanian am Amharic ar Arabic hy Armenian az Azerbaijani eu "
                "Basque be Belarusian bn Bengali bs Bosnian bg Bulgarian ca Catalan ceb "
                "Cebuano ny Chichewa co Corsican hr Croatian cs Czech da Danish nl Dutch\n"
                "North Korea said on Monday it would not talk to anyone this year.\n");
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Document rules and output                                                 */

/* A wire credit is no name the recognizer finds: one whose gazetteer mention
 * resolve.c drops ("(Reuters)"), nor an agency no gazetteer lists ("(AP)"). */
START_TEST(test_wire_credit_is_no_name)
{
    const char *text = "Iraq Violence Kills 12 (Reuters)\nReuters - Insurgents killed 12 people "
                       "across Iraq on Sunday, police said.\n";
    expect_no_entity(text, "Reuters");
    expect_no_entity(text, "Thomson Reuters Corp");
    expect_no_entity("NEW YORK (AP) - Stocks closed higher on Wednesday.\n", "AP");
}
END_TEST

START_TEST(test_gazetteer_takes_precedence)
{
    tagger_result_t *r = annotate("Kim Jong Un visited the plant with Peter Obi on Monday.");
    const tagger_entity_t *kim = find(r, "Kim Jong Un");
    ck_assert_ptr_nonnull(kim);
    ck_assert_int_eq(kim->source, TAGGER_SOURCE_GAZETTEER);
    ck_assert_str_eq(kim->id, "Q56226");
    ck_assert_int_eq(kim->n_mentions, 1);
    ck_assert_ptr_nonnull(find(r, "Peter Obi"));
    tagger_result_free(r);
}
END_TEST

/* Asserts that the entity @p name of @p r, the result of @p text, has two
 * mentions, the second a short one where @p at starts in the text. */
static void short_mention_at(const tagger_result_t *r, const char *name, const char *text,
                             const char *at)
{
    const tagger_entity_t *e = find(r, name);
    ck_assert_msg(e != NULL, "'%s' not found in: %s", name, text);
    ck_assert_int_eq(e->n_mentions, 2);
    ck_assert_int_eq(e->mentions[1].via, TAGGER_VIA_SHORT);
    ck_assert_uint_eq(e->mentions[1].start, (size_t)(strstr(text, at) - text));
}

/* short_mention_at() of @p text's annotation, where @p alone is no
 * entity of its own. */
static void expect_short_mention(const char *text, const char *name, const char *at,
                                 const char *alone)
{
    tagger_result_t *r = annotate(text);
    short_mention_at(r, name, text, at);
    ck_assert_ptr_null(find(r, alone));
    tagger_result_free(r);
}

START_TEST(test_short_name_joins_the_full_name)
{
    expect_short_mention("Peter Obi met supporters on Saturday. Obi said he would run again.",
                         "Peter Obi", "Obi said", "Obi");
    /* A surname of two words (Reuters, 1987; CoNLL-2003 has "Suu Kyi"). */
    const char *text = "Bolivian President Victor Paz Estenssoro said the talks would go on. "
                       "Paz Estenssoro told reporters the creditors had been patient.";
    tagger_result_t *r = annotate(text);
    short_mention_at(r, "Victor Paz Estenssoro", text, "Paz Estenssoro told");
    ck_assert_str_eq(find(r, "Victor Paz Estenssoro")->mentions[1].text, "Paz Estenssoro");
    ck_assert_ptr_null(find(r, "Paz Estenssoro"));
    tagger_result_free(r);
    /* After a title, the person's surname, though a company opens with
     * it too (BBC, 2005). */
    text =
        "This was followed by Mark Paulsmeier, a financier, saying his Paulsmeier Capital Ltd was "
        "interested. A spokesman said it had no evidence that Mr Paulsmeier had lined up "
        "funds.";
    r = annotate(text);
    short_mention_at(r, "Mark Paulsmeier", text, "Paulsmeier had");
    ck_assert_ptr_nonnull(find(r, "Paulsmeier Capital Ltd"));
    ck_assert_ptr_null(find(r, "Paulsmeier"));
    tagger_result_free(r);
    /* Not when the longer name opens with a common word (BBC, 2005). */
    expect("No jail for singer Courtney Love\n\nSinger Courtney Love has been spared jail for "
           "assault and drug offences, but must serve three years probation.",
           "Courtney Love", TAGGER_KIND_PERSON);
}
END_TEST

/* A surname the model leaves alone, opening a sentence or in a headline
 * in capitals (Reuters, 12 March 1987). */
START_TEST(test_surname_opening_a_sentence)
{
    const char *text = "VOLCKER SAYS SENATE BILL WOULD LIMIT FED\n"
                       "LOS ANGELES, March 12 -\n"
                       "Federal Reserve Board Chairman Paul\n"
                       "Volcker said a bill passed this week by the Senate banking\n"
                       "committee is too restrictive regarding the Federal Reserve.\n"
                       "    Volcker added, however, that comprehensive new legislation\n"
                       "dealing with such issues is needed.\n";
    tagger_result_t *r = annotate(text);
    const tagger_entity_t *e = headline_first(r, text, "Paul Volcker", TAGGER_KIND_PERSON, 3,
                                              "VOLCKER");
    ck_assert_int_eq(e->mentions[0].via, TAGGER_VIA_SHORT);
    ck_assert_uint_eq(e->mentions[2].start, (size_t)(strstr(text, "Volcker added") - text));
    ck_assert_int_eq(e->mentions[2].via, TAGGER_VIA_SHORT);
    tagger_result_free(r);
    /* Not a surname two people share, however often one of them is named
     * (BBC, 2004) */
    expect_mentions("Masters Cup champions Mike and Bob Bryan thrashed Juan Carlos Ferrero and "
                    "Tommy Robredo in Seville. \"It feels good,\" said Mike Bryan. Bob Bryan "
                    "added: \"I'm really confident.\" The 26-year-old Bryan twins have won all "
                    "four of their Davis Cup matches this year.",
                    "Bob Bryan", TAGGER_KIND_PERSON, 2);
    /* Not a surname beside another name's word, nor a holiday. */
    text = "Paul Volcker spoke on Monday. Volcker Group shares fell.";
    r = annotate(text);
    ck_assert_uint_eq(found(r, text, "Paul Volcker", TAGGER_KIND_PERSON)->n_mentions, 1);
    tagger_result_free(r);
    expect_mentions("Merry Christmas sang the choir at the mall. Christmas sales were slow.",
                    "Merry Christmas", TAGGER_KIND_PERSON, 1);
}
END_TEST

/* A surname that is also a word ("levy", "price") is the person's inside a
 * sentence of the body (BBC, 2005), but not where a capital says nothing:
 * opening a sentence; nor when the name opens with no first name that is
 * not a word too: the model's PERSON "Wake Me Up" is a song. */
START_TEST(test_surname_that_is_a_word)
{
    const char *text = "Orange Prize winner Andrea Levy has seen her book Small Island win the "
                       "Whitbread Novel of the Year Award.\n\nBookmaker William Hill has placed "
                       "London-based Levy's novel as the 6/4 favourite to win.\n\nSmall Island, "
                       "Levy's fourth novel, is set in post-war England.\n";
    tagger_result_t *r = annotate(text);
    const tagger_entity_t *e = found(r, text, "Andrea Levy", TAGGER_KIND_PERSON);
    ck_assert_uint_eq(e->n_mentions, 3);
    /* a compound before it ("London-based") is no other name's word */
    ck_assert_uint_eq(e->mentions[1].start, (size_t)(strstr(text, "Levy's") - text));
    ck_assert_uint_eq(e->mentions[2].start, (size_t)(strstr(text, "Levy's fourth") - text));
    ck_assert_int_eq(e->mentions[2].via, TAGGER_VIA_SHORT);
    tagger_result_free(r);
    expect_mentions("Writer Andrea Price won the award on Monday.\n\nPrice rises hit shoppers "
                    "in December.\n",
                    "Andrea Price", TAGGER_KIND_PERSON, 1);
    expect_mentions("The latest Elvis Presley re-release entered the chart at number three, one "
                    "place ahead of Girls Aloud's Wake Me Up.\n\nUsher's Caught Up was a new "
                    "entry at number nine.\n",
                    "Wake Me Up", TAGGER_KIND_PERSON, 1);
}
END_TEST

/* A surname that a gazetteer knows as a place is the person named in full
 * before it (HuffPost, 2018: "Bolton" was Bolton, England), but not after
 * a preposition of place, nor when two people bear it, nor when the
 * person's name opens with no first name: it may be a company's the model
 * typed PERSON ("Chase Manhattan"). */
START_TEST(test_surname_that_is_a_place)
{
    const char *text = "National security adviser John Bolton met his Russian counterpart on "
                       "Monday. Bolton said the talks were useful.";
    tagger_result_t *r = annotate(text);
    short_mention_at(r, "John Bolton", text, "Bolton said");
    tagger_result_free(r);
    expect_place_alone("National security adviser John Bolton met his Russian counterpart on "
                       "Monday. The talks were held in Bolton.",
                       "Bolton", NULL);
    expect_place_alone("John Bolton and his brother Peter Bolton met on Monday. Bolton said the "
                       "talks were useful.",
                       "Bolton", NULL);
    /* A first name the lists lack does as well, in mixed case and no common
     * word (a common one may open a company's name the model typed PERSON,
     * "Chase Manhattan"). */
    text = "Mr Okonkwo Bolton met his Russian counterpart on Monday. Bolton said the talks "
           "were useful.";
    r = annotate(text);
    short_mention_at(r, "Okonkwo Bolton", text, "Bolton said");
    ck_assert_ptr_null(find(r, "Bolton"));
    tagger_result_free(r);
    /* Named once, with a first name before the city (BBC, 2005). */
    text = "The studio made history in 1994 when it won a record 41 Grammy nominations for "
           "songs recorded there, including the soundtrack to the Whitney Houston film The "
           "Bodyguard.";
    expect(text, "Whitney Houston", TAGGER_KIND_PERSON);
    expect_no_entity(text, "Houston");
    /* Not before a region: a fund's name (Reuters, 13 April 1987). */
    text = "FRANKLIN PENNSYLVANIA TAX-FREE IN INITIAL PAYOUT\nSAN MATEO, Calif., April 13 -\n"
           "Franklin Pennsylvania\nTax-Free Income Fund said its board declared an initial "
           "monthly dividend.\n";
    expect_no_entity(text, "Franklin Pennsylvania");
}
END_TEST

/* So is a company's name that is a surname too (scripts/build-orgs flags
 * it given-name): after the founder named in full, it is his; alone, the
 * company. */
START_TEST(test_surname_that_is_a_company)
{
    const char *text = "Sardar Biglari, the chief executive of Steak n Shake, said sales rose. "
                       "Biglari added that the chain would open new restaurants.";
    tagger_result_t *r = annotate(text);
    short_mention_at(r, "Sardar Biglari", text, "Biglari added");
    ck_assert_ptr_null(find(r, "Biglari Holdings Inc."));
    tagger_result_free(r);
    r = annotate("Shares of Biglari rose 3 percent on Monday.");
    ck_assert_ptr_nonnull(find(r, "Biglari Holdings Inc."));
    tagger_result_free(r);
}
END_TEST

/* A city's name inside a person's longer name is part of the name: no
 * place, and no country of it (Reuters, 1987: Rodriguez is a town of the
 * Philippines); but not after an article, where the city ends a company's
 * name (Reuters, 13 March 1987). */
START_TEST(test_city_inside_a_name)
{
    const char *text = "    The mill, inaugurated yesterday, is equipped with looms and\n"
                       "other machinery from East Germany.\n"
                       "    President Fidel Castro and vice-president Carlos Rafael\n"
                       "Rodriguez were present at the ceremony.\n";
    expect(text, "Carlos Rafael Rodriguez", TAGGER_KIND_PERSON);
    expect_no_entity(text, "Rodriguez");
    expect_no_entity(text, "Philippines");
    text = "He spoke to reporters at the presidential palace after\nmeeting president Alan "
           "Garcia, whom he said recently spoke by\ntelephone with Mexican president Miguel "
           "de la Madrid. Mexico\nand Peru are the world's two largest silver producers.\n";
    expect(text, "Miguel de la Madrid", TAGGER_KIND_PERSON);
    expect_no_entity(text, "Spain");
    text = "CARACAS, March 13 -\nVenezuela's biggest private sector\ncompany, La Electricidad "
           "de Caracas, will meet urgently with\nbank creditors in New York on monday.\n";
    tagger_result_t *r = annotate(text);
    const tagger_entity_t *caracas = find(r, "Caracas");
    ck_assert_ptr_nonnull(caracas);
    ck_assert_int_eq(caracas->kind, TAGGER_KIND_PLACE);
    ck_assert_ptr_null(find(r, "La Electricidad de Caracas"));
    tagger_result_free(r);
    /* In a headline found title case only at the span, the person ends
     * before the headline's verb, and the city is his (HuffPost, 2018). */
    text = "What If Joaquin Phoenix Is Friendlier Than He Gets Credit For?\nThe actor is known "
           "for being irritable.";
    expect(text, "Joaquin Phoenix", TAGGER_KIND_PERSON);
    expect_no_entity(text, "Phoenix");
}
END_TEST

/* A first name written with diacritics is the list's without them
 * ("José" is "Jose"), here where the model alone does not see a person
 * (HuffPost, 2018). */
START_TEST(test_first_name_with_diacritics)
{
    const char *text = "MLB's Jos\u00e9 Altuve Not Remotely Intimidated By President Trump During "
                       "WH Visit\nThe Astros second baseman appeared stone-faced through most of "
                       "the visit.";
    expect(text, "Jos\u00e9 Altuve", TAGGER_KIND_PERSON);
    text = "C\u00e9line Dion And Deadpool Have Strong Creative Disagreements In Their New Music "
           "Video\nDeadpool in high heels. That is all.";
    expect(text, "C\u00e9line Dion", TAGGER_KIND_PERSON);
}
END_TEST

/* A club's last word alone, after its full name the gazetteer lists, is
 * the club (BBC, 2005), where the model typed "United" a place or an
 * organization of its own; not a place after a connector (Reuters, 1987). */
START_TEST(test_last_word_of_a_listed_org)
{
    const char *text =
        "Manchester United reduced Chelsea's Premiership lead to nine points after a scrappy "
        "victory over Manchester City.\n\nWayne Rooney met Gary Neville's cross to the near "
        "post with a low shot, which went in via a deflection off Richard Dunne, to put United "
        "ahead. In the opening 45 minutes United had looked unlikely to earn the win they "
        "needed.";
    tagger_result_t *r = annotate(text);
    const tagger_entity_t *club = find(r, "Manchester United plc");
    ck_assert_ptr_nonnull(club);
    ck_assert_uint_eq(club->n_mentions, 3);
    ck_assert_str_eq(club->mentions[2].text, "United");
    ck_assert_int_eq(club->mentions[2].via, TAGGER_VIA_SHORT);
    ck_assert_ptr_null(find(r, "United"));
    tagger_result_free(r);
    text = "The Economic Commission for Africa said growth in Africa would slow, and that "
           "Africa needed more investment.";
    r = annotate(text);
    ck_assert_uint_eq(find(r, "Economic Commission for Africa")->n_mentions, 1);
    tagger_result_free(r);
}
END_TEST

/* A leader's surname alone is the leader ("Trump{surname}" in the
 * gazetteer), but not right after a first name: there it is someone else's
 * ("Melania Trump"), and so it is no short name of the leader named in
 * full before either (HuffPost, 2018). */
/* A country whose name is a given name too, as a person's surname: the
 * lone surname is the person's after the full name (BBC, 2005), and the
 * headline's name beside a word that is no common word is a person
 * (HuffPost, 2018). */
START_TEST(test_surname_that_is_a_country)
{
    const char *text = "EastEnders' head writer Tony Jordan and music mogul Simon Fuller are "
                       "involved in the project. Jordan wrote the first episodes himself.";
    tagger_result_t *r = annotate(text);
    ck_assert_uint_eq(found(r, text, "Tony Jordan", TAGGER_KIND_PERSON)->n_mentions, 2);
    ck_assert_ptr_null(find(r, "Jordan"));
    tagger_result_free(r);
    text = "Jordan Peele's 'New Nightmare' Is Coming Out Next Year\nThe film \"Us\" will hit "
           "theaters next March.";
    r = annotate(text);
    found(r, text, "Jordan Peele", TAGGER_KIND_PERSON);
    ck_assert_ptr_null(find(r, "Jordan"));
    tagger_result_free(r);
}
END_TEST

START_TEST(test_surname_after_a_first_name)
{
    const char *text = "Trump said on Monday that the talks would go on.";
    tagger_result_t *r = annotate(text);
    const tagger_entity_t *e = find(r, "Donald Trump");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(e->source, TAGGER_SOURCE_GAZETTEER);
    ck_assert_str_eq(e->mentions[0].text, "Trump");
    tagger_result_free(r);
    text = "Melania Trump will travel to Africa, her office said.";
    r = annotate(text);
    ck_assert_ptr_null(find(r, "Donald Trump"));
    found(r, text, "Melania Trump", TAGGER_KIND_PERSON);
    tagger_result_free(r);
    text = "Donald Trump spoke on Monday. Melania Trump will travel to Africa, her office "
           "said.";
    r = annotate(text);
    ck_assert_uint_eq(find(r, "Donald Trump")->n_mentions, 1);
    found(r, text, "Melania Trump", TAGGER_KIND_PERSON);
    tagger_result_free(r);
}
END_TEST

/* "Jr" or "Sr" after a person's name makes it someone else's: not the
 * gazetteer's Donald Trump, and the name takes it in (HuffPost 2018, BBC
 * 2005). */
START_TEST(test_generation_after_a_name)
{
    const char *text = "Among the information released was an interview with Donald Trump, Jr.";
    tagger_result_t *r = annotate(text);
    ck_assert_ptr_null(find(r, "Donald Trump"));
    found(r, text, "Donald Trump, Jr.", TAGGER_KIND_PERSON);
    tagger_result_free(r);
    text = "Donald Trump Jr. Uses YouTube Shooting To Make Incoherent Rant About The Left";
    r = annotate(text);
    ck_assert_ptr_null(find(r, "Donald Trump"));
    tagger_result_free(r);
    expect("Bono, The Edge, Adam Clayton and Larry Mullen Jr, who formed U2 at school in 1977, "
           "begin a world tour on 28 March.",
           "Larry Mullen Jr", TAGGER_KIND_PERSON);
}
END_TEST

/* A name the model left alone where it opens a sentence is the name the
 * text gives elsewhere (BBC, 2005; today's news, written by hand); not
 * where it is part of a longer name. */
START_TEST(test_name_left_alone_is_the_name_elsewhere)
{
    const char *text = "Euronext said it would bid. Euronext has more financial firepower than "
                       "the LSE, analysts said, and Euronext shares rose.";
    tagger_result_t *r = annotate(text);
    const tagger_entity_t *e = find(r, "Euronext");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(e->kind, TAGGER_KIND_ORG);
    ck_assert_int_eq(e->n_mentions, 3);
    ck_assert_uint_eq(e->mentions[1].start, (size_t)(strstr(text, "Euronext has") - text));
    ck_assert_int_eq(e->mentions[1].via, TAGGER_VIA_NAME);
    tagger_result_free(r);
    text = "Huawei Technologies unveiled a chip. Huawei also sells phones, and its Huawei Cloud "
           "unit grew. The chip, Huawei said, was made in-house.";
    r = annotate(text);
    e = find(r, "Huawei Technologies");
    ck_assert_ptr_nonnull(e);
    for (size_t k = 0; k < e->n_mentions; k++) {
        ck_assert_uint_ne(e->mentions[k].start, (size_t)(strstr(text, "Huawei Cloud") - text));
    }
    tagger_result_free(r);
}
END_TEST

/* "Fed", in any case, is the Federal Reserve the text names (Reuters,
 * 1987), the shortest of its names; not "Federal Express". */
START_TEST(test_fed_is_the_federal_reserve)
{
    const char *text = "FED LEAVES RATES UNCHANGED\nWASHINGTON, March 3 - The Federal Reserve "
                       "left rates unchanged. The Fed said inflation was low. Federal Reserve "
                       "Board Chairman Paul Volcker spoke.\n";
    tagger_result_t *r = annotate(text);
    const tagger_entity_t *e = find(r, "Federal Reserve");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(e->n_mentions, 3);
    ck_assert_str_eq(e->mentions[0].text, "FED");
    ck_assert_ptr_null(find(r, "Fed"));
    tagger_result_free(r);
    r = annotate("Federal Express Corp said volumes rose. Fed officials said rates would hold.");
    ck_assert_int_eq(found(r, "", "Federal Express Corp", TAGGER_KIND_ORG)->n_mentions, 1);
    tagger_result_free(r);
}
END_TEST

/* A company's first word is its short name ("Cyclops" after "Cyclops
 * Corp"); not another organization's, the whole it is a part of ("BBC"
 * and "BBC Radio"). */
START_TEST(test_company_short_name)
{
    const char *text = "Cyacq Corp said it extended its 80\ndlr a share tender offer for "
                       "Cyclops Corp to March 20 from\ntoday.\n    Cyacq was formed by Citicorp "
                       "Capital Investors Ltd and\nAudio Video Affiliates INc <AVA> to acquire "
                       "Cyclops. THe tender\noffer began on February six.\n";
    tagger_result_t *r = annotate(text);
    const tagger_entity_t *e = find(r, "Cyclops Corp");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(e->kind, TAGGER_KIND_ORG);
    ck_assert_int_eq(e->n_mentions, 2);
    ck_assert_str_eq(e->mentions[1].text, "Cyclops");
    ck_assert_int_eq(e->mentions[1].via, TAGGER_VIA_SHORT);
    ck_assert_ptr_null(find(r, "Cyclops"));
    tagger_result_free(r);
    r = annotate("BBC Radio will broadcast the debate live. The BBC said the programme would "
                 "run for two hours.");
    ck_assert_ptr_nonnull(find(r, "BBC Radio"));
    ck_assert_ptr_nonnull(find(r, "BBC"));
    tagger_result_free(r);
    /* The first word of a company's name that ends in its trade is its
     * short name too (BBC, 2005), and so is the first word of two
     * companies, for the first named (Reuters, 1987). */
    expect_short_mention("Shares in Cairn Energy have jumped 6% after the firm said an Indian "
                         "oilfield was larger than previously thought.\n\nCairn said drilling "
                         "to the north-west of its development site in Rajasthan had produced "
                         "\"very strong results\".",
                         "Cairn Energy", "Cairn said", "Cairn");
    expect_short_mention("Huawei Technologies unveiled a new smartphone chip on Tuesday.\n\n"
                         "Huawei said the chip was designed in-house.",
                         "Huawei Technologies", "Huawei said", "Huawei");
    text = "Hanson Trust PLC said its Hanson Industries unit sold its chemicals business. "
           "Hanson said the sale would bring 100 mln dlrs.";
    r = annotate(text);
    e = find(r, "Hanson Trust PLC");
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(e->n_mentions, 2);
    ck_assert_uint_eq(e->mentions[1].start, (size_t)(strstr(text, "Hanson said") - text));
    ck_assert_ptr_null(find(r, "Hanson"));
    tagger_result_free(r);
    /* The first word of an organization's name alone is an organization,
     * whatever the model made of it (BBC), but for one named after a
     * person (BBC). */
    expect("Such belt-tightening is designed to tackle the massive budget deficit increases of "
           "President Bush's first term. Mr Cheney admitted that the budget was the toughest of "
           "the Bush Presidency but argued it was \"fair and responsible\".",
           "Bush", TAGGER_KIND_PERSON);
    /* And the other way: the model typed "Marine Savings" a PERSON once,
     * and each "Marine" an ORG; "Marine" names the company, not the
     * person's first name (Reuters, 18 March 1987). */
    const char *savings = "FORTUNE <FORF> TO ACQUIRE MARINE SAVINGS\n"
                          "CLEARWATER, Fla., March 18 -\n"
                          "Fortune Financial Group Inc's\n"
                          "Fortune Savings Bank subsidiary said it executed a definitive\n"
                          "agreement to buy <Marine Savings and Loan Association of\n"
                          "Florida> for 10.1 mln dlrs.\n"
                          "    It said the agreement has been approved by the directors of\n"
                          "both banks and is subject to approval of Marine shareholders by\n"
                          "a majority vote.\n"
                          "    Fortune said that under the agreement it will pay 20.10\n"
                          "dlrs cash for each of Marine's 500,000 shares outstanding,\n"
                          "among other things.\n";
    r = annotate(savings);
    found(r, savings, "Marine", TAGGER_KIND_ORG);
    const tagger_entity_t *whole = find(r, "Marine Savings");
    ck_assert_ptr_nonnull(whole);
    ck_assert_int_eq(whole->kind, TAGGER_KIND_ORG);
    ck_assert_int_eq(whole->n_mentions, 1);
    tagger_result_free(r);
}
END_TEST

/* An acronym in brackets after an organization's name, or its initials,
 * is that organization, in the text and in the headline above it (Reuters,
 * 1 June 1987). */
START_TEST(test_acronym_joins_its_name)
{
    const char *text = "CFTC SEEKS COMMENT ON BOND FUTURES\n"
                       "WASHINGTON, June 1 -\n"
                       "The Commodity Futures Trading Commission (CFTC) said it has\n"
                       "received an application for a contract comprised of\n"
                       "yen bonds with a face value at maturity of 100 mln yen.\n"
                       "    CFTC has requested public comment on the proposal.\n";
    tagger_result_t *r = annotate(text);
    const tagger_entity_t *e = headline_first(r, text, "Commodity Futures Trading Commission",
                                              TAGGER_KIND_ORG, 4, "CFTC");
    ck_assert_int_eq(e->mentions[0].via, TAGGER_VIA_SHORT);
    ck_assert_ptr_null(find(r, "CFTC"));
    tagger_result_free(r);
    text = "The Securities and Exchange Commission said on Monday it would review the\n"
           "rules. The SEC said the review would take a year.";
    r = annotate(text);
    e = found(r, text, "Securities and Exchange Commission", TAGGER_KIND_ORG);
    ck_assert_uint_eq(e->n_mentions, 2);
    ck_assert_ptr_null(find(r, "SEC"));
    tagger_result_free(r);
    /* An acronym that is no initials, in brackets (BBC, 2004), and a
     * ticker symbol in angle brackets (Reuters, 1987) */
    expect_mentions("The US Anti-Doping Agency (USADA) decided to press charges against "
                    "Collins in the summer.",
                    "US Anti-Doping Agency", TAGGER_KIND_ORG, 2);
    expect_mentions("Farris filed suit against Texaco and its chief\ntrial lawyer in its "
                    "litigation with Pennzoil Co <PZL>.",
                    "Pennzoil Co", TAGGER_KIND_ORG, 2);
    /* A ticker alone is no name */
    expect_none("BANNER <BNR> COMPLETES TENDER FOR REXNORD <REX>\nNEW YORK, March 2 -\n"
                "The company said 19.8 mln of the outstanding 20 mln shares were tendered.\n");
}
END_TEST

START_TEST(test_one_name_one_type)
{
    expect_mentions("Zenith Holdings Inc said profits rose. Analysts at Zenith Holdings Inc "
                    "expect more. Zenith Holdings Inc shares gained.",
                    "Zenith Holdings Inc", TAGGER_KIND_ORG, 3);
}
END_TEST

/* A name the headline gives in capitals is written as the text below
 * writes it (Reuters, 26 February 1987); all caps only when the text never
 * writes it otherwise. */
START_TEST(test_name_written_as_the_text_writes_it)
{
    const char *text = "BUNDESBANK LEAVES CREDIT POLICIES UNCHANGED\n"
                       "FRANKFURT, March 5 -\n"
                       "The Bundesbank left credit policies unchanged after today's\n"
                       "regular meeting of its council, a spokesman said in answer to\n"
                       "enquiries. The West German discount rate remains at 3.0 pct.\n";
    tagger_result_t *r = annotate(text);
    headline_first(r, text, "Bundesbank", TAGGER_KIND_ORG, 2, "BUNDESBANK");
    ck_assert_ptr_null(find(r, "BUNDESBANK"));
    tagger_result_free(r);
    expect("BUNDESBANK LEAVES CREDIT POLICIES UNCHANGED\nFRANKFURT, March 5 -\n"
           "The central bank left credit policies unchanged after today's meeting.\n",
           "BUNDESBANK", TAGGER_KIND_ORG);
}
END_TEST

START_TEST(test_not_across_an_invalid_byte)
{
    tagger_result_t *r = annotate("Talks: North Korea and Peter\xffObi met in Lagos.");
    ck_assert_ptr_null(find(r, "Peter\xffObi"));
    tagger_result_free(r);
}
END_TEST

/* Lines with no capital are not cut into words (recog_words.c,
 * tg_recog_cut_line()); the lines around them still are. */
START_TEST(test_lines_without_capitals)
{
    expect_none("");
    expect_none("the talks went on late into the night.\nno one said a word.\n");
    expect("the talks went on late into the night,\nand Peter Obi met supporters on Saturday.\n"
           "no one said a word.\n",
           "Peter Obi", TAGGER_KIND_PERSON);
    /* A capital beyond ASCII is a capital: the line is cut and tagged. */
    expect("\xC3\x89mile \xC3\x96zt\xC3\xBCrk told reporters that the talks had failed.",
           "\xC3\x89mile \xC3\x96zt\xC3\xBCrk", TAGGER_KIND_PERSON);
}
END_TEST

/* Words hashed on the ASCII path and the decoding one, and a name at the
 * very end of the text with no line end. */
START_TEST(test_word_edges)
{
    expect("Supporters cheered when they met Peter Obi", "Peter Obi", TAGGER_KIND_PERSON);
    expect("Supporters cheered Peter Obi's speech on Saturday.", "Peter Obi",
           TAGGER_KIND_PERSON);
    expect("Dr Mazhar Abb\xC3\xA1s told reporters that the talks had failed.",
           "Mazhar Abb\xC3\xA1s", TAGGER_KIND_PERSON);
    expect_none("Talks\xff\xfe and \xC3\xA9t\xC3\xA9 went on.");
}
END_TEST

/* Lines are searched for a capital eight bytes at a time
 * (next_capital()): a capital at every place of a block and in the
 * bytes after the last block is seen; the bytes on either side of A-Z
 * ('@', '[') are not capitals. */
START_TEST(test_capital_at_every_offset)
{
    char text[128];
    for (int pad = 0; pad < 20; pad++) {
        snprintf(text, sizeof text, "%.*s met Peter Obi", pad, "abcdefghijklmnopqrstuvwxyz");
        expect(text, "Peter Obi", TAGGER_KIND_PERSON);
        snprintf(text, sizeof text, "%.*s@[`{ ~\x7f and more words here", pad,
                 "abcdefghijklmnopqrstuvwxyz");
        expect_none(text);
    }
}
END_TEST

/* Entities of @p text, as "name/kind/mentions;" in @p out. */
static void entities_of(tagger_scratch_t *s, const char *text, char *out, size_t size)
{
    tagger_result_t *r = NULL;
    ck_assert_int_eq(tagger_annotate(tg, s, text, strlen(text), &r), TAGGER_OK);
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < tagger_result_n_entities(r) && used < size; i++) {
        const tagger_entity_t *e = tagger_result_entity(r, i);
        used += (size_t)snprintf(out + used, size - used, "%s/%d/%zu;", e->name, (int)e->kind,
                                 e->n_mentions);
    }
    tagger_result_free(r);
}

/* The word memo (recog_words.c) is kept in the scratch across texts: what a
 * text yields must not depend on the texts before it.  Each text is
 * tagged after all the others with one scratch, and alone with a new one;
 * among them words seen before in other places, a word longer than the
 * memo holds, words beyond ASCII, a name ending the text (the last
 * bytes are copied one by one) and first names twice in a line (the
 * second time, the memo has not asked the first-name table yet). */
/* Lines are cut into CoNLL words (recog_words.c, tg_recog_split_line()),
 * chunks found 16 bytes at a time: the same words wherever the line starts
 * (spaces before it) and whether or not it ends the text, with a chunk
 * longer than a block, white space beyond ASCII (U+00A0), a tab, a word
 * beyond ASCII, an invalid byte, marks after a word (a period kept by an
 * abbreviation or an initial), possessives, and the last word at the very
 * end of the buffer (allocated to its size, so that a read past it is
 * caught under the sanitizers). */
START_TEST(test_split_line_words)
{
    static const char line[] = "(Reuters) Peter Obi's well-known-and-much-longer-than-sixteen "
                               "chunk, said:\xC2\xA0" "caf\xC3\xA9\tU.S. a\xff"
                               "b Mr. J. Jones. sees s, Obi\xE2\x80\x99s end";
    static const char *const words[] = {"(", "Reuters", ")", "Peter", "Obi", "'s",
                                        "well-known-and-much-longer-than-sixteen", "chunk",
                                        ",", "said", ":", "caf\xC3\xA9", "U.S.", "a", "b",
                                        "Mr.", "J.", "Jones", ".", "sees", "s", ",", "Obi",
                                        "\xE2\x80\x99s", "end"};
    const size_t n_words = sizeof words / sizeof *words;
    tagger_result_free(annotate("Peter Obi")); /* makes the scratch's recognizer */
    tg_recog_t *r = scratch->recog;
    ck_assert_ptr_nonnull(r);
    for (size_t pad = 0; pad < 40; pad++) {
        for (int tail = 0; tail < 2; tail++) { /* the line ends the text, or not */
            size_t n = pad + strlen(line), len = n + (tail ? 20 : 0);
            char *text = malloc(len);
            ck_assert_ptr_nonnull(text);
            memset(text, ' ', pad);
            memcpy(text + pad, line, strlen(line));
            memset(text + n, 'x', len - n);
            r->n_words = 0;
            ck_assert_int_eq(tg_recog_split_line(r, text, len, 0, n), TAGGER_OK);
            ck_assert_uint_eq(r->n_words, n_words);
            for (size_t i = 0; i < n_words; i++) {
                size_t start = r->words[i].start, end = r->words[i].end;
                ck_assert_msg(end - start == strlen(words[i]) &&
                                  memcmp(text + start, words[i], end - start) == 0,
                              "word %zu is '%.*s', not '%s' (pad %zu)", i, (int)(end - start),
                              text + start, words[i], pad);
            }
            ck_assert_int_eq(r->words[3].cap, 1); /* Peter */
            ck_assert_int_eq(r->words[5].cap, 0); /* 's */
            free(text);
        }
    }
    r->n_words = 0;
    ck_assert_int_eq(tg_recog_split_line(r, "", 0, 0, 0), TAGGER_OK);
    ck_assert_uint_eq(r->n_words, 0);
}
END_TEST

/* Whether word @p w of @p text has a byte A-Z or beyond ASCII. */
static bool holds_capital_byte(const char *text, const word_t *w)
{
    for (uint32_t i = w->start; i < w->end; i++) {
        unsigned char c = (unsigned char)text[i];
        if ((c >= 'A' && c <= 'Z') || c >= 0x80) {
            return true;
        }
    }
    return false;
}

/* Checks tg_recog_cut_line() on line [0, n) of @p text (@p len bytes)
 * against tg_recog_split_line(): its words are some of the whole line's,
 * in order; every word two words or fewer from one with a capital (or a
 * byte beyond ASCII) is among them; and if words were left out, one of
 * those cut proves the line running text (a word not capitalised of four
 * lower-case letters or more, not one of headline_lower); none are cut
 * from a line without a capital, which needs none.  Returns the
 * number of words cut. */
static size_t check_cut_line(tg_recog_t *r, const char *text, size_t len, size_t n)
{
    r->n_words = 0;
    ck_assert_int_eq(tg_recog_split_line(r, text, len, 0, n), TAGGER_OK);
    size_t n_all = r->n_words;
    word_t *all = malloc((n_all + 1) * sizeof *all);
    ck_assert_ptr_nonnull(all);
    memcpy(all, r->words, n_all * sizeof *all);
    r->n_words = 0;
    ck_assert_int_eq(tg_recog_cut_line(r, text, len, 0, n), TAGGER_OK);
    size_t n_cut = r->n_words, at = 0;
    for (size_t i = 0; i < n_all; i++) {
        bool near = false;
        for (size_t j = i >= 2 ? i - 2 : 0; j < n_all && j <= i + 2; j++) {
            near |= holds_capital_byte(text, &all[j]);
        }
        bool cut = at < n_cut && r->words[at].start == all[i].start;
        ck_assert_msg(cut || !near, "word %zu '%.*s' left out of \"%.*s\"", i,
                      (int)(all[i].end - all[i].start), text + all[i].start, (int)n, text);
        if (cut) {
            ck_assert_uint_eq(r->words[at].end, all[i].end);
            ck_assert_uint_eq(r->words[at].cap, all[i].cap);
            at++;
        }
    }
    ck_assert_uint_eq(at, n_cut); /* no word but the line's */
    if (n_cut > 0 && n_cut < n_all) { /* none: no capital, every word O */
        bool proof = false;
        for (size_t i = 0; i < n_cut; i++) {
            const word_t *w = &r->words[i];
            const char *t = text + w->start;
            size_t k = 0;
            while (k < w->end - w->start && t[k] >= 'a' && t[k] <= 'z') {
                k++;
            }
            proof |= !w->cap && k >= 4 &&
                     !tg_recog_in_set(&r->fx.sets.headline_lower, t, w->end - w->start);
        }
        ck_assert_msg(proof, "words left out of \"%.*s\" without a proof", (int)n, text);
    }
    free(all);
    return n_cut;
}

/* The recognizer cuts only the windows of a line that candidates need
 * (tg_recog_cut_line()): windows at the line's start and end, marks split
 * off at a window's edges, windows that overlap or touch, a line with no
 * capital, a title-case line that no word proves running text (cut
 * whole), white space and invalid bytes beyond ASCII, and the line at the
 * very end of the buffer; then random lines of such words. */
START_TEST(test_cut_line_windows)
{
    static const char *const lines[] = {
        "Reuters said the company would sell its shares in the next three years to buyers",
        "the company would sell its shares in the next three years to buyers, Reuters said",
        "the company would sell its shares in (Reuters), then would sell more shares to the banks",
        "shares of the company were sold (\"Reuters.\") and others were held back for the year",
        "shares were sold by Peter and more shares were sold by Obi and Paul then held back",
        "shares were sold by Peter and more shares were sold by Obi and Paul",
        "the shares the company would sell in the year",
        "Dog Milo Dies of a Cold in the Night at an Old Farm of the Town",
        "By Justice Nwafor",
        "said the caf\xC3\xA9 owner whose shop sells coffee and cakes every single day",
        "said the owner whose shop sells coffee\xC2\xA0" "and cakes every single day\xC2\xA0",
        "said the owner whose shop sells coffee and \xff cakes every single day to them",
        "said the owner whose shop sells coffee and cakes every single day to al-Assad",
        "",
        "   ",
    };
    tagger_result_free(annotate("Peter Obi")); /* makes the scratch's recognizer */
    tg_recog_t *r = scratch->recog;
    ck_assert_ptr_nonnull(r);
    for (size_t l = 0; l < sizeof lines / sizeof *lines; l++) {
        size_t n = strlen(lines[l]);
        char *text = malloc(n + 1); /* the line ends the buffer: reads past it are caught */
        ck_assert_ptr_nonnull(text);
        memcpy(text, lines[l], n);
        size_t n_cut = check_cut_line(r, text, n, n);
        if (l == 0 || l == 1) {
            ck_assert_uint_lt(n_cut, 8); /* only the window of "Reuters" */
        }
        if (l == 6) {
            ck_assert_uint_eq(n_cut, 0); /* no capital */
        }
        free(text);
    }
    static const char *const vocabulary[] = {
        "said", "the", "of", "Peter", "Obi", "(Reuters),", "shares", "U.S.", "in", "would",
        "caf\xC3\xA9", "\xC3\x89" "cole", "\xC2\xA0", "\xff", "a", "Mr.", "'s", "al-Assad",
        "with", "\"company\"", ",", "--", "year.", "sold", "Inc"};
    const size_t n_vocabulary = sizeof vocabulary / sizeof *vocabulary;
    unsigned seed = 12345;
    char line[512];
    for (int round = 0; round < 2000; round++) {
        size_t n = 0, n_chunks = (size_t)(seed % 40);
        for (size_t c = 0; c < n_chunks; c++) {
            seed = seed * 1103515245u + 12345u;
            unsigned pick = (seed >> 16) % 100;
            /* mostly lower-case words, so that windows are far apart */
            const char *w = pick < 60 ? vocabulary[(pick % 4 == 0) ? 0 : (pick % 3 ? 6 : 9)]
                                      : vocabulary[pick % n_vocabulary];
            n += (size_t)snprintf(line + n, sizeof line - n, "%s%s", c ? " " : "", w);
        }
        seed = seed * 1103515245u + 12345u;
        char *text = malloc(n + 1);
        ck_assert_ptr_nonnull(text);
        memcpy(text, line, n);
        check_cut_line(r, text, n, n);
        free(text);
    }
}
END_TEST

START_TEST(test_memo_changes_nothing)
{
    static const char *const texts[] = {
        "Peter Obi met supporters in Lagos on Saturday, Reuters said.",
        "Supporters in Lagos met Peter Obi",
        "The Lagos State Government said Obi would speak. Lagos",
        "Mr Interdisciplinarianisms Abbas of the Bank of England spoke.",
        "Interdisciplinarianisms Abbas, a Lagos banker, joined Zenith Holdings Inc.",
        "Dr Mazhar Abb\xC3\xA1s told Reuters the Bank of England was wrong.",
        "Bank of England",
        "Peter Obi and Peter Abbas met Peter Obi; Mazhar and Mazhar Abbas did not.",
        "Obi",
        "Zenith Holdings Inc said Peter Obi and Mazhar Abb\xC3\xA1s met in Lagos.",
    };
    size_t n = sizeof texts / sizeof *texts;
    tagger_scratch_t *shared;
    ck_assert_int_eq(tagger_scratch_new(tg, &shared), TAGGER_OK);
    static char kept[4096], fresh[4096];
    for (int round = 0; round < 2; round++) {
        for (size_t i = 0; i < n; i++) {
            tagger_scratch_t *alone;
            ck_assert_int_eq(tagger_scratch_new(tg, &alone), TAGGER_OK);
            entities_of(shared, texts[i], kept, sizeof kept);
            entities_of(alone, texts[i], fresh, sizeof fresh);
            ck_assert_str_eq(kept, fresh);
            tagger_scratch_free(alone);
        }
    }
    tagger_scratch_free(shared);
}
END_TEST

/* tg_word_in (internal.h): exact words only, byte by byte. */
START_TEST(test_word_in)
{
    static const char *const list[] = {"Mr", "Mrs", "of"};
    ck_assert(tg_word_in(list, 3, "Mr", 2));
    ck_assert(tg_word_in(list, 3, "Mrs.", 3));
    ck_assert(tg_word_in(list, 3, "of", 2));
    ck_assert(!tg_word_in(list, 3, "M", 1));     /* a prefix of an entry */
    ck_assert(!tg_word_in(list, 3, "Mrsx", 4));  /* an entry is its prefix */
    ck_assert(!tg_word_in(list, 3, "Mr\0", 3)); /* a NUL after an entry */
    ck_assert(!tg_word_in(list, 3, "", 0));
    ck_assert(!tg_word_in(list, 0, "Mr", 2));
    ck_assert(!tg_word_in(list, 3, "\xC3\x89", 2));
}
END_TEST

START_TEST(test_json_fields)
{
    tagger_result_t *r = annotate("Peter Obi met Kim Jong Un.");
    char *json = NULL;
    ck_assert_int_eq(tagger_result_json(r, NULL, &json), TAGGER_OK);
    ck_assert_ptr_nonnull(strstr(json, "\"name\":\"Peter Obi\",\"id\":null,"
                                       "\"source\":\"recognized\""));
    ck_assert_ptr_nonnull(strstr(json, "\"name\":\"Kim Jong Un\",\"id\":\"Q56226\","
                                       "\"source\":\"gazetteer\""));
    tagger_string_free(json);
    tagger_result_free(r);
}
END_TEST

START_TEST(test_recognized_rank_below_gazetteer_alike)
{
    /* The same single mention, same place in the text: the guess ranks lower. */
    tagger_result_t *r = annotate("Kim Jong Un and Peter Obi spoke.");
    const tagger_entity_t *kim = find(r, "Kim Jong Un"), *obi = find(r, "Peter Obi");
    ck_assert_ptr_nonnull(kim);
    ck_assert_ptr_nonnull(obi);
    ck_assert(obi->relevance < kim->relevance);
    tagger_result_free(r);
}
END_TEST

START_TEST(test_no_recognize_flag)
{
    tagger_source_t src[] = {{"recognize-test.tsv", gazetteer, sizeof gazetteer - 1},
                             {"models/names.model", NULL, 0}};
    tagger_t *plain;
    tagger_scratch_t *s;
    ck_assert_int_eq(tagger_compile(src, 2, 0, &plain, NULL), TAGGER_OK);
    ck_assert_int_eq(tagger_scratch_new(plain, &s), TAGGER_OK);
    const char *text = "Peter Obi met Kim Jong Un.";
    tagger_result_t *r;
    ck_assert_int_eq(tagger_annotate(plain, s, text, strlen(text), &r), TAGGER_OK);
    ck_assert_uint_eq(tagger_result_n_entities(r), 2); /* Peter Obi recognized */
    tagger_result_free(r);
    tagger_scratch_set_options(s, TAGGER_SCRATCH_NO_RECOGNIZE);
    ck_assert_int_eq(tagger_annotate(plain, s, text, strlen(text), &r), TAGGER_OK);
    ck_assert_uint_eq(tagger_result_n_entities(r), 1);
    ck_assert_str_eq(tagger_result_entity(r, 0)->name, "Kim Jong Un");
    tagger_result_free(r);
    tagger_scratch_free(s);
    tagger_free(plain);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* The model file                                                            */

static const char *compile_error(const char *model, int *rc)
{
    static char msg[256];
    tagger_source_t src = {"bad.model", model, strlen(model)};
    tagger_t *t = NULL;
    tagger_error_t *err = NULL;
    *rc = tagger_compile(&src, 1, 0, &t, &err);
    ck_assert_ptr_null(t);
    ck_assert_ptr_nonnull(err);
    snprintf(msg, sizeof msg, "%s:%ld: %s", err->path, err->line, err->message);
    tagger_error_free(err);
    return msg;
}

START_TEST(test_model_errors_name_file_line_field)
{
    int rc;
    const char *m = compile_error("tagger-name-model\t1\n"
                                  "labels\tO\tB-PER\tI-PER\tB-ORG\tI-ORG\tB-LOC\tI-LOC\tB-MISC"
                                  "\tI-MISC\n"
                                  "f\tw clinton\t1 2 3\n",
                                  &rc);
    ck_assert_int_eq(rc, TAGGER_ERR_SYNTAX);
    ck_assert_msg(strstr(m, "bad.model:3: field 3 (weights)") == m, "%s", m);
    m = compile_error("tagger-name-model\t1\n"
                      "labels\tO\tB-PER\tI-PER\tB-ORG\tI-ORG\tB-LOC\tI-LOC\tB-MISC\tI-MISC\n"
                      "f\tw clinton\t1 2 3 4 5 6 7 8 x9\n",
                      &rc);
    ck_assert_msg(strstr(m, "bad.model:3: field 3 (weights): not a number: 'x9'") == m, "%s",
                  m);
    m = compile_error("tagger-name-model\t1\n"
                      "labels\tO\tB-PER\tI-PER\tB-ORG\tI-ORG\tB-LOC\tI-LOC\tB-MISC\tI-MISC\n"
                      "f\tw clinton\t1 2 3 4 5 6 7 8 32.768\n",
                      &rc);
    ck_assert_msg(strstr(m, "bad.model:3: field 3 (weights): beyond -32.767 .. 32.767: "
                            "'32.768'") == m,
                  "%s", m);
    m = compile_error("tagger-name-model\t1\n"
                      "labels\tO\tB-PER\tI-PER\tB-ORG\tI-ORG\tB-LOC\tI-LOC\tB-MISC\tI-MISC\n"
                      "f\tw clinton\t-1e9 2 3 4 5 6 7 8 9\n",
                      &rc);
    ck_assert_msg(strstr(m, "bad.model:3: field 3 (weights): beyond") == m, "%s", m);
    m = compile_error("tagger-name-model\t1\nlabels\tO\tB-PER\n", &rc);
    ck_assert_msg(strstr(m, "bad.model:2: field 2 (labels)") == m, "%s", m);
    m = compile_error("tagger-name-model\t1\nweights\t1\n", &rc);
    ck_assert_msg(strstr(m, "bad.model:2: field 1: expected 'labels'") == m, "%s", m);
}
END_TEST

#define NM_LABELS "labels\tO\tB-PER\tI-PER\tB-ORG\tI-ORG\tB-LOC\tI-LOC\tB-MISC\tI-MISC\n"
#define NM_V2                                                                              \
    "tagger-name-model\t2\n" NM_LABELS "first\tann\ncommon\tthe\nf\tw a\t1 0 0 0 0 0 0 0 0\n"

/* Format version 2 ends with a line counting the f, first and common lines
 * (name_model.h): a model cut at a line end, a count that is not that of
 * the lines, or text after the end line is refused with its file and line;
 * version 1, without the end line, still loads. */
START_TEST(test_model_end_line)
{
    static const struct {
        const char *model, *message;
    } bad[] = {
        {NM_V2, "bad.model:5: the model ends without its 'end' line (cut off?)"},
        {NM_V2 "\n# comment\n", "bad.model:7: the model ends without its 'end' line"},
        {"tagger-name-model\t2\n", "bad.model:1: the model ends without its 'end' line"},
        {NM_V2 "end\t2\t1\t1\n",
         "bad.model:6: field 2 (f lines): the end line counts 2 'f' lines, the model has 1 "
         "(cut off or edited?)"},
        {NM_V2 "end\t1\t0\t1\n",
         "bad.model:6: field 3 (first lines): the end line counts 0 'first' lines, the model "
         "has 1"},
        {NM_V2 "end\t1\t1\t7\n", "bad.model:6: field 4 (common lines): the end line counts 7"},
        {NM_V2 "end\t1\t1\tone\n",
         "bad.model:6: field 4 (common lines): not a count of lines: 'one'"},
        {NM_V2 "end\t1\t1\n", "bad.model:6: expected 4 fields (end, f lines, first lines, "
                                "common lines), got 'end\t1\t1'"},
        {NM_V2 "end\t1\t1\t1\nf\tw b\t1 0 0 0 0 0 0 0 0\n",
         "bad.model:7: text after the end line (line 6)"},
        {NM_V2 "end\t1\t1\t1\n\n# comment\n", "bad.model:8: text after the end line (line 6)"},
        {"tagger-name-model\t1\n" NM_LABELS "end\t0\t0\t0\n",
         "bad.model:3: field 1: 'end' is a record of version 2; the first line says version "
         "1, got 'end\t0\t0\t0'"},
        {NM_V2 "weights\t1\nend\t1\t1\t1\n",
         "bad.model:6: field 1: expected 'labels', 'first', 'common', 'f' or 'end', got "
         "'weights'"},
        {"tagger-name-model\t3\n" NM_LABELS,
         "bad.model:1: field 1: expected 'tagger-name-model<TAB>2' (or 1)"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int rc;
        const char *m = compile_error(bad[i].model, &rc);
        ck_assert_int_eq(rc, TAGGER_ERR_SYNTAX);
        ck_assert_msg(strstr(m, bad[i].message) == m, "case %zu: %s", i, m);
    }
    static const char *const good[] = {
        NM_V2 "end\t1\t1\t1\n",
        NM_V2 "end\t1\t1\t1\n\n\r\n",       /* blank lines after the end line */
        "tagger-name-model\t1\n" NM_LABELS "f\tw a\t1 0 0 0 0 0 0 0 0\n", /* version 1 */
        "tagger-name-model\t1\n" NM_LABELS "first\tann\ncommon\tthe\n"
        "f\tw a\t1 0 0 0 0 0 0 0 0\n",
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        tg_names_t *nm = NULL;
        tagger_error_t *err = NULL;
        ck_assert_int_eq(tg_names_parse("t.model", good[i], strlen(good[i]), &nm, &err),
                         TAGGER_OK);
        ck_assert_ptr_null(err);
        ck_assert_uint_eq(tg_names_n_features(nm), 1);
        int32_t sc[TG_NAMES_N_LABELS] = {0};
        uint64_t w = tg_names_hash(TG_NAMES_HASH_INIT, "w", 1);
        tg_names_add(nm, tg_names_mix(w, tg_names_hash(TG_NAMES_HASH_INIT, "a", 1)), sc);
        ck_assert_int_eq(sc[0], 1000);
        tg_names_free(nm);
    }
}
END_TEST

/* Weights are kept as exact thousandths (name_model.h); other forms are
 * rounded to the nearest one. */
START_TEST(test_model_weights_in_thousandths)
{
    const char *text = "tagger-name-model\t1\n"
                       "labels\tO\tB-PER\tI-PER\tB-ORG\tI-ORG\tB-LOC\tI-LOC\tB-MISC\tI-MISC\n"
                       "f\tw a\t1.5 -0.001 -0 32.767 -32.767 0.0004 -0.0006 1e-03 3.\n"
                       "f\tw \xc3\xa9t\xc3\xa9\t.25 0 0 0 0 0 0 0 -7\n";
    tg_names_t *m = NULL;
    tagger_error_t *err = NULL;
    ck_assert_int_eq(tg_names_parse("t.model", text, strlen(text), &m, &err), TAGGER_OK);
    ck_assert_ptr_null(err);
    ck_assert_uint_eq(tg_names_n_features(m), 2);
    uint64_t w = tg_names_hash(TG_NAMES_HASH_INIT, "w", 1);
    uint64_t keys[3] = {tg_names_mix(w, tg_names_hash(TG_NAMES_HASH_INIT, "a", 1)),
                        tg_names_mix(w, tg_names_hash(TG_NAMES_HASH_INIT, "b", 1)),
                        tg_names_mix(w, tg_names_hash(TG_NAMES_HASH_INIT, "\xc3\xa9t\xc3\xa9", 5))};
    int32_t sc[TG_NAMES_N_LABELS] = {0};
    tg_names_add(m, keys[0], sc);
    const int32_t want[TG_NAMES_N_LABELS] = {1500, -1, 0, 32767, -32767, 0, -1, 1, 3000};
    for (int k = 0; k < TG_NAMES_N_LABELS; k++) {
        ck_assert_int_eq(sc[k], want[k]);
    }
    int32_t all[TG_NAMES_N_LABELS] = {0};
    tg_names_add_all(m, keys, 3, all); /* "w b" is unknown: adds nothing */
    ck_assert_int_eq(all[0], 1750);
    ck_assert_int_eq(all[8], -4000);
    ck_assert_int_eq(all[4], -32767);
    tg_names_add_all(m, keys, 0, all); /* none */
    ck_assert_int_eq(all[0], 1750);
    /* Every label, negative weights and sums beyond int16 included, from
     * scores that are not zero: the same as adding one by one. */
    uint64_t twice[2] = {keys[0], keys[0]};
    int32_t from[TG_NAMES_N_LABELS] = {-70000, 1, 2, 3, 70000, -5, 6, -7, 8};
    tg_names_add_all(m, twice, 2, from);
    const int32_t start[TG_NAMES_N_LABELS] = {-70000, 1, 2, 3, 70000, -5, 6, -7, 8};
    for (int k = 0; k < TG_NAMES_N_LABELS; k++) {
        ck_assert_int_eq(from[k], start[k] + 2 * want[k]);
    }
    tg_names_free(m);
}
END_TEST

/* A memo entry keeps a word's sum of its own four features as int16
 * (recog_internal.h); a sum beyond that is not kept, and the word is
 * summed again: a text tagged after others gives what it gives alone. */
START_TEST(test_memo_sum_beyond_int16)
{
    static const char model[] =
        "tagger-name-model\t1\n" NM_LABELS
        "f\tw zenith\t0 0 0 30 0 0 0 0 0\n"  /* with p3 and s3: B-ORG 90.000 */
        "f\tp3 zen\t0 0 0 30 0 0 0 0 0\n"
        "f\ts3 ith\t0 0 0 30 0 0 0 0 0\n"
        "f\tw obi\t0 -30 0 -30 0 -30 0 -30 0\n" /* O: every other label -30.000 */
        "f\ts Xx\t-5 30 0 -30 0 0 0 0 0\n";
    tagger_source_t src[] = {{"t.tsv", gazetteer, sizeof gazetteer - 1},
                             {"t.model", model, sizeof model - 1}};
    tagger_t *own;
    ck_assert_int_eq(tagger_compile(src, 2, 0, &own, NULL), TAGGER_OK);
    static const char *const texts[] = {"Shares of Zenith Obi rose.", "Obi Zenith met Zenith Obi.",
                                        "Obi met the Zenith board; Zenith said so."};
    tagger_scratch_t *shared;
    ck_assert_int_eq(tagger_scratch_new(own, &shared), TAGGER_OK);
    char kept[1024], fresh[1024];
    for (int round = 0; round < 3; round++) {
        for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
            tagger_scratch_t *alone;
            ck_assert_int_eq(tagger_scratch_new(own, &alone), TAGGER_OK);
            tagger_t *keep = tg;
            tg = own; /* entities_of() tags with tg */
            entities_of(shared, texts[i], kept, sizeof kept);
            entities_of(alone, texts[i], fresh, sizeof fresh);
            tg = keep;
            ck_assert_str_eq(kept, fresh);
            ck_assert_msg(strstr(kept, "Zenith") != NULL, "%s", kept);
            tagger_scratch_free(alone);
        }
    }
    tagger_scratch_free(shared);
    tagger_free(own);
}
END_TEST

/* tg_recog_memo_new(): empty, and each entry one whole cache line. */
START_TEST(test_memo_entries_are_lines)
{
    struct word_memo *memo = tg_recog_memo_new();
    ck_assert_ptr_nonnull(memo);
    ck_assert_uint_eq(sizeof *memo, 64);
    ck_assert_uint_eq((uintptr_t)memo % 64, 0);
    for (size_t i = 0; i < MEMO_ENTRIES; i += 4097) {
        ck_assert_uint_eq(*tg_recog_memo_flags(&memo[i]), 0);
        ck_assert_uint_eq(memo[i].bytes[0] | memo[i].h_low, 0);
    }
    tg_recog_memo_free(memo);
    tg_recog_memo_free(NULL);
}
END_TEST

/* A mixer (name_model.h) makes the keys of tg_names_mix(), whatever the
 * bits of either hash. */
START_TEST(test_mixer_same_keys)
{
    const uint64_t hashes[] = {0, 1, ~0ull, 1ull << 63, 0x8000000000000001ull,
                               tg_names_hash(TG_NAMES_HASH_INIT, "pww", 3),
                               tg_names_hash(TG_NAMES_HASH_INIT, "Ã©tÃ©", 5)};
    size_t n = sizeof hashes / sizeof hashes[0];
    for (size_t a = 0; a < n; a++) {
        tg_names_mixer_t mx = tg_names_mixer(hashes[a]);
        for (size_t b = 0; b < n; b++) {
            ck_assert_uint_eq(tg_names_mix_with(mx, hashes[b]), tg_names_mix(hashes[a], hashes[b]));
        }
    }
}
END_TEST

Suite *recognize_suite(void)
{
    Suite *s = suite_create("recognize");
    TCase *cues = tcase_create("cues");
    tcase_add_unchecked_fixture(cues, setup, teardown);
    tcase_set_timeout(cues, 30);
    tcase_add_test(cues, test_title_before_a_name);
    tcase_add_test(cues, test_title_tagged_alone);
    tcase_add_test(cues, test_honorifics_and_offices);
    tcase_add_test(cues, test_two_connectors);
    tcase_add_test(cues, test_company_with_and);
    tcase_add_test(cues, test_company_named_after_a_place);
    tcase_add_test(cues, test_treaty_is_no_place);
    tcase_add_test(cues, test_elided_shared_words);
    tcase_add_test(cues, test_company_with_a_place_inside);
    tcase_add_test(cues, test_institution_of_a_country);
    tcase_add_test(cues, test_industry_heads);
    tcase_add_test(cues, test_events_are_no_names);
    tcase_add_test(cues, test_works_are_no_names);
    tcase_add_test(cues, test_person_by_surname);
    tcase_add_test(cues, test_shared_surname);
    tcase_add_test(cues, test_particles_and_posts);
    tcase_add_test(cues, test_official_and_ai);
    tcase_add_test(cues, test_org_last_word);
    tcase_add_test(cues, test_results_lines);
    tcase_add_test(cues, test_fixtures_and_results_in_words);
    tcase_add_test(cues, test_wire_credit_is_no_name);
    tcase_add_test(cues, test_first_name);
    tcase_add_test(cues, test_name_type_changes_inside);
    tcase_add_test(cues, test_organization_heads_and_suffixes);
    tcase_add_test(cues, test_place_cue);
    tcase_add_test(cues, test_byline);
    tcase_add_test(cues, test_wrapped_names);
    tcase_add_test(cues, test_line_longer_than_a_block);
    tcase_add_test(cues, test_legal_forms);
    tcase_add_test(cues, test_org_followers);
    tcase_add_test(cues, test_org_descriptors);
    tcase_add_test(cues, test_employer_after_job);
    tcase_add_test(cues, test_byline_authors);
    tcase_add_test(cues, test_place_named_like_person);
    tcase_add_test(cues, test_listed_with_organizations);
    tcase_add_test(cues, test_acronym_in_prose);
    tcase_add_test(cues, test_org_posts);
    tcase_add_test(cues, test_role_before_a_name);
    tcase_add_test(cues, test_camel_case);
    tcase_add_test(cues, test_first_name_after_an_office);
    suite_add_tcase(s, cues);

    TCase *not_names = tcase_create("not names");
    tcase_add_unchecked_fixture(not_names, setup, teardown);
    tcase_set_timeout(not_names, 30);
    tcase_add_test(not_names, test_sentence_openers_are_not_names);
    tcase_add_test(not_names, test_person_opening_with_a_common_word);
    tcase_add_test(not_names, test_title_case_headlines);
    tcase_add_test(not_names, test_headline_above_its_text);
    tcase_add_test(not_names, test_list_of_people_is_no_headline);
    tcase_add_test(not_names, test_letters_alone);
    tcase_add_test(not_names, test_roman_numerals_alone);
    tcase_add_test(not_names, test_months_and_heads_alone);
    tcase_add_test(not_names, test_possessive_in_capitals);
    tcase_add_test(not_names, test_period_after_web_address);
    tcase_add_test(not_names, test_currency_amounts);
    tcase_add_test(not_names, test_legislators_tags);
    tcase_add_test(not_names, test_capitals_headlines);
    tcase_add_test(not_names, test_time_zone);
    tcase_add_test(not_names, test_holidays_and_capitalised_things);
    tcase_add_test(not_names, test_first_person);
    tcase_add_test(not_names, test_menu_line);
    tcase_add_test(not_names, test_not_across_an_invalid_byte);
    tcase_add_test(not_names, test_not_across_line_ends_that_are_not_wraps);
    tcase_add_test(not_names, test_lines_without_capitals);
    tcase_add_test(not_names, test_word_edges);
    tcase_add_test(not_names, test_word_in);
    tcase_add_test(not_names, test_capital_at_every_offset);
    tcase_add_test(not_names, test_split_line_words);
    tcase_add_test(not_names, test_cut_line_windows);
    suite_add_tcase(s, not_names);

    TCase *doc = tcase_create("document");
    tcase_add_unchecked_fixture(doc, setup, teardown);
    tcase_set_timeout(doc, 30);
    tcase_add_test(doc, test_gazetteer_takes_precedence);
    tcase_add_test(doc, test_short_name_joins_the_full_name);
    tcase_add_test(doc, test_surname_opening_a_sentence);
    tcase_add_test(doc, test_surname_that_is_a_word);
    tcase_add_test(doc, test_surname_that_is_a_place);
    tcase_add_test(doc, test_surname_that_is_a_company);
    tcase_add_test(doc, test_city_inside_a_name);
    tcase_add_test(doc, test_first_name_with_diacritics);
    tcase_add_test(doc, test_last_word_of_a_listed_org);
    tcase_add_test(doc, test_company_short_name);
    tcase_add_test(doc, test_name_left_alone_is_the_name_elsewhere);
    tcase_add_test(doc, test_fed_is_the_federal_reserve);
    tcase_add_test(doc, test_surname_after_a_first_name);
    tcase_add_test(doc, test_surname_that_is_a_country);
    tcase_add_test(doc, test_generation_after_a_name);
    tcase_add_test(doc, test_acronym_joins_its_name);
    tcase_add_test(doc, test_one_name_one_type);
    tcase_add_test(doc, test_name_written_as_the_text_writes_it);
    tcase_add_test(doc, test_json_fields);
    tcase_add_test(doc, test_recognized_rank_below_gazetteer_alike);
    tcase_add_test(doc, test_no_recognize_flag);
    tcase_add_test(doc, test_memo_changes_nothing);
    suite_add_tcase(s, doc);

    TCase *model = tcase_create("model file");
    tcase_add_test(model, test_model_errors_name_file_line_field);
    tcase_add_test(model, test_model_end_line);
    tcase_add_test(model, test_model_weights_in_thousandths);
    tcase_add_test(model, test_mixer_same_keys);
    tcase_add_test(model, test_memo_sum_beyond_int16);
    tcase_add_test(model, test_memo_entries_are_lines);
    suite_add_tcase(s, model);
    return s;
}
