#pragma once
// One project page of a Simple Repository API index: PEP 503 HTML or PEP 691 JSON, reduced to
// the files it lists with their Requires-Python and PEP 592 yanked flags.

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace pypyready::deps {

/// One file of a project page.
struct IndexFile {
  std::string filename;
  std::string url;
  std::string requires_python;  ///< "" when the index gives none
  bool yanked = false;
};

/// Parses a PEP 503 page with a tolerant anchor scanner (HTML is not XML); `url` names the page
/// in errors.
core::Result<std::vector<IndexFile>> parse_html_page(std::string_view html, const std::string& url);

/// Parses a PEP 691 `application/vnd.pypi.simple.v1+json` page.
core::Result<std::vector<IndexFile>> parse_json_page(std::string_view json, const std::string& url);

}  // namespace pypyready::deps
