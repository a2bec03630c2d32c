"""The icon in pixels: every PNG size of the freedesktop theme and the Windows ICO exist, are
drawn from the current SVGs and ship in the wheel."""

from __future__ import annotations

import tomllib
from io import BytesIO

import pytest
from PIL import Image, ImageChops, ImageStat

from .tools import ROOT, packaging_script

icons = packaging_script("icons")


@pytest.mark.parametrize("size", icons.PNG_SIZES)
def test_every_png_size_is_a_square_icon_on_a_transparent_ground(size):
    path = icons.png_path(size)
    assert path.is_file(), f"{path} is missing: run python packaging/icons.py"
    image = Image.open(path)
    assert image.format == "PNG"
    assert image.size == (size, size)
    rgba = image.convert("RGBA")
    assert rgba.getpixel((0, 0))[3] == 0, "the corners are transparent (a rounded square)"
    assert rgba.getpixel((size // 2, size // 2))[3] == 255


@pytest.mark.parametrize("size", icons.PNG_SIZES)
def test_the_pngs_are_drawn_from_the_current_svg(size):
    """Rendered again and compared, with room for another Qt's antialiasing."""
    stored = Image.open(icons.png_path(size)).convert("RGBA")
    fresh = Image.open(BytesIO(icons.render(size, icons.source_for(size)))).convert("RGBA")
    difference = ImageStat.Stat(ImageChops.difference(stored, fresh)).mean
    assert max(difference) < 2, (
        f"{icons.png_path(size).relative_to(ROOT)} differs from "
        f"{icons.source_for(size).name}: run python packaging/icons.py"
    )


def test_the_ico_holds_every_size_for_windows():
    ico = Image.open(icons.ICO)
    assert ico.format == "ICO"
    assert sorted(ico.ico.sizes()) == [(n, n) for n in icons.ICO_SIZES]
    for size in icons.ICO_SIZES:
        frame = ico.ico.getimage((size, size))
        assert frame.size == (size, size)
        assert frame.mode == "RGBA"
        # each frame is that size's own rendering, not another scaled
        png = Image.open(icons.png_path(size)).convert("RGBA")
        assert max(ImageStat.Stat(ImageChops.difference(frame, png)).mean) < 1


def test_the_wheel_ships_every_icon_file():
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-data"
    ]["sanad_resources"]
    resources = ROOT / "resources"
    shipped = {path for pattern in patterns for path in resources.glob(pattern)}
    for path in sorted((resources / "icons").rglob("*")):
        if path.is_file():
            assert path in shipped, (
                f"{path.relative_to(ROOT)} is not in the wheel: add a pattern for "
                f"'**/*{path.suffix}' to [tool.setuptools.package-data] in pyproject.toml"
            )
