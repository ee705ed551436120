#pragma once
// The libFuzzer entry point every target defines; replay_main.cpp calls it without libFuzzer.

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

/// Stops the run on a broken invariant: libFuzzer and the replay test both report the crash.
#define PYPYREADY_FUZZ_CHECK(condition) \
  do {                                  \
    if (!(condition)) __builtin_trap(); \
  } while (false)
