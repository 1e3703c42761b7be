// What the data commands share: how a refusal is reported (the message on stderr and exit
// code 2) and whole-file reads and writes.
#pragma once

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "core/status.h"

namespace tranche::cli {

inline int Fail(const Status& st) {
  std::fprintf(stderr, "error: %s\n", st.ToString().c_str());
  return 2;
}

inline Result<std::string> ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidArgument("file_unreadable", "cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline Status WriteText(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  return out.fail() ? Status::Unavailable("cannot write " + path) : Status::Ok();
}

}  // namespace tranche::cli
