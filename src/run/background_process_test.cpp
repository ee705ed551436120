// BackgroundProcess on real children: output kept, a crash seen, a child that ignores SIGTERM
// killed with its whole group, nothing left behind.

#include "run/background_process.h"

#include <gtest/gtest.h>
#include <signal.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "run/interrupt.h"

namespace pypyready::run {
namespace {

bool alive(pid_t pid) {
  return ::kill(pid, 0) == 0;
}

// Members of process group `pgid` that are not zombies (an orphan killed with the group stays a
// zombie until the container's init reaps it, and kill(-pgid, 0) still counts it).
int live_members(pid_t pgid) {
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    std::ifstream in(entry.path() / "stat");
    std::string line;
    if (!std::getline(in, line)) continue;
    auto close = line.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream rest(line.substr(close + 2));
    char state = 0;
    long parent = 0, group = 0;
    rest >> state >> parent >> group;
    if (group == pgid && state != 'Z') ++count;
  }
  return count;
}

TEST(BackgroundProcess, KeepsOutputAndSeesItsEnd) {
  auto process = BackgroundProcess::start({"sh", "-c", "echo hello; echo oops >&2; exit 3"});
  ASSERT_TRUE(process.ok()) << process.error().message;
  EXPECT_TRUE((*process)->wait_for_exit(std::chrono::seconds(5)));
  EXPECT_EQ((*process)->ending(), "exit status 3");
  // The reader thread may lag the exit by a poll period.
  for (int i = 0; i < 50 && (*process)->output_tail().find("oops") == std::string::npos; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_NE((*process)->output_tail().find("hello"), std::string::npos);
  EXPECT_NE((*process)->output_tail().find("oops"), std::string::npos);
  EXPECT_TRUE((*process)->stop(std::chrono::milliseconds(100)).already_exited);
}

TEST(BackgroundProcess, StopsAGroupThatIgnoresSigterm) {
  // The shell ignores SIGTERM and so does the sleep it starts (ignored dispositions are inherited).
  auto process = BackgroundProcess::start({"sh", "-c", "trap '' TERM; sleep 30 & sleep 30; wait"});
  ASSERT_TRUE(process.ok()) << process.error().message;
  pid_t pid = (*process)->pid();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_TRUE((*process)->running());
  StopOutcome outcome = (*process)->stop(std::chrono::milliseconds(300));
  EXPECT_TRUE(outcome.needed_kill);
  EXPECT_FALSE((*process)->running());
  EXPECT_EQ((*process)->ending(), "killed by signal 9 (Killed)");
  EXPECT_FALSE(alive(pid));
  // No member of the group is left running (the kill is asynchronous: allow it a moment).
  for (int i = 0; i < 50 && live_members(pid) > 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_EQ(live_members(pid), 0);
  EXPECT_EQ(registered_group_count(), 0);
}

TEST(BackgroundProcess, StopsAPoliteChildWithSigterm) {
  auto process = BackgroundProcess::start({"sleep", "30"});
  ASSERT_TRUE(process.ok());
  StopOutcome outcome = (*process)->stop(std::chrono::seconds(5));
  EXPECT_FALSE(outcome.needed_kill);
  EXPECT_EQ((*process)->ending(), "killed by signal 15 (Terminated)");
}

TEST(BackgroundProcess, ReportsAMissingProgram) {
  auto process = BackgroundProcess::start({"pypyready-no-such-program"});
  ASSERT_FALSE(process.ok());
  EXPECT_NE(process.error().message.find("not found"), std::string::npos);
}

}  // namespace
}  // namespace pypyready::run
