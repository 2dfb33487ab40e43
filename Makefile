# The two commands a newcomer needs: `make demo` and `make test`. Both set up .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install demo test bench bench-speed bench-ner bench-quotes bench-dates bench-figures bench-events bench-places bench-stories bench-stories-scale bench-stories-confusable bench-syndication-stress bench-newsdev fuzz bench-store bench-scale bench-serve serve clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@mkdir -p out
	@rm -f out/newsgraph.db out/newsgraph.db-wal out/newsgraph.db-shm
	$(BIN)/newsgraph analyze samples -o out/samples.jsonl --stories out/stories.json --db out/newsgraph.db
	$(BIN)/newsgraph show out/samples.jsonl --limit 3
	@echo "Analysed articles: out/samples.jsonl   Stories: out/stories.json   Database: out/newsgraph.db"
	@echo "Browse them: make serve   (then open http://127.0.0.1:8000/)"

serve: $(STAMP)
	@test -f out/newsgraph.db || $(MAKE) demo
	$(BIN)/newsgraph serve --db out/newsgraph.db

test: $(STAMP)
	$(BIN)/python -m pytest

bench: bench-speed bench-ner bench-quotes bench-dates bench-figures bench-events bench-places bench-stories bench-newsdev bench-store

bench-speed: $(STAMP)
	$(BIN)/python benchmarks/speed.py
bench-ner: $(STAMP)
	$(BIN)/python benchmarks/ner.py
bench-quotes: $(STAMP)
	$(BIN)/python benchmarks/quotes.py
bench-dates: $(STAMP)
	$(BIN)/python benchmarks/dates.py
bench-figures: $(STAMP)
	$(BIN)/python benchmarks/figures.py
bench-events: $(STAMP)
	$(BIN)/python benchmarks/events.py
bench-places: $(STAMP)
	$(BIN)/python benchmarks/places.py
bench-stories: $(STAMP)
	$(BIN)/python benchmarks/stories.py
bench-stories-scale: $(STAMP)
	$(BIN)/python benchmarks/stories_scale.py
bench-stories-confusable: $(STAMP)
	$(BIN)/python benchmarks/stories_confusable.py
bench-syndication-stress: $(STAMP)
	$(BIN)/python benchmarks/syndication_stress.py
bench-newsdev: $(STAMP)
	$(BIN)/python benchmarks/newsdev.py
bench-scale: $(STAMP)
	$(BIN)/python benchmarks/scale.py
bench-store: $(STAMP)
	$(BIN)/python benchmarks/store.py
bench-serve: $(STAMP)
	$(BIN)/python benchmarks/serve.py

fuzz: $(STAMP)
	$(BIN)/python benchmarks/fuzz.py --inputs $(or $(FUZZ_INPUTS),100000)

clean:
	rm -rf out .pytest_cache build dist src/*.egg-info
