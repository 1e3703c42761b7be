#include "ledger/account.h"

#include "core/enum_names.h"
#include "core/ids.h"

namespace tranche::ledger {

std::string_view AccountTypeName(AccountType t) {
  switch (t) {
    case AccountType::kConsumerReceivable: return "consumer_receivable";
    case AccountType::kMerchantPayable: return "merchant_payable";
    case AccountType::kSettlementCash: return "settlement_cash";
    case AccountType::kCollectionsCash: return "collections_cash";
    case AccountType::kMdrRevenue: return "mdr_revenue";
    case AccountType::kInterestRevenue: return "interest_revenue";
    case AccountType::kFeeRevenue: return "fee_revenue";
    case AccountType::kCreditLossExpense: return "credit_loss_expense";
    case AccountType::kConsumerRefundsPayable: return "consumer_refunds_payable";
    case AccountType::kSuspense: return "suspense";
    case AccountType::kAccruedInterest: return "accrued_interest";
    case AccountType::kProcessingExpense: return "processing_expense";
    case AccountType::kFraudLossExpense: return "fraud_loss_expense";
    case AccountType::kMerchantLossExpense: return "merchant_loss_expense";
  }
  TRANCHE_ASSERT_MSG(false, "unknown account type");
  return "";
}

std::optional<AccountType> ParseAccountType(std::string_view name) {
  return ParseByName<AccountType>(kAllAccountTypes, AccountTypeName, name);
}

OwnerKind OwnerKindOf(AccountType t) {
  switch (t) {
    case AccountType::kConsumerReceivable:
    case AccountType::kConsumerRefundsPayable: return OwnerKind::kConsumer;
    case AccountType::kMerchantPayable: return OwnerKind::kMerchant;
    default: return OwnerKind::kNone;
  }
}

bool IsDebitNormal(AccountType t) {
  switch (t) {
    case AccountType::kConsumerReceivable:
    case AccountType::kSettlementCash:
    case AccountType::kCollectionsCash:
    case AccountType::kCreditLossExpense:
    case AccountType::kSuspense:
    case AccountType::kAccruedInterest:
    case AccountType::kProcessingExpense:
    case AccountType::kFraudLossExpense:
    case AccountType::kMerchantLossExpense: return true;
    default: return false;
  }
}

Status ValidateAccountRef(const AccountRef& ref) {
  switch (OwnerKindOf(ref.type)) {
    case OwnerKind::kNone:
      if (!ref.owner.empty()) {
        return Status::InvalidArgument("invalid_account",
                                       std::string(AccountTypeName(ref.type)) +
                                           " is a platform account and has no owner");
      }
      return Status::Ok();
    case OwnerKind::kConsumer:
      if (!IsValidId(ref.owner, "con")) {
        return Status::InvalidArgument("invalid_account", std::string(AccountTypeName(ref.type)) +
                                                              " needs a consumer id (con_...)");
      }
      return Status::Ok();
    case OwnerKind::kMerchant:
      if (!IsValidId(ref.owner, "mer")) {
        return Status::InvalidArgument("invalid_account", std::string(AccountTypeName(ref.type)) +
                                                              " needs a merchant id (mer_...)");
      }
      return Status::Ok();
  }
  return Status::Internal("unreachable owner kind");
}

std::string AccountId(const AccountRef& ref) {
  std::string id(AccountTypeName(ref.type));
  id += ':';
  id += CurrencyCode(ref.currency);
  if (!ref.owner.empty()) {
    id += ':';
    id += ref.owner;
  }
  return id;
}

Result<AccountRef> ParseAccountId(std::string_view id, std::string_view param) {
  const auto bad = [&](std::string why) {
    return Status::InvalidArgument("invalid_account", "account '" +
        std::string(id.substr(0, 80)) + "' " + why, std::string(param));
  };
  if (id.size() > 100) return bad("is too long");
  const std::size_t c1 = id.find(':');
  if (c1 == std::string_view::npos) return bad("must look like type:CURRENCY[:owner]");
  const std::size_t c2 = id.find(':', c1 + 1);
  auto type = ParseAccountType(id.substr(0, c1));
  if (!type) return bad("has an unknown account type");
  const std::string_view ccy =
      id.substr(c1 + 1, c2 == std::string_view::npos ? std::string_view::npos : c2 - c1 - 1);
  auto currency = ParseCurrency(ccy);
  if (!currency) return bad("has an unknown currency");
  AccountRef ref{*type, *currency,
                 c2 == std::string_view::npos ? std::string() : std::string(id.substr(c2 + 1))};
  Status st = ValidateAccountRef(ref);
  if (!st.ok()) return bad(st.message());
  return ref;
}

}  // namespace tranche::ledger
