"""Generated pictures for the demo: partner logos and abstract "photos".

Both are drawn with Pillow from a seed string, so the same seed gives the same
picture on every machine and every run.
"""

from __future__ import annotations

import io
import math
import random
from functools import cache

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from .documents import BOLD_FONT

# The portal's blue accents and a few calm companions (DESIGN.md, "Look and feel").
PALETTE = [
    (11, 95, 165),  # UN-like blue
    (0, 158, 219),  # light blue, for large shapes
    (29, 53, 87),  # navy
    (42, 157, 143),  # teal
    (138, 177, 125),  # soft green
    (233, 196, 106),  # sand
    (231, 111, 81),  # terracotta
    (109, 89, 122),  # dusk
]
# Logo backgrounds dark enough for white initials (contrast above 4.5:1).
LOGO_COLOURS = [
    (11, 95, 165),
    (29, 53, 87),
    (31, 110, 100),
    (150, 60, 40),
    (90, 70, 105),
    (60, 90, 50),
]

LOGO_SIZE = 256
PHOTO_SIZE = (1200, 800)
# Shapes are drawn small, blurred and scaled up: soft edges, fast drawing.
_DRAW_SIZE = (480, 320)


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(BOLD_FONT), size)


def initials(text: str, limit: int = 4) -> str:
    """An acronym as it is, or the first letters of a name's significant words."""
    text = text.strip()
    if text and " " not in text and text == text.upper() and len(text) <= 8:
        return text
    small = {"of", "for", "the", "and", "on", "in", "de", "la", "du"}
    letters = [
        word[0] for word in text.replace("-", " ").split() if word.lower() not in small
    ]
    return "".join(letters[:limit]).upper() or "?"


def logo_png(*, text: str, seed: str) -> bytes:
    """A square PNG with the initials in white on a colour block."""
    rng = random.Random(seed)
    background = rng.choice(LOGO_COLOURS)
    image = Image.new("RGB", (LOGO_SIZE, LOGO_SIZE), background)
    draw = ImageDraw.Draw(image)
    # A light arc in a corner keeps the block from looking like a placeholder.
    accent = tuple(min(255, channel + 45) for channel in background)
    radius = rng.randint(150, 210)
    corner = rng.choice(
        [(0, 0), (LOGO_SIZE, 0), (0, LOGO_SIZE), (LOGO_SIZE, LOGO_SIZE)]
    )
    draw.ellipse(
        (
            corner[0] - radius,
            corner[1] - radius,
            corner[0] + radius,
            corner[1] + radius,
        ),
        fill=accent,
    )
    label = initials(text)
    size = 120
    while size > 24:
        box = draw.textbbox((0, 0), label, font=_font(size))
        if box[2] - box[0] <= LOGO_SIZE * 0.78:
            break
        size -= 6
    draw.text(
        (LOGO_SIZE / 2, LOGO_SIZE / 2),
        label,
        font=_font(size),
        fill=(255, 255, 255),
        anchor="mm",
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _gradient(size: tuple[int, int], top: tuple, bottom: tuple) -> Image.Image:
    """A vertical gradient: a 1x256 strip scaled to the size (fast, no numpy)."""
    strip = Image.new("RGB", (1, 256))
    strip.putdata(
        [
            tuple(
                round(a + (b - a) * step / 255)
                for a, b in zip(top, bottom, strict=True)
            )
            for step in range(256)
        ]
    )
    return strip.resize(size, Image.Resampling.BILINEAR)


def _soft_shape(image: Image.Image, colour: tuple, alpha: int, draw_shape) -> None:
    """Paint a shape in a colour through a blurred mask: soft edges, no dark fringe."""
    mask = Image.new("L", image.size, 0)
    draw_shape(ImageDraw.Draw(mask), alpha)
    image.paste(colour, (0, 0), mask.filter(ImageFilter.BoxBlur(3)))


def photo_jpeg(*, seed: str) -> bytes:
    """A 1200x800 abstract picture: a gradient sky, soft discs and rolling hills."""
    rng = random.Random(seed)
    top, bottom = rng.sample(PALETTE, 2)
    # Lighten the top colour so that most pictures read as "daylight".
    top = tuple(round(channel + (255 - channel) * 0.5) for channel in top)
    image = _gradient(_DRAW_SIZE, top, bottom)
    width, height = _DRAW_SIZE

    for _ in range(rng.randint(3, 6)):
        radius = rng.randint(24, 104)
        x, y = rng.randint(0, width), rng.randint(0, int(height * 0.6))
        _soft_shape(
            image,
            rng.choice(PALETTE),
            rng.randint(60, 130),
            lambda draw, alpha, x=x, y=y, r=radius: draw.ellipse(
                (x - r, y - r, x + r, y + r), fill=alpha
            ),
        )

    # Overlapping hills along the bottom, each a sum of two slow waves.
    for band in range(rng.randint(2, 3)):
        base = height * (0.6 + 0.13 * band)
        waves = [
            (rng.uniform(6, 21), rng.uniform(0.005, 0.015), rng.uniform(0, 6.3))
            for _ in range(2)
        ]
        points = [(0, height)]
        for x in range(0, width + 8, 8):
            offset = sum(a * math.sin(f * x + p) for a, f, p in waves)
            points.append((x, base + offset))
        points.append((width, height))
        _soft_shape(
            image,
            rng.choice(PALETTE),
            185 + 30 * band,
            lambda draw, alpha, points=points: draw.polygon(points, fill=alpha),
        )

    image = image.resize(PHOTO_SIZE, Image.Resampling.BILINEAR)
    buffer = io.BytesIO()
    # Progressive JPEG: a useful preview early on a slow link, and smaller here.
    image.save(buffer, format="JPEG", quality=80, progressive=True)
    return buffer.getvalue()
