#include "run/process.h"

#include <sched.h>
#include <signal.h>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <fstream>
#include <thread>
#include <vector>

#include "run/interrupt.h"

namespace pypyready::run {
namespace {

ProcessSpec shell(const std::string& script) {
  ProcessSpec spec;
  spec.argv = {"/bin/sh", "-c", script};
  return spec;
}

bool process_alive(pid_t pid) {
  return ::kill(pid, 0) == 0;
}

TEST(RunProcess, CapturesStdoutStderrAndExitStatus) {
  auto result = run_process(shell("echo hello; echo oops >&2; exit 7"));
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->out, "hello\n");
  EXPECT_EQ(result->err, "oops\n");
  EXPECT_EQ(result->exit_code, 7);
  EXPECT_EQ(result->term_signal, 0);
  EXPECT_FALSE(result->succeeded());
  EXPECT_EQ(describe_ending(*result, shell("")), "exit status 7");
}

TEST(RunProcess, ReportsTheSignalThatEndedTheChild) {
  auto result = run_process(shell("kill -SEGV $$"));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->term_signal, SIGSEGV);
  EXPECT_EQ(result->exit_code, -1);
  EXPECT_NE(describe_ending(*result, shell("")).find("signal 11"), std::string::npos);
}

TEST(RunProcess, StdinIsDevNull) {
  auto result = run_process(shell("cat; echo done"));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->out, "done\n");
}

TEST(RunProcess, MissingProgramIsAnErrorNamingIt) {
  ProcessSpec spec;
  spec.argv = {"pypyready-no-such-program"};
  auto result = run_process(spec);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("pypyready-no-such-program"), std::string::npos);
}

TEST(RunProcess, OutputIsCappedButCounted) {
  ProcessSpec spec =
      shell("i=0; while [ $i -lt 2000 ]; do echo 0123456789012345678901234567890123456789; i=$((i+1)); done");
  spec.output_cap_bytes = 1000;
  auto result = run_process(spec);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->out.size(), 1000u);
  EXPECT_TRUE(result->out_truncated);
  EXPECT_EQ(result->out_bytes, 2000u * 41u);
  EXPECT_EQ(result->exit_code, 0);
}

TEST(RunProcess, TimeoutKillsTheWholeGroupIncludingGrandchildren) {
  // The grandchild writes its pid, ignores SIGTERM, and would live for a minute.
  std::string pid_file = ::testing::TempDir() + "/pypyready_grandchild.pid";
  std::remove(pid_file.c_str());
  ProcessSpec spec = shell("sh -c 'trap \"\" TERM; echo $$ > " + pid_file + "; exec sleep 60' & wait");
  spec.timeout = std::chrono::milliseconds(300);
  spec.grace = std::chrono::milliseconds(100);
  auto result = run_process(spec);
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result->timed_out);
  EXPECT_FALSE(result->succeeded());
  EXPECT_LT(result->wall_s, 10.0);
  std::ifstream in(pid_file);
  pid_t grandchild = 0;
  ASSERT_TRUE(in >> grandchild);
  // Killed grandchildren are reaped by init; give it a moment.
  for (int i = 0; i < 100 && process_alive(grandchild); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_FALSE(process_alive(grandchild));
  EXPECT_EQ(registered_group_count(), 0);
}

TEST(RunProcess, RusageIsRecorded) {
  auto result = run_process(shell("i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done"));
  ASSERT_TRUE(result.ok());
  EXPECT_GT(result->user_s + result->sys_s, 0.0);
  EXPECT_GT(result->max_rss_bytes, 100u * 1024);
  EXPECT_GT(result->wall_s, 0.0);
  EXPECT_GE(result->voluntary_switches + result->involuntary_switches, 0);
}

TEST(RunProcess, DataPipeReachesTheChildThroughTheEnvironment) {
  ProcessSpec spec = shell("echo visible; echo \"42 43\" >&$" + std::string(kDataFdVariable));
  spec.data_pipe = true;
  auto result = run_process(spec);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->data, "42 43\n");
  EXPECT_EQ(result->out, "visible\n");
}

TEST(RunProcess, WithoutDataPipeTheVariableIsAbsent) {
  auto result = run_process(shell("echo \"[${" + std::string(kDataFdVariable) + "}]\""));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->out, "[]\n");
}

