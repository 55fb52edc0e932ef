/*
 * recog_orgs.c - organizations in the recognizer's rules on spans
 * (recognize.c, step 4): the words that say a name is an organization's,
 * in it or around it (a legal form or a suffix, "Ministry of ...",
 * "Chelsea boss", "oil firm Yukos", "Tory leader Michael Howard", a list
 * with a gazetteer's company), the roles and posts that say it is a
 * person's instead ("winger Saulius Mikoliunas"), and a company's name
 * put together from the pieces the model cut it into: the words before
 * an "and" or an "'s" ("Procter and Gamble Co", "Moody's Investors
 * Service Inc"), a span right before it ("Harcourt Brace" + "Jovanovich
 * Inc", "Hong Kong" + "Stock Exchange"), a legal form alone ("Sealy" +
 * "Inc"), the capitalised words before a word for what it does ("Japan
 * Airlines"), and a post written with a capital after it left off
 * ("Federal Reserve Board Chairman Paul Volcker").  recognize.c
 * line_spans() asks them in turn.
 */
#include "recog_internal.h"

#include <stdbool.h>
#include <string.h>

#include "resolve.h"
#include "scratch.h"

/* ------------------------------------------------------------------------ */
/* Words                                                                     */

/* The head of an organization's name alone, in any case, is no name: it
 * stands for an organization named before ("the Bank said", "the
 * Commission", "BANK RAISES RATES"), which it does not say; after a place
 * or an owner it ends their name (recognize.c line_spans()). */
static const char *const generic_heads[] = {
    "Bank", "Ministry", "Department", "Commission", "Committee", "Council", "Agency",
    "Association", "Federation", "Institute", "Foundation", "Authority", "Corporation",
    "Company", "Group", "Exchange", "Securities", "Industries", "Party", "University", "Fund",
    "Trust", "Union", "Club", "Assembly", "Army", "Police", "Holdings", "Partners", "Brothers",
    "Services", "Service", "Insurance", "Office", "Court", "Board", "Bureau"};

/* The last word of many companies' names that is never one alone: what
 * the company does ("Jet" + "Airways", "France" + "Telecom", "Dome" +
 * "Petroleum"), where the model often types the word alone; such a name
 * takes in the words the model left off (tg_recog_industry_start()),
 * else it is dropped like a generic head. */
static const char *const industry_heads[] = {"Airlines", "Airways",  "Telecom",
                                             "Petroleum", "Electric", "Motors"};

/* Words that make a name an organization, first ("University of ...",
 * "Ministry of ...") or last ("... FC", "... Inc").  The model knows most
 * from CoNLL; the list settles a name it typed otherwise ("Kilmarnock FC"
 * after a person's name, "Alden Global Capital", "Chrysler Financial").
 * Not "Power" nor "Steel", people's names too (Samantha Power, Danielle
 * Steel). */
static const char *const org_heads[] = {"Ministry", "Department", "University", "Bank",
                                        "Council", "Agency", "Commission", "Committee"};
static const char *const org_suffixes[] = {
    "FC", "Inc", "Inc.", "Corp", "Corp.", "Ltd", "Ltd.", "Plc", "PLC", "plc", "LLC", "AG",
    "SA", "GmbH", "Co.", "Party", "University", "Bank", "Council", "Agency", "Ministry",
    "Group", "Association", "Federation", "Union", "Institute", "Foundation", "Club",
    "United", "Utd", "Airlines", "Authority", "Commission", "Committee", "Corporation", "Company",
    "Industries", "Technologies", "Technology", "Systems", "Utilities", "Insurance", "Holdings",
    "Laboratories", "Enterprises", "Airways", "Inns", "Stores", "Motors", "Petroleum",
    "Resources", "Communications", "Electronics", "Securities", "Partners", "Brothers", "Bros",
    "International", "Exchange", "Department", "Trust", "Fund", "Service", "Services", "Bancorp",
    "Journal", "Times", "Police", "Army", "Assembly", "Newsroom", "Newsdesk", "Desk", "Research",
    "Front", "Board", "Congress", "Post", "Medical", "Pharmaceuticals", "Cement", "Cables",
    "Controls", "Sports", "Records", "Recordings", "Pictures", "Studios", "Entertainment",
    "Media", "Networks", "Energy", "Pharma", "Therapeutics", "Biosciences", "Software",
    "Solutions", "Logistics", "Shipping", "Aerospace", "Semiconductor", "Mining", "Minerals",
    "Chemicals", "Foods", "Brands", "Hotels", "Resorts", "Properties", "Financial", "Capital",
    "Investments", "Ventures", "Labs"};

/* The org_suffixes that end only a company's name, saying what it does
 * ("Huawei Technologies", "Samsung Electronics", "Adani Group"): its first
 * word alone, later, is that company (recog_links.c
 * tg_recog_link_short_names()), as after a legal form.  Not the suffixes
 * of other bodies, whose first word is often a place's ("Oxford
 * University", "Manchester United"), nor "Capital", "Financial", "Media"
 * or "Research", parts of bigger groups ("BBC Research"). */
