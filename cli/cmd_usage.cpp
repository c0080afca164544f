// `accord usage ingest|import-pacts|forget-pact|adopt|report`: the usage registry.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/command.h"
#include "core/clock.h"
#include "registry/ingest/ingest.h"
#include "registry/pact/pact_usage.h"
#include "registry/report/report.h"

namespace accord::cli {

namespace {

constexpr const char* kDefaultRegistry = ".accord/usage.db";

struct UsageArgs {
  std::string spec;
  std::string api;  // default: the spec's info.title + major version
  std::string registry = kDefaultRegistry;
  std::string log_format;
  std::string consumer;
  std::string source_id;
  std::string consumer_version;  // import-pacts: the version the pacts were published for
  std::string forget_consumer;
  std::string forget_version;
  bool forget_one_version = false;  // a version was named: forget only its pacts
  std::vector<std::string> inputs;
  int64_t commit_every = 2'000'000;
  std::string since = "30d";
  std::string format = "text";
  std::string today;
  std::string coverage_from;
  std::string output;
};

// --today YYYY-MM-DD fixes the report's end for reproducible output; default: the system clock.
core::Expected<int64_t> today_of(const std::string& text) {
  if (text.empty()) return core::day_of(core::SystemClock().now_seconds());
  auto day = core::parse_day(text);
  if (!day) return core::make_error("--today: expected YYYY-MM-DD, got '" + text + "'");
  return *day;
}

int run_ingest(const UsageArgs& a) {
  auto spec = registry::load_spec_operations(a.spec);
  if (!spec) return report_unusable(spec.error().render());
  auto api = registry::api_name_of(*spec, a.api);
  if (!api) return report_unusable(api.error().render());
  auto parser = registry::make_line_parser(a.log_format);
  if (!parser) return report_unusable(parser.error().render());
  auto identity = registry::ConsumerIdentity::parse(a.consumer);
  if (!identity) return report_unusable(identity.error().render());
  if (a.commit_every <= 0) return report_unusable("--commit-every must be positive");
  const bool reads_stdin = std::find(a.inputs.begin(), a.inputs.end(), "-") != a.inputs.end();
  if (!a.source_id.empty() && (!reads_stdin || a.inputs.size() != 1))
    return report_unusable("--source-id names the stream on stdin ('-' as the only input); files are known by their content");
  auto store = registry::open_store(a.registry);
  if (!store) return report_unusable(store.error().render());

  registry::IngestOptions options;
  options.api = *api;
  options.source_id = a.source_id;
  options.commit_every_lines = a.commit_every;
  if (const char* delay = std::getenv("ACCORD_TEST_COMMIT_DELAY_MS")) options.commit_delay_ms = std::atoi(delay);
  const bool show_progress = ::isatty(2);
  // On a terminal: lines, MiB, share of the file (plain files: a .gz or stdin has no known end) and rate.
  auto started = std::chrono::steady_clock::now();
  int64_t total_bytes = 0;
  if (show_progress) {
    options.progress = [&started, &total_bytes](const registry::IngestProgress& p) {
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::cerr << "\r  " << p.path << ": " << p.lines << " lines, " << (p.bytes >> 20) << " MiB";
      if (total_bytes > 0) std::cerr << " (" << p.bytes * 100 / total_bytes << "%)";
      if (seconds > 0) std::cerr << ", " << static_cast<int64_t>(static_cast<double>(p.lines) / seconds) << " lines/s";
      std::cerr << "\033[K" << std::flush;
    };
  }
  core::SystemClock clock;
  registry::Ingestor ingestor(*spec, **parser, *identity, **store, clock, options);
  std::cout << "API '" << *api << "' in " << (*store)->describe() << "\n";
  if (reads_stdin && a.source_id.empty())
    std::cerr << "accord: note: stdin without --source-id has no checkpoint: an interrupted run cannot resume, and "
                 "ingesting the same stream again counts it twice\n";
  for (const std::string& path : a.inputs) {
    auto input = registry::open_input(path);
    if (!input) return report_unusable(input.error().render());
    // A named stream is identified and resumed like a file.
    if (path == "-" && !a.source_id.empty()) *input = registry::replayable_input(std::move(*input));
    struct stat file_status {};
    const bool plain_file = path != "-" && path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") != 0;
    total_bytes = plain_file && ::stat(path.c_str(), &file_status) == 0 ? static_cast<int64_t>(file_status.st_size) : 0;
    started = std::chrono::steady_clock::now();
    auto result = ingestor.ingest(**input, path == "-" && !a.source_id.empty() ? "stdin:" + a.source_id : path);
    if (show_progress) std::cerr << "\r\033[K" << std::flush;
    if (!result) return report_unusable(result.error().render());
    const registry::IngestResult& r = *result;
    if (r.already_complete) {
      std::cout << path << ": already ingested (" << r.resumed_from_line << " lines), nothing new\n";
      continue;
    }
    std::cout << path << ": " << r.lines << " lines";
    if (r.resumed_from_line) std::cout << " (resumed after line " << r.resumed_from_line << ")";
    std::cout << ", " << r.requests << " requests: " << r.matched << " matched, " << r.unmatched << " unmatched, "
              << r.unknown_consumer << " without consumer, " << r.malformed << " malformed\n";
    for (const registry::MalformedLine& m : r.malformed_examples)
      std::cout << "  " << path << ":" << m.line << ": malformed: " << m.reason << "\n";
    if (r.malformed > static_cast<int64_t>(r.malformed_examples.size()))
      std::cout << "  ... and " << (r.malformed - static_cast<int64_t>(r.malformed_examples.size()))
                << " more malformed lines\n";
  }
  return kExitClean;
}

int run_import_pacts(const UsageArgs& a) {
  auto store = registry::open_store(a.registry);
  if (!store) return report_unusable(store.error().render());
  for (const std::string& path : a.inputs) {
    auto pact = registry::read_pact(path, a.consumer_version);
    if (!pact) return report_unusable(pact.error().render());
    if (auto s = (*store)->replace_pact_usage(pact->key, pact->usage); !s) return report_unusable(s.error().render());
    size_t calls = 0;
    for (const registry::PactUsage& u : pact->usage) calls += u.field.empty() ? 1 : 0;
    std::cout << path << ": " << calls << " interactions, " << (pact->usage.size() - calls)
              << " request and response fields recorded for consumer " << pact->key.consumer
              << (a.consumer_version.empty() ? " (no --consumer-version)" : " " + a.consumer_version) << " of provider '"
              << pact->key.provider << "' (replacing what that version's pact said before)\n";
  }
  return kExitClean;
}

int run_forget_pact(const UsageArgs& a) {
  // Forgetting from a registry that is not there is a typo, not a success.
  auto store = registry::open_store(a.registry, registry::OpenMode::existing);
  if (!store) return report_unusable(store.error().render());
  const auto version = a.forget_one_version ? std::optional(a.forget_version) : std::nullopt;
  auto removed = (*store)->forget_pacts(a.forget_consumer, version);
  if (!removed) return report_unusable(removed.error().render());
  const std::string who = a.forget_consumer + (version ? " " + *version : "");
  if (*removed == 0) return report_unusable("no pact of consumer " + who + " in " + (*store)->describe());
  std::cout << "forgot " << *removed << " interactions of consumer " << who << "\n";
  return kExitClean;
}

// Rows from before usage carried an API are evidence for none: this gives
// them to one API (the spec's, or --api) so an upgrade loses nothing.
int run_adopt(const UsageArgs& a) {
  std::string api = a.api;
  if (api.empty()) {
    if (a.spec.empty()) return report_unusable("usage adopt: name the API with --api NAME or --spec SPEC");
    auto spec = registry::load_spec_operations(a.spec);
    if (!spec) return report_unusable(spec.error().render());
    auto named = registry::api_name_of(*spec, a.api);
    if (!named) return report_unusable(named.error().render());
    api = *named;
  }
  auto store = registry::open_store(a.registry, registry::OpenMode::existing);
  if (!store) return report_unusable(store.error().render());
  auto adopted = (*store)->adopt_unnamed_rows(api);
  if (!adopted) return report_unusable(adopted.error().render());
  if (adopted->days == 0) {
    std::cout << "nothing to adopt: " << (*store)->describe() << " holds no rows from before usage carried an API\n";
    return kExitClean;
  }
  if (adopted->overlapping_days > 0)
    return report_unusable("API '" + api + "' already has log data on " + std::to_string(adopted->overlapping_days) +
                           " of the " + std::to_string(adopted->days) +
                           " days the unnamed rows cover: adopting would count those days twice; nothing was changed");
  std::cout << "adopted " << adopted->days << " days of usage recorded before usage carried an API into API '" << api
            << "'\n";
  return kExitClean;
}

int run_report(const UsageArgs& a) {
  auto window = core::parse_window_days(a.since);
  if (!window) return report_unusable("--since: expected a number of days such as 30d, 4w or 48h, got '" + a.since + "'");
  auto today = today_of(a.today);
  if (!today) return report_unusable(today.error().render());
  if (a.format != "text" && a.format != "json" && a.format != "markdown" && a.format != "html")
    return report_unusable("unknown --format '" + a.format + "' (expected text|json|markdown|html)");
  auto spec = registry::load_spec_operations(a.spec);
  if (!spec) return report_unusable(spec.error().render());
  auto api = registry::api_name_of(*spec, a.api);
  if (!api) return report_unusable(api.error().render());
  // Read only: a registry that does not exist (a typo'd path) is not "no calls".
  auto store = registry::open_store(a.registry, registry::OpenMode::existing);
  if (!store) return report_unusable(store.error().render());
  auto snapshot = (*store)->load(*api, *today - *window + 1);
  if (!snapshot) return report_unusable(snapshot.error().render());
  registry::ReportWindow report_window{*today, *window, std::nullopt};
  if (!a.coverage_from.empty()) {
    auto day = core::parse_day(a.coverage_from);
    if (!day || a.coverage_from.size() != 10)
      return report_unusable("--coverage-from: expected YYYY-MM-DD, got '" + a.coverage_from + "'");
    if (*day > *today) return report_unusable("--coverage-from " + a.coverage_from + " is after today");
    report_window.coverage_from = *day;
  }
  auto report = registry::build_usage_report(*spec, *snapshot, report_window);
  std::string text = a.format == "json"       ? registry::render_report_json(report)
                     : a.format == "markdown" ? registry::render_report_markdown(report)
                     : a.format == "html"     ? registry::render_report_html(report)
                                              : registry::render_report_text(report);
  if (!write_output(text, a.output)) return report_unusable("cannot write " + a.output);
  return kExitClean;
}

}  // namespace

Runner setup_usage(CLI::App& app) {
  auto args = std::make_shared<UsageArgs>();
  app.require_subcommand(1);
  CLI::App* ingest = app.add_subcommand("ingest", "Count the requests of access logs per operation and consumer");
  ingest->add_option("--spec", args->spec, "OpenAPI document whose operations the requests call")->required();
  ingest->add_option("--registry", args->registry, "SQLite file or postgresql:// URL")->capture_default_str();
  ingest->add_option("--api", args->api, "API the requests are recorded under; default: the spec's info.title + major version");
  ingest->add_option("--log-format", args->log_format, std::string(registry::log_format_names()))->required();
  ingest->add_option("--consumer", args->consumer,
                     "header:NAME | field:NAME | user-agent | remote-addr | basic-user | jwt:CLAIM | api-key:HEADER");
  ingest->add_option("--source-id", args->source_id,
                     "Name of the stream on stdin: a second run with the same name and content resumes, never counts twice");
  ingest->add_option("--commit-every", args->commit_every, "Lines between two commits (checkpoints)")
      ->capture_default_str();
  ingest->add_option("logs", args->inputs, "Access logs ('-' for stdin, .gz read directly)")->required();

  CLI::App* pacts = app.add_subcommand("import-pacts", "Record which operations and fields consumers' pacts use");
  pacts->add_option("--registry", args->registry, "SQLite file or postgresql:// URL")->capture_default_str();
  pacts->add_option("--consumer-version", args->consumer_version,
                    "Consumer version the pacts belong to: a re-import of that version replaces it, other versions stay");
  pacts->add_option("pacts", args->inputs, "Pact files")->required();

  CLI::App* forget = app.add_subcommand("forget-pact", "Remove a consumer's pacts (one version, or all of them)");
  forget->add_option("--registry", args->registry, "SQLite file or postgresql:// URL")->capture_default_str();
  forget->add_option("consumer", args->forget_consumer, "Consumer name as its pacts write it")->required();
  CLI::Option* forget_version = forget->add_option("version", args->forget_version, "Consumer version (default: every version)");

  CLI::App* adopt = app.add_subcommand("adopt", "Give the rows recorded before usage carried an API to one API");
  adopt->add_option("--registry", args->registry, "SQLite file or postgresql:// URL")->capture_default_str();
  adopt->add_option("--api", args->api, "The API that gets them (default: from --spec)");
  adopt->add_option("--spec", args->spec, "OpenAPI spec whose info.title and major version name the API");

  CLI::App* report = app.add_subcommand("report", "Per operation: calls, consumers, trend, pacts and a verdict");
  report->add_option("--spec", args->spec, "OpenAPI document to report on")->required();
  report->add_option("--registry", args->registry, "SQLite file or postgresql:// URL")->capture_default_str();
  report->add_option("--api", args->api, "API whose usage to read; default: the spec's info.title + major version");
  report->add_option("--since", args->since, "Window: 30d, 4w, 48h")->capture_default_str();
  report->add_option("--format", args->format, "text|json|markdown|html")->capture_default_str();
  report->add_option("--today", args->today, "Last day of the window (YYYY-MM-DD); default: today (UTC)");
  report->add_option("--coverage-from", args->coverage_from,
                     "Logs exist only from this day (YYYY-MM-DD): days before it are not required to be covered");
  report->add_option("-o,--output", args->output, "Write the report to this file instead of stdout");

  return [args, ingest, pacts, forget, forget_version, adopt, report] {
    if (ingest->parsed()) return run_ingest(*args);
    if (pacts->parsed()) return run_import_pacts(*args);
    if (adopt->parsed()) return run_adopt(*args);
    if (forget->parsed()) {
      args->forget_one_version = forget_version->count() > 0;
      return run_forget_pact(*args);
    }
    if (report->parsed()) return run_report(*args);
    return report_unusable("usage: accord usage ingest|import-pacts|forget-pact|adopt|report");
  };
}

}  // namespace accord::cli
