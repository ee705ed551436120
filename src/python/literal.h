#pragma once
// Literal values of Python source: string, bytes and number evaluation and their repr().

#include "python/literal_repr.h"    // IWYU pragma: export
#include "python/number_literal.h"  // IWYU pragma: export
#include "python/string_literal.h"  // IWYU pragma: export
