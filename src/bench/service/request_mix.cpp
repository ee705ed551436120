#include "bench/service/request_mix.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <sstream>

#include "core/text.h"

namespace pypyready::bench::service {
namespace {

// The wrk script builds every request once per connection: keep the expanded list small.
constexpr int kMaxTotalWeight = 1000;

bool is_loopback(const std::string& host) {
  return host.starts_with("127.") || host == "localhost";
}

bool valid_method(std::string_view method) {
  return !method.empty() &&
         std::all_of(method.begin(), method.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

core::Result<Endpoint> parse_url(std::string_view url) {
  constexpr std::string_view kScheme = "http://";
  if (!url.starts_with(kScheme))
    return core::Error{
        fmt::format("{}: expected http://HOST:PORT/PATH (https is not supported: the server "
                    "runs on this machine, so plain HTTP on loopback is what is measured)",
                    url)};
  std::string_view rest = url.substr(kScheme.size());
  std::size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  Endpoint endpoint;
  endpoint.path = slash == std::string_view::npos ? "/" : std::string(rest.substr(slash));
  std::size_t colon = authority.rfind(':');
  endpoint.host = std::string(authority.substr(0, colon));
  if (colon != std::string_view::npos) {
    std::string_view port_text = authority.substr(colon + 1);
    auto [end, error] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), endpoint.port);
    if (error != std::errc() || end != port_text.data() + port_text.size() || endpoint.port <= 0 ||
        endpoint.port > 65535)
      return core::Error{fmt::format("{}: the port must be a number from 1 to 65535", url)};
  }
  if (endpoint.host.empty()) return core::Error{fmt::format("{}: no host", url)};
  if (!is_loopback(endpoint.host))
    return core::Error{
        fmt::format("{}: the host must be this machine (127.0.0.1 or localhost): pypyready "
                    "starts the server here and measures it over loopback",
                    url)};
  if (endpoint.host == "localhost") endpoint.host = "127.0.0.1";
  return endpoint;
}

core::Result<RequestMix> mix_from_urls(const std::vector<std::string>& urls) {
  if (urls.empty())
    return core::Error{"no --url: give the URL(s) to load, e.g. --url http://127.0.0.1:8000/"};
  RequestMix mix;
  for (std::size_t i = 0; i < urls.size(); ++i) {
    auto endpoint = parse_url(urls[i]);
    if (!endpoint) return endpoint.error();
    if (i == 0) mix.endpoint = *endpoint;
    if (endpoint->host != mix.endpoint.host || endpoint->port != mix.endpoint.port)
      return core::Error{fmt::format("{}: every --url must name the same server ({}:{})", urls[i],
                                     mix.endpoint.host, mix.endpoint.port)};
    mix.entries.push_back({1, "GET", endpoint->path, ""});
  }
  return mix;
}

core::Result<RequestMix> parse_mix_file(std::string_view text, const std::string& file_name,
                                        const std::vector<std::string>& urls) {
  RequestMix mix;
  bool have_endpoint = false;
  if (!urls.empty()) {
    auto from_urls = mix_from_urls(urls);
    if (!from_urls) return from_urls.error();
    mix.endpoint = from_urls->endpoint;
    have_endpoint = true;
  }
  std::istringstream lines{std::string(text)};
  std::string raw;
  int total = 0;
  for (int number = 1; std::getline(lines, raw); ++number) {
    std::string_view line = core::trim(raw);
    if (line.empty() || line.front() == '#') continue;
    auto fail = [&](const std::string& why) {
      return core::Error{
          fmt::format("{}:{}: {} (expected [WEIGHT] METHOD URL-OR-PATH [BODY])", file_name, number, why)};
    };
    auto next_word = [&line]() {
      std::size_t end = line.find_first_of(" \t");
      std::string_view word = line.substr(0, end);
      line = end == std::string_view::npos ? std::string_view{} : core::trim(line.substr(end));
      return word;
    };
    MixEntry entry;
    std::string_view word = next_word();
    if (!word.empty() && std::isdigit(static_cast<unsigned char>(word.front()))) {
      auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), entry.weight);
      if (error != std::errc() || end != word.data() + word.size() || entry.weight < 1)
        return fail(fmt::format("weight `{}` is not a positive whole number", word));
      word = next_word();
    }
    if (!valid_method(word)) return fail(fmt::format("`{}` is not an HTTP method (GET, POST, ...)", word));
    entry.method = std::string(word);
    word = next_word();
    if (word.empty()) return fail("no URL or path");
    if (word.front() == '/') {
      entry.path = std::string(word);
    } else {
      auto endpoint = parse_url(word);
      if (!endpoint) return fail(endpoint.error().message);
      if (have_endpoint && (endpoint->host != mix.endpoint.host || endpoint->port != mix.endpoint.port))
        return fail(fmt::format("every request must go to the same server ({}:{})", mix.endpoint.host,
                                mix.endpoint.port));
      if (!have_endpoint) mix.endpoint = *endpoint;
      have_endpoint = true;
      entry.path = endpoint->path;
    }
    if (line.find('\n') != std::string_view::npos || line.find('\t') != std::string_view::npos)
      return fail("the body may not contain tabs");
    entry.body = std::string(line);
    total += entry.weight;
    if (total > kMaxTotalWeight)
      return fail(fmt::format("the weights add up to more than {}", kMaxTotalWeight));
    mix.entries.push_back(std::move(entry));
  }
  if (mix.entries.empty()) return core::Error{fmt::format("{}: no requests in the file", file_name)};
  // Bare paths go to the server that a full URL (on any line, or --url) names.
  if (!have_endpoint)
    return core::Error{
        fmt::format("{}: only paths, no server: give one full URL (http://127.0.0.1:PORT/...) in "
                    "the file or a --url",
                    file_name)};
  return mix;
}

std::string script_lines(const RequestMix& mix) {
  int total = 0;
  for (const MixEntry& entry : mix.entries)
    total += entry.weight;
  std::vector<int> credit(mix.entries.size(), 0);
  std::string out;
  for (int n = 0; n < total; ++n) {
    std::size_t best = 0;
    for (std::size_t i = 0; i < mix.entries.size(); ++i) {
      credit[i] += mix.entries[i].weight;
      if (credit[i] > credit[best]) best = i;
    }
    credit[best] -= total;
    const MixEntry& entry = mix.entries[best];
    out += fmt::format("{}\t{}\t{}\n", entry.method, entry.path, entry.body);
  }
  return out;
}

}  // namespace pypyready::bench::service
