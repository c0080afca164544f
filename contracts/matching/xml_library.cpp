#include "contracts/matching/xml_library.h"

#include "core/dynamic_library.h"

namespace accord::contracts::matching {

namespace {

constexpr const char* kPackage = "libxml2";

core::Expected<const XmlLibrary*> load() {
  auto library = core::DynamicLibrary::open({"libxml2.so.2"}, "comparing an XML body", kPackage);
  if (!library) return library.error();
  static XmlLibrary xml;
  void (*init_parser)() = nullptr;
  core::FunctionBinder binder(*library);
  binder.need(init_parser, "xmlInitParser");
  binder.need(xml.read_memory, "xmlReadMemory");
  binder.need(xml.doc_get_root_element, "xmlDocGetRootElement");
  binder.need(xml.free_doc, "xmlFreeDoc");
  binder.need(xml.node_get_content, "xmlNodeGetContent");
  binder.need(xml.get_last_error, "xmlGetLastError");
  binder.need(xml.free, "xmlFree");
  if (auto bound = binder.finish(kPackage); !bound) return bound.error();
  init_parser();
  return &xml;
}

}  // namespace

const core::Expected<const XmlLibrary*>& xml_library() {
  static const core::Expected<const XmlLibrary*> loaded = load();  // C++11 statics: initialised once
  return loaded;
}

}  // namespace accord::contracts::matching
