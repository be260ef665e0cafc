//! `galley server` driven over standard input and output with JSON-RPC, as
//! an editor does: initialize, didOpen, the diagnostics it publishes (UTF-16
//! columns after non-ASCII text), a code action applied, didChange, hover,
//! a config change picked up, shutdown and exit.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

use serde_json::{json, Value};

struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    /// Messages read while waiting for another one.
    backlog: Vec<Value>,
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_galley"))
            .arg("server")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("galley server starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = 0usize;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        len = v.parse().unwrap();
                    }
                }
                let mut body = vec![0; len];
                if r.read_exact(&mut body).is_err() {
                    return;
                }
                if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming,
            backlog: Vec::new(),
        }
    }

    fn send(&mut self, v: Value) {
        let body = v.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn request(&mut self, id: i64, method: &str, params: Value) -> Value {
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let m = self.wait(|m| m["id"] == id && m.get("method").is_none());
        m["result"].clone()
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn wait(&mut self, want: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&want) {
            return self.backlog.remove(i);
        }
        loop {
            let m = self
                .incoming
                .recv_timeout(Duration::from_secs(20))
                .expect("the server answers within 20 s");
            if want(&m) {
                return m;
            }
            self.backlog.push(m);
        }
    }

    /// The next diagnostics published for `uri` at `version`.
    fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let m = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        m["params"]["diagnostics"].as_array().unwrap().clone()
    }
}

fn utf16_len(s: &str) -> u64 {
    s.encode_utf16().count() as u64
}

/// Applies LSP text edits (UTF-16 positions) to `text`.
fn apply_edits(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| -> usize {
        let line = p["line"].as_u64().unwrap() as usize;
        let col = p["character"].as_u64().unwrap();
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= col || c == '\n' {
                return start + i;
            }
            units += c.len_utf16() as u64;
        }
        text.len()
    };
    let mut edits: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_owned();
    for (a, b, t) in edits {
        out.replace_range(a..b, &t);
    }
    out
}

const ARTICLE: &str = "Lukashenko met the delegation in Minsk\n\nMinsk (, - « Café 𝔸 » Belarussia will expand exports, President Lukashenko said.\n";

