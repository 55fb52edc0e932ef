/*
 * check_json_out.c - tagger_result_json() (json_out.c): the output is
 * parsed back with cJSON and compared with the result it came from and
 * with the input text.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "suites.h"
#include "tagger.h"

/* clang-format off */
static const char gazetteer[] =
    "KP\tCOUNTRY\tNorth Korea\tQ423\t-\tNorth Korea|DPRK|North Korean{demonym}\n"
    "KR\tCOUNTRY\tSouth Korea\tQ884\t-\tSouth Korea|Korea\n"
    "JP\tCOUNTRY\tJapan\tQ17\t-\tJapan\n"
    "CN\tCOUNTRY\tChina\t-\t-\tChina|Chinese{demonym}\n"
    "Q56226\tPERSON\tKim Jong Un\tQ56226\tcountry=KP\tKim Jong Un\n"
    "Q1065\tORG\tUnited Nations\tQ1065\t-\tUnited Nations|UN\n"
    "Q18808\tPLACE\tPyongyang\tQ18808\tcountry=KP\tPyongyang\n";

/* Seven entities of all four types; the demonym "Chinese" near the end is
 * the weakest, below the default facet threshold. */
static const char article[] =
    "North Korea fired a ballistic missile into the sea on Tuesday, hours after Kim Jong Un "
    "toured a munitions factory near Pyongyang. North Korean state media called the launch a "
    "routine drill. Japan\xE2\x80\x99s defence ministry said the missile fell outside its waters, "
    "and South Korea\xE2\x80\x99s military raised its alert level. The North Korean envoy to the "
    "UN said the test threatened no one; Chinese diplomats urged calm.";
/* clang-format on */

static tagger_t *tg;
static tagger_scratch_t *scratch;
static tagger_result_t *result; /* of article */

static void setup(void)
{
    tagger_source_t src = {"json-test.tsv", gazetteer, sizeof gazetteer - 1};
    tagger_error_t *err = NULL;
    ck_assert_int_eq(tagger_compile(&src, 1, 0, &tg, &err), TAGGER_OK);
    ck_assert_ptr_null(err);
    ck_assert_int_eq(tagger_scratch_new(tg, &scratch), TAGGER_OK);
    ck_assert_int_eq(tagger_annotate(tg, scratch, article, sizeof article - 1, &result), TAGGER_OK);
    ck_assert_uint_eq(tagger_result_n_entities(result), 7);
}

static void teardown(void)
{
    tagger_result_free(result);
    tagger_scratch_free(scratch);
    tagger_free(tg);
    result = NULL;
    scratch = NULL;
    tg = NULL;
}

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

/* Strict UTF-8 check, written here so as not to trust the library's. */
static bool valid_utf8(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        size_t n;
        unsigned min;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 1, min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2, min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3, min = 0x10000;
        } else {
            return false;
        }
        if (i + n >= len) {
            return false;
        }
        unsigned cp = c & (0x3F >> n);
        for (size_t k = 1; k <= n; k++) {
            if ((s[i + k] & 0xC0) != 0x80) {
                return false;
            }
            cp = (cp << 6) | (s[i + k] & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return false;
        }
        i += n + 1;
    }
    return true;
}

/* Code points in valid UTF-8: bytes that are not continuation bytes. */
static size_t count_code_points(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    }
    return n;
}

/* The JSON of @p r, checked to be valid UTF-8 and parsed. */
static cJSON *to_json(const tagger_result_t *r, const tagger_json_options_t *opt)
{
    char *out = NULL;
    ck_assert_int_eq(tagger_result_json(r, opt, &out), TAGGER_OK);
    ck_assert_ptr_nonnull(out);
    size_t len = strlen(out);
    bool utf8 = valid_utf8((const unsigned char *)out, len);
    cJSON *json = cJSON_ParseWithLength(out, len);
    tagger_string_free(out);
    ck_assert_msg(utf8, "output is not valid UTF-8");
    ck_assert_msg(json != NULL, "output does not parse");
    return json;
}

static cJSON *get(const cJSON *obj, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(obj, key);
}

static double num(const cJSON *obj, const char *key)
{
    const cJSON *v = get(obj, key);
    ck_assert_msg(cJSON_IsNumber(v), "\"%s\" is not a number", key);
    return v->valuedouble;
}

