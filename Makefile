# nblint: top-level convenience targets. The real build is CMake (see CMakeLists.txt and
# docs/development.md); every target here installs the Debian 12 dependencies first, so
# `make demo` and `make test` work on a fresh machine.

BUILD_DIR      ?= build
ASAN_BUILD_DIR ?= build-asan
JOBS           ?= $(shell nproc 2>/dev/null || echo 2)
PREFIX         ?=
# Extra arguments for the first configure of a build directory, e.g. CMAKE_ARGS=-DNBLINT_BUILD_TESTS=OFF
CMAKE_ARGS     ?=

CMAKE ?= cmake
CTEST ?= ctest

.PHONY: all deps configure build demo test sanitize fuzz install clean

all: build

deps:
	bash scripts/install-deps.sh

# Configures $(1) with the extra cache arguments $(2), unless it is configured already
# (an existing build directory keeps its generator; cmake --build re-runs CMake when needed).
define configure_dir
	@if [ ! -f "$(1)/CMakeCache.txt" ]; then \
	  echo "$(CMAKE) -S . -B $(1) -G Ninja $(2) $(CMAKE_ARGS)"; \
	  $(CMAKE) -S . -B "$(1)" -G Ninja $(2) $(CMAKE_ARGS); \
	elif [ ! -f "$(1)/build.ninja" ] && [ ! -f "$(1)/Makefile" ]; then \
	  echo "$(CMAKE) -S . -B $(1)"; \
	  $(CMAKE) -S . -B "$(1)"; \
	fi
endef

configure: deps
	$(call configure_dir,$(BUILD_DIR),-DCMAKE_BUILD_TYPE=RelWithDebInfo)

build: configure
	$(CMAKE) --build $(BUILD_DIR) -j $(JOBS)

# The bundled examples contain deliberate defects, so `nblint check` exits 1 there: that is
# the point of the demo. Exit 0 or 1 is success; 2 (usage error, unreadable input) or a crash
# fails the target.
demo: build
	@echo
	@echo "== 演示：用 nblint 检查 examples/ 下的示例年报（示例中故意留有缺陷，下面的问题是预期的）"
	@echo "== Demo: nblint checks the example reports in examples/ (they contain deliberate defects; the findings below are expected)"
	@echo "\$$ $(BUILD_DIR)/nblint check examples/"
	@status=0; $(BUILD_DIR)/nblint check examples/ || status=$$?; \
	if [ $$status -ne 0 ] && [ $$status -ne 1 ]; then \
	  echo "demo: nblint check exited with status $$status (expected 0 or 1)" >&2; exit 1; \
	fi; \
	echo "(nblint check exit status: $$status)"
	@echo
	@echo "== 章节树 / section tree: $(BUILD_DIR)/nblint tree examples/qingshan-transport-2025.txt"
	@$(BUILD_DIR)/nblint tree examples/qingshan-transport-2025.txt

test: build
	$(CTEST) --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

# AddressSanitizer + UndefinedBehaviorSanitizer build in its own directory (CI runs it: .ci/run).
sanitize: deps
	$(call configure_dir,$(ASAN_BUILD_DIR),-DNBLINT_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug)
	$(CMAKE) --build $(ASAN_BUILD_DIR) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  $(CTEST) --test-dir $(ASAN_BUILD_DIR) --output-on-failure -j $(JOBS)

# libFuzzer targets (clang, ASan + UBSan) in build-fuzz/, each run FUZZ_SECONDS (default 60).
# CI runs it after the sanitizer suite (.ci/run); see docs/reliability.md.
FUZZ_SECONDS ?= 60
fuzz:
	bash scripts/install-deps.sh --fuzz
	bash scripts/fuzz.sh $(FUZZ_SECONDS)

install: build
ifeq ($(strip $(PREFIX)),)
	$(CMAKE) --install $(BUILD_DIR)
else
	$(CMAKE) --install $(BUILD_DIR) --prefix $(PREFIX)
endif

clean:
	rm -rf $(BUILD_DIR) $(ASAN_BUILD_DIR) build-fuzz
