// Detection and dispatch: which format an input is, then that format's load
// and compare. Detection first asks every format about the name (proto claims
// `.proto` files and directories without reading them); otherwise the input is
// parsed as JSON/YAML once and every document format looks at that tree.
#include "diff/engine.h"

#include <filesystem>
#include <future>

#include "core/loader.h"
#include "diff/model/sink.h"

namespace accord::diff {

namespace {

// The format with the surest claim; ties go to the earlier one in the list.
template <class ClaimFn>
const ContractFormat* surest(ClaimFn claim) {
  const ContractFormat* best = nullptr;
  Claim best_claim = Claim::no;
  for (const ContractFormat* f : all_formats()) {
    Claim c = claim(*f);
    if (c > best_claim) {
      best = f;
      best_claim = c;
    }
  }
  return best;
}

std::string expected_inputs() {
  std::string out;
  auto formats = all_formats();
  for (size_t i = 0; i < formats.size(); ++i) {
    if (i) out += i + 1 == formats.size() ? " or " : ", ";
    out += formats[i]->expected_input();
  }
  return out;
}

core::Expected<std::unique_ptr<core::Document>> parse(const ContractInput& in) {
  if (in.text) return core::load_text(in.path, *in.text);
  if (in.source) {
    auto text = in.source->read(in.path);
    if (!text) return text.error();
    return core::load_text(in.path, std::move(*text));
  }
  return core::load_file(in.path);
}

struct Loaded {
  const ContractFormat* format = nullptr;
  std::unique_ptr<LoadedContract> contract;
};

core::Expected<Loaded> load_one(const ContractInput& input, const CompareOptions& options) {
  const ContractFormat* format = options.kind ? find_format(options.kind->name)
                                              : surest([&](const ContractFormat& f) { return f.claim_path(input); });
  if (options.kind && !format)
    return core::make_error("unknown --kind '" + std::string(options.kind->name) + "' (expected " + format_names() + ")");
  std::unique_ptr<core::Document> document;
  if (!format || format->reads_documents()) {
    auto parsed = parse(input);
    if (!parsed) return parsed.error();
    document = std::move(*parsed);
    if (!format) format = surest([&](const ContractFormat& f) {
      return f.reads_documents() ? f.claim_document(*document) : Claim::no;
    });
    if (!format) return core::make_error("not a contract: expected " + expected_inputs(), input.path, 1, 1);
  }
  auto contract = format->load(input, std::move(document), options);
  if (!contract) return contract.error();
  return Loaded{format, std::move(*contract)};
}

// The formats that compare a version history, for the error that refuses one.
std::string history_formats() {
  std::string out;
  for (const ContractFormat* f : all_formats())
    if (f->compares_history()) out += (out.empty() ? "" : ", ") + std::string(f->display_name());
  return out.empty() ? "none" : out;
}

// The input with `directory` asked, unless its caller asked already.
ContractInput with_directory(ContractInput input) {
  if (!input.directory) {
    std::error_code ec;
    input.directory = !input.text && (input.source ? input.source->is_directory(input.path)
                                                   : std::filesystem::is_directory(input.path, ec));
  }
  return input;
}

// Whether loading the two versions on two threads pays: their sizes (a
// file's, or the text given) add up to kParallelLoadBytes or more.
// Directories (proto trees) and versions read from git load in parallel:
// their size is not known up front.
constexpr uintmax_t kParallelLoadBytes = 4u << 20;

bool worth_a_thread(const ContractInput& a, const ContractInput& b) {
  uintmax_t total = 0;
  for (const ContractInput* input : {&a, &b}) {
    if (input->is_directory() || input->source) return true;
    std::error_code ec;
    const uintmax_t size = input->text ? input->text->size() : std::filesystem::file_size(input->path, ec);
    if (ec) return true;  // the loader says what is wrong with it
    total += size;
  }
  return total >= kParallelLoadBytes;
}

// A version read through a source other than the file system (a git
// revision) is named by it: its places and errors take the source's names
// ("main:api.yaml"). A source leaves a file it never read unchanged.
core::Error named_by_source(core::Error error, const ContractInput& input) {
  if (input.source && !error.file.empty()) error.file = input.source->display_name(error.file);
  return error;
}

void name_places_by_source(std::vector<Finding>& findings, const ContractInput& old_input,
                           const ContractInput& new_input) {
  for (Finding& f : findings) {
    if (f.old_place && old_input.source) f.old_place->file = old_input.source->display_name(f.old_place->file);
    if (f.new_place && new_input.source) f.new_place->file = new_input.source->display_name(f.new_place->file);
  }
}

}  // namespace

core::Expected<std::vector<Finding>> compare_contracts(const ContractInput& old_given, const ContractInput& new_given,
                                                       const CompareOptions& given) {
  auto mode = parse_compat_mode(given.compat_mode);
  if (!mode) return mode.error();
  CompareOptions options = given;
  if (!given.compat_mode.empty()) options.schema_mode = mode->direction;
  const ContractInput old_input = with_directory(old_given), new_input = with_directory(new_given);
  // The two versions are independent until compared: large ones load on two
  // cores. Small ones load one after the other: a second thread (and its
  // allocator arena) cost more than it saved below a few MB (vector's 2.4 MB
  // schema pair: 25 -> 21 ms of CPU and no slower; kubernetes' 7.6 MB
  // OpenAPI pair: 77 -> 69 ms of wall time on two cores).
  const auto launch = worth_a_thread(old_input, new_input) ? std::launch::async : std::launch::deferred;
  auto pending_old = std::async(launch, [&] { return load_one(old_input, options); });
  auto new_loaded = load_one(new_input, options);
  auto old_loaded = pending_old.get();
  if (!old_loaded) return named_by_source(old_loaded.error(), old_input);
  if (!new_loaded) return named_by_source(new_loaded.error(), new_input);
  if (old_loaded->format != new_loaded->format)
    return core::make_error("cannot compare a " + std::string(old_loaded->format->display_name()) +
                            " document with a " + std::string(new_loaded->format->display_name()) + " document");
  const ContractFormat& format = *old_loaded->format;
  if (mode->transitive && !options.earlier_versions.empty() && !format.compares_history())
    return core::make_error(std::string(format.display_name()) + " compares OLD with NEW only: --mode " +
                            given.compat_mode + " would leave the " + std::to_string(options.earlier_versions.size()) +
                            " earlier version(s) unchecked (formats that compare a history: " + history_formats() +
                            ")");
  auto result = old_loaded->format->compare(*old_loaded->contract, *new_loaded->contract, options);
  if (options.disable_free) {  // intentionally never freed (see CompareOptions::disable_free)
    old_loaded->contract.release();
    new_loaded->contract.release();
  }
  // Errors found while comparing (a $ref followed late) may be either
  // version's: each source renames only the files it was asked for.
  if (!result) return named_by_source(named_by_source(result.error(), old_input), new_input);
  name_places_by_source(*result, old_input, new_input);
  finalize_findings(*result);
  return result;
}

}  // namespace accord::diff
