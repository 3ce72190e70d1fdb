//! Data as offices save it: CSV in GBK (what Chinese Excel and WPS save by default) and UTF-16
//! read as the UTF-8 file, whole and streamed; JSON that is not UTF-8 named for what it is;
//! and files of kinds jixiao does not read (Excel 97-2003 `.xls`, HTML saved as `.xls`, `.txt`,
//! `.tsv`, PDF …) or whose content is another format than their name says, refused with one
//! message naming what the file is and what to do.

mod common;

use std::path::{Path, PathBuf};

use common::{jixiao, program, squash};
use encoding_rs::GB18030;

fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let units = std::iter::once(0xFEFF).chain(text.encode_utf16());
    units.flat_map(|u| if little_endian { u.to_le_bytes() } else { u.to_be_bytes() }).collect()
}

/// The CSV files of `stem` (the main table and the list tables beside it) in `dir`.
fn csv_files(dir: &Path, stem: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(&format!("{stem}.")) && name.ends_with(".csv")
        })
        .collect();
    files.sort();
    files
}

/// The Jiangsu example as CSV in GBK, UTF-16 LE and BE and UTF-8 with a byte-order mark
/// evaluates byte-identically to the UTF-8 CSV, read whole and streamed.
#[test]
fn csv_in_gbk_and_utf16_reads_as_utf8() {
    let tmp = tempfile::tempdir().unwrap();
    let file = "regulations/jiangsu-2011.jx";
    let program = program("jiangsu-2011");
    let utf8 = tmp.path().join("utf8");
    std::fs::create_dir(&utf8).unwrap();
    let reference_csv = utf8.join("js.csv");
    let run =
        jixiao(&["convert", file, "examples/jiangsu-2011/departments.json", "-o", reference_csv.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.text());
    type Encode = fn(&str) -> Vec<u8>;
    let encodings: [(&str, Encode); 4] = [
        ("gbk", |t| GB18030.encode(t).0.into_owned()),
        ("utf16le", |t| utf16(t, true)),
        ("utf16be", |t| utf16(t, false)),
        ("utf8bom", |t| format!("\u{FEFF}{t}").into_bytes()),
    ];
    for format in ["jsonl", "table"] {
        let reference = jixiao(&["eval", file, reference_csv.to_str().unwrap(), "--format", format]);
        assert_eq!(reference.code, 0, "{}", reference.text());
        for (name, encode) in encodings {
            let dir = tmp.path().join(name);
            std::fs::create_dir_all(&dir).unwrap();
            for source in csv_files(&utf8, "js") {
                let text = std::fs::read_to_string(&source).unwrap();
                let bytes = encode(&text);
                assert_ne!(bytes, text.as_bytes(), "{name}");
                std::fs::write(dir.join(source.file_name().unwrap()), bytes).unwrap();
            }
            let csv = dir.join("js.csv");
            // JSON Lines results from CSV are streamed when the lists follow the main table.
            assert!(
                jixiao::data::table_stream::aligned(&program, jixiao::data::files::DataFormat::Csv, &csv),
                "{name} is read a row at a time"
            );
            let run = jixiao(&["eval", file, csv.to_str().unwrap(), "--format", format]);
            assert_eq!(run.code, 0, "{name}: {}", run.text());
            assert_eq!(run.stdout, reference.stdout, "{name} --format {format}");
        }
    }
}

/// Bytes that are text in no encoding jixiao reads: refused, naming the line, column and byte,
/// whole and streamed alike.
#[test]
fn csv_in_no_known_encoding_is_refused_where_it_breaks() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("broken.csv");
    let mut bytes = GB18030.encode("部门,得分,倍数\n甲,85,1\n乙").0.into_owned();
    let at = bytes.len();
    bytes.extend(b"\xFF,90,1\n");
    std::fs::write(&csv, bytes).unwrap();
    for format in ["jsonl", "table"] {
        let run = jixiao(&["eval", "tests/cases/eval/params.jx", csv.to_str().unwrap(), "--format", format]);
        assert_eq!(run.code, 1, "{}", run.text());
        let message = squash(&run.stderr);
        assert!(message.contains("E0730"), "{}", run.stderr);
        assert!(
            message.contains(&format!("broken.csv:3:2:thefileisneitherUTF-8norGBKtext(byte{at})")),
            "{}",
            run.stderr
        );
    }
}

