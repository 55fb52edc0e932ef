/*
 * builtin.S - the gazetteers built into the library, linked in as read-only
 * data with the assembler's .incbin, so the tagger works with no files
 * beside it.  Paths are relative to the repository root, where make runs.
 * tg_builtin_sources() in builtin.c lists them.
 */
    .section .rodata
    .balign 16

    .globl tg_builtin_countries
    .hidden tg_builtin_countries
tg_builtin_countries:
    .incbin "gazetteers/countries.tsv"
    .globl tg_builtin_countries_end
    .hidden tg_builtin_countries_end
tg_builtin_countries_end:
    .byte 0

    .section .note.GNU-stack, "", @progbits
