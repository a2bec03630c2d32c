# cbor2's encoder and decoder are compiled (Rust) and import the modules of the types they
# handle when first needed, out of sight of PyInstaller's import scan: the first signed QR
# payload failed with "No module named 'email.mime'".
from PyInstaller.utils.hooks import collect_submodules

hiddenimports = [
    *collect_submodules("email"),  # MIME messages (CBOR tag 36)
    "datetime",
    "decimal",
    "fractions",
    "ipaddress",
    "re",
    "uuid",
]
