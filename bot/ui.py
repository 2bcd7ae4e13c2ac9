"""The web chat (Gradio): streams answers, shows each answer's numbered citations with quotes and
links, offers example questions in English and Chinese, and shows what the index holds.
It only renders what `Bot` returns."""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import Any

import gradio as gr

from bot.core import Bot
from bot.errors import BotError
from bot.schema import Answer

EXAMPLES = [
    "How many LLMs and AI applications were approved in the January 2024 batch?",
    "When did the Interim Measures for generative AI services take effect?",
    "Which companies were in the first batch approved on 31 August 2023?",
    "截至2025年3月底，共有多少款生成式人工智能服务完成备案？",
    "备案和登记有什么区别？",
]

CSS = """
.citations { font-size: 0.92em; border-top: 1px solid var(--border-color-primary);
             margin-top: .6em; padding-top: .4em; }
.citations blockquote { margin: .2em 0 .6em 0 !important; padding-left: .6em;
                        border-left: 3px solid var(--color-accent); }
#index-status { opacity: .8; font-size: .9em; }
"""


def render_answer(answer: Answer) -> str:
    """The answer and its sources as HTML; every piece of document or user text is escaped."""
    parts = [html.escape(answer.answer)]
    if answer.citations:
        label = (
            "最相关的来源"
            if answer.abstained and answer.language == "zh"
            else ("来源" if answer.language == "zh" else ("Nearest sources" if answer.abstained else "Sources"))
        )
        items = []
        for c in answer.citations:
            title = html.escape(c.title)
            link = (
                f'<a href="{html.escape(c.url, quote=True)}" target="_blank" rel="noopener">{title}</a>'
                if c.url
                else title
            )
            items.append(
                f'<div class="citation"><b>[{c.n}]</b> {link} <code>{html.escape(c.source)}</code>'
                f"<blockquote>{html.escape(c.quote)}</blockquote></div>"
            )
        parts.append(f'<div class="citations"><b>{label}</b>{"".join(items)}</div>')
    return "\n".join(parts)


def index_status(bot: Bot) -> str:
    stats = bot.stats()
    if not stats.chunks:
        return "Index: empty. Run `python -m bot ingest`."
    languages = ", ".join(f"{n} {lang}" for lang, n in sorted(stats.languages.items()))
    return (
        f"Index: {stats.documents} documents ({languages}), {stats.chunks} passages, as of {stats.as_of or 'unknown'}."
    )


def build_ui(bot: Bot) -> gr.Blocks:
    def respond(message: str, history: list[dict[str, Any]]) -> Iterator[tuple[str, list[dict[str, Any]]]]:
        earlier = [{"role": m["role"], "content": _plain(m["content"])} for m in history]
        history = [*history, {"role": "user", "content": html.escape(message)}, {"role": "assistant", "content": ""}]
        text = ""
        try:
            for piece in bot.stream(message, earlier):
                if isinstance(piece, Answer):
                    history[-1]["content"] = render_answer(piece)
                else:
                    text += piece
                    history[-1]["content"] = html.escape(text)
                yield "", history
        except BotError as error:
            raise gr.Error(str(error)) from error

    with gr.Blocks(title="Approvals Q&A") as demo:
        gr.Markdown(
            "## Approvals Q&A\nAsk about China's filings and approvals of large language models and "
            "generative AI services. Every answer quotes its sources. 可以用中文提问。"
        )
        gr.Markdown(index_status(bot), elem_id="index-status")
        chatbot = gr.Chatbot(label="Chat", height=520, elem_id="chat", sanitize_html=True, render_markdown=True)
        with gr.Row():
            box = gr.Textbox(placeholder="Ask a question… / 输入问题…", show_label=False, scale=8, elem_id="question")
            send = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
        gr.Examples(EXAMPLES, inputs=box, label="Examples / 示例")
        box.submit(respond, [box, chatbot], [box, chatbot], api_name="chat")
        send.click(respond, [box, chatbot], [box, chatbot], api_name="chat_button")
    return demo


def _plain(content: Any) -> str:
    """Earlier turns as plain text (the first line of a rendered answer, tags dropped)."""
    text = content if isinstance(content, str) else str(content)
    return html.unescape(text.split("\n", 1)[0])
