/**
 * @file tagger.h
 * @brief libtagger: named entities and topics in news text.
 *
 * This header is the library's only public interface and its reference
 * manual.  The model is used in two steps, after Hyperscan's database /
 * scratch / callback triple:
 *
 *  1. **Compile** gazetteers (TSV files, see gazetteers/README.md) into a
 *     read-only ::tagger_t with tagger_compile().  A compiled tagger never
 *     changes afterwards, so any number of threads may share it.
 *  2. **Scan** texts with it.  Each thread owns a ::tagger_scratch_t (working
 *     memory, reused from text to text).  tagger_scan() reports raw matches
 *     through a callback; tagger_annotate() collects them into a result
 *     (entities with mentions and relevance) that tagger_result_json() prints.
 *
 * Offsets always refer to the caller's original bytes, never to the
 * normalised copy the matcher works on.  Byte offsets are UTF-8 byte
 * positions; character offsets count Unicode code points, and each byte of
 * an invalid UTF-8 sequence counts as one character (as if replaced by
 * U+FFFD).
 *
 * Every function that can fail returns an `int` status: ::TAGGER_OK or a
 * negative `TAGGER_ERR_*` value.  The library never prints, never exits and
 * keeps no pointer to caller input after a call returns.
 */
#ifndef TAGGER_H
#define TAGGER_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(TAGGER_BUILDING) && defined(__GNUC__)
#define TAGGER_API __attribute__((visibility("default")))
#else
#define TAGGER_API
#endif

/** @name Versions
 * API version of this header; tagger_version() gives the library's.  The
 * shared library's ABI number (soname) is kept apart, in the Makefile. @{ */
#define TAGGER_VERSION_MAJOR 0
#define TAGGER_VERSION_MINOR 1
#define TAGGER_VERSION_PATCH 0
/** @} */

/** Status codes returned by every `int` function. */
enum {
    TAGGER_OK = 0,
    TAGGER_ERR_NOMEM = -1,   /**< out of memory; nothing was changed */
    TAGGER_ERR_IO = -2,      /**< a file could not be read or written */
    TAGGER_ERR_SYNTAX = -3,  /**< bad line in a gazetteer or model */
    TAGGER_ERR_UTF8 = -4,    /**< text is not valid UTF-8 */
    TAGGER_ERR_FORMAT = -5,  /**< not a compiled model, or a damaged one */
    TAGGER_ERR_VERSION = -6, /**< compiled by an incompatible format version */
    TAGGER_ERR_STOPPED = -7, /**< the match callback asked to stop */
    TAGGER_ERR_MISUSE = -8   /**< bad argument, foreign scratch, ... */
};

/** Entity types.  Values are stable; more may be added. */
typedef enum {
    TAGGER_KIND_PERSON = 1,
    TAGGER_KIND_COUNTRY = 2,
    TAGGER_KIND_PLACE = 3,
    TAGGER_KIND_ORG = 4
} tagger_kind_t;

/** How a mention names its entity. */
typedef enum {
    TAGGER_VIA_NAME = 0,    /**< a name or alias of the entity itself */
    TAGGER_VIA_DEMONYM = 1, /**< a demonym: "North Korean" for North Korea */
    TAGGER_VIA_SHORT = 2,   /**< a short form of a name the text gave in full
                                 earlier: "Kim" after "Kim Jong Un" */
    TAGGER_VIA_PLACE = 3    /**< a place in the country: "Pyongyang" for
                                 North Korea */
} tagger_via_t;

typedef struct tagger tagger_t;                 /**< compiled model, read-only */
typedef struct tagger_scratch tagger_scratch_t; /**< per-thread working memory */
typedef struct tagger_result tagger_result_t;   /**< annotation of one text */

/** Library version as "MAJOR.MINOR.PATCH"; static storage. */
TAGGER_API const char *tagger_version(void);

/** Fixed English text for a status code; static storage, never NULL. */
TAGGER_API const char *tagger_strerror(int status);

