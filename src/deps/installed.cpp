#include "deps/installed.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <set>
#include <thread>
#include <tuple>

#include "core/file_io.h"
#include "deps/capi_check.h"
#include "deps/metadata.h"
#include "deps/name.h"
#include "deps/python_sources.h"

namespace pypyready::deps {
namespace {

namespace fs = std::filesystem;

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool is_extension_file(std::string_view path) {
  return ends_with(path, ".so") || ends_with(path, ".pyd");
}

void run_parallel(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& task) {
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < count; i = next++)
      task(i);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < std::max(1u, threads); ++t)
    pool.emplace_back(worker);
  worker();
  for (auto& thread : pool)
    thread.join();
}

std::string relative_to(const fs::path& path, const fs::path& site) {
  return path.lexically_normal().lexically_relative(site.lexically_normal()).generic_string();
}

void add_tree(const fs::path& site, const fs::path& root, std::vector<std::string>& files) {
  std::error_code ec;
  if (fs::is_directory(root, ec)) {
    for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      if (it->is_regular_file(ec)) files.push_back(relative_to(it->path(), site));
    }
  }
}

// Files of an egg-info distribution without installed-files.txt: what its import names cover.
void files_from_top_level(const fs::path& site, const std::vector<std::string>& top_level,
                          std::vector<std::string>& files) {
  std::error_code ec;
  std::set<std::string> names(top_level.begin(), top_level.end());
  for (const std::string& name : names) {
    if (name.empty()) continue;
    add_tree(site, site / name, files);
    if (fs::exists(site / (name + ".py"), ec)) files.push_back(name + ".py");
  }
  // Single-file extension modules at the top: name.cpython-311-x86_64-linux-gnu.so and the like.
  for (const auto& entry : fs::directory_iterator(site, ec)) {
    std::string file = entry.path().filename().string();
    std::string stem = file.substr(0, file.find('.'));
    if (names.count(stem) && is_extension_file(file)) files.push_back(file);
  }
}

Distribution read_distribution(const fs::path& site, const fs::path& meta) {
  Distribution dist;
  dist.site = site.string();
  dist.metadata_dir = meta.filename().string();
  bool egg = ends_with(dist.metadata_dir, ".egg-info");
  std::error_code ec;
  bool is_dir = fs::is_directory(meta, ec);
  auto read = [&](const char* name) -> std::string {
    auto text = core::read_file(is_dir ? meta / name : meta);
    return text ? *text : std::string();
  };
  std::string metadata_file = egg ? "PKG-INFO" : "METADATA";
  MetadataFields fields = parse_metadata(read(metadata_file.c_str()));
  dist.name = fields.get("name");
  if (dist.name.empty()) {
    std::string stem = dist.metadata_dir.substr(0, dist.metadata_dir.rfind('.'));
    dist.name = stem.substr(0, stem.find('-'));
  }
  dist.key = normalize_name(dist.name);
  dist.version = fields.get("version");
  dist.requires_python = fields.get("requires-python");
  dist.classifiers = fields.all("classifier");
  const std::string meta_label = (fs::path(dist.metadata_dir) / metadata_file).string();
  std::vector<std::pair<std::string, int>> requirements;
  for (const std::string& text : fields.all("requires-dist"))
    requirements.emplace_back(text, 0);
  if (egg && is_dir) {
    for (auto& entry : requires_txt_to_pep508(read("requires.txt")))
      requirements.push_back(std::move(entry));
  }
  for (const auto& [text, line] : requirements) {
    auto req = Requirement::parse(text);
    if (req) {
      dist.requires_dist.push_back(std::move(*req));
    } else {
      std::string where =
          line > 0 ? fmt::format("{}:{}", (fs::path(dist.metadata_dir) / "requires.txt").string(), line)
                   : meta_label;
      dist.problems.push_back(fmt::format("{}: {}", where, req.error().message));
    }
  }
  if (!is_dir) {
    // A single-file egg-info (PKG-INFO only): its import name is usually its own name.
    std::string guess = dist.key;
    std::replace(guess.begin(), guess.end(), '-', '_');
    files_from_top_level(site, {guess}, dist.files);
    if (!dist.files.empty()) dist.top_level.push_back(guess);
    return dist;
  }

  WheelInfo wheel = parse_wheel_file(read("WHEEL"));
  dist.wheel_tags = wheel.tags;
  dist.root_is_purelib = wheel.root_is_purelib;
  std::string top = read("top_level.txt");
  for (std::size_t start = 0; start < top.size();) {
    std::size_t end = top.find('\n', start);
    std::string name = top.substr(start, end == std::string::npos ? std::string::npos : end - start);
    while (!name.empty() && (name.back() == '\r' || name.back() == ' '))
      name.pop_back();
    if (!name.empty()) dist.top_level.push_back(name);
    if (end == std::string::npos) break;
    start = end + 1;
  }

  if (fs::exists(meta / "RECORD", ec)) {
    for (const std::string& path : parse_record(read("RECORD"))) {
      std::string normal = fs::path(path).lexically_normal().generic_string();
      if (normal.rfind("../", 0) == 0 || normal.empty()) continue;  // scripts and data outside the site
      dist.files.push_back(normal);
    }
  } else if (fs::exists(meta / "installed-files.txt", ec)) {
    for (const std::string& path : parse_record(read("installed-files.txt"))) {
      std::string normal = (fs::path(dist.metadata_dir) / path).lexically_normal().generic_string();
      if (normal.rfind("../", 0) == 0) continue;
      dist.files.push_back(normal);
    }
  } else {
    std::vector<std::string> names = dist.top_level;
    if (names.empty()) {
      std::string guess = dist.key;
      std::replace(guess.begin(), guess.end(), '-', '_');
      names.push_back(guess);
    }
    files_from_top_level(site, names, dist.files);
  }
  if (dist.top_level.empty()) {
    std::set<std::string> roots;
    for (const std::string& file : dist.files) {
      std::string first = file.substr(0, file.find('/'));
      if (first.find(".dist-info") != std::string::npos || first.find(".egg-info") != std::string::npos ||
          first == "__pycache__" || ends_with(first, ".pth")) {
        continue;
      }
      if (file.find('/') == std::string::npos) first = first.substr(0, first.find('.'));
      roots.insert(first);
    }
    dist.top_level.assign(roots.begin(), roots.end());
  }
  std::sort(dist.files.begin(), dist.files.end());
  dist.files.erase(std::unique(dist.files.begin(), dist.files.end()), dist.files.end());
  return dist;
}

