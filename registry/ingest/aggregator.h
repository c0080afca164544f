// Counts requests in memory between two commits: operation x consumer x day x
// status class, with first/last seen. The hot path of ingest, so keys are
// packed integers and consumers are interned.
#pragma once

#include <climits>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "registry/ingest/flat_counts.h"
#include "registry/spec/spec_operations.h"
#include "registry/store/store.h"

namespace accord::registry {

class Aggregator {
 public:
  explicit Aggregator(const SpecOperations& spec);

  void add(int operation, std::string_view consumer, int64_t time, int status);
  void add_unmatched(std::string_view method, std::string_view target, int64_t time);
  // Moves what was counted into `batch` and starts afresh.
  void drain_into(IngestBatch& batch);
  int64_t pending_requests() const { return pending_; }

 private:
  struct DayTotals {
    int64_t lines = 0;
    int64_t unmatched = 0;
  };
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  uint32_t intern(std::string_view consumer);
  void count_deferred();

  const SpecOperations& spec_;
  std::vector<uint32_t> operation_rank_;  // position of each operation's key in sorted order
  FlatCounts totals_;
  // add() counts the previous request and leaves its own for the next call:
  // its slot, prefetched now, is then in the cache instead of a memory miss
  // (the table outgrows the caches with tens of thousands of keys).
  bool has_deferred_ = false;
  uint64_t deferred_key_ = 0;
  int64_t deferred_time_ = 0;
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> consumer_ids_;
  std::vector<std::string> consumers_;
  uint32_t last_consumer_id_ = UINT32_MAX;
  std::unordered_map<std::string, int64_t, Hash, std::equal_to<>> unmatched_;
  std::string unmatched_key_;  // reused: most unmatched requests were seen before, so no allocation
  std::map<int64_t, DayTotals> days_;
  int64_t pending_ = 0;
  // Consecutive lines usually share a day: skip the map lookup then.
  int64_t last_day_ = INT64_MIN;
  DayTotals* last_day_totals_ = nullptr;
};

}  // namespace accord::registry
