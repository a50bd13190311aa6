# speech-search build.  `make` builds bin/; `make test` runs every test
# (normal build and ASan/UBSan build); `make demo` indexes corpus/ and runs a
# sample query; `make eval` scores the dev queries; `make bench` benchmarks.
# Targets that run things first install missing Debian packages
# (deps/debian-packages.txt is the one list).

SAN ?= 0
TUNE ?= 0
ifeq ($(SAN),1)
BUILD ?= build/san
BINDIR ?= build/san/bin
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
OPT = -O1
else ifeq ($(TUNE),1)
# The tuning build (lib/tune.h): ranking constants read from $$SS_TUNE.
BUILD ?= build/tune
BINDIR ?= build/tune/bin
SANFLAGS = -DSS_TUNE
OPT = -O2
else
BUILD ?= build/rel
BINDIR ?= bin
SANFLAGS =
OPT = -O2
endif

DATADIR := build/data
# `make install` puts the programs in $(DESTDIR)$(PREFIX)/bin and their data
# in $(DESTDIR)$(PREFIX)/share/speech-search; the programs look for their
# data next to themselves first (lib/datadir.c), so the tree may be moved.
PREFIX ?= /usr/local
INSTALL_DATADIR = $(PREFIX)/share/speech-search
VERSION := 0.1-$(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
JIEBA_DICT ?= /usr/lib/python3/dist-packages/jieba/dict.txt

PKG_CFLAGS = $(shell pkg-config --cflags opencc libcjson 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs opencc libcjson 2>/dev/null)
XAPIAN_LIBS = $(shell xapian-config --libs 2>/dev/null || echo -lxapian)

CC ?= gcc
CXX ?= g++
WARN = -Wall -Wextra -Werror
CPPFLAGS += -Iinclude -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-DSS_DATADIR='"$(INSTALL_DATADIR)"' -DSS_VERSION='"$(VERSION)"'
# include/ holds the public headers, all the commands (indexer/, query/) may
# include; lib/ the library's internal ones.  The commands are compiled with
# -Iinclude only, so a command that reaches for an internal header does not
# build; the library, tests/ and tools/ also see lib/.
LIB_CPPFLAGS = $(CPPFLAGS) -Ilib
# every object also depends on the headers it includes (build/*/**.d)
DEPFLAGS = -MMD -MP
CFLAGS += -std=c11 $(OPT) -g $(WARN) $(SANFLAGS) $(PKG_CFLAGS)
CXXFLAGS += -std=c++17 $(OPT) -g $(WARN) $(SANFLAGS)
LDFLAGS += $(SANFLAGS)
LDLIBS = $(XAPIAN_LIBS) $(PKG_LIBS) -lz -lm -lpthread

LIB_C = $(wildcard lib/*.c)
LIB_CC = $(wildcard lib/*.cc)
LIB_OBJ = $(LIB_C:%.c=$(BUILD)/%.o) $(LIB_CC:%.cc=$(BUILD)/%.o)
LIBA = $(BUILD)/libspeech.a

INDEX_OBJ = $(patsubst %.c,$(BUILD)/%.o,$(wildcard indexer/*.c))
QUERY_OBJ = $(BUILD)/query/speech_query.o
CGI_SRC = $(wildcard query/speech_search_cgi.c)
CGI_OBJ = $(CGI_SRC:%.c=$(BUILD)/%.o) $(if $(CGI_SRC),$(BUILD)/query/cgi_util.o $(BUILD)/query/cgi_page.o)
FCGI_LIBS = -lfcgi

UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

PROGS = $(BINDIR)/speech-index $(BINDIR)/speech-query $(if $(CGI_SRC),$(BINDIR)/speech-search.cgi $(BUILD)/tests/test_cgi_util)
DICT = $(DATADIR)/dict.bin
TRAD = $(DATADIR)/trad.bin
DICTC = build/rel/seg-dictc
USER_DICT = $(wildcard corpus/data/*.dict)

.PHONY: all deps test unit demo eval probes bench clean segeval fuzz fuzz-deps install uninstall serve tune
DATA_FILES = $(patsubst corpus/data/%,$(DATADIR)/%,$(wildcard corpus/data/*.rules corpus/data/*.tsv))
BENCH_BIN = $(BUILD)/bench/qbench $(BUILD)/bench/textbench

SYN_INDEX = $(DATADIR)/synonyms.rules.idx

all: $(PROGS) $(DICT) $(TRAD) $(DATA_FILES) $(SYN_INDEX) $(UNIT_BIN) $(BENCH_BIN)

# Data the engine reads at run time, next to the compiled dictionary.
$(DATADIR)/%: corpus/data/%
	@mkdir -p $(dir $@)
	cp $< $@

# The synonyms table's members, indexed once (lib/synonyms.c: a table
# without its index, or edited since, is indexed when read).
$(SYN_INDEX): $(DATADIR)/synonyms.rules $(BUILD)/syn-index
	$(BUILD)/syn-index $< $@

$(BUILD)/syn-index: tools/syn_index.c $(LIBA)
	@mkdir -p $(dir $@)
	$(CC) $(LIB_CPPFLAGS) $(CFLAGS) -c -o $@.o $<
	$(CXX) $(LDFLAGS) -o $@ $@.o $(LIBA) $(LDLIBS)

$(BUILD)/bench/%: tests/bench/%.c $(LIBA)
	@mkdir -p $(dir $@)
	$(CC) $(LIB_CPPFLAGS) $(DEPFLAGS) -MT $@ -MF $@.d $(CFLAGS) -c -o $@.o $<
	$(CXX) $(LDFLAGS) -o $@ $@.o $(LIBA) $(LDLIBS)

deps:
	@sh tools/install-deps.sh deps/debian-packages.txt

$(BUILD)/lib/%.o: lib/%.c
	@mkdir -p $(dir $@)
	$(CC) $(LIB_CPPFLAGS) $(DEPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/lib/%.o: lib/%.cc
	@mkdir -p $(dir $@)
	$(CXX) $(LIB_CPPFLAGS) $(DEPFLAGS) $(CXXFLAGS) -c -o $@ $<

# the commands: public headers only
$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(DEPFLAGS) $(CFLAGS) -c -o $@ $<

$(LIBA): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BINDIR)/speech-index: $(INDEX_OBJ) $(LIBA)
	@mkdir -p $(dir $@)
	$(CXX) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BINDIR)/speech-query: $(QUERY_OBJ) $(LIBA)
	@mkdir -p $(dir $@)
	$(CXX) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/query/%.o: query/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(DEPFLAGS) $(CFLAGS) -c -o $@ $<

$(BINDIR)/speech-search.cgi: $(CGI_OBJ) $(LIBA)
	@mkdir -p $(dir $@)
	$(CXX) $(LDFLAGS) -o $@ $^ $(LDLIBS) $(FCGI_LIBS)

# The web page's request parsing, escaping and config file, tested alone.
$(BUILD)/tests/test_cgi_util: tests/web/test_cgi_util.c tests/unit/check.h $(BUILD)/query/cgi_util.o $(LIBA)
	@mkdir -p $(dir $@)
	$(CC) $(LIB_CPPFLAGS) -Iquery -Itests/unit $(CFLAGS) -c -o $@.o $<
	$(CXX) $(LDFLAGS) -o $@ $@.o $(BUILD)/query/cgi_util.o $(LIBA) $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIBA)
	@mkdir -p $(dir $@)
	$(CC) $(LIB_CPPFLAGS) $(DEPFLAGS) -MT $@ -MF $@.d $(CFLAGS) -c -o $@.o $<
	$(CXX) $(LDFLAGS) -o $@ $@.o $(LIBA) $(LDLIBS)

# The segmentation dictionary, compiled once for every build flavour.
DICTC_LIB = lib/strbuf.c lib/ss_error.c lib/utf8.c
$(DICTC): tools/seg_dictc.c $(DICTC_LIB) $(wildcard include/*.h lib/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(LIB_CPPFLAGS) -std=c11 -O2 -g $(WARN) -o $@ $< $(DICTC_LIB) -lm

$(DICT): $(DICTC) $(JIEBA_DICT) $(USER_DICT)
	@mkdir -p $(dir $@)
	$(DICTC) -o $@ $(JIEBA_DICT) $(USER_DICT)

$(TRAD): tools/mk_tradmap.c lib/utf8.c lib/utf8.h
	@mkdir -p $(dir $@) build/rel
	$(CC) $(LIB_CPPFLAGS) -std=c11 -O2 $(WARN) $(PKG_CFLAGS) -o build/rel/mk_tradmap tools/mk_tradmap.c lib/utf8.c $(PKG_LIBS)
	build/rel/mk_tradmap $@

test: deps
	$(MAKE) all
	$(MAKE) SAN=1 all
	sh tests/run.sh

# The tuning build and the search for ranking constants over the tuning
# halves of the judged sets (tools/tune_rank.py; README "Evaluation").
tune: deps
	$(MAKE) TUNE=1 all

demo: deps all
	rm -rf build/demo-index build/demo-shards
	$(BINDIR)/speech-index -d build/demo-index corpus
	$(BINDIR)/speech-query -d build/demo-index -n 3 --no-pager '招商引资 项目建设'
	@echo
	@echo "The demo index is build/demo-index.  Search it with"
	@echo "  bin/speech-query -d build/demo-index QUERY"
	@echo "or, for the README's Usage lines: export SPEECH_INDEX=build/demo-index"

# The web page under lighttpd on 127.0.0.1:$(PORT) (Ctrl-C stops it), over
# the demo index (built when missing); FCGI=1 runs the CGI as FastCGI.
PORT ?= 8080
FCGI ?= 0
build/demo-index/XAPIANDB: $(BINDIR)/speech-index $(wildcard corpus/*.txt)
	rm -rf build/demo-index
	$(BINDIR)/speech-index -d build/demo-index corpus

serve: deps all build/demo-index/XAPIANDB
	sh query/web/serve.sh $(PORT) $(if $(filter 1,$(FCGI)),fastcgi,cgi) \
	    $(BINDIR)/speech-search.cgi query/web/speech-search.conf build/serve

eval: deps all
	sh tests/eval/run.sh

# Text copied from the real corpus, typed as a user would, must find its
# passage (tools/probes.py); over the index `make eval` leaves.
probes: all
	@if [ -d build/eval/real-index ]; then python3 tools/probes.py $(BINDIR)/speech-query build/eval/real-index; \
	else echo "probes: skip: no build/eval/real-index (make eval makes it from ../shared/realcorpus)"; fi

bench: deps all
	@sh tools/install-deps.sh deps/debian-packages.txt bench
	sh tests/bench/run.sh $(SIZE)

clean:
	rm -rf build bin

segeval: all
	@sh tools/install-deps.sh deps/debian-packages.txt segeval
	sh tests/seg/run.sh

# Fuzzing (clang's libFuzzer with ASan/UBSan): `make fuzz` runs each target
# for FUZZ_SECONDS on a corpus seeded from corpus/.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS = $(patsubst tests/fuzz/%.c,build/fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_FLAGS = -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer -g -O1
# the library, and the web page's query-string parser (fuzz_cgi_params)
FUZZ_C = $(LIB_C) $(wildcard query/cgi_util.c)
# named one by one: a stale object of a removed source must not be linked
FUZZ_OBJ = $(patsubst %.c,build/fuzz/obj/%.o,$(notdir $(FUZZ_C))) \
	   $(patsubst %.cc,build/fuzz/obj/%.o,$(notdir $(LIB_CC)))

build/fuzz/%: tests/fuzz/%.c $(FUZZ_C) $(LIB_CC) $(wildcard include/*.h lib/*.h)
	@mkdir -p build/fuzz/obj
	for f in $(FUZZ_C); do clang $(LIB_CPPFLAGS) -Iquery -std=c11 $(PKG_CFLAGS) \
	    -fsanitize=fuzzer-no-link,address,undefined -g -O1 -c $$f \
	    -o build/fuzz/obj/$$(basename $$f .c).o || exit 1; done
	for f in $(LIB_CC); do clang++ $(LIB_CPPFLAGS) -std=c++17 -fsanitize=address,undefined \
	    -g -O1 -c $$f -o build/fuzz/obj/$$(basename $$f .cc).o || exit 1; done
	clang $(LIB_CPPFLAGS) -Iquery -std=c11 $(PKG_CFLAGS) $(FUZZ_FLAGS) -c $< -o $@.o
	clang++ $(FUZZ_FLAGS) -o $@ $@.o $(FUZZ_OBJ) $(LDLIBS)

fuzz-deps:
	@sh tools/install-deps.sh deps/debian-packages.txt fuzz

$(FUZZ_TARGETS): | fuzz-deps

fuzz: deps fuzz-deps $(DICT) $(TRAD) $(DATA_FILES) $(FUZZ_TARGETS)
	@mkdir -p build/fuzz/seeds
	cp corpus/*.txt build/fuzz/seeds/
	for t in $(FUZZ_TARGETS); do \
	    mkdir -p $$t.corpus; \
	    $$t -max_total_time=$(FUZZ_SECONDS) -max_len=8192 $$t.corpus build/fuzz/seeds || exit 1; \
	done

# Installing: programs, data, man pages, bash completion, under
# $(DESTDIR)$(PREFIX) (e.g. `make install PREFIX=$$HOME/.local`,
# `make install DESTDIR=/tmp/stage`).
BINDEST = $(DESTDIR)$(PREFIX)/bin
DATADEST = $(DESTDIR)$(INSTALL_DATADIR)
MANDEST = $(DESTDIR)$(PREFIX)/share/man/man1
COMPDEST = $(DESTDIR)$(PREFIX)/share/bash-completion/completions

install: bin/speech-index bin/speech-query $(DICT) $(TRAD) $(DATA_FILES) $(SYN_INDEX)
	install -d $(BINDEST) $(DATADEST) $(MANDEST) $(COMPDEST)
	install -m 755 bin/speech-index bin/speech-query $(BINDEST)/
	install -m 644 $(DICT) $(TRAD) $(DATA_FILES) $(SYN_INDEX) $(DATADEST)/
	install -m 644 man/speech-index.1 man/speech-query.1 $(MANDEST)/
	install -m 644 tools/completion.bash $(COMPDEST)/speech-query
	install -m 644 tools/completion.bash $(COMPDEST)/speech-index

uninstall:
	rm -f $(BINDEST)/speech-index $(BINDEST)/speech-query $(MANDEST)/speech-index.1 \
	    $(MANDEST)/speech-query.1 $(COMPDEST)/speech-query $(COMPDEST)/speech-index
	rm -rf $(DATADEST)

-include $(LIB_OBJ:.o=.d) $(INDEX_OBJ:.o=.d) $(QUERY_OBJ:.o=.d) $(CGI_OBJ:.o=.d) \
	$(UNIT_BIN:=.d) $(BENCH_BIN:=.d)
