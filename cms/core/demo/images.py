"""Illustrations for the demo content, drawn with Pillow at seed time.

Each illustration is a gradient with a simple geometric motif and, when a font
with Vietnamese glyphs is available, a short caption band. They are deliberately
abstract: no people (rule PII-06) and nothing that looks like a map (SOV-05).
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1200, 675

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
    "/usr/local/share/fonts/DejaVuSans-Bold.ttf",
)

Colour = tuple[int, int, int]


def hex_to_rgb(value: str) -> Colour:
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def mix(a: Colour, b: Colour, t: float) -> Colour:
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def gradient(top: Colour, bottom: Colour) -> Image.Image:
    image = Image.new("RGB", (WIDTH, HEIGHT), top)
    draw = ImageDraw.Draw(image)
    for y in range(HEIGHT):
        draw.line([(0, y), (WIDTH, y)], fill=mix(top, bottom, y / (HEIGHT - 1)))
    return image


def star_points(cx: float, cy: float, outer: float, inner: float | None = None) -> list:
    inner = inner if inner is not None else outer * 0.382
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


# Motifs. Each draws on an RGBA overlay the size of the picture.


def motif_fields(draw: ImageDraw.ImageDraw) -> None:
    horizon = int(HEIGHT * 0.48)
    draw.ellipse((880, 90, 1040, 250), fill=(255, 236, 170, 230))
    draw.rectangle((0, horizon - 18, WIDTH, horizon), fill=(70, 110, 60, 200))
    vanishing = (WIDTH * 0.55, horizon - 40)
    colours = [(214, 178, 58, 235), (120, 160, 60, 235)]
    for i in range(-8, 14):
        x0 = i * 110
        x1 = x0 + 110
        polygon = [
            (x0, HEIGHT),
            (x1, HEIGHT),
            (vanishing[0] + (x1 - vanishing[0]) * 0.08, horizon),
            (vanishing[0] + (x0 - vanishing[0]) * 0.08, horizon),
        ]
        draw.polygon(polygon, fill=colours[i % 2])
    for row in range(6):
        y = horizon + (HEIGHT - horizon) * (row / 6) ** 1.6
        draw.line([(0, y), (WIDTH, y)], fill=(90, 120, 40, 120), width=2)


def motif_flag(draw: ImageDraw.ImageDraw) -> None:
    draw.rectangle((250, 80, 262, 620), fill=(230, 230, 230, 255))
    draw.ellipse((244, 68, 268, 92), fill=(240, 200, 60, 255))
    top, height = 100, 300
    points_top = []
    points_bottom = []
    for step in range(0, 61):
        x = 262 + step * 10
        wave = 14 * math.sin(step / 60 * math.pi * 2)
        points_top.append((x, top + wave))
        points_bottom.append((x, top + height + wave))
    draw.polygon(points_top + points_bottom[::-1], fill=(218, 37, 29, 255))
    draw.polygon(star_points(562, top + height / 2, 110), fill=(255, 221, 0, 255))


def motif_investment(draw: ImageDraw.ImageDraw) -> None:
    for x in range(120, WIDTH - 80, 80):
        draw.line([(x, 120), (x, 560)], fill=(255, 255, 255, 40), width=1)
    for y in range(120, 561, 55):
        draw.line([(120, y), (WIDTH - 120, y)], fill=(255, 255, 255, 40), width=1)
    heights = [120, 170, 150, 230, 280, 260, 340, 400]
    for i, h in enumerate(heights):
        x = 170 + i * 115
        draw.rounded_rectangle((x, 560 - h, x + 70, 560), radius=8, fill=(255, 255, 255, 170))
    line = [(205 + i * 115, 540 - h - 30) for i, h in enumerate(heights)]
    draw.line(line, fill=(255, 210, 90, 255), width=7, joint="curve")
    end = line[-1]
    draw.polygon(
        [(end[0] + 28, end[1] - 26), (end[0] - 10, end[1] - 22), (end[0] + 18, end[1] + 8)],
        fill=(255, 210, 90, 255),
    )


def motif_sea(draw: ImageDraw.ImageDraw) -> None:
    draw.ellipse((900, 70, 1020, 190), fill=(255, 240, 200, 200))
    for band in range(7):
        base = 330 + band * 50
        colour = (20 + band * 10, 90 + band * 12, 150 + band * 10, 210)
        points = [(0, HEIGHT)]
        for x in range(0, WIDTH + 20, 20):
            points.append((x, base + 12 * math.sin(x / 70 + band)))
        points.append((WIDTH, HEIGHT))
        draw.polygon(points, fill=colour)
    draw.polygon([(520, 340), (600, 120), (610, 340)], fill=(250, 250, 245, 235))
    draw.polygon([(615, 330), (615, 150), (700, 330)], fill=(220, 60, 50, 220))
    draw.polygon([(480, 350), (720, 350), (690, 385), (510, 385)], fill=(90, 60, 40, 235))


def motif_pagoda(draw: ImageDraw.ImageDraw) -> None:
    cx = WIDTH // 2
    draw.rectangle((cx - 300, 430, cx + 300, 600), fill=(120, 40, 30, 220))
    for level, (width, y) in enumerate(((420, 430), (330, 320), (240, 220))):
        roof = [
            (cx - width - 40, y - 30),
            (cx - width, y),
            (cx + width, y),
            (cx + width + 40, y - 30),
            (cx + width - 60, y - 70),
            (cx - width + 60, y - 70),
        ]
        draw.polygon(roof, fill=(70, 30, 25, 235))
        if level < 2:
            draw.rectangle(
                (cx - width + 80, y - 2, cx + width - 80, y + 40), fill=(150, 60, 40, 220)
            )
    draw.ellipse((cx - 18, 110, cx + 18, 146), fill=(240, 190, 60, 255))
    for x in (cx - 380, cx - 250, cx + 250, cx + 380):
        draw.line([(x, 440), (x, 470)], fill=(60, 30, 20, 255), width=3)
        draw.ellipse((x - 22, 470, x + 22, 520), fill=(230, 60, 40, 240))


def motif_unity(draw: ImageDraw.ImageDraw) -> None:
    cx, cy, ring = WIDTH // 2, HEIGHT // 2 - 30, 190
    colours = [
        (230, 60, 50, 170),
        (250, 190, 50, 170),
        (60, 150, 90, 170),
        (50, 120, 200, 170),
        (160, 80, 170, 170),
        (240, 130, 50, 170),
        (40, 170, 170, 170),
    ]
    for i, colour in enumerate(colours):
        angle = i * 2 * math.pi / len(colours)
        x = cx + ring * math.cos(angle)
        y = cy + ring * math.sin(angle)
        draw.ellipse((x - 120, y - 120, x + 120, y + 120), outline=colour, width=18)
    draw.polygon(star_points(cx, cy, 70), fill=(255, 221, 0, 255))


def motif_teachers(draw: ImageDraw.ImageDraw) -> None:
    cx, base = WIDTH // 2 - 80, 520
    draw.polygon(
        [(cx, base), (cx - 330, base - 40), (cx - 330, 230), (cx, 270)], fill=(255, 255, 250, 240)
    )
    draw.polygon(
        [(cx, base), (cx + 330, base - 40), (cx + 330, 230), (cx, 270)], fill=(245, 245, 238, 240)
    )
    for i in range(6):
        y = 300 + i * 32
        draw.line([(cx - 290, y - 20), (cx - 40, y + 8)], fill=(150, 150, 160, 200), width=3)
        draw.line([(cx + 40, y + 8), (cx + 290, y - 20)], fill=(150, 150, 160, 200), width=3)
    fx, fy = cx + 420, 230
    draw.line([(fx, fy), (fx - 20, 520)], fill=(60, 130, 60, 255), width=8)
    for i in range(8):
        angle = i * math.pi / 4
        px, py = fx + 48 * math.cos(angle), fy + 48 * math.sin(angle)
        draw.ellipse((px - 38, py - 38, px + 38, py + 38), fill=(235, 80, 110, 230))
    draw.ellipse((fx - 30, fy - 30, fx + 30, fy + 30), fill=(255, 210, 80, 255))


def motif_rights(draw: ImageDraw.ImageDraw) -> None:
    cx, cy = WIDTH // 2, HEIGHT // 2 - 20
    for i, radius in enumerate(range(280, 40, -40)):
        alpha = 60 + i * 25
        draw.ellipse(
            (cx - radius, cy - radius, cx + radius, cy + radius),
            outline=(255, 255, 255, alpha),
            width=10,
        )
    for i in range(12):
        angle = i * math.pi / 6
        x0, y0 = cx + 310 * math.cos(angle), cy + 310 * math.sin(angle)
        x1, y1 = cx + 360 * math.cos(angle), cy + 360 * math.sin(angle)
        draw.line([(x0, y0), (x1, y1)], fill=(255, 230, 150, 200), width=8)
    draw.ellipse((cx - 34, cy - 34, cx + 34, cy + 34), fill=(255, 230, 150, 255))


def motif_christmas(draw: ImageDraw.ImageDraw) -> None:
    for i in range(1, 90):
        # A low-discrepancy sequence scatters the lights evenly and reproducibly.
        x = (i * 0.6180339887 % 1) * WIDTH
        y = (i * 0.7548776662 % 1) * 330
        draw.ellipse((x, y, x + 4, y + 4), fill=(255, 255, 230, 200))
    base = 600
    draw.rectangle((380, 330, 820, base), fill=(40, 35, 60, 245))
    for tx in (380, 700):
        draw.rectangle((tx, 230, tx + 120, base), fill=(35, 30, 55, 250))
        draw.polygon([(tx - 5, 230), (tx + 60, 60), (tx + 125, 230)], fill=(35, 30, 55, 250))
    draw.polygon([(480, 330), (600, 190), (720, 330)], fill=(40, 35, 60, 250))
    draw.ellipse((560, 360, 640, 440), fill=(250, 210, 110, 230))
    draw.polygon(
        [(555, 600), (555, 500), (600, 460), (645, 500), (645, 600)], fill=(250, 210, 110, 210)
    )
    for tx in (410, 730):
        draw.rectangle((tx + 30, 290, tx + 60, 340), fill=(250, 210, 110, 220))
    draw.polygon(star_points(1000, 150, 70, 22), fill=(255, 236, 140, 255))
    for i in range(8):
        angle = i * math.pi / 4
        draw.line(
            [
                (1000 + 80 * math.cos(angle), 150 + 80 * math.sin(angle)),
                (1000 + 120 * math.cos(angle), 150 + 120 * math.sin(angle)),
            ],
            fill=(255, 236, 140, 180),
            width=4,
        )


def motif_army(draw: ImageDraw.ImageDraw) -> None:
    cx, cy = WIDTH // 2, HEIGHT // 2 - 30
    draw.ellipse((cx - 200, cy - 200, cx + 200, cy + 200), fill=(190, 30, 30, 230))
    draw.polygon(star_points(cx, cy, 160), fill=(255, 221, 0, 255))
    for side in (-1, 1):
        for i in range(9):
            angle = math.radians(110 + i * 14) if side < 0 else math.radians(70 - i * 14)
            x = cx + 250 * math.cos(angle)
            y = cy + 250 * math.sin(angle)
            draw.ellipse((x - 26, y - 12, x + 26, y + 12), fill=(240, 200, 60, 220))


def motif_village(draw: ImageDraw.ImageDraw) -> None:
    horizon = 420
    draw.rectangle((0, horizon, WIDTH, HEIGHT), fill=(110, 160, 70, 230))
    for x in range(0, WIDTH, 60):
        draw.line(
            [(x, HEIGHT), (WIDTH / 2 + (x - WIDTH / 2) * 0.2, horizon)],
            fill=(90, 140, 60, 160),
            width=3,
        )
    for cluster in (90, 290, 860, 1060):
        for offset in range(-40, 41, 16):
            x = cluster + offset
            draw.line(
                [(x, horizon + 10), (x + offset * 0.6, 170)], fill=(40, 100, 50, 240), width=6
            )
        for dx, dy, r in (
            (-70, 190, 70),
            (0, 150, 80),
            (70, 190, 70),
            (-30, 240, 60),
            (40, 250, 60),
        ):
            draw.ellipse(
                (cluster + dx - r, dy - r, cluster + dx + r, dy + r), fill=(50, 125, 60, 170)
            )
    for hx, width in ((470, 160), (660, 200)):
        draw.rectangle((hx, horizon - 90, hx + width, horizon + 10), fill=(235, 220, 190, 245))
        draw.polygon(
            [
                (hx - 25, horizon - 90),
                (hx + width / 2, horizon - 170),
                (hx + width + 25, horizon - 90),
            ],
            fill=(170, 70, 45, 245),
        )
        draw.rectangle(
            (hx + width / 2 - 18, horizon - 50, hx + width / 2 + 18, horizon + 10),
            fill=(110, 70, 40, 245),
        )


def motif_crafts(draw: ImageDraw.ImageDraw) -> None:
    size = 60
    for row in range(0, HEIGHT // size + 1):
        for col in range(0, WIDTH // size + 1):
            x, y = col * size, row * size
            light = (225, 190, 130, 200)
            dark = (175, 130, 75, 200)
            if (row + col) % 2 == 0:
                draw.rectangle((x + 4, y + 16, x + size - 4, y + size - 16), fill=light)
                draw.rectangle((x + 16, y + 4, x + size - 16, y + size - 4), fill=dark)
            else:
                draw.rectangle((x + 16, y + 4, x + size - 16, y + size - 4), fill=dark)
                draw.rectangle((x + 4, y + 16, x + size - 4, y + size - 16), fill=light)
    draw.ellipse((WIDTH / 2 - 220, 140, WIDTH / 2 + 220, 520), fill=(120, 80, 40, 150))
    draw.ellipse(
        (WIDTH / 2 - 180, 180, WIDTH / 2 + 180, 480), outline=(250, 230, 190, 230), width=10
    )


def motif_press(draw: ImageDraw.ImageDraw) -> None:
    cx = WIDTH // 2
    draw.rounded_rectangle((cx - 70, 120, cx + 70, 360), radius=70, fill=(230, 230, 235, 245))
    for y in range(160, 330, 28):
        draw.line([(cx - 50, y), (cx + 50, y)], fill=(150, 150, 160, 255), width=4)
    draw.arc((cx - 120, 200, cx + 120, 440), start=0, end=180, fill=(230, 230, 235, 245), width=12)
    draw.rectangle((cx - 8, 440, cx + 8, 540), fill=(230, 230, 235, 245))
    draw.rounded_rectangle((cx - 110, 540, cx + 110, 570), radius=12, fill=(230, 230, 235, 245))
    for i, radius in enumerate((190, 250, 310)):
        alpha = 200 - i * 50
        draw.arc(
            (cx - radius, 240 - radius, cx + radius, 240 + radius),
            start=-40,
            end=40,
            fill=(255, 210, 90, alpha),
            width=10,
        )
        draw.arc(
            (cx - radius, 240 - radius, cx + radius, 240 + radius),
            start=140,
            end=220,
            fill=(255, 210, 90, alpha),
            width=10,
        )


def motif_verify(draw: ImageDraw.ImageDraw) -> None:
    draw.rounded_rectangle((420, 90, 700, 590), radius=36, fill=(30, 40, 60, 245))
    draw.rounded_rectangle((440, 140, 680, 530), radius=10, fill=(235, 240, 250, 255))
    for i in range(6):
        y = 170 + i * 52
        draw.rounded_rectangle(
            (465, y, 655 - (i % 3) * 40, y + 22), radius=8, fill=(180, 190, 210, 255)
        )
    draw.ellipse((640, 260, 880, 500), outline=(255, 255, 255, 255), width=22)
    draw.ellipse((662, 282, 858, 478), fill=(255, 255, 255, 70))
    draw.line([(840, 470), (960, 590)], fill=(255, 255, 255, 255), width=34)
    draw.line(
        [(700, 380), (745, 425), (825, 330)], fill=(60, 170, 90, 255), width=20, joint="curve"
    )


MOTIFS: dict[str, Callable[[ImageDraw.ImageDraw], None]] = {
    "fields": motif_fields,
    "flag": motif_flag,
    "investment": motif_investment,
    "sea": motif_sea,
    "pagoda": motif_pagoda,
    "unity": motif_unity,
    "teachers": motif_teachers,
    "rights": motif_rights,
    "christmas": motif_christmas,
    "army": motif_army,
    "village": motif_village,
    "crafts": motif_crafts,
    "press": motif_press,
    "verify": motif_verify,
}


def render(motif: str, palette: tuple[str, str]) -> bytes:
    """Draw one illustration and return it as JPEG bytes.

    The pictures carry no lettering: text inside an image cannot be read by a screen
    reader and would stay Vietnamese on the English pages.
    """
    top, bottom = (hex_to_rgb(colour) for colour in palette)
    image = gradient(top, bottom).convert("RGBA")
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    MOTIFS[motif](ImageDraw.Draw(overlay))
    image = Image.alpha_composite(image, overlay)

    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="JPEG", quality=85, optimize=True)
    return buffer.getvalue()
