# alicloud-ml-cdk — two commands set everything up on a fresh machine:
#   make deploy   venv + npm, synthesize the reference platform, gate it, deploy ml-dev into the offline emulator
#   make test     the whole test suite (unit, gate, emulator end-to-end with real terraform)
# Knobs (the same names in the Makefile `alicloud-ml init --app` writes):
#   ALICLOUD_ML_TARGET=cloud   deploy to a real Alibaba Cloud account instead of the emulator (default: emulator)
#   ALICLOUD_ML_STACK=ml-prod  the stack deploy/destroy act on (default: ml-dev)
#   ALICLOUD_ML_CDK=cdktn      CDK Terrain, the maintained fork, instead of cdktf (default: cdktf)

SHELL := /bin/bash
.ONESHELL:
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STATE_DIR := .alicloud-ml
EMULATOR_CONFIG := $(STATE_DIR)/terraform.rc
ALICLOUD_ML_STACK ?= ml-dev
ALICLOUD_ML_TARGET ?= emulator
$(if $(filter emulator cloud,$(ALICLOUD_ML_TARGET)),,$(error ALICLOUD_ML_TARGET must be emulator or cloud, not '$(ALICLOUD_ML_TARGET)'))
# Node.js 22 LTS comes from the project's own install (the pinned `node` npm package), first on PATH
# for npx, the cdktf/cdktn CLIs and jsii; the machine's Node is only used to run the first `npm ci`.
export PATH := $(CURDIR)/node_modules/.bin:$(PATH)
# Which CDK library and CLI: cdktf (default) or cdktn, the maintained fork (README "cdktf or cdktn").
ALICLOUD_ML_CDK ?= cdktf
export ALICLOUD_ML_CDK
$(if $(filter cdktf cdktn,$(ALICLOUD_ML_CDK)),,$(error ALICLOUD_ML_CDK must be cdktf or cdktn, not '$(ALICLOUD_ML_CDK)'))
export CHECKPOINT_DISABLE := 1
export CDKTF_DISABLE_PLUGIN_CACHE_ENV := 1

.PHONY: help prereqs install bindings synth deploy destroy test lint bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/$$(ALICLOUD_ML_STACK)/$(ALICLOUD_ML_STACK)/g' \
		| awk -F':.*## ' '{printf "  make %-9s %s\n", $$1, $$2}'

prereqs: ## Check python >= 3.11, node >= 20 (to run npm once), terraform >= 1.5
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null \
	  || { echo "prerequisite missing: python >= 3.11 (set PYTHON=/path/to/python3.11)"; exit 1; }
	@command -v node >/dev/null && node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' \
	  || { echo "prerequisite missing: node >= 20 (https://nodejs.org)"; exit 1; }
	@command -v terraform >/dev/null && TF_CLI_CONFIG_FILE=/dev/null terraform version -json | $(PYTHON) -c 'import json,sys; v=json.load(sys.stdin)["terraform_version"].split("."); sys.exit(0 if (int(v[0]), int(v[1])) >= (1, 5) else 1)' \
	  || { echo "prerequisite missing: terraform >= 1.5 on PATH (https://developer.hashicorp.com/terraform/install)"; exit 1; }

