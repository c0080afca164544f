#include <catch2/catch.hpp>

#include "core/dynamic_library.h"

using namespace accord::core;

TEST_CASE("dynamic library: a library that is not installed is an error naming what needs it and the package") {
  auto library = DynamicLibrary::open({"libaccord-absent.so.9", "libaccord-absent.so"}, "accord verify",
                                      "libaccord-absent9");
  REQUIRE_FALSE(library.ok());
  const std::string& message = library.error().message;
  CHECK(message.find("accord verify needs libaccord-absent.so.9") != std::string::npos);
  CHECK(message.find("libaccord-absent.so") != std::string::npos);
  CHECK(message.find("install the Debian package libaccord-absent9") != std::string::npos);
}

TEST_CASE("dynamic library: the first soname that loads is opened and its functions bind") {
  // libc is always there; strlen stands for any function accord binds.
  auto library = DynamicLibrary::open({"libaccord-absent.so.9", "libc.so.6"}, "a test", "libc6");
  REQUIRE(library.ok());
  CHECK(library->soname() == "libc.so.6");
  size_t (*length)(const char*) = nullptr;
  REQUIRE(library->bind(length, "strlen"));
  CHECK(length("accord") == 6);
  void (*absent)() = nullptr;
  CHECK_FALSE(library->bind(absent, "accord_no_such_function"));
  CHECK(missing_functions_error(*library, "accord_no_such_function", "libc6").message ==
        "libc.so.6 lacks accord_no_such_function: install a current libc6");
}

TEST_CASE("dynamic library: a binder binds what is there and names everything that is missing in one error") {
  auto library = DynamicLibrary::open({"libc.so.6"}, "a test", "libc6");
  REQUIRE(library.ok());
  size_t (*length)(const char*) = nullptr;
  void (*first_absent)() = nullptr;
  void (*second_absent)() = nullptr;
  FunctionBinder complete(*library);
  complete.need(length, "strlen");
  CHECK(complete.finish("libc6").ok());
  CHECK(length("abc") == 3);
  FunctionBinder binder(*library);
  binder.need(first_absent, "accord_absent_one");
  binder.need(length, "strlen");
  binder.need(second_absent, "accord_absent_two");
  auto bound = binder.finish("libc6");
  REQUIRE_FALSE(bound.ok());
  CHECK(bound.error().message == "libc.so.6 lacks accord_absent_one, accord_absent_two: install a current libc6");
}
