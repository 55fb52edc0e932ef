/*
 * builtin.S - the gazetteers and the topic model built into the library, linked in as read-only
 * data with the assembler's .incbin, so the tagger works with no files
 * beside it.  Paths are relative to the repository root, where make runs.
 * tg_builtin_sources() in builtin.c lists them, in loading order.
 */
#define GAZETTEER(sym, path)      \
    .globl sym;                   \
    .hidden sym;                  \
    .balign 16;                   \
sym:                              \
    .incbin path;                 \
    .globl sym##_end;             \
    .hidden sym##_end;            \
sym##_end:                        \
    .byte 0

    .section .rodata
    GAZETTEER(tg_builtin_countries, "gazetteers/countries.tsv")
    GAZETTEER(tg_builtin_historical, "gazetteers/historical.tsv")
    GAZETTEER(tg_builtin_places, "gazetteers/places.tsv")
    GAZETTEER(tg_builtin_people, "gazetteers/people.tsv")
    GAZETTEER(tg_builtin_orgs, "gazetteers/orgs.tsv")
    GAZETTEER(tg_builtin_topics, "models/topics.model")
    GAZETTEER(tg_builtin_names, "models/names.model")

    .section .note.GNU-stack, "", @progbits
