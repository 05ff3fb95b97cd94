# municipality.intranet — `make start` serves the site, `make test` checks everything.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
HOST ?= localhost
PORT ?= 8080
THREADS ?= 4
ADMIN_USER ?= admin
ADMIN_PASSWORD ?= admin
SITE_ID ?= Plone
SITE_LANGUAGE ?= el
SETUP_CONTENT ?= true
# The day the demo content's dates move to (YYYY-MM-DD); empty: today.
DEMO_TODAY ?=
SECURE_COOKIES ?=
BACKUP_DIR ?= backups
RESTORE_INSTANCE ?= instance-restored
INSTANCE_DIR ?= instance
# filestorage (default, embedded), relstorage (PostgreSQL) or zeo.
STORAGE ?= filestorage
DSN ?= host=127.0.0.1 port=5432 dbname=zodb user=zodb
ZEO_ADDRESS ?= 127.0.0.1:8100
CACHE_PROXIES ?=
CLUSTER_DIR ?= var/cluster
CLUSTER_STORAGE ?= relstorage
CLUSTER_INSTANCES ?= 2
CLUSTER_PORT ?= 8000
PYTEST_ARGS ?=
# pytest-xdist workers for `make pytest` (0: all tests in this process).
PYTEST_WORKERS ?= auto

VENV := .venv
BIN := $(VENV)/bin
# The uv release we bootstrap when none is on PATH.
UV_VERSION := 0.13.9
UV ?= $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)

# uv must never fetch a Python build from outside the package registries.
export UV_PYTHON_DOWNLOADS := never
export UV_PYTHON_PREFERENCE := only-system
export UV_PROJECT_ENVIRONMENT := $(VENV)

ZCML_FILES = $(shell find src -name '*.zcml' -o -path '*/profiles/*.xml' | sort)

.PHONY: help
help: ## Show this help
	@grep -hE '^[a-zA-Z_.-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-16s\033[0m %s\n", $$1, $$2}'

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet "uv==$(UV_VERSION)"

$(BIN)/runwsgi: uv.lock pyproject.toml | $(UV)
	$(UV) sync --locked --all-extras --python $(PYTHON)
	@touch $@

.PHONY: install
install: $(BIN)/runwsgi ## Install everything from the committed lock (uv.lock) into .venv

# axe-core, for the accessibility checks of the browser tests (package-lock.json).
node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

.PHONY: instance
instance: install ## Write the Zope instance configuration from etc/*.in
	$(BIN)/python scripts/instance.py --dir $(INSTANCE_DIR) --host $(HOST) --port $(PORT) --threads $(THREADS) \
	  --storage $(STORAGE) --dsn '$(DSN)' --zeo-address $(ZEO_ADDRESS)

.PHONY: site
site: instance ## Create the Plone site from the distribution unless it exists
	SITE_ID=$(SITE_ID) SITE_LANGUAGE=$(SITE_LANGUAGE) SETUP_CONTENT=$(SETUP_CONTENT) DEMO_TODAY=$(DEMO_TODAY) \
	ADMIN_USER=$(ADMIN_USER) ADMIN_PASSWORD='$(ADMIN_PASSWORD)' SECURE_COOKIES=$(SECURE_COOKIES) \
	CACHE_PROXIES='$(CACHE_PROXIES)' $(BIN)/zconsole run $(INSTANCE_DIR)/etc/zope.conf scripts/create_site.py

.PHONY: start
start: site ## Install, create the site if needed, serve it at http://$(HOST):$(PORT)/$(SITE_ID)
	@echo
	@echo "  Serving http://$(HOST):$(PORT)/$(SITE_ID)"
	@echo "  Log in as '$(ADMIN_USER)' with the password in ADMIN_PASSWORD$(if $(filter admin,$(ADMIN_PASSWORD)), (default 'admin': change it before going public),)."
	@echo "  Stop with Ctrl+C; data stays in $(INSTANCE_DIR)/var/."
	@echo
	$(BIN)/runwsgi $(INSTANCE_DIR)/etc/zope.ini