/// JSON and JSON Lines are UTF-8 by the JSON standard: a file in GBK or UTF-16 is named so,
/// with how to save it as UTF-8.
#[test]
fn json_in_gbk_is_named_gbk() {
    let tmp = tempfile::tempdir().unwrap();
    let text = "[{\"部门\":\"甲\",\"得分\":85,\"倍数\":1}]";
    let lines = "{\"部门\":\"甲\",\"得分\":85,\"倍数\":1}\n{\"部门\":\"乙\",\"得分\":90,\"倍数\":1}\n";
    let cases = [
        ("gbk.json", GB18030.encode(text).0.into_owned(), "GBK"),
        ("gbk.jsonl", GB18030.encode(lines).0.into_owned(), "GBK"),
        ("utf16.json", utf16(text, true), "UTF-16"),
    ];
    for (name, bytes, encoding) in cases {
        let path = tmp.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        for format in ["jsonl", "table"] {
            let run = jixiao(&["eval", "tests/cases/eval/params.jx", path.to_str().unwrap(), "--format", format]);
            assert_eq!(run.code, 1, "{}", run.text());
            let message = squash(&run.stderr);
            assert!(message.contains("E0731"), "{name}: {}", run.stderr);
            assert!(
                message.contains(&format!("isa{encoding}text,andJSONmustbeUTF-8"))
                    || message.contains(&format!("is{encoding}text,andJSONmustbeUTF-8")),
                "{name}: {}",
                run.stderr
            );
            assert!(message.contains("saveitasUTF-8"), "{}", run.stderr);
        }
    }
    // In Chinese too.
    let path = tmp.path().join("gbk.json");
    let run = common::jixiao_in_locale("zh_CN.UTF-8", &["eval", "tests/cases/eval/params.jx", path.to_str().unwrap()]);
    assert!(run.stderr.contains("GBK 编码的文本"), "{}", run.stderr);
}

/// A test workbook of the old kinds: the OLE2 signature and some bytes after it.
fn compound_document() -> Vec<u8> {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.extend(std::iter::repeat_n(0u8, 504));
    bytes
}

/// Each file of a kind jixiao does not read gets one message (E0732) naming what it is and what
/// to do, exit 1; each file whose content is another format than its name says, E0733.
#[test]
fn files_are_known_by_their_content() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    // A real workbook and a real CSV, to misname.
    let xlsx = dir.join("book.xlsx");
    let run = jixiao(&[
        "convert",
        "tests/cases/eval/params.jx",
        "tests/cases/eval/params.json",
        "-o",
        xlsx.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.text());
    let workbook = std::fs::read(&xlsx).unwrap();
    let html = "<!DOCTYPE html>\n<html><body><table><tr><td>部门</td><td>得分</td></tr></table></body></html>";
    let cases: Vec<(&str, Vec<u8>, &str, &str)> = vec![
        ("excel97.xls", compound_document(), "E0732", "isanExcel97-2003workbook(.xls)oraWPSspreadsheet(.et)"),
        ("wps.et", compound_document(), "E0732", "saveitasanExcelworkbook"),
        ("web.xls", html.as_bytes().to_vec(), "E0732", "isanHTMLpage"),
        ("web.xlsx", html.as_bytes().to_vec(), "E0732", "saveitasanExcelworkbook"),
        ("data.txt", b"[{\"a\":1}]".to_vec(), "E0732", "renameitto.json"),
        ("data.tsv", "部门\t得分\n甲\t85\n".as_bytes().to_vec(), "E0732", "tab-separated"),
        ("data.txt2", "部门,得分\n甲,85\n".as_bytes().to_vec(), "E0732", "renameitto.csv"),
        ("report.pdf", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec(), "E0732", "isaPDFdocument"),
        (
            "sheet.ods",
            b"PK\x03\x04\x14\0\0\0\0\0mimetypeapplication/vnd.oasis.opendocument.spreadsheet".to_vec(),
            "E0732",
            "OpenDocument",
        ),
        ("book.csv", workbook.clone(), "E0733", "isanExcelworkbook(.xlsx),thoughitsnameendsin`.csv`"),
        ("book.json", workbook.clone(), "E0733", "renameitto.xlsx"),
        ("book", workbook, "E0733", "renameitto.xlsx"),
        ("table.xlsx", "部门,得分,倍数\n甲,85,1\n".as_bytes().to_vec(), "E0733", "renameitto.csv"),
        ("data", b"\x01\x00\x02\x00".to_vec(), "E0732", "isafileofakindjixiaodoesnotknow"),
        ("records.csv", b"[{\"a\":1}]".to_vec(), "E0733", "isJSONtext,thoughitsnameendsin`.csv`"),
        (
            "table.json",
            "部门,得分,倍数\n甲,85,1\n".as_bytes().to_vec(),
            "E0733",
            "isCSVtext,thoughitsnameendsin`.json`",
        ),
    ];
    for (name, bytes, code, words) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let path = path.to_str().unwrap();
        let runs = [
            jixiao(&["eval", "tests/cases/eval/params.jx", path]),
            jixiao(&["eval", "tests/cases/eval/params.jx", path, "--format", "jsonl"]),
            jixiao(&["explain", "tests/cases/eval/params.jx", path, "--department", "甲"]),
            jixiao(&["convert", "tests/cases/eval/params.jx", path, "-o", dir.join("out.json").to_str().unwrap()]),
        ];
        for run in runs {
            assert_eq!(run.code, 1, "{name}: {}", run.text());
            assert_eq!(run.stderr.matches(" × ").count(), 1, "{name}: one message: {}", run.stderr);
            let message = squash(&run.stderr);
            assert!(message.contains(code) && message.contains(words), "{name}: {}", run.stderr);
        }
    }
    // The Chinese message names the kind in Chinese.
    let run = common::jixiao_in_locale(
        "zh_CN.UTF-8",
        &["eval", "tests/cases/eval/params.jx", dir.join("excel97.xls").to_str().unwrap()],
    );
    assert!(run.stderr.contains("Excel 97-2003 工作簿（.xls）") && run.stderr.contains("另存为"), "{}", run.stderr);
}

