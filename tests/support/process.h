// Running the real tranche binary from tests: spawn, wait, read its output.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace tranche::testing {

// A loopback port that was free a moment ago.
std::uint16_t FreePort();
// Starts the tranche binary with `args`, stdout and stderr appended to `log`.
pid_t Spawn(const std::vector<std::string>& args, const std::string& log);
// Runs the tranche binary to completion; returns its exit code (-1 if killed).
int RunToExit(const std::vector<std::string>& args, const std::string& log);
// Polls GET /healthz on the port for up to 10 s.
bool WaitHealthy(std::uint16_t port);
std::string ReadFile(const std::string& path);

}  // namespace tranche::testing
