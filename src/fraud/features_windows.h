// The bounded per-entity state behind fraud's windowed features (pure, event-time driven).
//
// A window of length W is a ring of N buckets of width g = W / N seconds, indexed by
// bucket number floor(t / g). At time t it covers the buckets (b(t) − N, b(t)], so it
// sees every event in [t − W + g, t] and none before t − W: between W − g and W of
// history, never more. The ring remembers its newest bucket and clears the slots it
// skips when it moves on, so a stale slot is never read. Events must arrive in
// non-decreasing time; one earlier than the ring's newest bucket is counted in that
// bucket (online clocks may step back by a little).
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

#include "core/assert.h"

namespace tranche::fraud {

// floor(a / b) for b > 0, also for negative a.
constexpr std::int64_t FloorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && (a < 0)); }

struct WindowTotals {
  std::uint32_t count = 0;
  double amount = 0;
};

// 8 bytes a bucket: counts beyond 2³² − 1 saturate; amounts are sums of plain
// magnitudes (features describe money, they never move it), so float precision is enough.
template <int N, std::int64_t WidthS>
class WindowRing {
 public:
  static constexpr std::int64_t kWindowS = N * WidthS;

  void Add(std::int64_t time_s, double amount) {
    const std::int64_t b = std::max(FloorDiv(time_s, WidthS), newest_);
    MoveTo(b);
    Bucket& slot = buckets_[Slot(b)];
    if (slot.count != std::numeric_limits<std::uint32_t>::max()) ++slot.count;
    slot.amount += static_cast<float>(amount);
  }

  // Totals of the events in the window that ends at `time_s`.
  WindowTotals At(std::int64_t time_s) const { return Between(time_s - kWindowS + WidthS, time_s); }

  // Totals of the buckets from the one holding `from_s` to the one holding `to_s`, of
  // those the ring still holds.
  WindowTotals Between(std::int64_t from_s, std::int64_t to_s) const {
    WindowTotals t;
    if (newest_ == kNever) return t;
    const std::int64_t last = std::min(FloorDiv(to_s, WidthS), newest_);
    for (std::int64_t b = std::max(FloorDiv(from_s, WidthS), newest_ - N + 1); b <= last; ++b) {
      t.count += buckets_[Slot(b)].count;
      t.amount += buckets_[Slot(b)].amount;
    }
    return t;
  }

 private:
  struct Bucket {
    std::uint32_t count = 0;
    float amount = 0;
  };
  static constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::min();
  static std::size_t Slot(std::int64_t b) { return static_cast<std::size_t>(((b % N) + N) % N); }

  void MoveTo(std::int64_t b) {
    if (newest_ != kNever) {
      for (std::int64_t k = newest_ + 1; k <= std::min(b, newest_ + N); ++k) buckets_[Slot(k)] = {};
    }
    newest_ = b;
  }

  std::array<Bucket, N> buckets_{};
  std::int64_t newest_ = kNever;
};

// Transactions and known frauds by transaction time, for rates over windows shifted back
// by the label delay. A fraud label is filed under its transaction's bucket when it
// arrives; a window shifted by the delay D reads only buckets that ended by t − D, and a
// label is delivered no earlier than D after its transaction, so every label such a
// window reads was known at t. Labels older than the ring's reach are dropped (no window
// reads them). Ring size is fixed at construction: buckets_for(D + longest window).
class DelayedRateRing {
 public:
  static constexpr std::int64_t kWidthS = 6 * 3600;

  DelayedRateRing() = default;
  explicit DelayedRateRing(std::int64_t reach_s)
      : buckets_(static_cast<std::size_t>(reach_s / kWidthS + 2)) {}

  void AddTransaction(std::int64_t time_s) { Touch(time_s).transactions += 1; }
  // A confirmed fraud whose transaction happened at `tx_time_s`.
  void AddFraud(std::int64_t tx_time_s) {
    const std::int64_t b = FloorDiv(tx_time_s, kWidthS);
    if (newest_ != kNever && b <= newest_ - Size()) return;  // beyond reach
    Touch(tx_time_s).frauds += 1;
  }

  struct Rate {
    std::uint32_t transactions = 0;
    std::uint32_t frauds = 0;
  };
  // Over the buckets that ended by `time_s − delay_s`, the latest `window_s` of them.
  // Precondition: delay_s + window_s is within the reach the ring was built for.
  Rate Shifted(std::int64_t time_s, std::int64_t delay_s, std::int64_t window_s) const {
    Rate r;
    const auto [lo, hi] = ShiftedBuckets(time_s, delay_s, window_s);
    for (std::int64_t b = lo; b < hi; ++b) {
      r.transactions += buckets_[Slot(b)].transactions;
      r.frauds += buckets_[Slot(b)].frauds;
    }
    return r;
  }

