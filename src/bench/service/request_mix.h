#pragma once
// What the load generator asks for: the server's address (loopback only, since pypyready starts
// the server here) and a weighted list of requests, from several --url options or a small
// request-mix file:
//
//   # WEIGHT is optional (default 1); a line names a full URL or a path on the --url server
//   3 GET /hello
//   1 POST http://127.0.0.1:8000/api/items {"name": "x"}
//
// The body, when present, is the rest of the line and is sent as JSON.

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace pypyready::bench::service {

/// http://HOST:PORT/PATH split up; HOST is a loopback address.
struct Endpoint {
  std::string host;  ///< numeric IPv4, "localhost" resolved to 127.0.0.1
  int port = 80;
  std::string path = "/";
};

/// One kind of request and how often it is sent relative to the others.
struct MixEntry {
  int weight = 1;
  std::string method = "GET";
  std::string path = "/";
  std::string body;
};

/// The server and the requests to send it.
struct RequestMix {
  Endpoint endpoint;
  std::vector<MixEntry> entries;
};

/// Parses an http:// URL on this machine; the error says what is wrong with it.
core::Result<Endpoint> parse_url(std::string_view url);

/// One GET per URL, all on the same host and port.
core::Result<RequestMix> mix_from_urls(const std::vector<std::string>& urls);

/// Parses a request-mix file; `urls` (may be empty) gives the server for lines with a bare path.
/// Errors name `file_name` and the line.
core::Result<RequestMix> parse_mix_file(std::string_view text, const std::string& file_name,
                                        const std::vector<std::string>& urls);

/// The mix as the wrk script reads it: METHOD<TAB>PATH<TAB>BODY lines, each entry repeated by its
/// weight and the repeats spread out (smooth weighted round robin), so that any window of the
/// sequence has about the requested proportions.
std::string script_lines(const RequestMix& mix);

}  // namespace pypyready::bench::service