.PHONY: start-cluster
start-cluster: install ## PostgreSQL (or CLUSTER_STORAGE=zeo), CLUSTER_INSTANCES Zope instances, Varnish on CLUSTER_PORT
	SITE_ID=$(SITE_ID) SITE_LANGUAGE=$(SITE_LANGUAGE) SETUP_CONTENT=$(SETUP_CONTENT) DEMO_TODAY=$(DEMO_TODAY) \
	ADMIN_USER=$(ADMIN_USER) ADMIN_PASSWORD='$(ADMIN_PASSWORD)' SECURE_COOKIES=$(SECURE_COOKIES) \
	$(BIN)/python scripts/cluster.py start --dir $(CLUSTER_DIR) --storage $(CLUSTER_STORAGE) \
	  --instances $(CLUSTER_INSTANCES) --host $(HOST) --port $(CLUSTER_PORT) --threads $(THREADS)

.PHONY: migrate-to-relstorage
migrate-to-relstorage: install ## Copy INSTANCE_DIR's FileStorage and blobs into the cluster's PostgreSQL (zodbconvert)
	$(BIN)/python scripts/cluster.py migrate --from $(INSTANCE_DIR) --dir $(CLUSTER_DIR)

BENCH_SIZE ?= full
BENCH_SECONDS ?= 10
BENCH_PORT ?= 8090

.PHONY: bench
bench: install ## Benchmarks (BENCH_SIZE=full|smoke): wrk through Varnish, Zope and nginx; bench/results/
	$(BIN)/python scripts/bench.py --size $(BENCH_SIZE) --seconds $(BENCH_SECONDS) \
	  --port $(BENCH_PORT) --dir var/bench-$(BENCH_SIZE)

.PHONY: backup
backup: install ## Incremental backup of the database (repozo) and blobs into BACKUP_DIR (default backups/)
	$(BIN)/python scripts/backup.py backup --instance $(INSTANCE_DIR) --to $(BACKUP_DIR)

.PHONY: restore
restore: install ## Restore BACKUP_DIR into RESTORE_INSTANCE (a new instance folder), as of RESTORE_DATE if set
	$(BIN)/python scripts/instance.py --dir $(RESTORE_INSTANCE) --host $(HOST) --port $(PORT) --threads $(THREADS)
	$(BIN)/python scripts/backup.py restore --instance $(RESTORE_INSTANCE) --from $(BACKUP_DIR) $(if $(RESTORE_DATE),--date $(RESTORE_DATE),)

.PHONY: reminders
reminders: ## Send the day's reminders to units (for cron): via the running instance, else offline
	@if curl -fsS -o /dev/null http://$(HOST):$(PORT)/ 2>/dev/null; then \
	  curl -fsS -X POST -u '$(ADMIN_USER):$(ADMIN_PASSWORD)' -H 'X-Requested-By: make-reminders' \
	    http://$(HOST):$(PORT)/$(SITE_ID)/@@send-reminders; echo; \
	else \
	  SITE_ID=$(SITE_ID) $(BIN)/zconsole run $(INSTANCE_DIR)/etc/zope.conf scripts/send_reminders.py; \
	fi

.PHONY: anonymise-requests
anonymise-requests: ## Remove citizens' personal data past its retention (for cron): via the instance, else offline
	@if curl -fsS -o /dev/null http://$(HOST):$(PORT)/ 2>/dev/null; then \
	  curl -fsS -X POST -u '$(ADMIN_USER):$(ADMIN_PASSWORD)' -H 'X-Requested-By: make-anonymise' \
	    http://$(HOST):$(PORT)/$(SITE_ID)/@@anonymise-requests; echo; \
	else \
	  SITE_ID=$(SITE_ID) $(BIN)/zconsole run $(INSTANCE_DIR)/etc/zope.conf scripts/anonymise_requests.py; \
	fi

