#include "registry/ingest/aggregator.h"

#include <algorithm>
#include <climits>
#include <tuple>

#include "core/clock.h"
#include "registry/spec/request_template.h"

namespace accord::registry {

namespace {

// Packed key: operation (20 bits) | consumer (22 bits) | day offset (18 bits) | status class (4 bits).
// Days are offset from 1970 and fit until the year 2687; more operations or
// consumers than the fields hold are folded into the last value (never in practice).
uint64_t pack(uint32_t operation, uint32_t consumer, int64_t day, int status_class) {
  const uint64_t op = std::min<uint64_t>(operation, (1u << 20) - 1);
  const uint64_t who = std::min<uint64_t>(consumer, (1u << 22) - 1);
  const uint64_t d = static_cast<uint64_t>(std::clamp<int64_t>(day, 0, (1 << 18) - 1));
  return op << 44 | who << 22 | d << 4 | static_cast<uint64_t>(status_class & 0xf);
}

// The same fields, bits in the registry's key order: day (18) | operation (20) | consumer (22) | status class (4).
uint64_t day_first_order(int64_t day, uint32_t operation, uint32_t consumer, int status_class) {
  const uint64_t key = pack(operation, consumer, day, status_class);  // clamps each field
  const uint64_t op = key >> 44, who = (key >> 22) & ((1u << 22) - 1), d = (key >> 4) & ((1u << 18) - 1);
  return d << 46 | op << 26 | who << 4 | (key & 0xf);
}

constexpr size_t kMaxDistinctUnmatched = 20000;  // memory bound between commits
constexpr size_t kUnmatchedKeptPerBatch = 200;

}  // namespace

Aggregator::Aggregator(const SpecOperations& spec) : spec_(spec), operation_rank_(spec.operations.size()) {
  std::vector<uint32_t> order(spec.operations.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return spec.operations[a].key < spec.operations[b].key; });
  for (uint32_t rank = 0; rank < order.size(); ++rank) {
    // Operations with the same key share a rank, as equal strings would compare.
    const bool same_as_previous = rank > 0 && spec.operations[order[rank]].key == spec.operations[order[rank - 1]].key;
    operation_rank_[order[rank]] = same_as_previous ? operation_rank_[order[rank - 1]] : rank;
  }
}

uint32_t Aggregator::intern(std::string_view consumer) {
  // Consecutive lines often come from the same consumer: skip the hash then.
  if (last_consumer_id_ != UINT32_MAX && consumers_[last_consumer_id_] == consumer) return last_consumer_id_;
  auto found = consumer_ids_.find(consumer);
  if (found != consumer_ids_.end()) return last_consumer_id_ = found->second;
  const uint32_t id = static_cast<uint32_t>(consumers_.size());
  consumers_.emplace_back(consumer);
  consumer_ids_.emplace(std::string(consumer), id);
  return last_consumer_id_ = id;
}

void Aggregator::add(int operation, std::string_view consumer, int64_t time, int status) {
  const int64_t day = core::day_of(time);
  if (day != last_day_) {
    last_day_ = day;
    last_day_totals_ = &days_[day];
  }
  ++last_day_totals_->lines;
  const int status_class = status >= 100 && status < 600 ? status / 100 : 0;
  const uint64_t key = pack(static_cast<uint32_t>(operation), intern(consumer), day, status_class);
  totals_.prefetch(key);
  count_deferred();
  has_deferred_ = true;
  deferred_key_ = key;
  deferred_time_ = time;
  ++pending_;
}

void Aggregator::count_deferred() {
  if (has_deferred_) totals_.add(deferred_key_, deferred_time_);
  has_deferred_ = false;
}

