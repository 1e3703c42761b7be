// Front: what the HTTP server calls. It puts the edge's pieces before the API: the
// demo shop's own backend (demo only), then the web front end's static files, then
// the API for everything else. None of them sees another's requests.
#pragma once

#include "api/http_types.h"
#include "api/static_files.h"

namespace tranche::api {

// Paths under this prefix go to the shop backend when there is one.
inline constexpr std::string_view kShopBackendPrefix = "/shop/api/";

class Front final : public HttpHandler {
 public:
  // `api` must outlive the front; `files` and `shop` may be null (not served).
  Front(HttpHandler& api, const StaticFiles* files, HttpHandler* shop)
      : api_(api), files_(files), shop_(shop) {}

  HttpResponse Handle(HttpRequest request) override;
  bool IsQuick(const HttpRequest& request) const override;

 private:
  HttpHandler* ShopFor(const HttpRequest& request) const;

  HttpHandler& api_;
  const StaticFiles* files_;
  HttpHandler* shop_;
};

}  // namespace tranche::api
