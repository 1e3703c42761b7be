#include "api/json_input.h"

#include "api/url.h"
#include "core/assert.h"

#include <charconv>

namespace tranche::api {

namespace {

std::string Qualified(std::string_view prefix, std::string_view name) {
  return std::string(prefix) + std::string(name);
}

Status Missing(std::string_view prefix, std::string_view name) {
  const std::string p = Qualified(prefix, name);
  return Status::InvalidArgument("parameter_missing", "missing required parameter " + p, p);
}

Status WrongType(std::string_view prefix, std::string_view name, std::string_view expected) {
  const std::string p = Qualified(prefix, name);
  return Status::InvalidArgument("parameter_invalid_type",
                                 p + " must be " + std::string(expected), p);
}

const Json* Find(const Json& obj, std::string_view name) {
  auto it = obj.find(name);
  return it == obj.end() || it->is_null() ? nullptr : &*it;
}

enum class LineBreaks { kRefused, kAllowed };

// Precondition: `s` is valid UTF-8 (the JSON parser guarantees it), so a C1 control
// (U+0080..U+009F) is always the two bytes C2 80..C2 9F.
bool HasControlCharacter(std::string_view s, LineBreaks breaks) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const bool line_break = c == '\n' || c == '\r' || c == '\t';
    if ((c < 0x20 && !(line_break && breaks == LineBreaks::kAllowed)) || c == 0x7F) return true;
    if (c == 0xC2 && i + 1 < s.size()) {
      const auto next = static_cast<unsigned char>(s[i + 1]);
      if (next >= 0x80 && next <= 0x9F) return true;
    }
  }
  return false;
}

Result<std::optional<std::string>> BoundedString(const Json& obj, std::string_view name,
                                                 std::size_t max_chars, std::string_view prefix,
                                                 LineBreaks breaks) {
  const Json* v = Find(obj, name);
  if (v == nullptr) return std::optional<std::string>();
  if (!v->is_string()) return WrongType(prefix, name, "a string");
  const auto& s = v->get_ref<const std::string&>();
  const std::string p = Qualified(prefix, name);
  if (s.size() > max_chars) {
    return Status::InvalidArgument("string_too_long",
                                   p + " is longer than " + std::to_string(max_chars) +
                                       " characters", p);
  }
  if (HasControlCharacter(s, breaks)) {
    return Status::InvalidArgument("parameter_invalid_characters",
                                   p + " must not contain control characters", p);
  }
  return std::optional<std::string>(s);
}

Result<std::string> Required(Result<std::optional<std::string>> s, std::string_view prefix,
                             std::string_view name) {
  if (!s.ok()) return s.status();
  if (!*s || (*s)->empty()) return Missing(prefix, name);
  return std::move(**s);
}

}  // namespace

