// App: the HTTP application. Every request passes through the same steps:
//   route → authenticate → authorize → parse body → idempotency → handler → respond,
// then metrics and the access log.
#pragma once

#include <memory>

#include "api/access_log.h"
#include "api/context.h"

namespace tranche::api {

class App final : public HttpHandler {
 public:
  App(Services& services, const std::string& access_log_target);
  HttpResponse Handle(HttpRequest request) override;
  bool IsQuick(const HttpRequest& request) const override;

  const ApiRouter& router() const { return router_; }
  Metrics& metrics() { return *metrics_; }

 private:
  HttpResponse HandleUnguarded(HttpRequest request);
  Result<Reply> Dispatch(const HttpRequest& req, const ApiRouter::Match& match,
                         std::string* principal_id, bool* replayed, std::string* stored_body,
                         int* stored_status);

  Services& svc_;
  ApiRouter router_;
  std::unique_ptr<Metrics> metrics_;
  AccessLog access_log_;
  InFlightKeys in_flight_;
};

// Every route of the API; the OpenAPI test checks the document against this list.
void RegisterRoutes(ApiRouter& router);

}  // namespace tranche::api
