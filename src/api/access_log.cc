#include "api/access_log.h"

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "api/json_input.h"
#include "core/clock.h"

namespace tranche::api {

AccessLog::AccessLog(const std::string& target) {
  if (target == "off") return;
  if (target == "-") {
    logger_ = std::make_shared<spdlog::logger>(
        "access", std::make_shared<spdlog::sinks::stderr_sink_mt>());
  } else {
    logger_ = std::make_shared<spdlog::logger>(
        "access", std::make_shared<spdlog::sinks::basic_file_sink_mt>(target));
  }
  logger_->set_pattern("%v");
  logger_->flush_on(spdlog::level::info);
}

void AccessLog::Write(const AccessRecord& r) {
  if (!logger_) return;
  Json line = {
      {"ts", FormatRfc3339(SystemClock().Now())},
      {"request_id", r.request_id},
      {"method", r.method},
      {"route", r.route},
      {"path", r.path},
      {"status", r.status},
      {"duration_us", r.duration_us},
      {"request_bytes", r.request_bytes},
      {"response_bytes", r.response_bytes}};
  if (!r.principal_id.empty()) line["principal"] = r.principal_id;
  if (r.idempotent_replay) line["idempotent_replay"] = true;
  // Paths come from the network: Serialize escapes them and repairs invalid UTF-8.
  logger_->info(Serialize(line));
}

}  // namespace tranche::api
