//! What an XLSX workbook keeps from view that calamine does not report: whether its formulas'
//! values were ever computed (a file written by a program asks the spreadsheet to compute
//! them on opening, `<calcPr fullCalcOnLoad="1"/>`, and stores placeholders), and which rows
//! and columns of a sheet are hidden (`<row hidden="1">`, `<col hidden="1">`, also what a
//! filter hides). Read from the workbook's XML with the zip and XML crates calamine uses.

use std::collections::HashMap;
use std::io::{BufReader, Read};
use std::path::Path;

use quick_xml::events::{BytesStart, Event};

/// Rows and columns a sheet hides, 1-based.
#[derive(Debug, Default)]
pub struct Hidden {
    /// Hidden rows, by number.
    pub rows: Vec<u32>,
    /// Ranges of columns, `min..=max`.
    pub columns: Vec<(u32, u32)>,
}

impl Hidden {
    /// Whether column `col` (0-based) is hidden.
    pub fn column(&self, col: u32) -> bool {
        self.columns.iter().any(|&(min, max)| (min..=max).contains(&(col + 1)))
    }
}

/// What the workbook at `path` keeps from view.
#[derive(Debug, Default)]
pub struct Unseen {
    /// The formulas' stored values are placeholders, to be computed when the file is opened.
    pub uncomputed: bool,
    /// By sheet name, what the sheet holds besides its values.
    pub sheets: HashMap<String, Kept>,
}

/// What a sheet holds besides its values.
#[derive(Debug, Default)]
pub struct Kept {
    /// Hidden rows and columns.
    pub hidden: Hidden,
    /// Whether any cell has a formula.
    pub formulas: bool,
    /// Whether any cells are merged.
    pub merged: bool,
    /// Whether the sheet's XML is larger than `SHEET_LIMIT` (a small file can unzip to
    /// gigabytes): not read at all.
    pub too_large: bool,
}

/// The most XML of one sheet that is read: more than any sheet of departments needs, less than
/// would exhaust memory.
pub const SHEET_LIMIT: u64 = 512 << 20;

/// Reads what the workbook at `path` keeps from view; a part that cannot be read hides nothing
/// (calamine has read the same file, and reports what is broken).
pub fn unseen(path: &Path) -> Unseen {
    let mut out = Unseen::default();
    let Ok(file) = std::fs::File::open(path) else { return out };
    let Ok(mut zip) = zip::ZipArchive::new(BufReader::new(file)) else { return out };
    let mut sheets = Vec::new();
    // Where the workbook's parts are, as the package's relationships say (`xl/` by custom).
    let mut workbook = "xl/workbook.xml".to_string();
    each_element(&mut zip, "_rels/.rels", |e| {
        if attribute(e, "Type").is_some_and(|t| t.ends_with("/officeDocument"))
            && let Some(target) = attribute(e, "Target")
        {
            workbook = target.trim_start_matches('/').to_string();
        }
    });
    let (dir, file) = workbook.rsplit_once('/').unwrap_or(("", workbook.as_str()));
    let in_dir = |target: &str| if dir.is_empty() { target.to_string() } else { format!("{dir}/{target}") };
    let relationships = in_dir(&format!("_rels/{file}.rels"));
    each_element(&mut zip, &workbook, |e| match e.local_name().as_ref() {
        "calcPr" => out.uncomputed |= attribute(e, "fullCalcOnLoad").is_some_and(|v| v == "1" || v == "true"),
        "sheet" => sheets.extend(attribute(e, "name").zip(attribute(e, "id"))),
        _ => {}
    });
    let mut targets = HashMap::new();
    each_element(&mut zip, &relationships, |e| {
        if let (Some(id), Some(target)) = (attribute(e, "Id"), attribute(e, "Target")) {
            targets.insert(id, target);
        }
    });
    for (name, id) in sheets {
        let Some(target) = targets.get(&id) else { continue };
        let part = match target.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None => in_dir(target),
        };
        // A sheet is read as it unpacks, never whole: it can be hundreds of megabytes.
        let Some(found) = part_reader(&mut zip, &part).and_then(|xml| scan(xml).ok()) else { continue };
        let Some(found) = found else {
            out.sheets.insert(name, Kept { too_large: true, ..Kept::default() });
            continue;
        };
        let [f1, f2, f3, f4, merged, hidden] = found;
        let mut kept = Kept { formulas: f1 || f2 || f3 || f4, merged, ..Kept::default() };
        // Most sheets hide nothing: their rows are not parsed.
        if hidden && let Some(xml) = part_reader(&mut zip, &part) {
            kept.hidden = hidden_parts(xml);
        }
        out.sheets.insert(name, kept);
    }
    out
}

