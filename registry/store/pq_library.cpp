#include "registry/store/pq_library.h"

#include "core/dynamic_library.h"

namespace accord::registry {

namespace {

constexpr const char* kPackage = "libpq5";

core::Expected<const PqLibrary*> load() {
  auto library = core::DynamicLibrary::open({"libpq.so.5"}, "a PostgreSQL usage registry", kPackage);
  if (!library) return library.error();
  static PqLibrary pq;
  core::FunctionBinder binder(*library);
  binder.need(pq.connectdb, "PQconnectdb");
  binder.need(pq.status, "PQstatus");
  binder.need(pq.error_message, "PQerrorMessage");
  binder.need(pq.finish, "PQfinish");
  binder.need(pq.exec, "PQexec");
  binder.need(pq.exec_params, "PQexecParams");
  binder.need(pq.result_status, "PQresultStatus");
  binder.need(pq.ntuples, "PQntuples");
  binder.need(pq.getvalue, "PQgetvalue");
  binder.need(pq.getlength, "PQgetlength");
  binder.need(pq.clear, "PQclear");
  if (auto bound = binder.finish(kPackage); !bound) return bound.error();
  return &pq;
}

}  // namespace

const core::Expected<const PqLibrary*>& pq_library() {
  static const core::Expected<const PqLibrary*> loaded = load();  // C++11 statics: initialised once
  return loaded;
}

}  // namespace accord::registry
