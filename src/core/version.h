#pragma once

namespace pypyready::core {

/// The tool's version, from the CMake project version.
inline constexpr const char* kVersion = PYPYREADY_VERSION;

}  // namespace pypyready::core