static const char *str(const cJSON *obj, const char *key)
{
    const cJSON *v = get(obj, key);
    ck_assert_msg(cJSON_IsString(v), "\"%s\" is not a string", key);
    return v->valuestring;
}

/* The entity of the fixture's result with id @p id. */
static const tagger_entity_t *entity_by_id(const char *id)
{
    for (size_t i = 0; i < tagger_result_n_entities(result); i++) {
        const tagger_entity_t *e = tagger_result_entity(result, i);
        if (strcmp(e->id, id) == 0) {
            return e;
        }
    }
    ck_abort_msg("no entity %s", id);
    return NULL;
}

/* Checks that facets.<key> and facet_ids.<key> list exactly the entities
 * of @p kind with relevance >= @p threshold, in result order. */
static void check_facet(const cJSON *json, tagger_kind_t kind, const char *key, double threshold)
{
    const cJSON *names = get(get(json, "facets"), key);
    const cJSON *ids = get(get(json, "facet_ids"), key);
    ck_assert_msg(cJSON_IsArray(names) && cJSON_IsArray(ids), "facet %s missing", key);
    int k = 0;
    for (size_t i = 0; i < tagger_result_n_entities(result); i++) {
        const tagger_entity_t *e = tagger_result_entity(result, i);
        if (e->kind != kind || e->relevance < threshold) {
            continue;
        }
        const cJSON *n = cJSON_GetArrayItem(names, k), *d = cJSON_GetArrayItem(ids, k);
        ck_assert_msg(cJSON_IsString(n) && strcmp(n->valuestring, e->name) == 0,
                      "facets.%s[%d] is not %s", key, k, e->name);
        ck_assert_msg(cJSON_IsString(d) && strcmp(d->valuestring, e->id) == 0,
                      "facet_ids.%s[%d] is not %s", key, k, e->id);
        k++;
    }
    ck_assert_int_eq(cJSON_GetArraySize(names), k);
    ck_assert_int_eq(cJSON_GetArraySize(ids), k);
}

static const struct {
    tagger_kind_t kind;
    const char *key;
} facet_keys[] = {{TAGGER_KIND_PERSON, "person"},
                  {TAGGER_KIND_COUNTRY, "country"},
                  {TAGGER_KIND_ORG, "org"},
                  {TAGGER_KIND_PLACE, "place"}};

/* ------------------------------------------------------------------------ */
/* Structure                                                                 */

START_TEST(test_top_level_keys)
{
    tagger_json_options_t opt;
    tagger_json_options_init(&opt);
    opt.id = "000_45fc9d99be84174a.txt";
    cJSON *json = to_json(result, &opt);
    ck_assert(cJSON_IsObject(json));
    ck_assert_str_eq(str(json, "id"), "000_45fc9d99be84174a.txt");
    ck_assert(cJSON_IsArray(get(json, "topics")));
    ck_assert(cJSON_IsArray(get(json, "entities")));
    ck_assert_int_eq(cJSON_GetArraySize(get(json, "entities")), 7);
    static const char *const keys[] = {"person", "country", "org", "place", "topic"};
    for (size_t k = 0; k < 5; k++) {
        ck_assert_msg(cJSON_IsArray(get(get(json, "facets"), keys[k])), "facets.%s", keys[k]);
        ck_assert_msg(cJSON_IsArray(get(get(json, "facet_ids"), keys[k])), "facet_ids.%s", keys[k]);
    }
    ck_assert_ptr_null(get(json, "warnings"));
    cJSON_Delete(json);
}
END_TEST

START_TEST(test_no_id_by_default)
{
    cJSON *json = to_json(result, NULL);
    ck_assert_ptr_null(get(json, "id"));
    ck_assert(cJSON_IsArray(get(json, "entities")));
    cJSON_Delete(json);
}
END_TEST

START_TEST(test_entity_fields)
{
    cJSON *json = to_json(result, NULL);
    const cJSON *ents = get(json, "entities");
    ck_assert_int_eq(cJSON_GetArraySize(ents), (int)tagger_result_n_entities(result));
    for (int i = 0; i < cJSON_GetArraySize(ents); i++) {
        const cJSON *o = cJSON_GetArrayItem(ents, i);
        const tagger_entity_t *e = tagger_result_entity(result, (size_t)i);
        ck_assert_str_eq(str(o, "type"), tagger_kind_name(e->kind));
        ck_assert_str_eq(str(o, "name"), e->name);
        ck_assert_str_eq(str(o, "id"), e->id);
        double rel = num(o, "relevance");
        ck_assert(rel >= 0.0 && rel <= 1.0);
        ck_assert_double_eq_tol(rel, e->relevance, 0.0005);
        const cJSON *mentions = get(o, "mentions");
        ck_assert(cJSON_IsArray(mentions));
        ck_assert_int_eq((int)num(o, "count"), cJSON_GetArraySize(mentions));
        ck_assert_int_eq((int)num(o, "count"), (int)e->n_mentions);
    }
    cJSON_Delete(json);
}
END_TEST

