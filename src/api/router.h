// Router: maps a method and a path to a route, capturing `{name}` path segments.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "api/url.h"
#include "core/assert.h"

namespace tranche::api {

// Who may call a route: anyone, or one kind of principal (auth::PrincipalKind).
enum class Caller { kAnyone, kMerchant, kOperator, kConsumer, kCheckoutClient };

// Where a route runs. kQuick routes (bounded point reads, no writes) run on the I/O
// thread that parsed the request; everything else runs on the worker pool, so a slow
// list or a write waiting for its commit never holds up socket I/O.
enum class Cost { kQuick, kBlocking };

using PathParams = std::vector<std::pair<std::string, std::string>>;

template <typename Handler>
class Router {
 public:
  struct Route {
    std::string method;
    std::string pattern;   // "/v1/admin/merchants/{id}/keys"
    Caller caller;
    Handler handler;
    std::size_t index;     // position in routes(); metrics use it
    Cost cost;
    // Set for the few routes whose reply carries a secret that is stored only as a
    // hash: on an idempotent replay it gives the stored reply back with the secret
    // restored (see App::Dispatch). Empty: a replay returns the stored reply as it is.
    Handler replay = {};
  };
  struct Match {
    const Route* route = nullptr;  // null: no route for this path and method
    bool path_known = false;       // the path exists under another method (405)
    PathParams params;
  };

  void Add(std::string method, std::string pattern, Caller caller, Handler handler,
           Cost cost = Cost::kBlocking) {
    routes_.push_back(Route{std::move(method), std::move(pattern), caller, std::move(handler),
                            routes_.size(), cost});
  }

  // Sets the replay handler of a route added before.
  void SetReplay(std::string_view method, std::string_view pattern, Handler replay) {
    for (Route& r : routes_) {
      if (r.method == method && r.pattern == pattern) {
        r.replay = std::move(replay);
        return;
      }
    }
    TRANCHE_ASSERT_MSG(false, "SetReplay names a route that exists");
  }

  Match Find(std::string_view method, std::string_view path) const {
    Match m;
    for (const Route& r : routes_) {
      PathParams params;
      if (!MatchPattern(r.pattern, path, params)) continue;
      if (r.method != method) {
        m.path_known = true;
        continue;
      }
      m.route = &r;
      m.params = std::move(params);
      return m;
    }
    return m;
  }

  const std::vector<Route>& routes() const { return routes_; }

  // True when `path` matches `pattern`; captures `{name}` segments into `params`.
  static bool MatchPattern(std::string_view pattern, std::string_view path, PathParams& params) {
    while (!pattern.empty() && !path.empty()) {
      const std::string_view pseg = NextSegment(pattern);
      const std::string_view seg = NextSegment(path);
      if (pseg.size() >= 2 && pseg.front() == '{' && pseg.back() == '}') {
        if (seg.empty()) return false;
        params.emplace_back(std::string(pseg.substr(1, pseg.size() - 2)),
                            PercentDecode(seg, /*plus_is_space=*/false));
      } else if (pseg != seg) {
        return false;
      }
    }
    return pattern.empty() && path.empty();
  }

 private:
  // Pops "/segment" off the front of `s` and returns "segment".
  static std::string_view NextSegment(std::string_view& s) {
    if (s.front() == '/') s.remove_prefix(1);
    const std::size_t end = s.find('/');
    const std::string_view seg = s.substr(0, end);
    s.remove_prefix(end == std::string_view::npos ? s.size() : end);
    return seg;
  }

  std::vector<Route> routes_;
};

}  // namespace tranche::api
