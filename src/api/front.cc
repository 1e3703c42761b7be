#include "api/front.h"

namespace tranche::api {

HttpHandler* Front::ShopFor(const HttpRequest& request) const {
  return shop_ != nullptr && request.path.starts_with(kShopBackendPrefix) ? shop_ : nullptr;
}

HttpResponse Front::Handle(HttpRequest request) {
  if (HttpHandler* shop = ShopFor(request)) return shop->Handle(std::move(request));
  if (files_ != nullptr) {
    if (std::optional<HttpResponse> file = files_->Serve(request)) return std::move(*file);
  }
  return api_.Handle(std::move(request));
}

bool Front::IsQuick(const HttpRequest& request) const {
  if (HttpHandler* shop = ShopFor(request)) return shop->IsQuick(request);
  // Files are served from memory; the API decides for the rest.
  if (files_ != nullptr && request.method == "GET" && !request.path.starts_with("/v1/") &&
      request.path != "/metrics" && request.path != "/healthz") {
    return true;
  }
  return api_.IsQuick(request);
}

}  // namespace tranche::api
