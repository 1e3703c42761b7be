// StaticFiles: the web front end's built files (web/dist), served by the API server at
// the edge. Everything is read into memory once at start-up, so a request can only
// ever get a file that was found under the root then: a path is normalised and looked
// up, never joined onto the file system, and traversal has nothing to reach.
//
// Headers: a strong ETag per file (If-None-Match → 304); Vite's content-hashed assets
// (/assets/…) are immutable for a year, everything else (index.html) is revalidated on
// every load; a strict Content-Security-Policy (scripts, styles and connections only
// from this origin, no inline script, no framing), X-Content-Type-Options: nosniff,
// Referrer-Policy: no-referrer.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "api/http_types.h"
#include "core/status.h"

namespace tranche::api {

inline constexpr std::size_t kMaxStaticFiles = 2'000;
inline constexpr std::size_t kMaxStaticFileBytes = 16u << 20;
inline constexpr std::size_t kMaxStaticTotalBytes = 64u << 20;
inline constexpr std::size_t kMaxStaticPathChars = 512;

inline constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

// The request path as a key into the files: percent-decoded, "/" for the root. Empty
// when the path is not one a file can have: no "..", "." or empty segments, no
// backslash, control character or NUL, at most kMaxStaticPathChars.
std::optional<std::string> NormalizeStaticPath(std::string_view raw_path);

// The Content-Type for a file name by its extension (application/octet-stream when
// unknown; text types say charset=utf-8).
std::string_view ContentTypeFor(std::string_view file_name);

class StaticFiles {
 public:
  // Reads every regular file under `root` (symbolic links are skipped). Fails when
  // `root` is not a directory or the files exceed the limits above.
  static Result<StaticFiles> Load(const std::filesystem::path& root);

  // The response for `req`, or nullopt when it is not a GET for a file here (the API
  // answers those). A directory's path serves its index.html; the directory named
  // without its slash is redirected to it, so relative links resolve.
  std::optional<HttpResponse> Serve(const HttpRequest& req) const;

  std::size_t file_count() const { return files_.size(); }

 private:
  struct File {
    std::string body;
    std::string_view content_type;
    std::string etag;     // "\"<first 32 hex digits of SHA-256>\""
    bool immutable;       // a content-hashed asset
  };

  static void AddSecurityHeaders(HttpResponse& r);

  std::unordered_map<std::string, File> files_;  // keyed by URL path: "/console/index.html"
};

}  // namespace tranche::api
