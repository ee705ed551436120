#include "deps/index_client.h"

#include <fmt/format.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/file_io.h"
#include "deps/libcurl.h"

namespace pypyready::deps {
namespace {

constexpr const char* kAccept =
    "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01";

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

std::size_t read_header(char* data, std::size_t size, std::size_t count, void* user) {
  std::string line(data, size * count);
  std::string lowered;
  for (char c : line)
    lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lowered.rfind("content-type:", 0) == 0) {
    std::string value = lowered.substr(13);
    value.erase(0, value.find_first_not_of(" \t"));
    value.erase(value.find_last_not_of(" \t\r\n") + 1);
    *static_cast<std::string*>(user) = value;
  }
  return size * count;
}

struct Response {
  long status = 0;
  std::string content_type;
  std::string body;
  std::string transport_error;  // curl's message when no HTTP answer came
  bool transient = false;       // a timeout or a dropped connection, worth another attempt
};

Response get(const std::string& url, const IndexClientOptions& options) {
  Response out;
  const Libcurl* curl_api = libcurl(out.transport_error);
  if (curl_api == nullptr) return out;
  const Libcurl& api = *curl_api;
  CURL* curl = api.easy_init();
  if (curl == nullptr) {
    out.transport_error = "libcurl could not start a request";
    return out;
  }
  curl_slist* headers = api.slist_append(nullptr, (std::string("Accept: ") + kAccept).c_str());
  api.easy_setopt(curl, CURLOPT_URL, url.c_str());
  api.easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  api.easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  api.easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
  api.easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout.count()));
  api.easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.timeout.count()));
  api.easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // threads: no SIGALRM-based DNS timeouts
  api.easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
  api.easy_setopt(curl, CURLOPT_USERAGENT, "pypyready");
  api.easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_body);
  api.easy_setopt(curl, CURLOPT_WRITEDATA, &out.body);
  api.easy_setopt(curl, CURLOPT_HEADERFUNCTION, read_header);
  api.easy_setopt(curl, CURLOPT_HEADERDATA, &out.content_type);
  CURLcode code = api.easy_perform(curl);
  if (code != CURLE_OK) {
    out.transport_error = api.easy_strerror(code);
    // An unknown host or a bad URL will not change by asking again.
    out.transient = code == CURLE_OPERATION_TIMEDOUT || code == CURLE_COULDNT_CONNECT ||
                    code == CURLE_RECV_ERROR || code == CURLE_SEND_ERROR || code == CURLE_GOT_NOTHING ||
                    code == CURLE_PARTIAL_FILE;
  } else {
    api.easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &out.status);
  }
  api.slist_free_all(headers);
  api.easy_cleanup(curl);
  return out;
}

std::filesystem::path cache_path(const IndexClientOptions& options, const std::string& url) {
  // FNV-1a of the URL: one file per page and index, no escaping of URL characters needed.
  std::uint64_t hash = 1469598103934665603ULL;
  for (unsigned char c : url)
    hash = (hash ^ c) * 1099511628211ULL;
  return options.cache_dir / "index" / fmt::format("{:016x}", hash);
}

// The cache file holds the content type on its first line, then the body.
bool read_cache(const std::filesystem::path& path, const IndexClientOptions& options, Response& out) {
  std::error_code ec;
  auto modified = std::filesystem::last_write_time(path, ec);
  if (ec) return false;
  if (std::filesystem::file_time_type::clock::now() - modified > options.cache_ttl) return false;
  auto text = core::read_file(path);
  if (!text.ok()) return false;
  std::size_t newline = text->find('\n');
  if (newline == std::string::npos) return false;
  out.status = 200;
  out.content_type = text->substr(0, newline);
  out.body = text->substr(newline + 1);
  return true;
}

IndexPage parse_response(const std::string& url, const Response& response) {
  IndexPage page;
  page.url = url;
  auto files = response.content_type.find("json") != std::string::npos ? parse_json_page(response.body, url)
                                                                       : parse_html_page(response.body, url);
  if (files.ok()) {
    page.files = std::move(*files);
  } else {
    page.error = files.error().message;
  }
  return page;
}

