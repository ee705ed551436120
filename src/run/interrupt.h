#pragma once
// Ctrl-C handling for commands that run children: a registry of the live children's process
// groups, and a SIGINT/SIGTERM handler that kills those groups and raises a flag, so the command
// stops scheduling new work and keeps the results that finished.

#include <sys/types.h>

namespace pypyready::run {

/// Installs the SIGINT/SIGTERM handler (idempotent).
void install_interrupt_handler();

/// True once SIGINT or SIGTERM arrived after install_interrupt_handler().
bool interrupted();

/// Clears the flag (tests).
void reset_interrupted();

/// Records a live child's process group; false when the registry is full (the child still runs).
bool register_group(pid_t pgid);

/// Forgets a process group once its leader was reaped.
void unregister_group(pid_t pgid);

/// Number of process groups currently registered.
int registered_group_count();

}  // namespace pypyready::run