static const char *const company_trades[] = {
    "Group",           "Technologies", "Technology",   "Systems",      "Electronics",
    "Industries",      "Holdings",     "Enterprises",  "Laboratories", "Labs",
    "Airlines",        "Airways",      "Motors",       "Petroleum",    "Communications",
    "Pharmaceuticals", "Pharma",       "Therapeutics", "Biosciences",  "Software",
    "Energy",          "Mining",       "Chemicals",    "Foods",        "Networks",
    "Semiconductor",   "Aerospace",    "Logistics",    "Telecom",      "Electric"};

/* Lower-case words that, right after a name, say it is an organization
 * whatever the model made of it: its people, its shares and its users
 * ("Chelsea boss Jose Mourinho", "a Yukos spokesman", "Google shares", "one
 * Twitter user"), which a person's name is not followed by, or what it is
 * ("Mac Format magazine", "Zycie Warszawy daily"), or its analysts ("a
 * Bear Stearns analyst").  Not
 * "chairman", "chief" nor "manager", which follow a person named to the
 * post ("elected Anthony O'Reilly chairman", "named John Bond chief
 * executive"). */
static const char *const org_followers[] = {
    "boss",       "bosses",     "striker",    "midfielder", "defender",   "goalkeeper",
    "keeper",     "winger",     "full-back",  "left-back",  "right-back", "centre-back",
    "physio",     "spokesman",  "spokeswoman", "shares",    "shareholders", "employees",
    "staff",      "executives", "subsidiary", "founder",    "founders",   "customers",
    "users",      "user",       "account",    "accounts",   "feed",       "website",
    "magazine",   "newspaper",  "daily",      "weekly",     "analyst",    "analysts",
    "economist",  "economists", "strategist", "strategists",
    /* the players of American sports' teams ("Eagles quarterback Jalen Hurts") */
    "quarterback", "linebacker", "pitcher",   "shortstop",  "outfielder", "infielder"};

/* The org_followers that say so after a name the model took for a place
 * too: a place has no users or accounts ("one Twitter user", "her
 * Instagram account"; but "London analysts", "Tokyo shares"). */
static const char *const online_followers[] = {"user",     "users", "account",
                                               "accounts", "feed",  "website"};

/* Nouns that, with "in", say the name after them is a company's ("a 20
 * pct stake in Mediobanca", "its holding in Tube Lines"): in the outputs
 * of Reuters-21578 and BBC News the recognizer typed ORG 251 names after
 * them, and PERSON or PLACE 34, all but one a company all the same
 * (Borg-Warner, Himont, Fuso).  Not "shares" ("shares in London rose"), nor
 * "interest" or "investment", which go to places too ("a 51 pct interest
 * in Teles Pires", "investment in Europe"). */
static const char *const stake_nouns[] = {"stake", "stakes", "holding", "holdings", "shareholding"};

/* The org_followers that, after a name's possessive, still say it is an
 * organization ("Kodak's shares", "Chelsea's striker"): not those a
 * person has too ("Blair's spokesman", "Beckham's boss"). */
static const char *const owned_by_org[] = {
    "shares",    "shareholders", "employees", "executives", "subsidiary", "customers",
    "users",     "website",      "striker",   "midfielder", "defender",   "goalkeeper",
    "winger",    "founder"};

/* Lower-case nouns that, right before a name, say what kind of
 * organization it is ("search engine Google", "oil firm Yukos", "rock band
 * Keane", "media regulator Ofcom").  Not the nouns that also name a
 * person's trade ("producer", "publisher", "developer", "broadcaster",
 * "maker" as in "film maker Spike Lee"), nor "rival", which a sportsman
 * has too, nor plurals, which may end a clause before its subject ("the
 * chairman of both companies Li Ka-shing said"), nor verbs ("fund",
 * "consult": "to fund HIV/Aids treatments"). */
static const char *const org_descriptors[] = {
    "firm",      "company",   "giant",       "group",        "band",     "carmaker", "chipmaker",
    "automaker", "drugmaker", "airline",     "carrier",      "bank",     "insurer",  "regulator",
    "watchdog",  "network",   "operator",    "provider",     "retailer", "chain",    "label",
    "studio",    "channel",   "station",     "newspaper",    "magazine", "engine",   "website",
    "club",      "supplier",  "distributor", "conglomerate", "agency",   "daily",    "weekly",
    "tabloid",   "startup",   "start-up",    "lender",       "platform", "outlet",   "manufacturer"};

