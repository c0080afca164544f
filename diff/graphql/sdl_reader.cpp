// The token cursor and the small pieces of the SDL grammar (sdl_reader.h).
#include "diff/graphql/sdl_reader.h"

namespace accord::diff::graphql {

namespace {

std::string quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') out += "\\n";
    else out += c;
  }
  return out + "\"";
}

}  // namespace

core::Status SdlReader::shift() {
  auto t = lexer_.next();
  if (!t) return t.error();
  tok_ = std::move(*t);
  return core::ok_status();
}

core::Error SdlReader::error(std::string message) const {
  return core::make_error(std::move(message), lexer_.file(), tok_.pos.line, tok_.pos.column);
}

std::string SdlReader::describe_token() const {
  if (tok_.kind == Token::Kind::end) return "the end of the file";
  if (tok_.kind == Token::Kind::string || tok_.kind == Token::Kind::block_string) return "a string";
  return "\"" + std::string(tok_.raw) + "\"";
}

core::Status SdlReader::expect(std::string_view p) {
  if (!is_punct(p)) return error("expected \"" + std::string(p) + "\", found " + describe_token());
  return shift();
}

core::Expected<std::string> SdlReader::name() {
  if (tok_.kind != Token::Kind::name) return error("expected a name, found " + describe_token());
  std::string n(tok_.raw);
  SDL_TRY(shift());
  return n;
}

core::Expected<std::string> SdlReader::description() {
  if (tok_.kind != Token::Kind::string && tok_.kind != Token::Kind::block_string) return std::string();
  std::string d = tok_.value;
  SDL_TRY(shift());
  return d;
}

core::Expected<TypeRef> SdlReader::type_ref() {
  TypeRef t;
  t.pos = tok_.pos;
  if (is_punct("[")) {
    SDL_TRY(shift());
    auto inner = type_ref();
    if (!inner) return inner.error();
    SDL_TRY(expect("]"));
    t.kind = TypeRef::Kind::list;
    t.inner = std::make_shared<TypeRef>(std::move(*inner));
  } else {
    auto n = name();
    if (!n) return n.error();
    t.name = *n;
  }
  if (is_punct("!")) {
    SDL_TRY(shift());
    TypeRef outer;
    outer.kind = TypeRef::Kind::non_null;
    outer.pos = t.pos;
    outer.inner = std::make_shared<TypeRef>(std::move(t));
    return outer;
  }
  return t;
}

core::Status SdlReader::directives(std::vector<DirectiveUse>& out) {
  while (is_punct("@")) {
    DirectiveUse d;
    d.pos = tok_.pos;
    SDL_TRY(shift());
    auto n = name();
    if (!n) return n.error();
    d.name = *n;
    if (is_punct("(")) {
      SDL_TRY(shift());
      while (!is_punct(")")) {
        auto arg = name();
        if (!arg) return arg.error();
        SDL_TRY(expect(":"));
        auto value = const_value();
        if (!value) return value.error();
        d.args.emplace_back(*arg, *value);
      }
      SDL_TRY(shift());
    }
    out.push_back(std::move(d));
  }
  return core::ok_status();
}

core::Expected<std::string> SdlReader::const_value() {
  switch (tok_.kind) {
    case Token::Kind::int_value:
    case Token::Kind::float_value:
    case Token::Kind::name: {
      std::string v(tok_.raw);
      SDL_TRY(shift());
      return v;
    }
    case Token::Kind::string:
    case Token::Kind::block_string: {
      std::string v = quote(tok_.value);
      SDL_TRY(shift());
      return v;
    }
    case Token::Kind::punct:
      if (is_punct("[")) return list_value();
      if (is_punct("{")) return object_value();
      [[fallthrough]];
    default: return error("expected a constant value, found " + describe_token());
  }
}

core::Expected<std::string> SdlReader::list_value() {
  SDL_TRY(shift());
  std::string out = "[";
  while (!is_punct("]")) {
    auto v = const_value();
    if (!v) return v.error();
    out += (out.size() > 1 ? ", " : "") + *v;
  }
  SDL_TRY(shift());
  return out + "]";
}

core::Expected<std::string> SdlReader::object_value() {
  SDL_TRY(shift());
  std::string out = "{";
  while (!is_punct("}")) {
    auto n = name();
    if (!n) return n.error();
    SDL_TRY(expect(":"));
    auto v = const_value();
    if (!v) return v.error();
    out += (out.size() > 1 ? ", " : "") + *n + ": " + *v;
  }
  SDL_TRY(shift());
  return out + "}";
}

}  // namespace accord::diff::graphql
