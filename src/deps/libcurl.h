#pragma once
// libcurl, loaded when the package index is first queried rather than at start-up: linking it
// pulls about thirty libraries (TLS, Kerberos, LDAP, ...) whose relocations cost every run of
// pypyready 15-25 ms, a few per cent of a whole-library scan that never touches the network.
// The types and constants still come from <curl/curl.h>; only the calls go through here.

#include <curl/curl.h>

#include <string>

namespace pypyready::deps {

/// The libcurl entry points the index client uses.
struct Libcurl {
  CURLcode (*global_init)(long flags) = nullptr;
  CURL* (*easy_init)() = nullptr;
  CURLcode (*easy_setopt)(CURL* handle, CURLoption option, ...) = nullptr;
  CURLcode (*easy_perform)(CURL* handle) = nullptr;
  CURLcode (*easy_getinfo)(CURL* handle, CURLINFO info, ...) = nullptr;
  const char* (*easy_strerror)(CURLcode code) = nullptr;
  void (*easy_cleanup)(CURL* handle) = nullptr;
  curl_slist* (*slist_append)(curl_slist* list, const char* text) = nullptr;
  void (*slist_free_all)(curl_slist* list) = nullptr;
};

/// The loaded and initialised library (loaded once, thread-safe), or nullptr with `error` set to
/// what is missing and how to install it.
const Libcurl* libcurl(std::string& error);

}  // namespace pypyready::deps
