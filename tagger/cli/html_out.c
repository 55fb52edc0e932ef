/*
 * html_out.c - the page of --format html (see html_out.h).
 *
 * The page stands alone: its style is in its head, it loads nothing, and
 * it is written as it goes, an article per document, so a run of any
 * length streams.  A mention is a <mark> whose class is its entity's type
 * ("recognized" added for a name no gazetteer lists) and whose title says
 * which entity it names.  Where several entities share one span (a place
 * and, through it, its country: "Pyongyang" for Pyongyang and North
 * Korea), one mark names them all, the entity named outright first.
 * Mentions do not overlap otherwise; one that would is left unmarked
 * rather than breaking the nesting of the page.
 */
#include "html_out.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "formats.h"

static const char *const via_words[] = {"", " (its demonym)", " (a short form)",
                                        " (a place in it)"};

/* The class of a type: the CSS below has one rule per type. */
static const char *kind_class(tagger_kind_t kind)
{
    switch (kind) {
    case TAGGER_KIND_PERSON:
        return "person";
    case TAGGER_KIND_COUNTRY:
        return "country";
    case TAGGER_KIND_PLACE:
        return "place";
    default:
        return "org";
    }
}

/* Appends @p len bytes of @p s as HTML text (also fit for a quoted
 * attribute): the five special characters as entities, and invalid UTF-8
 * (each byte) and the control characters that are no white space as
 * U+FFFD. */
static void html_escape(strbuf_t *out, const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        size_t run = i;
        while (run < len && u[run] >= 0x20 && u[run] < 0x80 && u[run] != '&' && u[run] != '<' &&
               u[run] != '>' && u[run] != '"' && u[run] != '\'') {
            run++;
        }
        sb_add(out, s + i, run - i);
        if (run == len) {
            return;
        }
        i = run;
        const char *entity = NULL;
        switch (u[i]) {
        case '&':
            entity = "&amp;";
            break;
        case '<':
            entity = "&lt;";
            break;
        case '>':
            entity = "&gt;";
            break;
        case '"':
            entity = "&quot;";
            break;
        case '\'':
            entity = "&#39;";
            break;
        case '\t':
        case '\n':
        case '\r':
            sb_addc(out, (char)u[i]);
            i++;
            continue;
        default:
            break;
        }
        if (entity) {
            sb_adds(out, entity);
            i++;
            continue;
        }
        size_t n = u[i] < 0x80 ? 0 : utf8_valid_len(u + i, len - i);
        if (n) {
            sb_add(out, s + i, n);
            i += n;
        } else {
            sb_adds(out, "\xEF\xBF\xBD"); /* U+FFFD: a control byte or invalid UTF-8 */
            i++;
        }
    }
}

static void html_escapes(strbuf_t *out, const char *s)
{
    html_escape(out, s, strlen(s));
}

void html_begin(strbuf_t *out)
{
    sb_adds(out, "<!DOCTYPE html>\n"
                 "<html lang=\"en\">\n"
                 "<head>\n"
                 "<meta charset=\"utf-8\">\n"
                 "<title>tagger</title>\n"
                 "<style>\n"
                 "body { font: 16px/1.5 Georgia, serif; max-width: 52em; margin: 2em auto; "
                 "padding: 0 1em; color: #222; }\n"
                 "article { border-top: 2px solid #888; margin-bottom: 3em; }\n"
                 "h2 { font: bold 1em sans-serif; margin: 0.6em 0; }\n"
                 "h3 { font: 0.85em sans-serif; color: #666; margin: 1em 0 0.3em; }\n"
                 ".text { white-space: pre-wrap; }\n"
                 "mark { border-radius: 3px; padding: 0 2px; }\n"
                 "mark.person, tr.person td:first-child { background: #fbd5dc; }\n"
                 "mark.country, tr.country td:first-child { background: #cfe2fb; }\n"
                 "mark.place, tr.place td:first-child { background: #d2f2da; }\n"
                 "mark.org, tr.org td:first-child { background: #fbe7b5; }\n"
                 "mark.recognized { outline: 1px dashed #777; }\n"
                 "table { border-collapse: collapse; margin: 1em 0; font: 0.85em sans-serif; }\n"
                 "th, td { text-align: left; padding: 2px 8px; border-bottom: 1px solid #ddd; "
                 "vertical-align: top; }\n"
                 "td.number { text-align: right; }\n"
                 "tr.minor { color: #999; }\n"
                 ".error { color: #a00; }\n"
                 ".legend { font: 0.85em sans-serif; color: #444; }\n"
                 "</style>\n"
                 "</head>\n"
                 "<body>\n"
                 "<p class=\"legend\">tagger ");
    sb_adds(out, tagger_version());
    sb_adds(out, ": <mark class=\"person\">PERSON</mark> <mark class=\"country\">COUNTRY</mark> "
                 "<mark class=\"place\">PLACE</mark> <mark class=\"org\">ORG</mark> "
                 "<mark class=\"person recognized\">recognized</mark> (no gazetteer lists "
                 "it); hover over a mark for its entity</p>\n");
}

