"""The web chat (Gradio): streams answers, shows each answer's numbered citations with quotes and
links, offers example questions in English and Chinese, shows what the index holds, records thumbs
up/down (with an optional comment) in the feedback store, and shows the snippet that embeds the widget.
It only renders what `Bot` returns."""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import gradio as gr

from bot.core import Bot
from bot.errors import BotError, FeedbackUnavailable
from bot.examples import EXAMPLES
from bot.register.words import KIND_WORDS
from bot.schema import Answer
from bot.widget import embed_snippet

if TYPE_CHECKING:
    from bot.feedback import FeedbackStore

# Shown when the page's own address is unknown; the reader replaces it with the bot's address.
PLACEHOLDER_BASE_URL = "https://YOUR-BOT-HOST"

Answers = dict[int, dict[str, Any]]  # chat message index -> {"question": str, "answer": Answer.to_dict()}


CSS = """
.citations { font-size: 0.92em; border-top: 1px solid var(--border-color-primary);
             margin-top: .6em; padding-top: .4em; }
.citations blockquote { margin: .2em 0 .6em 0 !important; padding-left: .6em;
                        border-left: 3px solid var(--color-accent); }
#index-status { opacity: .8; font-size: .9em; }
.answer-notice { font-size: .9em; opacity: .85; margin: 0 0 .4em 0; }
.register-table { border-collapse: collapse; font-size: .88em; margin: .5em 0; }
.register-table th, .register-table td { border: 1px solid var(--border-color-primary); padding: .2em .45em;
                                         text-align: left; vertical-align: top; }
.register-chart { max-width: 100%; margin: .5em 0; }
.standalone { opacity: .75; font-size: .9em; margin-bottom: .3em; }
"""

TABLE_HEADERS = {
    "en": ("#", "Name", "Company", "Province", "Number", "Date", "Kind"),
    "zh": ("#", "名称", "单位", "属地", "编号", "日期", "类型"),
}


def render_table(answer: Answer) -> str:
    """A register answer's rows as an HTML table (escaped), its chart, and a link to download every row."""
    table = answer.register
    if table is None:
        return ""
    parts = []
    if table.chart and table.chart.get("url"):
        alt = html.escape(str(table.chart.get("title", "chart")), quote=True)
        parts.append(f'<img class="register-chart" src="{html.escape(table.chart["url"], quote=True)}" alt="{alt}">')
    if table.rows:
        language = answer.language
        head = "".join(f"<th>{html.escape(h)}</th>" for h in TABLE_HEADERS[language])
        body = []
        for row in table.rows:
            kind = KIND_WORDS[language].get(f"{row['series']}:{row['kind']}", row["kind"])
            province = row["province"] if language == "zh" else row.get("province_en") or row["province"]
            cells = [f"[{row['citation']}]", row["name"], row["company"], province, row["number"], row["date"], kind]
            body.append("<tr>" + "".join(f"<td>{html.escape(str(c or '–'))}</td>" for c in cells) + "</tr>")
        parts.append(f'<table class="register-table"><tr>{head}</tr>{"".join(body)}</table>')
    if table.download:
        label = (
            f"下载全部{table.total}项（CSV）" if answer.language == "zh" else f"Download all {table.total} rows (CSV)"
        )
        parts.append(f'<a href="{html.escape(table.download, quote=True)}" class="register-download">{label}</a>')
    return "\n".join(parts)


