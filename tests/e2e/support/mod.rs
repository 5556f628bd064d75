//! Drives the real `careerlog` binary in WebKitGTK: a private Xvfb display, tauri-driver and
//! WebKitWebDriver, and a WebDriver session on the app. Missing tools fail the test loudly;
//! `make test` installs them.
//!
//! A test takes its [`Turn`] first: tests of this binary run in parallel threads, but one at a
//! time gets the display, a new journal and the app on it. [`App`] holds every way the tests
//! act on the window; [`seed`] what they put in a journal first.

pub mod seed;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

/// What a session starts: `careerlog` with no subcommand, which execs the window binary
/// beside it, exactly as a user opens the app. The only place this path is named.
fn window_binary() -> std::path::PathBuf {
    cli_binary()
}

/// The binary of the command line, which seeds and reads journals headless. It sits beside
/// `careerlog-desktop`; Cargo builds it for `cargo test --workspace` (`make test`).
fn cli_binary() -> std::path::PathBuf {
    let cli =
        std::path::Path::new(env!("CARGO_BIN_EXE_careerlog-desktop")).with_file_name("careerlog");
    assert!(
        cli.is_file(),
        "{} is missing: build it with `cargo build -p careerlog-cli` (`make test` does)",
        cli.display()
    );
    cli
}

/// Variables that choose or unlock a journal: the app and the command line never see the
/// ones of the person running the tests (a passphrase there would unlock a journal by itself).
const JOURNAL_ENV: [&str; 3] = ["CAREERLOG_DB", "CAREERLOG_PASSPHRASE", "CAREERLOG_NEW_PASSPHRASE"];

/// One window session at a time: the tests share the display machinery in turn.
static WINDOW: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

const WAIT: Duration = Duration::from_secs(30);

/// How long the polling helpers wait for the page to settle.
const SETTLE: Duration = Duration::from_secs(15);

/// Runs the command line on `db` with these environment variables and none of the person's
/// own that choose or unlock a journal; fails the test unless it succeeds, returns its output.
pub fn careerlog(db: &Path, env: &[(&str, &str)], args: &[&str]) -> String {
    let mut command = Command::new(cli_binary());
    command.arg("--db").arg(db).args(args);
    for key in JOURNAL_ENV {
        command.env_remove(key);
    }
    let output = command.envs(env.iter().copied()).output().unwrap();
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// Where the capture tools save their screenshots for a person to look at.
pub fn screenshots() -> PathBuf {
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&out).unwrap();
    out
}

/// The id of an entry as the window's commands answer it.
pub fn id_of(value: &Value) -> i64 {
    value["id"].as_i64().expect("an id")
}

/// A process that is ended (SIGTERM, then waited for) when dropped.
struct Owned(Child);

impl Drop for Owned {
    fn drop(&mut self) {
        let _ = Command::new("kill").arg("-TERM").arg(self.0.id().to_string()).status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn require(tool: &str) -> PathBuf {
    let from_cargo = dirs_home().join(".cargo/bin").join(tool);
    if from_cargo.is_file() {
        return from_cargo;
    }
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths).map(|dir| dir.join(tool)).find(|p| p.is_file())
    });
    found.unwrap_or_else(|| {
        panic!(
            "end-to-end tests need `{tool}`, which is not installed; run `make test` \
             (it installs xvfb, webkit2gtk-driver and tauri-driver)"
        )
    })
}