void html_end(strbuf_t *out)
{
    sb_adds(out, "</body>\n</html>\n");
}

/* ---------------------------------------------------------------- the text */

typedef struct {
    size_t start, end;
    const tagger_entity_t *entity;
    tagger_via_t via;
} mark_t;

/* By start, the longer span first, the entity named outright first: the
 * order in which they are written. */
static int cmp_marks(const void *a, const void *b)
{
    const mark_t *x = a, *y = b;
    if (x->start != y->start) {
        return x->start < y->start ? -1 : 1;
    }
    if (x->end != y->end) {
        return x->end > y->end ? -1 : 1;
    }
    return (int)x->via - (int)y->via;
}

/* The mentions of the entities @p opt keeps, sorted; NULL with @p *n 0
 * when there are none (or no memory: the text is then written plain). */
static mark_t *collect_marks(const tagger_result_t *r, const tagger_json_options_t *opt, size_t *n)
{
    size_t count = 0, n_entities = tagger_result_n_entities(r);
    for (size_t i = 0; i < n_entities; i++) {
        const tagger_entity_t *e = tagger_result_entity(r, i);
        count += format_entity_wanted(e, opt) ? e->n_mentions : 0;
    }
    *n = 0;
    mark_t *marks = count ? malloc(count * sizeof *marks) : NULL;
    if (!marks) {
        return NULL;
    }
    for (size_t i = 0; i < n_entities; i++) {
        const tagger_entity_t *e = tagger_result_entity(r, i);
        for (size_t k = 0; format_entity_wanted(e, opt) && k < e->n_mentions; k++) {
            const tagger_mention_t *m = &e->mentions[k];
            marks[(*n)++] = (mark_t){m->start, m->end, e, m->via};
        }
    }
    qsort(marks, *n, sizeof *marks, cmp_marks);
    return marks;
}

/* The mark of the @p n mentions of one span, @p group. */
static void write_mark(strbuf_t *out, const char *text, const mark_t *group, size_t n)
{
    const tagger_entity_t *first = group[0].entity;
    sb_addf(out, "<mark class=\"%s%s\" title=\"", kind_class(first->kind),
            first->source == TAGGER_SOURCE_RECOGNIZED ? " recognized" : "");
    for (size_t k = 0; k < n; k++) {
        const tagger_entity_t *e = group[k].entity;
        sb_adds(out, k ? "; " : "");
        sb_adds(out, tagger_kind_name(e->kind));
        sb_addc(out, ' ');
        html_escapes(out, e->name);
        sb_adds(out, via_words[group[k].via]);
        sb_adds(out, ", ");
        html_escapes(out, e->id ? e->id : "recognized, no id");
        sb_addf(out, ", relevance %.2f", e->relevance);
    }
    sb_adds(out, "\">");
    html_escape(out, text + group[0].start, group[0].end - group[0].start);
    sb_adds(out, "</mark>");
}

/* Bytes [from, to) of @p text with the marks of @p marks that lie in
 * them; *next is the first mark not yet looked at, and is moved past
 * those before @p to. */
static void write_text(strbuf_t *out, const char *text, size_t from, size_t to, const mark_t *marks,
                       size_t n_marks, size_t *next)
{
    sb_adds(out, "<div class=\"text\">");
    size_t at = from, i = *next;
    while (i < n_marks && marks[i].start < to) {
        size_t same = 1;
        while (i + same < n_marks && marks[i + same].start == marks[i].start &&
               marks[i + same].end == marks[i].end) {
            same++;
        }
        if (marks[i].start >= at && marks[i].end <= to) {
            html_escape(out, text + at, marks[i].start - at);
            write_mark(out, text, marks + i, same);
            at = marks[i].end;
        }
        i += same;
    }
    html_escape(out, text + at, to - at);
    sb_adds(out, "</div>\n");
    *next = i;
}

/* The text, field by field under their names when it was joined from
 * several (each field's text ends where the next one's starts, less the
 * blank lines between). */
