#include "registry/store/pq_library.h"

#include "core/dynamic_library.h"

namespace accord::registry {

namespace {

constexpr const char* kPackage = "libpq5";

core::Expected<const PqLibrary*> load() {
  auto library = core::DynamicLibrary::open({"libpq.so.5"}, "a PostgreSQL usage registry", kPackage);
  if (!library) return library.error();
  static PqLibrary pq;
  std::string missing;
  auto need = [&](auto& fn, const char* name) {
    if (!library->bind(fn, name)) missing += (missing.empty() ? "" : ", ") + std::string(name);
  };
  need(pq.connectdb, "PQconnectdb");
  need(pq.status, "PQstatus");
  need(pq.error_message, "PQerrorMessage");
  need(pq.finish, "PQfinish");
  need(pq.exec, "PQexec");
  need(pq.exec_params, "PQexecParams");
  need(pq.result_status, "PQresultStatus");
  need(pq.ntuples, "PQntuples");
  need(pq.getvalue, "PQgetvalue");
  need(pq.getlength, "PQgetlength");
  need(pq.clear, "PQclear");
  if (!missing.empty()) return core::missing_functions_error(*library, missing, kPackage);
  return &pq;
}

}  // namespace

const core::Expected<const PqLibrary*>& pq_library() {
  static const core::Expected<const PqLibrary*> loaded = load();  // C++11 statics: initialised once
  return loaded;
}

}  // namespace accord::registry
