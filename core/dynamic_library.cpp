#include "core/dynamic_library.h"

#include <dlfcn.h>

namespace accord::core {

Expected<DynamicLibrary> DynamicLibrary::open(std::initializer_list<const char*> sonames, const std::string& purpose,
                                              const std::string& debian_package) {
  std::string tried;
  for (const char* soname : sonames) {
    // RTLD_LOCAL: the library's symbols serve only the pointers bound here.
    if (void* handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL)) return DynamicLibrary(handle, soname);
    const char* why = dlerror();
    tried += std::string(tried.empty() ? "" : "; ") + (why ? why : soname);
  }
  return make_error(purpose + " needs " + *sonames.begin() + ", which could not be loaded (" + tried +
                    "): install the Debian package " + debian_package);
}

void* DynamicLibrary::symbol(const char* name) const { return dlsym(handle_, name); }

Error missing_functions_error(const DynamicLibrary& library, const std::string& missing,
                              const std::string& debian_package) {
  return make_error(library.soname() + " lacks " + missing + ": install a current " + debian_package);
}

}  // namespace accord::core