/// A named pipe's bytes cannot be read twice: a pipe goes by its name (`.xls` refused, no
/// extension read as JSON) and its data is read once.
#[cfg(unix)]
#[test]
fn pipes_go_by_their_name() {
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("data");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(fifo, "[{\"部门\":\"甲\",\"得分\":80,\"倍数\":1}]"))
    };
    let run = jixiao(&["eval", "tests/cases/eval/params.jx", fifo.to_str().unwrap(), "--format", "jsonl"]);
    writer.join().unwrap().unwrap();
    assert_eq!(run.code, 0, "{}", run.text());
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    let xls = tmp.path().join("data.xls");
    assert!(std::process::Command::new("mkfifo").arg(&xls).status().unwrap().success());
    // Nothing writes to it: refused by its name, without waiting for bytes.
    let run = jixiao(&["eval", "tests/cases/eval/params.jx", xls.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.text());
    assert!(squash(&run.stderr).contains("E0732"), "{}", run.stderr);
}

/// A file without an extension (as `/dev/stdin` is, redirected from a file) is read as JSON
/// when it starts with `[`, as JSON Lines when it starts with `{`; anything else is refused,
/// saying it has no extension.
#[test]
fn files_without_an_extension_go_as_pipes_do() {
    let tmp = tempfile::tempdir().unwrap();
    let json = tmp.path().join("data");
    std::fs::write(&json, "[{\"部门\":\"甲\",\"得分\":80,\"倍数\":1}]").unwrap();
    let run = jixiao(&["eval", "tests/cases/eval/params.jx", json.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(run.code, 0, "{}", run.text());
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    // A record first: JSON Lines.
    let lines = tmp.path().join("lines");
    std::fs::write(&lines, "{\"部门\":\"甲\",\"得分\":80,\"倍数\":1}\n{\"部门\":\"乙\",\"得分\":90,\"倍数\":1}\n")
        .unwrap();
    let run = jixiao(&["eval", "tests/cases/eval/params.jx", lines.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(run.code, 0, "{}", run.text());
    assert_eq!(run.stdout.lines().count(), 2, "{}", run.stdout);
    let csv = tmp.path().join("table");
    std::fs::write(&csv, "部门,得分,倍数\n甲,80,1\n").unwrap();
    let run = jixiao(&["eval", "tests/cases/eval/params.jx", csv.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.text());
    let said = squash(&run.stderr);
    assert!(said.contains("E0732") && said.contains("withoutanextension") && !said.contains("()"), "{}", run.stderr);
}