/* Lower-case roles that, right before a full name, say it is a person's,
 * whatever the model typed it ("goalkeeper Rustu Recber", "substitute
 * Sergen Yalcin", "opposition leader Zenon Poznyak"): in CoNLL-2003's
 * eng.train a name after one of them is a person in 9 cases of 10 or more.
 * Not "champion" ("German champion Borussia Dortmund"), "manager" ("lead
 * manager Nikko Securities"), "president", "chairman" or "minister" (before
 * their organization as often), nor "forward" ("day forward Brent"). */
static const char *const person_roles[] = {
    "spokesman", "spokeswoman", "leader",   "coach",      "seed",      "captain",  "substitute",
    "striker",   "midfielder",  "defender", "goalkeeper", "winger",    "playmaker",
    "quarterback", "linebacker", "pitcher", "shortstop", "outfielder", "infielder", "envoy",
    "ambassador", "diplomat", "negotiator", "lawmaker", "congressman", "congresswoman", "actor",
    "actress", "singer", "rapper", "novelist", "author", "journalist", "activist", "prosecutor",
    "lawyer", "billionaire", "tycoon", "businessman", "businesswoman", "adviser", "aide"};

/* Posts that, between a name and a person's, say the name is the
 * person's organization ("Fiat chairman Luca di Montezemolo", "Tory leader
 * Michael Howard", "Chelsea owner Roman Abramovich").  Only before a
 * person: after a name alone, they follow one named to the post ("elected
 * Anthony O'Reilly chairman").  "official" as in "Hamas official Osama
 * Hamdan".  Not "director" ("Ray director Taylor
 * Hackford": a film) nor "singer" ("Welsh singer"). */
static const char *const org_posts[] = {"chairman", "chairwoman", "leader",  "manager",
                                        "frontman", "analyst",    "economist", "president",
                                        "coach",    "captain",    "owner",     "treasurer",
                                        "official"};

/* Jobs that, with "at" or "with" after them, name an employer: "an analyst
 * at Gartmore", "chief economist at High Frequency Economics", "an
 * analyst with Birr, Wilson and Co", which the model took for places and
 * people ("at" and "with" before a name are the place's and the person's
 * more often).  Not "head" ("head-to-head with"), "officer" ("a police
 * officer at Heathrow") nor "student" ("students at Oxford": CoNLL-2003 has
 * such places as LOC). */
static const char *const employee_jobs[] = {
    "analyst",    "analysts",   "economist",  "economists",  "strategist", "strategists",
    "consultant", "consultants", "spokesman", "spokeswoman", "executive",  "executives",
    "director",   "professor",  "researcher", "researchers", "trader",     "traders",
    "dealer",     "dealers",    "lecturer",   "scientist",   "scientists", "engineer",
    "editor",     "manager",    "president",  "vice-president", "chairman"};

/* A possessive's ending: what follows is the name's ("Kodak's shares",
 * "Moody's Investors Service Inc"; asked in recog_words.c too). */
static const char *const possessives[] = {"'s", "\u2019s"};

/* Every list must leave a set half empty: the longest of this file. */
typedef char assert_org_sets_small[SET_FITS(org_suffixes) && SET_FITS(generic_heads) &&
                                           SET_FITS(org_descriptors) && SET_FITS(org_followers)
                                       ? 1
                                       : -1];

void tg_recog_org_sets_init(word_sets_t *s)
{
    tg_recog_set_init(&s->legal_forms, tg_legal_forms, tg_n_legal_forms);
    SET_INIT(s->org_heads, org_heads);
    SET_INIT(s->org_suffixes, org_suffixes);
    SET_INIT(s->generic_heads, generic_heads);
    SET_INIT(s->industry_heads, industry_heads);
    SET_INIT(s->company_trades, company_trades);
    SET_INIT(s->org_descriptors, org_descriptors);
    SET_INIT(s->employee_jobs, employee_jobs);
    SET_INIT(s->person_roles, person_roles);
    SET_INIT(s->org_followers, org_followers);
    SET_INIT(s->online_followers, online_followers);
    SET_INIT(s->stake_nouns, stake_nouns);
    SET_INIT(s->owned_by_org, owned_by_org);
    SET_INIT(s->org_posts, org_posts);
    SET_INIT(s->possessives, possessives);
}

/* ------------------------------------------------------------------------ */
/* Cues                                                                      */

/* The end of a post of two words at word @p i < ln->n, "chief" and the
 * next ("chief executive", "chief economist"), or @p i. */
static size_t chief_post_end(const line_t *ln, size_t i)
{
    return tg_recog_word_is(ln, i, "chief") && i + 1 < ln->n && tg_recog_spaced(ln, i + 1) &&
                   !ln->w[i + 1].cap
               ? i + 2
               : i;
}

