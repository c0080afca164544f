#include "core/dynamic_library.h"

#include <dlfcn.h>

namespace accord::core {

Expected<DynamicLibrary> DynamicLibrary::open(std::initializer_list<const char*> sonames, const std::string& purpose,
                                              const std::string& debian_package) {
  return open_first(std::vector<std::string>(sonames.begin(), sonames.end()), purpose,
                    "install the Debian package " + debian_package);
}

Expected<DynamicLibrary> DynamicLibrary::open_first(const std::vector<std::string>& paths, const std::string& purpose,
                                                    const std::string& remedy) {
  std::string tried;
  for (const std::string& path : paths) {
    // RTLD_LOCAL: the library's symbols serve only the pointers bound here.
    if (void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL)) return DynamicLibrary(handle, path);
    const char* why = dlerror();
    tried += (tried.empty() ? "" : "; ") + (why ? std::string(why) : path);
  }
  return make_error(purpose + " needs " + (paths.empty() ? std::string("a library") : paths.front()) +
                    ", which could not be loaded (" + tried + "): " + remedy);
}

void* DynamicLibrary::symbol(const char* name) const { return dlsym(handle_, name); }

Error missing_functions_error(const DynamicLibrary& library, const std::string& missing,
                              const std::string& debian_package) {
  return make_error(library.soname() + " lacks " + missing + ": install a current " + debian_package);
}

Status FunctionBinder::finish(const std::string& debian_package) const {
  if (missing_.empty()) return ok_status();
  return missing_functions_error(library_, missing_, debian_package);
}

}  // namespace accord::core
