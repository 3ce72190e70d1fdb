//! `jixiao lsp`: a language server over standard input and output, for editors. It checks a
//! regulation file as it is typed (every diagnostic `jixiao check` gives, in the editor's
//! language), and answers hover, go to definition, find references, completion, formatting
//! and quick fixes. Built on `lsp-server` (rust-analyzer's transport) and `lsp-types`; each
//! change re-reads the whole file, which takes milliseconds for a regulation.

mod answers;
mod document;

use std::collections::HashMap;

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, Formatting, GotoDefinition, HoverRequest, References, Request as _,
};
use lsp_types::{PublishDiagnosticsParams, Uri};
use serde_json::{Value, json};

pub use document::Document;

/// The open documents, by address (as text: `Uri` hashes through a cache clippy distrusts as a
/// key).
type Documents = HashMap<String, Document>;

/// Serves one editor on standard input and output until it says `exit`; an error is a broken
/// connection, a message that is not the protocol, or an `exit` (or end of input) without a
/// `shutdown` before it, which the protocol counts as a failure.
pub fn serve() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let (connection, io) = Connection::stdio();
    let (id, params) = connection.initialize_start()?;
    // The editor's language, when it says one; otherwise the environment's.
    if let Some(locale) = params.get("locale").and_then(Value::as_str) {
        let zh = locale.to_ascii_lowercase().starts_with("zh");
        crate::lang::set(if zh { crate::lang::Lang::Zh } else { crate::lang::Lang::En });
    }
    connection.initialize_finish(id, initialize_result())?;
    let clean = run(&connection)?;
    drop(connection);
    io.join()?;
    if clean { Ok(()) } else { Err("the editor left without asking the server to shut down".into()) }
}

/// What the server can do: whole-document sync, and every answer it gives.
fn initialize_result() -> Value {
    json!({
        "capabilities": {
            "textDocumentSync": 1,
            "hoverProvider": true,
            "definitionProvider": true,
            "referencesProvider": true,
            "documentFormattingProvider": true,
            "codeActionProvider": { "codeActionKinds": ["quickfix"] },
            // Full-width punctuation as a Chinese input method types it starts a new word too.
            "completionProvider": { "triggerCharacters": ["（", "(", "，", ",", "：", ":", "[", "【", " "] },
        },
        "serverInfo": { "name": "jixiao", "version": env!("CARGO_PKG_VERSION") },
    })
}

/// Answers until `exit` or the end of input; whether `shutdown` came first. After `shutdown`
/// requests are refused and notifications ignored, as the protocol says.
fn run(connection: &Connection) -> Result<bool, Box<dyn std::error::Error + Send + Sync>> {
    let mut documents = Documents::new();
    let mut shut_down = false;
    for message in &connection.receiver {
        match message {
            Message::Request(request) => {
                let response = if request.method == "shutdown" {
                    shut_down = true;
                    Response::new_ok(request.id, ())
                } else if shut_down {
                    Response::new_err(request.id, ErrorCode::InvalidRequest as i32, "shutting down".into())
                } else {
                    answer(&documents, request)
                };
                connection.sender.send(Message::Response(response))?;
            }
            Message::Notification(notification) if notification.method == "exit" => return Ok(shut_down),
            Message::Notification(_) if shut_down => {}
            Message::Notification(notification) => {
                let noticed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    take_notice(&mut documents, notification)
                }));
                if let Ok(Some(published)) = noticed {
                    connection.sender.send(Message::Notification(published))?;
                }
            }
            Message::Response(_) => {}
        }
    }
    Ok(shut_down)
}

/// A document opened, changed or closed; the diagnostics to publish for it.
fn take_notice(documents: &mut Documents, notification: Notification) -> Option<Notification> {
    let uri = match notification.method.as_str() {
        DidOpenTextDocument::METHOD => {
            let p: lsp_types::DidOpenTextDocumentParams = serde_json::from_value(notification.params).ok()?;
            let doc = Document::analyse(&name_of(&p.text_document.uri), &p.text_document.text);
            documents.insert(p.text_document.uri.as_str().to_string(), doc);
            p.text_document.uri
        }
        DidChangeTextDocument::METHOD => {
            let p: lsp_types::DidChangeTextDocumentParams = serde_json::from_value(notification.params).ok()?;
            // Whole-document sync: the last change is the text. A change of a range (which the
            // server did not ask for) would replace the file with a fragment: it is ignored.
            let change = p.content_changes.into_iter().last().filter(|c| c.range.is_none())?;
            let text = change.text;
            let doc = Document::analyse(&name_of(&p.text_document.uri), &text);
            documents.insert(p.text_document.uri.as_str().to_string(), doc);
            p.text_document.uri
        }
        DidCloseTextDocument::METHOD => {
            let p: lsp_types::DidCloseTextDocumentParams = serde_json::from_value(notification.params).ok()?;
            documents.remove(p.text_document.uri.as_str());
            let params = PublishDiagnosticsParams { uri: p.text_document.uri, diagnostics: Vec::new(), version: None };
            return Some(Notification::new(PublishDiagnostics::METHOD.into(), params));
        }
        _ => return None,
    };
    let doc = documents.get(uri.as_str())?;
    let diagnostics = doc.diagnostics.iter().map(|d| answers::protocol_diagnostic(doc, &uri, d)).collect();
    let params = PublishDiagnosticsParams { uri, diagnostics, version: None };
    Some(Notification::new(PublishDiagnostics::METHOD.into(), params))
}

