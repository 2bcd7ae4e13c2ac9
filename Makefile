# Two commands on a fresh machine: `make run` serves the bot, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Where pip takes PyTorch from. Empty: PyPI, whose Linux wheel is the multi-GB CUDA build; on an ordinary
# machine use PyTorch's CPU-only index: make run TORCH_INDEX=https://download.pytorch.org/whl/cpu
TORCH_INDEX ?=
export HF_HUB_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False
export ANONYMIZED_TELEMETRY := False
export TOKENIZERS_PARALLELISM := false

.PHONY: run test install install-test browser services proxy topology lint ingest reindex eval docs screenshots clean distclean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	# torch first, pinned to the CPU build (any other version, or PyPI's default wheel, pulls a CUDA build).
	$(BIN)/pip install --quiet torch==2.13.0 $(if $(TORCH_INDEX),--index-url $(TORCH_INDEX))

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# Installs Debian packages; `apt-get update` runs only when the package lists are missing (a fresh machine, so
# once however many targets install something) or too old to install from.
APT_INSTALL = DEBIAN_FRONTEND=noninteractive sh -c 'ls /var/lib/apt/lists/*_Packages* >/dev/null 2>&1 || \
	apt-get update -qq; apt-get install -y -qq "$$@" >/dev/null || { apt-get update -qq && \
	apt-get install -y -qq "$$@" >/dev/null; }' apt-install

browser:
	@command -v chromium >/dev/null 2>&1 && fc-list | grep -qi "noto sans cjk" || $(APT_INSTALL) chromium fonts-noto-cjk

# The real Redis and PostgreSQL servers the shared-state tests start (tests/services.py).
services:
	@command -v redis-server >/dev/null 2>&1 && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || \
		$(APT_INSTALL) redis-server postgresql

# nginx, the reverse proxy of the local topology (tests check its config with `nginx -t`).
proxy:
	@command -v nginx >/dev/null 2>&1 || $(APT_INSTALL) nginx

# The replicas' topology as local processes (docs/DEPLOY.md): make topology TOPOLOGY_ARGS="--rate-limit 0"
TOPOLOGY_ARGS ?=
topology: install services proxy
	PYTHON=$(BIN)/python deploy/local.sh $(TOPOLOGY_ARGS)

run: install
	$(BIN)/python -m bot serve

ingest: install
	$(BIN)/python -m bot ingest

# The index only: the feedback store (data/feedback.sqlite3) stays.
reindex: install
	rm -rf data/chroma
	$(BIN)/python -m bot ingest

test: install-test browser services proxy
	$(BIN)/python -m pytest

# Every reported figure, one run each (docs/EVALUATION.md): the public samples and approvals_dev from ../shared,
# the project's own sets against the current index. About 40 minutes here.
SHARED ?= ../shared
EVAL_OUT ?= eval-out
EVAL = $(BIN)/python -m bot eval --quiet
eval: install
	$(BIN)/python -m bot ingest
	$(EVAL) $(SHARED)/eval/squad2_en --baseline --out $(EVAL_OUT)/squad2_en
	$(EVAL) $(SHARED)/eval/cmrc2018_zh --baseline --out $(EVAL_OUT)/cmrc2018_zh
	$(EVAL) $(SHARED)/eval/approvals_dev.jsonl --baseline --out $(EVAL_OUT)/approvals_dev
	$(EVAL) evalsets/crosslang_zh_to_en.jsonl --index-lang en --baseline --out $(EVAL_OUT)/crosslang_zh_to_en
	$(EVAL) evalsets/crosslang_en_to_zh.jsonl --index-lang zh --baseline --out $(EVAL_OUT)/crosslang_en_to_zh
	$(EVAL) tests/golden/questions.jsonl --baseline --out $(EVAL_OUT)/golden
	$(EVAL) evalsets/register.jsonl --out $(EVAL_OUT)/register
	$(EVAL) evalsets/register_heldout.jsonl --out $(EVAL_OUT)/register_heldout
	$(EVAL) evalsets/register_blind.jsonl --out $(EVAL_OUT)/register_blind
	$(EVAL) evalsets/register_blind2.jsonl --out $(EVAL_OUT)/register_blind2
	$(EVAL) evalsets/register_blind3.jsonl --out $(EVAL_OUT)/register_blind3
	$(BIN)/python evalsets/build_perturbed.py
	$(EVAL) eval-out/perturbed/squad2_en --out $(EVAL_OUT)/perturbed-squad2_en
	$(EVAL) eval-out/perturbed/cmrc2018_zh --out $(EVAL_OUT)/perturbed-cmrc2018_zh
	$(EVAL) eval-out/perturbed/approvals.jsonl --out $(EVAL_OUT)/perturbed-approvals

lint: install-test
	$(BIN)/ruff check bot tests bench deploy && $(BIN)/ruff format --check bot tests bench deploy

# The README's and docs/'s examples from a real run, and the screenshots in docs/.
docs: install-test screenshots
	$(BIN)/python tests/doc_examples.py --write

screenshots: install-test browser
	SCREENSHOTS_DIR=docs $(BIN)/python -m pytest -q \
		"tests/test_browser.py::test_english_question_gets_cited_answer_and_screenshot" \
		"tests/test_widget.py::test_widget_on_allowed_site_streams_cited_answer_keeps_it_on_reload_and_takes_feedback"

clean:
	rm -rf eval-out bench/out .pytest_cache .ruff_cache .mypy_cache
	find bot tests bench -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf data $(VENV)
