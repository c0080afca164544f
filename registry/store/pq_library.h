// libpq's functions, bound when a PostgreSQL registry is first opened (see
// core/dynamic_library.h for why it is not linked in). Only what
// postgres_store.cpp calls; <libpq-fe.h> still gives the types.
#pragma once

#include <libpq-fe.h>

#include "core/expected.h"

namespace accord::registry {

struct PqLibrary {
  PGconn* (*connectdb)(const char* conninfo) = nullptr;
  ConnStatusType (*status)(const PGconn*) = nullptr;
  char* (*error_message)(const PGconn*) = nullptr;
  void (*finish)(PGconn*) = nullptr;
  PGresult* (*exec)(PGconn*, const char* query) = nullptr;
  PGresult* (*exec_params)(PGconn*, const char* command, int n_params, const Oid* param_types,
                           const char* const* param_values, const int* param_lengths, const int* param_formats,
                           int result_format) = nullptr;
  ExecStatusType (*result_status)(const PGresult*) = nullptr;
  int (*ntuples)(const PGresult*) = nullptr;
  char* (*getvalue)(const PGresult*, int row, int column) = nullptr;
  int (*getlength)(const PGresult*, int row, int column) = nullptr;
  void (*clear)(PGresult*) = nullptr;
};

// Loads libpq once (thread-safe); the same answer every call after.
const core::Expected<const PqLibrary*>& pq_library();

}  // namespace accord::registry
