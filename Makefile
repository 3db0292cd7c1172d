# pyheap -- one non-recursive Makefile.  MODE=release (default) | debug | asan | stress
#   make            build ./pyheap (release)
#   make run        install missing packages, build, run examples/tour.py
#   make test       install missing packages, build, run every test (unit, golden,
#                   conformance, asan + stress builds)
#   make asan       unit + golden suites under -fsanitize=address,undefined
#   make clean
MODE ?= release
BUILDROOT ?= build
BUILD := $(BUILDROOT)/$(MODE)
GEN := $(BUILDROOT)/gen
CC ?= cc
ifeq ($(origin CC),default)
CC := gcc
endif

WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
        -Wno-unused-parameter -Wno-missing-field-initializers
CPPFLAGS += -I. -I$(GEN) -D_GNU_SOURCE
CFLAGS_COMMON := -std=c11 -g -MMD -MP -fno-strict-aliasing
# Release: non-PIE and link-time optimisation (cross-file inlining of the allocator and
# refcount paths into the VM): ~9% fewer instructions on the benchmarks.
ifneq ($(findstring clang,$(CC)),)
  LTO := -flto=thin
  WARN += -Wno-gnu-variable-sized-type-not-at-end   # dictobject.c's static empty keys
else
  LTO := -flto=auto
endif
ifeq ($(MODE),release)
  CFLAGS_MODE := -O2 -DNDEBUG -fno-pie $(LTO)
  LDFLAGS_MODE := -no-pie $(LTO)
  # Profile-guided optimisation (gcc), as Debian builds CPython: see the PGO section below.
  PGO ?= $(if $(findstring clang,$(CC)),0,1)
  ifeq ($(PGO_STAGE),gen)
    CFLAGS_MODE += -fprofile-generate -fprofile-update=single
    LDFLAGS_MODE += -fprofile-generate
  else ifeq ($(PGO),1)
    CFLAGS_MODE += -fprofile-use -fprofile-partial-training -Wno-missing-profile
  endif
else ifeq ($(MODE),debug)
  CFLAGS_MODE := -O0 -DCFG_DEBUG=1
else ifeq ($(MODE),asan)
  CFLAGS_MODE := -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
                 -fno-sanitize-recover=undefined -DCFG_DEBUG=1
  LDFLAGS_MODE := -fsanitize=address,undefined
else ifeq ($(MODE),stress)
  CFLAGS_MODE := -O1 -DCFG_DEBUG=1 -DCFG_GC_STRESS=1
else ifeq ($(MODE),fuzz)
  # libFuzzer needs clang; the library gets coverage instrumentation, the targets the
  # fuzzer's main() (tests/fuzz/, `make fuzz`)
  CC := clang
  CFLAGS_MODE := -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined \
                 -fno-sanitize-recover=undefined -DCFG_DEBUG=1 \
                 -Wno-gnu-variable-sized-type-not-at-end # dictobject.c's static empty keys
  LDFLAGS_MODE := -fsanitize=fuzzer,address,undefined
else
  $(error unknown MODE=$(MODE))
endif
CFLAGS ?=
ALL_CFLAGS = $(CFLAGS_COMMON) $(CFLAGS_MODE) $(WARN) -Werror $(CFLAGS)
GEN_CFLAGS = $(CFLAGS_COMMON) $(CFLAGS_MODE) -w $(CFLAGS)
LDLIBS := -lm -ledit

