# speech-search build.  `make` builds bin/; `make test` runs every test
# (normal build and ASan/UBSan build); `make demo` indexes corpus/ and runs a
# sample query; `make eval` scores the dev queries; `make bench` benchmarks.
# Targets that run things first install missing Debian packages
# (deps/debian-packages.txt is the one list).

SAN ?= 0
ifeq ($(SAN),1)
BUILD ?= build/san
BINDIR ?= build/san/bin
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
OPT = -O1
else
BUILD ?= build/rel
BINDIR ?= bin
SANFLAGS =
OPT = -O2
endif

DATADIR := build/data
JIEBA_DICT ?= /usr/lib/python3/dist-packages/jieba/dict.txt

PKG_CFLAGS = $(shell pkg-config --cflags opencc libcjson 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs opencc libcjson 2>/dev/null)
XAPIAN_LIBS = $(shell xapian-config --libs 2>/dev/null || echo -lxapian)

CC ?= gcc
CXX ?= g++
WARN = -Wall -Wextra -Werror
CPPFLAGS += -Iinclude -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DSS_DATADIR='"$(abspath $(DATADIR))"'
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
CGI_OBJ = $(CGI_SRC:%.c=$(BUILD)/%.o)

UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

PROGS = $(BINDIR)/speech-index $(BINDIR)/speech-query $(if $(CGI_SRC),$(BINDIR)/speech-search.cgi)
DICT = $(DATADIR)/dict.bin
TRAD = $(DATADIR)/trad.bin
DICTC = build/rel/seg-dictc
USER_DICT = $(wildcard corpus/data/*.dict)

.PHONY: all deps test unit demo eval bench clean segeval fuzz
DATA_FILES = $(patsubst corpus/data/%,$(DATADIR)/%,$(wildcard corpus/data/*.rules corpus/data/*.tsv))
BENCH_BIN = $(BUILD)/bench/qbench $(BUILD)/bench/textbench

all: $(PROGS) $(DICT) $(TRAD) $(DATA_FILES) $(UNIT_BIN) $(BENCH_BIN)

# Data the engine reads at run time, next to the compiled dictionary.
$(DATADIR)/%: corpus/data/%
	@mkdir -p $(dir $@)
	cp $< $@

$(BUILD)/bench/%: tests/bench/%.c $(LIBA)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@.o $<
	$(CXX) $(LDFLAGS) -o $@ $@.o $(LIBA) $(LDLIBS)

deps:
	@sh tools/install-deps.sh deps/debian-packages.txt

$(BUILD)/%.o: %.c $(wildcard include/*.h lib/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/%.o: %.cc include/xapian_c.h include/ss_error.h
	@mkdir -p $(dir $@)
	$(CXX) $(CPPFLAGS) $(CXXFLAGS) -c -o $@ $<

$(LIBA): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BINDIR)/speech-index: $(INDEX_OBJ) $(LIBA)
	@mkdir -p $(dir $@)
	$(CXX) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BINDIR)/speech-query: $(QUERY_OBJ) $(LIBA)
	@mkdir -p $(dir $@)
	$(CXX) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BINDIR)/speech-search.cgi: $(CGI_OBJ) $(LIBA)
	@mkdir -p $(dir $@)
	$(CXX) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/check.h $(LIBA)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@.o $<
	$(CXX) $(LDFLAGS) -o $@ $@.o $(LIBA) $(LDLIBS)

# The segmentation dictionary, compiled once for every build flavour.
DICTC_LIB = lib/strbuf.c lib/ss_error.c lib/utf8.c
$(DICTC): tools/seg_dictc.c $(DICTC_LIB) $(wildcard include/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -std=c11 -O2 -g $(WARN) -o $@ $< $(DICTC_LIB) -lm

$(DICT): $(DICTC) $(JIEBA_DICT) $(USER_DICT)
	@mkdir -p $(dir $@)
	$(DICTC) -o $@ $(JIEBA_DICT) $(USER_DICT)

$(TRAD): tools/mk_tradmap.c lib/utf8.c include/utf8.h
	@mkdir -p $(dir $@) build/rel
	$(CC) $(CPPFLAGS) -std=c11 -O2 $(WARN) $(PKG_CFLAGS) -o build/rel/mk_tradmap tools/mk_tradmap.c lib/utf8.c $(PKG_LIBS)
	build/rel/mk_tradmap $@

test: deps
	$(MAKE) all
	$(MAKE) SAN=1 all
	sh tests/run.sh

demo: deps all
	rm -rf build/demo-index
	$(BINDIR)/speech-index -d build/demo-index corpus
	$(BINDIR)/speech-query -d build/demo-index -n 3 '招商引资 项目建设'

eval: deps all
	sh tests/eval/run.sh

bench: deps all
	sh tests/bench/run.sh $(SIZE)

clean:
	rm -rf build bin

segeval: deps all
	sh tests/seg/run.sh

# Fuzzing (clang's libFuzzer with ASan/UBSan): `make fuzz` runs each target
# for FUZZ_SECONDS on a corpus seeded from corpus/.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS = $(patsubst tests/fuzz/%.c,build/fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_FLAGS = -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer -g -O1

build/fuzz/%: tests/fuzz/%.c $(LIB_C) $(LIB_CC) $(wildcard include/*.h)
	@mkdir -p build/fuzz/obj
	for f in $(LIB_C); do clang $(CPPFLAGS) -std=c11 $(PKG_CFLAGS) \
	    -fsanitize=fuzzer-no-link,address,undefined -g -O1 -c $$f \
	    -o build/fuzz/obj/$$(basename $$f .c).o || exit 1; done
	clang++ $(CPPFLAGS) -std=c++17 -fsanitize=address,undefined -g -O1 -c lib/xapian_c.cc \
	    -o build/fuzz/obj/xapian_c.o
	clang $(CPPFLAGS) -std=c11 $(PKG_CFLAGS) $(FUZZ_FLAGS) -c $< -o $@.o
	clang++ $(FUZZ_FLAGS) -o $@ $@.o build/fuzz/obj/*.o $(LDLIBS)

fuzz: deps $(DICT) $(TRAD) $(DATA_FILES) $(FUZZ_TARGETS)
	@mkdir -p build/fuzz/seeds
	cp corpus/*.txt build/fuzz/seeds/
	for t in $(FUZZ_TARGETS); do \
	    mkdir -p $$t.corpus; \
	    $$t -max_total_time=$(FUZZ_SECONDS) -max_len=8192 $$t.corpus build/fuzz/seeds || exit 1; \
	done
