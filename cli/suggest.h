// "Did you mean …?" for a mistyped subcommand or flag.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

namespace accord::cli {

// The candidate closest to `word` by edit distance, or "" when none is close
// enough to be a plausible typo (at most a third of the word, at least 2 edits).
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

// After CLI11 refused the command line, a clearer message naming the closest
// subcommand or flag, or "" when there is nothing better to say than CLI11.
std::string suggestion_for(const CLI::App& app, const std::vector<std::string>& args);

}  // namespace accord::cli
