"""The RSA key that signs OpenID Connect ID tokens.

Imported by ``config/settings.py``, so it must not touch Django models. Production passes
the key in ``OIDC_RSA_PRIVATE_KEY`` (PEM text) or ``OIDC_RSA_PRIVATE_KEY_FILE``; a
development machine gets a key generated once into ``var/`` (the deploy check in
``accounts/checks.py`` refuses that key in production).
"""

import os
from pathlib import Path


def _generate_pem() -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode()


def load_signing_key(pem: str, pem_file: str, dev_path: Path) -> tuple[str, bool]:
    """``(pem, is_dev_default)``: the configured key, else the development key (created if missing)."""
    if pem.strip():
        return pem.replace("\\n", "\n"), False
    if pem_file:
        return Path(pem_file).read_text(), False
    if not dev_path.exists():
        dev_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = dev_path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(_generate_pem())
        tmp.chmod(0o600)
        os.replace(tmp, dev_path)  # atomic: parallel test workers never see half a key
    return dev_path.read_text(), True
