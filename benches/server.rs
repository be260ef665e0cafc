//! The language server's re-check after an edit, with divan:
//!
//! ```sh
//! cargo bench --bench server
//! ```
//!
//! A ~10 KB article (the minsk-talks fixture's paragraphs repeated) is open
//! in `galley server`, over an in-memory connection. Each iteration sends a
//! `didChange` with the whole text (one word changed, as full sync does) and
//! a `hover`, which makes the server check the pending edit at once instead
//! of waiting out the debounce; it ends when the hover's answer is back, so
//! it times the check, the conversion to LSP diagnostics and both messages'
//! JSON. The budget is under 10 ms.

use std::thread;

use divan::Bencher;
use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::json;

fn main() {
    divan::main();
}

fn article() -> String {
    let fixture = include_str!("../fixtures/articles/minsk-talks.txt");
    let mut text = fixture.to_owned();
    while text.len() < 10 * 1024 {
        text.push_str("\n\n");
        text.push_str(fixture.split_once("\n\n").map_or(fixture, |(_, body)| body));
    }
    text
}

#[divan::bench(sample_count = 200)]
fn recheck_10kb_article_after_an_edit(bencher: Bencher) {
    let (server, client) = Connection::memory();
    let handle = thread::spawn(move || galley::server::serve(&server));
    let send = |m: Message| client.sender.send(m).unwrap();
    send(
        Request::new(
            RequestId::from(1),
            "initialize".into(),
            json!({"capabilities": {}}),
        )
        .into(),
    );
    let _ = client.receiver.recv();
    send(Notification::new("initialized".into(), json!({})).into());
    let uri = "file:///tmp/galley-bench/article.txt";
    let text = article();
    assert!(text.len() >= 10 * 1024);
    send(Notification::new(
        "textDocument/didOpen".into(),
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}),
    )
    .into());
    let mut version = 1;
    let mut id = 1;
    bencher.bench_local(|| {
        version += 1;
        id += 1;
        let edited = if version % 2 == 0 { text.replacen("Minsk", "Minsk,", 1) } else { text.clone() };
        send(Notification::new(
            "textDocument/didChange".into(),
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": edited}]}),
        )
        .into());
        send(Request::new(
            RequestId::from(id),
            "textDocument/hover".into(),
            json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}),
        )
        .into());
        // Diagnostics and log lines come first; the hover's answer ends the round.
        loop {
            match client.receiver.recv() {
                Ok(Message::Response(r)) if r.id == RequestId::from(id) => break,
                Ok(_) => {}
                Err(_) => panic!("the server stopped"),
            }
        }
    });
    send(Request::new(RequestId::from(0), "shutdown".into(), json!(null)).into());
    let _ = client.receiver.recv();
    send(Notification::new("exit".into(), json!(null)).into());
    let _ = handle.join();
}
