#include "onboarding/consumer_login.h"

#include "auth/login.h"

namespace tranche::onboarding {

Result<bool> StartConsumerLogin(store::Tx& tx, IdGenerator& ids, RandomSource& random,
                                const LoginRequest& r, Instant now) {
  TRANCHE_ASSIGN_OR_RETURN(auto consumer, tx.consumers().FindByEmail(r.email));
  if (!consumer) return false;
  TRANCHE_ASSIGN_OR_RETURN(auth::CodeHistories history,
                           tx.keys().ChallengesSince(consumer->id, r.address, now - auth::kCodeHistoryWindow));
  if (!auth::MaySendCode(history, now)) return false;
  const std::string code = auth::GenerateCode(random);
  const auth::LoginChallenge challenge =
      auth::MakeChallenge(ids.Next("lch"), consumer->id, code, std::string(r.address), now);
  TRANCHE_RETURN_IF_ERROR(tx.keys().InsertChallenge(challenge));
  const notify::Notification n{
      ids.Next("ntf"), consumer->id, "email", "login_code", consumer->email,
      "Your tranche login code",
      "Your tranche login code is " + code + ". It expires in 10 minutes. If you did not ask for "
      "it, you can ignore this message.",
      now};
  TRANCHE_RETURN_IF_ERROR(tx.notifications().Insert(n));
  return true;
}

Result<LoginVerdict> VerifyConsumerLogin(store::Tx& tx, IdGenerator& ids, RandomSource& secrets,
                                         const LoginRequest& r, std::string_view code, Instant now) {
  const LoginVerdict invalid{std::nullopt,
                             Status(StatusCategory::kUnauthenticated, "invalid_code",
                                    "the code is wrong or has expired", "code")};
  TRANCHE_ASSIGN_OR_RETURN(auto consumer, tx.consumers().FindByEmail(r.email));
  if (!consumer) return invalid;
  TRANCHE_ASSIGN_OR_RETURN(auto challenge, tx.keys().LatestChallenge(consumer->id, r.address));
  if (!challenge) return invalid;
  const auth::CodeVerdict verdict = auth::CheckCode(*challenge, code, now);
  switch (verdict.check) {
    case auth::CodeCheck::kExpired:
      return invalid;
    case auth::CodeCheck::kLocked:
      TRANCHE_RETURN_IF_ERROR(tx.keys().UpdateChallenge(verdict.after));
      return LoginVerdict{std::nullopt,
                          Status(StatusCategory::kResourceExhausted, "challenge_locked",
                                 "too many wrong codes; request a new code")};
    case auth::CodeCheck::kWrong:
      TRANCHE_RETURN_IF_ERROR(tx.keys().UpdateChallenge(verdict.after));
      return invalid;
    case auth::CodeCheck::kAccepted:
      break;
  }
  TRANCHE_RETURN_IF_ERROR(tx.keys().UpdateChallenge(verdict.after));
  const auth::Principal owner{auth::PrincipalKind::kConsumer, consumer->id};
  ConsumerToken token{consumer->id, auth::GenerateSecret(owner.kind, secrets),
                      now + auth::kConsumerTokenLifetime};
  auth::ApiKey key = auth::MakeApiKey(ids.Next("key"), owner, token.token, now);
  key.expires_at = token.expires_at;
  TRANCHE_RETURN_IF_ERROR(tx.keys().InsertKey(key));
  return LoginVerdict{std::move(token), Status::Ok()};
}

}  // namespace tranche::onboarding
