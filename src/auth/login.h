// Consumer login by one-time code (pure). A consumer asks for a code by email; the
// code is sent through the notification outbox and stored only as a hash. A few wrong
// guesses lock the challenge, and a correct code works once, within its lifetime.
// A successful login yields a short-lived consumer token ("lt_...").
//
// Anyone who knows an email can ask for codes and guess at them, so:
//  - a code is checked only against the latest challenge requested from the same
//    address (the client IP the server sees): someone else's wrong guesses cannot lock
//    the owner's code, and a fresh code is never blocked by a locked one;
//  - codes are limited per address, per address and consumer, and per consumer, each
//    with growing delays (CodeAllowedAt), so the guesses one address gets at one
//    account are bounded (65 a day: see tests/login_limits_test.cc) while the owner,
//    asking from their own address, still gets a code at once.
#pragma once

#include <string>

#include "auth/keys.h"

namespace tranche::auth {

inline constexpr std::chrono::minutes kLoginCodeLifetime{10};
inline constexpr int kMaxCodeAttempts = 5;
inline constexpr std::chrono::hours kConsumerTokenLifetime{1};
inline constexpr std::size_t kCodeDigits = 6;
inline constexpr std::size_t kMaxAddressChars = 45;  // the longest textual IPv6 address

// Code limits count the codes sent in the last kCodeHistoryWindow. Up to a key's free
// allowance they go out at once; after that each waits kFirstCodeDelay after the
// previous one, doubling with every further code (1, 2, 4, ... minutes).
inline constexpr std::chrono::hours kCodeHistoryWindow{24};
inline constexpr std::chrono::minutes kFirstCodeDelay{1};
// One address asking for one consumer: a person retrying, not a script.
inline constexpr int kFreeCodesPerAddressAndConsumer = 3;
// One address asking for anyone (a household, an office behind one NAT).
inline constexpr int kFreeCodesPerAddress = 50;
// One consumer asked for from anywhere: bounds guesses from many addresses; above
// the single-address allowance, so one attacking address never delays the owner.
inline constexpr int kFreeCodesPerConsumer = 20;

struct LoginChallenge {
  std::string id;  // lch_...
  std::string consumer_id;
  SecretHash code_hash;
  int attempts = 0;  // wrong codes so far
  Instant created_at;
  Instant expires_at;
  bool consumed = false;
  std::string requested_from;  // the address that asked; only it may present the code
};

// The codes sent for one limit's key in the last kCodeHistoryWindow.
struct CodeHistory {
  int sent = 0;
  std::optional<Instant> last_sent_at;  // set when sent > 0
};
// The first instant a further code may go out for a key with this history.
Instant CodeAllowedAt(const CodeHistory& h, int free_codes);
struct CodeHistories {
  CodeHistory by_address_and_consumer;
  CodeHistory by_address;
  CodeHistory by_consumer;
};
bool MaySendCode(const CodeHistories& h, Instant now);

// Six decimal digits, uniformly drawn.
std::string GenerateCode(RandomSource& random);
// Bound to the challenge id, so equal codes of two challenges hash differently.
SecretHash HashCode(std::string_view challenge_id, std::string_view code);
LoginChallenge MakeChallenge(std::string id, std::string consumer_id, std::string_view code,
                             std::string requested_from, Instant now);

enum class CodeCheck { kAccepted, kWrong, kLocked, kExpired };
// The outcome of presenting `code` at `now`, and the challenge afterwards (a wrong
// code counts an attempt; an accepted one consumes the challenge).
struct CodeVerdict {
  CodeCheck check;
  LoginChallenge after;
};
CodeVerdict CheckCode(const LoginChallenge& c, std::string_view code, Instant now);

}  // namespace tranche::auth
