//! `jixiao lsp` driven over standard input and output with real protocol messages, as an
//! editor sends them: initialize, didOpen, didChange, hover, definition, references,
//! completion, formatting and quick fixes, on the shipped regulations and on broken files.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use serde_json::{Value, json};

/// An editor's end of the connection.
struct Editor {
    child: Child,
    input: ChildStdin,
    output: BufReader<ChildStdout>,
    next_id: i64,
    /// Notifications that arrived while waiting for a response.
    notices: Vec<Value>,
}

impl Editor {
    /// Starts the server and goes through initialize, with the editor's `locale`.
    fn start(locale: &str) -> Editor {
        let mut child = Command::new(env!("CARGO_BIN_EXE_jixiao"))
            .arg("lsp")
            .current_dir(common::manifest())
            .env("LANG", "en_US.UTF-8")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let (input, output) = (child.stdin.take().unwrap(), BufReader::new(child.stdout.take().unwrap()));
        let mut editor = Editor { child, input, output, next_id: 0, notices: Vec::new() };
        let init = editor
            .request("initialize", json!({ "processId": null, "rootUri": null, "capabilities": {}, "locale": locale }));
        assert_eq!(init["capabilities"]["hoverProvider"], true, "{init}");
        editor.notify("initialized", json!({}));
        editor
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        write!(self.input, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.input.flush().unwrap();
    }

    fn receive(&mut self) -> Value {
        let mut length = 0;
        loop {
            let mut line = String::new();
            assert!(self.output.read_line(&mut line).unwrap() > 0, "the server closed the connection");
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                length = n.parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        self.output.read_exact(&mut body).unwrap();
        serde_json::from_slice(&body).unwrap()
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Sends a request and waits for its result; an error response fails the test.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let message = self.receive();
            if message["id"] == id {
                assert!(message.get("error").is_none(), "{method}: {message}");
                return message["result"].clone();
            }
            self.notices.push(message);
        }
    }

    /// The diagnostics published next for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        loop {
            let message = match self.notices.iter().position(|n| n["params"]["uri"] == uri) {
                Some(i) => self.notices.remove(i),
                None => self.receive(),
            };
            if message["method"] == "textDocument/publishDiagnostics" && message["params"]["uri"] == uri {
                return message["params"]["diagnostics"].as_array().unwrap().clone();
            }
            self.notices.push(message);
        }
    }

    fn open(&mut self, uri: &str, text: &str) -> Vec<Value> {
        let doc = json!({ "uri": uri, "languageId": "jixiao", "version": 1, "text": text });
        self.notify("textDocument/didOpen", json!({ "textDocument": doc }));
        self.diagnostics(uri)
    }

    fn change(&mut self, uri: &str, version: i64, text: &str) -> Vec<Value> {
        let params =
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "text": text }] });
        self.notify("textDocument/didChange", params);
        self.diagnostics(uri)
    }

    /// A request about the place `line`:`character` of `uri`.
    fn at(&mut self, method: &str, uri: &str, (line, character): (usize, usize), extra: Value) -> Value {
        let mut params =
            json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } });
        if let (Some(p), Some(e)) = (params.as_object_mut(), extra.as_object()) {
            p.extend(e.clone());
        }
        self.request(method, params)
    }

    /// shutdown and exit; the server must end by itself, with success.
    fn stop(mut self) {
        assert_eq!(self.request("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        drop(self.input);
        let status = self.child.wait().unwrap();
        assert!(status.success(), "{status}");
    }
}

/// The line and UTF-16 column of byte `at` of `text`, `skip` characters on.
fn position(text: &str, at: usize, skip: usize) -> (usize, usize) {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    (text[..at].matches('\n').count(), text[line_start..at].encode_utf16().count() + skip)
}

/// Where `needle` first occurs in `text`, `skip` characters on.
fn place(text: &str, needle: &str, skip: usize) -> (usize, usize) {
    position(text, text.find(needle).unwrap_or_else(|| panic!("no {needle}")), skip)
}

const JIANGSU: &str = "regulations/jiangsu-2011.jx";

fn jiangsu() -> (String, String) {
    let text = std::fs::read_to_string(common::manifest().join(JIANGSU)).unwrap();
    (format!("file:///work/{JIANGSU}"), text)
}

/// A shipped regulation opens clean; hover, definition and references answer about its
/// parameter 优秀线 and an article it cites.
#[test]
fn a_shipped_regulation_answers_hover_definition_and_references() {
    let (uri, text) = jiangsu();
    let mut editor = Editor::start("zh-cn");
    assert_eq!(editor.open(&uri, &text), Vec::<Value>::new());
    let declared = place(&text, "参数 优秀线", 3);
    let used = position(&text, text.rfind("优秀线").unwrap(), 1);

    let hover = editor.at("textDocument/hover", &uri, used, json!({}));
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert!(shown.contains("**参数** 优秀线") && shown.contains("参数 优秀线 = 90"), "{shown}");
    assert!(shown.contains("默认 90"), "{shown}");

    let definition = editor.at("textDocument/definition", &uri, used, json!({}));
    assert_eq!(definition[0]["range"]["start"], json!({ "line": declared.0, "character": declared.1 }), "{definition}");
    assert_eq!(definition[0]["uri"], uri);

    let context = json!({ "context": { "includeDeclaration": true } });
    let references = editor.at("textDocument/references", &uri, used, context).as_array().unwrap().clone();
    // Four uses: the fifth 优秀线 of the file is inside a test's title, a string.
    assert_eq!(references.len(), 4, "{references:?}");
    assert_eq!(text.matches("优秀线").count(), 5);
    let context = json!({ "context": { "includeDeclaration": false } });
    let uses = editor.at("textDocument/references", &uri, used, context).as_array().unwrap().len();
    assert_eq!(uses, references.len() - 1);
    editor.stop();
}

/// Hover on an article reference gives the article's text as the file gives it (条文).
#[test]
fn hover_on_an_article_gives_its_text() {
    let text = "办法 \"甲\"\n条文 第三条 \"每迟报一次扣 2 分。\"\n输入 单位：文本\n输入 迟报：次数\n\
                计算 扣分 = 迟报 × 2分 依据 第三条\n计算 得分 = 100分 - 扣分\n公布 { 单位：单位；得分：得分 }\n";
    let uri = "file:///tmp/%E7%94%B2.jx";
    let mut editor = Editor::start("zh-cn");
    assert_eq!(editor.open(uri, text), Vec::<Value>::new());
    let cited = place(text, "依据 第三条", 4);
    let hover = editor.at("textDocument/hover", uri, cited, json!({}));
    assert_eq!(hover["contents"]["value"], "第三条：每迟报一次扣 2 分。", "{hover}");
    // On the name of a value: its declaration, type and range, and the article it cites.
    let hover = editor.at("textDocument/hover", uri, place(text, "扣分 =", 1), json!({}));
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert!(shown.contains("计算 扣分 = 迟报 × 2分 依据 第三条"), "{shown}");
    assert!(shown.contains("类型：分值（分）") && shown.contains("第三条：每迟报一次扣 2 分。"), "{shown}");
    let definition = editor.at("textDocument/definition", uri, cited, json!({}));
    assert_eq!(definition[0]["range"]["start"]["line"], 1, "{definition}");
    editor.stop();
}

/// Diagnostics follow each change, in the editor's language, with the code, the help line and
/// a quick fix for a misspelled name; fixing the file clears them.
#[test]
fn diagnostics_as_you_type_and_a_quick_fix() {
    let (uri, text) = jiangsu();
    for (locale, help) in [("en", "help: did you mean `优秀线`?"), ("zh-cn", "帮助：是否应为“优秀线”？")]
    {
        let mut editor = Editor::start(locale);
        assert!(editor.open(&uri, &text).is_empty());
        let last = text.rfind("优秀线").unwrap();
        let broken = format!("{}优秀先{}", &text[..last], &text[last + "优秀线".len()..]);
        let diagnostics = editor.change(&uri, 2, &broken);
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        let d = &diagnostics[0];
        assert_eq!(d["code"], "E0201");
        assert_eq!(d["severity"], 1);
        assert!(d["message"].as_str().unwrap().contains(help), "{d}");
        let line = broken[..last].matches('\n').count();
        assert_eq!(d["range"]["start"]["line"], line, "{d}");

        let params = json!({
            "textDocument": { "uri": uri },
            "range": d["range"],
            "context": { "diagnostics": [d] },
        });
        let actions = editor.request("textDocument/codeAction", params);
        let edit = &actions[0]["edit"]["changes"][&uri][0];
        assert_eq!(edit["newText"], "优秀线", "{actions}");
        assert_eq!(edit["range"], d["range"]);
        assert_eq!(actions[0]["kind"], "quickfix");

        assert!(editor.change(&uri, 3, &text).is_empty(), "fixed");
        editor.stop();
    }
}

/// A keyword mistyped with a Chinese input method (`输人` for `输入`) is reported on the word
/// itself, with the keyword as its quick fix.
#[test]
fn a_misspelled_keyword_has_a_quick_fix() {
    let (uri, text) = jiangsu();
    let at = text.find("输入 ").unwrap();
    let broken = format!("{}输人{}", &text[..at], &text[at + "输入".len()..]);
    let mut editor = Editor::start("zh-cn");
    let diagnostics = editor.open(&uri, &broken);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let d = &diagnostics[0];
    assert_eq!(d["code"], "E0108", "{d}");
    let (line, character) = position(&broken, at, 0);
    assert_eq!(d["range"]["start"], json!({ "line": line, "character": character }), "{d}");
    assert_eq!(d["range"]["end"], json!({ "line": line, "character": character + 2 }), "{d}");
    let params = json!({ "textDocument": { "uri": uri }, "range": d["range"], "context": { "diagnostics": [d] } });
    let actions = editor.request("textDocument/codeAction", params);
    assert_eq!(actions[0]["edit"]["changes"][&uri][0]["newText"], "输入", "{actions}");
    assert_eq!(actions[0]["title"], "把“输人”改为“输入”");
    editor.stop();
}

/// A file that does not parse gets its syntax error; a second open document is kept apart,
/// and closing a document clears its diagnostics.
#[test]
fn broken_files_and_several_documents() {
    let mut editor = Editor::start("en");
    let broken = "办法 \"甲\"\n输入 部门：文本\n计算 得分 = (1分 + \n";
    let diagnostics = editor.open("file:///tmp/broken.jx", broken);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert!(diagnostics[0]["code"].as_str().unwrap().starts_with("E01"), "{diagnostics:?}");
    let (uri, text) = jiangsu();
    assert!(editor.open(&uri, &text).is_empty());
    // What is declared before the error can be hovered; nothing past it, and no formatting.
    let hover = editor.at("textDocument/hover", "file:///tmp/broken.jx", (1, 4), json!({}));
    assert!(hover["contents"]["value"].as_str().unwrap().starts_with("**input** 部门"), "{hover}");
    assert_eq!(editor.at("textDocument/hover", "file:///tmp/broken.jx", (2, 4), json!({})), Value::Null);
    let formatted = editor.request("textDocument/formatting", json!({ "textDocument": { "uri": "file:///tmp/broken.jx" }, "options": { "tabSize": 4, "insertSpaces": true } }));
    assert_eq!(formatted, json!([]));
    editor.notify("textDocument/didClose", json!({ "textDocument": { "uri": "file:///tmp/broken.jx" } }));
    assert!(editor.diagnostics("file:///tmp/broken.jx").is_empty());
    editor.stop();
}

/// Completion offers the file's names, keywords in both languages and functions that begin
/// with what is typed, also right after full-width punctuation; formatting gives `jixiao fmt`'s
/// layout as one edit.
#[test]
fn completion_and_formatting() {
    let text = "办法 \"甲\"\n输入 单位：文本\n输入 迟报次数：次数\n计算 扣分 = 最小（迟报\n";
    let uri = "file:///tmp/complete.jx";
    let mut editor = Editor::start("zh-cn");
    editor.open(uri, text);
    let end = place(text, "最小（迟报", "最小（迟报".chars().count());
    let items = editor.at("textDocument/completion", uri, end, json!({}));
    let labels: Vec<&str> = items.as_array().unwrap().iter().map(|i| i["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["迟报次数"], "{items}");
    // The item replaces what was typed after the full-width bracket.
    let typed = place(text, "迟报\n", 0);
    assert_eq!(items[0]["textEdit"]["range"]["start"], json!({ "line": typed.0, "character": typed.1 }), "{items}");
    // Typing inside an indicator tree, many lines into it: the names declared before it.
    let mut tree = String::from("办法 \"甲\"\n输入 单位：文本\n输入 迟报次数：次数\n指标 绩效 {\n");
    for i in 0..12 {
        tree.push_str(&format!("  工作{i} 分值 5\n"));
    }
    tree.push_str("  迟");
    editor.open("file:///tmp/tree.jx", &tree);
    let end = position(&tree, tree.len(), 0);
    let items = editor.at("textDocument/completion", "file:///tmp/tree.jx", end, json!({}));
    assert_eq!(items[0]["label"], "迟报次数", "{items}");
    let line_start = (3, 0);
    let items = editor.at("textDocument/completion", uri, line_start, json!({}));
    let labels: Vec<&str> = items.as_array().unwrap().iter().map(|i| i["label"].as_str().unwrap()).collect();
    for expected in ["计算", "let", "输入", "input", "扣完为止", "最小", "迟报次数", "单位"] {
        assert!(labels.contains(&expected), "{expected} missing from {labels:?}");
    }

    let messy = "办法   \"甲\"\n输入 单位 ：文本\n输入 迟报：次数\n计算 扣分=迟报*2分\n计算 得分 = 100分 - 扣分\n公布 { 单位：单位；得分：得分 }\n";
    let uri = "file:///tmp/messy.jx";
    assert!(editor.open(uri, messy).is_empty());
    let options = json!({ "tabSize": 4, "insertSpaces": true });
    let edits =
        editor.request("textDocument/formatting", json!({ "textDocument": { "uri": uri }, "options": options }));
    let formatted = edits[0]["newText"].as_str().unwrap();
    assert!(formatted.contains("计算 扣分 = 迟报 × 2分\n") && formatted.starts_with("办法 \"甲\"\n"), "{formatted}");
    assert_eq!(edits[0]["range"]["start"], json!({ "line": 0, "character": 0 }));
    assert_eq!(edits[0]["range"]["end"]["line"], 6);
    editor.stop();
}

/// After `shutdown`, a late notification is ignored and requests are refused; `exit` then ends
/// the server with success. `exit` without `shutdown` is a failure, as the protocol says.
#[test]
fn shutdown_and_exit_as_the_protocol_says() {
    let mut editor = Editor::start("en");
    assert_eq!(editor.request("shutdown", Value::Null), Value::Null);
    editor.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": "file:///a.jx", "languageId": "jixiao", "version": 1, "text": "" } }),
    );
    editor.next_id += 1;
    let id = editor.next_id;
    editor.send(&json!({ "jsonrpc": "2.0", "id": id, "method": "textDocument/hover", "params": {} }));
    assert_eq!(editor.receive()["error"]["code"], -32600);
    editor.notify("exit", Value::Null);
    assert!(editor.child.wait().unwrap().success());

    let mut editor = Editor::start("en");
    editor.notify("exit", Value::Null);
    assert_eq!(editor.child.wait().unwrap().code(), Some(1));
}

/// A request the server does not know gets the protocol's error, and the server goes on.
#[test]
fn unknown_requests_are_refused_not_fatal() {
    let mut editor = Editor::start("en");
    editor.next_id += 1;
    let id = editor.next_id;
    editor.send(&json!({ "jsonrpc": "2.0", "id": id, "method": "textDocument/rename", "params": {} }));
    let answer = editor.receive();
    assert_eq!(answer["error"]["code"], -32601, "{answer}");
    let (uri, text) = jiangsu();
    assert!(editor.open(&uri, &text).is_empty());
    editor.stop();
}
