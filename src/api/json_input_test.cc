#include "api/json_input.h"

#include <gtest/gtest.h>

namespace tranche::api {
namespace {

TEST(JsonInputTest, ParsesObjectsOnly) {
  EXPECT_TRUE(ParseBody(R"({"a":1})").ok());
  EXPECT_EQ(ParseBody("[1,2]").status().code(), "invalid_json");
  EXPECT_EQ(ParseBody("{\"a\":").status().code(), "invalid_json");
  EXPECT_EQ(ParseBody("").status().code(), "invalid_json");
  EXPECT_EQ(ParseBody("{\"a\":\"\xff\"}").status().code(), "invalid_json");
}

TEST(JsonInputTest, RefusesDeepNesting) {
  std::string deep = "{\"a\":";
  for (int i = 0; i < 10000; ++i) deep += "[";
  // Refused at the 17th level, before the parser reaches the missing brackets.
  EXPECT_EQ(ParseBody(deep).status().code(), "json_too_deep");
  std::string closed = "{\"a\":" + std::string(100, '[') + std::string(100, ']') + "}";
  EXPECT_EQ(ParseBody(closed).status().code(), "json_too_deep");
}

TEST(JsonInputTest, AmountsAreBoundedIntegers) {
  const Json body = Json::parse(R"({"ok":12999,"neg":-1,"zero":0,"float":1.5,"str":"100",
    "big":1000000000001,"huge":18446744073709551615,"bool":true})");
  EXPECT_EQ(*RequireAmount(body, "ok"), 12999);
  EXPECT_EQ(RequireAmount(body, "neg").status().code(), "parameter_out_of_range");
  EXPECT_EQ(RequireAmount(body, "zero").status().code(), "parameter_out_of_range");
  EXPECT_EQ(RequireAmount(body, "float").status().code(), "parameter_invalid_type");
  EXPECT_EQ(RequireAmount(body, "str").status().code(), "parameter_invalid_type");
  EXPECT_EQ(RequireAmount(body, "big").status().code(), "parameter_out_of_range");
  EXPECT_EQ(RequireAmount(body, "huge").status().code(), "parameter_out_of_range");
  EXPECT_EQ(RequireAmount(body, "bool").status().code(), "parameter_invalid_type");
  EXPECT_EQ(RequireAmount(body, "missing").status().code(), "parameter_missing");
  EXPECT_EQ(RequireAmount(body, "missing", "lines[3].").status().param(), "lines[3].missing");
}

TEST(JsonInputTest, StringsAreBounded) {
  const Json body = {{"name", "abc"}, {"n", 5}};
  EXPECT_EQ(*RequireString(body, "name", 3), "abc");
  EXPECT_EQ(RequireString(body, "name", 2).status().code(), "string_too_long");
  EXPECT_EQ(RequireString(body, "n", 10).status().code(), "parameter_invalid_type");
  EXPECT_FALSE(OptionalString(body, "none", 10)->has_value());
}

TEST(JsonInputTest, UnknownFieldsAreRefused) {
  const Json body = {{"name", "x"}, {"nmae", "y"}};
  const Status st = CheckKnownFields(body, {"name"});
  EXPECT_EQ(st.code(), "parameter_unknown");
  EXPECT_EQ(st.param(), "nmae");
}

TEST(JsonInputTest, CurrenciesAndArrays) {
  const Json body = Json::parse(R"({"c":"SEK","bad":"sek","l":[1,2,3],"e":[]})");
  EXPECT_EQ(*RequireCurrency(body, "c"), Currency::kSEK);
  EXPECT_EQ(RequireCurrency(body, "bad").status().code(), "unsupported_currency");
  EXPECT_TRUE(RequireArray(body, "l", 3).ok());
  EXPECT_EQ(RequireArray(body, "l", 2).status().code(), "list_too_long");
  EXPECT_EQ(RequireArray(body, "e", 2).status().code(), "list_empty");
}

TEST(JsonInputTest, NothingMayFollowTheObject) {
  using namespace std::string_literals;
  EXPECT_TRUE(ParseBody("{\"a\":1}  \r\n").ok());
  EXPECT_EQ(ParseBody("{\"a\":1}\0{\"b\":2}"s).status().code(), "invalid_json");
  EXPECT_EQ(ParseBody("{\"a\":1}\0"s).status().code(), "invalid_json");
  EXPECT_EQ(ParseBody("{\"a\":1}{\"b\":2}").status().code(), "invalid_json");
  EXPECT_EQ(ParseBody("{\"a\":1} x").status().code(), "invalid_json");
}

TEST(JsonInputTest, ContentTypeIsExactlyJson) {
  EXPECT_TRUE(IsJsonContentType("application/json"));
  EXPECT_TRUE(IsJsonContentType("application/json; charset=utf-8"));
  EXPECT_TRUE(IsJsonContentType("Application/JSON;charset=UTF-8"));
  EXPECT_FALSE(IsJsonContentType("application/jsonx"));
  EXPECT_FALSE(IsJsonContentType("application/json-patch+json"));
  EXPECT_FALSE(IsJsonContentType("text/plain"));
  EXPECT_FALSE(IsJsonContentType(""));
  EXPECT_FALSE(IsJsonContentType(" application/json"));
}

TEST(JsonInputTest, NamesAndReferencesRefuseControlCharacters) {
  const Json body = Json::parse(R"({"nul":"a\u0000b","nl":"line\nbreak","del":"a\u007f",
    "c1":"a\u0085b","esc":"\u001b[31m","ok":"Åsa Öberg – 東京","tab":"a\tb"})");
  for (const char* name : {"nul", "nl", "del", "c1", "esc", "tab"}) {
    EXPECT_EQ(RequireString(body, name, 100).status().code(), "parameter_invalid_characters") << name;
    EXPECT_EQ(RequireString(body, name, 100).status().param(), name);
  }
  EXPECT_EQ(*RequireString(body, "ok", 100), "Åsa Öberg – 東京");
  // Free text keeps its line breaks and tabs, and nothing else.
  EXPECT_EQ(*RequireText(body, "nl", 100), "line\nbreak");
  EXPECT_EQ(*RequireText(body, "tab", 100), "a\tb");
  for (const char* name : {"nul", "del", "c1", "esc"}) {
    EXPECT_EQ(OptionalText(body, name, 100).status().code(), "parameter_invalid_characters") << name;
  }
}

