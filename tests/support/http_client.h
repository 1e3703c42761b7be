// A small synchronous HTTP/1.1 client for tests: one keep-alive connection.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace tranche::testing {

struct ClientResponse {
  int status = 0;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  nlohmann::json json() const { return nlohmann::json::parse(body, nullptr, false); }
  std::string header(std::string_view name) const;
};

struct ClientRequest {
  std::string method = "GET";
  std::string target;
  std::string body;
  std::string bearer;           // sent as Authorization: Bearer <bearer> when not empty
  std::string idempotency_key;  // sent when not empty
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> extra_headers;
};

class HttpClient {
 public:
  HttpClient(std::string host, std::uint16_t port);
  ~HttpClient();
  HttpClient(HttpClient&&) noexcept;
  HttpClient& operator=(HttpClient&&) noexcept;
  // Reconnects once if the kept-alive connection was closed. Returns status 0 when
  // the server could not be reached.
  ClientResponse Send(const ClientRequest& req);

  ClientResponse Get(const std::string& target, const std::string& bearer = "");
  ClientResponse Post(const std::string& target, const nlohmann::json& body,
                      const std::string& bearer, const std::string& idempotency_key = "");
  // Sends bytes as they are, for malformed-HTTP tests; returns what came back raw.
  std::string SendRaw(const std::string& bytes);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tranche::testing
