#include "deps/index_evidence.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "deps/name.h"
#include "deps/specifier.h"
#include "deps/version.h"
#include "deps/wheel_tags.h"

namespace pypyready::deps {
namespace {

// A representative micro release of each PyPy line, for Requires-Python such as `>=3.9.2`.
std::string full_python_version(const std::string& python_version) {
  if (python_version == "3.9") return "3.9.18";
  if (python_version == "3.10") return "3.10.14";
  if (python_version == "3.11") return "3.11.11";
  return python_version + ".0";
}

// The version of an sdist `name-version.tar.gz` whose name part normalises to `key`.
std::optional<std::string> sdist_version(const std::string& filename, const std::string& key) {
  std::string stem;
  for (std::string_view suffix : {".tar.gz", ".zip", ".tar.bz2", ".tgz"}) {
    if (filename.size() > suffix.size() &&
        filename.compare(filename.size() - suffix.size(), suffix.size(), suffix) == 0)
      stem = filename.substr(0, filename.size() - suffix.size());
  }
  if (stem.empty()) return std::nullopt;
  for (std::size_t dash = stem.find('-'); dash != std::string::npos; dash = stem.find('-', dash + 1)) {
    if (normalize_name(stem.substr(0, dash)) == key) return stem.substr(dash + 1);
  }
  return std::nullopt;
}

struct Release {
  Version version;
  std::string text;
  std::vector<const IndexFile*> files;  // not yanked
  int yanked = 0;
  bool any_pypy_wheel = false;  // for any PyPy level: the trend asks whether PyPy is built at all
  bool any_cpython_wheel = false;
};

}  // namespace

std::string IndexEvidence::summary() const {
  if (!error.empty()) return error;
  if (version.empty()) {
    std::string out = "no release on the index matches";
    for (const std::string& note : notes)
      out += "; " + note;
    return out;
  }
  std::string out;
  if (best == "pypy-wheel")
    out = fmt::format("{} has a PyPy wheel ({})", version, best_file);
  else if (best == "pure-wheel")
    out = fmt::format("{} has a pure-Python wheel ({})", version, best_file);
  else if (best == "sdist")
    out = fmt::format("{} has only an sdist for PyPy ({}): it builds from source", version, best_file);
  else
    out = fmt::format("{} has no file PyPy can install", version);
  if (cpython_wheels) out += "; CPython-only wheels (cp3xx/abi3) exist that PyPy cannot use";
  if (trend == "discontinued") out += fmt::format("; PyPy wheels discontinued since {}", discontinued_since);
  if (trend == "never") out += "; PyPy wheels were never published in recent releases";
  for (const std::string& note : notes)
    out += "; " + note;
  return out;
}

IndexEvidence evaluate_index_files(const IndexQuery& query, const std::vector<IndexFile>& files) {
  IndexEvidence out;
  out.key = query.key;
  const std::set<std::string> supported(query.supported_tags.begin(), query.supported_tags.end());
  std::optional<Version> python =
      Version::parse(full_python_version(query.python_version)).ok()
          ? std::optional<Version>(*Version::parse(full_python_version(query.python_version)))
          : std::nullopt;

  std::map<std::string, Release> releases;  // by normalised version text
  for (const IndexFile& file : files) {
    std::string version_text;
    auto wheel = WheelName::parse(file.filename);
    if (wheel) {
      version_text = wheel->version;
    } else if (auto version = sdist_version(file.filename, query.key)) {
      version_text = *version;
    } else {
      continue;  // eggs, .exe installers, signatures
    }
    auto version = Version::parse(version_text);
    if (!version.ok()) continue;
    Release& release = releases[version->to_string()];
    release.version = *version;
    release.text = version->to_string();
    if (file.yanked) {
      ++release.yanked;
      continue;
    }
    release.files.push_back(&file);
    if (wheel) {
      for (const WheelTag& tag : wheel->tags) {
        if (tag.interpreter.rfind("pp", 0) == 0) release.any_pypy_wheel = true;
        if (tag.interpreter.rfind("cp", 0) == 0 || tag.abi == "abi3") release.any_cpython_wheel = true;
      }
    }
  }
  std::vector<Release*> ordered;
  for (auto& [text, release] : releases)
    ordered.push_back(&release);
  std::sort(ordered.begin(), ordered.end(),
            [](const Release* a, const Release* b) { return a->version < b->version; });

  // The release judged: the pin, else the newest final release matching the specifier.
  Release* chosen = nullptr;
  if (!query.pinned.empty()) {
    auto pinned = Version::parse(query.pinned);
    for (Release* release : ordered) {
      if (pinned.ok() && release->version == *pinned) chosen = release;
    }
    if (chosen == nullptr) {
      out.notes.push_back(fmt::format("the pinned version {} is not on the index", query.pinned));
      return out;
    }
  } else {
    // As pip does, a release whose every file's Requires-Python excludes the target is passed over.
    auto specifier = SpecifierSet::parse(query.specifier);
    auto python_accepts = [&](const Release* release) {
      for (const IndexFile* file : release->files) {
        if (file->requires_python.empty() || !python) return true;
        auto requires_python = SpecifierSet::parse(file->requires_python);
        if (!requires_python.ok() || requires_python->contains(*python, true)) return true;
      }
      return false;
    };
    std::string newest_excluded;
    for (Release* release : ordered) {
      if (release->files.empty() || release->version.is_prerelease()) continue;
      if (specifier.ok() && !specifier->contains(release->version)) continue;
      if (!python_accepts(release)) {
        newest_excluded = release->text;
        continue;
      }
      chosen = release;
      newest_excluded.clear();  // ascending order: only releases newer than the choice remain
    }
    if (!newest_excluded.empty()) {
      out.notes.push_back(fmt::format("newer release {} requires a newer Python than {}", newest_excluded,
                                      query.python_version));
    }
    if (chosen == nullptr) return out;
  }
  out.version = chosen->text;
  if (chosen->yanked > 0) out.notes.push_back(fmt::format("{} yanked file(s) ignored", chosen->yanked));

  int best_rank = 0;  // 3 PyPy wheel, 2 pure wheel, 1 sdist
  std::set<std::string> python_excluded;
  for (const IndexFile* file : chosen->files) {
    if (!file->requires_python.empty() && python) {
      auto requires_python = SpecifierSet::parse(file->requires_python);
      if (requires_python.ok() && !requires_python->contains(*python, true)) {
        python_excluded.insert(file->requires_python);
        continue;
      }
    }
    int rank = 0;
    if (auto wheel = WheelName::parse(file->filename)) {
      WheelFit fit = wheel_fit(*wheel, supported);
      if (fit == WheelFit::kCPython) out.cpython_wheels = true;
      rank = fit == WheelFit::kPyPy ? 3 : fit == WheelFit::kPure ? 2 : 0;
    } else {
      rank = 1;
    }
    if (rank > best_rank) {
      best_rank = rank;
      out.best_file = file->filename;
    }
  }
  static const char* kBest[] = {"none", "sdist", "pure-wheel", "pypy-wheel"};
  out.best = kBest[best_rank];
  for (const std::string& requires_python : python_excluded) {
    out.notes.push_back(
        fmt::format("Requires-Python {} excludes Python {}", requires_python, query.python_version));
  }

  // The trend over the newest releases that have files (pre-releases included: they show intent).
  std::vector<const Release*> recent;
  for (auto it = ordered.rbegin();
       it != ordered.rend() && static_cast<int>(recent.size()) < query.trend_releases; ++it) {
    if (!(*it)->files.empty()) recent.insert(recent.begin(), *it);
  }
  bool any_binary = false, any_pypy = false;
  for (const Release* release : recent) {
    any_binary = any_binary || release->any_cpython_wheel || release->any_pypy_wheel;
    any_pypy = any_pypy || release->any_pypy_wheel;
  }
  if (any_pypy && recent.back()->any_pypy_wheel) {
    out.trend = "published";
  } else if (any_pypy) {
    out.trend = "discontinued";
    for (std::size_t i = recent.size(); i-- > 0;) {
      if (recent[i]->any_pypy_wheel) {
        out.discontinued_since = recent[i + 1]->text;
        break;
      }
    }
  } else if (any_binary) {
    out.trend = "never";
  }
  return out;
}

}  // namespace pypyready::deps
