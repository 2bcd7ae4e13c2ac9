"""The embeddable chat widget: a dependency-free `widget.js` and a demo page, served by `bot.widget.routes`,
and `embed_snippet`, the line that puts the widget on a page. The widget only talks to the HTTP API
(`/api/ask/stream`, `/api/feedback`); it holds no bot logic."""

from __future__ import annotations

import html


def embed_snippet(base_url: str) -> str:
    """The one line a site owner pastes into a page to add the chat widget served from `base_url`."""
    src = html.escape(base_url.rstrip("/") + "/widget.js", quote=True)
    return (
        f'<script src="{src}" data-title="Ask about AI approvals" data-accent="#0a7" '
        'data-position="right" data-lang="en" defer></script>'
    )
