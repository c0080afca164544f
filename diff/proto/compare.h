// Protobuf behind the format interface: buf-compatible rules over the
// descriptor API, for `.proto` files, directories (buf modules and
// workspaces) and descriptor sets.
#pragma once

#include "diff/format/format.h"

namespace accord::diff {

// The format, as registered in diff/format/formats.def.
const ContractFormat& proto_format();

}  // namespace accord::diff
