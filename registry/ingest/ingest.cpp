#include "registry/ingest/ingest.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "registry/ingest/aggregator.h"

namespace accord::registry {

namespace {

constexpr size_t kBufferSize = 1 << 20;
constexpr size_t kMaxLineLength = 1 << 20;  // longer "lines" are counted malformed and skipped
constexpr size_t kMalformedExamples = 20;

// FNV-1a, 64 bit: stable across runs, machines and versions, as stored keys need.
std::string hash_hex(std::string_view bytes) {
  uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(hash));
  return buf;
}

// The first kFileHeadBytes of the input (fewer if it is shorter), leaving the
// read position at `position` again.
core::Expected<std::string> read_file_head(InputSource& input, int64_t position, const std::string& display_path) {
  std::string head(kFileHeadBytes, '\0');
  size_t got = 0;
  if (!input.seek(0)) return core::make_error("cannot re-read the start of " + display_path);
  while (got < head.size()) {
    auto n = input.read(head.data() + got, head.size() - got);
    if (!n) return n.error();
    if (*n == 0) break;
    got += *n;
  }
  head.resize(got);
  if (!input.seek(position)) return core::make_error("cannot seek in " + display_path);
  return head;
}

// The head length a key was made with; 0 for keys from before heads were hashed.
size_t head_length_of_key(std::string_view key) {
  size_t at = key.find(":head:");
  if (at == std::string_view::npos) return 0;
  return static_cast<size_t>(std::strtoull(std::string(key.substr(at + 6)).c_str(), nullptr, 10));
}

}  // namespace

std::string file_key_prefix(std::string_view first_line) {
  return "line1:" + hash_hex(first_line) + ":" + std::to_string(first_line.size());
}

std::string file_key_of(std::string_view first_line, std::string_view head) {
  head = head.substr(0, kFileHeadBytes);
  return file_key_prefix(first_line) + ":head:" + std::to_string(head.size()) + ":" + hash_hex(head);
}

bool file_key_matches(std::string_view key, std::string_view first_line, std::string_view head) {
  const std::string prefix = file_key_prefix(first_line);
  if (key == prefix) return true;  // an older key: the first line is all it recorded
  if (key.substr(0, prefix.size()) != prefix || key.substr(prefix.size(), 6) != ":head:") return false;
  // The file may have grown since: compare the bytes the key was made from.
  const size_t length = head_length_of_key(key);
  return length <= head.size() && key == file_key_of(first_line, head.substr(0, length));
}

Ingestor::Ingestor(const SpecOperations& spec, LineParser& parser, const ConsumerIdentity& identity, UsageStore& store,
                   const core::Clock& clock, IngestOptions options)
    : spec_(spec), matcher_(spec), parser_(parser), identity_(identity), store_(store), clock_(clock),
      options_(std::move(options)) {}

