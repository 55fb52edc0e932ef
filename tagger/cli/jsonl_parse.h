/*
 * jsonl_parse.h - the fast path of a JSON Lines record: one strict pass
 * that validates the line and lists the members of its object, so that the
 * text fields are found and copied without building a cJSON tree.
 */
#ifndef TAGGER_CLI_JSONL_PARSE_H
#define TAGGER_CLI_JSONL_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

typedef enum { JP_STRING, JP_NUMBER, JP_OBJECT, JP_ARRAY, JP_LITERAL } jp_type_t;

/* One member of an object, as bytes of the parsed line. */
typedef struct {
    const char *key;   /* the key's bytes between its quotes, undecoded */
    size_t key_len;
    const char *value; /* the value's bytes (a string with its quotes) */
    size_t value_len;
    jp_type_t type;
    bool key_escaped;   /* the key holds a backslash escape */
    bool value_escaped; /* a string value holds a backslash escape */
    bool value_has_nul; /* a string value holds \u0000 */
    size_t value_chars; /* a string value: its code points once decoded */
} jp_member_t;

/* The members of one object, in order; reused from line to line. */
typedef struct {
    jp_member_t *items;
    size_t n, cap;
    bool any_key_escaped;
} jp_members_t;

enum { JP_OK = 0, JP_REFUSED = 1, JP_NOMEM = 2 };

/*
 * Parses @p s (@p len bytes) as one JSON object with only JSON white space
 * around it, and lists its own members (not those of nested values) in
 * @p out.  Strict RFC 8259: valid UTF-8, no raw control character, every
 * escape well formed with surrogates paired, numbers by the grammar.  It
 * also refuses what is valid JSON but beyond the slow path's parser
 * (cJSON): containers nested more than JP_MAX_DEPTH deep, numbers of more
 * than 63 bytes, a leading byte-order mark.  So a line it accepts is one
 * that jsonl_check_bytes() and cJSON accept too, with the same values.
 * Returns JP_OK, JP_REFUSED (the caller takes the slow path, which says
 * why) or JP_NOMEM.
 */
int jp_parse_object(const char *s, size_t len, jp_members_t *out);

#define JP_MAX_DEPTH 64

/* The first member whose undecoded key is @p key (@p key_len bytes), or
 * NULL.  Exact only when !m->any_key_escaped. */
const jp_member_t *jp_find(const jp_members_t *m, const char *key, size_t key_len);

/* Appends the decoded bytes of string value @p m (checked by
 * jp_parse_object) to @p out, as cJSON decodes them. */
void jp_add_decoded(strbuf_t *out, const jp_member_t *m);

void jp_members_free(jp_members_t *m);

#endif /* TAGGER_CLI_JSONL_PARSE_H */
