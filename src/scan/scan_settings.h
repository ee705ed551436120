#pragma once
// What rules may know about the scan as a whole rather than the file at hand.

#include "scan/python_version.h"

namespace pypyready::scan {

/// Settings shared by every rule of one scan.
struct ScanSettings {
  /// The Python language version of the target PyPy (`--target-pypy`, `target-pypy`).
  PythonVersion target_python{3, 10};
};

}  // namespace pypyready::scan
