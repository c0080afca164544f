// Answers from an OpenAPI document: the operation the request belongs to
// answers with its first success response, using the example whose name
// matches the request's (body or parameter) example, else the first
// example, else a value generated from the response schema. A request the
// operation would reject (missing required parameter or body, a body its
// schema refuses) gets the operation's declared error status.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "contracts/spec_test/operation_index.h"
#include "contracts/spec_test/runner.h"
#include "contracts/stub/stub.h"
#include "core/schema.h"

namespace accord::contracts::stub {

class SpecStub : public Answerer {
 public:
  static core::Expected<std::unique_ptr<SpecStub>> load(const std::string& path);
  StubAnswer answer(const StubRequest& request) const override;
  size_t operation_count() const { return spec_->api.operations.size(); }

 private:
  explicit SpecStub(std::unique_ptr<spec_test::LoadedSpec> spec);
  std::unique_ptr<spec_test::LoadedSpec> spec_;
  std::unique_ptr<spec_test::OperationIndex> index_;
  std::unique_ptr<core::SchemaGraph> graph_;  // builds schemas lazily: used under `mutex_`
  mutable std::mutex mutex_;
};

}  // namespace accord::contracts::stub
