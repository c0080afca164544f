#include "test_certificates.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace accord_test {

namespace {

using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Cert = std::unique_ptr<X509, decltype(&X509_free)>;

bool add_extension(X509* cert, X509* issuer, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  if (!ext) return false;
  bool ok = X509_add_ext(cert, ext, -1) == 1;
  X509_EXTENSION_free(ext);
  return ok;
}

// Signs `key`'s certificate with `issuer_key`; a null issuer makes it self-signed.
Cert make_certificate(EVP_PKEY* key, const char* common_name, X509* issuer, EVP_PKEY* issuer_key, long serial, bool is_ca) {
  Cert cert(X509_new(), X509_free);
  X509* x = cert.get();
  X509_set_version(x, 2);  // v3, for extensions
  ASN1_INTEGER_set(X509_get_serialNumber(x), serial);
  X509_gmtime_adj(X509_getm_notBefore(x), -3600);  // tolerate a clock a little behind
  X509_gmtime_adj(X509_getm_notAfter(x), 24L * 3600);
  X509_set_pubkey(x, key);
  X509_NAME* name = X509_get_subject_name(x);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(common_name), -1, -1, 0);
  X509_set_issuer_name(x, issuer ? X509_get_subject_name(issuer) : name);
  X509* signer = issuer ? issuer : x;
  bool ok = add_extension(x, signer, NID_subject_key_identifier, "hash");
  if (is_ca) {
    ok = ok && add_extension(x, signer, NID_basic_constraints, "critical,CA:TRUE") &&
         add_extension(x, signer, NID_key_usage, "critical,keyCertSign,cRLSign");
  } else {
    ok = ok && add_extension(x, signer, NID_authority_key_identifier, "keyid:always") &&
         add_extension(x, signer, NID_basic_constraints, "CA:FALSE") &&
         add_extension(x, signer, NID_ext_key_usage, "serverAuth") &&
         add_extension(x, signer, NID_subject_alt_name, "IP:127.0.0.1");
  }
  if (!ok || X509_sign(x, issuer_key, EVP_sha256()) == 0) cert.reset();
  return cert;
}

bool write_pem(const std::string& path, X509* cert, EVP_PKEY* key) {
  FILE* f = std::fopen(path.c_str(), "w");
  if (!f) return false;
  bool ok = cert ? PEM_write_X509(f, cert) == 1 : PEM_write_PrivateKey(f, key, nullptr, nullptr, 0, nullptr, nullptr) == 1;
  return std::fclose(f) == 0 && ok;
}

}  // namespace

TestCertificates make_test_certificates() {
  TestCertificates out;
  char dir[] = "/tmp/accord-tls-XXXXXX";
  if (!::mkdtemp(dir)) {
    out.error = "cannot create a temporary directory";
    return out;
  }
  out.dir = dir;
  out.ca_cert = out.dir + "/ca.pem";
  out.server_cert = out.dir + "/server.pem";
  out.server_key = out.dir + "/server-key.pem";

  // P-256 keys: generated in milliseconds, unlike RSA.
  Key ca_key(EVP_EC_gen("P-256"), EVP_PKEY_free);
  Key server_key(EVP_EC_gen("P-256"), EVP_PKEY_free);
  if (!ca_key || !server_key) {
    out.error = "cannot generate EC keys";
    return out;
  }
  Cert ca = make_certificate(ca_key.get(), "accord test CA", nullptr, ca_key.get(), 1, true);
  if (!ca) {
    out.error = "cannot make the CA certificate";
    return out;
  }
  Cert server = make_certificate(server_key.get(), "127.0.0.1", ca.get(), ca_key.get(), 2, false);
  if (!server) {
    out.error = "cannot make the server certificate";
    return out;
  }
  if (!write_pem(out.ca_cert, ca.get(), nullptr) || !write_pem(out.server_cert, server.get(), nullptr) ||
      !write_pem(out.server_key, nullptr, server_key.get()))
    out.error = "cannot write the PEM files in " + out.dir;
  return out;
}

void remove_test_certificates(const TestCertificates& certs) {
  if (certs.dir.empty()) return;
  for (const std::string* f : {&certs.ca_cert, &certs.server_cert, &certs.server_key}) std::remove(f->c_str());
  ::rmdir(certs.dir.c_str());
}

}  // namespace accord_test
