#include "api/static_files.h"

#include <sodium.h>

#include <array>
#include <fstream>
#include <iterator>
#include <system_error>

#include "api/url.h"
#include "core/hex.h"

namespace tranche::api {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kImmutablePrefix = "/assets/";

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string Etag(std::string_view body) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(body.data()), body.size());
  return "\"" + HexEncode(std::span(digest.data(), 16)) + "\"";
}

// True when `header` (an If-None-Match value: "*" or a list of tags, weak or strong)
// names `etag`.
bool Matches(std::string_view header, std::string_view etag) {
  if (header == "*") return true;
  while (!header.empty()) {
    const std::size_t comma = header.find(',');
    std::string_view tag = header.substr(0, comma);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == etag) return true;
    header.remove_prefix(comma == std::string_view::npos ? header.size() : comma + 1);
  }
  return false;
}

Result<std::string> ReadWhole(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return Status::Unavailable("cannot read " + p.string());
  std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::Unavailable("cannot read " + p.string());
  return body;
}

}  // namespace

std::optional<std::string> NormalizeStaticPath(std::string_view raw_path) {
  if (raw_path.empty() || raw_path.front() != '/' || raw_path.size() > kMaxStaticPathChars) return std::nullopt;
  const std::string path = PercentDecode(raw_path, /*plus_is_space=*/false);
  if (path.empty() || path.front() != '/') return std::nullopt;
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f || c == '\\') return std::nullopt;
  }
  // Every segment but a final empty one (a directory's trailing slash) is a name.
  std::string_view rest = std::string_view(path).substr(1);
  while (!rest.empty()) {
    const std::size_t slash = rest.find('/');
    const std::string_view seg = rest.substr(0, slash);
    if (seg.empty() || seg == "." || seg == "..") return std::nullopt;
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  return path;
}

std::string_view ContentTypeFor(std::string_view name) {
  struct Type {
    std::string_view ext;
    std::string_view type;
  };
  static constexpr Type kTypes[] = {
      {".html", "text/html; charset=utf-8"},   {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},          {".map", "application/json"},
      {".svg", "image/svg+xml"},               {".png", "image/png"},
      {".ico", "image/x-icon"},                {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
  };
  for (const Type& t : kTypes) {
    if (EndsWith(name, t.ext)) return t.type;
  }
  return "application/octet-stream";
}

Result<StaticFiles> StaticFiles::Load(const fs::path& root) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return Status::NotFound("web_dir_missing", root.string() + " is not a directory");
  StaticFiles out;
  std::size_t total = 0;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const fs::file_status st = it->symlink_status(ec);
    if (ec || !fs::is_regular_file(st)) continue;  // directories, links and devices are not served
    const std::string rel = fs::relative(it->path(), root, ec).generic_string();
    if (ec) break;
    const std::string url = "/" + rel;
    if (!NormalizeStaticPath(url) || out.files_.size() >= kMaxStaticFiles) {
      return Status::InvalidArgument("web_dir_invalid", "cannot serve " + it->path().string() +
                                                            ": a name unfit for a URL, or too many files");
    }
    TRANCHE_ASSIGN_OR_RETURN(std::string body, ReadWhole(it->path()));
    total += body.size();
    if (body.size() > kMaxStaticFileBytes || total > kMaxStaticTotalBytes) {
      return Status::InvalidArgument("web_dir_too_large", "the files under " + root.string() + " are too large");
    }
    File f{std::move(body), ContentTypeFor(rel), "", url.starts_with(kImmutablePrefix)};
    f.etag = Etag(f.body);
    out.files_.emplace(url, std::move(f));
  }
  if (ec) return Status::Unavailable("cannot list " + root.string() + ": " + ec.message());
  return out;
}

void StaticFiles::AddSecurityHeaders(HttpResponse& r) {
  r.headers.emplace_back("Content-Security-Policy", std::string(kContentSecurityPolicy));
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("Referrer-Policy", "no-referrer");
  r.headers.emplace_back("X-Frame-Options", "DENY");
}

std::optional<HttpResponse> StaticFiles::Serve(const HttpRequest& req) const {
  if (req.method != "GET") return std::nullopt;
  const std::optional<std::string> path = NormalizeStaticPath(req.path);
  if (!path) return std::nullopt;
  HttpResponse r;
  if (!path->ends_with('/') && files_.contains(*path + "/index.html")) {
    r.status = 301;
    r.content_type = "text/plain; charset=utf-8";
    r.headers.emplace_back("Location", *path + "/");
    AddSecurityHeaders(r);
    return r;
  }
  const auto it = files_.find(path->ends_with('/') ? *path + "index.html" : *path);
  if (it == files_.end()) return std::nullopt;
  const File& f = it->second;
  r.content_type = std::string(f.content_type);
  r.headers.emplace_back("ETag", f.etag);
  r.headers.emplace_back("Cache-Control", f.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  AddSecurityHeaders(r);
  if (!req.if_none_match.empty() && Matches(req.if_none_match, f.etag)) {
    r.status = 304;
    return r;
  }
  r.body = f.body;
  return r;
}

}  // namespace tranche::api
