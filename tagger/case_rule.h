/*
 * case_rule.h - per-alias case rules, checked on the original text.
 */
#ifndef TG_CASE_RULE_H
#define TG_CASE_RULE_H

#include <stdbool.h>
#include <stddef.h>

#include "internal.h"

/* Computes the case signature of an alias as written (not normalised). */
void tg_case_sig(const char *alias, size_t len, unsigned rule, tg_case_sig_t *sig);

/* Whether the original span [start, end) of @p text satisfies case rule
 * @p rule (TG_CASE_*) of an alias with signature @p sig. */
bool tg_case_ok(const char *text, size_t len, size_t start, size_t end, unsigned rule,
                const tg_case_sig_t *sig);

/* Whether the span stands among capitals: the text around [start, end) on
 * the same line has no lower-case letter (an all-caps headline), or the
 * word right before or after it is in capitals ("MINNETONKA, MINN.,
 * Feb 26"). */
bool tg_case_allcaps_context(const char *text, size_t len, size_t start, size_t end);

/* Whether an alias should default to exact case: it has two or more
 * upper-case letters and no lower-case one ("US", "U.S.", "DPRK"). */
bool tg_case_is_acronym(const char *alias, size_t len);

#endif /* TG_CASE_RULE_H */
