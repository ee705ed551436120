#include "run/interrupt.h"

#include <signal.h>

#include <array>
#include <atomic>

namespace pypyready::run {
namespace {

// Fixed-size and lock-free because the signal handler reads it.
constexpr int kSlots = 64;
std::array<std::atomic<pid_t>, kSlots> g_groups{};
std::atomic<bool> g_interrupted{false};
std::atomic<bool> g_installed{false};

void on_signal(int) {
  g_interrupted.store(true);
  for (auto& slot : g_groups) {
    pid_t pgid = slot.load();
    if (pgid > 0) ::kill(-pgid, SIGKILL);
  }
}

}  // namespace

void install_interrupt_handler() {
  if (g_installed.exchange(true)) return;
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a blocking poll returns early and sees the flag
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

bool interrupted() {
  return g_interrupted.load();
}

void reset_interrupted() {
  g_interrupted.store(false);
}

bool register_group(pid_t pgid) {
  for (auto& slot : g_groups) {
    pid_t expected = 0;
    if (slot.compare_exchange_strong(expected, pgid)) return true;
  }
  return false;
}

void unregister_group(pid_t pgid) {
  for (auto& slot : g_groups) {
    pid_t expected = pgid;
    if (slot.compare_exchange_strong(expected, 0)) return;
  }
}

int registered_group_count() {
  int count = 0;
  for (auto& slot : g_groups)
    count += slot.load() > 0 ? 1 : 0;
  return count;
}

}  // namespace pypyready::run