/* Whether a person's full name, opening with a first name, is word @p b
 * on, after a one-word name's possessive, in running text: "Chelsea's
 * John Terry", "Coldplay's Chris Martin", "Roma's Olivier Dacourt", a
 * team's, a band's or a company's member, where the model took the name
 * for a person's (a first name: "Chelsea").  Over the BBC's 2,225 articles
 * and Reuters' 21,578 records this made 22 records' names ORG (Chelsea,
 * Munster, Coldplay, Oxfam, Xbox, Lowe's, Slade; the film "Ray" too, a
 * person's before), none a person's; a person's possessive before a
 * colleague ("Blair's Alastair Campbell") is the person's short name where
 * the text names him in full (recog_links.c). */
static bool member_after(const line_t *ln, size_t b)
{
    return ln->kind == 'N' && b + 1 < ln->n && tg_recog_spaced(ln, b) &&
           tg_recog_spaced(ln, b + 1) && tg_recog_first_name(ln, b) &&
           ln->w[b].label == TG_NL_B_PER && ln->w[b + 1].label == TG_NL_I_PER;
}

/* Whether a word said words [a, b), of kind @p kind, are an organization:
 * its first ("Ministry of ...", of three words or more) or last ("... FC",
 * "... Inc") word, the lower-case word right after it ("Chelsea boss",
 * "A Morgan Stanley spokesman") but not after a place ("Asia shares",
 * "U.S. subsidiary"; after its possessive, only owned_by_org), or a post
 * between it and a person, after its possessive or a place too
 * ("Kremlin leader Mikhail Gorbachev", "Fiat chairman Luca di
 * Montezemolo", where the model had Fiat a place; "Yukos chief executive
 * Steven Theede"). */
bool tg_recog_org_cue(const line_t *ln, size_t a, size_t b, uint32_t kind)
{
    bool head = b - a >= 3 && tg_recog_word_in(ln, a, &ln->fx->sets.org_heads);
    bool suffix = b - a >= 2 && tg_recog_word_in(ln, b - 1, &ln->fx->sets.org_suffixes);
    bool follower = b < ln->n && tg_recog_spaced(ln, b) &&
                    tg_recog_word_in(ln, b,
                                     kind == TAGGER_KIND_PLACE ? &ln->fx->sets.online_followers
                                                               : &ln->fx->sets.org_followers);
    if (b + 1 < ln->n && tg_recog_word_in(ln, b, &ln->fx->sets.possessives)) {
        b++; /* "Kodak's shares", "Nintendo's president Satoru Iwata" */
        follower = (kind != TAGGER_KIND_PLACE && tg_recog_spaced(ln, b) &&
                    tg_recog_word_in(ln, b, &ln->fx->sets.owned_by_org)) ||
                   (kind == TAGGER_KIND_PERSON && b - a == 2 && member_after(ln, b));
    }
    size_t post_end = b;
    if (b + 1 < ln->n) {
        post_end = chief_post_end(ln, b);
        post_end += post_end == b && tg_recog_word_in(ln, b, &ln->fx->sets.org_posts);
    }
    bool post = post_end > b && post_end < ln->n && tg_recog_spaced(ln, b) &&
                tg_recog_spaced(ln, post_end) && ln->w[post_end].label == TG_NL_B_PER;
    return head || suffix || follower || post;
}

/* Whether a job of employee_jobs and "at" or "with" are right before
 * words [a, b), which end a run of capitalised words: in "economist at
 * Friedburg Commodity Management", where the model made two names, the
 * place before the company is joined to it (recog_places.c
 * tg_recog_place_before_company()). */
bool tg_recog_employer_after_job(const line_t *ln, size_t a, size_t b)
{
    if (a < 2 || !tg_recog_spaced(ln, a) || !tg_recog_spaced(ln, a - 1)) {
        return false;
    }
    if (b < ln->n && ln->w[b].cap && tg_recog_spaced(ln, b)) {
        return false;
    }
    return (tg_recog_word_is(ln, a - 1, "at") || tg_recog_word_is(ln, a - 1, "with")) &&
           tg_recog_word_in(ln, a - 2, &ln->fx->sets.employee_jobs);
}

/* Whether a word of words [a, b) is a legal form or an organization's
 * head or suffix ("Nikko Securities Co", "Banque Generale"). */
bool tg_recog_org_word_in(const line_t *ln, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++) {
        str_t w = tg_recog_raw(ln, k);
        if (tg_recog_org_word(&ln->fx->sets, w.s, w.len)) {
            return true;
        }
    }
    return false;
}

/* Whether a role of person_roles is right before word @p a. */
bool tg_recog_person_role_before(const line_t *ln, size_t a)
{
    if (a == 0 || !tg_recog_spaced(ln, a)) {
        return false;
    }
    if (tg_recog_word_in(ln, a - 1, &ln->fx->sets.person_roles)) {
        return true;
    }
    /* a post after a name, the post's organization: "Arsenal manager
     * Arsene Wenger", "Arsenal boss Arsene Wenger" (not "lead manager
     * Nikko Securities", nor "The official Peking Review") */
    return a >= 2 && ln->w[a - 2].cap && !tg_recog_is_common(ln, a - 2) &&
           tg_recog_spaced(ln, a - 1) &&
           (tg_recog_word_in(ln, a - 1, &ln->fx->sets.org_posts) ||
            tg_recog_word_is(ln, a - 1, "boss"));
}