core::Expected<IngestResult> Ingestor::ingest(InputSource& input, const std::string& display_path) {
  IngestResult result;
  result.path = display_path;
  Aggregator aggregator(spec_);
  std::vector<char> buffer(kBufferSize);
  std::string carry;  // a line split across two reads
  int64_t offset = 0;  // of the first byte not yet consumed (a line start)
  int64_t line_number = 0;
  int64_t malformed_total = 0;
  int64_t lines_since_commit = 0;
  std::optional<Checkpoint> checkpoint;
  int64_t committed_offset = -1;  // the stored checkpoint's offset as this run last saw it
  bool first_line_seen = false;
  bool skipping = false;  // reading up to the committed offset when the source cannot seek
  const int64_t now = clock_.now_seconds();
  int64_t bytes_read = 0;  // from the input, so the head can be re-read and the position restored
  Request request;
  std::string why;
  std::string consumer_scratch;

  auto commit = [&](bool complete) -> core::Status {
    IngestBatch batch;
    batch.api = options_.api;
    aggregator.drain_into(batch);
    if (checkpoint) {
      checkpoint->byte_offset = offset;
      checkpoint->line_number = line_number;
      checkpoint->malformed = malformed_total;
      checkpoint->complete = complete;
      checkpoint->claimed_offset = committed_offset;
      batch.checkpoint = checkpoint;
    }
    lines_since_commit = 0;
    if (auto s = store_.commit(batch); !s) return s;
    committed_offset = offset;
    return core::ok_status();
  };

  // Identifies the file by its first line and head: a file ingested before
  // resumes at its committed offset (and `skipping` tells the caller to drop
  // the rest of the buffer it read from the start).
  auto on_first_line = [&](std::string_view line) -> core::Status {
    first_line_seen = true;
    if (!input.seekable()) return core::ok_status();
    auto head = read_file_head(input, bytes_read, display_path);
    if (!head) return head.error();
    const std::string ns = options_.source_id.empty() ? "" : "stream:" + options_.source_id + ":";
    auto candidates = store_.find_checkpoints_with_prefix(options_.api, ns + file_key_prefix(line));
    if (!candidates) return candidates.error();
    // Of the files that start with this line, the one whose head matches; the longest head is the surest.
    const Checkpoint* found = nullptr;
    auto content_key = [&](const Checkpoint& c) { return std::string_view(c.file_key).substr(ns.size()); };
    for (const Checkpoint& c : *candidates)
      if (file_key_matches(content_key(c), line, *head) &&
          (!found || head_length_of_key(content_key(c)) > head_length_of_key(content_key(*found))))
        found = &c;
    Checkpoint cp;
    cp.file_key = found ? found->file_key : ns + file_key_of(line, *head);
    cp.path = display_path;
    checkpoint = cp;
    if (found) committed_offset = found->byte_offset;
    if (!found || found->byte_offset == 0) return core::ok_status();
    const Checkpoint& previous = *found;
    result.resumed_from_line = previous.line_number;
    malformed_total = previous.malformed;
    line_number = previous.line_number;
    if (!input.seek(previous.byte_offset)) {
      return core::make_error(display_path + " is shorter than what an earlier ingest committed (" +
                              std::to_string(previous.byte_offset) + " bytes); was it truncated?");
    }
    offset = previous.byte_offset;
    carry.clear();
    skipping = true;  // the caller drops the rest of the current buffer
    return core::ok_status();
  };

  auto handle_line = [&](std::string_view line) {
    ++line_number;
    ++result.lines;
    ++lines_since_commit;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) return;
    if (!parser_.parse(line, request, why)) {
      if (why.empty()) return;  // nothing to count on this line
      ++result.malformed;
      ++malformed_total;
      if (result.malformed_examples.size() < kMalformedExamples) result.malformed_examples.push_back({line_number, why});
      return;
    }
    do {
      ++result.requests;
      const int64_t time = request.time ? request.time : now;
      int op = request.route.empty() ? matcher_.match(request.method, request.target)
                                     : matcher_.match_route(request.method, request.route);
      if (op == OperationMatcher::kNoMatch) {
        ++result.unmatched;
        aggregator.add_unmatched(request.method, request.target, time);
        continue;
      }
      ++result.matched;
      std::string_view consumer = identity_.identify(request, consumer_scratch);
      if (consumer.empty()) {
        ++result.unknown_consumer;
        aggregator.add(op, kUnknownConsumer, time, request.status);
      } else {
        aggregator.add(op, consumer, time, request.status);
      }
    } while (parser_.next(request));
  };

  int64_t next_progress = 1 << 18;
  while (true) {
    auto n = input.read(buffer.data(), buffer.size());
    if (!n) return n.error();
    if (*n == 0) break;
    bytes_read += static_cast<int64_t>(*n);
    std::string_view chunk(buffer.data(), *n);
    while (!chunk.empty()) {
      const char* newline = static_cast<const char*>(std::memchr(chunk.data(), '\n', chunk.size()));
      if (!newline) {
        if (carry.size() + chunk.size() > kMaxLineLength) {
          // Count a runaway line once, then drop bytes until its end.
          if (carry.size() <= kMaxLineLength) {
            ++result.malformed;
            ++malformed_total;
            if (result.malformed_examples.size() < kMalformedExamples)
              result.malformed_examples.push_back({line_number + 1, "line longer than 1 MiB"});
          }
          carry.resize(kMaxLineLength + 1);
        } else {
          carry.append(chunk);
        }
        break;
      }
      std::string_view piece(chunk.data(), static_cast<size_t>(newline - chunk.data()));
      chunk.remove_prefix(piece.size() + 1);
      std::string_view line = piece;
      if (!carry.empty()) {
        if (carry.size() <= kMaxLineLength) carry.append(piece);
        line = carry;
      }
      const int64_t consumed = static_cast<int64_t>(carry.empty() ? piece.size() + 1 : line.size() + 1);
      if (!first_line_seen) {
        if (auto identified = on_first_line(line); !identified) return identified.error();
        if (skipping) {
          skipping = false;
          chunk = {};  // read again from the committed offset
          break;
        }
      }
      if (line.size() > kMaxLineLength) {
        ++line_number;  // counted malformed when it overflowed
        ++result.lines;
      } else {
        handle_line(line);
      }
      carry.clear();
      offset += consumed;
      if (lines_since_commit >= options_.commit_every_lines) {
        if (auto s = commit(false); !s) return s.error();
        if (options_.commit_delay_ms > 0)
          std::this_thread::sleep_for(std::chrono::milliseconds(options_.commit_delay_ms));
      }
    }
    if (options_.progress && result.lines >= next_progress) {
      next_progress = result.lines + (1 << 18);
      options_.progress({display_path, offset, line_number});
    }
  }
  if (!carry.empty()) {  // last line without a newline
    if (!first_line_seen) {
      if (auto identified = on_first_line(carry); !identified) return identified.error();
    }
    if (!skipping) {
      offset += static_cast<int64_t>(carry.size());
      if (carry.size() <= kMaxLineLength) handle_line(carry);
    }
  }
  if (result.lines == 0 && result.resumed_from_line > 0) result.already_complete = true;
  if (auto s = commit(true); !s) return s.error();
  return result;
}

}  // namespace accord::registry
