/* Approvals Q&A chat widget: one <script> tag adds a chat button and panel to any page.
 * It talks to the bot's API next to this file (POST api/ask/stream, POST api/feedback), streams answers and
 * shows their citations. No dependencies, no build step. Everything that comes from users or documents is
 * rendered as text (createTextNode / textContent), never as HTML. Styles live in a shadow root. */
(() => {
  "use strict";
  const script = document.currentScript;
  if (!script || !script.src) return;
  const url = (path) => new URL(path, script.src).href; // the API sits next to widget.js
  const cfg = script.dataset;
  const zh = cfg.lang === "zh";
  const L = zh
    ? {
        title: "文件问答", open: "打开问答", close: "关闭", send: "发送", ask: "请输入问题…", question: "问题",
        log: "对话", up: "有帮助", down: "没有帮助",
        comment: "评论（可选）", thanks: "感谢反馈！", fbFailed: "反馈未能发送：", clear: "新对话",
        network: "无法连接服务器，请检查网络后重试。", error: "出错了：", you: "你", bot: "回答",
        intro: "请就文件内容提问，每个回答都会引用来源。",
      }
    : {
        title: "Ask the documents", open: "Open chat", close: "Close", send: "Send", ask: "Ask a question…",
        question: "Question", log: "Conversation", up: "Helpful", down: "Not helpful", comment: "Comment (optional)",
        thanks: "Thanks for the feedback!", fbFailed: "Feedback not sent: ", clear: "New conversation",
        network: "Could not reach the server. Check the connection and try again.", error: "Error: ", you: "You",
        bot: "Answer", intro: "Ask about the documents; every answer cites its sources.",
      };
  const title = cfg.title || L.title;
  const KEY = "approvals-widget:" + url("./");
  const MAX_MESSAGES = 30; // stored and shown; sessionStorage is small and shared by the whole origin
  const MAX_STORED_CHARS = 60000;
  const HISTORY_TURNS = 10; // sent with a question; enough for follow-ups, small for the server

  // h("tag.class", {attr: value}, ...children): elements built from text only.
  function h(tag, attrs, ...kids) {
    const [name, ...cls] = tag.split(".");
    const el = document.createElement(name);
    if (cls.length) el.className = cls.join(" ");
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? "" : String(v));
    }
    for (const kid of kids) if (kid != null) el.append(typeof kid === "string" ? document.createTextNode(kid) : kid);
    return el;
  }

  // Icons as SVG paths (Material icons), so they show without an emoji font.
  const ICONS = {
    chat: "M20 2H4c-1.1 0-2 .9-2 2v18l4-4h14c1.1 0 2-.9 2-2V4c0-1.1-.9-2-2-2z",
    up: "M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 " +
      "7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z",
    x: "M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z",
  };
  function icon(name, size, flip) {
    const NS = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(NS, "svg");
    const path = document.createElementNS(NS, "path");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", size);
    svg.setAttribute("height", size);
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("fill", "currentColor");
    if (flip) svg.style.transform = "rotate(180deg)";
    path.setAttribute("d", ICONS[name]);
    svg.append(path);
    return svg;
  }

  const host = h("div", { id: "approvals-qa-widget" });
  const root = host.attachShadow({ mode: "open" });
  const accent = cfg.accent && CSS.supports("color", cfg.accent) ? cfg.accent : "#0a7";
  const side = cfg.position === "left" ? "left" : "right";
  const style = h("style");
  style.textContent = `
:host{all:initial}
*{box-sizing:border-box;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans CJK SC","PingFang SC",sans-serif}
.launch,.panel{position:fixed;${side}:20px;z-index:2147483000}
.launch{bottom:20px;width:56px;height:56px;border-radius:50%;border:0;background:var(--a);color:#fff;display:grid;
 place-items:center;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25)}
.panel{bottom:88px;width:min(380px,calc(100vw - 40px));height:min(560px,calc(100vh - 110px));display:flex;
 flex-direction:column;background:#fff;color:#1a1a1a;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.3);
 overflow:hidden;font-size:14px;line-height:1.45}
.panel[hidden]{display:none}
header{display:flex;align-items:center;gap:6px;padding:10px 12px;background:var(--a);color:#fff}
h2{flex:1;margin:0;font-size:16px}
header button{background:transparent;color:#fff;border:1px solid rgba(255,255,255,.6);border-radius:6px;cursor:pointer;
 padding:2px 8px;font-size:13px;display:grid;place-items:center;min-height:26px}
.log{flex:1;overflow-y:auto;padding:10px 12px}
.msg{margin:0 0 12px}
.who{font-weight:600;font-size:12px;color:#555}
.user .txt{background:#eef3f1;border-radius:8px;padding:6px 9px}
.txt{white-space:pre-wrap;overflow-wrap:anywhere}
.err .txt{color:#a00;background:#fdecec;border-radius:8px;padding:6px 9px}
.cites{border-top:1px solid #ddd;margin-top:6px;padding-top:4px;font-size:13px}
.cite{margin:4px 0}
.cite a{color:var(--a)}
code{font-family:ui-monospace,monospace;font-size:12px;color:#555;overflow-wrap:anywhere}
blockquote{margin:2px 0 6px;padding-left:8px;border-left:3px solid var(--a);color:#333}
.fb{display:flex;gap:4px;align-items:center;margin-top:4px;flex-wrap:wrap}
.fb input{flex:1;min-width:120px;font-size:12px;padding:3px 6px;border:1px solid #ccc;border-radius:6px}
.fb button{border:1px solid #ccc;background:#fff;color:#555;border-radius:6px;cursor:pointer;padding:3px 7px;display:grid}
.fb button[aria-pressed="true"]{border-color:var(--a);color:var(--a);background:#eef6f3}
.fb .note{font-size:12px;color:#555}
form{display:flex;gap:6px;padding:8px;border-top:1px solid #ddd}
textarea{flex:1;resize:none;font-size:14px;padding:6px 8px;border:1px solid #bbb;border-radius:8px}
form button{border:0;border-radius:8px;background:var(--a);color:#fff;padding:0 14px;cursor:pointer;font-size:14px}
button:disabled{opacity:.5;cursor:default}
:focus-visible{outline:2px solid #145;outline-offset:2px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.intro{color:#555}
.notice{font-size:12px;color:#6a4a00;background:#fff7e0;border-radius:6px;padding:3px 7px;margin:2px 0 4px}
table{border-collapse:collapse;font-size:12px;margin:6px 0;display:block;overflow-x:auto}
td,th{border:1px solid #ddd;padding:2px 5px;text-align:left;vertical-align:top}
.chart{max-width:100%;margin:6px 0}
.asked{font-size:12px;font-style:italic;color:#555;margin:2px 0}`;
  host.style.setProperty("--a", accent);

  const launch = h("button.launch", {
    type: "button", "aria-label": `${L.open}: ${title}`, "aria-expanded": "false", "aria-controls": "panel",
    onclick: () => setOpen(panel.hidden, true),
  }, icon("chat", 26));
  const log = h("div.log", { role: "log", "aria-live": "polite", "aria-label": L.log, tabindex: "0" });
  const box = h("textarea", { id: "q", rows: "2", placeholder: L.ask, "aria-label": L.question });
  const send = h("button", { type: "submit" }, L.send);
  const form = h("form", { onsubmit: (e) => { e.preventDefault(); askQuestion(); } }, box, send);
  const heading = h("h2", { id: "t" }, title);
  const panel = h("section.panel", { id: "panel", role: "dialog", "aria-labelledby": "t", hidden: true },
    h("header", {}, heading,
      h("button", { type: "button", onclick: clear }, L.clear),
      h("button", { type: "button", "aria-label": L.close, onclick: () => setOpen(false, true) }, icon("x", 16))),
    log, form);
  root.append(style, launch, panel);

  box.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); askQuestion(); }
  });
  panel.addEventListener("keydown", (e) => {
    if (e.key === "Escape") { e.stopPropagation(); setOpen(false, true); }
  });

  // State: the conversation ({role, content, answer?, error?, rating?}) and whether the panel is open.
  let state = load();
  let busy = false;

  function load() {
    try {
      const s = JSON.parse(sessionStorage.getItem(KEY) || "null");
      if (s && Array.isArray(s.messages)) return s;
    } catch (_) { /* storage blocked or corrupt: start afresh */ }
    return { open: cfg.open === "true", messages: [] };
  }
  function save() {
    let m = state.messages.slice(-MAX_MESSAGES);
    let text = JSON.stringify({ open: state.open, messages: m });
    while (text.length > MAX_STORED_CHARS && m.length > 1) {
      m = m.slice(2);
      text = JSON.stringify({ open: state.open, messages: m });
    }
    state.messages = m;
    try { sessionStorage.setItem(KEY, text); } catch (_) { /* full or blocked: keep it in memory only */ }
  }

  function setOpen(open, moveFocus) {
    panel.hidden = !open;
    launch.setAttribute("aria-expanded", String(open));
    state.open = open;
    save();
    if (!moveFocus) return;
    if (open) { box.focus(); log.scrollTop = log.scrollHeight; } else launch.focus();
  }
  function clear() {
    if (busy) return;
    state.messages = [];
    save();
    render();
    box.focus();
  }

  function sourcesOf(a) {
    // Labelled in the answer's language, as in the web chat.
    const cn = a.language === "zh";
    const label = a.abstained ? (cn ? "最相关的来源" : "Nearest sources") : cn ? "来源" : "Sources";
    return h("div.cites", {}, h("b", {}, label), ...(a.citations || []).map((c) => {
      const safe = typeof c.url === "string" && /^https?:\/\//i.test(c.url);
      const name = safe ? h("a", { href: c.url, target: "_blank", rel: "noopener noreferrer" }, c.title) : c.title;
      const checked = c.verified == null ? null
        : h("small", {}, ` (${c.verified ? (cn ? "已核对" : "verified") : cn ? "未核对" : "not verified"})`);
      return h("div.cite", {}, h("b", {}, `[${c.n}] `), name, " ", h("code", {}, c.source), checked,
        h("blockquote", {}, c.quote));
    }));
  }

  // A register answer's rows (at most 20), its chart and a link to download every row.
  function tableOf(a) {
    const t = a.register;
    const cn = a.language === "zh";
    const out = [];
    if (t.chart && t.chart.url) out.push(h("img.chart", { src: url(t.chart.url.replace(/^\//, "")), alt: t.chart.title || "" }));
    if (t.rows && t.rows.length) {
      const head = cn ? ["#", "名称", "单位", "属地", "编号", "日期"] : ["#", "Name", "Company", "Province", "Number", "Date"];
      out.push(h("table", {}, h("tr", {}, ...head.map((x) => h("th", {}, x))), ...t.rows.map((r) => h("tr", {},
        ...[`[${r.citation}]`, r.name, r.company, cn ? r.province : r.province_en || r.province, r.number, r.date || "–"]
          .map((x) => h("td", {}, String(x)))))));
    }
    if (t.download) out.push(h("a", { href: url(t.download.replace(/^\//, "")) },
      cn ? `下载全部${t.total}项（CSV）` : `Download all ${t.total} rows (CSV)`));
    return h("div.table", {}, ...out);
  }

  function feedbackRow(m, i) {
    const note = h("span.note", { role: "status" });
    const comment = h("input", { type: "text", placeholder: L.comment, "aria-label": L.comment, maxlength: "2000" });
    const thumb = (rating, label) => h("button", {
      type: "button", "aria-label": label, title: label, "aria-pressed": String(m.rating === rating),
      onclick: () => rate(m, i, rating, comment.value, row, note),
    }, icon("up", 15, rating === "down"));
    const row = h("div.fb", {}, thumb("up", L.up), thumb("down", L.down), comment, note);
    if (m.rating) done(row, note);
    return row;
  }
  function done(row, note) {
    row.querySelectorAll("button,input").forEach((el) => { el.disabled = true; });
    note.textContent = L.thanks;
  }
  async function rate(m, i, rating, comment, row, note) {
    const question = (state.messages[i - 1] || {}).content || "";
    const a = m.answer;
    note.textContent = "";
    try {
      const res = await fetch(url("api/feedback"), {
        method: "POST", headers: { "content-type": "application/json" },
        body: JSON.stringify({ question, answer: a.answer, citations: a.citations, abstained: a.abstained,
          language: a.language, rating, comment, channel: "widget" }),
      });
      if (!res.ok) throw new Error(await detailOf(res));
      m.rating = rating;
      save();
      const [up, down] = row.querySelectorAll("button");
      (rating === "up" ? up : down).setAttribute("aria-pressed", "true");
      done(row, note);
    } catch (err) {
      note.textContent = L.fbFailed + (err instanceof TypeError ? L.network : err.message);
    }
  }

  function bubble(m, i) {
    const cls = m.role === "user" ? "msg.user" : m.error ? "msg.err" : "msg.bot";
    const el = h("div." + cls, {}, h("div.who", {}, m.role === "user" ? L.you : L.bot));
    if (m.answer && m.answer.standalone_question) {
      el.append(h("div.asked", {}, (m.answer.language === "zh" ? "检索的问题：" : "Searched for: ") +
        m.answer.standalone_question));
    }
    // A notice (e.g. the LLM failed and the answer is quoted from the documents) comes before the answer, as text.
    if (m.answer && typeof m.answer.notice === "string") el.append(h("div.notice", { role: "note" }, m.answer.notice));
    el.append(h("div.txt", {}, m.content));
    if (m.answer && m.answer.register) el.append(tableOf(m.answer));
    if (m.answer) el.append(sourcesOf(m.answer), feedbackRow(m, i));
    return el;
  }
  function render() {
    log.replaceChildren(...(state.messages.length ? state.messages.map(bubble) : [h("p.intro", {}, L.intro)]));
    log.scrollTop = log.scrollHeight;
  }

  async function detailOf(res) {
    try {
      const body = await res.json();
      if (body && typeof body.detail === "string") return body.detail;
    } catch (_) { /* not JSON */ }
    return `HTTP ${res.status}`;
  }

  async function askQuestion() {
    const question = box.value.trim();
    if (!question || busy) return;
    // Earlier turns, without failed ones (an error and the question that caused it).
    const history = state.messages.filter((m, i, all) => !m.error && !(all[i + 1] || {}).error)
      .slice(-HISTORY_TURNS)
      .map((m) => ({ role: m.role, content: m.content.slice(0, 4000) }));
    busy = true;
    send.disabled = true;
    box.value = "";
    state.messages.push({ role: "user", content: question });
    const reply = { role: "assistant", content: "" };
    state.messages.push(reply);
    render();
    const live = log.lastChild.querySelector(".txt");
    log.setAttribute("aria-busy", "true"); // announce the answer once, when it is complete
    const fail = (text) => { reply.error = true; reply.content = text; };
    try {
      const res = await fetch(url("api/ask/stream"), {
        method: "POST", headers: { "content-type": "application/json", accept: "text/event-stream" },
        body: JSON.stringify({ question, history }),
      });
      if (!res.ok) fail(L.error + (await detailOf(res)));
      else await readEvents(res, (event, data) => {
        if (event === "delta") {
          reply.content += data.text || "";
          live.textContent = reply.content;
          log.scrollTop = log.scrollHeight;
        } else if (event === "citations") {
          reply.content = data.answer;
          reply.answer = data;
        } else if (event === "error") fail(L.error + (data.detail || `HTTP ${data.status}`));
      });
      if (!reply.answer && !reply.error) fail(L.network);
    } catch (err) {
      fail(err instanceof TypeError ? L.network : L.error + err.message);
    }
    busy = false;
    send.disabled = false;
    log.setAttribute("aria-busy", "false");
    save();
    render();
    box.focus();
  }

  // Server-sent events over fetch (EventSource cannot POST): blank-line separated blocks of "field: value".
  async function readEvents(res, onEvent) {
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buf = "";
    for (;;) {
      const { value, done } = await reader.read();
      buf += decoder.decode(value || new Uint8Array(), { stream: !done });
      const blocks = buf.split(/\r?\n\r?\n/);
      buf = done ? "" : blocks.pop();
      for (const block of blocks) {
        let event = "message";
        const data = [];
        for (const line of block.split(/\r?\n/)) {
          const [, field, val] = /^([^:]*):? ?(.*)$/.exec(line);
          if (field === "event") event = val;
          else if (field === "data") data.push(val);
        }
        if (!data.length) continue;
        let parsed;
        try { parsed = JSON.parse(data.join("\n")); } catch (_) { continue; }
        if (event === "end") return;
        onEvent(event, parsed);
      }
      if (done) return;
    }
  }

  function mount() {
    render();
    document.body.append(host);
    if (state.open) setOpen(true, false);
  }
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
