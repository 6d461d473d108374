"""Compiles the translation catalogs (.po → .mo) whenever the package is built or installed,
also for `pip install -e .`: the kiosk reads only compiled catalogs at run time."""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


def compile_catalogs(root: Path) -> None:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po in sorted(root.glob("kiosk/locale/*/LC_MESSAGES/*.po")):
        with po.open("rb") as source:
            catalog = read_po(source)
        with po.with_suffix(".mo").open("wb") as target:
            write_mo(target, catalog)


class BuildWithCatalogs(build_py):
    def run(self) -> None:
        compile_catalogs(Path(__file__).resolve().parent)
        super().run()


setup(cmdclass={"build_py": BuildWithCatalogs})
