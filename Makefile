# Entry points for a fresh machine with Python 3.11+ and make:
#   make run       - create .venv, install the project, run the main flow on raw/ into output/
#   make test      - same environment plus the test dependencies: lint, format and type checks, the fast tests
#                    (no Prefect server, no browser; about a minute on two cores after install: the tests run in
#                    parallel, the type check beside them)
#   make test-all  - everything: the fast tests (in parallel), then the flow and command-line tests (Prefect,
#                    one at a time: each starts its temporary server) and the browser test of the release
#                    page (Chromium); what CI runs
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --quiet --disable-pip-version-check

.PHONY: run test test-all accuracy clean

run: $(VENV)/.installed
	$(BIN)/evkonyv run

# The type check runs beside the fast tests (a cold mypy cache is about 25 s of one core); its report is
# printed after theirs, and either failing fails the target.
FAST_TESTS := $(BIN)/python -m pytest -n auto --maxprocesses 4 -m "not flow and not browser"
define checked_fast_tests
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@$(BIN)/mypy > $(VENV)/mypy.log 2>&1 & types=$$!; \
	$(FAST_TESTS); tests=$$?; \
	wait $$types; typed=$$?; echo "mypy:"; cat $(VENV)/mypy.log; \
	[ $$tests -eq 0 ] && [ $$typed -eq 0 ]
endef

test: $(VENV)/.installed-test
	$(checked_fast_tests)

test-all: $(VENV)/.installed-test $(VENV)/.installed-browser
	$(checked_fast_tests)
	$(BIN)/python -m pytest -m "flow or browser"

# Score the pipeline against every labelled set and rewrite docs/accuracy.md
accuracy: $(VENV)/.installed
	$(BIN)/python -m benchmarks.accuracy

$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install -c constraints.txt -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install -c constraints.txt -e '.[test]'
	touch $@

# The browser test of the release page needs Debian's Chromium.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

$(VENV)/.installed-browser: $(VENV)/.installed-test
	command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }
	touch $@

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
