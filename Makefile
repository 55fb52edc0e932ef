# tagger - named-entity and topic tagger for news.
#
#   make            build/libtagger.a, build/libtagger.so, build/tagger
#   make demo       tag the example article and print the JSON
#   make check      build and run every test
#   make check-asan      the same tests built with ASan and UBSan (build/asan)
#   make check-valgrind  the CLI tests under valgrind
#   make fuzz       libFuzzer targets, FUZZ_SECONDS each (tests/fuzz/fuzz.mk)
#   make install    PREFIX=/usr/local DESTDIR= (uninstall mirrors it)
#
# Missing dependencies are installed with apt-get when run as root
# (scripts/ensure-deps); otherwise the exact command is printed.

VERSION = 0.1.0
ABI_MAJOR = 0
ABI_VERSION = $(ABI_MAJOR).1.0

PREFIX ?= /usr/local
bindir ?= $(PREFIX)/bin
libdir ?= $(PREFIX)/lib
includedir ?= $(PREFIX)/include
pkgconfigdir ?= $(libdir)/pkgconfig
mandir ?= $(PREFIX)/share/man

CC ?= cc
CFLAGS ?= -O2 -g
PKG_CONFIG ?= pkg-config
INSTALL ?= install

# Flags the build needs whatever the user's CFLAGS say.
WARNINGS = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wwrite-strings -Wcast-qual -Wformat=2 -Wundef
# Recursively expanded: pkg-config runs only after build/.deps-ok exists.
DEP_CFLAGS = $(shell $(PKG_CONFIG) --cflags libutf8proc libcjson)
DEP_LIBS = $(shell $(PKG_CONFIG) --libs libutf8proc libcjson) -lm
CHECK_CFLAGS = $(shell $(PKG_CONFIG) --cflags check)
CHECK_LIBS = $(shell $(PKG_CONFIG) --libs check)
TG_CFLAGS = -std=c99 -fPIC -fvisibility=hidden -DTAGGER_BUILDING -Iinclude -Itagger \
            $(WARNINGS) $(DEP_CFLAGS)

