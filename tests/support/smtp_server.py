#!/usr/bin/python3
"""A real SMTP server for the tests of the email outbox (Debian's python3-aiosmtpd).

Listens on 127.0.0.1 on a free port, prints "listening PORT" once ready, and appends one JSON line
per message it accepts to --out, parsed by Python's email package: the envelope, the decoded
headers and body, whether TLS and AUTH were used. Options:
  --starttls DIR   make a throw-away self-signed certificate for 127.0.0.1 in DIR/cert.pem with
                   openssl, offer STARTTLS and require it before MAIL
  --user U --password P   require AUTH (PLAIN or LOGIN) with these credentials
  --reject ADDRESS        answer 550 to RCPT TO this address
It stops on SIGTERM, or when its standard input closes (the test that started it is gone).
"""
import argparse
import asyncio
import email
import email.policy
import json
import logging
import os
import signal
import socket
import ssl
import subprocess
import sys
import warnings

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def make_certificate(folder):
    cert, key = os.path.join(folder, "cert.pem"), os.path.join(folder, "key.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


class Recorder:
    def __init__(self, out, reject):
        self.out = out
        self.reject = reject

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address == self.reject:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "header_names": list(message.keys()),
            "from": str(message["From"]),
            "to": str(message["To"]),
            "subject": str(message["Subject"]),
            "message_id": str(message["Message-ID"]),
            "date": str(message["Date"]),
            "content_type": message.get_content_type(),
            "charset": message.get_content_charset(),
            "body": message.get_content(),
            "tls": session.ssl is not None,
            "login": (session.auth_data.login.decode()
                      if isinstance(session.auth_data, LoginPassword) else None),
        }
        with open(self.out, "a", encoding="utf-8") as out:
            out.write(json.dumps(record) + "\n")
        return "250 OK"


def authenticator_for(user, password):
    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login == user.encode()
              and auth_data.password == password.encode())
        # handled=False: aiosmtpd itself answers 535 to a failure.
        return AuthResult(success=ok, handled=False, auth_data=auth_data)
    return authenticate


async def serve(args):
    tls = make_certificate(args.starttls) if args.starttls else None
    handler = Recorder(args.out, args.reject)
    options = dict(hostname="localhost", tls_context=tls, require_starttls=tls is not None,
                   auth_require_tls=tls is not None)
    if args.user:
        options.update(authenticator=authenticator_for(args.user, args.password),
                       auth_required=True)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(handler, **options), sock=listener)
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)

    def on_input():
        if not os.read(sys.stdin.fileno(), 1024):
            stop.set()
    loop.add_reader(sys.stdin.fileno(), on_input)
    print(f"listening {listener.getsockname()[1]}", flush=True)
    await stop.wait()
    server.close()


def main():
    # aiosmtpd 1.4 warns about its own use of a deprecated attribute at every AUTH, and logs the
    # traceback of every TLS handshake a test makes fail on purpose; the test checks the outcome.
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    logging.getLogger("mail.log").setLevel(logging.CRITICAL)
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--starttls")
    parser.add_argument("--user")
    parser.add_argument("--password", default="")
    parser.add_argument("--reject")
    asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()
