// libxml2's functions, bound when the first XML body is compared (see
// core/dynamic_library.h for why it is not linked in). Only what
// xml_match.cpp calls; the libxml headers still give the types.
#pragma once

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "core/expected.h"

namespace accord::contracts::matching {

struct XmlLibrary {
  xmlDocPtr (*read_memory)(const char* buffer, int size, const char* url, const char* encoding, int options) = nullptr;
  xmlNodePtr (*doc_get_root_element)(const xmlDoc* doc) = nullptr;
  void (*free_doc)(xmlDocPtr doc) = nullptr;
  xmlChar* (*node_get_content)(const xmlNode* node) = nullptr;
  xmlErrorPtr (*get_last_error)() = nullptr;
  xmlFreeFunc* free = nullptr;  // libxml2's `xmlFree` is a variable holding its deallocator
};

// Loads libxml2 once (thread-safe) and initialises its parser (which must
// happen before threads parse); the same answer every call after.
const core::Expected<const XmlLibrary*>& xml_library();

}  // namespace accord::contracts::matching
