// Formats whose rules have not landed yet contribute empty tables.
#include "diff/model/rules.h"

namespace accord::diff {
}  // namespace accord::diff
