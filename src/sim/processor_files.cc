#include "sim/processor_files.h"

#include "sim/draws.h"

namespace tranche::sim {

using payments::Outcome;
using payments::ProcessorReply;

ProcessorReply TappedMoney::Record(ProcessorReply reply, const std::string& key, recon::LineKind kind, Money amount) {
  if (reply.outcome == Outcome::kSucceeded) {
    std::lock_guard lock(mu_);
    done_.push_back(recon::FileLine{Date{}, reply.reference, key, kind, amount, 0});
  }
  return reply;
}

ProcessorReply TappedMoney::Collect(const payments::CollectRequest& r) {
  return Record(processor_.Collect(r), r.key, recon::LineKind::kCollection, r.amount);
}
ProcessorReply TappedMoney::Resolve(const payments::CollectRequest& r) {
  return Record(processor_.Resolve(r), r.key, recon::LineKind::kCollection, r.amount);
}
ProcessorReply TappedMoney::Refund(const payments::CollectRequest& r) {
  return Record(processor_.Refund(r), r.key, recon::LineKind::kRefund, r.amount);
}
ProcessorReply TappedMoney::ResolveRefund(const payments::CollectRequest& r) {
  return Record(processor_.ResolveRefund(r), r.key, recon::LineKind::kRefund, r.amount);
}
ProcessorReply TappedMoney::Pay(const payments::PayoutRequest& r) {
  return Record(rail_.Pay(r), r.key, recon::LineKind::kPayout, r.amount);
}
ProcessorReply TappedMoney::Resolve(const payments::PayoutRequest& r) {
  return Record(rail_.Resolve(r), r.key, recon::LineKind::kPayout, r.amount);
}

void TappedMoney::ChargeBack(const std::string& collection_id, Money amount) {
  std::lock_guard lock(mu_);
  done_.push_back(recon::FileLine{Date{}, "simcb_" + collection_id, collection_id, recon::LineKind::kChargeback, amount, 0});
}

std::vector<recon::FileLine> TappedMoney::Take(Date d) {
  std::lock_guard lock(mu_);
  std::vector<recon::FileLine> out;
  out.swap(done_);
  for (recon::FileLine& l : out) l.value_date = d;
  return out;
}

std::vector<recon::FileLine> SettlementFile(const SimConfig& c, Date d, const std::vector<recon::FileLine>& completed,
                                            std::vector<recon::FileLine>& late) {
  const FileImperfections& f = c.files;
  std::vector<recon::FileLine> out;
  out.swap(late);
  const auto day = static_cast<std::uint64_t>(DaysBetween(c.start_date, d));
  for (std::size_t i = 0; i < completed.size(); ++i) {
    recon::FileLine line = completed[i];
    if (line.kind == recon::LineKind::kCollection) {
      line.fee_minor = std::min(line.amount.minor(), line.amount.minor() * f.fee_bps / 10'000 + f.fee_fixed_minor);
    } else if (line.kind == recon::LineKind::kChargeback) {
      line.fee_minor = std::min(line.amount.minor(), f.chargeback_fee_minor);
    }
    Draws draw(c.seed, Purpose::kFile, day, i);
    const auto roll = static_cast<int>(draw.Below(10'000));
    if (roll < f.late_bps) {
      late.push_back(line);
    } else if (roll < f.late_bps + f.duplicate_bps) {
      out.push_back(line);
      out.push_back(line);
    } else if (roll < f.late_bps + f.duplicate_bps + f.amount_diff_bps) {
      // Small differences (within tolerance) and large ones, half each.
      const std::int64_t diff = draw.Chance(0.5) ? 1 + static_cast<std::int64_t>(draw.Below(static_cast<std::uint64_t>(f.tolerance_minor) + 1))
                                                 : f.tolerance_minor + 1 + static_cast<std::int64_t>(draw.Below(5'000));
      const std::int64_t amount = line.amount.minor() > diff + 1 ? line.amount.minor() - diff : line.amount.minor() + diff;
      line.amount = Money(amount, line.amount.currency());
      line.fee_minor = std::min(line.fee_minor, amount);
      out.push_back(line);
    } else if (roll < f.late_bps + f.duplicate_bps + f.amount_diff_bps + f.missing_bps) {
      // Never arrives.
    } else {
      out.push_back(line);
    }
    if (static_cast<int>(draw.Below(10'000)) < f.unknown_bps) {
      recon::FileLine stray = line;
      stray.reference = "ext_" + std::to_string(day) + "_" + std::to_string(i);
      stray.processor_ref = "pr_" + stray.reference;
      out.push_back(stray);
    }
  }
  return out;
}

}  // namespace tranche::sim
