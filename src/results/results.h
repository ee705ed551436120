#pragma once
// The Results value of design.md: everything one `pypyready check` learned, in the shape of
// report.json (schema "pypyready/1"). Each analysis fills only its own section; the decision
// engine reads the sections and fills `decision`; renderers read the whole value. Fields that
// the tool itself does not read travel in `extra`, so a saved report re-renders without loss.

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pypyready::results {

inline constexpr const char* kSchema = "pypyready/1";

/// Who made the report and when (ISO 8601 UTC).
struct ToolInfo {
  std::string version;
  std::string started_at;
  std::string finished_at;
  std::string command_line;
};

/// The project the report is about.
struct ProjectInfo {
  std::string root;         ///< as given on the command line
  std::string name;         ///< the folder name, or [project].name
  std::string config_file;  ///< relative to the root; empty when there is none
};

/// One interpreter that took part.
struct InterpreterInfo {
  std::string id;              ///< "cpython-3.11"
  std::string implementation;  ///< "cpython" or "pypy"
  std::string version;         ///< language version
  std::string implementation_version;
  std::string executable;
  std::string ext_suffix;
  std::string role;  ///< "baseline" or "candidate"
};

/// How one stage of `check` went: "ok", "failed" (reason says why) or "not-run" (reason says why).
struct StageStatus {
  std::string name;  ///< "scan", "deps", "bench", "test", "profile"
  std::string status;
  std::string reason;
  double duration_s = 0;
};

// ---- scan -------------------------------------------------------------------------------------

struct FindingFix {
  std::string description;
  std::string applicability = "safe";  ///< "safe": `pypyready scan --fix` applies it; "unsafe": by hand
  nlohmann::json edits = nlohmann::json::array();
};

struct Finding {
  std::string code;
  std::string name;
  std::string severity;  ///< "error", "warning", "info"
  std::string path;
  int line = 0;
  int column = 0;
  int end_line = 0;
  int end_column = 0;
  std::string message;
  std::optional<FindingFix> fix;
  nlohmann::json extra = nlohmann::json::object();
};

struct SyntaxError {
  std::string path;
  int line = 0;
  int column = 0;
  std::string message;
};

/// The newest language level the code needs versus what the target PyPy speaks ("3.9").
struct LanguageLevel {
  std::string required;  ///< empty: nothing newer than the target was found
  std::string target;
  nlohmann::json extra = nlohmann::json::object();  ///< first_use and the rest, kept as written
};

struct ScanSection {
  int files_scanned = 0;
  std::vector<SyntaxError> syntax_errors;
  std::vector<Finding> findings;
  std::optional<LanguageLevel> language_level;
  nlohmann::json extra = nlohmann::json::object();
};

// ---- deps -------------------------------------------------------------------------------------

struct DependencyEvidence {
  std::string source;
  std::string detail;
  std::vector<std::string> missing_symbols;
};

struct Dependency {
  std::string name;
  std::string version;
  std::vector<std::string> declared_in;
  std::string kind;     ///< pure, cffi, ctypes, c-api, cython, pyo3, unknown
  std::string verdict;  ///< works, slower, replace, blocked, unknown
  std::string alternative;
  std::vector<std::vector<std::string>> pulled_in_by;
  std::vector<DependencyEvidence> evidence;
  nlohmann::json extra = nlohmann::json::object();
};

struct DepsSection {
  std::string target_interpreter;
  std::vector<std::string> target_tags;
  std::vector<Dependency> dependencies;
  nlohmann::json extra = nlohmann::json::object();
};

// ---- bench ------------------------------------------------------------------------------------

struct BenchProcess {
  double wall_s = 0;
  std::uint64_t peak_rss_bytes = 0;
  nlohmann::json extra = nlohmann::json::object();
};

struct BenchInterpreter {
  std::string status = "ok";  ///< "ok" or "cannot-run"
  std::string reason;
  double startup_s = 0;
  double first_iteration_s = 0;
  double steady_mean_s = 0;
  double seconds_to_steady = 0;
  std::string classification;
  std::uint64_t peak_rss_bytes = 0;
  std::vector<BenchProcess> processes;
  nlohmann::json extra = nlohmann::json::object();
};

/// Baseline time / candidate time (> 1: the candidate is faster) with its 95 % interval.
struct Speedup {
  double estimate = 0;
  double ci95_low = 0;
  double ci95_high = 0;
  int processes = 0;
};

struct BreakEven {
  double seconds = 0;
  double iterations = 0;
};

struct Benchmark {
  std::string name;
  std::string mode;  ///< function, process, command, pytest-benchmark, service
  std::map<std::string, BenchInterpreter> per_interpreter;
  std::optional<Speedup> speedup;
  std::optional<BreakEven> break_even;
  std::optional<double> memory_ratio;
  std::vector<std::string> warnings;
  nlohmann::json extra = nlohmann::json::object();
};

struct BenchSection {
  std::vector<Benchmark> benchmarks;
  nlohmann::json extra = nlohmann::json::object();
};

// ---- test -------------------------------------------------------------------------------------

struct TestCase {
  std::string id;
  std::map<std::string, std::string> outcomes;  ///< interpreter id -> passed, failed, error, skipped
  std::string group;                            ///< e.g. "pypy-only-failure", "pass-both"
  std::string likely_cause;
  std::vector<std::string> related_findings;  ///< scan codes that explain a difference
  bool flaky = false;
  nlohmann::json extra = nlohmann::json::object();
};

struct TestSection {
  std::vector<TestCase> tests;
  nlohmann::json extra = nlohmann::json::object();  ///< per_interpreter totals and the rest
};

// ---- profile ----------------------------------------------------------------------------------

struct ProfileSection {
  std::string interpreter;
  std::map<std::string, double> shares;  ///< python, native_stdlib, native_extensions, system, ...
  std::optional<double> speedup_low;
  std::optional<double> speedup_high;
  nlohmann::json extra = nlohmann::json::object();
};

// ---- decision ---------------------------------------------------------------------------------

/// One criterion of design.md's decision framework.
struct Criterion {
  std::string id;        ///< "cpu-bound", "dependencies", "runs-long-enough", ...
  std::string title;     ///< "CPU-bound pure Python"
  std::string state;     ///< "met", "not-met", "unknown"
  std::string evidence;  ///< one line: what decided it
  std::map<std::string, double> numbers;
};

/// Something that must change before moving (a finding, a dependency, a failing test).
struct Blocker {
  std::string kind;  ///< "finding", "dependency", "test", "language-level"
  std::string what;  ///< "src/a.py:12 PPY001", "psycopg2"
  std::string fix;   ///< what to do about it
};

/// One concrete step, in the order to take them.
struct NextStep {
  std::string action;  ///< short: "pypyready scan --fix", "replace psycopg2 with psycopg2cffi"
  std::string detail;  ///< why, and where
};

struct Decision {
  std::string verdict;  ///< migrate, migrate-after-fixes, stay, inconclusive
  std::string reason;   ///< one sentence: the deciding criteria or what is missing
  std::vector<Criterion> criteria;
  std::vector<Blocker> blockers;
  std::vector<NextStep> next_steps;
};

/// The whole report.
struct Results {
  std::string schema = kSchema;
  ToolInfo tool;
  ProjectInfo project;
  std::vector<InterpreterInfo> interpreters;
  std::vector<StageStatus> stages;
  std::optional<ScanSection> scan;
  std::optional<DepsSection> deps;
  std::optional<BenchSection> bench;
  std::optional<TestSection> test;
  std::optional<ProfileSection> profile;
  std::optional<Decision> decision;
};

}  // namespace pypyready::results
