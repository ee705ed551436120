#include "deps/wheel_tags.h"

#include <sys/utsname.h>
#include <unistd.h>

#include <cstdlib>

#include "deps/child_process.h"

namespace pypyready::deps {
namespace {

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t at = text.find(separator, start);
    out.emplace_back(text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) return out;
    start = at + 1;
  }
}

}  // namespace

std::optional<WheelName> WheelName::parse(std::string_view filename) {
  constexpr std::string_view kSuffix = ".whl";
  if (filename.size() <= kSuffix.size() || filename.substr(filename.size() - kSuffix.size()) != kSuffix)
    return std::nullopt;
  auto parts = split(filename.substr(0, filename.size() - kSuffix.size()), '-');
  if (parts.size() != 5 && parts.size() != 6) return std::nullopt;
  for (const std::string& part : parts) {
    if (part.empty()) return std::nullopt;
  }
  WheelName out;
  out.distribution = parts[0];
  out.version = parts[1];
  std::size_t n = parts.size();
  for (const std::string& interpreter : split(parts[n - 3], '.')) {
    for (const std::string& abi : split(parts[n - 2], '.')) {
      for (const std::string& platform : split(parts[n - 1], '.'))
        out.tags.push_back({interpreter, abi, platform});
    }
  }
  return out;
}

TagPlatform host_tag_platform() {
  TagPlatform out;
  char buffer[64] = {};
  if (::confstr(_CS_GNU_LIBC_VERSION, buffer, sizeof buffer) > 0) {  // "glibc 2.36"
    std::string text(buffer);
    if (auto dot = text.find("2."); dot != std::string::npos)
      out.glibc_minor = std::atoi(text.c_str() + dot + 2);
  }
  utsname name{};
  if (::uname(&name) == 0) out.arch = name.machine;
  return out;
}

std::optional<TagPlatform> probe_tag_platform(const std::string& interpreter) {
  // The probe prints what `packaging.tags` derives PyPy's tags from (packaging itself may not be
  // importable under PyPy): SOABI, the glibc version and the machine.
  static const char* kProbe =
      "import os, platform, sysconfig\n"
      "print(sysconfig.get_config_var('SOABI') or '')\n"
      "try:\n    print(os.confstr('CS_GNU_LIBC_VERSION'))\nexcept (ValueError, OSError, AttributeError):\n"
      "    print('')\n"
      "print(platform.machine())\n";
  auto ran = run_child({interpreter, "-c", kProbe}, std::chrono::seconds(20));
  if (!ran.ok() || ran->exit_code != 0 || ran->timed_out) return std::nullopt;
  auto lines = split(ran->out, '\n');
  if (lines.size() < 3) return std::nullopt;
  TagPlatform out;
  std::string soabi = lines[0];  // "pypy39-pp73"
  if (soabi.rfind("pypy", 0) != 0) return std::nullopt;
  for (char& c : soabi)
    if (c == '-') c = '_';
  out.abi = soabi;
  if (auto dot = lines[1].find("2."); dot != std::string::npos)
    out.glibc_minor = std::atoi(lines[1].c_str() + dot + 2);
  if (!lines[2].empty()) out.arch = lines[2];
  return out;
}

std::vector<std::string> pypy_supported_tags(const std::string& python_version, const TagPlatform& target) {
  std::string digits;
  for (char c : python_version) {
    if (c != '.') digits += c;
  }
  int minor = 0;
  if (auto dot = python_version.find('.'); dot != std::string::npos)
    minor = std::atoi(python_version.c_str() + dot + 1);
  const std::string interpreter = "pp" + digits;
  const std::string abi = target.abi.empty() ? "pypy" + digits + "_pp73" : target.abi;
  const std::string& arch = target.arch;
  std::vector<std::string> platforms;
  // manylinux_2_N from the target's glibc down to 2.5, with the legacy aliases pip also accepts.
  for (int glibc = target.glibc_minor; glibc >= 5; --glibc) {
    platforms.push_back("manylinux_2_" + std::to_string(glibc) + "_" + arch);
    if (glibc == 17) platforms.push_back("manylinux2014_" + arch);
    if (glibc == 12 && arch == "x86_64") platforms.push_back("manylinux2010_" + arch);
    if (glibc == 5 && arch == "x86_64") platforms.push_back("manylinux1_" + arch);
  }
  platforms.push_back("linux_" + arch);
  std::vector<std::string> out;
  for (const std::string& platform : platforms)
    out.push_back(interpreter + "-" + abi + "-" + platform);
  for (const std::string& platform : platforms)
    out.push_back(interpreter + "-none-" + platform);
  for (int m = minor; m >= 0; --m) {
    for (const std::string& platform : platforms)
      out.push_back("py3" + std::to_string(m) + "-none-" + platform);
    if (m != minor) continue;
    for (const std::string& platform : platforms)
      out.push_back("py3-none-" + platform);
  }
  out.push_back(interpreter + "-none-any");
  for (int m = minor; m >= 0; --m) {
    out.push_back("py3" + std::to_string(m) + "-none-any");
    if (m == minor) out.push_back("py3-none-any");
  }
  return out;
}

WheelFit wheel_fit(const WheelName& wheel, const std::set<std::string>& supported) {
  bool cpython = false;
  for (const WheelTag& tag : wheel.tags) {
    if (supported.count(tag.to_string())) {
      return tag.abi == "none" && tag.platform == "any" ? WheelFit::kPure : WheelFit::kPyPy;
    }
    if (tag.interpreter.rfind("cp", 0) == 0 || tag.abi == "abi3") cpython = true;
  }
  return cpython ? WheelFit::kCPython : WheelFit::kOther;
}

}  // namespace pypyready::deps
