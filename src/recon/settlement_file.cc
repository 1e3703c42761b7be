#include "recon/settlement_file.h"

#include <charconv>

#include "core/csv_writer.h"

namespace tranche::recon {

namespace {

constexpr std::string_view kHeader =
    "value_date,processor_reference,reference,type,currency,amount_minor,fee_minor";
constexpr std::size_t kColumns = 7;

// Splits one record of quoted or bare fields (no line breaks inside fields: a
// settlement file has none). False when a quote is unbalanced.
bool SplitRecord(std::string_view line, std::vector<std::string>& fields) {
  fields.clear();
  std::size_t i = 0;
  while (true) {
    std::string field;
    if (i < line.size() && line[i] == '"') {
      ++i;
      while (true) {
        if (i >= line.size()) return false;
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += line[i++];
      }
    } else {
      while (i < line.size() && line[i] != ',') field += line[i++];
    }
    fields.push_back(std::move(field));
    if (i >= line.size()) return true;
    if (line[i] != ',') return false;
    ++i;
  }
}

std::optional<std::int64_t> ParseInt(std::string_view s) {
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

bool IsReference(std::string_view s) {
  if (s.empty() || s.size() > kMaxReferenceChars) return false;
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return false;
  }
  return true;
}

}  // namespace

std::string_view LineKindName(LineKind k) {
  switch (k) {
    case LineKind::kCollection: return "collection";
    case LineKind::kRefund: return "refund";
    case LineKind::kPayout: return "payout";
    case LineKind::kChargeback: return "chargeback";
  }
  return "collection";
}

std::optional<LineKind> ParseLineKind(std::string_view name) {
  for (LineKind k : {LineKind::kCollection, LineKind::kRefund, LineKind::kPayout, LineKind::kChargeback}) {
    if (LineKindName(k) == name) return k;
  }
  return std::nullopt;
}

std::string FormatFile(const std::vector<FileLine>& lines) {
  std::string out(kHeader);
  out += "\r\n";
  for (const FileLine& l : lines) {
    CsvRecordWriter(out)
        .Text(FormatDate(l.value_date))
        .Text(l.processor_ref)
        .Text(l.reference)
        .Text(LineKindName(l.kind))
        .Text(CurrencyCode(l.amount.currency()))
        .Integer(l.amount.minor())
        .Integer(l.fee_minor)
        .End();
  }
  return out;
}

Result<std::vector<FileLine>> ParseFile(std::string_view text) {
  if (text.size() > kMaxFileBytes) return Status::InvalidArgument("file_too_large", "settlement file over 256 MiB");
  std::vector<FileLine> out;
  std::vector<std::string> f;
  std::size_t number = 0;
  while (!text.empty()) {
    const std::size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++number;
    if (number == 1) {
      if (line != kHeader) return Status::InvalidArgument("bad_header", "line 1: expected the header " + std::string(kHeader));
      continue;
    }
    if (line.empty()) continue;
    const auto bad = [&](const std::string& why) {
      return Status::InvalidArgument("bad_line", "line " + std::to_string(number) + ": " + why);
    };
    if (out.size() >= kMaxFileLines) return bad("more than 1,000,000 lines");
    if (!SplitRecord(line, f) || f.size() != kColumns) return bad("expected 7 fields");
    const auto date = ParseDate(f[0]);
    const auto kind = ParseLineKind(f[3]);
    const auto currency = ParseCurrency(f[4]);
    const auto amount = ParseInt(f[5]);
    const auto fee = ParseInt(f[6]);
    if (!date) return bad("value_date must be YYYY-MM-DD");
    if (!IsReference(f[1]) || !IsReference(f[2])) return bad("references are 1..64 letters, digits, _ or -");
    if (!kind) return bad("type must be collection, refund, payout or chargeback");
    if (!currency) return bad("unknown currency");
    if (!amount || *amount <= 0 || *amount > 1'000'000'000'000) return bad("amount_minor must be 1..10^12");
    if (!fee || *fee < 0 || *fee > *amount) return bad("fee_minor must be 0..amount_minor");
    out.push_back(FileLine{*date, f[1], f[2], *kind, Money(*amount, *currency), *fee});
  }
  return out;
}

}  // namespace tranche::recon
