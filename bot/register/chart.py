"""Charts of register rows, drawn with matplotlib as PNG: rows per list with the running total (growth
over time), or rows per province (top N). The chart is drawn on request from the same rows as the count,
so it never disagrees with the answer. Grouping is `bot.register.answer`; this only draws."""

from __future__ import annotations

import io
import warnings
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from bot.register.places import english_province
from bot.text import Language

TOP_PROVINCES = 15


@lru_cache(maxsize=1)
def _cjk_font() -> str | None:
    """A font that has Chinese glyphs (Debian's fonts-noto-cjk), when installed."""
    from matplotlib import font_manager

    names = sorted({font.name for font in font_manager.fontManager.ttflist if "CJK" in font.name})
    preferred = [name for name in names if "Sans" in name and "SC" in name] + [n for n in names if "Sans" in n]
    return (preferred or names or [None])[0]


def draw_chart(groups: Sequence[dict[str, Any]], group_by: str, title: str, language: Language) -> bytes:
    """A PNG: bars per list with the cumulative line (group_by "period"), or bars per province."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    font = _cjk_font()
    style = {"font.family": [font, "DejaVu Sans"]} if font else {}
    with plt.rc_context(style), warnings.catch_warnings():
        # A title carries the filters as typed: a character no font has (a rare ideograph, a control
        # character) is drawn as a box, which is no reason to warn on every request.
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font", category=UserWarning)
        figure, axes = plt.subplots(figsize=(8, 4.2), dpi=100)
        try:
            if group_by == "province":
                top = list(groups)[:TOP_PROVINCES]
                labels = [g["key"] if language == "zh" else english_province(g["key"]) for g in top]
                axes.barh(labels[::-1], [g["total"] for g in top][::-1], color="#2a7a62")
                axes.set_xlabel("数量" if language == "zh" else "rows")
            else:
                labels = [g["key"] for g in groups]
                axes.bar(
                    labels,
                    [g["total"] for g in groups],
                    color="#2a7a62",
                    label="每期" if language == "zh" else "per list",
                )
                axes.set_ylabel("每期数量" if language == "zh" else "rows per list")
                axes.tick_params(axis="x", rotation=60, labelsize=8)
                running = axes.twinx()
                running.plot(labels, [g["cumulative"] for g in groups], color="#c0392b", marker="o", markersize=3)
                running.set_ylabel("累计" if language == "zh" else "cumulative", color="#c0392b")
            axes.set_title(title, fontsize=11)
            figure.tight_layout()
            out = io.BytesIO()
            figure.savefig(out, format="png")
            return out.getvalue()
        finally:
            plt.close(figure)
