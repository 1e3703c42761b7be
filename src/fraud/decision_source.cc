#include "fraud/decision_source.h"

#include "fraud/decision_repo.h"

namespace tranche::fraud {

namespace {

FeatureDef Number(std::string name, std::string description) {
  return {std::move(name), ValueType::kNumber, std::move(description)};
}
FeatureDef Text(std::string name, std::string description) {
  return {std::move(name), ValueType::kText, std::move(description)};
}

FeatureValue Optional(const std::optional<std::string>& s) {
  return s ? FeatureValue(*s) : FeatureValue();
}

}  // namespace

StoredFeatureSource::StoredFeatureSource()
    : catalogue_({
          Number("amount", "the authorization's amount in minor units of its currency"),
          Text("currency", "ISO 4217 code of the amount"),
          Text("merchant_id", "the merchant's id"),
          Text("email", "the consumer's normalised email address"),
          Text("email_domain", "the part of the email after '@'"),
          Text("billing_country", "country of the presented address (ISO 3166-1 alpha-2)"),
          Text("ip", "the device's IP address, when the merchant sent it"),
          Text("ip_country", "the IP address's country as the merchant located it, when sent"),
          Text("device_fingerprint", "the device fingerprint, when the merchant sent it"),
          Number("consumer_decisions_1h", "the consumer's credit decisions in the last hour, this one included"),
          Number("consumer_decisions_24h", "the consumer's credit decisions in the last 24 hours, this one included"),
          Number("consumer_declines_24h", "the consumer's declined credit decisions in the last 24 hours"),
          Number("consumer_approved_amount_24h",
                 "minor units the consumer was approved for in this currency in the last 24 hours, this one included"),
      }) {}

Result<FeatureValues> StoredFeatureSource::Compute(DecisionRepo& repo, const AuthorizationFacts& facts) const {
  const Currency c = facts.amount.currency();
  TRANCHE_ASSIGN_OR_RETURN(ConsumerActivity hour, repo.Activity(facts.consumer_id, c, facts.now - std::chrono::hours(1)));
  TRANCHE_ASSIGN_OR_RETURN(ConsumerActivity day, repo.Activity(facts.consumer_id, c, facts.now - std::chrono::hours(24)));
  const std::size_t at = facts.email.rfind('@');
  FeatureValues v;
  v.values = {
      static_cast<double>(facts.amount.minor()),
      std::string(CurrencyCode(c)),
      facts.merchant_id,
      facts.email,
      at == std::string::npos ? FeatureValue() : FeatureValue(facts.email.substr(at + 1)),
      facts.billing_country.empty() ? FeatureValue() : FeatureValue(facts.billing_country),
      Optional(facts.ip),
      Optional(facts.ip_country),
      Optional(facts.device_fingerprint),
      static_cast<double>(hour.decisions),
      static_cast<double>(day.decisions),
      static_cast<double>(day.declines),
      static_cast<double>(day.approved_amount_minor),
  };
  TRANCHE_ASSERT(v.values.size() == catalogue_.size());
  return v;
}

}  // namespace tranche::fraud
