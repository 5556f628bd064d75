#!/usr/bin/env python3
"""Responsiveness in the real window, for bench/run: the release app on a large journal under
the display in $DISPLAY, driven through tauri-driver over WebDriver's HTTP (standard library
only). The figures come from the page's own probe (ui/src/lib/probe.ts): from the keydown's
`timeStamp` to the paint after the results are in the DOM, and from the click on "Load more"
to the paint after the next page of the Journal list. Results go to results.json under
`responsiveness`.

    responsiveness.py results.json APP JOURNAL DEMO_JSON [SCREENSHOT_DIR]
"""

import base64
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in bench/ from importing measure.py
sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import load, save, variant_env  # noqa: E402

# 20 keystrokes: a word letter by letter, back over its end, then a second word.
TYPED = list("latency") + ["\ue003"] * 4 + list(" rollout") + ["\ue003"]
assert len(TYPED) == 20
BACKSPACE = "\ue003"
CONTROL = "\ue009"
# A word sent in one go, as fast as the driver types.
BURST = "latency"
# Pages of the Journal list: each is scrolled to its end, then "Load more" is clicked.
PAGES = 10
# A person's pace between keystrokes, once the last one's answer is drawn.
PAUSE = 0.12
ELEMENT = "element-6066-11e4-a52e-4f735466cecc"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tool(name):
    cargo = Path.home() / ".cargo/bin" / name
    found = str(cargo) if cargo.is_file() else shutil.which(name)
    if not found:
        sys.exit(f"responsiveness needs `{name}` (make test installs it)")
    return found


class Session:
    """A WebDriver session on the app, through tauri-driver."""

    def __init__(self, port, app, db):
        # One kept-alive connection, as WebDriver clients use: a new connection for each
        # of the many polls made WebKitWebDriver reset some of them.
        self.http = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "wry",
            "tauri:options": {"application": app, "args": ["--db", db]},
        }}}
        self.id = self.call("POST", "/session", caps)["sessionId"]

    def call(self, method, path, body=None):
        data = json.dumps(body if body is not None else {}) if method == "POST" else None
        self.http.request(method, path, body=data, headers={"Content-Type": "application/json"})
        answer = self.http.getresponse()
        text = answer.read()
        if answer.status >= 400:
            sys.exit(f"WebDriver {method} {path}: {answer.status} {text.decode(errors='replace')[:2000]}")
        return json.loads(text or b"{}").get("value")

    def session(self, method, path, body=None):
        return self.call(method, f"/session/{self.id}{path}", body)

    def execute(self, script, *args):
        return self.session("POST", "/execute/sync", {"script": script, "args": list(args)})

    def execute_async(self, script, *args):
        return self.session("POST", "/execute/async", {"script": script, "args": list(args)})

    def until(self, what, script, *args, limit=60):
        deadline = time.time() + limit
        while time.time() < deadline:
            if self.execute(script, *args) is True:
                return
            time.sleep(0.02)
        sys.exit(f"timed out waiting for {what}")

    def element(self, css):
        self.until(css, "return document.querySelector(arguments[0]) !== null", css)
        found = self.session("POST", "/element", {"using": "css selector", "value": css})
        return found.get(ELEMENT) or next(iter(found.values()))

    def keys(self, element, text):
        self.session("POST", f"/element/{element}/value", {"text": text})

    def click(self, element):
        self.session("POST", f"/element/{element}/click")

    def chord(self, *keys):
        actions = [{"type": "keyDown", "value": k} for k in keys]
        actions += [{"type": "keyUp", "value": k} for k in reversed(keys)]
        self.session("POST", "/actions", {"actions": [{"type": "key", "id": "keyboard", "actions": actions}]})
        self.session("DELETE", "/actions")

    def screenshot(self, path):
        Path(path).write_bytes(base64.b64decode(self.session("GET", "/screenshot")))

    def close(self):
        try:
            self.session("DELETE", "")
        except (SystemExit, OSError, http.client.HTTPException):
            pass


# The probe's samples of one kind (the kind is the script's first argument).
SAMPLES = "(window.__careerlogProbe?.samples ?? []).filter(s => s.name === arguments[0])"

# From setting the scroll position to the paint after it (a frame, then a message).
SCROLL_TO_END = """
const done = arguments[arguments.length - 1];
const main = document.querySelector('main');
const began = performance.now();
main.scrollTop = main.scrollHeight;
requestAnimationFrame(() => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => done(performance.now() - began);
  channel.port2.postMessage(null);
});
"""


def summary(values):
    values = sorted(values)
    return {
        "median_ms": statistics.median(values),
        "p90_ms": values[min(len(values) - 1, int(round(0.9 * (len(values) - 1))))],
        "max_ms": values[-1],
    }