// Where each imported word appears: under a guard anywhere, or unguarded in which modules.
struct ImportIndex {
  std::set<std::string> guarded;
  std::map<std::string, std::set<std::string>> unguarded_in;  // word -> importing module stems
};

// A fallback exists when the module's own path also has a .py, when its import is guarded, or
// when a module that imports it is itself imported under a guard (yaml._yaml via yaml.cyaml).
bool has_fallback(const ExtensionModule& ext, const std::set<std::string>& py_files,
                  const ImportIndex& index) {
  std::string stem = ext.path.substr(0, ext.path.find('.', ext.path.rfind('/') + 1));
  if (py_files.count(stem + ".py")) return true;
  std::string name = ext.module.substr(ext.module.rfind('.') + 1);
  if (index.guarded.count(name)) return true;
  auto importers = index.unguarded_in.find(name);
  if (importers == index.unguarded_in.end()) return false;
  for (const std::string& importer : importers->second) {
    if (importer != "__init__" && index.guarded.count(importer)) return true;
  }
  return false;
}

// Reads the Python sources that matter: for a distribution with extension modules, the .py files
// beside each extension and in its parent package (where guarded imports live); otherwise every
// .py file, to spot cffi and ctypes use, unless the kind is already known.
void scan_sources(const fs::path& site, Distribution& dist, const ScanOptions& options) {
  bool has_extensions = false;
  std::set<std::string> ext_dirs;
  for (const ExtensionModule& ext : dist.extensions) {
    if (ext.kind == BinaryKind::kLibrary) continue;
    has_extensions = true;
    fs::path dir = fs::path(ext.path).parent_path();
    ext_dirs.insert(dir.generic_string());
    if (!dir.empty()) ext_dirs.insert(dir.parent_path().generic_string());
  }
  if (!has_extensions && options.kind_known && options.kind_known(dist.key)) return;
  std::set<std::string> py_files;
  ImportIndex index;
  for (const std::string& file : dist.files) {
    if (!ends_with(file, ".py")) continue;
    py_files.insert(file);
    if (has_extensions && !ext_dirs.count(fs::path(file).parent_path().generic_string())) continue;
    if (!has_extensions && dist.uses_ctypes && dist.uses_cffi) break;
    auto text = core::read_file(site / file);
    if (!text) continue;
    if (!dist.uses_ctypes && uses_ctypes_loading(*text)) dist.uses_ctypes = true;
    if (!dist.uses_cffi && imports_cffi(*text)) dist.uses_cffi = true;
    if (!has_extensions) continue;
    std::string base = file.substr(file.rfind('/') + 1);
    std::string module = base.substr(0, base.size() - 3);
    for (const ImportLine& line : import_lines(*text)) {
      for (const std::string& word : line.words) {
        if (line.guarded) {
          index.guarded.insert(word);
        } else {
          index.unguarded_in[word].insert(module);
        }
      }
    }
  }
  for (ExtensionModule& ext : dist.extensions) {
    if (ext.kind != BinaryKind::kLibrary) ext.has_fallback = has_fallback(ext, py_files, index);
  }
}

}  // namespace

