// `accord lock DIR`: protolock's proto.lock snapshot of a .proto tree, for
// teams that gate on a committed lock instead of buf (`accord breaking
// proto.lock DIR` then compares the tree against it with the proto rules).
#include "cli/command.h"
#include "diff/proto/image.h"
#include "diff/proto/protolock.h"

namespace accord::cli {

namespace {

struct LockOptions {
  std::string root;
  std::vector<std::string> include_paths;
  std::string output;
};

int run_lock(const LockOptions& opts) {
  std::error_code ec;
  if (!std::filesystem::is_directory(opts.root, ec))
    return report_unusable(opts.root + ": not a directory of .proto files (accord lock DIR > proto.lock)");
  auto image = diff::proto::load_image({opts.root, opts.include_paths, {}, {}, {}});
  if (!image) return report_unusable(image.error().render());
  if (image->files().empty()) return report_unusable(opts.root + ": no .proto files to lock");
  if (!write_output(diff::proto::write_protolock(*image), opts.output))
    return report_unusable("cannot write " + opts.output);
  return kExitClean;
}

}  // namespace

Runner setup_lock(CLI::App& app) {
  auto opts = std::make_shared<LockOptions>();
  app.add_option("DIR", opts->root, "The root of the .proto tree (protolock's -protoroot)")->required();
  app.add_option("-I,--include", opts->include_paths, "Also resolve imports under this root (repeatable)");
  app.add_option("-o,--output", opts->output, "Write the lock to this file instead of stdout");
  return [opts] { return run_lock(*opts); };
}

}  // namespace accord::cli