RUNTIME_SRC := $(sort $(wildcard runtime/*.c))
INTERP_SRC := $(sort $(filter-out interp/main.c,$(wildcard interp/*.c)))
GRAMMAR_SRC := $(sort $(wildcard grammar/*.c))
LIB_OBJ := $(RUNTIME_SRC:%.c=$(BUILD)/%.o) $(INTERP_SRC:%.c=$(BUILD)/%.o) \
           $(GRAMMAR_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/lexer.o $(BUILD)/gen/parser.o \
           $(BUILD)/gen/frozen.o
FROZEN_SRC := $(sort $(wildcard lib/*.py))
MAIN_OBJ := $(BUILD)/interp/main.o
LIB := $(BUILD)/libpyheap.a
BIN := $(BUILD)/pyheap

UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all run test unit golden conformance repl-test asan stress clean deps bench bench-check linetable \
        fuzz fuzz-smoke \
        fuzz-build memerr memerr-full edge
.DEFAULT_GOAL := all

all: pyheap

# With the default BUILDROOT the binary is copied to ./pyheap (./pyheap-MODE); a private
# BUILDROOT (parallel work in one tree) leaves it at $(BUILDROOT)/MODE/pyheap only.
pyheap: $(BIN)
ifeq ($(BUILDROOT),build)
	@if [ "$(MODE)" = release ]; then cp -f $(BIN) ./pyheap; else cp -f $(BIN) ./pyheap-$(MODE); fi
endif

$(BIN): $(MAIN_OBJ) $(LIB)
	@echo "  LD      $@"
	@$(CC) $(CFLAGS_MODE) $(LDFLAGS_MODE) -o $@ $(MAIN_OBJ) $(LIB) $(LDLIBS)

# PGO (release with gcc; PGO=0 turns it off): a release build compiles every object
# instrumented, runs scripts/pgo_train.sh (the .gcda profiles land next to the objects),
# deletes the objects and compiles them again with the profile.  Any source change redoes
# all of it (a stale profile makes gcc fail), so edit-build cycles are quicker with PGO=0.
PGO_INPUTS := $(wildcard runtime/*.[ch] interp/*.[ch] grammar/*.[ch] grammar/*.re grammar/*.y \
                        lib/*.py) \
              scripts/pgo_train.py scripts/pgo_train.sh
ifeq ($(MODE)$(PGO)$(PGO_STAGE),release1)
$(BUILD)/pgo.stamp: $(PGO_INPUTS) | $(GEN)/parser.h
	@echo "  PGO     instrumented build"
	@find $(BUILD) -name '*.o' -delete 2>/dev/null; rm -f $(LIB) $(BIN)
	@$(MAKE) --no-print-directory PGO_STAGE=gen $(BIN)
	@find $(BUILD) -name '*.gcda' -delete
	@echo "  PGO     training run (scripts/pgo_train.sh)"
	@scripts/pgo_train.sh $(BIN)
	@find $(BUILD) -name '*.o' -delete
	@rm -f $(LIB) $(BIN)
	@touch $@

$(LIB_OBJ) $(MAIN_OBJ): $(BUILD)/pgo.stamp
endif

$(LIB): $(LIB_OBJ)
	@echo "  AR      $@"
	@rm -f $@ && ar rcs $@ $(LIB_OBJ)

$(BUILD)/runtime/%.o: runtime/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/%.o: %.c | $(GEN)/parser.h
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/gen/%.o: $(GEN)/%.c $(GEN)/parser.h
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CPPFLAGS) $(GEN_CFLAGS) -c -o $@ $<

# lib/*.py compiled in as strings (interp/frozen.h)
$(GEN)/frozen.c: $(FROZEN_SRC) scripts/freeze.sh
	@mkdir -p $(GEN)
	@echo "  FREEZE  $(FROZEN_SRC)"
	@scripts/freeze.sh $@ $(FROZEN_SRC)

# lemon writes parser.c and parser.h in one go (two-output rule, as SQLite's main.mk).
$(GEN)/parser.c: grammar/parser.y
	@mkdir -p $(GEN)
	@echo "  LEMON   $<"
	@lemon -q -d$(GEN) -T/usr/share/lemon/lempar.c $<
$(GEN)/parser.h: $(GEN)/parser.c

$(GEN)/lexer.c: grammar/lexer.re $(GEN)/parser.h
	@mkdir -p $(GEN)
	@echo "  RE2C    $<"
	@re2c -W --no-generation-date --no-version -o $@ $<

# ---------------------------------------------------------------- tests
# (-Wno-error: with LTO the link step re-checks library code inlined into white-box tests)
$(BUILD)/tests/%: tests/unit/%.c $(LIB)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -Wno-error $(LDFLAGS_MODE) -o $@ $< $(LIB) $(LDLIBS) -lcriterion

deps:
	@scripts/deps.sh

unit: $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do echo "  UNIT    $$t"; $$t --jobs 2 -q || exit 1; done

# Every golden test runs under -X leakcheck (an object or block left at exit fails it;
# LEAKCHECK=0 to skip); in the asan build LeakSanitizer checks the malloc side too.
LEAKCHECK ?= 1
golden: pyheap
	@LEAKCHECK=$(LEAKCHECK) STRESS=$(if $(filter stress,$(MODE)),1,0) scripts/golden.sh run $(BIN)

# The compiler's model of CPython's location tables (their sizes move later ids): the
# sizes of 123 statement shapes against tests/linetable/expected.json, which
# `scripts/linetable_check.py regen` writes from python3.
linetable: pyheap
	@python3 scripts/linetable_check.py check $(BIN)

# Allocation-failure injection (tests/memerr/, scripts/memerr.sh): every N-th allocation
# fails in turn; MEMERR_STEP=k tries every k-th N only (1 = all, as `make memerr-full`).
MEMERR_STEP ?= 7
memerr: pyheap
	@STEP=$(MEMERR_STEP) scripts/memerr.sh $(BIN)
memerr-full: pyheap
	@STEP=1 scripts/memerr.sh $(BIN)

# Inputs at the edges that golden files cannot hold (tests/edge/, scripts/edge.sh).
edge: pyheap
	@scripts/edge.sh $(BIN)

# The shared CPython-verified corpus lives next to the repository (../shared); a clone
# elsewhere finds it through CONFORMANCE=DIR or skips it with a note.
CONFORMANCE ?= $(firstword $(wildcard ../shared/conformance /work/shared/conformance))

conformance: pyheap
	@if [ -n "$(CONFORMANCE)" ]; then $(CONFORMANCE)/run.sh $(BIN); \
	 else echo "  (no conformance corpus found: set CONFORMANCE=DIR)"; fi

# Every shared benchmark program prints its .expected line (correctness only: no timing).
BENCHDIR ?= $(firstword $(wildcard ../shared/bench /work/shared/bench))

bench-check: pyheap
	@if [ -n "$(BENCHDIR)" ]; then scripts/bench_check.sh $(BIN) $(BENCHDIR); \
	 else echo "  (no benchmark suite found: set BENCHDIR=DIR)"; fi

# The interactive REPL driven in a real terminal (tmux): prompts, editing, history, Ctrl-C;
# and the reports of --compare-modes (cross-checked against CPython's script and -i runs).
repl-test: pyheap
	@tests/repl/run.sh $(BIN)
	@tests/compare/run.sh $(BIN)

test: deps
	@$(MAKE) --no-print-directory all unit golden
	@$(MAKE) --no-print-directory conformance repl-test bench-check linetable
	@$(MAKE) --no-print-directory MODE=asan all unit golden memerr edge
	@$(MAKE) --no-print-directory MODE=stress all golden
	@$(MAKE) --no-print-directory fuzz-smoke

asan:
	@$(MAKE) --no-print-directory MODE=asan all unit golden

# ---------------------------------------------------------------- fuzzing
# `make fuzz [FUZZ_TIME=s] [FUZZ_TARGETS="compile exec numparse"]` builds the libFuzzer
# targets of tests/fuzz/ (MODE=fuzz, clang) and runs each for FUZZ_TIME seconds on a
# corpus seeded from tests/golden (kept in $(BUILDROOT)/fuzz-corpus/); a crash leaves
# its input in $(BUILDROOT)/fuzz-artifacts/.  `make fuzz-smoke` replays the regression
# inputs (tests/fuzz/regress/TARGET/) and fuzzes each target for a few seconds.
FUZZ_TIME ?= 60
FUZZ_TARGETS ?= compile exec numparse
FUZZ_BUILD := $(BUILDROOT)/fuzz
FUZZ_BIN := $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)

# main.c without its main() (libFuzzer brings one): the library calls back into it
$(FUZZ_BUILD)/main-nomain.o: interp/main.c | $(GEN)/parser.h
	@echo "  CC      $< (no main)"
	@$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -Dmain=pyheap_cli_main -Wno-missing-prototypes -c -o $@ $<

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h $(LIB) $(FUZZ_BUILD)/main-nomain.o
	@echo "  LD      $@"
	@$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS_MODE) -o $@ $< $(FUZZ_BUILD)/main-nomain.o \
	    $(LIB) $(LDLIBS)

fuzz fuzz-smoke:
	@$(MAKE) --no-print-directory MODE=fuzz fuzz-build
	@FUZZ_TIME=$(if $(filter fuzz-smoke,$@),5,$(FUZZ_TIME)) \
	 scripts/fuzz.sh $(FUZZ_BUILD) $(BUILDROOT) $(FUZZ_TARGETS)

fuzz-build: $(FUZZ_BIN)

stress:
	@$(MAKE) --no-print-directory MODE=stress all golden

run: deps
	@$(MAKE) --no-print-directory all
	./pyheap examples/tour.py

bench: pyheap
	$(BENCHDIR)/run.sh ./pyheap /usr/bin/python3.11

clean:
	rm -rf build pyheap pyheap-*

-include $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d)
