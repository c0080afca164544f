#include "cli/help.h"

#include <string_view>

namespace accord::cli {

namespace {

struct HelpText {
  std::string_view command;
  std::string_view examples;
};

constexpr std::string_view kGateExits =
    "Exit status:\n  0  no change at or above --fail-on\n  1  breaking changes (at or above --fail-on)\n"
    "  2  unusable input or usage error\n";

constexpr HelpText kHelp[] = {
    {"breaking",
     "Examples:\n"
     "  accord breaking old.yaml new.yaml                 compare two files\n"
     "  accord breaking --against git:main api.yaml       OLD is api.yaml as it is on main\n"
     "  accord breaking old.yaml new.yaml --fail-on warning --format junit -o accord.xml\n"
     "  accord breaking protos-old/ protos-new/ -I third_party\n"
     "  accord breaking old.json new.json --format sarif -o accord.sarif\n"},
    {"lock",
     "Examples:\n"
     "  accord lock protos/ > proto.lock                  snapshot the tree (protolock's format)\n"
     "  accord breaking proto.lock protos/                 compare the tree against the lock\n"
     "Exit status:\n  0  written\n  2  unusable input or usage error\n"},
    {"diff",
     "Examples:\n"
     "  accord diff old.yaml new.yaml                     every change, breaking or not\n"
     "  accord diff --against git:v1.2.0 api.yaml --format markdown\n"
     "Exit status:\n  0  compared (whatever changed)\n  2  unusable input or usage error\n"},
    {"rules",
     "Examples:\n"
     "  accord rules                                      every rule, its severity and purpose\n"
     "  accord rules --only-format proto --format json\n"},
    {"verify",
     "Examples:\n"
     "  accord verify pacts/ --provider-base-url http://localhost:8080\n"
     "  accord verify web-api.json --provider-base-url https://staging --header-from-env Authorization=TOKEN\n"
     "Exit status:\n  0  every interaction verified\n  1  a verification failed\n  2  unusable input\n"},
    {"test",
     "Examples:\n"
     "  accord test openapi.yaml --base-url http://localhost:8080\n"
     "  accord test openapi.yaml --base-url http://localhost:8080 --operation 'GET /pets' --format junit\n"},
    {"usage",
     "Examples:\n"
     "  accord usage ingest --spec api.yaml --log-format nginx access.log.gz\n"
     "  accord usage import-pacts pacts/*.json\n"
     "  accord usage report --spec api.yaml --since 30d --format html -o usage.html\n"},
    {"plan",
     "Examples:\n"
     "  accord plan old.yaml new.yaml                     who a change affects, when removal is safe\n"
     "  accord plan old.yaml new.yaml --quiet-days 14 --today 2026-06-01\n"},
    {"completion",
     "Examples:\n"
     "  accord completion bash > /etc/bash_completion.d/accord\n"
     "  accord completion zsh > \"${fpath[1]}/_accord\"\n"
     "  accord completion fish > ~/.config/fish/completions/accord.fish\n"},
};

}  // namespace

void add_help_footers(CLI::App& app) {
  for (const HelpText& h : kHelp) {
    auto found = app.get_subcommands([&](CLI::App* s) { return s->get_name() == h.command; });
    if (found.empty()) continue;
    CLI::App* sub = found.front();
    std::string footer = "\n" + std::string(h.examples);
    if (h.command == "breaking") footer += std::string(kGateExits);
    sub->footer(footer);
  }
  app.footer(
      "\nRun 'accord COMMAND --help' for a command's options and examples.\n"
      "Exit status: 0 clean, 1 breaking changes or failed verification, 2 unusable input.\n");
}

}  // namespace accord::cli
