"""What text the bot refuses to take: control characters (other than tab and line breaks) and lone UTF-16
surrogates, which no reader types, which can be neither encoded nor shown, and which an attacker sends to
see what breaks. Also the same rule as a JSON Schema pattern, so the API documents what it takes.

No refusing here: the edges and `Bot.check` decide what to do with what this finds.
"""

from __future__ import annotations

import re

# C0 controls but tab, line feed and carriage return; DEL; C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")  # a JSON decoder joins a valid pair into one character
# The JSON Schema (ECMA 262) pattern of a text with neither (a JSON string holds no lone surrogate once decoded).
PRINTABLE_PATTERN = r"^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$"
# The same, with at least one character that is not white space.
PRINTABLE_NOT_BLANK_PATTERN = (
    r"^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*[^\s\u0000-\u001f\u007f-\u009f]"
    r"[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$"
)


def unprintable(text: str) -> str | None:
    """What the text holds that the bot does not take, described for the caller (e.g. "a control character
    (U+0007)"), or None."""
    if control := _CONTROL.search(text):
        return f"a control character (U+{ord(control.group()):04X})"
    if surrogate := LONE_SURROGATE.search(text):
        return f"a lone UTF-16 surrogate (U+{ord(surrogate.group()):04X}, not a character)"
    return None
