# Entry points. `make demo` installs what is needed, builds, and runs pypyready on the bundled
# example project; `make test` builds and runs every test. SANITIZE=1 builds with ASan+UBSan.

JOBS ?= $(shell nproc)
SANITIZE ?= 0
ifeq ($(SANITIZE),1)
BUILD_DIR ?= build/sanitize
CMAKE_FLAGS += -DCMAKE_BUILD_TYPE=Debug -DPYPYREADY_SANITIZE=ON
else
BUILD_DIR ?= build/release
CMAKE_FLAGS += -DCMAKE_BUILD_TYPE=RelWithDebInfo
endif
ifeq ($(CI),true)
CMAKE_FLAGS += -DPYPYREADY_WERROR=ON
endif

.PHONY: all build deps demo test bench fuzz format format-check tidy clean package

all: build

deps:
	bash scripts/install-deps

$(BUILD_DIR)/CMakeCache.txt:
	cmake -S . -B $(BUILD_DIR) -G Ninja $(CMAKE_FLAGS)

build: $(BUILD_DIR)/CMakeCache.txt
	cmake --build $(BUILD_DIR) -j $(JOBS)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# The .deb (CPack): build/release/pypyready_VERSION_ARCH.deb
package: build
	cmake --build $(BUILD_DIR) --target package

demo: deps build
	bash scripts/demo.sh $(BUILD_DIR)

bench: build
	bash bench/run-all.sh $(BUILD_DIR)

# libFuzzer targets (clang); `make fuzz FUZZ_SECONDS=600` runs each target that long.
FUZZ_SECONDS ?= 60
fuzz:
	cmake -S . -B build/fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DPYPYREADY_FUZZ=ON -DPYPYREADY_TESTS=OFF -DPYPYREADY_BENCH=OFF
	cmake --build build/fuzz -j $(JOBS)
	bash tests/fuzz/run-fuzzers.sh build/fuzz $(FUZZ_SECONDS)

format:
	git ls-files '*.cpp' '*.h' | xargs clang-format-14 -i

format-check:
	git ls-files '*.cpp' '*.h' | xargs clang-format-14 --dry-run --Werror

tidy: $(BUILD_DIR)/CMakeCache.txt
	git ls-files 'src/*.cpp' | xargs clang-tidy-14 -p $(BUILD_DIR) --quiet

clean:
	rm -rf build
