# fuzz.mk - libFuzzer targets (included by the Makefile).
#
#   make fuzz FUZZ_SECONDS=N   build every target, run each for N seconds (60)
#   make fuzz-build            build them only (build/fuzz/fuzz_*)
#
# Targets: annotate (built-in model), jsonl (the --jsonl record module),
# gazetteer and gazetteer_builtin (TSV loader alone / after the built-ins),
# topic_model (text model parser), model_file (compiled model loader).
# Needs clang with libFuzzer (scripts/ensure-deps --fuzz).  The library is
# built a second time under build/fuzz with clang, coverage instrumentation,
# AddressSanitizer and UndefinedBehaviorSanitizer.  Each target starts from
# its seeds in tests/fuzz/corpus/<target>/ and the bad-input corpus
# tests/data/bad/ (both read only); what it learns goes to
# build/fuzz/corpus/<target>/, a finding to build/fuzz/findings/.  Targets
# run one after the other, one process each.

FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS = -g -O1 -fno-omit-frame-pointer $(FUZZ_SAN)
FUZZ_TARGETS = annotate jsonl gazetteer gazetteer_builtin topic_model model_file
FB = build/fuzz
# Longest input tried: a long article for annotate and jsonl, a small
# compiled model (5 KB seeds) for model_file, some gazetteer or model lines
# for the text loaders.
FUZZ_MAX_LEN_TEXT = 16384
FUZZ_MAX_LEN = 4096

# The sub-make that builds the instrumented library has B = build/fuzz and
# must not see these rules again.
ifneq ($(B),$(FB))

$(FB)/.fuzz-deps-ok: scripts/ensure-deps
	@mkdir -p $(FB)
	@./scripts/ensure-deps --fuzz
	@touch $@

# The library objects, instrumented (a recursive make into build/fuzz).
$(FB)/libtagger.a: $(LIB_SRC) tagger/*.h tagger/builtin.S include/tagger.h $(BUILTIN_DATA) \
                   | $(FB)/.fuzz-deps-ok
	$(MAKE) B=$(FB) CC=$(FUZZ_CC) CFLAGS="$(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link" \
	    $(FB)/libtagger.a

$(FB)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_check.c tests/fuzz/fuzz_check.h \
              $(FB)/libtagger.a
	$(FUZZ_CC) $(CPPFLAGS) -std=c99 -Iinclude -Itests/fuzz $(WARNINGS) $(DEP_CFLAGS) \
	    $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< tests/fuzz/fuzz_check.c $(FB)/libtagger.a \
	    $(DEP_LIBS)

$(FB)/fuzz_gazetteer_builtin: tests/fuzz/fuzz_gazetteer.c

# The compiled model target reads the library's private model_file.h (to
# re-sign mutated files); its seeds are compiled models that the tagger
# itself writes, so they always follow the current format.
$(FB)/fuzz_model_file: tests/fuzz/fuzz_model_file.c tests/fuzz/fuzz_check.c \
                       tests/fuzz/fuzz_check.h tagger/model_file.h $(FB)/libtagger.a \
                       $(FB)/seeds/model_file/with-topics.tgm
	$(FUZZ_CC) $(CPPFLAGS) -std=c99 -Iinclude -Itests/fuzz -Itagger $(WARNINGS) $(DEP_CFLAGS) \
	    $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< tests/fuzz/fuzz_check.c $(FB)/libtagger.a \
	    $(DEP_LIBS)

$(FB)/seeds/model_file/with-topics.tgm: $(B)/tagger tests/fuzz/corpus/gazetteer/mixed.tsv \
                                        tests/fuzz/corpus/topic_model/small.model
	@mkdir -p $(FB)/seeds/model_file
	$(B)/tagger compile -q -o $(FB)/seeds/model_file/gazetteer.tgm \
	    tests/fuzz/corpus/gazetteer/mixed.tsv
	{ printf 'tagger-topic-model\t1\n'; cat tests/fuzz/corpus/topic_model/small.model; } \
	    >$(FB)/seeds/small.model
	$(B)/tagger compile -q -o $@ tests/fuzz/corpus/gazetteer/mixed.tsv $(FB)/seeds/small.model

# The JSON Lines target also takes the CLI's record module (as check_tagger).
$(FB)/fuzz_jsonl: tests/fuzz/fuzz_jsonl.c tests/fuzz/fuzz_check.c tests/fuzz/fuzz_check.h \
                  $(CLI_TESTED_SRC) tagger/cli/*.h $(FB)/libtagger.a
	$(FUZZ_CC) $(CPPFLAGS) -std=c99 -Iinclude -Itests/fuzz -Itagger/cli $(WARNINGS) $(DEP_CFLAGS) \
	    $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< tests/fuzz/fuzz_check.c $(CLI_TESTED_SRC) \
	    $(FB)/libtagger.a $(DEP_LIBS)

fuzz-build: $(FUZZ_TARGETS:%=$(FB)/fuzz_%)

# Each target in turn; -print_final_stats gives the executions in the log,
# -timeout=60 makes an input that runs a minute a finding (a hang).
fuzz: fuzz-build
	@mkdir -p $(FB)/findings
	@for t in $(FUZZ_TARGETS); do \
	    mkdir -p $(FB)/corpus/$$t; \
	    dict=; [ -f tests/fuzz/$$t.dict ] && dict=-dict=tests/fuzz/$$t.dict; \
	    max=$(FUZZ_MAX_LEN); case $$t in annotate|jsonl|model_file) max=$(FUZZ_MAX_LEN_TEXT);; esac; \
	    seeds=; [ -d $(FB)/seeds/$$t ] && seeds=$(FB)/seeds/$$t; \
	    echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	    $(FB)/fuzz_$$t $$dict -max_len=$$max -max_total_time=$(FUZZ_SECONDS) -timeout=60 \
	        -print_final_stats=1 -artifact_prefix=$(FB)/findings/$$t- \
	        $(FB)/corpus/$$t tests/fuzz/corpus/$$t $$seeds tests/data/bad \
	        >$(FB)/$$t.log 2>&1; \
	    st=$$?; \
	    grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' $(FB)/$$t.log | \
	        sed "s/^/fuzz: $$t /"; \
	    if [ $$st -ne 0 ]; then \
	        echo "fuzz: $$t FAILED (exit $$st), see $(FB)/$$t.log and $(FB)/findings/"; \
	        tail -40 $(FB)/$$t.log; exit 1; \
	    fi; \
	done; echo "fuzz: every target ran $(FUZZ_SECONDS) s without a finding"

.PHONY: fuzz fuzz-build
endif
