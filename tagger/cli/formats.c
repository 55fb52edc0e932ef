/*
 * formats.c - TSV lines, bulk action lines and the formats' names (see
 * formats.h; the HTML page is html_out.c's).
 *
 * TSV columns are fixed so `cut -f` scripts keep working: id, type, name,
 * entity id, start, end, text (+ field in --jsonl mode).  Offsets are UTF-8
 * bytes, like JSON's start/end.  Entities come in relevance order and each
 * entity's mentions in text order, as in the JSON.
 */
#include "formats.h"

#include <string.h>

void tsv_escape(strbuf_t *out, const char *s, size_t len)
{
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        const char *esc = NULL;
        switch (s[i]) {
        case '\\':
            esc = "\\\\";
            break;
        case '\t':
            esc = "\\t";
            break;
        case '\n':
            esc = "\\n";
            break;
        case '\r':
            esc = "\\r";
            break;
        default:
            break;
        }
        if (esc) {
            sb_add(out, s + run, i - run);
            sb_adds(out, esc);
            run = i + 1;
        }
    }
    sb_add(out, s + run, len - run);
}

bool format_entity_wanted(const tagger_entity_t *e, const tagger_json_options_t *opt)
{
    bool kind_ok = opt->kinds == 0 || (opt->kinds & (1u << e->kind)) != 0;
    return kind_ok && e->relevance >= opt->min_relevance;
}

const tagger_json_segment_t *format_segment_of(const tagger_json_options_t *opt, size_t start)
{
    const tagger_json_segment_t *seg = NULL;
    for (size_t i = 0; i < opt->n_segments && opt->segments[i].start <= start; i++) {
        seg = &opt->segments[i];
    }
    return seg;
}

/* id, type, name, entity id and the tab after them. */
static void entity_columns(strbuf_t *out, const char *id, size_t id_len, const tagger_entity_t *e)
{
    tsv_escape(out, id, id_len);
    sb_addc(out, '\t');
    sb_adds(out, tagger_kind_name(e->kind));
    sb_addc(out, '\t');
    tsv_escape(out, e->name, strlen(e->name));
    sb_addc(out, '\t');
    tsv_escape(out, e->id ? e->id : "", e->id ? strlen(e->id) : 0); /* recognized: no id */
    sb_addc(out, '\t');
}

void format_tsv(strbuf_t *out, const char *id, size_t id_len, const tagger_result_t *r,
                const tagger_json_options_t *opt, bool field_column)
{
    size_t n = tagger_result_n_entities(r);
    for (size_t i = 0; i < n; i++) {
        const tagger_entity_t *e = tagger_result_entity(r, i);
        if (!format_entity_wanted(e, opt)) {
            continue;
        }
        if (opt->flags & TAGGER_JSON_NO_MENTIONS) {
            entity_columns(out, id, id_len, e);
            sb_adds(out, field_column ? "\t\t\t\n" : "\t\t\n");
            continue;
        }
        for (size_t k = 0; k < e->n_mentions; k++) {
            const tagger_mention_t *m = &e->mentions[k];
            const tagger_json_segment_t *seg = format_segment_of(opt, m->start);
            size_t base = seg ? seg->start : 0;
            entity_columns(out, id, id_len, e);
            sb_addf(out, "%zu\t%zu\t", m->start - base, m->end - base);
            tsv_escape(out, m->text, strlen(m->text));
            if (field_column) {
                sb_addc(out, '\t');
                if (seg) {
                    tsv_escape(out, seg->field, strlen(seg->field));
                }
            }
            sb_addc(out, '\n');
        }
    }
}

void format_es_action(strbuf_t *out, const char *id, size_t id_len)
{
    if (!id) {
        sb_adds(out, "{\"index\":{}}\n");
        return;
    }
    sb_adds(out, "{\"index\":{\"_id\":");
    sb_add_json_string(out, id, id_len, true);
    sb_adds(out, "}}\n");
}

bool format_parse(const char *name, output_format_t *out)
{
    static const struct {
        const char *name;
        output_format_t format;
    } formats[] = {{"json", FORMAT_JSON},
                   {"tsv", FORMAT_TSV},
                   {"es-bulk", FORMAT_ES_BULK},
                   {"html", FORMAT_HTML}};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        if (strcmp(name, formats[i].name) == 0) {
            *out = formats[i].format;
            return true;
        }
    }
    return false;
}