.PHONY: lint
lint: install ## ruff (Plone's isort profile) and zpretty on ZCML/XML
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/zpretty --check $(ZCML_FILES)

.PHONY: format
format: install ## Rewrite Python, ZCML and XML in our style
	$(BIN)/ruff format src tests scripts
	$(BIN)/ruff check --fix src tests scripts
	$(BIN)/zpretty -i $(ZCML_FILES)

.PHONY: pytest
pytest: install node_modules/axe-core/axe.min.js ## Run the pytest suite only (PYTEST_ARGS="-k name" for a part)
	@$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadfile --no-loadscope-reorder $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: that is a failure here"; fi; \
	exit $$rc

.PHONY: test
test: lint pytest ## Lint and run the whole test suite (browser tests included)

.PHONY: lock
lock: ## Re-resolve uv.lock (cut-off date in pyproject.toml) and regenerate versions.cfg
	$(UV) lock --python $(PYTHON)
	$(MAKE) versions.cfg

versions.cfg: uv.lock scripts/lock_to_versions.py
	$(PYTHON) scripts/lock_to_versions.py uv.lock > $@

.PHONY: versions-check
versions-check: ## Fail when versions.cfg (buildout pins) drifted from uv.lock
	$(PYTHON) scripts/lock_to_versions.py uv.lock | diff -u versions.cfg - \
	  || { echo "versions.cfg is out of date: run 'make versions.cfg'"; exit 1; }

BUILDOUT_PINS = $(shell grep -E '^(zc.buildout|setuptools|pip|wheel|packaging) = ' versions.cfg | sed 's/ = /==/')

.PHONY: buildout
buildout: | $(UV) ## The other install path: zc.buildout in its own venv, pinned by versions.cfg
	$(UV) build --wheel --out-dir dist
	test -x .buildout-venv/bin/buildout || { $(PYTHON) -m venv .buildout-venv && \
	  .buildout-venv/bin/pip install --quiet $(BUILDOUT_PINS); }
	.buildout-venv/bin/buildout -c buildout.cfg
	@echo "Create the site with: bin/instance run scripts/create_site.py; serve with: bin/instance fg"

.PHONY: i18n
i18n: install ## Rebuild the .pot and sync the el, tr and en .po files
	$(BIN)/i18ndude rebuild-pot --pot src/municipality/intranet/locales/municipality.intranet.pot \
	  --create municipality.intranet src/municipality/intranet
	$(BIN)/i18ndude sync --pot src/municipality/intranet/locales/municipality.intranet.pot \
	  $(foreach l,el tr en,src/municipality/intranet/locales/$(l)/LC_MESSAGES/municipality.intranet.po)

# Debian packages: the browser for the browser tests, npm for axe-core, the
# servers of the cluster (PostgreSQL, Varnish) and of the benchmark (nginx, wrk).
# Each as package:command.
SYSTEM_PACKAGES = chromium:chromium npm:npm postgresql:initdb varnish:varnishd nginx:nginx wrk:wrk
SYSTEM_PATH = $(PATH):/usr/sbin:$(subst $(eval) ,:,$(wildcard /usr/lib/postgresql/*/bin))

.PHONY: system-deps
system-deps: ## Debian packages the tests need: chromium, npm, postgresql, varnish, nginx, wrk (run as root)
	@missing="$$(for pair in $(SYSTEM_PACKAGES); do \
	  PATH='$(SYSTEM_PATH)' command -v $${pair#*:} >/dev/null || echo $${pair%%:*}; done)"; \
	if [ -z "$$missing" ]; then echo "present: $(SYSTEM_PACKAGES)"; \
	elif [ "$$(id -u)" = 0 ]; then apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	else echo "Install Debian's packages: sudo apt-get install $$missing"; exit 1; fi

.PHONY: clean
clean: ## Remove the virtualenv and build leftovers (keeps instance/ data)
	rm -rf $(VENV) .tools .buildout-venv build dist .ruff_cache .pytest_cache
