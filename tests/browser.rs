//! The HTML report as a person sees it: headless Chromium, driven through
//! ChromeDriver (WebDriver), opens the report of the Tokyo story, and the
//! test reads what is on the screen: the highlighted quotations, the panel of
//! a selected quotation, a verdict filter, keyboard navigation.
//!
//! The test needs `chromium` and `chromedriver` (Debian's `chromium` and
//! `chromium-driver`, which `.ci/run` installs). Where they cannot be had it
//! says so and passes, unless `QUOTH_REQUIRE_BROWSER` is set, as CI sets it:
//! then a missing browser fails the test. With `QUOTH_SCREENSHOT=FILE` it also
//! writes a screenshot of the page with a quotation selected (the README's).

mod common;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;
use common::Scratch;
use serde_json::{Value, json};

const STORY: &str = "docs/examples/npr-2021-03-16-blinken-austin-tokyo.txt";
/// The W3C WebDriver key of an element reference.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

fn find_program(env: &str, names: &[&str]) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(env) {
        return Some(PathBuf::from(path));
    }
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

/// A ChromeDriver process on a free local port, stopped when dropped.
struct Driver {
    child: Child,
    base: String,
}

impl Driver {
    fn start(program: &Path) -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(program)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let driver = Driver {
            child,
            base: format!("http://127.0.0.1:{port}"),
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let ready = ureq::get(&format!("{}/status", driver.base))
                .call()
                .ok()
                .is_some_and(|r| answer(r)["ready"] == true);
            if ready {
                return driver;
            }
            assert!(
                Instant::now() < deadline,
                "chromedriver did not become ready"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A browser session: the few WebDriver commands the test needs.
struct Session {
    url: String,
}

impl Session {
    fn new(driver: &Driver, browser: &Path, profile: &Path) -> Session {
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": browser,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    "--window-size=1400,1000",
                    format!("--user-data-dir={}", profile.display()),
                ],
            },
        }}});
        let value = post(&format!("{}/session", driver.base), &capabilities);
        let id = value["sessionId"].as_str().expect("a session id");
        Session {
            url: format!("{}/session/{id}", driver.base),
        }
    }

    fn command(&self, path: &str, body: Value) -> Value {
        post(&format!("{}/{path}", self.url), &body)
    }

    fn get(&self, path: &str) -> Value {
        let response = ureq::get(&format!("{}/{path}", self.url))
            .config()
            .http_status_as_error(false)
            .build()
            .call()
            .unwrap_or_else(|e| panic!("GET {path}: {e}"));
        answer(response)
    }

    fn all(&self, css: &str) -> Vec<String> {
        let found = self.command("elements", json!({"using": "css selector", "value": css}));
        found
            .as_array()
            .expect("a list of elements")
            .iter()
            .map(|e| e[ELEMENT].as_str().unwrap().to_string())
            .collect()
    }

    fn one(&self, css: &str) -> String {
        let found = self.all(css);
        assert_eq!(found.len(), 1, "exactly one element matches {css}");
        found[0].clone()
    }

    fn text(&self, element: &str) -> String {
        self.get(&format!("element/{element}/text"))
            .as_str()
            .unwrap()
            .to_string()
    }

    fn attribute(&self, element: &str, name: &str) -> String {
        self.get(&format!("element/{element}/attribute/{name}"))
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    fn displayed(&self, element: &str) -> bool {
        self.get(&format!("element/{element}/displayed")) == true
    }

    fn click(&self, element: &str) {
        self.command(&format!("element/{element}/click"), json!({}));
    }

    fn press(&self, key: &str) {
        self.command(
            "actions",
            json!({"actions": [{"type": "key", "id": "keyboard", "actions": [
                {"type": "keyDown", "value": key}, {"type": "keyUp", "value": key},
            ]}]}),
        );
    }

    /// The text of the quotations highlighted in the story with the given verdict.
    fn highlighted(&self, verdict: &str) -> Vec<String> {
        self.all(&format!(".story a.q[data-verdict={verdict}]"))
            .iter()
            .filter(|e| self.displayed(e))
            .map(|e| self.text(e))
            .collect()
    }

    fn background(&self, element: &str) -> String {
        self.get(&format!("element/{element}/css/background-color"))
            .as_str()
            .unwrap()
            .to_string()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = ureq::delete(&self.url).call();
    }
}

fn post(url: &str, body: &Value) -> Value {
    let response = ureq::post(url)
        .config()
        .http_status_as_error(false)
        .build()
        .header("Content-Type", "application/json")
        .send(body.to_string())
        .unwrap_or_else(|e| panic!("POST {url}: {e}"));
    answer(response)
}

/// The `value` of a WebDriver answer; an error answer fails the test with its message.
fn answer(mut response: ureq::http::Response<ureq::Body>) -> Value {
    let status = response.status();
    let body = response.body_mut().read_to_string().unwrap_or_default();
    let json: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
    assert!(status.is_success(), "WebDriver answered {status}: {body}");
    json["value"].clone()
}

