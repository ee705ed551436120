// PPY004 other-resource-never-closed: sockets, processes, temporary files, connections, archives,
// pools... created and never closed, waited for or shut down.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "scan/rules/code_context.h"
#include "scan/rules/name_shapes.h"
#include "scan/rules/resource_ownership.h"
#include "scan/rules/rule_helpers.h"
#include "scan/rules/rules.h"

namespace pypyready::scan::rules {

const RuleInfo kOtherResourceNeverClosed{
    .code = "PPY004",
    .name = "other-resource-never-closed",
    .severity = Severity::kWarning,
    .fix = FixAvailability::kNone,
    .doc = {
        .what =
            "Finds sockets (socket.socket, create_connection, socketpair, wrap_socket), temporary files and "
            "directories, subprocess.Popen, sqlite3 connections, mmap, zipfile/tarfile archives, urlopen "
            "responses, HTTP connections, multiprocessing pools, concurrent.futures executors, selectors "
            "and requests sessions that are dropped, or bound and never closed (or waited for, shut down, "
            "cleaned up) in their function, with the same ownership analysis as PPY003: `with`, "
            "`contextlib.closing`, `ExitStack.enter_context`, returning or handing the object over are "
            "fine. `with sqlite3.connect(...)` only commits, so the connection still needs close().",
        .why =
            "These objects release their descriptor, child process or file only when closed or finalized; "
            "CPython finalizes a dropped object at once, PyPy when the garbage collector runs (PyPy 7.3.11: "
            "a dropped NamedTemporaryFile is still on disk, 50 dropped sockets keep 50 descriptors open; "
            "CPython deletes the file and keeps none).",
        .source = "https://doc.pypy.org/en/latest/"
                  "cpython_differences.html#differences-related-to-garbage-collection-strategies",
        .example =
            "sock = socket.create_connection((host, port))\nsock.sendall(request)\nreply = sock.recv(4096)",
        .use_instead = "with socket.create_connection((host, port)) as sock:\n    sock.sendall(request)\n"
                       "    reply = sock.recv(4096)",
    }};

namespace {

constexpr std::string_view kClose[] = {"close", "detach"};
constexpr std::string_view kCloseOrCleanup[] = {"close", "cleanup"};
constexpr std::string_view kWait[] = {"wait", "communicate", "poll"};
constexpr std::string_view kClosePool[] = {"close", "terminate"};
constexpr std::string_view kShutdown[] = {"shutdown"};
constexpr std::string_view kQuit[] = {"close", "quit"};

struct Resource {
  std::string_view name;  ///< qualified name of the creating call
  std::string_view noun;  ///< what the message calls it
  std::string_view verb;  ///< what the message says is missing
  ReleaseSpec spec;
};

constexpr Resource kResources[] = {
    {"socket.socket", "socket", "closed", {kClose}},
    {"socket.create_connection", "socket", "closed", {kClose}},
    {"socket.create_server", "socket", "closed", {kClose}},
    {"socket.socketpair", "socket", "closed", {kClose}},
    {"socket.fromfd", "socket", "closed", {kClose}},
    {"ssl.wrap_socket", "socket", "closed", {kClose}},
    {"tempfile.NamedTemporaryFile", "temporary file", "closed", {kClose}},
    {"tempfile.TemporaryFile", "temporary file", "closed", {kClose}},
    {"tempfile.SpooledTemporaryFile", "temporary file", "closed", {kClose}},
    {"tempfile.TemporaryDirectory", "temporary directory", "cleaned up", {kCloseOrCleanup}},
    {"subprocess.Popen", "process", "waited for", {kWait}},
    {"sqlite3.connect", "sqlite3 connection", "closed", {kClose, false}},
    {"mmap.mmap", "memory map", "closed", {kClose}},
    {"zipfile.ZipFile", "archive", "closed", {kClose}},
    {"zipfile.PyZipFile", "archive", "closed", {kClose}},
    {"tarfile.open", "archive", "closed", {kClose}},
    {"tarfile.TarFile", "archive", "closed", {kClose}},
    {"urllib.request.urlopen", "response", "closed", {kClose}},
    {"http.client.HTTPConnection", "HTTP connection", "closed", {kClose}},
    {"http.client.HTTPSConnection", "HTTP connection", "closed", {kClose}},
    {"ftplib.FTP", "FTP connection", "closed", {kQuit}},
    {"smtplib.SMTP", "SMTP connection", "closed", {kQuit}},
    {"multiprocessing.Pool", "process pool", "closed", {kClosePool}},
    {"multiprocessing.pool.Pool", "process pool", "closed", {kClosePool}},
    {"multiprocessing.pool.ThreadPool", "thread pool", "closed", {kClosePool}},
    {"concurrent.futures.ThreadPoolExecutor", "executor", "shut down", {kShutdown}},
    {"concurrent.futures.ProcessPoolExecutor", "executor", "shut down", {kShutdown}},
    {"selectors.DefaultSelector", "selector", "closed", {kClose}},
    {"selectors.SelectSelector", "selector", "closed", {kClose}},
    {"selectors.PollSelector", "selector", "closed", {kClose}},
    {"selectors.EpollSelector", "selector", "closed", {kClose}},
    {"selectors.KqueueSelector", "selector", "closed", {kClose}},
    {"requests.Session", "session", "closed", {kClose}},
    {"requests.session", "session", "closed", {kClose}},
};
// `ctx.wrap_socket(sock)`: the receiver is an SSLContext whatever it is called.
constexpr Resource kWrappedSocket{"wrap_socket", "TLS socket", "closed", {kClose}};

constexpr std::string_view last_component(std::string_view name) {
  return name.substr(name.rfind('.') + 1);
}

// The last components of kResources: every call of a file is compared with them.
constexpr auto kLastComponents = [] {
  std::array<std::string_view, std::size(kResources)> tails{};
  for (std::size_t i = 0; i < tails.size(); ++i)
    tails[i] = last_component(kResources[i].name);
  return tails;
}();

// Most callees differ from every last component in length or end bytes.
constexpr NameShapes kLastComponentShapes{kLastComponents};

bool is_last_component(std::string_view last) {
  return kLastComponentShapes.may_contain(last) &&
         std::ranges::find(kLastComponents, last) != kLastComponents.end();
}

const Resource* resource_of(const Node& call, const RuleContext& context) {
  const Node& callee = call_func(call);
  std::string_view last = callee.kind == NodeKind::kName ? name_id(callee) : attribute_name(callee);
  if (last.empty()) return nullptr;
  bool candidate = last == "wrap_socket" || is_last_component(last);
  // A bare name may be an alias (`from subprocess import Popen as Spawn`).
  if (!candidate && callee.kind != NodeKind::kName) return nullptr;
  std::string_view name = context.callee_name_view(call);
  for (const Resource& resource : kResources) {
    if (resource.name == name) return &resource;
  }
  return last == "wrap_socket" && callee.kind == NodeKind::kAttribute ? &kWrappedSocket : nullptr;
}

bool is_read(std::string_view method) {
  return method == "read" || method == "readline" || method == "readlines";
}

class OtherResourceNeverClosed final : public Rule {
 public:
  static constexpr NodeKind kKinds[] = {NodeKind::kCall};
  std::span<const NodeKind> kinds() const override { return kKinds; }
  // The modules of kResources, and `wrap_socket` called on any receiver.
  static constexpr std::string_view kRequiredWords[] = {
      "socket",          "ssl",        "tempfile",  "subprocess", "sqlite3",    "mmap",
      "zipfile",         "tarfile",    "urllib",    "http",       "ftplib",     "smtplib",
      "multiprocessing", "concurrent", "selectors", "requests",   "wrap_socket"};
  std::span<const std::string_view> required_words() const override { return kRequiredWords; }
  void check(const Node& call, RuleContext& context) const override {
    const Resource* resource = resource_of(call, context);
    if (resource == nullptr) return;
    // A dropped archive or socket in a try with handlers probes whether it can be made; a dropped
    // process there is still a process nobody waits for.
    bool process = resource->name == "subprocess.Popen";
    if (expected_to_raise(call, context, false) ||
        mocked_by_patch(call, last_component(resource->name), context))
      return;
    Ownership owner = trace_ownership(call, resource->spec, context);
    if (owner.fate == Fate::kReleased || owner.fate == Fate::kEscapes) return;
    // `urlopen(u).read()` is PPY002's.
    if (owner.fate == Fate::kDropped && resource->name == "urllib.request.urlopen" && is_read(owner.method))
      return;
    if (under_implementation_check(call, context)) return;
    const char* consequence = "on PyPy it is released only when the garbage collector runs";
    switch (owner.fate) {
      case Fate::kNeverReleased:
        context.report(
            call,
            fmt::format("{} `{}` is never {}{}: {}", resource->noun, owner.holder, resource->verb,
                        context.in_loop(call) ? " and is created on every iteration" : "", consequence));
        return;
      case Fate::kReleasedUnsafely:
        context.report(call,
                       fmt::format("{} `{}` is {} only when no exception occurs first: use `with` or "
                                   "try/finally, or {}",
                                   resource->noun, owner.holder, resource->verb, consequence),
                       std::nullopt, Severity::kInfo);
        return;
      case Fate::kReleasedInDel:
        context.report(call,
                       fmt::format("{} `{}` is {} only in `__del__`, which PyPy runs late or never",
                                   resource->noun, owner.holder, resource->verb),
                       std::nullopt, Severity::kInfo);
        return;
      case Fate::kDropped:
        if (!process && expected_to_raise(call, context, true)) return;
        context.report(call, fmt::format("{} is created and dropped without being {}: {}", resource->noun,
                                         resource->verb, consequence));
        return;
      case Fate::kReleased:
      case Fate::kEscapes:
        return;
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_other_resource_never_closed() {
  return std::make_unique<OtherResourceNeverClosed>();
}

}  // namespace pypyready::scan::rules