/* "wikidata" only when there is a QID and it differs from the id;
 * "country" for entities that belong to one. */
START_TEST(test_wikidata_and_country)
{
    static const struct {
        const char *id, *wikidata, *country;
    } want[] = {
        {"KP", "Q423", NULL},   {"JP", "Q17", NULL},
        {"CN", NULL, NULL},     {"Q56226", NULL, "KP"}, /* QID is the id */
        {"Q18808", NULL, "KP"}, {"Q1065", NULL, NULL},
    };
    cJSON *json = to_json(result, NULL);
    const cJSON *ents = get(json, "entities");
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
        const cJSON *o = NULL;
        for (int i = 0; i < cJSON_GetArraySize(ents); i++) {
            if (strcmp(str(cJSON_GetArrayItem(ents, i), "id"), want[k].id) == 0) {
                o = cJSON_GetArrayItem(ents, i);
            }
        }
        ck_assert_msg(o != NULL, "entity %s missing", want[k].id);
        if (want[k].wikidata) {
            ck_assert_str_eq(str(o, "wikidata"), want[k].wikidata);
        } else {
            ck_assert_msg(get(o, "wikidata") == NULL, "%s has wikidata", want[k].id);
        }
        if (want[k].country) {
            ck_assert_str_eq(str(o, "country"), want[k].country);
        } else {
            ck_assert_msg(get(o, "country") == NULL, "%s has a country", want[k].id);
        }
    }
    cJSON_Delete(json);
}
END_TEST

/* Each mention's text is the input slice, and its offsets agree. */
START_TEST(test_mentions_match_input)
{
    cJSON *json = to_json(result, NULL);
    const cJSON *ents = get(json, "entities");
    int total = 0, demonyms = 0, places = 0;
    for (int i = 0; i < cJSON_GetArraySize(ents); i++) {
        const cJSON *mentions = get(cJSON_GetArrayItem(ents, i), "mentions");
        for (int k = 0; k < cJSON_GetArraySize(mentions); k++) {
            const cJSON *m = cJSON_GetArrayItem(mentions, k);
            size_t start = (size_t)num(m, "start"), end = (size_t)num(m, "end");
            ck_assert_uint_lt(start, end);
            ck_assert_uint_le(end, sizeof article - 1);
            const char *text = str(m, "text");
            ck_assert_uint_eq(strlen(text), end - start);
            ck_assert(memcmp(text, article + start, end - start) == 0);
            size_t cs = count_code_points(article, start);
            ck_assert_uint_eq((size_t)num(m, "char_start"), cs);
            ck_assert_uint_eq((size_t)num(m, "char_end"),
                              cs + count_code_points(article + start, end - start));
            const cJSON *via = get(m, "via");
            if (via && strcmp(via->valuestring, "place") == 0) {
                places++; /* Pyongyang, standing for North Korea */
            } else if (via) {
                ck_assert_str_eq(via->valuestring, "demonym");
                demonyms++;
            }
            total++;
        }
    }
    /* North Korea, Kim Jong Un, Pyongyang (and North Korea through it),
     * North Korean, Japan, South Korea, North Korean, UN, Chinese */
    ck_assert_int_eq(total, 10);
    ck_assert_int_eq(demonyms, 3);
    ck_assert_int_eq(places, 1);
    cJSON_Delete(json);
}
END_TEST