/** Type name as used in output and gazetteers ("PERSON", "COUNTRY", ...);
 * NULL for a value that is not a ::tagger_kind_t. */
TAGGER_API const char *tagger_kind_name(tagger_kind_t kind);

/** Parses a type name ("COUNTRY"; exact case).  Returns the kind, or 0 when
 * @p name is not a type name. */
TAGGER_API int tagger_kind_parse(const char *name);

/* ------------------------------------------------------------------------ */
/** @name Compiling gazetteers @{ */

/** One source: a gazetteer (TSV), a topic model (text; its first line is
 * `tagger-topic-model<TAB>2` or `<TAB>1`, models/README.md) or a name
 * recognizer's model (first line `tagger-name-model<TAB>2` or `<TAB>1`; a
 * later one replaces the built-in).  A model of format version 2 must end
 * with its `end` line (TAGGER_ERR_SYNTAX otherwise).  With @p data NULL the file
 * at @p path is read; otherwise @p data holds @p len bytes and @p path only
 * names it in messages. */
typedef struct {
    const char *path;
    const char *data;
    size_t len;
} tagger_source_t;

/** A diagnostic from tagger_compile(): one per bad line, or one for the
 * failure that stopped the compile.  A list linked through @p next; the
 * caller frees the whole list with tagger_error_free(). */
typedef struct tagger_error {
    char *message;             /**< "field 2 (type): unknown type 'CITY'" */
    char *path;                /**< source path, or NULL */
    long line;                 /**< 1-based line number, or 0 */
    struct tagger_error *next; /**< next diagnostic, or NULL */
} tagger_error_t;

/** tagger_compile() flag: also compile the gazetteers and the topic model
 * built into the library, before the given sources. */
#define TAGGER_COMPILE_BUILTIN 1u



/**
 * Compiles gazetteers into a tagger.
 *
 * Sources are read in order.  An entity whose id and type were already
 * defined by an earlier source gains the later source's aliases (so a user
 * file can add aliases to a built-in country); the same id twice in one
 * source is a bad line.
 *
 * A bad gazetteer line is skipped and reported; the compile goes on.  So on
 * success (::TAGGER_OK) @p *err may still list skipped lines.  A topic model
 * is taken whole or not at all: a bad line in one fails the compile with
 * ::TAGGER_ERR_SYNTAX, every bad line reported.  A topic model source
 * replaces the built-in one; two of them are a usage error.  On failure (a
 * source that cannot be read, a bad model, out of memory) @p *out is NULL and
 * @p *err says why.
 *
 * @param src    sources, may be NULL when @p n_src is 0
 * @param n_src  number of sources
 * @param flags  0 or ::TAGGER_COMPILE_BUILTIN
 * @param out    receives the tagger, freed with tagger_free(); NULL on error
 * @param err    receives diagnostics or NULL; may itself be NULL to ignore
 *               them.  Freed with tagger_error_free().
 * @return ::TAGGER_OK, ::TAGGER_ERR_IO, ::TAGGER_ERR_SYNTAX,
 *         ::TAGGER_ERR_NOMEM or ::TAGGER_ERR_MISUSE
 */
TAGGER_API int tagger_compile(const tagger_source_t *src, size_t n_src, unsigned flags,
                              tagger_t **out, tagger_error_t **err);

/** Frees a diagnostic list from tagger_compile(); accepts NULL. */
TAGGER_API void tagger_error_free(tagger_error_t *err);

/** Frees a tagger (compiled or loaded; a loaded file is unmapped); accepts
 * NULL.  No scratch or result made from it may be used afterwards. */
TAGGER_API void tagger_free(tagger_t *tg);

/**
 * Writes a tagger to @p path as a compiled model file (flat arrays with a
 * header, format version and checksum), which tagger_load() maps and uses
 * in place.  The file is written under a temporary name and renamed, so a
 * process mapping the old file never sees a half-written one.
 * @param err receives diagnostics or NULL; may itself be NULL
 * @return ::TAGGER_OK, ::TAGGER_ERR_IO, ::TAGGER_ERR_NOMEM or
 *         ::TAGGER_ERR_MISUSE
 * @since 0.2
 */
