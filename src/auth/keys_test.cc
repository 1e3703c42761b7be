#include "auth/keys.h"

#include <gtest/gtest.h>

namespace tranche::auth {
namespace {

TEST(KeysTest, SecretsCarryTheirKindAndDiffer) {
  SeededRandom random(9);
  const std::string sk = GenerateSecret(PrincipalKind::kMerchant, random);
  const std::string ok = GenerateSecret(PrincipalKind::kOperator, random);
  EXPECT_EQ(sk.substr(0, 3), "sk_");
  EXPECT_EQ(ok.substr(0, 3), "ok_");
  EXPECT_EQ(sk.size(), 3u + 48u);
  EXPECT_EQ(KindOfSecret(sk), PrincipalKind::kMerchant);
  EXPECT_EQ(KindOfSecret(ok), PrincipalKind::kOperator);
  EXPECT_FALSE(KindOfSecret("pk_123"));
  EXPECT_NE(sk.substr(3), ok.substr(3));
}

TEST(KeysTest, StoresOnlyTheHash) {
  SeededRandom random(10);
  const std::string secret = GenerateSecret(PrincipalKind::kMerchant, random);
  const ApiKey key = MakeApiKey("key_1", {PrincipalKind::kMerchant, "mer_1"}, secret,
                                *ParseRfc3339("2026-01-01T00:00:00Z"));
  EXPECT_TRUE(ConstantTimeEqual(key.secret_hash, HashSecret(secret)));
  EXPECT_FALSE(ConstantTimeEqual(key.secret_hash, HashSecret(secret + "x")));
  EXPECT_EQ(key.display_prefix, secret.substr(0, 9));
  const std::string hash_bytes(key.secret_hash.begin(), key.secret_hash.end());
  EXPECT_EQ(hash_bytes.find(secret.substr(3, 8)), std::string::npos);
}

TEST(KeysTest, Sha256MatchesKnownVector) {
  // SHA-256("abc"), FIPS 180-2 appendix B.1.
  const SecretHash h = HashSecret("abc");
  EXPECT_EQ(h[0], 0xba);
  EXPECT_EQ(h[1], 0x78);
  EXPECT_EQ(h[31], 0xad);
}

TEST(KeysTest, ClientTokensAreDerivedPerSessionFromThePlatformKey) {
  PlatformKey key{};
  key[0] = 1;
  const std::string a = DeriveClientToken(key, "cs_A");
  EXPECT_EQ(a, DeriveClientToken(key, "cs_A"));  // the same again, for a replay
  EXPECT_NE(a, DeriveClientToken(key, "cs_B"));
  PlatformKey other = key;
  other[0] = 2;
  EXPECT_NE(a, DeriveClientToken(other, "cs_A"));  // unguessable without the key
  EXPECT_EQ(a.size(), 3u + 48u);
  EXPECT_EQ(KindOfSecret(a), PrincipalKind::kCheckoutClient);
}

TEST(KeysTest, HmacSha256MatchesKnownVector) {
  // RFC 4231 test case 2: key "Jefe".
  const std::string key = "Jefe";
  EXPECT_EQ(HmacSha256Hex({reinterpret_cast<const std::uint8_t*>(key.data()), key.size()},
                          "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

}  // namespace
}  // namespace tranche::auth
