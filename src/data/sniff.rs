//! What a file is by its first bytes, whatever its name says: offices rename files, and web
//! systems export HTML pages as `.xls`. Only the kinds a data file is mistaken for are told
//! apart; `files::DataFormat::detect` decides what to read and what to refuse.

use crate::lang::msg;

/// What the first bytes of a file show it to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An Office Open XML workbook (`.xlsx`, `.xlsm`).
    Workbook,
    /// An OpenDocument spreadsheet (`.ods`).
    OpenDocument,
    /// A Word document (`.docx`).
    WordDocument,
    /// Another ZIP archive.
    Zip,
    /// An OLE2 compound document: Excel 97-2003 `.xls`, WPS `.et`, Word 97-2003 `.doc`.
    Compound,
    /// An HTML page (what many web systems export as `.xls`).
    Html,
    /// An Excel 2003 XML spreadsheet.
    XmlSpreadsheet,
    Pdf,
    /// Text (no NUL bytes, or UTF-16 with a byte-order mark).
    Text,
    /// Anything else.
    Binary,
    Empty,
}

/// The kind of a file that starts with `head` (its first few kilobytes).
pub fn sniff(head: &[u8]) -> Kind {
    if head.is_empty() {
        return Kind::Empty;
    }
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        // The first entry of an OpenDocument file is its `mimetype`, stored uncompressed.
        return if contains(head, b"opendocument.spreadsheet") {
            Kind::OpenDocument
        } else if contains(head, b"xl/") {
            Kind::Workbook
        } else if contains(head, b"word/") {
            Kind::WordDocument
        } else if contains(head, b"[Content_Types].xml") {
            Kind::Workbook
        } else {
            Kind::Zip
        };
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Kind::Compound;
    }
    if head.starts_with(b"%PDF-") {
        return Kind::Pdf;
    }
    let text = head.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(head);
    let start = text.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(text.len());
    let text = &text[start..];
    let starts = |tag: &[u8]| text.len() >= tag.len() && text[..tag.len()].eq_ignore_ascii_case(tag);
    if starts(b"<!doctype html") || starts(b"<html") || starts(b"<table") || starts(b"<meta") {
        return Kind::Html;
    }
    if starts(b"<?xml") {
        if contains(head, b"urn:schemas-microsoft-com:office:spreadsheet") {
            return Kind::XmlSpreadsheet;
        }
        if contains(&head.to_ascii_lowercase(), b"<html") {
            return Kind::Html;
        }
    }
    let utf16 = head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]);
    if utf16 || !head.contains(&0) { Kind::Text } else { Kind::Binary }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

impl Kind {
    /// The kind in words, for messages: `an Excel 97-2003 workbook (.xls) …`.
    pub fn words(self) -> String {
        match self {
            Kind::Workbook => msg!("data-excel-workbook-xlsx"),
            Kind::OpenDocument => msg!("data-opendocument-spreadsheet-ods"),
            Kind::WordDocument => msg!("data-word-document"),
            Kind::Zip => msg!("data-zip-archive"),
            Kind::Compound => msg!("data-excel-97-2003-workbook-xls"),
            Kind::Html => msg!("data-html-page-what-web-systems"),
            Kind::XmlSpreadsheet => msg!("data-excel-2003-xml-spreadsheet"),
            Kind::Pdf => msg!("data-pdf-document"),
            Kind::Text => msg!("data-text-file"),
            Kind::Binary => msg!("data-file-kind-jixiao-does-not"),
            Kind::Empty => msg!("data-empty-file"),
        }
    }
}

/// What text seems to hold, by its first line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Looks {
    Json,
    /// Tab-separated values (as copied from a spreadsheet).
    Tabs,
    /// Comma-separated values (CSV).
    Commas,
    Other,
}

/// What the text at the start of a file looks like (JSON, tab- or comma-separated), for advice.
pub fn looks(head: &[u8]) -> Looks {
    // UTF-8, or what a byte-order mark says (UTF-16); the mark removed.
    let (text, _, _) = encoding_rs::UTF_8.decode(head);
    let text = text.trim_start_matches([' ', '\t', '\r', '\n']);
    let first_line = text.lines().next().unwrap_or("");
    if text.starts_with(['[', '{']) {
        Looks::Json
    } else if first_line.contains('\t') {
        Looks::Tabs
    } else if first_line.contains([',', '，']) {
        Looks::Commas
    } else {
        Looks::Other
    }
}

impl Looks {
    /// What such text is, in words.
    pub fn words(self) -> String {
        match self {
            Looks::Json => msg!("data-json-text"),
            Looks::Tabs => msg!("data-text-tab-separated-columns"),
            Looks::Commas => msg!("data-csv-text"),
            Looks::Other => Kind::Text.words(),
        }
    }

    /// What to do with such text to give it to jixiao.
    pub fn advice(self) -> String {
        match self {
            Looks::Json => msg!("data-looks-like-json-rename-json"),
            Looks::Tabs => msg!("data-holds-tab-separated-columns-copied"),
            Looks::Commas => msg!("data-looks-like-csv-rename-csv"),
            Looks::Other => msg!("data-save-data-xlsx-csv-csv"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_their_first_bytes() {
        assert_eq!(sniff(b"PK\x03\x04....[Content_Types].xml...xl/workbook.xml"), Kind::Workbook);
        assert_eq!(sniff(b"PK\x03\x04....mimetypeapplication/vnd.oasis.opendocument.spreadsheet"), Kind::OpenDocument);
        assert_eq!(sniff(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]), Kind::Compound);
        assert_eq!(sniff("\u{FEFF}\n <!DOCTYPE HTML><html>".as_bytes()), Kind::Html);
        assert_eq!(sniff(b"<table><tr><td>1</td></tr></table>"), Kind::Html);
        assert_eq!(sniff(b"%PDF-1.7\n"), Kind::Pdf);
        assert_eq!(sniff("部门\t得分\n甲\t85\n".as_bytes()), Kind::Text);
        assert_eq!(sniff(&[0xFF, 0xFE, b'a', 0]), Kind::Text);
        assert_eq!(sniff(&[1, 0, 2, 0]), Kind::Binary);
        assert_eq!(sniff(b""), Kind::Empty);
    }

    #[test]
    fn what_text_looks_like() {
        assert_eq!(looks("\u{FEFF} [{\"部门\":\"甲\"}]".as_bytes()), Looks::Json);
        assert_eq!(looks("部门\t得分\n".as_bytes()), Looks::Tabs);
        assert_eq!(looks("部门,得分\n".as_bytes()), Looks::Commas);
        let utf16: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("[{\"a\":1,\"b\":2}]".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(looks(&utf16), Looks::Json);
    }
}
