"""The campus hub's HTTPS certificate on the LAN: self-signed, made once, pinned by stations.

There is no certificate authority on a campus LAN, and a name-based check means nothing for
``192.168.1.20``. So the hub makes its own certificate (Ed25519 is not accepted by every TLS
stack, hence ECDSA P-256), a station checks it against the one-time code when it joins
(``sync.server.join_proof``) and from then on trusts that exact certificate and no other.
The files live beside the database (``<db>.tls/``), the key readable by its owner only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import os
import socket
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from desktop.core.files import replace_durably

__all__ = ["HubCertificate", "hub_certificate"]


class HubCertificate:
    def __init__(self, folder: Path) -> None:
        self.certificate = folder / "hub-certificate.pem"
        self.key = folder / "hub-key.pem"

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the certificate's DER bytes, as stations pin it."""
        pem = self.certificate.read_bytes()
        der = x509.load_pem_x509_certificate(pem).public_bytes(serialization.Encoding.DER)
        return hashlib.sha256(der).hexdigest()


def _write(path: Path, data: bytes, mode: int) -> None:
    temp = path.with_name(f".{path.name}.partial")
    descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
    replace_durably(temp, path)


def hub_certificate(database: Path, *, years: int = 10) -> HubCertificate:
    """The hub's certificate for ``database``, made on first use."""
    folder = database.with_name(database.name + ".tls")
    made = HubCertificate(folder)
    if made.certificate.exists() and made.key.exists():
        return made
    folder.mkdir(mode=0o700, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    host = socket.gethostname() or "sanad-hub"
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"Sanad campus hub {host}"[:64])])
    now = dt.datetime.now(dt.UTC)
    alternative = x509.SubjectAlternativeName(
        [x509.DNSName(host), x509.DNSName("localhost"),
         x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365 * years))
        .add_extension(alternative, critical=False)
        # A trust anchor of its own: stations trust exactly this certificate.
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(key, hashes.SHA256())
    )
    _write(made.key, key.private_bytes(serialization.Encoding.PEM,
                                       serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()), 0o600)  # fmt: skip
    _write(made.certificate, certificate.public_bytes(serialization.Encoding.PEM), 0o644)
    return made