/// What `scan` looks for in a sheet's XML: formulas (four ways of writing them), merged cells
/// and something hidden.
const SOUGHT: [&[u8]; 6] = [b"<f>", b"<f ", b":f>", b":f ", b"mergeCell", b"hidden="];

/// Which of `SOUGHT` a sheet's XML holds, read a piece at a time; `None` when it is larger
/// than `SHEET_LIMIT`.
fn scan(mut xml: impl Read) -> std::io::Result<Option<[bool; 6]>> {
    let finders = SOUGHT.map(memchr::memmem::Finder::new);
    // The end of each piece is searched again with the next: a word may span the two.
    let overlap = SOUGHT.iter().map(|s| s.len()).max().unwrap_or(1) - 1;
    let mut found = [false; 6];
    let (mut buf, mut held, mut total) = (vec![0u8; 1 << 20], 0, 0u64);
    loop {
        let n = xml.read(&mut buf[held..])?;
        if n == 0 {
            return Ok(Some(found));
        }
        total += n as u64;
        if total > SHEET_LIMIT {
            return Ok(None);
        }
        let piece = &buf[..held + n];
        for (finder, hit) in finders.iter().zip(&mut found) {
            *hit = *hit || finder.find(piece).is_some();
        }
        held = piece.len().min(overlap);
        let end = piece.len();
        buf.copy_within(end - held..end, 0);
    }
}

/// The rows and columns a sheet's XML hides.
fn hidden_parts(xml: impl std::io::BufRead) -> Hidden {
    let mut hidden = Hidden::default();
    // A row without its number follows the one before.
    let mut row = 0;
    each_element_in(xml, |e| {
        let is_hidden = attribute(e, "hidden").is_some_and(|v| v == "1" || v == "true");
        match e.local_name().as_ref() {
            "row" => {
                row = attribute(e, "r").and_then(|r| r.parse::<u32>().ok()).unwrap_or(row + 1);
                if is_hidden {
                    hidden.rows.push(row);
                }
            }
            "col" if is_hidden => {
                let number = |key: &str| attribute(e, key).and_then(|v| v.parse::<u32>().ok());
                hidden.columns.extend(number("min").zip(number("max")));
            }
            _ => {}
        }
    });
    hidden
}

/// The zip's part `name` as it unpacks, if it is there.
fn part_reader<'z, R: Read + std::io::Seek>(
    zip: &'z mut zip::ZipArchive<R>,
    name: &str,
) -> Option<BufReader<zip::read::ZipFile<'z, R>>> {
    zip.by_name(name).ok().map(|part| BufReader::with_capacity(1 << 16, part))
}

/// The bytes of the zip's part `name`, if it is there and reads whole.
fn part_bytes<R: Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>, name: &str) -> Option<Vec<u8>> {
    let part = zip.by_name(name).ok()?;
    let mut bytes = Vec::new();
    // One byte past the limit tells a part that is too large, whatever its header claims.
    part.take(SHEET_LIMIT + 1).read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

/// Calls `each` with every start (or empty) element of `xml`.
fn each_element_in(xml: impl std::io::BufRead, mut each: impl FnMut(&BytesStart)) {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => each(&e),
            Ok(Event::Eof) | Err(_) => return,
            _ => {}
        }
        buf.clear();
    }
}

/// Calls `each` with every start (or empty) element of the zip's part `name`, if it is there.
fn each_element<R: Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>, name: &str, each: impl FnMut(&BytesStart)) {
    if let Some(xml) = part_bytes(zip, name) {
        each_element_in(xml.as_slice(), each);
    }
}

/// An attribute's value by its local name (`r:id` is found as `id`).
fn attribute(e: &BytesStart, key: &str) -> Option<String> {
    e.attributes().flatten().find(|a| a.key.local_name().as_ref() == key).map(|a| {
        let raw = a.value.to_string();
        quick_xml::escape::unescape(&raw).map(|v| v.into_owned()).unwrap_or(raw)
    })
}
