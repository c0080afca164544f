// What AsyncAPI (2.x, 3.x) reads into its schema objects, for the shared
// schema comparator (diff/schema/profile.h).
#pragma once

#include "diff/schema/profile.h"

namespace accord::diff {

// The AsyncAPI Schema Object is a superset of JSON Schema draft-07 (the
// dialect of documents that name none) that adds `discriminator`: a string,
// the name of the property that tells the schemas apart (an OpenAPI-style
// object is read too, for payloads written in OpenAPI's schema format).
// `nullable` is OpenAPI 3.0's: read only in payloads whose schemaFormat is
// OpenAPI 3.0 (the openapi30 dialect). readOnly/writeOnly are draft-07
// annotations: no direction filter. x-sunset / x-stability-level and the
// int32/int64, float/double formats (AsyncAPI's data types list them) are
// kept.
const SchemaProfile& asyncapi_schema_profile();
const core::SchemaVocabulary& asyncapi_schema_vocabulary();

}  // namespace accord::diff
