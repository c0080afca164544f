// One behavioural suite for every UsageStore backend (SQLite, PostgreSQL).
#pragma once

#include "registry/store/store.h"

// `store` must be freshly created (empty).
void run_store_suite(accord::registry::UsageStore& store);