def main():
    results_path, app, db, demo_json = sys.argv[1:5]
    shots = Path(sys.argv[5]) if len(sys.argv) > 5 else Path(results_path).parent
    shots.mkdir(parents=True, exist_ok=True)
    port, native_port = free_port(), free_port()
    # BENCH_DRIVER_LOG keeps what tauri-driver and WebKitWebDriver say, to find a failure.
    log = open(os.environ.get("BENCH_DRIVER_LOG", os.devnull), "w")
    driver = subprocess.Popen(
        [tool("tauri-driver"), "--port", str(port), "--native-port", str(native_port),
         "--native-driver", tool("WebKitWebDriver")],
        stdout=log, stderr=log,
        start_new_session=True)
    try:
        deadline = time.time() + 30
        while True:
            try:
                for p in (port, native_port):
                    socket.create_connection(("127.0.0.1", p), timeout=1).close()
                break
            except OSError:
                if time.time() > deadline:
                    sys.exit("tauri-driver did not start")
                time.sleep(0.1)
        load_before = os.getloadavg()[0]
        began = time.perf_counter()
        s = Session(port, app, db)
        try:
            s.session("POST", "/window/rect", {"width": 1200, "height": 780})
            s.until("the first data", "return document.body.dataset.ready === 'true'", limit=120)
            opened_ms = (time.perf_counter() - began) * 1000
            figures = measure(s, shots)
        finally:
            s.close()
    finally:
        try:
            os.killpg(driver.pid, 15)
        except ProcessLookupError:
            pass
        driver.wait(timeout=10)

    results = load(results_path)
    results["responsiveness"] = {
        "env": variant_env(),
        "load_before": load_before,
        "app": app,
        "journal": json.loads(Path(demo_json).read_text()),
        "session_to_ready_ms": opened_ms,
        **figures,
    }
    save(results_path, results)


def measure(s, shots):
    # The palette, and one search before the timed ones, so its chunk and the first query's
    # statements are ready (a person's first Ctrl+K pays for them once).
    s.chord(CONTROL, "k")
    box = s.element("[data-testid='search-input']")
    s.keys(box, "x")
    s.until("the warm-up answer", f"return {SAMPLES}.length >= 1", "search")
    s.keys(box, BACKSPACE)
    s.until("the warm-up clear", f"return {SAMPLES}.length >= 2", "search")
    s.execute("window.__careerlogProbe.clear(); return true")

    typed, query = [], ""
    for i, key in enumerate(TYPED):
        query = query[:-1] if key == BACKSPACE else query + key
        typed.append(query)
        s.keys(box, key)
        s.until(f"the answer to keystroke {i + 1}", f"return {SAMPLES}.length >= {i + 1}", "search", limit=30)
        if i == 6:
            s.screenshot(shots / "responsiveness-palette.png")
        time.sleep(PAUSE)
    search = s.execute(f"return {SAMPLES}", "search")
    labels = [x["label"] for x in search]
    if labels != typed:
        sys.exit(f"the probe saw {labels}, the driver typed {typed}")
    # The same word typed at full speed, in one go: how long its last key waits for the answer.
    s.keys(box, BACKSPACE * len(query))
    s.until("the box to clear", f"return {SAMPLES}.length >= {len(TYPED) + len(query)}", "search", limit=30)
    s.execute("window.__careerlogProbe.clear(); return true")
    s.keys(box, BURST)
    s.until("the answer to the word", f"return {SAMPLES}.length >= {len(BURST)}", "search", limit=60)
    burst = s.execute(f"return {SAMPLES}", "search")
    s.chord("\ue00c")  # Escape
    s.until("the palette to close", "return !document.querySelector(\"[data-testid='search-palette']\")")

    # The Journal list: scroll to its end, then the next page, PAGES times.
    s.click(s.element("[data-testid='nav-journal']"))
    s.element("[data-testid='project-more']")
    scrolls, pages = [], []
    for i in range(PAGES):
        scrolls.append(s.execute_async(SCROLL_TO_END))
        s.click(s.element("[data-testid='project-more']"))
        s.until(f"page {i + 2}", f"return {SAMPLES}.length >= {i + 1}", "list-page", limit=30)
        pages.append(s.execute(f"return {SAMPLES}", "list-page")[-1])
    scrolls.append(s.execute_async(SCROLL_TO_END))
    s.screenshot(shots / "responsiveness-journal.png")
    shown = s.execute("return document.querySelectorAll('ul.rows > li').length")
    return {
        "search": {
            "keystrokes": len(search),
            "typed": typed,
            "samples_ms": [x["ms"] for x in search],
            **summary([x["ms"] for x in search]),
        },
        "search_burst": {
            "typed": BURST,
            "last_key_ms": burst[-1]["ms"],
            "first_key_ms": burst[0]["ms"],
        },
        "list_page": {
            "pages": len(pages),
            "rows_before": [int(x["label"]) for x in pages],
            "rows_at_end": shown,
            "samples_ms": [x["ms"] for x in pages],
            **summary([x["ms"] for x in pages]),
        },
        "scroll": {
            "samples_ms": scrolls,
            **summary(scrolls),
        },
    }


if __name__ == "__main__":
    main()
