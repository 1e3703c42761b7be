#include "sim/record.h"

#include <filesystem>

#include "core/hex.h"

namespace tranche::sim {

Result<std::unique_ptr<Recorder>> Recorder::Open(const std::string& dir) {
  if (!dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(dir) / "files", ec);
    if (ec) return Status::Unavailable("cannot create " + dir + ": " + ec.message());
  }
  return std::unique_ptr<Recorder>(new Recorder(dir));
}

Recorder::File& Recorder::Get(const std::string& name) {
  auto [it, inserted] = files_.try_emplace(name);
  if (inserted) {
    crypto_hash_sha256_init(&it->second.hash);
    if (!dir_.empty()) it->second.out.open(std::filesystem::path(dir_) / name, std::ios::binary | std::ios::trunc);
  }
  return it->second;
}

void Recorder::Append(const std::string& file, const std::string& record) {
  File& f = Get(file);
  crypto_hash_sha256_update(&f.hash, reinterpret_cast<const unsigned char*>(record.data()), record.size());
  if (f.out.is_open()) f.out.write(record.data(), static_cast<std::streamsize>(record.size()));
}

Status Recorder::WriteFile(const std::string& name, const std::string& content) {
  Append(name, content);
  File& f = files_.at(name);
  if (f.out.is_open()) {
    f.out.close();
    if (f.out.fail()) return Status::Unavailable("cannot write " + name);
  }
  return Status::Ok();
}

Result<std::string> Recorder::Finish() {
  crypto_hash_sha256_state all;
  crypto_hash_sha256_init(&all);
  for (auto& [name, f] : files_) {
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&f.hash, h);
    crypto_hash_sha256_update(&all, reinterpret_cast<const unsigned char*>(name.data()), name.size());
    crypto_hash_sha256_update(&all, h, sizeof h);
    if (f.out.is_open()) {
      f.out.close();
      if (f.out.fail()) return Status::Unavailable("cannot write " + name);
    }
  }
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&all, digest);
  std::string hex = HexEncode(std::span(digest));
  files_.clear();
  return hex;
}

}  // namespace tranche::sim
