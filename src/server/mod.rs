//! `galley server`: a Language Server Protocol server over standard input
//! and output, a front end of [`crate::Linter`] like the command line.
//!
//! Built on `lsp-server` and `lsp-types` (rust-analyzer's transport, also
//! ruff's): a synchronous loop over a channel of messages. galley's checks
//! are CPU work of a few milliseconds on an article, with nothing to await,
//! so an async runtime (tower-lsp) would add a scheduler and a hundred
//! crates for no concurrency the server uses; the loop also makes the
//! debounce a plain `recv_deadline`.
//!
//! Documents are checked on save at once, and after an open or an edit once
//! the messages pause for [`DEBOUNCE`]. Each workspace folder has its own
//! configs and linters ([`workspace::Folder`]); a changed `*.toml` under it
//! (watched through the client) drops them, and open documents are checked again.

#![allow(clippy::print_stderr)]

mod actions;
mod convert;
mod position;
mod workspace;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, DidChangeTextDocumentParams,
    DidChangeWatchedFilesParams, DidChangeWatchedFilesRegistrationOptions,
    DidChangeWorkspaceFoldersParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DidSaveTextDocumentParams, FileSystemWatcher, GlobPattern, HoverProviderCapability,
    InitializeParams, PublishDiagnosticsParams, Registration, RegistrationParams, SaveOptions,
    ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Url,
};

pub use position::Positions;
use workspace::Folder;

use crate::diagnostic::Diagnostic;
use crate::document::Format;

/// How long edits must pause before the document is checked again.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// Why the server stopped other than by `shutdown` and `exit`.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("language server protocol: {0}")]
    Protocol(#[from] lsp_server::ProtocolError),
    #[error("the client's connection closed")]
    Disconnected,
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Runs the server on standard input and output until the client says `exit`.
pub fn run_stdio() -> Result<(), ServerError> {
    let (connection, io_threads) = Connection::stdio();
    serve(&connection)?;
    drop(connection);
    io_threads.join()?;
    Ok(())
}

pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, actions::fix_all_kind()]),
            ..CodeActionOptions::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    }
}

/// Serves one client over `connection`: the handshake, then the loop.
pub fn serve(connection: &Connection) -> Result<(), ServerError> {
    let caps = serde_json::to_value(capabilities()).map_err(std::io::Error::other)?;
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let result = serde_json::json!({
        "capabilities": caps,
        "serverInfo": ServerInfo { name: "galley".into(), version: Some(env!("GALLEY_VERSION").into()) },
    });
    connection.initialize_finish(id, result)?;
    let mut server = Server::new(connection, &params);
    server.watch_configs(&params);
    server.main_loop()
}

struct Document {
    text: String,
    version: i32,
    /// The findings last published, for code actions and hover.
    diagnostics: Vec<Diagnostic>,
}

struct Server<'c> {
    connection: &'c Connection,
    documents: HashMap<Url, Document>,
    folders: Vec<Folder>,
    /// Documents outside every workspace folder (and unsaved buffers).
    loose: Folder,
    /// Edited documents and when to check them.
    due: HashMap<Url, Instant>,
    /// Log lines (`window/logMessage`) for the client's LSP log, and when to send them.
    logs: Vec<(Instant, String)>,
    next_request: i32,
}

/// How long after a check its log line goes out. Diagnostics are never held
/// back for it; and a client that polls its end of the pipe before reading
/// buffered bytes (the project's contract checks do) only sees the last
/// message once more bytes follow it, which this line gives.
const LOG_AFTER: Duration = Duration::from_millis(60);

fn path_of(uri: &Url) -> Option<PathBuf> {
    (uri.scheme() == "file")
        .then(|| uri.to_file_path().ok())
        .flatten()
}

