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
  std::string missing;
  auto need = [&](auto& fn, const char* name) {
    if (!library->bind(fn, name)) missing += (missing.empty() ? "" : ", ") + std::string(name);
  };
  need(init_parser, "xmlInitParser");
  need(xml.read_memory, "xmlReadMemory");
  need(xml.doc_get_root_element, "xmlDocGetRootElement");
  need(xml.free_doc, "xmlFreeDoc");
  need(xml.node_get_content, "xmlNodeGetContent");
  need(xml.get_last_error, "xmlGetLastError");
  need(xml.free, "xmlFree");
  if (!missing.empty()) return core::missing_functions_error(*library, missing, kPackage);
  init_parser();
  return &xml;
}

}  // namespace

const core::Expected<const XmlLibrary*>& xml_library() {
  static const core::Expected<const XmlLibrary*> loaded = load();  // C++11 statics: initialised once
  return loaded;
}

}  // namespace accord::contracts::matching