#[test]
fn the_report_of_the_tokyo_story_in_a_browser() {
    let browser = find_program(
        "QUOTH_CHROMIUM",
        &["chromium", "chromium-browser", "google-chrome"],
    );
    let driver = find_program("QUOTH_CHROMEDRIVER", &["chromedriver"]);
    let (Some(browser), Some(driver)) = (browser, driver) else {
        assert!(
            std::env::var_os("QUOTH_REQUIRE_BROWSER").is_none(),
            "QUOTH_REQUIRE_BROWSER is set, but chromium or chromedriver is missing"
        );
        eprintln!("SKIPPED: the browser test needs chromium and chromedriver on PATH");
        return;
    };

    let scratch = Scratch::new("browser");
    let output = Command::new(env!("CARGO_BIN_EXE_quoth"))
        .args(["check", STORY, "--format", "html"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let report = scratch.write("report.html", &output.stdout);

    let driver = Driver::start(&driver);
    let session = Session::new(&driver, &browser, &scratch.path().join("profile"));
    session.command("url", json!({"url": format!("file://{report}")}));

    // The quotations stand out in the story, each with its verdict and speaker.
    assert_eq!(
        session.highlighted("verbatim"),
        [
            "through the full range of its capabilities, including nuclear. ✓ verbatim · Antony Blinken",
            "China's behavior, where inconsistent with the existing international order, presents political, economic, military, and technological challenges to the Alliance and to the international community. ✓ verbatim · joint statement",
            "committed to opposing coercion and destabilizing behavior toward others in the region, which undermines the rules-based international system. ✓ verbatim · joint statement",
        ]
    );
    let kim = session.one(".story a.q[data-verdict=not-found]");
    assert!(
        session
            .text(&kim)
            .starts_with("keep it from getting a good night's sleep")
    );
    assert!(session.text(&kim).ends_with("? not found · Kim Yo Jong"));
    let plain = session.background(&session.all(".story p")[0]);
    for quote in session.all(".story a.q") {
        assert_ne!(
            session.background(&quote),
            plain,
            "a quotation is highlighted"
        );
    }

    // Selecting a quotation shows its statement, source and verdict in the panel.
    let panel = session.one("#panel");
    assert!(session.text(&panel).contains("Select a quotation"));
    session.click(&kim);
    let shown = session.text(&panel);
    for expected in [
        "? not found · Kim Yo Jong",
        "Closest statement kyj-02 · Kim Yo Jong",
        "Said:",
        "The speaker is in the corpus, but nothing there matches.",
    ] {
        assert!(
            shown.contains(expected),
            "the panel shows {expected:?}:\n{shown}"
        );
    }
    assert_eq!(session.attribute(&kim, "class"), "q selected");

    // The keyboard moves between quotations: k to the one before, j to the
    // next, from the last back to the first.
    session.press("k");
    let shown = session.text(&panel);
    assert!(
        shown.contains("committed to opposing coercion"),
        "k went back one:\n{shown}"
    );
    session.press("j");
    session.press("j");
    let shown = session.text(&panel);
    assert!(
        shown.starts_with("✓ verbatim · Antony Blinken"),
        "j wrapped around:\n{shown}"
    );
    let selected = session.one(".story a.q.selected");
    assert!(
        session
            .text(&selected)
            .starts_with("through the full range")
    );

    // Unticking a verdict hides its highlights and findings; the others stay.
    let verbatim_filter = session.one("#filters label[data-verdict=verbatim]");
    session.click(&verbatim_filter);
    assert_eq!(
        session.highlighted("verbatim").len(),
        3,
        "the words stay in the story"
    );
    for quote in session.all(".story a.q[data-verdict=verbatim]") {
        assert_eq!(
            session.background(&quote),
            plain,
            "an unticked verdict is not highlighted"
        );
        assert!(
            !session.text(&quote).contains("verbatim"),
            "its badge is hidden"
        );
    }
    for finding in session.all(".finding[data-verdict=verbatim]") {
        assert!(!session.displayed(&finding));
    }
    assert!(session.displayed(&session.one(".finding[data-verdict=not-found]")));
    assert_ne!(session.background(&kim), plain);
    session.click(&verbatim_filter);

    if let Some(path) = std::env::var_os("QUOTH_SCREENSHOT") {
        session.command("window/rect", json!({"width": 1280, "height": 1400}));
        session.click(&session.all(".story a.q")[0]);
        session.command(
            "execute/sync",
            json!({"script": "window.scrollTo(0, 0)", "args": []}),
        );
        let png = session.get("screenshot");
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(png.as_str().unwrap())
            .unwrap();
        std::fs::write(path, bytes).unwrap();
    }
}