IndexPage fetch_one(const std::string& key, const IndexClientOptions& options) {
  std::string base = options.index_url;
  while (!base.empty() && base.back() == '/')
    base.pop_back();
  const std::string url = base + "/" + key + "/";
  Response response;
  std::filesystem::path cached;
  if (!options.cache_dir.empty()) {
    cached = cache_path(options, url);
    if (read_cache(cached, options, response)) {
      IndexPage page = parse_response(url, response);
      page.from_cache = true;
      return page;
    }
  }
  std::chrono::milliseconds delay = options.backoff;
  for (int attempt = 0;; ++attempt) {
    response = get(url, options);
    bool transient = response.transient || response.status >= 500 || response.status == 429;
    if (!transient || attempt >= options.retries) break;
    std::this_thread::sleep_for(delay);
    delay *= 2;
  }
  IndexPage page;
  page.url = url;
  if (!response.transport_error.empty()) {
    page.error = response.transient ? fmt::format("{}: {} (after {} attempts)", url, response.transport_error,
                                                  options.retries + 1)
                                    : fmt::format("{}: {}", url, response.transport_error);
    return page;
  }
  if (response.status == 404) {
    page.error = fmt::format("{}: not on the index (HTTP 404)", url);
    return page;
  }
  if (response.status != 200) {
    page.error = fmt::format("{}: expected HTTP 200, got {}", url, response.status);
    return page;
  }
  page = parse_response(url, response);
  // Only pages that parse are cached, so a broken answer is asked again next time.
  if (page.error.empty() && !cached.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(cached.parent_path(), ec);
    (void)core::write_file_atomically(cached, response.content_type + "\n" + response.body);
  }
  return page;
}

std::string trim(const std::string& text) {
  std::size_t start = text.find_first_not_of(" \t\r");
  if (start == std::string::npos) return "";
  return text.substr(start, text.find_last_not_of(" \t\r") - start + 1);
}

// `index-url` of [global] (or [install], which pip also reads for install) in one pip.conf.
std::string index_url_of_config(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::string line, section, found;
  while (std::getline(in, line)) {
    line = trim(line);
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;
    if (line.front() == '[' && line.back() == ']') {
      section = trim(line.substr(1, line.size() - 2));
      continue;
    }
    std::size_t equals = line.find_first_of("=:");
    if (equals == std::string::npos || (section != "global" && section != "install")) continue;
    std::string name = trim(line.substr(0, equals));
    for (char& c : name)
      if (c == '_') c = '-';
    if (name == "index-url") found = trim(line.substr(equals + 1));
  }
  return found;
}

}  // namespace

std::map<std::string, IndexPage> fetch_index_pages(const std::vector<std::string>& keys,
                                                   const IndexClientOptions& options) {
  std::string unavailable;
  libcurl(unavailable);  // loaded and initialised before the threads start, as libcurl requires
  std::vector<IndexPage> pages(keys.size());
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < keys.size(); i = next++)
      pages[i] = fetch_one(keys[i], options);
  };
  std::vector<std::thread> threads;
  int count = std::max(1, std::min<int>(options.concurrency, static_cast<int>(keys.size())));
  threads.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i)
    threads.emplace_back(worker);
  for (std::thread& thread : threads)
    thread.join();
  std::map<std::string, IndexPage> out;
  for (std::size_t i = 0; i < keys.size(); ++i)
    out[keys[i]] = std::move(pages[i]);
  return out;
}

std::string resolve_index_url(const std::string& cli, const std::function<const char*(const char*)>& getenv) {
  if (!cli.empty()) return cli;
  auto env = [&](const char* name) -> std::string {
    const char* value = getenv(name);
    return value == nullptr ? "" : value;
  };
  if (!env("PIP_INDEX_URL").empty()) return env("PIP_INDEX_URL");
  std::vector<std::filesystem::path> files = {"/etc/xdg/pip/pip.conf", "/etc/pip.conf"};
  std::string home = env("HOME");
  if (!home.empty()) files.push_back(std::filesystem::path(home) / ".pip" / "pip.conf");
  std::string config_home = env("XDG_CONFIG_HOME");
  if (config_home.empty() && !home.empty()) config_home = home + "/.config";
  if (!config_home.empty()) files.push_back(std::filesystem::path(config_home) / "pip" / "pip.conf");
  if (!env("PIP_CONFIG_FILE").empty()) files.push_back(env("PIP_CONFIG_FILE"));
  std::string found;
  for (const auto& file : files) {
    std::string url = index_url_of_config(file);
    if (!url.empty()) found = url;
  }
  return found.empty() ? kDefaultIndexUrl : found;
}

std::filesystem::path resolve_cache_dir(const std::string& cli,
                                        const std::function<const char*(const char*)>& getenv) {
  if (!cli.empty()) return cli;
  auto env = [&](const char* name) -> std::string {
    const char* value = getenv(name);
    return value == nullptr ? "" : value;
  };
  if (!env("PYPYREADY_CACHE_DIR").empty()) return env("PYPYREADY_CACHE_DIR");
  if (!env("XDG_CACHE_HOME").empty()) return std::filesystem::path(env("XDG_CACHE_HOME")) / "pypyready";
  if (!env("HOME").empty()) return std::filesystem::path(env("HOME")) / ".cache" / "pypyready";
  return {};
}

}  // namespace pypyready::deps