/* What the word @p a that opens a sentence says when it is a role written
 * in lower case elsewhere, capitalised there only, before another
 * capitalised word: 2 for a person's role ("Rapper Snoop Dogg was sued",
 * "Singer Courtney Love has been spared jail"), 1 for "Rival", which an
 * organization has too ("Rival Xiaomi also launched a phone"); else 0.
 * Either way it is no part of the name.  Not in an all-caps line, where
 * every word is capitalised. */
int tg_recog_role_opening_sentence(const line_t *ln, size_t a)
{
    if (a + 1 >= ln->n || !ln->w[a + 1].cap || !tg_recog_spaced(ln, a + 1) || ln->kind == 'C' ||
        !tg_recog_opens_sentence(ln, a)) {
        return 0;
    }
    if (tg_recog_recased_in(ln, a, &ln->fx->sets.person_roles, 0)) {
        return 2;
    }
    return tg_recog_word_is(ln, a, "Rival") ? 1 : 0;
}

bool tg_recog_stake_before(const line_t *ln, size_t a)
{
    return a >= 2 && tg_recog_spaced(ln, a) && tg_recog_spaced(ln, a - 1) &&
           tg_recog_word_is(ln, a - 1, "in") &&
           tg_recog_word_in(ln, a - 2, &ln->fx->sets.stake_nouns);
}

/* Verbs in the plural that, right after a one-word name opening a
 * clause, say it is a team or a company, as British English writes them
 * ("Chelsea have sacked Mutu", "but Villa were not interested"): no
 * person's name has them.  In CoNLL-2003's eng.train, a one-word name
 * before one of them is a person's 4 times in 68 (the rest countries as
 * teams, peoples, clubs). */
static const char *const plural_verbs[] = {"have", "are", "were"};

/* What opens a clause whose subject the name then is: punctuation, or a
 * conjunction.  Not "and" ("she and sister Venus are"), nor a noun ("the
 * three boys playing Billy are"), nor "if" (the subjunctive: "if Obama
 * were"). */
static const char *const clause_openers[] = {
    ".",     "!",       "?",        ":",     ";",      "\"",      "\u201c", "(",
    "but",   "when",    "while",    "after", "before", "because", "since",  "that",
    "where", "whereas", "although", "until", "unless", "then",    "so"};

bool tg_recog_plural_verb_after(const line_t *ln, size_t a, size_t b)
{
    if (b - a != 1 || b >= ln->n || !tg_recog_spaced(ln, b) || ln->kind == 'C') {
        return false;
    }
    str_t verb = tg_recog_raw(ln, b);
    if (!tg_word_in(plural_verbs, sizeof plural_verbs / sizeof *plural_verbs, verb.s, verb.len)) {
        return false;
    }
    if (a == 0) {
        return true;
    }
    str_t before = tg_recog_raw(ln, a - 1);
    return tg_word_in(clause_openers, sizeof clause_openers / sizeof *clause_openers, before.s,
                      before.len);
}

/* Name prefixes after which a capital inside a word opens the rest of a
 * person's name ("McDonald", "DeSantis", "LeBron", "FitzGerald").  In
 * CoNLL-2003's eng.train and eng.testa a word with a capital after a
 * lower-case letter is part of a person's name 94 times in 110 when it
 * opens with one of them (the team McLaren 13 of the rest), and of an
 * organization's or a product's 62 times in 76 when not ("WorldCom",
 * "PowerPC"; a person's 8 times, all "MaliVai"). */
static const char *const name_prefixes[] = {"Mc", "Mac", "De",  "Di",  "Da",  "Du",
                                            "Le", "La",  "Van", "Von", "Fitz"};

/* Whether word @p i is in camel case, a capital after a lower-case letter
 * inside it, and in @p prefixed whether what comes before that capital is
 * a name prefix. */
static bool camel_case(const line_t *ln, size_t i, bool *prefixed)
{
    str_t w = tg_recog_raw(ln, i);
    for (size_t k = 1; k < w.len; k++) {
        if (w.s[k] >= 'A' && w.s[k] <= 'Z' && w.s[k - 1] >= 'a' && w.s[k - 1] <= 'z') {
            *prefixed =
                tg_word_in(name_prefixes, sizeof name_prefixes / sizeof *name_prefixes, w.s, k);
            return true;
        }
    }
    return false;
}

bool tg_recog_camel_org(const line_t *ln, size_t i)
{
    bool prefixed = false;
    return ln->w[i].cap && !tg_recog_hashtag(ln, i) && camel_case(ln, i, &prefixed) && !prefixed;
}