core::Result<InstalledEnvironment> scan_installed(const std::vector<fs::path>& sites, const PyPyCapi& capi,
                                                  const ScanOptions& options) {
  const unsigned threads = options.threads;
  InstalledEnvironment env;
  struct Pending {
    fs::path site, meta;
  };
  std::vector<Pending> pending;
  for (const fs::path& site : sites) {
    std::error_code ec;
    if (!fs::is_directory(site, ec)) {
      return core::Error{
          fmt::format("{}: not a folder; expected a site-packages or dist-packages folder", site.string())};
    }
    env.sites.push_back(site.string());
    for (const auto& entry : fs::directory_iterator(site, ec)) {
      std::string name = entry.path().filename().string();
      if (ends_with(name, ".dist-info") || ends_with(name, ".egg-info"))
        pending.push_back(Pending{site, entry.path()});
    }
  }
  env.distributions.resize(pending.size());
  run_parallel(pending.size(), threads, [&](std::size_t i) {
    env.distributions[i] = read_distribution(pending[i].site, pending[i].meta);
  });

  // Debian sometimes installs both a dist-info and an egg-info for one distribution
  // (cryptography): merge them so each file has one owner.
  std::sort(env.distributions.begin(), env.distributions.end(),
            [](const Distribution& a, const Distribution& b) {
              return std::tie(a.site, a.key, a.metadata_dir) < std::tie(b.site, b.key, b.metadata_dir);
            });
  std::vector<Distribution> merged;
  for (Distribution& dist : env.distributions) {
    if (!merged.empty() && merged.back().site == dist.site && merged.back().key == dist.key) {
      Distribution& into = merged.back();
      into.files.insert(into.files.end(), dist.files.begin(), dist.files.end());
      std::sort(into.files.begin(), into.files.end());
      into.files.erase(std::unique(into.files.begin(), into.files.end()), into.files.end());
      for (auto& name : dist.top_level) {
        if (std::find(into.top_level.begin(), into.top_level.end(), name) == into.top_level.end())
          into.top_level.push_back(name);
      }
      if (into.wheel_tags.empty()) into.wheel_tags = dist.wheel_tags;
      if (into.requires_dist.empty()) into.requires_dist = std::move(dist.requires_dist);
      into.metadata_dir += ", " + dist.metadata_dir;
      continue;
    }
    merged.push_back(std::move(dist));
  }
  env.distributions = std::move(merged);

  // Every extension file of every site, owned or not, checked once.
  struct Job {
    fs::path site;
    std::string path;
    Distribution* owner;
  };
  std::vector<Job> jobs;
  std::set<std::pair<std::string, std::string>> owned;
  for (Distribution& dist : env.distributions) {
    for (const std::string& file : dist.files) {
      if (is_extension_file(file) && owned.insert({dist.site, file}).second)
        jobs.push_back(Job{dist.site, file, &dist});
    }
  }
  for (const fs::path& site : sites) {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(site, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      std::string rel = relative_to(it->path(), site);
      if (is_extension_file(rel) && it->is_regular_file(ec) && !owned.count({site.string(), rel})) {
        jobs.push_back(Job{site, rel, nullptr});
      }
    }
  }
  std::vector<ExtensionModule> checked(jobs.size());
  run_parallel(jobs.size(), threads,
               [&](std::size_t i) { checked[i] = check_extension(jobs[i].site, jobs[i].path, capi); });
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    if (jobs[i].owner != nullptr) {
      jobs[i].owner->extensions.push_back(std::move(checked[i]));
    } else {
      env.unowned.push_back(std::move(checked[i]));
    }
  }
  run_parallel(env.distributions.size(), threads, [&](std::size_t i) {
    scan_sources(env.distributions[i].site, env.distributions[i], options);
  });

  std::sort(env.distributions.begin(), env.distributions.end(),
            [](const Distribution& a, const Distribution& b) { return a.key < b.key; });
  for (Distribution& dist : env.distributions) {
    std::sort(dist.extensions.begin(), dist.extensions.end(),
              [](const ExtensionModule& a, const ExtensionModule& b) { return a.path < b.path; });
  }
  std::sort(env.unowned.begin(), env.unowned.end(),
            [](const ExtensionModule& a, const ExtensionModule& b) { return a.path < b.path; });
  return env;
}

const Distribution* find_distribution(const InstalledEnvironment& env, const std::string& key) {
  for (const Distribution& dist : env.distributions) {
    if (dist.key == key) return &dist;
  }
  return nullptr;
}

}  // namespace pypyready::deps