TAGGER_API int tagger_save(const tagger_t *tg, const char *path, tagger_error_t **err);

/**
 * Loads a compiled model file written by tagger_save(): the file is
 * memory-mapped read-only and used in place, with no parsing and no
 * per-entry allocation.  The header, size, checksum and every index are
 * checked first, so a damaged, truncated or foreign file is refused with a
 * diagnostic naming @p path and what is wrong, never a crash.
 * @param out receives the tagger, freed with tagger_free(); NULL on error
 * @param err receives diagnostics or NULL; may itself be NULL
 * @return ::TAGGER_OK, ::TAGGER_ERR_IO (cannot open or map),
 *         ::TAGGER_ERR_FORMAT (not a model, damaged, truncated),
 *         ::TAGGER_ERR_VERSION (another format version), ::TAGGER_ERR_NOMEM
 *         or ::TAGGER_ERR_MISUSE
 * @since 0.2
 */
TAGGER_API int tagger_load(const char *path, tagger_t **out, tagger_error_t **err);

/**
 * Like tagger_load(), over @p len bytes of a compiled model in memory.
 * The bytes are used in place, not copied: they must be 8-byte aligned and
 * stay unchanged until tagger_free().
 * @since 0.2
 */
TAGGER_API int tagger_load_memory(const void *data, size_t len, tagger_t **out,
                                  tagger_error_t **err);

/**
 * Loads the default model compiled into the library at build time (the
 * built-in gazetteers, as tagger_compile() with ::TAGGER_COMPILE_BUILTIN
 * and no sources would build them), in about a millisecond.
 * @return as tagger_load_memory(); ::TAGGER_ERR_FORMAT when the library was
 *         built without one
 * @since 0.2
 */
TAGGER_API int tagger_load_default(tagger_t **out, tagger_error_t **err);

/** Number of entities in a compiled tagger. */
TAGGER_API size_t tagger_n_entities(const tagger_t *tg);

/** Number of alias records in a compiled tagger: distinct (normalised alias,
 * entity, case rule) triples. */
TAGGER_API size_t tagger_n_aliases(const tagger_t *tg);

/** Number of topics of the tagger's topic model (0 without one). */
TAGGER_API size_t tagger_n_topics(const tagger_t *tg);

/** Id (qcode) of the model's topic @p i, or NULL when out of range. */
TAGGER_API const char *tagger_topic_id(const tagger_t *tg, size_t i);

/** @} */
/* ------------------------------------------------------------------------ */
/** @name Scanning @{ */

/**
 * Allocates working memory for scanning with @p tg.  One scratch serves one
 * thread at a time; it grows to the largest text seen and is reused.
 * @return ::TAGGER_OK, ::TAGGER_ERR_NOMEM or ::TAGGER_ERR_MISUSE; @p *out is
 *         NULL on error.
 */
TAGGER_API int tagger_scratch_new(const tagger_t *tg, tagger_scratch_t **out);

/** Frees a scratch; accepts NULL. */
TAGGER_API void tagger_scratch_free(tagger_scratch_t *s);

/** tagger_scratch_set_options() flag: annotate without scoring topics, which
 * saves their time when they are not wanted. */
#define TAGGER_SCRATCH_NO_TOPICS 1u

/** tagger_scratch_set_options() flag: only gazetteer entities, no recognized
 * names (faster; see tagger_entity_t.source). */
#define TAGGER_SCRATCH_NO_RECOGNIZE 2u

/** Sets the options of the annotations made with @p s (0 by default). */
TAGGER_API void tagger_scratch_set_options(tagger_scratch_t *s, unsigned options);