# The editable installs also generate the bindings (not committed) through the setup.py build hooks: the
# cdktf-cdktf-provider-alicloud package (packages/, one module per type) and the toolkit's per-service view of
# it (alicloud_ml/provider/); they are regenerated when the schema archive or the codegen changes.
BINDINGS_PACKAGE := packages/cdktf-cdktf-provider-alicloud
BINDING_SOURCES := $(wildcard alicloud_ml/schema/alicloud-*.zip alicloud_ml/codegen/*.py alicloud_ml/codegen/templates/*.jinja)
BINDINGS := alicloud_ml/provider/__init__.py
BUILD_ENV := $(VENV)/build-env

$(VENV)/.installed: pyproject.toml constraints.txt setup.py $(BINDINGS_PACKAGE)/pyproject.toml $(BINDINGS_PACKAGE)/setup.py
	@echo "==> creating $(VENV) and installing Python dependencies (pip, about a minute)"
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e $(BINDINGS_PACKAGE) -e '.[dev,cdktn,handlers,prices]'
	@echo "==> packaging environment for the wheel test ($(BUILD_ENV))"
	$(PYTHON) -m venv $(BUILD_ENV)
	$(BUILD_ENV)/bin/pip install --quiet build==1.3.0 setuptools==80.9.0 jinja2==3.1.6 packaging==25.0 pyproject_hooks==1.3.3
	touch $@

node_modules/.installed: package.json package-lock.json
	@echo "==> installing Node.js 22 and the cdktf/cdktn CLIs into node_modules (npm ci, about 30 s)"
	npm ci --no-audit --no-fund --loglevel=error
	@echo "==> node $$(node --version) from $$(command -v node)"
	touch $@

$(BINDINGS): $(VENV)/.installed $(BINDING_SOURCES)
	@echo "==> generating the bindings into $(BINDINGS_PACKAGE)/ and alicloud_ml/provider/"
	$(PY) -m alicloud_ml.codegen

.PHONY: modules
modules: $(BINDINGS) ## Regenerate the plain Terraform modules in modules/ from the constructs
	$(PY) -m alicloud_ml.hcl

install: prereqs $(VENV)/.installed $(BINDINGS) node_modules/.installed graphviz ## Create .venv, install Python and npm dependencies, generate the bindings (idempotent)
	@$(PY) -m alicloud_ml.constructs._fc_package  # the functions' python3.12 wheels, once, into the user cache
	@$(PY) -m compileall -q -j 0 alicloud_ml stacks main.py >/dev/null  # bytecode, also where PYTHONDONTWRITEBYTECODE is set

# `alicloud-ml diagram --format svg|png` and the diagram tests run Graphviz's `dot` (Debian's graphviz package).
.PHONY: graphviz
graphviz:
	@bash scripts/ensure-graphviz.sh

bindings: $(VENV)/.installed ## Regenerate the bindings package and alicloud_ml/provider/ (generated, not committed) from the schema
	$(PY) -m alicloud_ml.codegen

# The CLI config, and the lock file selecting the emulator (written last, so it stands for both).
EMULATOR_LOCK := $(STATE_DIR)/terraform.lock.hcl
$(EMULATOR_LOCK): $(VENV)/.installed
	$(VENV)/bin/alicloud-ml emulator install --dir $(STATE_DIR)

synth: install ## Synthesize every environment into cdktf.out/ and run the policy gate
	ALICLOUD_ML_BACKEND=$(if $(filter cloud,$(ALICLOUD_ML_TARGET)),oss,local) $(PY) main.py

# The emulator still needs values for the platform's sensitive variables (staging's RAG tier: its database
# password and API key). They are random per checkout, kept git-ignored in .alicloud-ml/, never used on a cloud;
# for a real account CI sets TF_VAR_rag_db_password and TF_VAR_rag_api_key from its own secret store.
EMULATOR_SECRETS := $(STATE_DIR)/emulator-secrets.env
$(EMULATOR_SECRETS):
	@mkdir -p $(STATE_DIR) && umask 077 && $(PYTHON) -c 'import secrets; [print(f"export TF_VAR_{n}={secrets.token_urlsafe(18)}") for n in ("rag_db_password", "rag_api_key")]' > $@

# cdktf deploy/destroy target: the emulator (its CLI config, lock file and local state, approved without asking)
# unless ALICLOUD_ML_TARGET=cloud (OSS state; Terraform shows the plan and asks).
ifeq ($(ALICLOUD_ML_TARGET),cloud)
CDKTF_TARGET_SETUP :=
CDKTF_TARGET_ENV := ALICLOUD_ML_BACKEND=oss
CDKTF_TARGET_FLAGS :=
CDKTF_TARGET_PREREQ :=
else
CDKTF_TARGET_SETUP := source $(EMULATOR_SECRETS) &&
CDKTF_TARGET_ENV := TF_CLI_CONFIG_FILE=$(abspath $(EMULATOR_CONFIG)) ALICLOUD_ML_TF_LOCK_FILE=$(abspath $(EMULATOR_LOCK)) ALICLOUD_ML_BACKEND=local
CDKTF_TARGET_FLAGS := --auto-approve --skip-provider-lock
CDKTF_TARGET_PREREQ := $(EMULATOR_LOCK) $(EMULATOR_SECRETS)
endif
# Output to a pipe or a file (CI, logs) gets each line once: the CLI's renderer (ink) draws only its final
# frame when CI is set, and -no-color stops Terraform, which the CLI runs in a pseudo-terminal, colouring.
PLAIN_WHEN_PIPED := if [ -t 1 ]; then plain=; else export CI=1; plain=--no-color; fi;

deploy: install ## Synthesize, gate and deploy $(ALICLOUD_ML_STACK) (offline emulator unless ALICLOUD_ML_TARGET=cloud)
destroy: install ## Destroy $(ALICLOUD_ML_STACK) (in the emulator unless ALICLOUD_ML_TARGET=cloud)
# The gated synth runs first on its own, so bad input or a policy finding is printed once, as written (the CDK
# CLI would print the app's output twice, each stderr line under an `[ERROR] default -` label); the CLI then
# deploys what it wrote (--skip-synth).
deploy destroy: $(CDKTF_TARGET_PREREQ)
	@echo "==> $(ALICLOUD_ML_CDK) $@ $(ALICLOUD_ML_STACK) ($(ALICLOUD_ML_TARGET)) on node $$(node --version)"
	$(CDKTF_TARGET_ENV) $(PY) main.py
	$(PLAIN_WHEN_PIPED) $(CDKTF_TARGET_SETUP) PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(CDKTF_TARGET_ENV) \
	  $(ALICLOUD_ML_CDK) $@ $(ALICLOUD_ML_STACK) --skip-synth $(CDKTF_TARGET_FLAGS) $$plain

# The RAG ingestion handler's tests start a real PostgreSQL with pgvector (Debian packages; pgvector is
# built from Debian's source package where the release has no binary one).
.PHONY: pgvector
pgvector:
	@bash scripts/ensure-pgvector.sh

test: install pgvector ## Run the whole test suite (real terraform, checkov, jsii and PostgreSQL; no network)
	$(PY) -m pytest -n 2 -q

lint: install ## ruff, mypy and the generated-bindings drift check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy alicloud_ml
	$(PY) -m alicloud_ml.codegen --check

bench: install ## Print the benchmark tables and every goal (synth, gate, review, emulator); fails when one misses
	missed=0; for b in benchmarks/[a-z]*.py; do echo "== $$b"; $(PY) $$b || missed=1; done; exit $$missed

.PHONY: docs
docs: $(VENV)/.installed graphviz ## Regenerate the reference pages and pictures in docs/ (rules, TOML fields, construct props, CLI, diagrams) from the code
	$(PY) -m alicloud_ml.docgen docs

.PHONY: convert-examples
convert-examples: install ## alicloud-ml convert on the docs examples of 48 services: each synthesizes and plans like its HCL
	ALICLOUD_ML_CONVERT_EXAMPLES=all $(PY) -m pytest tests/convert -q

.PHONY: fidelity
fidelity: prereqs $(VENV)/.installed ## Provider docs examples and every resource type through init..destroy in the emulator
	$(PY) -m alicloud_ml.fidelity all --json $(STATE_DIR)/fidelity.json

# The provider team's own acceptance tests, replayed against the emulator (docs/emulator.md "Acceptance tests").
# SERVICES=cs,nas selects services, SHARD=i/n one shard, JOBS=n working directories at once; results are cached
# per emulator hash in .alicloud-ml/acceptance/, so a run resumes and shards add up (`... report` merges them).
.PHONY: acceptance
acceptance: prereqs $(VENV)/.installed ## Replay the provider's acceptance tests against the emulator (SERVICES=, SHARD=i/n, JOBS=)
	$(PY) -m alicloud_ml.acceptance run $(if $(SERVICES),--services $(SERVICES)) $(if $(SHARD),--shard $(SHARD)) \
		$(if $(JOBS),--jobs $(JOBS)) --json $(STATE_DIR)/acceptance.json

clean: ## Remove build outputs, local state and the emulator state (keeps .venv, node_modules, the name suffix)
	find .alicloud-ml -mindepth 1 -maxdepth 1 ! -name name-suffix -exec rm -rf {} + 2>/dev/null || true
	rm -rf cdktf.out terraform.*.tfstate* build dist *.egg-info