TEST(RunProcess, EnvironmentAndWorkingDirectoryAreApplied) {
  ProcessSpec spec = shell("echo $PYPYREADY_TEST_VALUE; pwd");
  spec.environment = {{"PYPYREADY_TEST_VALUE", "abc"}};
  spec.working_directory = "/";
  auto result = run_process(spec);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->out, "abc\n/\n");
}

TEST(RunProcess, CpuPinsTheChildAndWhatItStarts) {
  cpu_set_t mask;
  ASSERT_EQ(::sched_getaffinity(0, sizeof mask, &mask), 0);
  int last = -1;
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
    if (CPU_ISSET(cpu, &mask)) last = cpu;
  ProcessSpec spec =
      shell("grep Cpus_allowed_list /proc/self/status; sh -c 'grep Cpus_allowed_list /proc/self/status'");
  spec.cpu = last;
  auto result = run_process(spec);
  ASSERT_TRUE(result.ok());
  std::string line = "Cpus_allowed_list:\t" + std::to_string(last) + "\n";
  EXPECT_EQ(result->out, line + line);
  spec.cpu = CPU_SETSIZE - 1;  // not a CPU this machine has: the start fails with a reason
  EXPECT_FALSE(run_process(spec).ok());
}

TEST(RunProcess, PeakRssIsTheChildsNotOurs) {
  // 192 MiB of our own, touched: a forked child starts with a copy of it until its exec.
  std::vector<char> ballast(192U << 20, 1);
  ProcessSpec spec = shell("sleep 0.3");
  spec.rss_interval = std::chrono::milliseconds(10);
  auto result = run_process(spec);
  ASSERT_TRUE(result.ok());
  EXPECT_GT(result->max_rss_bytes, 0U);
  EXPECT_LT(result->max_rss_bytes, 32U << 20)
      << "sh measured with the parent's " << ballast.size() << " bytes";
}

TEST(RunProcess, RssCurveIsSampled) {
  ProcessSpec spec = shell("sleep 0.3");
  spec.rss_interval = std::chrono::milliseconds(20);
  auto result = run_process(spec);
  ASSERT_TRUE(result.ok());
  ASSERT_GE(result->rss_curve.size(), 3u);
  EXPECT_GT(result->rss_curve.back().rss_bytes, 0u);
  EXPECT_GE(result->rss_curve.back().t_s, result->rss_curve.front().t_s);
}

TEST(RunProcess, MemoryLimitEndsTheChild) {
  // A shell string that doubles until well past the 20 MiB limit.
  ProcessSpec spec = shell("s=xxxxxxxxxxxxxxxx; while true; do s=\"$s$s\"; done");
  spec.memory_limit_bytes = 20u * 1024 * 1024;
  spec.timeout = std::chrono::milliseconds(20000);
  auto result = run_process(spec);
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result->memory_exceeded);
  EXPECT_FALSE(result->timed_out);
  EXPECT_NE(describe_ending(*result, spec).find("memory limit of 20 MiB"), std::string::npos);
}

TEST(RunProcess, NoZombiesAreLeft) {
  for (int i = 0; i < 5; ++i)
    ASSERT_TRUE(run_process(shell("sh -c 'exit 3' & wait")).ok());
  siginfo_t info{};
  // ECHILD: this process has no children left at all, dead or alive.
  EXPECT_EQ(::waitid(P_ALL, 0, &info, WEXITED | WNOHANG), -1);
  EXPECT_EQ(errno, ECHILD);
}

TEST(RunProcess, InterruptKillsLiveChildrenAndIsReported) {
  install_interrupt_handler();
  reset_interrupted();
  std::thread raiser([] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    ::kill(::getpid(), SIGINT);
  });
  ProcessSpec spec = shell("sleep 30");
  spec.timeout = std::chrono::milliseconds(20000);
  auto result = run_process(spec);
  raiser.join();
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(interrupted());
  EXPECT_TRUE(result->interrupted);
  EXPECT_LT(result->wall_s, 10.0);
  reset_interrupted();
}

TEST(FindExecutable, SearchesPath) {
  auto sh = find_executable("sh");
  ASSERT_TRUE(sh.ok());
  EXPECT_EQ(sh->filename(), "sh");
  EXPECT_FALSE(find_executable("/nonexistent/python9").ok());
}

}  // namespace
}  // namespace pypyready::run