std::string Serialize(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

bool IsJsonContentType(std::string_view content_type) {
  std::string_view media = content_type.substr(0, content_type.find(';'));
  while (!media.empty() && (media.back() == ' ' || media.back() == '\t')) media.remove_suffix(1);
  constexpr std::string_view kJson = "application/json";
  if (media.size() != kJson.size()) return false;
  for (std::size_t i = 0; i < media.size(); ++i) {
    const char c = media[i];
    const char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    if (lower != kJson[i]) return false;
  }
  return true;
}

Result<Json> ParseBody(std::string_view body) {
  // The parser stops at a NUL as if the input had ended, so "{}\0junk" would pass as
  // "{}"; a body with a NUL byte is refused before it is parsed.
  if (body.find('\0') != std::string_view::npos) {
    return Status::InvalidArgument("invalid_json", "the request body contains a NUL byte");
  }
  bool too_deep = false;
  // The callback sees every value with its depth; past the limit it marks the body and
  // drops the value, so deep nesting is refused without recursing into it.
  Json parsed = Json::parse(
      body,
      [&too_deep](int depth, Json::parse_event_t, Json&) {
        if (depth > kMaxJsonDepth) too_deep = true;
        return !too_deep;
      },
      /*allow_exceptions=*/false);
  if (too_deep) {
    return Status::InvalidArgument("json_too_deep", "JSON nesting is limited to 16 levels");
  }
  if (parsed.is_discarded()) {
    return Status::InvalidArgument("invalid_json", "the request body is not valid JSON");
  }
  if (!parsed.is_object()) {
    return Status::InvalidArgument("invalid_json", "the request body must be a JSON object");
  }
  return parsed;
}

Status CheckKnownFields(const Json& obj, std::initializer_list<std::string_view> known,
                        std::string_view prefix) {
  for (const auto& [key, _] : obj.items()) {
    bool found = false;
    for (std::string_view k : known) found = found || k == key;
    if (!found) {
      const std::string p = Qualified(prefix, key.substr(0, 100));
      return Status::InvalidArgument("parameter_unknown", "received unknown parameter " + p, p);
    }
  }
  return Status::Ok();
}

Result<std::optional<std::string>> OptionalString(const Json& obj, std::string_view name,
                                                  std::size_t max_chars, std::string_view prefix) {
  return BoundedString(obj, name, max_chars, prefix, LineBreaks::kRefused);
}

Result<std::string> RequireString(const Json& obj, std::string_view name, std::size_t max_chars,
                                  std::string_view prefix) {
  return Required(OptionalString(obj, name, max_chars, prefix), prefix, name);
}

Result<std::optional<std::string>> OptionalText(const Json& obj, std::string_view name,
                                                std::size_t max_chars, std::string_view prefix) {
  return BoundedString(obj, name, max_chars, prefix, LineBreaks::kAllowed);
}

Result<std::string> RequireText(const Json& obj, std::string_view name, std::size_t max_chars,
                                std::string_view prefix) {
  return Required(OptionalText(obj, name, max_chars, prefix), prefix, name);
}

Result<std::int64_t> RequireInt(const Json& obj, std::string_view name, std::int64_t min,
                                std::int64_t max, std::string_view prefix) {
  const Json* v = Find(obj, name);
  if (v == nullptr) return Missing(prefix, name);
  if (!v->is_number_integer()) return WrongType(prefix, name, "an integer");
  const std::string p = Qualified(prefix, name);
  const auto out_of_range = Status::InvalidArgument(
      "parameter_out_of_range",
      p + " must be between " + std::to_string(min) + " and " + std::to_string(max), p);
  if (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(max)) {
    return out_of_range;
  }
  const auto value = v->get<std::int64_t>();
  if (value < min || value > max) return out_of_range;
  return value;
}

Result<std::int64_t> OptionalInt(const Json& obj, std::string_view name, std::int64_t min,
                                 std::int64_t max, std::int64_t fallback, std::string_view prefix) {
  if (Find(obj, name) == nullptr) return fallback;
  return RequireInt(obj, name, min, max, prefix);
}

Result<std::int64_t> RequireAmount(const Json& obj, std::string_view name,
                                   std::string_view prefix) {
  return RequireInt(obj, name, 1, kMaxInputAmountMinor, prefix);
}

Result<Currency> RequireCurrency(const Json& obj, std::string_view name, std::string_view prefix) {
  TRANCHE_ASSIGN_OR_RETURN(std::string code, RequireString(obj, name, 3, prefix));
  auto c = ParseCurrency(code);
  if (!c) {
    const std::string p = Qualified(prefix, name);
    return Status::InvalidArgument("unsupported_currency",
                                   p + " must be one of USD, EUR, GBP, SEK", p);
  }
  return *c;
}

Result<const Json*> RequireArray(const Json& obj, std::string_view name, std::size_t max_items,
                                 std::string_view prefix) {
  const Json* v = Find(obj, name);
  if (v == nullptr) return Missing(prefix, name);
  if (!v->is_array()) return WrongType(prefix, name, "an array");
  const std::string p = Qualified(prefix, name);
  if (v->empty()) return Status::InvalidArgument("list_empty", p + " cannot be empty", p);
  if (v->size() > max_items) {
    return Status::InvalidArgument("list_too_long",
                                   p + " has more than " + std::to_string(max_items) + " items", p);
  }
  return v;
}

Result<const Json*> OptionalObject(const Json& obj, std::string_view name,
                                   std::string_view prefix) {
  const Json* v = Find(obj, name);
  if (v != nullptr && !v->is_object()) return WrongType(prefix, name, "an object");
  return v;
}

std::optional<std::string> QueryParam(std::string_view query, std::string_view name) {
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    const std::size_t eq = pair.find('=');
    if (pair.substr(0, eq) == name) {
      return eq == std::string_view::npos ? std::string() : PercentDecode(pair.substr(eq + 1), /*plus_is_space=*/true);
    }
    query.remove_prefix(amp == std::string_view::npos ? query.size() : amp + 1);
  }
  return std::nullopt;
}

Result<std::int64_t> QueryWholeNumber(std::string_view query, std::string_view name, std::int64_t fallback,
                                      std::int64_t min, std::int64_t max) {
  TRANCHE_ASSERT(min <= fallback && fallback <= max);
  const std::optional<std::string> text = QueryParam(query, name);
  if (!text) return fallback;
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
  if (text->empty() || ec != std::errc() || end != text->data() + text->size() || v < min || v > max) {
    const std::string n(name);
    const std::string bounds = std::to_string(min) + " to " + std::to_string(max);
    return Status::InvalidArgument("parameter_out_of_range", n + " must be a whole number from " + bounds, n);
  }
  return v;
}

Result<PageRequest> ParsePage(std::string_view query, std::size_t max_limit) {
  PageRequest page;
  if (auto limit = QueryParam(query, "limit")) {
    std::size_t v = 0;
    const auto [end, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), v);
    if (ec != std::errc() || end != limit->data() + limit->size() || v < 1 || v > max_limit) {
      return Status::InvalidArgument("parameter_out_of_range",
                                     "limit must be between 1 and " + std::to_string(max_limit),
                                     "limit");
    }
    page.limit = v;
  }
  if (auto after = QueryParam(query, "starting_after")) {
    if (after->size() > 100) {
      return Status::InvalidArgument("string_too_long", "starting_after is too long",
                                     "starting_after");
    }
    page.starting_after = std::move(*after);
  }
  return page;
}

}  // namespace tranche::api
