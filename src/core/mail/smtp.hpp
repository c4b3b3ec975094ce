#pragma once
// Sends one message to an SMTP server with libcurl: plain or upgraded with STARTTLS (then the
// certificate is verified, against ca_file when given), with credentials when given.
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>

#include "core/mail/message.hpp"

namespace simpul::mail {

struct Server {
  std::string host;  // name or address; an IPv6 address without brackets
  int port = 587;
  bool starttls = true;  // refuse to send unless the server upgrades the connection
  std::string username;  // empty: no AUTH
  std::string password;
  std::string ca_file;  // PEM certificates to trust instead of the system's; empty: the system's
  std::chrono::seconds timeout{60};  // for the whole exchange
};

// The server could not be reached or refused the message; what() says why, with the server's
// reply code when there was one. Trying again later may help.
class SendError : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Sends message to message.to through server. Throws InvalidMessage when the message cannot be
// built and SendError when sending failed. A transfer in progress is abandoned (SendError) soon
// after *cancel becomes true, so a stopping server does not wait for a slow mail server.
void send(const Server& server, const Message& message, const std::atomic<bool>* cancel = nullptr);

}  // namespace simpul::mail
