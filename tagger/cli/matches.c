/*
 * matches.c - --all-matches (see matches.h).
 *
 * What a matcher like flashtext gives, with our matching rules: whole
 * words, normalised text, each alias's case rule.  Nothing is resolved:
 * "North Korea" and "Korea" inside it are both there, and "Georgia" once
 * for the country and once for the US state, each with "candidates": 2.
 * So no recognized names, relevance, facets nor topics either.
 */
#include "matches.h"

#include <string.h>

#include "formats.h"

typedef struct {
    strbuf_t *out;
    bool tsv;
    const char *text;
    const char *id;
    size_t id_len;
    const tagger_json_options_t *opt;
    size_t n; /* candidates written */
} writer_t;

static void write_tsv(writer_t *w, const tagger_match_t *m, const tagger_json_segment_t *seg)
{
    size_t base = seg ? seg->start : 0;
    strbuf_t *out = w->out;
    tsv_escape(out, w->id, w->id_len);
    sb_addc(out, '\t');
    sb_adds(out, tagger_kind_name(m->kind));
    sb_addc(out, '\t');
    tsv_escape(out, m->name, strlen(m->name));
    sb_addc(out, '\t');
    tsv_escape(out, m->id ? m->id : "", m->id ? strlen(m->id) : 0);
    sb_addf(out, "\t%zu\t%zu\t", m->start - base, m->end - base);
    tsv_escape(out, w->text + m->start, m->end - m->start);
    if (w->opt->n_segments) {
        sb_addc(out, '\t');
        if (seg) {
            tsv_escape(out, seg->field, strlen(seg->field));
        }
    }
    sb_addc(out, '\n');
}

static void write_json(writer_t *w, const tagger_match_t *m, const tagger_json_segment_t *seg)
{
    size_t base = seg ? seg->start : 0, char_base = seg ? seg->char_start : 0;
    strbuf_t *out = w->out;
    sb_adds(out, w->n ? ",{\"type\":\"" : "{\"type\":\"");
    sb_adds(out, tagger_kind_name(m->kind));
    sb_adds(out, "\",\"name\":");
    sb_add_json_string(out, m->name, strlen(m->name), true);
    sb_adds(out, ",\"id\":");
    sb_add_json_string(out, m->id ? m->id : "", m->id ? strlen(m->id) : 0, true);
    sb_adds(out, ",\"text\":");
    sb_add_json_string(out, w->text + m->start, m->end - m->start, true);
    if (seg) {
        sb_adds(out, ",\"field\":");
        sb_add_json_string(out, seg->field, strlen(seg->field), true);
    }
    sb_addf(out, ",\"start\":%zu,\"end\":%zu,\"char_start\":%zu,\"char_end\":%zu",
            m->start - base, m->end - base, m->char_start - char_base, m->char_end - char_base);
    if (m->via == TAGGER_VIA_DEMONYM) {
        sb_adds(out, ",\"via\":\"demonym\"");
    }
    if (m->n_candidates > 1) {
        sb_addf(out, ",\"candidates\":%u", m->n_candidates);
    }
    sb_addc(out, '}');
}

static int on_match(const tagger_match_t *m, void *ctx)
{
    writer_t *w = ctx;
    if (w->opt->kinds && !(w->opt->kinds & (1u << m->kind))) {
        return 0;
    }
    const tagger_json_segment_t *seg = format_segment_of(w->opt, m->start);
    if (w->tsv) {
        write_tsv(w, m, seg);
    } else {
        write_json(w, m, seg);
    }
    w->n++;
    return 0;
}

int matches_write(strbuf_t *out, bool tsv, const tagger_t *tg, tagger_scratch_t *s,
                  const char *text, size_t len, const char *id, size_t id_len,
                  const tagger_json_options_t *opt)
{
    writer_t w = {out, tsv, text, id, id_len, opt, 0};
    if (!tsv) {
        sb_addc(out, '[');
    }
    int rc = tagger_scan(tg, s, text, len, TAGGER_SCAN_ALL, on_match, &w);
    if (!tsv) {
        sb_addc(out, ']');
    }
    return rc;
}