/// How diagnostics name a document: the last part of its path (`x.jx`), else its address.
fn name_of(uri: &Uri) -> String {
    let path = uri.path().as_str();
    match path.rsplit('/').next().filter(|p| !p.is_empty()) {
        Some(name) => percent_decoded(name),
        None => uri.as_str().to_string(),
    }
}

/// `%E8%80%83` → `考`: paths in addresses are percent-encoded UTF-8.
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).filter(|h| h.iter().all(u8::is_ascii_hexdigit));
        let hex = hex.and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The answer to one request; a request the server does not know, or about a document it has
/// not been given, gets the protocol's error.
fn answer(documents: &Documents, request: Request) -> Response {
    let id = request.id.clone();
    // A fault in one answer must not end the editor's session: it becomes that answer's error.
    let answered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| respond(documents, request)));
    match answered {
        Ok(Ok(result)) => Response::new_ok(id, result),
        Ok(Err((code, message))) => Response::new_err(id, code as i32, message),
        Err(_) => Response::new_err(id, ErrorCode::InternalError as i32, "internal error in jixiao".into()),
    }
}

type Answer = Result<Value, (ErrorCode, String)>;

fn respond(documents: &Documents, request: Request) -> Answer {
    let doc = |uri: &Uri| {
        documents.get(uri.as_str()).ok_or((ErrorCode::InvalidParams, format!("not open: {}", uri.as_str())))
    };
    let params = request.params;
    match request.method.as_str() {
        HoverRequest::METHOD => {
            let p: lsp_types::HoverParams = parse(params)?;
            let (uri, at) =
                (&p.text_document_position_params.text_document.uri, p.text_document_position_params.position);
            let doc = doc(uri)?;
            json(answers::hover(doc, answers::offset(doc, at)))
        }
        GotoDefinition::METHOD => {
            let p: lsp_types::GotoDefinitionParams = parse(params)?;
            let (uri, at) =
                (&p.text_document_position_params.text_document.uri, p.text_document_position_params.position);
            let doc = doc(uri)?;
            json(answers::definition(doc, uri, answers::offset(doc, at)))
        }
        References::METHOD => {
            let p: lsp_types::ReferenceParams = parse(params)?;
            let (uri, at) = (&p.text_document_position.text_document.uri, p.text_document_position.position);
            let doc = doc(uri)?;
            json(answers::references(doc, uri, answers::offset(doc, at), p.context.include_declaration))
        }
        Completion::METHOD => {
            let p: lsp_types::CompletionParams = parse(params)?;
            let (uri, at) = (&p.text_document_position.text_document.uri, p.text_document_position.position);
            let doc = doc(uri)?;
            json(answers::completion(doc, answers::offset(doc, at)))
        }
        Formatting::METHOD => {
            let p: lsp_types::DocumentFormattingParams = parse(params)?;
            json(answers::formatting(doc(&p.text_document.uri)?))
        }
        CodeActionRequest::METHOD => {
            let p: lsp_types::CodeActionParams = parse(params)?;
            let doc = doc(&p.text_document.uri)?;
            let within =
                crate::source::Span::new(answers::offset(doc, p.range.start), answers::offset(doc, p.range.end));
            json(answers::quick_fixes(doc, &p.text_document.uri, within))
        }
        other => Err((ErrorCode::MethodNotFound, format!("not supported: {other}"))),
    }
}

fn parse<T: serde::de::DeserializeOwned>(params: Value) -> Result<T, (ErrorCode, String)> {
    serde_json::from_value(params).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
}

/// An answer as JSON.
fn json(answer: impl serde::Serialize) -> Answer {
    Ok(serde_json::to_value(answer).unwrap_or(Value::Null))
}