/** One match, valid only during the callback. */
typedef struct {
    size_t start, end;           /**< bytes of the caller's text, [start, end) */
    size_t char_start, char_end; /**< the same span in code points */
    tagger_kind_t kind;
    tagger_via_t via;
    unsigned entity;       /**< index of the entity in the tagger, < tagger_n_entities() */
    unsigned n_candidates; /**< entities this span could name; > 1: ambiguous, and
                              each candidate is reported in turn */
    const char *id;        /**< entity id ("KP"); borrowed from the tagger */
    const char *name;      /**< canonical name; borrowed from the tagger */
} tagger_match_t;

/** Match callback: return 0 to go on, nonzero to stop the scan. */
typedef int (*tagger_match_fn)(const tagger_match_t *m, void *ctx);

/** tagger_scan() flag: report every candidate (nested, overlapping, at every
 * word start) instead of leftmost-longest non-overlapping matches. */
#define TAGGER_SCAN_ALL 1u

/**
 * Finds gazetteer names in @p text.
 *
 * Matching is on normalised text (NFKC, case folding, diacritics removed,
 * typographic apostrophes and dashes unified, runs of white space as one
 * space), whole words only (Unicode categories), then each alias's case
 * rule is checked on the original text.  By default matches are
 * leftmost-longest and do not overlap; a possessive "'s" is never part of
 * one.  Invalid UTF-8 bytes separate words and never match.
 *
 * The callback must not use @p s.  Matches come in increasing start order.
 *
 * @return ::TAGGER_OK, ::TAGGER_ERR_STOPPED when the callback stopped the
 *         scan, ::TAGGER_ERR_NOMEM or ::TAGGER_ERR_MISUSE
 */
TAGGER_API int tagger_scan(const tagger_t *tg, tagger_scratch_t *s, const char *text,
                           size_t len, unsigned flags, tagger_match_fn on_match, void *ctx);

/** @} */
/* ------------------------------------------------------------------------ */
/** @name Annotating @{ */

/** One mention of an entity in a result. */
typedef struct {
    size_t start, end;           /**< bytes, [start, end) */
    size_t char_start, char_end; /**< code points */
    tagger_via_t via;
    const char *text; /**< the input's bytes at [start, end), NUL-terminated;
                         owned by the result */
} tagger_mention_t;

/** Where an entity of a result comes from.  Since 0.1. */
typedef enum {
    TAGGER_SOURCE_GAZETTEER = 0, /**< a gazetteer entry: it has an id */
    TAGGER_SOURCE_RECOGNIZED = 1 /**< a name no gazetteer lists, recognized from
                                      its context (models/names.model): no id */
} tagger_entity_source_t;

/** One entity of a result.  Pointers live as long as the result (and the
 * tagger it came from). */
typedef struct {
    tagger_kind_t kind;
    const char *id;       /**< stable id; NULL for a recognized entity */
    const char *name;
    const char *wikidata; /**< QID, or NULL */
    const char *country;  /**< ISO alpha-2 of the country it belongs to, or NULL */
    double relevance;     /**< in [0, 1] */
    size_t n_mentions;
    const tagger_mention_t *mentions; /**< in text order */
    tagger_entity_source_t source;    /**< gazetteer or recognized */
} tagger_entity_t;

/**
 * Annotates one text: finds the entities it mentions, resolves ambiguous
 * names from the rest of the text (or leaves them out), groups mentions per
 * entity and scores each entity's relevance.
 *
 * @param out receives the result, freed with tagger_result_free(); NULL on
 *            error.  The result keeps no pointer to @p text.
 * @return ::TAGGER_OK, ::TAGGER_ERR_NOMEM or ::TAGGER_ERR_MISUSE.  Invalid
 *         UTF-8 is not an error: the bad bytes separate words and the result
 *         counts them (tagger_result_n_invalid()).
 */
TAGGER_API int tagger_annotate(const tagger_t *tg, tagger_scratch_t *s, const char *text,
                               size_t len, tagger_result_t **out);

/** Number of entities, in decreasing relevance. */
TAGGER_API size_t tagger_result_n_entities(const tagger_result_t *r);

