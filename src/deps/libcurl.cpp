#include "deps/libcurl.h"

#include <dlfcn.h>
#include <fmt/format.h>

#include <mutex>

namespace pypyready::deps {
namespace {

struct Loaded {
  Libcurl api;
  std::string error;
};

template <typename Function>
bool bind(void* library, const char* name, Function& slot, std::string& error) {
  void* symbol = dlsym(library, name);
  if (symbol == nullptr) {
    error = fmt::format("libcurl has no {}: the installed libcurl is too old", name);
    return false;
  }
  slot = reinterpret_cast<Function>(symbol);  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
  return true;
}

Loaded load() {
  Loaded out;
  // The soname of libcurl 7 and 8 alike; the unversioned name only exists with the -dev package.
  void* library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr) library = dlopen("libcurl.so", RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr) {
    out.error =
        fmt::format("cannot load libcurl ({}): install it (Debian: apt-get install libcurl4)", dlerror());
    return out;
  }
  Libcurl& api = out.api;
  bool bound = bind(library, "curl_global_init", api.global_init, out.error) &&
               bind(library, "curl_easy_init", api.easy_init, out.error) &&
               bind(library, "curl_easy_setopt", api.easy_setopt, out.error) &&
               bind(library, "curl_easy_perform", api.easy_perform, out.error) &&
               bind(library, "curl_easy_getinfo", api.easy_getinfo, out.error) &&
               bind(library, "curl_easy_strerror", api.easy_strerror, out.error) &&
               bind(library, "curl_easy_cleanup", api.easy_cleanup, out.error) &&
               bind(library, "curl_slist_append", api.slist_append, out.error) &&
               bind(library, "curl_slist_free_all", api.slist_free_all, out.error);
  if (!bound) return out;
  // Once per process and before any other thread uses libcurl, as its documentation requires.
  if (CURLcode code = api.global_init(CURL_GLOBAL_DEFAULT); code != CURLE_OK)
    out.error = fmt::format("libcurl failed to initialise (code {})", static_cast<int>(code));
  return out;
}

}  // namespace

const Libcurl* libcurl(std::string& error) {
  static const Loaded kLoaded = load();  // the library stays loaded for the life of the process
  error = kLoaded.error;
  return kLoaded.error.empty() ? &kLoaded.api : nullptr;
}

}  // namespace pypyready::deps
