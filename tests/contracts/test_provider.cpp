#include "test_provider.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace accord_test {

namespace {

int bind_loopback(int& port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  port = ntohs(addr.sin_port);
  return fd;
}

}  // namespace

ResettingProvider::ResettingProvider() {
  listener_ = bind_loopback(port_);
  ::listen(listener_, 16);
  thread_ = std::thread([this] {
    while (!stop_) {
      pollfd p{listener_, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      int c = ::accept(listener_, nullptr, nullptr);
      if (c < 0) continue;
      char buf[4096];
      pollfd rp{c, POLLIN, 0};
      if (::poll(&rp, 1, 1000) > 0) (void)::recv(c, buf, sizeof buf, 0);
      linger l{1, 0};  // close with RST
      ::setsockopt(c, SOL_SOCKET, SO_LINGER, &l, sizeof l);
      ::close(c);
    }
  });
}

ResettingProvider::~ResettingProvider() {
  stop_ = true;
  thread_.join();
  ::close(listener_);
}

RawProvider::RawProvider(std::string response) : response_(std::move(response)) {
  listener_ = bind_loopback(port_);
  ::listen(listener_, 16);
  thread_ = std::thread([this] {
    while (!stop_) {
      pollfd p{listener_, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      int c = ::accept(listener_, nullptr, nullptr);
      if (c < 0) continue;
      char buf[4096];
      pollfd rp{c, POLLIN, 0};
      if (::poll(&rp, 1, 1000) > 0) (void)::recv(c, buf, sizeof buf, 0);
      (void)::send(c, response_.data(), response_.size(), MSG_NOSIGNAL);
      ::shutdown(c, SHUT_WR);
      ::close(c);
    }
  });
}

RawProvider::~RawProvider() {
  stop_ = true;
  thread_.join();
  ::close(listener_);
}

int closed_port() {
  int port = 0;
  int fd = bind_loopback(port);
  ::close(fd);  // bound but never listened: connections are refused
  return port;
}

}  // namespace accord_test
