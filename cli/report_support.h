// What `breaking`/`diff` need around a comparison that is not the comparison
// itself: whether a person is watching (terminal), the source lines SARIF
// counts columns on, and a progress line for long runs.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace accord::cli {

bool stdout_is_terminal();
bool stderr_is_terminal();

// Reads a line of a file (1-based), caching each file it opens; "" when the
// file cannot be read. `text_of` gives the text of a file that is not on disk
// under its name ("main:api.yaml", taken from git), or nothing for a file
// to read from disk.
using TextOf = std::function<std::optional<std::string>(const std::string& file)>;
std::function<std::string(const std::string& file, uint32_t line)> source_line_reader(TextOf text_of = {});

// Shows "accord: comparing… 3 s" on stderr once a run has taken a second,
// updated each second, and erases it when the run ends. Only on a terminal:
// CI logs and pipes never see it.
class Progress {
 public:
  explicit Progress(std::string what);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  void stop();

 private:
  std::string what_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool done_ = false;
  bool shown_ = false;
  std::thread thread_;
};

}  // namespace accord::cli
