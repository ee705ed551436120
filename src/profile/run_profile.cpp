#include "profile/run_profile.h"

#include <fmt/format.h>

#include <chrono>

#include "run/probes.h"

namespace pypyready::profile {
namespace {

// The last few lines of the program's stderr: usually the traceback's last frame and the error.
std::string stderr_tail(const std::string& err) {
  std::string text = err;
  while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
    text.pop_back();
  std::size_t at = text.size();
  for (int lines = 0; lines < 4 && at != std::string::npos && at > 0; ++lines)
    at = text.rfind('\n', at - 1);
  std::string tail = at == std::string::npos ? text : text.substr(at + 1);
  if (tail.size() > 1500) tail = "..." + tail.substr(tail.size() - 1500);
  return tail;
}

}  // namespace

std::vector<std::string> profile_argv(const ProfileRequest& request) {
  std::vector<std::string> argv{request.interpreter};
  argv.insert(argv.end(), request.program.interpreter_options.begin(),
              request.program.interpreter_options.end());
  argv.push_back("-c");
  argv.emplace_back(run::probe_source("profile_sampler"));
  argv.push_back(fmt::format("{}", request.interval_s));
  argv.push_back(request.program.mode);
  argv.push_back(request.program.target);
  argv.insert(argv.end(), request.program.args.begin(), request.program.args.end());
  return argv;
}

core::Result<ProfileRun> run_profile(const ProfileRequest& request) {
  run::ProcessSpec spec;
  spec.argv = profile_argv(request);
  spec.data_pipe = true;
  spec.working_directory = request.working_directory;
  spec.timeout = std::chrono::milliseconds(static_cast<long long>(request.timeout_s * 1000));
  auto ran = run::run_process(spec);
  if (!ran) return ran.error();
  ProfileRun out;
  out.process = std::move(*ran);
  const run::ProcessResult& process = out.process;
  if (process.interrupted) return core::Error{"interrupted: the program and its children were stopped"};
  if (process.timed_out)
    return core::Error{fmt::format("the program {}; it and its children were stopped (raise --timeout)",
                                   run::describe_ending(process, spec))};
  if (!process.succeeded()) {
    std::string tail = stderr_tail(process.err);
    return core::Error{fmt::format("the program failed ({}){}{}", run::describe_ending(process, spec),
                                   tail.empty() ? "" : ":\n", tail)};
  }
  auto probe = parse_probe_report(process.data);
  if (!probe) return probe.error();
  out.probe = std::move(*probe);
  return out;
}

}  // namespace pypyready::profile