impl<'c> Server<'c> {
    fn new(connection: &'c Connection, params: &InitializeParams) -> Self {
        let mut roots: Vec<PathBuf> = params
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|f| path_of(&f.uri))
            .collect();
        #[allow(deprecated)] // Older clients send only rootUri.
        if roots.is_empty() {
            if let Some(root) = params.root_uri.as_ref().and_then(path_of) {
                roots.push(root);
            }
        }
        Server {
            connection,
            documents: HashMap::new(),
            folders: roots.into_iter().map(|r| Folder::new(Some(r))).collect(),
            loose: Folder::new(None),
            due: HashMap::new(),
            logs: Vec::new(),
            next_request: 0,
        }
    }

    /// Asks the client to tell us when a config or rule file changes, if it can.
    fn watch_configs(&mut self, params: &InitializeParams) {
        let can = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);
        if !can {
            return;
        }
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![FileSystemWatcher {
                glob_pattern: GlobPattern::String("**/*.toml".into()),
                kind: None,
            }],
        };
        let registration = Registration {
            id: "galley-configs".into(),
            method: lsp_types::notification::DidChangeWatchedFiles::METHOD.into(),
            register_options: serde_json::to_value(options).ok(),
        };
        self.next_request += 1;
        let request = Request::new(
            RequestId::from(format!("galley-{}", self.next_request)),
            lsp_types::request::RegisterCapability::METHOD.into(),
            RegistrationParams {
                registrations: vec![registration],
            },
        );
        let _ = self.connection.sender.send(request.into());
    }

    fn main_loop(&mut self) -> Result<(), ServerError> {
        loop {
            let next_due = self
                .due
                .values()
                .chain(self.logs.iter().map(|(at, _)| at))
                .min()
                .copied();
            let message = match next_due {
                Some(at) => match self.connection.receiver.recv_deadline(at) {
                    Ok(m) => Some(m),
                    Err(crossbeam_timeout) if crossbeam_timeout.is_timeout() => None,
                    Err(_) => return Err(ServerError::Disconnected),
                },
                None => Some(
                    self.connection
                        .receiver
                        .recv()
                        .map_err(|_| ServerError::Disconnected)?,
                ),
            };
            match message {
                None => self.check_due(),
                Some(Message::Request(req)) => {
                    if self.connection.handle_shutdown(&req)? {
                        return Ok(());
                    }
                    self.request(req);
                }
                Some(Message::Notification(n)) => {
                    if n.method == lsp_types::notification::Exit::METHOD {
                        return Ok(());
                    }
                    self.notification(n);
                }
                Some(Message::Response(_)) => {}
            }
        }
    }

    fn check_due(&mut self) {
        let now = Instant::now();
        let (ready, later): (Vec<_>, Vec<_>) = std::mem::take(&mut self.logs)
            .into_iter()
            .partition(|(at, _)| *at <= now);
        self.logs = later;
        for (_, message) in ready {
            self.notify::<lsp_types::notification::LogMessage>(lsp_types::LogMessageParams {
                typ: lsp_types::MessageType::LOG,
                message,
            });
        }
        let ready: Vec<Url> = self
            .due
            .iter()
            .filter(|(_, at)| **at <= now)
            .map(|(u, _)| u.clone())
            .collect();
        for uri in ready {
            self.due.remove(&uri);
            self.check(&uri);
        }
    }

    fn folder_of(&mut self, path: Option<&Path>) -> &mut Folder {
        let best = path.and_then(|p| {
            self.folders
                .iter()
                .enumerate()
                .filter(|(_, f)| f.contains(p))
                .max_by_key(|(_, f)| f.root.as_ref().map_or(0, |r| r.as_os_str().len()))
                .map(|(i, _)| i)
        });
        match best {
            Some(i) => &mut self.folders[i],
            None => &mut self.loose,
        }
    }

    /// Checks a document now and publishes what it found.
    fn check(&mut self, uri: &Url) {
        let path = path_of(uri);
        let resolved = self.folder_of(path.as_deref()).resolve(path.as_deref());
        if let Some(error) = &resolved.error {
            self.show_message(lsp_types::MessageType::ERROR, error);
        }
        let Some(doc) = self.documents.get_mut(uri) else {
            return;
        };
        let started = Instant::now();
        let hint = path.clone().unwrap_or_else(|| PathBuf::from(uri.path()));
        doc.diagnostics = match (&resolved.linter, resolved.excluded) {
            (Some(linter), false) => linter.check(&hint, &doc.text, Format::from_path(&hint)),
            _ => Vec::new(),
        };
        let positions = Positions::new(&doc.text);
        let diagnostics = match &resolved.linter {
            Some(linter) => doc
                .diagnostics
                .iter()
                .map(|d| convert::diagnostic(linter, uri, &positions, d))
                .collect(),
            None => Vec::new(),
        };
        let log = format!(
            "galley: checked {} (version {}): {} in {:.1} ms",
            uri,
            doc.version,
            match diagnostics.len() {
                1 => "1 finding".to_owned(),
                n => format!("{n} findings"),
            },
            started.elapsed().as_secs_f64() * 1000.0
        );
        let params = PublishDiagnosticsParams::new(uri.clone(), diagnostics, Some(doc.version));
        self.notify::<lsp_types::notification::PublishDiagnostics>(params);
        self.logs.push((Instant::now() + LOG_AFTER, log));
    }

    fn notify<N: lsp_types::notification::Notification>(&self, params: N::Params) {
        let _ = self
            .connection
            .sender
            .send(Notification::new(N::METHOD.into(), params).into());
    }

    fn show_message(&self, typ: lsp_types::MessageType, message: &str) {
        self.notify::<lsp_types::notification::ShowMessage>(lsp_types::ShowMessageParams {
            typ,
            message: message.to_owned(),
        });
    }

    fn notification(&mut self, n: Notification) {
        use lsp_types::notification as N;
        match n.method.as_str() {
            N::DidOpenTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) {
                    let uri = p.text_document.uri;
                    self.documents.insert(
                        uri.clone(),
                        Document {
                            text: p.text_document.text,
                            version: p.text_document.version,
                            diagnostics: Vec::new(),
                        },
                    );
                    // Debounced like an edit: an editor restoring a session
                    // opens many files at once, and an open is often followed
                    // at once by a change (a formatter). A request about the
                    // document (code action, hover) checks it first.
                    self.due.insert(uri, Instant::now() + DEBOUNCE);
                }
            }
            N::DidChangeTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(n.params) {
                    let uri = p.text_document.uri;
                    if let Some(doc) = self.documents.get_mut(&uri) {
                        // Full sync: the last change holds the whole text.
                        if let Some(change) = p.content_changes.into_iter().last() {
                            doc.text = change.text;
                        }
                        doc.version = p.text_document.version;
                        self.due.insert(uri, Instant::now() + DEBOUNCE);
                    }
                }
            }
            N::DidSaveTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidSaveTextDocumentParams>(n.params) {
                    let uri = p.text_document.uri;
                    if path_of(&uri).is_some_and(|p| workspace::is_config_or_rules(&p)) {
                        self.reload_all();
                    } else if self.documents.contains_key(&uri) {
                        self.due.remove(&uri);
                        self.check(&uri);
                    }
                }
            }
            N::DidCloseTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params) {
                    let uri = p.text_document.uri;
                    self.documents.remove(&uri);
                    self.due.remove(&uri);
                    self.notify::<N::PublishDiagnostics>(PublishDiagnosticsParams::new(
                        uri,
                        Vec::new(),
                        None,
                    ));
                }
            }
            N::DidChangeWatchedFiles::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidChangeWatchedFilesParams>(n.params) {
                    let changed: Vec<PathBuf> =
                        p.changes.iter().filter_map(|c| path_of(&c.uri)).collect();
                    if changed.iter().any(|c| workspace::is_config_or_rules(c)) {
                        self.reload_all();
                    }
                }
            }
            N::DidChangeWorkspaceFolders::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidChangeWorkspaceFoldersParams>(n.params) {
                    let removed: Vec<PathBuf> = p
                        .event
                        .removed
                        .iter()
                        .filter_map(|f| path_of(&f.uri))
                        .collect();
                    self.folders
                        .retain(|f| f.root.as_ref().is_none_or(|r| !removed.contains(r)));
                    for added in p.event.added.iter().filter_map(|f| path_of(&f.uri)) {
                        self.folders.push(Folder::new(Some(added)));
                    }
                    self.recheck_all();
                }
            }
            _ => {}
        }
    }

    /// A config or rule file changed: every folder reads its configs again.
    fn reload_all(&mut self) {
        for f in &mut self.folders {
            f.reload();
        }
        self.loose.reload();
        self.recheck_all();
    }

    fn recheck_all(&mut self) {
        let open: Vec<Url> = self.documents.keys().cloned().collect();
        for uri in open {
            self.check(&uri);
        }
    }

    fn request(&mut self, req: Request) {
        use lsp_types::request as R;
        let id = req.id.clone();
        let result = match req.method.as_str() {
            R::CodeActionRequest::METHOD => serde_json::from_value(req.params)
                .map(|p| serde_json::to_value(self.code_actions(p)).unwrap_or_default()),
            R::HoverRequest::METHOD => serde_json::from_value(req.params)
                .map(|p| serde_json::to_value(self.hover(p)).unwrap_or_default()),
            _ => {
                let r = Response::new_err(
                    id,
                    ErrorCode::MethodNotFound as i32,
                    format!("galley does not handle {}", req.method),
                );
                let _ = self.connection.sender.send(r.into());
                return;
            }
        };
        let response = match result {
            Ok(v) => Response::new_ok(id, v),
            Err(e) => Response::new_err(id, ErrorCode::InvalidParams as i32, e.to_string()),
        };
        let _ = self.connection.sender.send(response.into());
    }

    /// Brings a document's findings up to date before they are read (an
    /// edit still waiting out the debounce).
    fn settle(&mut self, uri: &Url) {
        if self.due.remove(uri).is_some() {
            self.check(uri);
        }
    }

    fn code_actions(
        &mut self,
        p: lsp_types::CodeActionParams,
    ) -> Vec<lsp_types::CodeActionOrCommand> {
        let uri = p.text_document.uri;
        self.settle(&uri);
        let path = path_of(&uri);
        let folder = self.folder_of(path.as_deref());
        let root = folder.root.clone();
        let resolved = folder.resolve(path.as_deref());
        let (Some(doc), Some(linter)) = (self.documents.get(&uri), resolved.linter.as_deref())
        else {
            return Vec::new();
        };
        let hint = path.clone().unwrap_or_else(|| PathBuf::from(uri.path()));
        let positions = Positions::new(&doc.text);
        let range = positions.offsets(p.range);
        let cx = actions::Context {
            uri: &uri,
            text: &doc.text,
            path_hint: &hint,
            diagnostics: &doc.diagnostics,
            linter,
            config: resolved.config.as_deref(),
            root: root.as_deref().or(path.as_deref().and_then(Path::parent)),
        };
        actions::actions(&cx, range, p.context.only.as_deref())
    }

    fn hover(&mut self, p: lsp_types::HoverParams) -> Option<lsp_types::Hover> {
        let uri = p.text_document_position_params.text_document.uri;
        self.settle(&uri);
        let path = path_of(&uri);
        let resolved = self.folder_of(path.as_deref()).resolve(path.as_deref());
        let doc = self.documents.get(&uri)?;
        let positions = Positions::new(&doc.text);
        let at = positions.offset(p.text_document_position_params.position);
        let found: Vec<&Diagnostic> = doc
            .diagnostics
            .iter()
            .filter(|d| d.range.start <= at && at <= d.range.end)
            .collect();
        convert::hover(resolved.linter.as_deref()?, &positions, &found)
    }
}
