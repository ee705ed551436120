#include <fmt/format.h>

#include <array>

#include "report/html/escape.h"
#include "report/html/sections.h"

namespace pypyready::report::html {
namespace {

struct Tone {
  std::string_view state;
  std::string_view css;
};

// Every state word the Results use, mapped to one of four colours.
constexpr std::array kTones{
    Tone{"met", "good"},
    Tone{"works", "good"},
    Tone{"passed", "good"},
    Tone{"migrate", "good"},
    Tone{"ok", "good"},
    Tone{"pass-both", "good"},
    Tone{"not-met", "bad"},
    Tone{"blocked", "bad"},
    Tone{"failed", "bad"},
    Tone{"error", "bad"},
    Tone{"stay", "bad"},
    Tone{"crashed", "bad"},
    Tone{"timeout", "bad"},
    Tone{"pypy-only-failure", "bad"},
    Tone{"fail-both", "warn"},
    Tone{"replace", "warn"},
    Tone{"slower", "warn"},
    Tone{"warning", "warn"},
    Tone{"migrate-after-fixes", "warn"},
    Tone{"flaky", "warn"},
    Tone{"xfail", "neutral"},
};

}  // namespace

std::string badge(std::string_view state, std::string_view text) {
  std::string_view css = "neutral";
  for (const Tone& tone : kTones)
    if (tone.state == state) css = tone.css;
  return fmt::format("<span class=\"badge {}\">{}</span>", css, escape(text));
}

}  // namespace pypyready::report::html