#[test]
fn an_editor_session_over_stdio() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let root = url(dir.path());
    let path = dir.path().join("article.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    let uri = url(&path);
    let mut c = Client::start();
    let init = c.request(
        1,
        "initialize",
        json!({"processId": null, "rootUri": root, "workspaceFolders": [{"uri": root, "name": "ws"}],
               "capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}}),
    );
    assert_eq!(init["serverInfo"]["name"], "galley");
    assert_eq!(init["capabilities"]["hoverProvider"], true);
    c.notify("initialized", json!({}));
    // It asks to watch config and rule files.
    let reg = c.wait(|m| m["method"] == "client/registerCapability");
    assert_eq!(
        reg["params"]["registrations"][0]["method"],
        "workspace/didChangeWatchedFiles"
    );
    c.send(json!({"jsonrpc": "2.0", "id": reg["id"], "result": null}));

    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": ARTICLE}}));
    let ds = c.diagnostics(&uri, 1);
    let find = |ds: &[Value], rule: &str| ds.iter().find(|d| d["code"] == rule).cloned();
    let missp = find(&ds, "names/known-misspelling").expect("Belarussia is reported");
    // UTF-16 column: « é and the surrogate pair 𝔸 before it count 1, 1 and 2 units.
    let line = ARTICLE.lines().nth(2).unwrap();
    let col = utf16_len(&line[..line.find("Belarussia").unwrap()]);
    assert_eq!(
        missp["range"]["start"],
        json!({"line": 2, "character": col})
    );
    assert_eq!(
        missp["range"]["end"]["character"],
        col + utf16_len("Belarussia")
    );
    assert_eq!(missp["source"], "galley");
    assert!(missp["codeDescription"]["href"]
        .as_str()
        .unwrap()
        .starts_with("https://"));
    assert!(find(&ds, "markers/broken-attribution").is_some());
    assert_eq!(missp["severity"], 2);

    // Code actions on the misspelling: its safe fix, preferred; a suppression; accept the spelling.
    let actions = c.request(2, "textDocument/codeAction", json!({"textDocument": {"uri": uri}, "range": missp["range"], "context": {"diagnostics": [missp]}}));
    let actions = actions.as_array().unwrap();
    let titles: Vec<&str> = actions
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    let fix = actions
        .iter()
        .find(|a| a["isPreferred"] == true)
        .unwrap_or_else(|| panic!("no preferred fix among {titles:?}"));
    assert!(
        fix["title"].as_str().unwrap().contains("Belarus"),
        "{titles:?}"
    );
    assert!(
        titles
            .iter()
            .any(|t| t.starts_with("Suppress names/known-misspelling")),
        "{titles:?}"
    );
    assert!(
        titles
            .iter()
            .any(|t| t.starts_with("Accept the spelling 'Belarussia'")),
        "{titles:?}"
    );
    assert!(
        titles.iter().any(|t| t.starts_with("Fix all")),
        "{titles:?}"
    );
    let edits = fix["edit"]["changes"][uri.as_str()].as_array().unwrap();
    let fixed = apply_edits(ARTICLE, edits);
    assert!(fixed.contains("« Café 𝔸 » Belarus will"), "{fixed}");

    // The edit goes back as a change; the re-check (after the debounce) drops the finding.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    let ds = c.diagnostics(&uri, 2);
    assert!(find(&ds, "names/known-misspelling").is_none());
    let broken = find(&ds, "markers/broken-attribution").expect("the broken marker remains");

    // Hover over a finding explains the rule.
    let hover = c.request(
        3,
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": broken["range"]["start"]}),
    );
    let md = hover["contents"]["value"].as_str().unwrap();
    assert!(
        md.contains("markers/broken-attribution") && md.contains("Why it matters"),
        "{md}"
    );

    // A galley.toml that turns the category off, announced as a watched file change: reloaded.
    std::fs::write(
        dir.path().join("galley.toml"),
        "[severity]\n\"markers\" = \"off\"\n",
    )
    .unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": url(&dir.path().join("galley.toml")), "type": 1}]}),
    );
    let ds = c.diagnostics(&uri, 2);
    assert!(find(&ds, "markers/broken-attribution").is_none(), "{ds:?}");

    let shut = c.request(4, "shutdown", json!(null));
    assert!(shut.is_null());
    c.notify("exit", json!(null));
    let status = c.child.wait().unwrap();
    assert!(status.success());
}

#[test]
fn accepting_a_spelling_silences_it_through_galley_toml() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::write(
        dir.path().join("galley.toml"),
        "language = \"en\"\n\n[severity]\n\"typography\" = \"off\"\n",
    )
    .unwrap();
    let path = dir.path().join("a.txt");
    let text = "Minsk talks\n\nBelarussia will expand exports.\n";
    let uri = url(&path);
    let root = url(dir.path());
    let mut c = Client::start();
    c.request(1, "initialize", json!({"processId": null, "workspaceFolders": [{"uri": root, "name": "ws"}], "capabilities": {}}));
    c.notify("initialized", json!({}));
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}));
    let ds = c.diagnostics(&uri, 1);
    let d = ds
        .iter()
        .find(|d| d["code"] == "names/known-misspelling")
        .unwrap()
        .clone();
    let actions = c.request(
        2,
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}}),
    );
    let accept = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("Accept"))
        .unwrap()
        .clone();
    let config_uri = url(&dir.path().join("galley.toml"));
    let edits = accept["edit"]["changes"][config_uri.as_str()]
        .as_array()
        .unwrap();
    let config = apply_edits(
        &std::fs::read_to_string(dir.path().join("galley.toml")).unwrap(),
        edits,
    );
    assert!(
        config.contains("accept = [\"Belarussia\"]\n[severity]"),
        "{config}"
    );
    std::fs::write(dir.path().join("galley.toml"), config).unwrap();
    // The client saves galley.toml: the server reloads it.
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": config_uri}}),
    );
    let ds = c.diagnostics(&uri, 1);
    assert!(
        ds.iter().all(|d| d["code"] != "names/known-misspelling"),
        "{ds:?}"
    );
    c.request(3, "shutdown", json!(null));
    c.notify("exit", json!(null));
    assert!(c.child.wait().unwrap().success());
}

fn url(p: &std::path::Path) -> String {
    format!("file://{}", p.display())
}
