/*
 * html_out.h - --format html: one page for a whole run, for reading the
 * tagger's output by eye (JSON is for machines).  Each document is an
 * article: its text with every mention marked by its entity's type (the
 * entity, id and relevance on hover), then its entities and topics as
 * tables.
 */
#ifndef TAGGER_CLI_HTML_OUT_H
#define TAGGER_CLI_HTML_OUT_H

#include <stddef.h>

#include <tagger.h>

#include "strbuf.h"

/* The page's head and the opening of its body; once, before any document. */
void html_begin(strbuf_t *out);

/* The closing of the page; once, after the last document. */
void html_end(strbuf_t *out);

/*
 * One document as an <article> headed @p title: @p text (@p len bytes, the
 * text @p r was made from) with its mentions marked, unless @p opt says
 * TAGGER_JSON_NO_MENTIONS; then the entities and at most opt->max_topics
 * topics.  Entities are kept or left out by opt's types and minimum
 * relevance, as in JSON; with opt->segments, each field's text comes under
 * its name.  Invalid UTF-8 (each bad byte) and control characters other
 * than tab, newline and carriage return are written as U+FFFD, so the
 * page is always valid.
 */
void html_document(strbuf_t *out, const char *title, const char *text, size_t len,
                   const tagger_result_t *r, const tagger_json_options_t *opt);

/* A record that could not be tagged: an <article> headed @p title that
 * says @p message, so that the page, like the JSON output, loses none. */
void html_error(strbuf_t *out, const char *title, const char *message);

#endif /* TAGGER_CLI_HTML_OUT_H */
