# Career Log: `make run` opens the app, `make test` runs every test. Both install what they
# need on a fresh Debian/Ubuntu machine (apt packages, npm modules, tauri-driver).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CARGO_BIN := $(HOME)/.cargo/bin
export PATH := $(CARGO_BIN):$(PATH)

# Build and run: WebKitGTK 4.1 and the GTK stack Tauri links against.
APP_PACKAGES := build-essential pkg-config file libssl-dev libwebkit2gtk-4.1-dev \
	libayatana-appindicator3-dev librsvg2-dev libxdo-dev
# End-to-end tests: a virtual display and the WebKit WebDriver; the document checks:
# poppler's pdftotext/pdffonts, qpdf, LibreOffice to open the DOCX exports, unzip to read
# a DOCX's paragraphs in the end-to-end test.
TEST_PACKAGES := xvfb webkit2gtk-driver poppler-utils qpdf libreoffice-writer-nogui unzip
TAURI_DRIVER_VERSION := 2.1.0

.PHONY: screenshots help run build bundle test lint test-core test-ui test-e2e ui deps-app deps-test deps-ui bindings clean

help:
	@echo "make run     build the UI and open Career Log on the default journal"
	@echo "make test    run every test: lints, core, UI, end-to-end in the real window"
	@echo "make build   release binaries in target/release/: careerlog and careerlog-desktop"
	@echo "make bundle  a .deb package with both binaries, through the Tauri CLI"

# `careerlog` with no subcommand starts `careerlog-desktop` beside it: build both.
run: deps-app ui
	cargo build --bin careerlog --bin careerlog-desktop
	target/debug/careerlog

build: deps-app ui
	cargo build --release --bin careerlog --bin careerlog-desktop
	@ls -l target/release/careerlog target/release/careerlog-desktop

# The Tauri CLI builds the window binary and the UI; the .deb also carries `careerlog`.
bundle: deps-app deps-ui
	cargo build --release --bin careerlog
	ui/node_modules/.bin/tauri build --bundles deb
	@ls target/release/bundle/deb/*.deb

test: deps-app deps-test ui lint test-ui
	cargo test --workspace --all-targets --no-fail-fast
	tests/bundle-check
	tests/documents-check

lint: deps-ui
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	npm --prefix ui run check

test-ui: deps-ui
	npm --prefix ui test

test-core:
	cargo test -p careerlog-core

test-e2e: deps-app deps-test ui
	cargo build -p careerlog-cli
	cargo test -p careerlog --test e2e

# Saves every section in both themes to target/screenshots/ (CAREERLOG_DB picks the journal).
screenshots: deps-app deps-test ui
	cargo test --test e2e shell::capture_screenshots -- --ignored

# Rewrites ui/src/lib/bindings.ts from the Rust types.
bindings:
	UPDATE_BINDINGS=1 cargo test -p careerlog-core bindings
	UPDATE_BINDINGS=1 cargo test -p careerlog --bin careerlog-desktop command_names

ui: deps-ui
	npm --prefix ui run build

deps-ui: ui/node_modules/.package-lock.json

ui/node_modules/.package-lock.json: ui/package-lock.json ui/package.json
	npm --prefix ui ci --no-audit --no-fund
	@touch $@

deps-app:
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(APP_PACKAGES)"
	@command -v cargo >/dev/null || { echo "Rust is needed: install it from rustup, then run make again" >&2; exit 1; }
	@command -v npm >/dev/null || $(MAKE) --no-print-directory apt-install PACKAGES="nodejs npm"

deps-test:
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(TEST_PACKAGES)"
	@if [ "$$(tauri-driver --version 2>/dev/null || true)" != "tauri-driver $(TAURI_DRIVER_VERSION)" ]; then \
		cargo install tauri-driver --version $(TAURI_DRIVER_VERSION) --locked; \
	fi

# Installs the named Debian packages that are missing, and only those.
.PHONY: apt-install
apt-install:
	@missing=""; for p in $(PACKAGES); do \
		dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		$(SUDO) apt-get update -qq; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

clean:
	cargo clean
	rm -rf ui/dist ui/node_modules
