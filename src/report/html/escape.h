#pragma once
// The one escaping function of the HTML report. Every string that comes from the project or the
// interpreters (paths, test names, messages, package names) goes through it before it reaches
// the page, in text and in attribute values alike, so no project content can become markup.

#include <string>
#include <string_view>

namespace pypyready::report::html {

/// `&`, `<`, `>`, `"` and `'` as character references; control characters other than tab and
/// newline as U+FFFD (they are parse errors in HTML). Safe in element text and in quoted
/// attribute values; never used inside <script> or <style>, which the report does not fill.
std::string escape(std::string_view text);

}  // namespace pypyready::report::html