/* The name prefixes of given names ("LeBron", "LaShawn", "DeAndre"), not
 * of surnames ("McDonnell Douglas", "MacGregor Sporting Goods" are
 * companies named after people). */
static const char *const given_name_prefixes[] = {"De", "Di", "Da", "Du", "Le", "La"};

bool tg_recog_given_camel(const line_t *ln, size_t i)
{
    bool prefixed = false;
    return camel_case(ln, i, &prefixed) && prefixed &&
           tg_word_in(given_name_prefixes, sizeof given_name_prefixes / sizeof *given_name_prefixes,
                      ln->text + ln->w[i].start, 2);
}

uint32_t tg_recog_camel_case_kind(const line_t *ln, size_t a, size_t b, uint32_t kind)
{
    if (kind == TAGGER_KIND_PLACE && tg_recog_camel_org(ln, b - 1)) {
        return TAGGER_KIND_ORG; /* "CompTIA", "TfL" */
    }
    if (kind == TAGGER_KIND_PERSON && b - a == 1 && tg_recog_camel_org(ln, a)) {
        return TAGGER_KIND_ORG; /* "OpenAI", "DaimlerChrysler"; not "David SyCip" */
    }
    if (kind == TAGGER_KIND_ORG && b - a == 2 && tg_recog_given_camel(ln, a) &&
        !tg_recog_is_common(ln, a + 1) && !tg_recog_org_word_in(ln, a, b)) {
        return TAGGER_KIND_PERSON; /* "LeBron James" */
    }
    return kind;
}

/* Whether a noun of org_descriptors is right before word @p a. */
bool tg_recog_org_descriptor_before(const line_t *ln, size_t a)
{
    return a > 0 && tg_recog_spaced(ln, a) &&
           tg_recog_word_in(ln, a - 1, &ln->fx->sets.org_descriptors);
}

/* Whether word @p k lies in a standing gazetteer mention of an
 * organization. */
static bool org_mention_at(const tagger_t *tg, const tagger_scratch_t *s, const line_t *ln,
                           size_t k)
{
    if (!ln->w[k].covered) {
        return false;
    }
    uint32_t from = ln->w[k].start;
    for (size_t j = tg_recog_recs_near(s, from); j < s->n_recs && s->recs[j].start <= from; j++) {
        const tg_rec_t *rec = &s->recs[j];
        if (!(rec->flags & TG_REC_DROPPED) && rec->end > from && rec->entity < tg->n_entities &&
            tg->entities[rec->entity].kind == TAGGER_KIND_ORG) {
            return true;
        }
    }
    return false;
}

/* Whether word @p i is "and" or "or" (@p comma: or a comma): the joints
 * of a list. */
static bool list_joint(const line_t *ln, size_t i, bool comma)
{
    return (comma && tg_recog_word_is(ln, i, ",")) || tg_recog_word_is(ln, i, "or") ||
           tg_recog_word_is(ln, i, "and");
}

/* Whether the one word @p a stands in a list beside an organization of the
 * gazetteer ("Google, Yahoo, Ebay and Amazon", "rivals such as Yahoo and
 * Microsoft"): a list names things of one kind, where the model alone took
 * a company's one-word name for a person's or a place's.  A comma after
 * the organization counts only where the list goes on after the word: "The
 * LSE, Europe's biggest stock market" is no list. */
bool tg_recog_listed_with_org(const tagger_t *tg, const tagger_scratch_t *s, const line_t *ln,
                              size_t a)
{
    bool goes_on = a + 1 < ln->n && list_joint(ln, a + 1, true);
    return (a >= 2 && list_joint(ln, a - 1, goes_on) && org_mention_at(tg, s, ln, a - 2)) ||
           (a + 2 < ln->n && list_joint(ln, a + 1, false) && org_mention_at(tg, s, ln, a + 2));
}

/* ------------------------------------------------------------------------ */
/* Company names                                                             */

/* Whether words [a, b) of a line in capitals end in a legal form or an
 * organization's suffix, read in title case ("UNITED TECHNOLOGIES CORP",
 * "WESTERN AIRLINES", "RUGBY UNION"). */
bool tg_recog_company_end(const line_t *ln, size_t a, size_t b)
{
    return a < b && (tg_recog_word_in(ln, b - 1, &ln->fx->sets.legal_forms) ||
                     tg_recog_title_case_in(ln, b - 1, &ln->fx->sets.org_suffixes));
}

/* Words that open a post of two: "Vice Chairman", "Majority Leader". */
static const char *const post_openers[] = {"Vice", "Deputy", "Acting", "Majority", "Minority",
                                           "VICE", "DEPUTY", "ACTING", "MAJORITY", "MINORITY"};

/* The end of an organization's words [a, b) without a post written with
 * a capital right before a name: "Federal Reserve Board Chairman Paul
 * Volcker", "Federal Reserve Board Vice Chairman Manuel Johnson" (the
 * post is the person's; in lower case it is no part of the name
 * anyway). */
