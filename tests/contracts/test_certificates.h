// A throwaway PKI for the HTTPS end-to-end tests, made with the OpenSSL API at
// run time (so no key material is checked in and nothing expires): a CA and a
// server certificate for IP 127.0.0.1 that the CA signed.
#pragma once

#include <string>

namespace accord_test {

struct TestCertificates {
  std::string dir;          // a fresh temporary directory holding the files below
  std::string ca_cert;      // PEM: the CA a client must trust (--cacert)
  std::string server_cert;  // PEM: CN=127.0.0.1, subjectAltName IP:127.0.0.1 only
  std::string server_key;   // PEM: the server's private key
  std::string error;        // empty on success
};

TestCertificates make_test_certificates();

// Removes the files and the directory.
void remove_test_certificates(const TestCertificates& certs);

}  // namespace accord_test
