#include "registry/ingest/input_source.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

namespace accord::registry {

namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

class FdInput final : public InputSource {
 public:
  FdInput(int fd, bool owned, std::string path) : fd_(fd), owned_(owned), path_(std::move(path)) {}
  ~FdInput() override {
    if (owned_) ::close(fd_);
  }
  core::Expected<size_t> read(char* buffer, size_t size) override {
    while (true) {
      ssize_t n = ::read(fd_, buffer, size);
      if (n >= 0) return static_cast<size_t>(n);
      if (errno != EINTR) return core::make_error("cannot read " + path_ + ": " + std::strerror(errno));
    }
  }
  bool seek(int64_t offset) override { return owned_ && ::lseek(fd_, offset, SEEK_SET) == offset; }
  bool seekable() const override { return owned_; }

 private:
  int fd_;
  bool owned_;
  std::string path_;
};

class GzInput final : public InputSource {
 public:
  GzInput(gzFile file, std::string path) : file_(file), path_(std::move(path)) { gzbuffer(file_, 1 << 18); }
  ~GzInput() override { gzclose(file_); }
  core::Expected<size_t> read(char* buffer, size_t size) override {
    int n = gzread(file_, buffer, static_cast<unsigned>(size));
    if (n < 0) {
      int code = 0;
      const char* message = gzerror(file_, &code);
      return core::make_error("cannot read " + path_ + ": " + (message ? message : "gzip error"));
    }
    return static_cast<size_t>(n);
  }
  // zlib emulates the seek by decompressing up to the offset.
  bool seek(int64_t offset) override { return gzseek(file_, static_cast<z_off_t>(offset), SEEK_SET) == offset; }
  bool seekable() const override { return true; }

 private:
  gzFile file_;
  std::string path_;
};

class MemoryInput final : public InputSource {
 public:
  explicit MemoryInput(std::string bytes) : bytes_(std::move(bytes)) {}
  core::Expected<size_t> read(char* buffer, size_t size) override {
    size_t n = std::min(size, bytes_.size() - pos_);
    std::memcpy(buffer, bytes_.data() + pos_, n);
    pos_ += n;
    return n;
  }
  bool seek(int64_t offset) override {
    if (offset < 0 || static_cast<size_t>(offset) > bytes_.size()) return false;
    pos_ = static_cast<size_t>(offset);
    return true;
  }
  bool seekable() const override { return true; }

 private:
  std::string bytes_;
  size_t pos_ = 0;
};

class ReplayableInput final : public InputSource {
 public:
  ReplayableInput(std::unique_ptr<InputSource> stream, size_t keep_bytes)
      : stream_(std::move(stream)), keep_bytes_(keep_bytes) {}
  core::Expected<size_t> read(char* buffer, size_t size) override {
    if (position_ < delivered_) {  // re-reading kept bytes (seek guarantees they are kept)
      const size_t n = std::min(size, static_cast<size_t>(delivered_ - position_));
      std::memcpy(buffer, kept_.data() + position_, n);
      position_ += static_cast<int64_t>(n);
      return n;
    }
    auto n = stream_->read(buffer, size);
    if (!n) return n;
    keep(buffer, *n);
    position_ += static_cast<int64_t>(*n);
    return n;
  }
  bool seek(int64_t offset) override {
    if (offset < 0) return false;
    if (offset <= delivered_) {
      if (offset < delivered_ && static_cast<size_t>(delivered_) > kept_.size()) return false;  // no longer kept
      position_ = offset;
      return true;
    }
    position_ = delivered_;
    std::vector<char> scratch(1 << 16);
    while (delivered_ < offset) {
      auto n = stream_->read(scratch.data(), std::min(scratch.size(), static_cast<size_t>(offset - delivered_)));
      if (!n || *n == 0) return false;  // the stream ends before the offset
      keep(scratch.data(), *n);
      position_ += static_cast<int64_t>(*n);
    }
    return true;
  }
  bool seekable() const override { return true; }

 private:
  void keep(const char* bytes, size_t n) {
    if (static_cast<size_t>(delivered_) == kept_.size() && kept_.size() + n <= keep_bytes_) kept_.append(bytes, n);
    delivered_ += static_cast<int64_t>(n);
  }

  std::unique_ptr<InputSource> stream_;
  size_t keep_bytes_;
  std::string kept_;        // the stream's first bytes, while they fit in keep_bytes_
  int64_t delivered_ = 0;   // bytes taken from the stream
  int64_t position_ = 0;    // where the next read starts
};

}  // namespace

std::unique_ptr<InputSource> replayable_input(std::unique_ptr<InputSource> stream, size_t keep_bytes) {
  return std::make_unique<ReplayableInput>(std::move(stream), keep_bytes);
}

core::Expected<std::unique_ptr<InputSource>> open_input(const std::string& path) {
  if (path == "-") return std::unique_ptr<InputSource>(std::make_unique<FdInput>(0, false, "stdin"));
  if (ends_with(path, ".gz")) {
    gzFile file = gzopen(path.c_str(), "rb");
    if (!file) return core::make_error("cannot open " + path + ": " + std::strerror(errno));
    return std::unique_ptr<InputSource>(std::make_unique<GzInput>(file, path));
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return core::make_error("cannot open " + path + ": " + std::strerror(errno));
  return std::unique_ptr<InputSource>(std::make_unique<FdInput>(fd, true, path));
}

std::unique_ptr<InputSource> memory_input(std::string bytes) { return std::make_unique<MemoryInput>(std::move(bytes)); }

}  // namespace accord::registry
