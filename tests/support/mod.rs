//! Drives the real `careerlog` binary in WebKitGTK: a private Xvfb display, tauri-driver and
//! WebKitWebDriver, and a WebDriver session on the app. Missing tools fail the test loudly;
//! `make test` installs them.

#![allow(dead_code)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

/// One window session at a time: tests in a file share the display machinery in turn.
pub static WINDOW: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

const WAIT: Duration = Duration::from_secs(30);

/// A process that is ended (SIGTERM, then waited for) when dropped.
struct Owned(Child);

impl Drop for Owned {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.0.id().to_string())
            .status();
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
        std::env::split_paths(&paths)
            .map(|dir| dir.join(tool))
            .find(|p| p.is_file())
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
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn wait_until(what: &str, mut ready: impl FnMut() -> bool) {
    let deadline = Instant::now() + WAIT;
    while !ready() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A private X display and a tauri-driver listening for one app session.
pub struct Display {
    _xvfb: Owned,
    _driver: Owned,
    pub number: u32,
    pub port: u16,
}

impl Display {
    pub fn start() -> Display {
        Display::start_with_env(&[])
    }

    /// A display whose app sessions see these environment variables (tauri-driver passes
    /// its environment on to WebKitWebDriver, and that to the app it launches).
    pub fn start_with_env(env: &[(&str, &Path)]) -> Display {
        let xvfb = require("Xvfb");
        let tauri_driver = require("tauri-driver");
        let native_driver = require("WebKitWebDriver");
        let number = (std::process::id() % 10_000) + 200;
        let socket = PathBuf::from(format!("/tmp/.X11-unix/X{number}"));
        let xvfb = Owned(
            Command::new(xvfb)
                .args([
                    format!(":{number}"),
                    "-screen".into(),
                    "0".into(),
                    "1400x900x24".into(),
                ])
                .args(["-nolisten", "tcp"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("Xvfb could not start"),
        );
        wait_until("the Xvfb display", || socket.exists());

        let port = free_port();
        let native_port = free_port();
        let driver = Owned(
            Command::new(tauri_driver)
                .args([
                    "--port",
                    &port.to_string(),
                    "--native-port",
                    &native_port.to_string(),
                ])
                .arg("--native-driver")
                .arg(native_driver)
                .env("DISPLAY", format!(":{number}"))
                .envs(env.iter().map(|(k, v)| (*k, *v)))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("tauri-driver could not start"),
        );
        wait_until("tauri-driver", || {
            std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
        });
        Display {
            _xvfb: xvfb,
            _driver: driver,
            number,
            port,
        }
    }
}

/// The app in its window, on the journal file `db`, driven over WebDriver.
pub struct App {
    pub client: Client,
}

impl App {
    pub async fn launch(display: &Display, db: &Path, extra_args: &[&str]) -> App {
        let mut args = vec!["--db".to_string(), db.display().to_string()];
        args.extend(extra_args.iter().map(|a| a.to_string()));
        let capabilities = json!({
            "tauri:options": { "application": env!("CARGO_BIN_EXE_careerlog"), "args": args },
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

    pub async fn wait(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} did not appear: {e}"))
    }

    pub async fn testid(&self, id: &str) -> Element {
        self.wait(&format!("[data-testid='{id}']")).await
    }

    pub async fn click(&self, id: &str) {
        self.testid(id)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {id}: {e}"));
    }

    pub async fn text(&self, id: &str) -> String {
        self.testid(id).await.text().await.unwrap()
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

    pub async fn screenshot(&self, path: &Path) {
        let png = self.client.screenshot().await.unwrap();
        std::fs::write(path, png).unwrap();
    }

    pub async fn close(self) {
        self.client.close().await.ok();
    }
}