fn dirs_home() -> PathBuf {
    PathBuf::from(std::env::var_os("HOME").unwrap_or_default())
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn wait_until(what: &str, mut ready: impl FnMut() -> bool) {
    let deadline = Instant::now() + WAIT;
    while !ready() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A private X display and a tauri-driver listening for app sessions.
struct Display {
    _xvfb: Owned,
    _driver: Owned,
    number: u32,
    port: u16,
}

impl Display {
    /// A display whose app sessions see these environment variables (tauri-driver passes
    /// its environment on to WebKitWebDriver, and that to the app it launches).
    fn start(env: &[(&str, &Path)]) -> Display {
        let xvfb = require("Xvfb");
        let tauri_driver = require("tauri-driver");
        let native_driver = require("WebKitWebDriver");
        let number = (std::process::id() % 10_000) + 200;
        let socket = PathBuf::from(format!("/tmp/.X11-unix/X{number}"));
        let xvfb = Owned(
            Command::new(xvfb)
                .args([format!(":{number}"), "-screen".into(), "0".into(), "1400x900x24".into()])
                .args(["-nolisten", "tcp"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("Xvfb could not start"),
        );
        wait_until("the Xvfb display", || socket.exists());

        let port = free_port();
        let native_port = free_port();
        let mut driver = Command::new(tauri_driver);
        driver
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .arg("--native-driver")
            .arg(native_driver);
        for key in JOURNAL_ENV {
            driver.env_remove(key);
        }
        let driver = Owned(
            driver
                .env("DISPLAY", format!(":{number}"))
                .envs(env.iter().map(|(k, v)| (*k, *v)))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("tauri-driver could not start"),
        );
        // tauri-driver listens at once, but passes sessions on to a WebKitWebDriver it has
        // only just started: a session asked for before both listen fails.
        wait_until("tauri-driver and WebKitWebDriver", || {
            [port, native_port]
                .iter()
                .all(|p| std::net::TcpStream::connect(("127.0.0.1", *p)).is_ok())
        });
        Display { _xvfb: xvfb, _driver: driver, number, port }
    }
}

/// One test's turn at the window: the display to itself until this is dropped, a new
/// journal file (not made yet) in a temporary folder, and the app launched on it.
pub struct Turn {
    display: Display,
    /// The journal file, `journal.sqlite3` in the temporary folder.
    pub db: PathBuf,
    dir: tempfile::TempDir,
    _window: tokio::sync::MutexGuard<'static, ()>,
}

impl Turn {
    /// Waits for the display to be free, then starts it. The app sessions save their
    /// exports without a dialog into [`Turn::exports`], and import [`Turn::import_file`].
    pub async fn take() -> Turn {
        Turn::take_with(|_| Vec::new()).await
    }

    /// [`Turn::take`], with more environment for the app: `env` gets the temporary folder
    /// (to put files in, such as a fake `xdg-open`) and gives the variables and values.
    pub async fn take_with(env: impl FnOnce(&Path) -> Vec<(&'static str, PathBuf)>) -> Turn {
        let window = WINDOW.lock().await;
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("journal.sqlite3");
        let exports = dir.path().join("exports");
        std::fs::create_dir_all(&exports).unwrap();
        let import = dir.path().join("import.json");
        let extra = env(dir.path());
        let mut vars: Vec<(&str, &Path)> =
            vec![("CAREERLOG_EXPORT_DIR", &exports), ("CAREERLOG_IMPORT_FILE", &import)];
        vars.extend(extra.iter().map(|(k, v)| (*k, v.as_path())));
        let display = Display::start(&vars);
        Turn { display, db, dir, _window: window }
    }

    /// A file in the temporary folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Where the app saves an export.
    pub fn exports(&self) -> PathBuf {
        self.path("exports")
    }

    /// The file the app opens when asked to import one (no dialog): write it first.
    pub fn import_file(&self) -> PathBuf {
        self.path("import.json")
    }

    /// A turn and the app open on its fresh journal: how most tests begin.
    pub async fn opened() -> (Turn, App) {
        let turn = Turn::take().await;
        let app = turn.open().await;
        (turn, app)
    }

    /// A turn and the app open on a demo journal of `projects` projects (`careerlog demo`).
    pub async fn on_demo(projects: u32) -> (Turn, App) {
        let turn = Turn::take().await;
        seed::demo(&turn.db, projects);
        let app = turn.open().await;
        (turn, app)
    }

    /// The app on this turn's journal, once the UI has loaded its first data.
    pub async fn open(&self) -> App {
        self.open_on(&self.db).await
    }

    /// The app on another journal file, once the UI has loaded its first data.
    pub async fn open_on(&self, db: &Path) -> App {
        let app = self.launch_on(db).await;
        app.ready().await;
        app
    }

    /// The app on this turn's journal, not waiting for the UI (which may show a lock or a
    /// problem screen instead).
    pub async fn launch(&self) -> App {
        self.launch_on(&self.db).await
    }

    async fn launch_on(&self, db: &Path) -> App {
        App::launch(&self.display, db).await
    }

    /// The window binary started again on this journal and display, as from a terminal.
    pub fn launch_again(&self) -> tokio::process::Command {
        let mut command = tokio::process::Command::new(window_binary());
        command.arg("--db").arg(&self.db).env("DISPLAY", format!(":{}", self.display.number));
        for key in JOURNAL_ENV {
            command.env_remove(key);
        }
        command
    }
}

/// The app in its window, driven over WebDriver.
pub struct App {
    pub client: Client,
}

impl App {
    /// The one place the app is launched (tauri-driver starts [`window_binary`]).
    async fn launch(display: &Display, db: &Path) -> App {
        let args = vec!["--db".to_string(), db.display().to_string()];
        let capabilities = json!({
            "tauri:options": { "application": window_binary(), "args": args },
            "browserName": "wry",
        });
        let client = ClientBuilder::native()
            .capabilities(capabilities.as_object().unwrap().clone())
            .connect(&format!("http://127.0.0.1:{}", display.port))
            .await
            .expect("no WebDriver session on the app");
        let app = App { client };
        app.client.set_window_size(1200, 780).await.ok();
        app
    }

    /// Waits until the UI has loaded its first data (`body[data-ready=true]`).
    pub async fn ready(&self) {
        self.wait("body[data-ready='true']").await;
    }

    /// Whether the UI has loaded its first data, now.
    pub async fn is_ready(&self) -> bool {
        self.execute("return document.body.dataset.ready ?? null", vec![]).await == json!("true")
    }

    pub async fn wait(&self, css: &str) -> Element {
        match self.client.wait().at_most(WAIT).for_element(Locator::Css(css)).await {
            Ok(element) => element,
            Err(e) => panic!("{css} did not appear: {e}\n{}", self.showing().await),
        }
    }

    /// What the window shows now, for a failure's message: the alerts and the status lines
    /// first, then the start of the page's text.
    async fn showing(&self) -> String {
        let script = r#"
            const said = [...document.querySelectorAll('[role=alert], [role=status], [aria-live]')]
              .map(e => e.innerText.trim()).filter(Boolean);
            const page = (document.querySelector('main') ?? document.body)?.innerText ?? '';
            return `alerts and status: ${JSON.stringify(said)}\npage: ${page.slice(0, 1500)}`;
        "#;
        match self.client.execute(script, vec![]).await {
            Ok(Value::String(text)) => text,
            other => format!("(the page did not say what it shows: {other:?})"),
        }
    }

    pub async fn testid(&self, id: &str) -> Element {
        self.wait(&format!("[data-testid='{id}']")).await
    }

    /// Clicks an element once it has stopped moving: a page whose cards load one after
    /// another (Settings) shifts what is below them, and a click aimed at where a button
    /// was a moment ago lands on whatever moved there.
    pub async fn click(&self, id: &str) {
        let element = self.testid(id).await;
        self.settle(&element).await;
        element.click().await.unwrap_or_else(|e| panic!("click {id}: {e}"));
    }

    /// Scrolls the element into view (if it is not) and waits until its box reads the same
    /// twice, 30 ms apart (at most about a second).
    async fn settle(&self, element: &Element) {
        let script = r#"
            const [element, done] = arguments;
            element.scrollIntoView({block: 'nearest'});
            let last = null, reads = 0;
            const read = () => {
              const r = element.getBoundingClientRect();
              const now = `${r.x} ${r.y} ${r.width} ${r.height}`;
              if (now === last || ++reads > 30) return done(true);
              last = now;
              setTimeout(read, 30);
            };
            read();
        "#;
        // An element gone meanwhile is the click's to report.
        let _ =
            self.client.execute_async(script, vec![serde_json::to_value(element).unwrap()]).await;
    }

    /// Clicks an element after scrolling it to the middle of the page: clear of sticky bars,
    /// and inside a nested scrolling box, which WebKitWebDriver does not scroll by itself.
    pub async fn click_centered(&self, id: &str) {
        let element = self.testid(id).await;
        self.execute(
            "arguments[0].scrollIntoView({block: 'center'});",
            vec![serde_json::to_value(&element).unwrap()],
        )
        .await;
        self.settle(&element).await;
        element.click().await.unwrap_or_else(|e| panic!("click {id}: {e}"));
    }

    /// Types `text` into the field with this test id, replacing what it held.
    pub async fn fill(&self, id: &str, text: &str) {
        self.testid(id).await.clear().await.unwrap();
        self.send_keys(id, text).await;
    }

    /// Types `keys` (text or a [`Key`]) into the element with this test id, after what it holds.
    pub async fn send_keys(&self, id: &str, keys: &str) {
        self.testid(id)
            .await
            .send_keys(keys)
            .await
            .unwrap_or_else(|e| panic!("type into {id}: {e}"));
    }

    /// Picks the option with `value` in a select, once the select offers it (options that
    /// follow the data, such as a filter's tags, may render a moment after the select).
    pub async fn choose(&self, id: &str, value: &str) {
        self.wait(&format!("[data-testid='{id}'] option[value='{value}']")).await;
        self.testid(id)
            .await
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("choose {value} in {id}: {e}"));
    }

    /// Presses keys as a chord: all down in order, then all up in reverse.
    pub async fn chord(&self, keys: &[char]) {
        let mut actions = KeyActions::new("keyboard".into());
        for key in keys {
            actions = actions.then(KeyAction::Down { value: *key });
        }
        for key in keys.iter().rev() {
            actions = actions.then(KeyAction::Up { value: *key });
        }
        self.client.perform_actions(actions).await.unwrap();
    }

    /// Presses and releases one key in the window, as a person would.
    pub async fn press(&self, key: Key) {
        self.chord(&[key.into()]).await;
    }

    pub async fn text(&self, id: &str) -> String {
        self.testid(id).await.text().await.unwrap()
    }

    /// The text of an element once it contains `expected`, or whatever it shows after a wait
    /// (WebKit reports no text for an element inserted a moment ago, before its layout).
    pub async fn text_with(&self, id: &str, expected: &str) -> String {
        let deadline = Instant::now() + SETTLE;
        loop {
            let text = self.text(id).await;
            if text.contains(expected) || Instant::now() > deadline {
                return text;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until the element's text satisfies `ok`, and returns it.
    pub async fn text_until(&self, id: &str, ok: impl Fn(&str) -> bool) -> String {
        let mut last = String::new();
        for _ in 0..100 {
            last = self.text(id).await;
            if ok(&last) {
                return last;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("{id} never read as expected; last: {last:?}");
    }

    /// How many elements have this test id now. A list re-rendering while it is read can hand
    /// back an element already gone (a stale reference): it is read again.
    pub async fn count(&self, id: &str) -> usize {
        let css = format!("[data-testid='{id}']");
        let mut tries = 0;
        loop {
            match self.client.find_all(Locator::Css(&css)).await {
                Ok(found) => return found.len(),
                Err(e) if tries < 20 && e.to_string().to_lowercase().contains("stale") => {
                    tries += 1;
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                Err(e) => panic!("counting {id}: {e}"),
            }
        }
    }

    /// Waits until no element has this test id.
    pub async fn gone(&self, id: &str) {
        let deadline = Instant::now() + SETTLE;
        while self.count(id).await > 0 {
            assert!(Instant::now() < deadline, "{id} is still shown");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Runs a script in the page; its answer.
    pub async fn execute(&self, script: &str, args: Vec<Value>) -> Value {
        self.client.execute(script, args).await.unwrap_or_else(|e| panic!("{script}: {e}"))
    }

    /// Polls a script until it returns `true` (a page that is reloading answers nothing yet).
    pub async fn until(&self, what: &str, script: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let answer = self.client.execute(script, vec![]).await;
            if answer.is_ok_and(|a| a == json!(true)) {
                return;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Calls a Tauri command from inside the page; `Ok` with its answer or `Err` with the
    /// rejection, exactly as the UI would see them.
    pub async fn invoke(&self, command: &str, args: Value) -> Result<Value, Value> {
        let script = r#"
            const [command, args, done] = arguments;
            window.__TAURI_INTERNALS__.invoke(command, args)
              .then(value => done({ ok: value ?? null }))
              .catch(error => done({ err: error ?? null }));
        "#;
        let answer = self
            .client
            .execute_async(script, vec![json!(command), args])
            .await
            .expect("the page did not answer");
        match answer.get("ok") {
            Some(value) => Ok(value.clone()),
            None => Err(answer.get("err").cloned().unwrap_or(Value::Null)),
        }
    }

    /// Calls a Tauri command that must succeed; its answer.
    pub async fn invoke_ok(&self, command: &str, args: Value) -> Value {
        self.invoke(command, args).await.unwrap_or_else(|e| panic!("{command}: {e}"))
    }

    /// Shows the page in a theme for a moment, without saving it as the setting.
    pub async fn set_theme(&self, theme: &str) {
        self.execute("document.documentElement.dataset.theme = arguments[0]", vec![json!(theme)])
            .await;
    }

    /// Chooses a theme in Settings, as a person would (saved in the journal).
    pub async fn pick_theme(&self, theme: &str) {
        self.click("nav-settings").await;
        self.click(&format!("theme-{theme}")).await;
    }

    pub async fn screenshot(&self, path: &Path) {
        // With compositing off (the software rendering path), WebKit's snapshot for WebDriver
        // never completes while a focused text field holds a selection (the window itself
        // paints it fine): collapse it to the caret first.
        self.execute(
            "const e = document.activeElement;
             if (e && typeof e.selectionEnd === 'number' && e.selectionStart !== e.selectionEnd)
               e.setSelectionRange(e.selectionEnd, e.selectionEnd);",
            vec![],
        )
        .await;
        let png = self.client.screenshot().await.unwrap();
        std::fs::write(path, png).unwrap();
    }

    /// Saves a screenshot as `name.png` in [`screenshots`].
    pub async fn shot(&self, name: &str) {
        self.screenshot(&screenshots().join(format!("{name}.png"))).await;
    }

    pub async fn close(self) {
        self.client.close().await.ok();
    }
}