static void write_texts(strbuf_t *out, const char *text, size_t len, const tagger_result_t *r,
                        const tagger_json_options_t *opt)
{
    size_t n_marks = 0, next = 0;
    mark_t *marks = collect_marks(r, opt, &n_marks);
    size_t n_fields = opt->segments ? opt->n_segments : 0;
    if (n_fields < 2) {
        write_text(out, text, 0, len, marks, n_marks, &next);
    }
    for (size_t s = 0; n_fields >= 2 && s < n_fields; s++) {
        size_t from = opt->segments[s].start;
        size_t to = s + 1 < n_fields ? opt->segments[s + 1].start : len;
        while (to > from && (text[to - 1] == '\n' || text[to - 1] == '\r')) {
            to--; /* the joining blank lines: no mention ends in one */
        }
        sb_adds(out, "<h3>");
        html_escapes(out, opt->segments[s].field);
        sb_adds(out, "</h3>\n");
        write_text(out, text, from, to, marks, n_marks, &next);
    }
    free(marks);
}

/* ---------------------------------------------------------------- the tables */

static void write_entities(strbuf_t *out, const tagger_result_t *r,
                           const tagger_json_options_t *opt)
{
    size_t n = tagger_result_n_entities(r), shown = 0;
    for (size_t i = 0; i < n; i++) {
        const tagger_entity_t *e = tagger_result_entity(r, i);
        if (!format_entity_wanted(e, opt)) {
            continue;
        }
        if (shown++ == 0) {
            sb_adds(out, "<table class=\"entities\">\n<tr><th>entity</th><th>type</th>"
                         "<th>id</th><th>country</th><th>relevance</th><th>mentions</th></tr>\n");
        }
        /* Below the facet threshold: in the result, but no facet's. */
        sb_addf(out, "<tr class=\"%s%s\"><td>", kind_class(e->kind),
                e->relevance < opt->facet_threshold ? " minor" : "");
        if (e->wikidata) {
            sb_adds(out, "<a href=\"https://www.wikidata.org/wiki/");
            html_escapes(out, e->wikidata);
            sb_adds(out, "\">");
            html_escapes(out, e->name);
            sb_adds(out, "</a>");
        } else {
            html_escapes(out, e->name);
        }
        sb_addf(out, "</td><td>%s%s</td><td>", tagger_kind_name(e->kind),
                e->source == TAGGER_SOURCE_RECOGNIZED ? " (recognized)" : "");
        html_escapes(out, e->id ? e->id : "");
        sb_adds(out, "</td><td>");
        html_escapes(out, e->country ? e->country : "");
        sb_addf(out, "</td><td class=\"number\">%.3f</td><td class=\"number\">%zu</td></tr>\n",
                e->relevance, e->n_mentions);
    }
    sb_adds(out, shown ? "</table>\n" : "<p>No entities.</p>\n");
}

static void write_topics(strbuf_t *out, const tagger_result_t *r, const tagger_json_options_t *opt)
{
    size_t n = tagger_result_n_topics(r);
    if (n > opt->max_topics) {
        n = opt->max_topics;
    }
    if (n == 0) {
        return;
    }
    sb_adds(out, "<table class=\"topics\">\n<tr><th>topic</th><th>id</th><th>score</th>"
                 "<th>evidence</th></tr>\n");
    for (size_t i = 0; i < n; i++) {
        const tagger_topic_t *t = tagger_result_topic(r, i);
        sb_adds(out, t->below_threshold ? "<tr class=\"minor\"><td>" : "<tr><td>");
        for (size_t d = 0; d <= t->depth; d++) {
            sb_adds(out, d ? " \xE2\x80\xBA " : ""); /* U+203A between the path's labels */
            html_escapes(out, t->path[d]);
        }
        sb_adds(out, t->below_threshold ? " (a guess: below the threshold)" : "");
        sb_adds(out, "</td><td>");
        html_escapes(out, t->id);
        sb_addf(out, "</td><td class=\"number\">%.3f</td><td>", t->score);
        for (size_t k = 0; k < t->n_evidence; k++) {
            sb_adds(out, k ? ", " : "");
            html_escapes(out, t->evidence[k]);
        }
        sb_adds(out, "</td></tr>\n");
    }
    sb_adds(out, "</table>\n");
}

void html_document(strbuf_t *out, const char *title, const char *text, size_t len,
                   const tagger_result_t *r, const tagger_json_options_t *opt)
{
    sb_adds(out, "<article>\n<h2>");
    html_escapes(out, title);
    sb_adds(out, "</h2>\n");
    if (!(opt->flags & TAGGER_JSON_NO_MENTIONS)) {
        write_texts(out, text, len, r, opt);
    }
    write_entities(out, r, opt);
    write_topics(out, r, opt);
    sb_adds(out, "</article>\n");
}

void html_error(strbuf_t *out, const char *title, const char *message)
{
    sb_adds(out, "<article>\n<h2>");
    html_escapes(out, title);
    sb_adds(out, "</h2>\n<p class=\"error\">not tagged: ");
    html_escapes(out, message);
    sb_adds(out, "</p>\n</article>\n");
}
