/*
 * layout.h - where each line of a document stands: article body, title,
 * page furniture or a menu.
 */
#ifndef TG_LAYOUT_H
#define TG_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
    TG_ZONE_BODY = 0,      /* the article's running text */
    TG_ZONE_TITLE = 1,     /* headline, dateline, byline just before the body */
    TG_ZONE_FURNITURE = 2, /* headline lists, sidebars, boilerplate around it */
    TG_ZONE_MENU = 3       /* a long run of bare names: language or site menus */
} tg_zone_t;

typedef struct {
    uint32_t start, end; /* bytes of the line, without its newline */
    uint8_t zone;
} tg_line_t;

typedef struct {
    tg_line_t *lines;
    size_t n_lines, cap;
    uint32_t main_start, main_end; /* title and body together */
    uint32_t dateline_end; /* the end of a dateline opening the body's first line, or 0 */
    bool ascii; /* no byte beyond ASCII in the text (false may also mean unsure) */
} tg_layout_t;

/* What a line is, from the shape of its words (layout.c says how). */
typedef enum {
    TG_LINE_EMPTY,
    TG_LINE_PROSE,
    TG_LINE_MENU,
    TG_LINE_HEADLINE,
    TG_LINE_OTHER
} tg_line_kind_t;

/* Splits @p text into lines at each newline (the text after the last one
 * is a line too, if empty) and sets each line's zone field to its
 * tg_line_kind_t, the first step of tg_layout_analyze; sets ascii.  Returns 0 or
 * TAGGER_ERR_NOMEM.  Reuses the buffers of @p lay. */
int tg_layout_lines(tg_layout_t *lay, const char *text, size_t len);

/* Splits @p text into lines and gives each a zone.  Returns 0 or
 * TAGGER_ERR_NOMEM.  Reuses the buffers of @p lay. */
int tg_layout_analyze(tg_layout_t *lay, const char *text, size_t len);

/* Frees the buffers of @p lay. */
void tg_layout_free(tg_layout_t *lay);

/* Zone at byte @p off: its line's, but for a dateline opening the body's
 * first line ("WASHINGTON (AP) — "), which is the title's.  @p cursor
 * (start at 0) makes increasing offsets cheap; any offset order is
 * correct. */
tg_zone_t tg_layout_zone(const tg_layout_t *lay, size_t *cursor, size_t off);

#endif /* TG_LAYOUT_H */