TEST(JsonInputTest, QueryAndPaging) {
  EXPECT_EQ(QueryParam("limit=10&starting_after=mer%5F1", "starting_after"), "mer_1");
  EXPECT_FALSE(QueryParam("limit=10", "x"));
  EXPECT_EQ(ParsePage("limit=5", 100)->limit, 5u);
  EXPECT_EQ(ParsePage("", 100)->limit, 20u);
  EXPECT_FALSE(ParsePage("limit=0", 100).ok());
  EXPECT_FALSE(ParsePage("limit=101", 100).ok());
  EXPECT_FALSE(ParsePage("limit=abc", 100).ok());
}

TEST(JsonInputTest, WholeNumbersInTheQueryAreBounded) {
  EXPECT_EQ(*QueryWholeNumber("", "days", 30, 1, 90), 30);
  EXPECT_EQ(*QueryWholeNumber("x=1&days=90", "days", 30, 1, 90), 90);
  EXPECT_EQ(*QueryWholeNumber("days=1", "days", 30, 1, 90), 1);
  for (const char* q : {"days=", "days", "days=0", "days=91", "days=-1", "days=+5", "days=%205", "days=7x", "days=1.5",
                        "days=99999999999999999999"}) {
    const auto r = QueryWholeNumber(q, "days", 30, 1, 90);
    ASSERT_FALSE(r.ok()) << q;
    EXPECT_EQ(r.status().code(), "parameter_out_of_range") << q;
    EXPECT_EQ(r.status().param(), "days") << q;
    EXPECT_EQ(r.status().message(), "days must be a whole number from 1 to 90") << q;
  }
}

}  // namespace
}  // namespace tranche::api
