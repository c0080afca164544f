#include "cli/report_support.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <vector>

namespace accord::cli {

bool stdout_is_terminal() { return isatty(STDOUT_FILENO) == 1; }
bool stderr_is_terminal() { return isatty(STDERR_FILENO) == 1; }

std::function<std::string(const std::string& file, uint32_t line)> source_line_reader(TextOf text_of) {
  auto cache = std::make_shared<std::map<std::string, std::vector<std::string>>>();
  return [cache, text_of = std::move(text_of)](const std::string& file, uint32_t line) -> std::string {
    auto it = cache->find(file);
    if (it == cache->end()) {
      std::vector<std::string> lines;
      std::optional<std::string> text = text_of ? text_of(file) : std::nullopt;
      std::istringstream given(text ? *text : std::string());
      std::ifstream on_disk;
      if (!text) on_disk.open(file, std::ios::binary);
      std::istream& in = text ? static_cast<std::istream&>(given) : on_disk;
      for (std::string l; std::getline(in, l);) lines.push_back(std::move(l));
      it = cache->emplace(file, std::move(lines)).first;
    }
    if (line == 0 || line > it->second.size()) return {};
    return it->second[line - 1];
  };
}

Progress::Progress(std::string what) : what_(std::move(what)) {
  if (!stderr_is_terminal()) return;
  thread_ = std::thread([this] {
    using namespace std::chrono;
    const auto start = steady_clock::now();
    std::unique_lock lock(mutex_);
    for (int seconds = 1; !wake_.wait_until(lock, start + std::chrono::seconds(seconds), [this] { return done_; });
         ++seconds) {
      std::fprintf(stderr, "\raccord: %s... %d s", what_.c_str(), seconds);
      std::fflush(stderr);
      shown_ = true;
    }
    if (shown_) {
      std::fprintf(stderr, "\r\033[K");  // erase the line, so the report starts clean
      std::fflush(stderr);
    }
  });
}

void Progress::stop() {
  {
    std::lock_guard lock(mutex_);
    done_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

Progress::~Progress() { stop(); }

}  // namespace accord::cli