  // The start of the merchant's latest run of known frauds among the buckets Shifted
  // reads (the same precondition), to 6 hours; nullopt when they hold no fraud. Scanning
  // back from the newest bucket with a fraud, an older one joins the run while at most
  // `max_legitimate_between` legitimate transactions separate them, so a stray fraud
  // weeks before a compromise does not date its start.
  std::optional<std::int64_t> FraudRunStartS(std::int64_t time_s, std::int64_t delay_s, std::int64_t window_s,
                                             std::uint32_t max_legitimate_between) const {
    const auto [lo, hi] = ShiftedBuckets(time_s, delay_s, window_s);
    std::optional<std::int64_t> start;
    std::uint64_t legitimate = 0;  // since (before) the run's oldest fraud bucket so far
    for (std::int64_t b = hi - 1; b >= lo; --b) {
      const Bucket& bucket = buckets_[Slot(b)];
      if (bucket.frauds > 0) {
        if (start && legitimate > max_legitimate_between) break;
        start = b * kWidthS;
        legitimate = 0;
      }
      legitimate += bucket.transactions - std::min(bucket.frauds, bucket.transactions);
    }
    return start;
  }

  // The legitimate transactions in the buckets after the newest one with a known fraud,
  // among the buckets Shifted reads (the same precondition); nullopt when they hold no
  // fraud. Every one of them is known to be legitimate by `time_s`, so a merchant whose
  // compromise has ended shows it here while its fraud shares still look bad.
  std::optional<std::uint32_t> LegitimateSinceLatestFraud(std::int64_t time_s, std::int64_t delay_s,
                                                          std::int64_t window_s) const {
    const auto [lo, hi] = ShiftedBuckets(time_s, delay_s, window_s);
    std::uint32_t legitimate = 0;
    for (std::int64_t b = hi - 1; b >= lo; --b) {
      const Bucket& bucket = buckets_[Slot(b)];
      if (bucket.frauds > 0) return legitimate;
      legitimate += bucket.transactions;
    }
    return std::nullopt;
  }

  std::size_t bytes() const { return sizeof(*this) + buckets_.size() * sizeof(Bucket); }

 private:
  struct Bucket {
    std::uint32_t transactions = 0;
    std::uint32_t frauds = 0;
  };
  static constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::min();
  std::int64_t Size() const { return static_cast<std::int64_t>(buckets_.size()); }
  std::size_t Slot(std::int64_t b) const { return static_cast<std::size_t>(((b % Size()) + Size()) % Size()); }

  // The bucket numbers [lo, hi) a shifted window reads; empty when nothing is recorded.
  std::pair<std::int64_t, std::int64_t> ShiftedBuckets(std::int64_t time_s, std::int64_t delay_s,
                                                       std::int64_t window_s) const {
    TRANCHE_ASSERT((delay_s + window_s) / kWidthS + 2 <= Size());
    if (newest_ == kNever) return {0, 0};
    const std::int64_t end = FloorDiv(time_s - delay_s, kWidthS);  // first bucket not yet known
    return {std::max(end - window_s / kWidthS, newest_ - Size() + 1), std::min(end, newest_ + 1)};
  }

  Bucket& Touch(std::int64_t time_s) {
    TRANCHE_ASSERT(!buckets_.empty());
    const std::int64_t b = FloorDiv(time_s, kWidthS);
    if (newest_ == kNever || b > newest_) {
      if (newest_ != kNever) {
        for (std::int64_t k = newest_ + 1; k <= std::min(b, newest_ + Size()); ++k) buckets_[Slot(k)] = {};
      }
      newest_ = b;
    }
    return buckets_[Slot(std::max(b, newest_ - Size() + 1))];
  }

  std::vector<Bucket> buckets_;
  std::int64_t newest_ = kNever;
};

// Distinct partners (devices of a consumer, consumers of a device...) seen within a
// window, exactly up to K; beyond K the oldest is forgotten, so the count saturates at K.
// Partners are kept as 32-bit hashes, never as the values themselves.
template <int K>
class RecentDistinct {
 public:
  void Add(std::uint32_t partner_hash, std::int64_t time_s) {
    std::size_t oldest = 0;
    for (std::size_t i = 0; i < K; ++i) {
      if (seen_s_[i] != kNever && hashes_[i] == partner_hash) {
        seen_s_[i] = std::max(seen_s_[i], time_s);
        return;
      }
      if (seen_s_[i] < seen_s_[oldest]) oldest = i;
    }
    hashes_[oldest] = partner_hash;
    seen_s_[oldest] = time_s;
  }
  // Partners seen in (time_s − window_s, time_s].
  int CountWithin(std::int64_t time_s, std::int64_t window_s) const {
    int n = 0;
    for (std::size_t i = 0; i < K; ++i) n += Within(i, time_s, window_s) ? 1 : 0;
    return n;
  }
  // The same with `partner_hash` counted too (once, and up to K): the partners of an
  // event that is not recorded yet, itself included.
  int CountWithinWith(std::uint32_t partner_hash, std::int64_t time_s, std::int64_t window_s) const {
    int n = 0;
    bool seen = false;
    for (std::size_t i = 0; i < K; ++i) {
      if (!Within(i, time_s, window_s)) continue;
      ++n;
      seen = seen || hashes_[i] == partner_hash;
    }
    return seen ? n : std::min(n + 1, K);
  }

 private:
  static constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::min();
  bool Within(std::size_t i, std::int64_t time_s, std::int64_t window_s) const {
    return seen_s_[i] != kNever && seen_s_[i] > time_s - window_s;
  }
  std::array<std::uint32_t, K> hashes_{};
  std::array<std::int64_t, K> seen_s_ = [] {
    std::array<std::int64_t, K> a{};
    a.fill(kNever);
    return a;
  }();
};

}  // namespace tranche::fraud
