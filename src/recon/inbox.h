// Where a processor's and payout rail's daily settlement files arrive for the daily
// close to reconcile (ops/cob.h): a port, so the close is tested without files.
#pragma once

#include <string>
#include <vector>

#include "recon/settlement_file.h"

namespace tranche::recon {

inline constexpr std::size_t kMaxInboxFiles = 1'000;

class SettlementInbox {
 public:
  virtual ~SettlementInbox() = default;
  // The business dates with a file waiting, ascending, at most kMaxInboxFiles.
  virtual Result<std::vector<Date>> Dates() = 0;
  // The file of date `d`, parsed; a malformed file is refused, naming its line.
  // Precondition: `d` is one of Dates().
  virtual Result<std::vector<FileLine>> Read(Date d) = 0;
};

// A directory of settlement_YYYY-MM-DD.csv files — the names `tranche simulate` gives
// the files it writes. A missing directory is an empty inbox; other names are ignored.
class DirectoryInbox final : public SettlementInbox {
 public:
  explicit DirectoryInbox(std::string dir) : dir_(std::move(dir)) {}
  Result<std::vector<Date>> Dates() override;
  Result<std::vector<FileLine>> Read(Date d) override;

  static std::string FileName(Date d);

 private:
  std::string dir_;
};

}  // namespace tranche::recon
