// A run's output: CSV files of ground truth and of what the platform did, written as
// the run goes (or only hashed, when there is no output directory: tests), and a
// SHA-256 digest over all of it, so two runs can be compared with one string.
#pragma once

#include <sodium.h>

#include <fstream>
#include <map>
#include <memory>
#include <string>

#include "core/status.h"

namespace tranche::sim {

class Recorder {
 public:
  // `dir` empty: nothing is written, everything is still hashed.
  static Result<std::unique_ptr<Recorder>> Open(const std::string& dir);

  // Appends one CSV record (`record` already formatted, CRLF-terminated) to `file`;
  // the first record of a file is its header.
  void Append(const std::string& file, const std::string& record);
  // Writes a whole file (a settlement file, run.json); it is part of the digest too.
  Status WriteFile(const std::string& name, const std::string& content);
  // Flushes every file. Returns the hex digest of everything recorded, file by file in
  // name order.
  Result<std::string> Finish();
  const std::string& dir() const { return dir_; }

 private:
  explicit Recorder(std::string dir) : dir_(std::move(dir)) {}
  struct File {
    std::ofstream out;
    crypto_hash_sha256_state hash;
  };
  File& Get(const std::string& name);

  std::string dir_;
  std::map<std::string, File> files_;
};

}  // namespace tranche::sim
