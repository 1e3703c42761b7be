// The chart of accounts.
//
// Every account belongs to one currency. Some account types are kept per owner (a
// consumer or a merchant), the rest are one per currency for the whole platform. An
// account's id is derived from what it is, so postings never need a lookup first:
//   "consumer_receivable:USD:con_01J..."   "mdr_revenue:USD"
//
// Sign convention: a line's amount is positive for a debit and negative for a credit,
// and an account's balance is the sum of its lines. Debit-normal accounts (assets,
// expenses) therefore have positive balances in normal operation, credit-normal ones
// (liabilities, revenue) negative ones.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/money.h"

namespace tranche::ledger {

enum class AccountType : std::uint8_t {
  kConsumerReceivable,     // asset, per consumer: what a consumer owes us
  kMerchantPayable,        // liability, per merchant: what we owe a merchant
  kSettlementCash,         // asset: cash at the bank paying merchants out
  kCollectionsCash,        // asset: cash received from consumers
  kMdrRevenue,             // revenue: merchant discount fees
  kInterestRevenue,        // revenue: financing interest
  kFeeRevenue,             // revenue: late fees
  kCreditLossExpense,      // expense: charged-off receivables
  kConsumerRefundsPayable, // liability, per consumer: refunds owed back to a consumer
  kSuspense,               // unresolved items awaiting investigation
  kAccruedInterest,        // asset: financing interest earned and not yet paid
  kProcessingExpense,      // expense: processor fees and settlement differences written off
  kFraudLossExpense,       // expense: collections taken back by card issuers as fraud
  kMerchantLossExpense,    // expense: what a rejected merchant owed and will not pay
};

inline constexpr AccountType kAllAccountTypes[] = {
    AccountType::kConsumerReceivable, AccountType::kMerchantPayable,
    AccountType::kSettlementCash,     AccountType::kCollectionsCash,
    AccountType::kMdrRevenue,         AccountType::kInterestRevenue,
    AccountType::kFeeRevenue,         AccountType::kCreditLossExpense,
    AccountType::kConsumerRefundsPayable, AccountType::kSuspense,
    AccountType::kAccruedInterest,    AccountType::kProcessingExpense,
    AccountType::kFraudLossExpense,   AccountType::kMerchantLossExpense};

enum class OwnerKind : std::uint8_t { kNone, kConsumer, kMerchant };

std::string_view AccountTypeName(AccountType t);
std::optional<AccountType> ParseAccountType(std::string_view name);
OwnerKind OwnerKindOf(AccountType t);
bool IsDebitNormal(AccountType t);

struct AccountRef {
  AccountType type;
  Currency currency;
  std::string owner;  // consumer or merchant id; empty for platform accounts

  friend bool operator==(const AccountRef&, const AccountRef&) = default;
};

// Checks that the owner matches the account type (present, with the right id prefix,
// for per-owner types; absent otherwise).
Status ValidateAccountRef(const AccountRef& ref);
std::string AccountId(const AccountRef& ref);
// Parses and validates an account id; errors name `param`.
Result<AccountRef> ParseAccountId(std::string_view id, std::string_view param = "account");

}  // namespace tranche::ledger
