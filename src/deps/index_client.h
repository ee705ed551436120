#pragma once
// A client of the Simple Repository API (PEP 503 HTML and PEP 691 JSON, chosen by the Accept
// header): libcurl with timeouts, retries with backoff, a concurrency limit and an on-disk cache.
// Proxy variables (http_proxy, https_proxy, no_proxy) are honoured by libcurl itself.

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "deps/index_page.h"

namespace pypyready::deps {

inline constexpr const char* kDefaultIndexUrl = "https://pypi.org/simple";

/// How the index is reached.
struct IndexClientOptions {
  std::string index_url = kDefaultIndexUrl;
  std::filesystem::path cache_dir;  ///< "" disables the cache
  std::chrono::seconds cache_ttl{6 * 3600};
  std::chrono::milliseconds timeout{15000};  ///< per request, connection included
  int retries = 3;                           ///< extra attempts after a 5xx, 429 or timeout
  std::chrono::milliseconds backoff{250};    ///< doubled after each failed attempt
  int concurrency = 4;
};

/// One project page: its files, or an error naming the URL and what was expected.
struct IndexPage {
  std::string url;
  std::vector<IndexFile> files;
  std::string error;
  bool from_cache = false;
};

/// Fetches the project page of every key (PEP 503 names), at most `concurrency` at once.
std::map<std::string, IndexPage> fetch_index_pages(const std::vector<std::string>& keys,
                                                   const IndexClientOptions& options);

/// The index URL pip would use: `cli` when given, else PIP_INDEX_URL, else `index-url` of the
/// pip.conf files in pip's order (later files win), else the public index.
std::string resolve_index_url(const std::string& cli, const std::function<const char*(const char*)>& getenv);

/// The cache folder: `cli`, else PYPYREADY_CACHE_DIR, else $XDG_CACHE_HOME/pypyready, else
/// ~/.cache/pypyready ("" when no home is known).
std::filesystem::path resolve_cache_dir(const std::string& cli,
                                        const std::function<const char*(const char*)>& getenv);

}  // namespace pypyready::deps