void Aggregator::add_unmatched(std::string_view method, std::string_view target, int64_t time) {
  const int64_t day = core::day_of(time);
  if (day != last_day_) {
    last_day_ = day;
    last_day_totals_ = &days_[day];
  }
  ++last_day_totals_->lines;
  ++last_day_totals_->unmatched;
  ++pending_;
  // Counted by route ("GET /v1/carts/{}"), not per id: few distinct keys, and
  // the report names what the spec is missing.
  unmatched_key_.assign(method);
  unmatched_key_ += ' ';
  append_route_template(unmatched_key_, target.substr(0, std::min<size_t>(target.find_first_of("?#"), 200)));
  auto found = unmatched_.find(unmatched_key_);
  if (found != unmatched_.end()) ++found->second;
  else if (unmatched_.size() < kMaxDistinctUnmatched) unmatched_.emplace(unmatched_key_, 1);
}

void Aggregator::drain_into(IngestBatch& batch) {
  count_deferred();
  // Rows go out ordered by (day, operation, consumer, status class): the
  // registry's key order, so a batch's upserts walk its b-tree front to back,
  // and concurrent writers lock rows in the same order. Comparing those strings
  // was most of a drain's cost: rank operations and consumers once, then
  // sort integers (day_first_order packs the ranks in that order).
  std::vector<uint32_t> consumer_order(consumers_.size());
  for (uint32_t i = 0; i < consumer_order.size(); ++i) consumer_order[i] = i;
  std::sort(consumer_order.begin(), consumer_order.end(),
            [&](uint32_t a, uint32_t b) { return consumers_[a] < consumers_[b]; });
  std::vector<uint32_t> consumer_rank(consumers_.size());
  for (uint32_t rank = 0; rank < consumer_order.size(); ++rank) consumer_rank[consumer_order[rank]] = rank;
  struct Row {
    uint64_t order;
    uint64_t key;
    RequestTotals totals;
  };
  std::vector<Row> rows;
  rows.reserve(totals_.size());
  totals_.for_each([&](uint64_t key, const RequestTotals& t) {
    const uint32_t op = static_cast<uint32_t>(key >> 44);
    const uint32_t who = static_cast<uint32_t>((key >> 22) & ((1u << 22) - 1));
    const int64_t day = static_cast<int64_t>((key >> 4) & ((1u << 18) - 1));
    rows.push_back({day_first_order(day, operation_rank_[op], consumer_rank[who], static_cast<int>(key & 0xf)), key, t});
  });
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.order < b.order; });
  std::vector<bool> seen_operation(spec_.operations.size(), false);
  batch.counts.reserve(batch.counts.size() + rows.size());
  for (const Row& row : rows) {
    const uint32_t op = static_cast<uint32_t>(row.key >> 44);
    const uint32_t who = static_cast<uint32_t>((row.key >> 22) & ((1u << 22) - 1));
    UsageCount c;
    c.operation = spec_.operations[op].key;
    c.consumer = consumers_[who];
    c.day = static_cast<int64_t>((row.key >> 4) & ((1u << 18) - 1));
    c.status_class = static_cast<int>(row.key & 0xf);
    c.calls = row.totals.calls;
    c.first_seen = row.totals.first_seen;
    c.last_seen = row.totals.last_seen;
    batch.counts.push_back(std::move(c));
    if (!seen_operation[op]) {
      seen_operation[op] = true;
      batch.operation_labels.emplace_back(spec_.operations[op].key, spec_.operations[op].label);
    }
  }
  std::sort(batch.operation_labels.begin(), batch.operation_labels.end());
  std::vector<std::pair<std::string, int64_t>> unmatched(unmatched_.begin(), unmatched_.end());
  std::sort(unmatched.begin(), unmatched.end(),
            [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
  if (unmatched.size() > kUnmatchedKeptPerBatch) unmatched.resize(kUnmatchedKeptPerBatch);
  std::sort(unmatched.begin(), unmatched.end());
  for (auto& [request, calls] : unmatched) batch.unmatched.push_back({request, calls});
  for (const auto& [day, t] : days_) batch.days.push_back({day, t.lines, t.unmatched});
  totals_.clear();
  consumer_ids_.clear();
  consumers_.clear();
  last_consumer_id_ = UINT32_MAX;
  unmatched_.clear();
  days_.clear();
  last_day_ = INT64_MIN;
  last_day_totals_ = nullptr;
  pending_ = 0;
}

}  // namespace accord::registry