/* The mentions after the typographic possessives are known exactly. */
START_TEST(test_mention_offsets_after_non_ascii)
{
    cJSON *json = to_json(result, NULL);
    const cJSON *ents = get(json, "entities");
    const cJSON *kr = NULL;
    for (int i = 0; i < cJSON_GetArraySize(ents); i++) {
        if (strcmp(str(cJSON_GetArrayItem(ents, i), "id"), "KR") == 0) {
            kr = cJSON_GetArrayItem(ents, i);
        }
    }
    ck_assert_ptr_nonnull(kr);
    const cJSON *m = cJSON_GetArrayItem(get(kr, "mentions"), 0);
    ck_assert_str_eq(str(m, "text"), "South Korea");
    ck_assert_int_eq((int)num(m, "start"), 263);
    ck_assert_int_eq((int)num(m, "end"), 274);
    ck_assert_int_eq((int)num(m, "char_start"), 261);
    ck_assert_int_eq((int)num(m, "char_end"), 272);
    cJSON_Delete(json);
}
END_TEST

START_TEST(test_sorted_by_relevance)
{
    cJSON *json = to_json(result, NULL);
    const cJSON *ents = get(json, "entities");
    ck_assert_str_eq(str(cJSON_GetArrayItem(ents, 0), "id"), "KP");
    for (int i = 1; i < cJSON_GetArraySize(ents); i++) {
        ck_assert(num(cJSON_GetArrayItem(ents, i - 1), "relevance") >=
                  num(cJSON_GetArrayItem(ents, i), "relevance"));
    }
    ck_assert_str_eq(str(cJSON_GetArrayItem(ents, 6), "id"), "CN");
    cJSON_Delete(json);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Facets and filters                                                        */

START_TEST(test_facets_default_threshold)
{
    /* the test needs entities on both sides of the threshold */
    ck_assert(entity_by_id("KP")->relevance >= TAGGER_FACET_THRESHOLD);
    ck_assert(entity_by_id("CN")->relevance < TAGGER_FACET_THRESHOLD);
    cJSON *json = to_json(result, NULL);
    for (size_t k = 0; k < 4; k++) {
        check_facet(json, facet_keys[k].kind, facet_keys[k].key, TAGGER_FACET_THRESHOLD);
    }
    /* Only North Korea: Japan and South Korea, named once in passing, stay
     * below the threshold (relevance.c). */
    ck_assert_int_eq(cJSON_GetArraySize(get(get(json, "facets"), "country")), 1);
    ck_assert_int_eq(cJSON_GetArraySize(get(get(json, "facets"), "topic")), 0);
    cJSON_Delete(json);
}
END_TEST

START_TEST(test_facets_custom_threshold)
{
    /* between North Korea and the next country: only North Korea is left */
    double kp = entity_by_id("KP")->relevance, jp = entity_by_id("JP")->relevance;
    ck_assert(kp > jp);
    tagger_json_options_t opt;
    tagger_json_options_init(&opt);
    opt.facet_threshold = (kp + jp) / 2;
    cJSON *json = to_json(result, &opt);
    for (size_t k = 0; k < 4; k++) {
        check_facet(json, facet_keys[k].kind, facet_keys[k].key, opt.facet_threshold);
    }
    const cJSON *countries = get(get(json, "facets"), "country");
    ck_assert_int_eq(cJSON_GetArraySize(countries), 1);
    ck_assert_str_eq(cJSON_GetArrayItem(countries, 0)->valuestring, "North Korea");
    ck_assert_str_eq(cJSON_GetArrayItem(get(get(json, "facet_ids"), "country"), 0)->valuestring,
                     "KP");
    /* the threshold touches facets only */
    ck_assert_int_eq(cJSON_GetArraySize(get(json, "entities")), 7);
    cJSON_Delete(json);

    opt.facet_threshold = 0;
    json = to_json(result, &opt);
    ck_assert_int_eq(cJSON_GetArraySize(get(get(json, "facets"), "country")), 4);
    ck_assert_int_eq(cJSON_GetArraySize(get(get(json, "facets"), "person")), 1);
    ck_assert_int_eq(cJSON_GetArraySize(get(get(json, "facets"), "org")), 1);
    ck_assert_int_eq(cJSON_GetArraySize(get(get(json, "facets"), "place")), 1);
    cJSON_Delete(json);
}
END_TEST

START_TEST(test_no_mentions_flag)
{
    tagger_json_options_t opt;
    tagger_json_options_init(&opt);
    opt.flags = TAGGER_JSON_NO_MENTIONS;
    cJSON *json = to_json(result, &opt);
    const cJSON *ents = get(json, "entities");
    ck_assert_int_eq(cJSON_GetArraySize(ents), 7);
    for (int i = 0; i < cJSON_GetArraySize(ents); i++) {
        const cJSON *o = cJSON_GetArrayItem(ents, i);
        ck_assert_ptr_null(get(o, "mentions"));
        ck_assert_int_eq((int)num(o, "count"),
                         (int)tagger_result_entity(result, (size_t)i)->n_mentions);
    }
    cJSON_Delete(json);
}
END_TEST

START_TEST(test_kinds_mask)
{
    static const unsigned masks[] = {1u << TAGGER_KIND_COUNTRY,
                                     (1u << TAGGER_KIND_PERSON) | (1u << TAGGER_KIND_ORG),
                                     1u << TAGGER_KIND_PLACE};
    for (size_t m = 0; m < sizeof masks / sizeof masks[0]; m++) {
        tagger_json_options_t opt;
        tagger_json_options_init(&opt);
        opt.kinds = masks[m];
        opt.facet_threshold = 0;
        cJSON *json = to_json(result, &opt);
        const cJSON *ents = get(json, "entities");
        int want = 0;
        for (size_t i = 0; i < tagger_result_n_entities(result); i++) {
            want += (masks[m] >> tagger_result_entity(result, i)->kind) & 1u;
        }
        ck_assert_int_gt(want, 0);
        ck_assert_int_eq(cJSON_GetArraySize(ents), want);
        for (int i = 0; i < want; i++) {
            int kind = tagger_kind_parse(str(cJSON_GetArrayItem(ents, i), "type"));
            ck_assert_msg((masks[m] >> kind) & 1u, "mask %zu: type %d kept", m, kind);
        }
        for (size_t k = 0; k < 4; k++) {
            int n = cJSON_GetArraySize(get(get(json, "facets"), facet_keys[k].key));
            if (!((masks[m] >> facet_keys[k].kind) & 1u)) {
                ck_assert_msg(n == 0, "mask %zu: facets.%s not empty", m, facet_keys[k].key);
            } else {
                ck_assert_int_gt(n, 0);
            }
        }
        cJSON_Delete(json);
    }
}
END_TEST

START_TEST(test_min_relevance)
{
    double kp = entity_by_id("KP")->relevance, jp = entity_by_id("JP")->relevance;
    tagger_json_options_t opt;
    tagger_json_options_init(&opt);
    opt.min_relevance = jp; /* keeps Japan, drops everything below it */
    opt.facet_threshold = 0;
    cJSON *json = to_json(result, &opt);
    const cJSON *ents = get(json, "entities");
    int want = 0;
    for (size_t i = 0; i < tagger_result_n_entities(result); i++) {
        want += tagger_result_entity(result, i)->relevance >= jp;
    }
    ck_assert_int_lt(want, 7);
    ck_assert_int_eq(cJSON_GetArraySize(ents), want);
    ck_assert_str_eq(str(cJSON_GetArrayItem(ents, want - 1), "id"), "JP");
    /* facets never list what entities leave out */
    int n_facets = 0;
    for (size_t k = 0; k < 4; k++) {
        n_facets += cJSON_GetArraySize(get(get(json, "facets"), facet_keys[k].key));
    }
    ck_assert_int_eq(n_facets, want);
    cJSON_Delete(json);

    opt.min_relevance = kp + 0.001;
    json = to_json(result, &opt);
    ck_assert_int_eq(cJSON_GetArraySize(get(json, "entities")), 0);
    cJSON_Delete(json);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Bad bytes                                                                 */

static const struct {
    const char *text;
    int count, first_byte, n_entities;
} invalid_texts[] = {
    {"Japan\xFF and North Korea \xE2\x82 met.", 3, 5, 2},
    {"Talks with Japan stalled.\xC0", 1, 25, 1},
};

START_TEST(test_invalid_utf8_warning)
{
    const char *text = invalid_texts[_i].text;
    tagger_result_t *r;
    ck_assert_int_eq(tagger_annotate(tg, scratch, text, strlen(text), &r), TAGGER_OK);
    cJSON *json = to_json(r, NULL);
    tagger_result_free(r);
    const cJSON *w = get(json, "warnings");
    ck_assert(cJSON_IsArray(w));
    ck_assert_int_eq(cJSON_GetArraySize(w), 1);
    const cJSON *w0 = cJSON_GetArrayItem(w, 0);
    ck_assert_str_eq(str(w0, "code"), "invalid_utf8");
    ck_assert_int_eq((int)num(w0, "count"), invalid_texts[_i].count);
    ck_assert_int_eq((int)num(w0, "first_byte"), invalid_texts[_i].first_byte);
    ck_assert(strlen(str(w0, "message")) > 0);
    ck_assert_int_eq(cJSON_GetArraySize(get(json, "entities")), invalid_texts[_i].n_entities);
    cJSON_Delete(json);
}
END_TEST

START_TEST(test_id_with_invalid_utf8)
{
    tagger_json_options_t opt;
    tagger_json_options_init(&opt);
    opt.id = "doc\xFF\xC3.txt";
    cJSON *json = to_json(result, &opt); /* checks that the output is valid UTF-8 */
    ck_assert_str_eq(str(json, "id"), "doc\xEF\xBF\xBD\xEF\xBF\xBD.txt");
    cJSON_Delete(json);

    opt.id = "say \"hi\"\n\tC:\\dir\\f\xC3\xA9.txt";
    json = to_json(result, &opt);
    ck_assert_str_eq(str(json, "id"), opt.id);
    cJSON_Delete(json);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Formatting                                                                */

START_TEST(test_pretty_same_object)
{
    tagger_json_options_t opt;
    tagger_json_options_init(&opt);
    opt.id = "a.txt";
    char *compact = NULL, *pretty = NULL;
    ck_assert_int_eq(tagger_result_json(result, &opt, &compact), TAGGER_OK);
    opt.flags = TAGGER_JSON_PRETTY;
    ck_assert_int_eq(tagger_result_json(result, &opt, &pretty), TAGGER_OK);
    bool compact_one_line = strchr(compact, '\n') == NULL;
    bool pretty_lines = strchr(pretty, '\n') != NULL;
    cJSON *a = cJSON_ParseWithLength(compact, strlen(compact));
    cJSON *b = cJSON_ParseWithLength(pretty, strlen(pretty));
    bool same = a && b && cJSON_Compare(a, b, true);
    cJSON_Delete(a);
    cJSON_Delete(b);
    tagger_string_free(compact);
    tagger_string_free(pretty);
    ck_assert(compact_one_line);
    ck_assert(pretty_lines);
    ck_assert(same);
}
END_TEST

START_TEST(test_empty_result)
{
    tagger_result_t *r;
    ck_assert_int_eq(tagger_annotate(tg, scratch, "", 0, &r), TAGGER_OK);
    cJSON *json = to_json(r, NULL);
    tagger_result_free(r);
    ck_assert_int_eq(cJSON_GetArraySize(get(json, "entities")), 0);
    ck_assert_int_eq(cJSON_GetArraySize(get(get(json, "facets"), "country")), 0);
    ck_assert_ptr_null(get(json, "warnings"));
    cJSON_Delete(json);
}
END_TEST

START_TEST(test_json_misuse)
{
    char buf[] = "sentinel";
    char *out = buf;
    ck_assert_int_eq(tagger_result_json(NULL, NULL, &out), TAGGER_ERR_MISUSE);
    ck_assert_ptr_null(out);
    ck_assert_int_eq(tagger_result_json(result, NULL, NULL), TAGGER_ERR_MISUSE);
}
END_TEST

Suite *json_out_suite(void)
{
    Suite *s = suite_create("json_out");
    TCase *tc = tcase_create("structure");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_top_level_keys);
    tcase_add_test(tc, test_no_id_by_default);
    tcase_add_test(tc, test_entity_fields);
    tcase_add_test(tc, test_wikidata_and_country);
    tcase_add_test(tc, test_mentions_match_input);
    tcase_add_test(tc, test_mention_offsets_after_non_ascii);
    tcase_add_test(tc, test_sorted_by_relevance);
    tcase_add_test(tc, test_pretty_same_object);
    tcase_add_test(tc, test_empty_result);
    tcase_add_test(tc, test_json_misuse);
    suite_add_tcase(s, tc);

    tc = tcase_create("options");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_facets_default_threshold);
    tcase_add_test(tc, test_facets_custom_threshold);
    tcase_add_test(tc, test_no_mentions_flag);
    tcase_add_test(tc, test_kinds_mask);
    tcase_add_test(tc, test_min_relevance);
    suite_add_tcase(s, tc);

    tc = tcase_create("bad input");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, test_invalid_utf8_warning, 0,
                        (int)(sizeof invalid_texts / sizeof invalid_texts[0]));
    tcase_add_test(tc, test_id_with_invalid_utf8);
    suite_add_tcase(s, tc);
    return s;
}
