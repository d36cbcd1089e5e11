"""Run the emulator as a Terraform plugin: go-plugin handshake, mTLS-capable gRPC on a unix socket.

Terraform starts the plugin with a magic cookie in the environment, reads one handshake line
(`1|6|unix|<socket>|grpc|<server cert>`) from stdout, then talks gRPC. The server certificate is
an ephemeral self-signed P-256 key made at start-up (fast, and nothing written to disk). On the
controller's Shutdown the process exits at once: go-plugin otherwise waits 2 s before killing it.
"""

from __future__ import annotations

import atexit
import base64
import cProfile
import datetime
import functools
import os
import sys
import tempfile
import threading
from concurrent import futures
from collections.abc import Callable
from pathlib import Path
from typing import Any

MAGIC_COOKIE_KEY = "TF_PLUGIN_MAGIC_COOKIE"
MAGIC_COOKIE_VALUE = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2"
PROFILE_ENV = "ALICLOUD_ML_EMULATOR_PROFILE"
TLS_ENV = "ALICLOUD_ML_EMULATOR_TLS"  # directory with the certificate `emulator install` made
TLS_KEY_FILE, TLS_CERT_FILE, TLS_EXPIRY_FILE = "server-key.pem", "server-cert.pem", "not-after"

NOT_A_PROGRAM = """\
This is the alicloud-ml emulator of the aliyun/alicloud Terraform provider. It is a plugin that
Terraform starts itself; it is not meant to be run by hand.

  alicloud-ml emulator install          # writes the mirror and a Terraform CLI config
  export TF_CLI_CONFIG_FILE=...         # the line `install` prints
  terraform init && terraform apply     # offline, against the emulated cloud
"""


def _certificate(days: int = 1) -> tuple[bytes, bytes, bytes]:
    """(key PEM, cert PEM, cert DER) of a throwaway self-signed certificate for `localhost`."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(x509.NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=True,
                                     data_encipherment=False, key_agreement=True, key_cert_sign=True, crl_sign=False,
                                     encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH,
                                              x509.oid.ExtendedKeyUsageOID.CLIENT_AUTH]), critical=True)
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return key_pem, cert.public_bytes(serialization.Encoding.PEM), cert.public_bytes(serialization.Encoding.DER)


def _server_certificate() -> tuple[bytes, bytes, bytes]:
    """The installed certificate when $ALICLOUD_ML_EMULATOR_TLS has one (valid for a day), else a fresh one."""
    directory = os.environ.get(TLS_ENV)
    if directory:
        try:
            not_after = datetime.datetime.fromisoformat(Path(directory, TLS_EXPIRY_FILE).read_text().strip())
            if not_after > datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=1):
                key_pem = Path(directory, TLS_KEY_FILE).read_bytes()
                cert_pem = Path(directory, TLS_CERT_FILE).read_bytes()
                body = "".join(line for line in cert_pem.decode().splitlines() if "-----" not in line)
                return key_pem, cert_pem, base64.b64decode(body)
        except (OSError, ValueError):
            pass
    return _certificate()


def _profiled(service: Any, directory: str) -> None:
    """Wrap every RPC in one shared cProfile (handlers run on pool threads, cProfile is per thread)."""
    profile, lock = cProfile.Profile(), threading.Lock()
    for name in dir(service):
        if name[0].isupper() and callable(getattr(service, name)):
            method = getattr(service, name)

            @functools.wraps(method)
            def wrapper(*args: Any, _method: Any = method, **kwargs: Any) -> Any:
                with lock:
                    profile.enable()
                    try:
                        return _method(*args, **kwargs)
                    finally:
                        profile.disable()

            setattr(service, name, wrapper)
    Path(directory).mkdir(parents=True, exist_ok=True)
    atexit.register(lambda: profile.dump_stats(os.path.join(directory, f"emulator-{os.getpid()}.prof")))


def _add_provider(service: Any, server: Any) -> None:
    """The generated tfplugin6 registration, except that GetProviderSchema sends the compiled schema's bytes
    as they are (no serializer): parsing the 4 MB response only for gRPC to serialize it again cost ~15 ms."""
    import grpc

    from tf.gen import tfplugin_pb2_grpc as rpc

    from alicloud_ml.emulator.schema_pb import provider_schema_bytes

    handlers: dict[str, Any] = {}

    class Capture:  # add_ProviderServicer_to_server only hands its handler table to these two methods
        def add_generic_rpc_handlers(self, generic: Any) -> None:
            pass

        def add_registered_method_handlers(self, name: str, table: dict[str, Any]) -> None:
            handlers.update(table)

    rpc.add_ProviderServicer_to_server(service, Capture())
    handlers["GetProviderSchema"] = grpc.unary_unary_rpc_method_handler(
        lambda request, context: provider_schema_bytes())  # no (de)serializers: bytes in, bytes out
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler("tfplugin6.Provider", handlers),))
    server.add_registered_method_handlers("tfplugin6.Provider", handlers)


def serve(exit: Callable[[int], None] = os._exit) -> int:
    """Serve one plugin session until Terraform's Shutdown; ends the process through `exit` (the fork
    server's children report their status to the launcher through it)."""
    if os.environ.get(MAGIC_COOKIE_KEY) != MAGIC_COOKIE_VALUE:
        sys.stderr.write(NOT_A_PROGRAM)
        return 1
    import grpc

    from tf.gen import grpc_controller_pb2 as controller_pb
    from tf.gen import grpc_controller_pb2_grpc as controller_rpc
    from tf.gen import grpc_stdio_pb2_grpc as stdio_rpc

    from alicloud_ml.emulator.servicer import ProviderService

    stopped = threading.Event()

    class Controller(controller_rpc.GRPCControllerServicer):
        def Shutdown(self, request: Any, context: Any) -> Any:
            stopped.set()
            return controller_pb.Empty()

    class Stdio(stdio_rpc.GRPCStdioServicer):
        def StreamStdio(self, request: Any, context: Any) -> Any:
            return iter(())

    service = ProviderService()
    if os.environ.get(PROFILE_ENV):
        _profiled(service, os.environ[PROFILE_ENV])
    limit = 256 * 1024 * 1024
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=16),
                         options=[("grpc.max_receive_message_length", limit), ("grpc.max_send_message_length", limit)])
    _add_provider(service, server)
    controller_rpc.add_GRPCControllerServicer_to_server(Controller(), server)
    stdio_rpc.add_GRPCStdioServicer_to_server(Stdio(), server)
    key_pem, cert_pem, cert_der = _server_certificate()
    credentials = grpc.ssl_server_credentials([(key_pem, cert_pem)], require_client_auth=False)
    with tempfile.TemporaryDirectory(prefix="alicloud-ml-emulator-") as tmp:
        socket = os.path.join(tmp, "plugin.sock")
        server.add_secure_port(f"unix://{socket}", credentials)
        server.start()
        cert = base64.b64encode(cert_der).decode().rstrip("=")
        sys.stdout.write(f"1|6|unix|{socket}|grpc|{cert}\n")
        sys.stdout.flush()
        try:
            stopped.wait()
        except KeyboardInterrupt:
            pass
        server.stop(grace=0.1).wait(0.5)
    # Interpreter and gRPC teardown took ~0.1 s per process, and Terraform starts four per apply.
    sys.stdout.flush()
    sys.stderr.flush()
    atexit._run_exitfuncs()
    exit(0)
    return 0
