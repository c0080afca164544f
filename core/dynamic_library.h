// A shared library opened when a command first needs it, not at start-up.
// Why: libcurl, libpq and libxml2 bring 30 more libraries with them; linked
// in, the dynamic loader relocated all of them on every run, `accord --version`
// and a one-file diff included (6 of its 7 ms). Opened here, only `verify`,
// `test`, a URL input, a PostgreSQL registry or an XML body pay for them.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "core/expected.h"

namespace accord::core {

class DynamicLibrary {
 public:
  // Opens the first of `sonames` that loads ("libcurl.so.4", ...). The error
  // names the library, what needs it (`purpose`) and the Debian package.
  static Expected<DynamicLibrary> open(std::initializer_list<const char*> sonames, const std::string& purpose,
                                       const std::string& debian_package);
  // The same for files of accord's own (paths tried in order); `remedy` ends the error.
  static Expected<DynamicLibrary> open_first(const std::vector<std::string>& paths, const std::string& purpose,
                                             const std::string& remedy);

  // Binds `fn` to the library's function `name`; false when it lacks one.
  template <class Fn>
  bool bind(Fn& fn, const char* name) const {
    fn = reinterpret_cast<Fn>(symbol(name));
    return fn != nullptr;
  }

  const std::string& soname() const { return soname_; }

 private:
  DynamicLibrary(void* handle, std::string soname) : handle_(handle), soname_(std::move(soname)) {}
  void* symbol(const char* name) const;

  void* handle_;  // never closed: the functions stay bound for the life of the process
  std::string soname_;
};

// "libcurl.so.4 lacks curl_easy_init, curl_easy_reset: ..." for a library
// that loaded without all the functions accord calls.
Error missing_functions_error(const DynamicLibrary& library, const std::string& missing,
                              const std::string& debian_package);

// Binds a library's functions one after another and, at the end, names every
// one it lacks in one error (missing_functions_error).
class FunctionBinder {
 public:
  explicit FunctionBinder(const DynamicLibrary& library) : library_(library) {}
  template <class Fn>
  void need(Fn& fn, const char* name) {
    if (!library_.bind(fn, name)) missing_ += (missing_.empty() ? "" : ", ") + std::string(name);
  }
  Status finish(const std::string& debian_package) const;

 private:
  const DynamicLibrary& library_;
  std::string missing_;
};

}  // namespace accord::core