/** Entity @p i (< tagger_result_n_entities()), or NULL when out of range. */
TAGGER_API const tagger_entity_t *tagger_result_entity(const tagger_result_t *r, size_t i);

/** A topic the text is about (an IPTC Media Topic with the default model).
 * Pointers live as long as the result (and the tagger it came from). */
typedef struct {
    const char *id;    /**< "medtop:20000638" */
    const char *label; /**< "international relations" */
    size_t depth;      /**< 0 for a top-level topic */
    const char *const *path; /**< labels from the top level down to this
                                  topic: depth + 1 of them */
    double score;      /**< in [0, 1] */
    size_t n_evidence;
    const char *const *evidence; /**< the input text of the words, phrases and
                                      entities that contributed most, best first */
    int below_threshold; /**< 1: no topic reached the model's threshold, and
                              this, the best scored, is reported alone as a
                              guess (it has evidence); facets leave it out */
} tagger_topic_t;

/** Number of topics reported: those above the model's threshold, or when
 * none is, the best scored alone if some word or entity of the text speaks
 * for it (tagger_topic_t.below_threshold), so that a text the model knows
 * anything of has a topic.  They come by branch (the best score under a
 * top-level topic), most specific first within one, then by score:
 * "international relations" before "politics and government". */
TAGGER_API size_t tagger_result_n_topics(const tagger_result_t *r);

/** Topic @p i (< tagger_result_n_topics()), or NULL when out of range. */
TAGGER_API const tagger_topic_t *tagger_result_topic(const tagger_result_t *r, size_t i);

/** Score of the model's topic number @p topic (< tagger_n_topics()), above
 * the threshold or not; 0 when out of range. */
TAGGER_API double tagger_result_topic_score(const tagger_result_t *r, size_t topic);

/** Number of invalid UTF-8 bytes found in the text. */
TAGGER_API size_t tagger_result_n_invalid(const tagger_result_t *r);

/** Byte offset of the first invalid UTF-8 byte; meaningful only when
 * tagger_result_n_invalid() > 0. */
TAGGER_API size_t tagger_result_first_invalid(const tagger_result_t *r);

/** Frees a result; accepts NULL. */
TAGGER_API void tagger_result_free(tagger_result_t *r);

/** One part of a text made by joining several fields (a record's title
 * and body): where the field starts in the joined text.  Since 0.1. */
typedef struct {
    const char *field; /**< name printed as a mention's "field" */
    size_t start;      /**< byte offset of the field in the joined text */
    size_t char_start; /**< the same offset in code points */
} tagger_json_segment_t;

/** Options for tagger_result_json(); set defaults with
 * tagger_json_options_init(). */
typedef struct {
    const char *id;         /**< value of the "id" member; NULL leaves it out */
    unsigned flags;         /**< TAGGER_JSON_* */
    double facet_threshold; /**< facets hold entities with relevance >= this */
    double min_relevance;   /**< entities below this are left out altogether */
    unsigned kinds;         /**< bit (1u << kind) per type to keep; 0 keeps all */
    unsigned max_topics;    /**< most topics written; 0 writes none */
    /** Segments of a joined text, in increasing @c start, the first at 0; or
     * NULL.  When given, each mention gets a "field" (the segment its start
     * falls in) and its offsets become relative to that segment. */
    const tagger_json_segment_t *segments;
    size_t n_segments;
} tagger_json_options_t;

#define TAGGER_JSON_PRETTY 1u      /**< indented, several lines */
#define TAGGER_JSON_NO_MENTIONS 2u /**< leave out each entity's "mentions" */

/** Default facet threshold (see docs/tagger.1). */
#define TAGGER_FACET_THRESHOLD 0.40

/** Default of tagger_json_options_t.max_topics. */
#define TAGGER_MAX_TOPICS 3

/** Sets @p opt to the defaults: no id, compact, ::TAGGER_FACET_THRESHOLD,
 * no minimum relevance, all types, ::TAGGER_MAX_TOPICS. */