B = build
LIB_SRC = $(wildcard tagger/*.c)
CLI_SRC = $(wildcard tagger/cli/*.c)
# The library without its compiled default model: enough for the bootstrap
# tagger that compiles build/default.tgm from the built-in gazetteers.
CORE_OBJ = $(LIB_SRC:tagger/%.c=$(B)/obj/%.o) $(B)/obj/builtin_data.o
LIB_OBJ = $(CORE_OBJ) $(B)/obj/builtin_model.o
BUILTIN_DATA = gazetteers/countries.tsv gazetteers/historical.tsv gazetteers/places.tsv \
               gazetteers/people.tsv gazetteers/orgs.tsv models/topics.model models/names.model
TEST_SRC = $(wildcard tests/check_*.c)

all: $(B)/libtagger.a $(B)/libtagger.so $(B)/tagger

$(B)/.deps-ok: scripts/ensure-deps
	@mkdir -p $(B)
	@./scripts/ensure-deps
	@touch $@

$(B)/obj/%.o: tagger/%.c tagger/*.h include/tagger.h | $(B)/.deps-ok
	@mkdir -p $(B)/obj
	$(CC) $(CPPFLAGS) $(TG_CFLAGS) $(CFLAGS) -c $< -o $@

$(B)/obj/builtin_data.o: tagger/builtin.S $(BUILTIN_DATA) | $(B)/.deps-ok
	@mkdir -p $(B)/obj
	$(CC) $(CPPFLAGS) -c tagger/builtin.S -o $@

# The default model: compiled on the build host, then embedded (.incbin).
$(B)/tagger-bootstrap: $(CLI_SRC) tagger/cli/*.h include/tagger.h $(CORE_OBJ) \
                       $(B)/obj/no_model.o
	$(CC) $(CPPFLAGS) $(TG_CFLAGS) $(CFLAGS) $(LDFLAGS) -pthread -o $@ $(CLI_SRC) \
	    $(CORE_OBJ) $(B)/obj/no_model.o $(DEP_LIBS)

$(B)/obj/no_model.o: tagger/builtin_model.S | $(B)/.deps-ok
	@mkdir -p $(B)/obj
	$(CC) $(CPPFLAGS) -DTG_NO_MODEL -c tagger/builtin_model.S -o $@

# Loaded once with every check (checksum, indexes): the copy linked into the
# library is then trusted as part of the program (tagger_load_default).
$(B)/default.tgm: $(B)/tagger-bootstrap
	$(B)/tagger-bootstrap compile -o $@.new
	$(B)/tagger-bootstrap --model $@.new < /dev/null > /dev/null
	mv $@.new $@

$(B)/obj/builtin_model.o: tagger/builtin_model.S $(B)/default.tgm
	$(CC) $(CPPFLAGS) -DTG_MODEL_PATH='"$(B)/default.tgm"' -c tagger/builtin_model.S -o $@

$(B)/libtagger.a: $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJ)

$(B)/libtagger.so.$(ABI_VERSION): $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,libtagger.so.$(ABI_MAJOR) $(LDFLAGS) -o $@ $(LIB_OBJ) $(DEP_LIBS)

$(B)/libtagger.so: $(B)/libtagger.so.$(ABI_VERSION)
	ln -sf libtagger.so.$(ABI_VERSION) $(B)/libtagger.so.$(ABI_MAJOR)
	ln -sf libtagger.so.$(ABI_VERSION) $@

$(B)/tagger: $(CLI_SRC) tagger/cli/*.h include/tagger.h $(B)/libtagger.a
	$(CC) $(CPPFLAGS) $(TG_CFLAGS) $(CFLAGS) $(LDFLAGS) -pthread -o $@ $(CLI_SRC) \
	    $(B)/libtagger.a $(DEP_LIBS)

demo: $(B)/tagger
	$(B)/tagger --pretty docs/examples/north-korea.txt

# ---------------------------------------------------------------- tests
# The command's record path (not main.c) is unit-tested too.
CLI_TESTED_SRC = tagger/cli/jsonl_record.c tagger/cli/jsonl_parse.c tagger/cli/formats.c \
                 tagger/cli/html_out.c tagger/cli/strbuf.c tagger/cli/matches.c

$(B)/check_tagger: $(TEST_SRC) tests/*.h $(CLI_TESTED_SRC) tagger/cli/*.h $(B)/libtagger.a
	$(CC) $(CPPFLAGS) $(TG_CFLAGS) $(CHECK_CFLAGS) $(CFLAGS) -Itests -DTEST_DATA='"tests/data"' \
	    $(LDFLAGS) -o $@ $(TEST_SRC) $(CLI_TESTED_SRC) $(B)/libtagger.a $(DEP_LIBS) $(CHECK_LIBS)

check: all $(B)/check_tagger check-exports
	$(B)/check_tagger
	./tests/cli/run-cli-tests.sh $(B)/tagger
	./tests/cli/run-jsonl-tests.sh $(B)/tagger
	./tests/cli/run-topicdata-tests.sh
	./tests/cli/run-bad-input-tests.sh $(B)/tagger

# The whole suite built with AddressSanitizer (leaks included) and
# UndefinedBehaviorSanitizer, with the casts of floating-point values out of
# range that GCC's "undefined" leaves out (clang's, in the fuzz targets,
# has them: a record id of 1e999), every finding fatal.  Sanitizer failures exit
# 86, so they cannot pass for the tagger's own exit status 1.
# TAGGER_SANITIZED tells the tests to skip peak-memory bounds; the Check
# timeouts are five times longer, as sanitized code on a busy machine can
# take a test past the default 4 s.
SAN_FLAGS = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined,float-cast-overflow \
            -fno-sanitize-recover=all
check-asan:
	ASAN_OPTIONS=detect_leaks=1:exitcode=86:strict_string_checks=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=86 TAGGER_SANITIZED=1 \
	CK_TIMEOUT_MULTIPLIER=5 \
	    $(MAKE) B=$(B)/asan CFLAGS="$(SAN_FLAGS)" \
	    LDFLAGS="-fsanitize=address,undefined,float-cast-overflow" check

# The CLI tests with every tagger run under valgrind (a wrapper script in
# build/valgrind); any run whose log shows an error or a leak fails it.
VALGRIND = valgrind --error-exitcode=1 --leak-check=full --show-leak-kinds=definite,possible \
           --errors-for-leak-kinds=definite,possible
check-valgrind: $(B)/tagger
	@./scripts/ensure-deps --valgrind
	@rm -rf $(B)/valgrind && mkdir -p $(B)/valgrind
	@printf '#!/bin/sh\nexec %s --log-file=%s/%%p.log %s "$$@"\n' "$(VALGRIND)" \
	    "$(CURDIR)/$(B)/valgrind" "$(CURDIR)/$(B)/tagger" >$(B)/valgrind/tagger
	@chmod +x $(B)/valgrind/tagger
	./tests/cli/run-cli-tests.sh $(B)/valgrind/tagger
	./tests/cli/run-bad-input-tests.sh $(B)/valgrind/tagger
	@bad=$$(grep -L 'ERROR SUMMARY: 0 errors' $(B)/valgrind/*.log); \
	if [ -n "$$bad" ]; then grep -h -A30 'ERROR SUMMARY\|Invalid\|definitely' $$bad | head -80; \
	    echo "check-valgrind: errors in $$bad"; exit 1; fi; \
	echo "check-valgrind: $$(ls $(B)/valgrind/*.log | wc -l) runs, 0 errors, no leaks"

# Every exported symbol of the shared library starts with tagger_.
check-exports: $(B)/libtagger.so
	@bad=$$(nm -D --defined-only $(B)/libtagger.so | awk '$$2 ~ /^[TDBR]$$/ {print $$3}' | \
	    grep -v '^tagger_' || true); \
	if [ -n "$$bad" ]; then echo "exported without the tagger_ prefix: $$bad"; exit 1; fi; \
	echo "check-exports: all exported symbols start with tagger_"

# ---------------------------------------------------------------- data
# Regenerates the committed gazetteers from ../shared/data; countries first,
# as the others read gazetteers/countries.tsv.
gazetteers:
	./scripts/build-gazetteers
	./scripts/build-places
	./scripts/build-people
	./scripts/build-orgs

# ---------------------------------------------------------------- install
$(B)/tagger.pc: tagger.pc.in Makefile
	@mkdir -p $(B)
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@libdir@|$(libdir)|' \
	    -e 's|@includedir@|$(includedir)|' -e 's|@VERSION@|$(VERSION)|' tagger.pc.in > $@

install: all $(B)/tagger.pc
	$(INSTALL) -d $(DESTDIR)$(bindir) $(DESTDIR)$(libdir) $(DESTDIR)$(includedir) \
	    $(DESTDIR)$(pkgconfigdir) $(DESTDIR)$(mandir)/man1
	$(INSTALL) -m 755 $(B)/tagger $(DESTDIR)$(bindir)/tagger
	$(INSTALL) -m 644 $(B)/libtagger.a $(DESTDIR)$(libdir)/libtagger.a
	$(INSTALL) -m 755 $(B)/libtagger.so.$(ABI_VERSION) $(DESTDIR)$(libdir)/
	ln -sf libtagger.so.$(ABI_VERSION) $(DESTDIR)$(libdir)/libtagger.so.$(ABI_MAJOR)
	ln -sf libtagger.so.$(ABI_VERSION) $(DESTDIR)$(libdir)/libtagger.so
	$(INSTALL) -m 644 include/tagger.h $(DESTDIR)$(includedir)/tagger.h
	$(INSTALL) -m 644 $(B)/tagger.pc $(DESTDIR)$(pkgconfigdir)/tagger.pc
	$(INSTALL) -m 644 docs/tagger.1 $(DESTDIR)$(mandir)/man1/tagger.1

uninstall:
	rm -f $(DESTDIR)$(bindir)/tagger $(DESTDIR)$(libdir)/libtagger.a \
	    $(DESTDIR)$(libdir)/libtagger.so.$(ABI_VERSION) \
	    $(DESTDIR)$(libdir)/libtagger.so.$(ABI_MAJOR) $(DESTDIR)$(libdir)/libtagger.so \
	    $(DESTDIR)$(includedir)/tagger.h $(DESTDIR)$(pkgconfigdir)/tagger.pc \
	    $(DESTDIR)$(mandir)/man1/tagger.1

clean:
	rm -rf $(B)

.PHONY: all demo check check-asan check-valgrind check-exports gazetteers install uninstall clean

include tests/fuzz/fuzz.mk
