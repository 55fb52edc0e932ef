/*
 * builtin_model.S - the compiled default model, build/default.tgm, linked
 * in as read-only data with .incbin and used in place by
 * tagger_load_default(), so `tagger article.txt` starts in milliseconds.
 *
 * The Makefile compiles build/default.tgm from the built-in gazetteers with
 * a bootstrap tagger, which links this file assembled with -DTG_NO_MODEL:
 * an empty model (tg_builtin_model() returns 0) instead of the one it is
 * about to make.  The path (TG_MODEL_PATH, from the Makefile's build
 * directory) is relative to the repository root, where make runs.  Aligned to 64 bytes: the model's arrays are read in place.
 */
    .section .rodata
    .globl tg_default_model
    .hidden tg_default_model
    .balign 64
tg_default_model:
#ifndef TG_NO_MODEL
#ifndef TG_MODEL_PATH
#define TG_MODEL_PATH "build/default.tgm"
#endif
    .incbin TG_MODEL_PATH
#endif
    .globl tg_default_model_end
    .hidden tg_default_model_end
tg_default_model_end:
    .byte 0

    .section .note.GNU-stack, "", @progbits