size_t tg_recog_org_end_before_post(const line_t *ln, size_t a, size_t b)
{
    if (b - a < 2 || b >= ln->n || !ln->w[b].cap || !tg_recog_spaced(ln, b) ||
        !tg_recog_recased_in(ln, b - 1, &ln->fx->sets.org_posts, 0)) {
        return b;
    }
    b--;
    str_t w = tg_recog_raw(ln, b - 1);
    if (b - a >= 2 &&
        tg_word_in(post_openers, sizeof post_openers / sizeof *post_openers, w.s, w.len)) {
        b--;
    }
    return b;
}

/* Whether words [a, b) are all legal forms ("Inc", "Co Inc"). */
bool tg_recog_legal_forms_only(const line_t *ln, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++) {
        if (!tg_recog_word_in(ln, i, &ln->fx->sets.legal_forms)) {
            return false;
        }
    }
    return true;
}

/* A company's name of two parts joined by "and" or "&" and ending in a
 * legal form ("Procter and Gamble Co", "Pacific Gas and Electric Co"),
 * which the model cuts at the connector: the start of the name that words
 * [a, b) end, to be looked for before a, or a itself.  The part before
 * the connector is up to three capitalised words right before it that no
 * gazetteer mention covers, after any article, and that do not end in a
 * legal form themselves ("Chrysler Corp and Ford Motor Co" are two
 * companies), with no other "and" before them ("Wagner and Brown and AFG
 * Industries Inc" could be cut either way). */
size_t tg_recog_company_start(const line_t *ln, size_t a, size_t b)
{
    if (a < 2 || b - a < 2 || !tg_recog_word_in(ln, b - 1, &ln->fx->sets.legal_forms) ||
        !tg_recog_and_word(ln, a - 1) || !tg_recog_spaced(ln, a) || !tg_recog_spaced(ln, a - 1) ||
        tg_recog_word_in(ln, a - 2, &ln->fx->sets.legal_forms)) {
        return a;
    }
    static const char *const articles[] = {"The", "A", "An", "THE"}; /* a sentence's start */
    size_t start = a - 1;
    while (start > 0 && a - 1 - start < 3 && ln->w[start - 1].cap && !ln->w[start - 1].covered &&
           (start == a - 1 || tg_recog_spaced(ln, start))) {
        str_t w = tg_recog_raw(ln, start - 1);
        if (tg_word_in(articles, sizeof articles / sizeof *articles, w.s, w.len)) {
            break;
        }
        start--;
    }
    if (start == a - 1 || (start > 0 && tg_recog_and_word(ln, start - 1))) {
        return a;
    }
    return start;
}

/* Whether every word of [a, b) is a legal form or an organization's
 * suffix ("Group Inc"). */
static bool company_words_only(const line_t *ln, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++) {
        if (!tg_recog_company_end(ln, i, i + 1)) {
            return false;
        }
    }
    return true;
}

/* The start of the company's name [a, b), one ending in a legal form or
 * an organization's suffix, when the span right before it on the line,
 * one space away, is a person the model alone typed or an organization:
 * the company's first words ("Harcourt Brace" + "Jovanovich Inc", "Arvin"
 * + "Industries Inc", "Kleinwort" + "Benson Ltd"; Reuters-21578 had 492
 * such pairs with a person, 106 with an organization); not one that ends
 * as a company itself.  Returns @p a itself if none. */
size_t tg_recog_span_before_company(const tg_recog_t *r, const line_t *ln, size_t base,
                                    size_t line_spans, size_t a, size_t b)
{
    if (r->n_spans <= line_spans || a == 0 || !tg_recog_company_end(ln, a, b) ||
        !tg_recog_spaced(ln, a)) {
        return a;
    }
    /* In capitals, an organization before is as often a headline's words:
     * "S/P UPGRADES" + "UNION CARBIDE CORP". */
    const span_t *before = &r->spans[r->n_spans - 1];
    if (!((before->kind == TAGGER_KIND_ORG && ln->kind != 'C') ||
          (before->kind == TAGGER_KIND_PERSON && !before->cued)) ||
        before->end != base + a) {
        return a;
    }
    size_t first = before->first - base;
    /* not one that ends as a company itself: "E-II Holdings Inc." + "BCI
     * Holdings"; but "Roosevelt Financial" + "Group Inc", which has no word
     * of a name of its own */
    return tg_recog_company_end(ln, first, a) && !company_words_only(ln, a, b) ? a : first;
}

/* The start of the company's name that the industry head at word @p a
 * ends, in running text: up to three capitalised words right before it,
 * spaced, none a letter ("A Telecom spokesman"), a title, a legal form or
 * "I", nor a common word opening a sentence ("Concerning Dome
 * Petroleum"); the mentions of places among them are dropped ("Japan" of
 * "Japan Airlines", as in recog_places.c place_starts_company()), and a
 * mention of anything else leaves the head alone.  Returns @p a itself if
 * none. */
