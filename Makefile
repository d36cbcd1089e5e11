# alicloud-ml-cdk — two commands set everything up on a fresh machine:
#   make deploy   venv + npm, synthesize the reference platform, gate it, deploy ml-dev into the offline emulator
#   make test     the whole test suite (unit, gate, emulator end-to-end with real terraform)
# Set ALICLOUD_ML_TARGET=cloud to deploy to a real Alibaba Cloud account instead of the emulator.

SHELL := /bin/bash
.ONESHELL:
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STATE_DIR := .alicloud-ml
EMULATOR_CONFIG := $(STATE_DIR)/terraform.rc
DEPLOY_STACK ?= ml-dev
ALICLOUD_ML_TARGET ?= emulator
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION := 20
export CHECKPOINT_DISABLE := 1
export CDKTF_DISABLE_PLUGIN_CACHE_ENV := 1

.PHONY: help prereqs install bindings synth deploy destroy test lint bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-9s %s\n", $$1, $$2}'

prereqs: ## Check python >= 3.11, node >= 20, terraform >= 1.5
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null \
	  || { echo "prerequisite missing: python >= 3.11 (set PYTHON=/path/to/python3.11)"; exit 1; }
	@command -v node >/dev/null && node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' \
	  || { echo "prerequisite missing: node >= 20 (https://nodejs.org)"; exit 1; }
	@command -v terraform >/dev/null && terraform version -json | $(PYTHON) -c 'import json,sys; v=json.load(sys.stdin)["terraform_version"].split("."); sys.exit(0 if (int(v[0]), int(v[1])) >= (1, 5) else 1)' \
	  || { echo "prerequisite missing: terraform >= 1.5 (or OpenTofu) on PATH"; exit 1; }

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev,cdktn]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: prereqs $(VENV)/.installed node_modules/.installed ## Create .venv and install Python and npm dependencies (idempotent)

bindings: $(VENV)/.installed ## Regenerate alicloud_ml/provider/ from the pinned schema
	$(PY) -m alicloud_ml.codegen

$(EMULATOR_CONFIG): $(VENV)/.installed
	$(VENV)/bin/alicloud-ml emulator install --dir $(STATE_DIR)

synth: install ## Synthesize every environment into cdktf.out/ and run the policy gate
	ALICLOUD_ML_BACKEND=$(if $(filter cloud,$(ALICLOUD_ML_TARGET)),oss,local) $(PY) main.py

# cdktf deploy/destroy target: the emulator (its CLI config + local state) unless ALICLOUD_ML_TARGET=cloud.
ifeq ($(ALICLOUD_ML_TARGET),cloud)
CDKTF_TARGET_ENV := ALICLOUD_ML_BACKEND=oss
CDKTF_TARGET_PREREQ :=
else
CDKTF_TARGET_ENV := TF_CLI_CONFIG_FILE=$(abspath $(EMULATOR_CONFIG)) ALICLOUD_ML_BACKEND=local
CDKTF_TARGET_PREREQ := $(EMULATOR_CONFIG)
endif

deploy: install ## Synthesize, gate and deploy $(DEPLOY_STACK) (offline emulator unless ALICLOUD_ML_TARGET=cloud)
destroy: install ## Destroy $(DEPLOY_STACK) (in the emulator unless ALICLOUD_ML_TARGET=cloud)
deploy destroy: $(CDKTF_TARGET_PREREQ)
	$(CDKTF_TARGET_ENV) npx cdktf $@ $(DEPLOY_STACK) --auto-approve --skip-provider-lock

test: install ## Run the whole test suite (real terraform, checkov and jsii; no network)
	$(PY) -m pytest -n 2 -q

lint: install ## ruff and the generated-bindings drift check
	$(VENV)/bin/ruff check .
	$(PY) -m alicloud_ml.codegen --check

bench: install ## Print the benchmark tables (synth, gate, review, emulator)
	for b in benchmarks/*.py; do echo "== $$b"; $(PY) $$b; done

clean: ## Remove build outputs and the emulator state (keeps .venv and node_modules)
	rm -rf cdktf.out .alicloud-ml terraform.*.tfstate*