def render_answer(answer: Answer) -> str:
    """The answer and its sources as HTML; every piece of document or user text is escaped."""
    parts = []
    if answer.standalone_question:
        label = "检索的问题" if answer.language == "zh" else "Searched for"
        parts.append(f'<div class="standalone"><i>{label}: {html.escape(answer.standalone_question)}</i></div>')
    if answer.notice:
        parts.append(f'<p class="answer-notice"><em>{html.escape(answer.notice)}</em></p>')
    parts.append(html.escape(answer.answer))
    if answer.register is not None:
        parts.append(render_table(answer))
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
            checked = ""
            if c.verified is not None:
                words = ("已核对", "未核对") if answer.language == "zh" else ("verified", "not verified")
                checked = f" <small>({words[0] if c.verified else words[1]})</small>"
            items.append(
                f'<div class="citation"><b>[{c.n}]</b> {link} <code>{html.escape(c.source)}</code>{checked}'
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


def public_base_url(request: gr.Request | None) -> str:
    """The address this page was served from, for the embed snippet; a placeholder when unknown."""
    http_request = getattr(request, "request", None)
    base_url = getattr(http_request, "base_url", None)
    return str(base_url).rstrip("/") if base_url else PLACEHOLDER_BASE_URL


def build_ui(bot: Bot, feedback: FeedbackStore | None = None) -> gr.Blocks:
    """The chat page; with a `feedback` store, answers get thumbs up/down that are recorded there."""

    def respond(
        message: str, history: list[dict[str, Any]], answers: Answers
    ) -> Iterator[tuple[str, list[dict[str, Any]], Answers]]:
        earlier = [{"role": m["role"], "content": _plain(m["content"])} for m in history]
        history = [*history, {"role": "user", "content": html.escape(message)}, {"role": "assistant", "content": ""}]
        text = ""
        try:
            for piece in bot.stream(message, earlier):
                if isinstance(piece, Answer):
                    history[-1]["content"] = render_answer(piece)
                    answers = {**answers, len(history) - 1: {"question": message, "answer": piece.to_dict()}}
                else:
                    text += piece
                    history[-1]["content"] = html.escape(text)
                yield "", history, answers
        except BotError as error:
            raise gr.Error(str(error)) from error

    def record_feedback(answers: Answers, comment: str, like: gr.LikeData) -> tuple[str, str]:
        rated = answers.get(like.index) if isinstance(like.index, int) else None
        if feedback is None or rated is None or like.liked not in (True, False):
            return comment, ""  # an answer still streaming, or a rating taken back: nothing to record
        rating = "up" if like.liked else "down"
        question, answer = rated["question"], rated["answer"]
        try:
            feedback.record(question=question, answer=answer, rating=rating, comment=comment.strip(), channel="web")
        except FeedbackUnavailable as error:
            raise gr.Error(FeedbackUnavailable.detail) from error
        return "", f"Thanks: recorded as {'helpful' if like.liked else 'not helpful'}."

    def show_snippet(request: gr.Request) -> str:
        return embed_snippet(public_base_url(request))

    with gr.Blocks(title="Approvals Q&A") as demo:
        gr.Markdown(
            "## Approvals Q&A\nAsk about China's filings and approvals of large language models and "
            "generative AI services. Every answer quotes its sources. 可以用中文提问。"
        )
        gr.Markdown(index_status(bot), elem_id="index-status")
        chatbot = gr.Chatbot(label="Chat", height=520, elem_id="chat", sanitize_html=True, render_markdown=True)
        answers = gr.State({})
        with gr.Row():
            box = gr.Textbox(placeholder="Ask a question… / 输入问题…", show_label=False, scale=8, elem_id="question")
            send = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
        gr.Examples(EXAMPLES, inputs=box, label="Examples / 示例")
        box.submit(respond, [box, chatbot, answers], [box, chatbot, answers], api_name="chat")
        send.click(respond, [box, chatbot, answers], [box, chatbot, answers], api_name="chat_button")
        chatbot.clear(lambda: {}, None, answers, api_visibility="private")
        if feedback is not None:
            with gr.Row():
                comment = gr.Textbox(
                    label="Comment (optional): type it, then rate an answer with the thumbs under it",
                    max_length=2000,
                    scale=4,
                    elem_id="feedback-comment",
                )
                thanks = gr.Markdown(elem_id="feedback-status")
            chatbot.like(record_feedback, [answers, comment], [comment, thanks], api_visibility="private")
        with gr.Accordion("Embed this bot", open=False, elem_id="embed"):
            gr.Markdown(
                "Paste this line into any web page to add a chat button that asks this bot "
                "([see it on a demo page](/widget/demo)). Pages on other sites need their origin "
                "(`https://example.org`) listed in `BOT_ALLOWED_ORIGINS`. Options: `data-title`, `data-accent`, "
                "`data-position` (right, left), `data-lang` (en, zh), `data-open` (true, false)."
            )
            snippet = gr.Code(
                embed_snippet(PLACEHOLDER_BASE_URL),
                language="html",
                interactive=False,
                wrap_lines=True,
                label="Snippet",
                elem_id="embed-snippet",
            )
        demo.load(show_snippet, None, snippet, api_visibility="private")
    return demo


def _plain(content: Any) -> str:
    """Earlier turns as plain text (the first line of a rendered answer, tags dropped)."""
    if isinstance(content, list):  # Gradio 6 hands message content in as parts: [{"type": "text", "text": ...}]
        content = "".join(part.get("text", "") for part in content if isinstance(part, dict))
    text = content if isinstance(content, str) else str(content)
    return html.unescape(text.split("\n", 1)[0])
