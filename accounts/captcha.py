"""A self-hosted arithmetic captcha, shown after repeated failed sign-ins.

The question ("7 + 5 = ?") is drawn into a PNG with Pillow, with noise lines and jittered
digits; the answer is kept in the session and is good for one check and 5 minutes.
"""

import io
import secrets
import time

from PIL import Image, ImageDraw, ImageFont

SESSION_KEY = "_accounts_captcha"
TTL_SECONDS = 300
WIDTH, HEIGHT = 150, 48


def new_challenge(session) -> str:
    """Store a new question's answer in ``session`` and return the question text."""
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    if secrets.randbelow(2) and a >= b:
        question, answer = f"{a} - {b} = ?", a - b
    else:
        question, answer = f"{a} + {b} = ?", a + b
    session[SESSION_KEY] = {"answer": answer, "expires": time.time() + TTL_SECONDS}
    return question


def check(session, value) -> bool:
    """One check per question: right or wrong, the question is used up."""
    stored = session.pop(SESSION_KEY, None)
    if not stored or stored["expires"] < time.time():
        return False
    try:
        return int(str(value).strip()) == stored["answer"]
    except (TypeError, ValueError):
        return False


def render_png(question: str) -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), (246, 248, 250))
    draw = ImageDraw.Draw(image)
    for _ in range(6):
        points = [(secrets.randbelow(WIDTH), secrets.randbelow(HEIGHT)) for _ in range(2)]
        draw.line(points, fill=(150 + secrets.randbelow(80), 150 + secrets.randbelow(80), 150 + secrets.randbelow(80)), width=1)
    font = ImageFont.load_default(size=26)
    x = 10
    for char in question:
        y = 6 + secrets.randbelow(10)
        draw.text((x, y), char, font=font, fill=(20 + secrets.randbelow(60), 40 + secrets.randbelow(60), 90 + secrets.randbelow(80)))
        x += 12 if char == " " else 17
    for _ in range(120):
        draw.point((secrets.randbelow(WIDTH), secrets.randbelow(HEIGHT)), fill=(120, 120, 120))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