TAGGER_API void tagger_json_options_init(tagger_json_options_t *opt);

/**
 * Writes a result as one JSON object (format in SPEC.md and docs/tagger.1).
 * @param opt options, or NULL for the defaults
 * @param out receives a NUL-terminated string, freed with tagger_string_free();
 *            compact output holds no newline.  NULL on error.
 * @return ::TAGGER_OK, ::TAGGER_ERR_NOMEM or ::TAGGER_ERR_MISUSE
 */
TAGGER_API int tagger_result_json(const tagger_result_t *r, const tagger_json_options_t *opt,
                                  char **out);

/** Frees a string returned by the library; accepts NULL. */
TAGGER_API void tagger_string_free(char *s);

/** @} */

/* ------------------------------------------------------------------------ */
/** @name Training a topic model @{ */

/** One labelled document. */
typedef struct {
    const char *text;
    size_t len;
    const char *const *labels; /**< topic ids ("medtop:20000638") */
    size_t n_labels;
} tagger_train_doc_t;

/** Options for tagger_train(); set defaults with tagger_train_options_init(). */
typedef struct {
    const char *taxonomy;      /**< TSV: id, parent id or '-', label[, definition]
                                    (models/taxonomy.tsv); NULL: every label is a
                                    top-level topic named by its id */
    size_t taxonomy_len;
    const char *taxonomy_path; /**< names the taxonomy in messages */
    unsigned features_per_topic; /**< weights kept per topic (300) */
    unsigned min_df;           /**< documents a feature must occur in (3) */
    double max_df_share;       /**< share of the documents a feature may occur
                                    in at most (0.2): commoner words are left
                                    out, and the word pairs they start */
    unsigned epochs;           /**< passes of gradient descent (20) */
    double l2;                 /**< L2 penalty per example (1e-6) */
    double rate;               /**< initial learning rate (0.5) */
    unsigned long seed;        /**< of the shuffles (1) */
    double prior_weight;       /**< share of each topic's learned bias kept, the
                                    rest being the mean bias of all topics (0.25):
                                    below 1, the label mix of the training data
                                    weighs less on texts with little evidence */
    const char *const *stop_words; /**< words that are no feature, alone or in a
                                    word pair, normalised as the text is ("its",
                                    "said": words common to every kind of text
                                    say more about a source's style than about
                                    the topic); NULL: none */
    size_t n_stop_words;
    int entity_ids;            /**< 1: also learn weights for the entities
                                    themselves ("@KP"), not only for how many
                                    countries, people and organizations a text
                                    is about (0): which entities a source names
                                    says more about the source than about the
                                    topic (Reuters' datelines made Seoul a sign
                                    of economy), and scored out of the sources
                                    trained on, the ids cost accuracy */
} tagger_train_options_t;

/** Sets @p opt to the defaults given in tagger_train_options_t. */
TAGGER_API void tagger_train_options_init(tagger_train_options_t *opt);

/**
 * Learns a topic model from labelled documents: one L2-regularised logistic
 * regression per topic over the words, word pairs and entities of the
 * documents (as @p tg finds them), keeping the strongest weights of each.
 * A document labelled with a topic is also labelled with its ancestors; a
 * document labelled with a topic but with none of its children is left out
 * of the training of those children.  Reproducible: the same documents,
 * options and tagger give the same model.
 *
 * @param model receives the model text (models/README.md), loadable as a
 *              tagger_compile() source; freed with tagger_string_free()
 * @return ::TAGGER_OK, ::TAGGER_ERR_SYNTAX (bad taxonomy line, reported in
 *         @p err), ::TAGGER_ERR_NOMEM or ::TAGGER_ERR_MISUSE (no documents)
 */
TAGGER_API int tagger_train(const tagger_t *tg, const tagger_train_doc_t *docs, size_t n_docs,
                            const tagger_train_options_t *opt, char **model,
                            tagger_error_t **err);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* TAGGER_H */
