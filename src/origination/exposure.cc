#include "origination/exposure.h"

#include <algorithm>

#include "ledger/account.h"

namespace tranche::origination {

namespace {

Result<Money> Outstanding(store::Tx& tx, std::string_view consumer_id, Currency c) {
  const std::string receivable =
      ledger::AccountId({ledger::AccountType::kConsumerReceivable, c, std::string(consumer_id)});
  TRANCHE_ASSIGN_OR_RETURN(auto account, tx.ledger().GetAccount(receivable));
  return Money(account ? account->balance_minor() : 0, c);
}

}  // namespace

Result<risk::Exposure> LoadExposure(store::Tx& tx, std::string_view consumer_id, Currency c, Instant now) {
  TRANCHE_ASSIGN_OR_RETURN(Money outstanding, Outstanding(tx, consumer_id, c));
  risk::Exposure e{outstanding, Money::Zero(c), std::nullopt, false, 0};
  TRANCHE_ASSIGN_OR_RETURN(e.open_authorizations, tx.orders().OpenAuthorizations(consumer_id, c, now));
  TRANCHE_ASSIGN_OR_RETURN(e.credit_limit, tx.consumers().FindLimit(consumer_id, c));
  TRANCHE_ASSIGN_OR_RETURN(auto oldest, tx.plans().OldestOverdue(consumer_id, DateOf(now)));
  if (oldest) {
    e.has_overdue = true;
    // Any overdue day counts as a month late.
    e.months_overdue = 1 + DaysBetween(*oldest, DateOf(now)) / 30;
  }
  return e;
}

Result<std::vector<CreditLine>> LoadCreditLines(store::Tx& tx, std::string_view consumer_id, Instant now) {
  TRANCHE_ASSIGN_OR_RETURN(std::vector<Money> limits, tx.consumers().ListLimits(consumer_id));
  std::vector<CreditLine> lines;
  lines.reserve(limits.size());
  for (Money limit : limits) {
    const Currency c = limit.currency();
    TRANCHE_ASSIGN_OR_RETURN(Money outstanding, Outstanding(tx, consumer_id, c));
    TRANCHE_ASSIGN_OR_RETURN(Money open, tx.orders().OpenAuthorizations(consumer_id, c, now));
    TRANCHE_ASSERT(open.currency() == c);
    // Checked arithmetic: a balance can grow past any input limit.
    TRANCHE_ASSIGN_OR_RETURN(Money used, outstanding.Plus(open));
    TRANCHE_ASSIGN_OR_RETURN(Money room, limit.Minus(used));
    lines.push_back({limit, outstanding, open, room.is_negative() ? Money::Zero(c) : room});
  }
  return lines;
}

}  // namespace tranche::origination
