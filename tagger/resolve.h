/*
 * resolve.h - deciding which matches stand, from the rest of the document.
 */
#ifndef TG_RESOLVE_H
#define TG_RESOLVE_H

#include <stddef.h>

#include "scratch.h"

/* Turns s->hits into s->recs (see resolve.c).  s->layout must describe the
 * text.  Returns 0 or TAGGER_ERR_NOMEM. */
int tg_resolve(const tagger_t *tg, tagger_scratch_t *s, const char *text, size_t len);

/* Whether the word before or after [start, end) is a capitalised word, as
 * in "Paris Hilton" or "Michael Jordan", or the word before an initial
 * ("Michael B. Jordan"); function words such as "In" or "The" do not
 * count, nor does anything in an all-caps line. */
bool tg_beside_capitalised_word(const char *text, size_t len, size_t start, size_t end,
                                bool check_before);

/* The lower-case hash (name_model.h) of the ASCII word [w, w + n) that
 * starts with a capital, or 0 when it is no such word (more than 32 bytes,
 * or a byte that is no ASCII letter or digit). */
uint64_t tg_capitalised_word_hash(const char *text, size_t w, size_t n);

/* Whether the word right before @p start, with blanks only between, is a
 * capitalised first name ("Melania" of "Melania Trump"): one of the name
 * recognizer's (name_model.h), asked in lower case; never without that
 * model. */
bool tg_first_name_before(const tagger_t *tg, const char *text, size_t start);

/* Where the name starts in a titled match [start, end) ("President
 * Reagan": at "Reagan"): after its leading office-title words, never past
 * its last word. */
size_t tg_skip_title(const char *text, size_t start, size_t end);

/* Companies' legal forms, as written after their names ("Inc", "Corp.",
 * "PLC", "S.A."): a gazetteer company's mention takes in the one after it;
 * the recognizer's names end with one (recog_orgs.c). */
extern const char *const tg_legal_forms[];
extern const size_t tg_n_legal_forms;

/* Whether the name at [@p start, @p end) is a treaty's, or the place one
 * bears: a word of a treaty's name follows it after one space ("Kyoto" +
 * "Protocol", "Paris" + "Agreement"; with @p lower, for a place's name, a
 * lower-case one too: "Kyoto" + "treaty"), or "Treaty of " comes before it
 * ("the Treaty of Rome"). */
bool tg_names_a_treaty(const char *text, size_t len, size_t start, size_t end, bool lower);

/* Whether the @p len bytes at @p s open with a word of a treaty's name
 * ("Protocol", "Agreement"; with @p lower "treaty" too; not "Convention
 * Center"). */
bool tg_treaty_word(const char *s, size_t len, bool lower);

/* Whether the text right before @p start is a capitalised word and a comma
 * with blanks after it, as before the state in "WALTHAM, Mass.,". */
bool tg_after_place(const char *text, size_t start);

/* Whether the word at [start, end) credits a news agency with the story:
 * "Kills 12 (Reuters)", "NEW YORK (AP) - ", "AFP - " opening a line.  Such
 * a word is no mention and no name (resolve.c, recognize.c). */
bool tg_wire_credit(const char *text, size_t len, size_t start, size_t end);

#endif /* TG_RESOLVE_H */
