# pyld keeps a few JSON-LD contexts beside its code (documentloader/frozen/bundled); Sanad
# loads its own from sanad_resources, but pyld's frozen loader must find its files too.
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("pyld")