size_t tg_recog_industry_start(const tagger_t *tg, tagger_scratch_t *s, const line_t *ln, size_t a)
{
    size_t start = a;
    bool covered = false;
    while (ln->kind == 'N' && start > 0 && a - start < 3 && tg_recog_spaced(ln, start)) {
        size_t k = start - 1;
        if (!ln->w[k].cap || ln->w[k].end - ln->w[k].start == 1 ||
            tg_recog_word_in(ln, k, &ln->fx->sets.titles) ||
            tg_recog_word_in(ln, k, &ln->fx->sets.legal_forms) ||
            tg_recog_first_person(ln, k, true) ||
            (tg_recog_opens_sentence(ln, k) && tg_recog_is_common(ln, k))) {
            break;
        }
        covered |= ln->w[k].covered;
        start = k;
    }
    if (covered && tg_recog_drop_places(tg, s, ln->w[start].start, ln->w[a - 1].end, true) < 0) {
        return a;
    }
    return start;
}
/* ------------------------------------------------------------------------ */
/* Spans of companies                                                        */

/* The last span of the line whose spans start at @p line_spans, or NULL. */
static span_t *last_line_span(tg_recog_t *r, size_t line_spans)
{
    return r->n_spans > line_spans ? &r->spans[r->n_spans - 1] : NULL;
}

/* Span @p sp stretched to end at word @p end of the text, an organization
 * that a company's name typed ("Sealy" + "Inc", "Moody" + "'s Investors
 * Service Inc"). */
void tg_recog_stretch_to_company(span_t *sp, size_t end)
{
    sp->end = (uint32_t)end;
    sp->kind = TAGGER_KIND_ORG;
    sp->cued = 1;
}

/* The span just before words [a, b) of the line whose first word is
 * @p base, if it is a place with only spaces or a wrap after it, or NULL:
 * an organization's name that the model cut after the place it opens with
 * ("Hong Kong" "Stock Exchange", "Stanford" "University"), or, where the
 * gazetteer's place gave way to the institution after it (resolve.c), the
 * place the model typed alone. */
span_t *tg_recog_place_before(tg_recog_t *r, const line_t *ln, size_t base, size_t a,
                              size_t line_spans)
{
    span_t *last = last_line_span(r, line_spans);
    return last && last->kind == TAGGER_KIND_PLACE && last->end == base + a &&
                   tg_recog_spaced(ln, a)
               ? last
               : NULL;
}

/* Words [a, b) of the line whose first word is @p base, legal forms alone
 * in their span, end the span just before them if there is one in this
 * line (the spans from @p line_spans on) and only spaces or a wrap lie
 * between: that span becomes an organization ("Sealy" "Inc"). */
void tg_recog_join_legal_forms(tg_recog_t *r, const line_t *ln, size_t base, size_t a, size_t b,
                               size_t line_spans)
{
    span_t *last = last_line_span(r, line_spans);
    if (last && last->end == base + a && tg_recog_spaced(ln, a)) {
        tg_recog_stretch_to_company(last, base + b);
    }
}

/* A company whose name has a possessive in it ("Moody's Investors Service
 * Inc", "Hudson's Bay Co"), which the model cuts at the "'s": for words
 * [a, b) of an organization ending in a legal form, the span of this line
 * (from @p line_spans on) that ends just before an "'s" just before them,
 * or NULL.  The span must be one word, not in capitals: a longer one or an
 * acronym owns the company ("Du Pont Co's Conoco Inc", "Ivan Boesky's
 * Seemala Corp", "CP's Cominco Ltd"). */
span_t *tg_recog_possessive_owner(tg_recog_t *r, const line_t *ln, size_t base, size_t a, size_t b,
                                  size_t line_spans)
{
    span_t *last = last_line_span(r, line_spans);
    if (!last || a < 2 || last->end != base + a - 1 || last->first != base + a - 2 ||
        !tg_recog_spaced(ln, a) || !tg_recog_word_in(ln, a - 1, &ln->fx->sets.possessives) ||
        !tg_recog_word_in(ln, b - 1, &ln->fx->sets.legal_forms)) {
        return NULL;
    }
    str_t owner = tg_recog_raw(ln, a - 2);
    bool caps = owner.len > 1 && owner.s[1] >= 'A' && owner.s[1] <= 'Z';
    return caps ? NULL : last;
}

/* Drops the spans of this line (those from @p line_spans on) that reach
 * past word @p start of the text: the part of a name that the model typed
 * apart, now taken into a longer name. */
void tg_recog_drop_spans_after(tg_recog_t *r, size_t line_spans, size_t start)
{
    while (r->n_spans > line_spans && r->spans[r->n_spans - 1].end > start) {
        r->n_spans--;
    }
}
