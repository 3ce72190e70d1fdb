//! The text of table data (CSV) in the encodings offices save it in. Chinese Excel and WPS save
//! "CSV" in GBK unless told otherwise; Notepad and some exports write UTF-16 with a byte-order
//! mark; everything else is UTF-8. The rule: a byte-order mark decides; else text that is valid
//! UTF-8 is UTF-8; else text that decodes as GB18030 (GBK's superset) without error is GB18030;
//! else the file is refused, naming where it stops being text. JSON is UTF-8 by its standard:
//! `legacy` names what a JSON file that is not UTF-8 is, so the message can say so.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use encoding_rs::{Decoder, DecoderResult, Encoding, GB18030, UTF_8};

/// Where bytes stop being text in the encoding that read furthest.
#[derive(Debug)]
pub struct Undecodable {
    pub encoding: &'static Encoding,
    /// The byte of the file (0-based) where the text breaks.
    pub at: usize,
    /// Its line, from 1.
    pub line: usize,
    /// Its column in characters, from 1.
    pub column: usize,
}

/// The text of a whole file, by the rule above, without its byte-order mark.
pub fn decode(bytes: Vec<u8>) -> Result<String, Undecodable> {
    if let Some((encoding, bom)) = Encoding::for_bom(&bytes) {
        let body = &bytes[bom..];
        if encoding == UTF_8 {
            return std::str::from_utf8(body).map(str::to_string).map_err(|_| undecodable(body, UTF_8, bom));
        }
        return match encoding.decode_without_bom_handling_and_without_replacement(body) {
            Some(text) => Ok(text.into_owned()),
            None => Err(undecodable(body, encoding, bom)),
        };
    }
    let (valid, bytes) = match String::from_utf8(bytes) {
        Ok(text) => return Ok(text),
        Err(e) => (e.utf8_error().valid_up_to(), e.into_bytes()),
    };
    if broken_utf8(non_ascii(&bytes[..valid])) {
        return Err(undecodable(&bytes, UTF_8, 0));
    }
    if let Some(text) = GB18030.decode_without_bom_handling_and_without_replacement(&bytes) {
        return Ok(text.into_owned());
    }
    let (utf8, gbk) = (undecodable(&bytes, UTF_8, 0), undecodable(&bytes, GB18030, 0));
    Err(if gbk.at > utf8.at { gbk } else { utf8 })
}

/// The encoding of a file by the rule above, read a block at a time (data may be larger than
/// memory should hold); `None` when the file is in none of them.
pub fn detect(path: &Path) -> io::Result<Option<&'static Encoding>> {
    let mut head = Vec::with_capacity(3);
    File::open(path)?.take(3).read_to_end(&mut head)?;
    if let Some((encoding, bom)) = Encoding::for_bom(&head) {
        return Ok(decodes(path, encoding, bom as u64)?.is_ok().then_some(encoding));
    }
    match decodes(path, UTF_8, 0)? {
        Ok(()) => Ok(Some(UTF_8)),
        Err(seen) if broken_utf8(seen) => Ok(None),
        Err(_) => Ok(decodes(path, GB18030, 0)?.is_ok().then_some(GB18030)),
    }
}

/// The encoding to stream a file in, from its first 64 KB where they settle it: a byte-order
/// mark, or valid UTF-8 (a stream read as UTF-8 that breaks later fails there, and the whole-file
/// reader then applies the full rule). Anything else is decided by `detect` over the whole file.
/// Each pass over streamed CSV opens its files again: this keeps them from being read twice.
pub fn detect_for_stream(path: &Path) -> io::Result<Option<&'static Encoding>> {
    let mut head = Vec::with_capacity(1 << 16);
    File::open(path)?.take(1 << 16).read_to_end(&mut head)?;
    if let Some((encoding, _)) = Encoding::for_bom(&head) {
        if encoding == UTF_8 {
            return Ok(Some(UTF_8));
        }
        return detect(path);
    }
    match std::str::from_utf8(&head) {
        // A character cut by the end of the block is not an error.
        Err(e) if e.error_len().is_some() => detect(path),
        _ => Ok(Some(UTF_8)),
    }
}

/// Whether text that stops being UTF-8 after `seen` non-ASCII characters is UTF-8 with a
/// broken byte, not GBK: GBK text hardly ever reads as two UTF-8 characters first.
fn broken_utf8(seen: usize) -> bool {
    seen >= 2
}

/// The non-ASCII characters in UTF-8 `bytes`.
fn non_ascii(utf8: &[u8]) -> usize {
    utf8.iter().filter(|b| **b >= 0xC0).count()
}

/// Whether the file, from byte `skip` on, decodes in `encoding` without error; if not, the
/// non-ASCII characters decoded before the error.
fn decodes(path: &Path, encoding: &'static Encoding, skip: u64) -> io::Result<Result<(), usize>> {
    let mut file = File::open(path)?;
    io::copy(&mut (&mut file).take(skip), &mut io::sink())?;
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let (mut block, mut out) = (vec![0u8; 1 << 16], vec![0u8; 1 << 16]);
    let mut seen = 0;
    loop {
        let n = match file.read(&mut block) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if first_error(&mut decoder, &block[..n], n == 0, &mut out, &mut seen).is_some() {
            return Ok(Err(seen));
        }
        if n == 0 {
            return Ok(Ok(()));
        }
    }
}

/// Feeds `bytes` to `decoder` (`last` when no more follow); where in them the first malformed
/// sequence starts, if there is one (0 when it began in an earlier block). Counts the
/// non-ASCII characters decoded into `seen`.
fn first_error(decoder: &mut Decoder, bytes: &[u8], last: bool, out: &mut [u8], seen: &mut usize) -> Option<usize> {
    let mut read = 0;
    loop {
        let (result, n, written) = decoder.decode_to_utf8_without_replacement(&bytes[read..], out, last);
        read += n;
        *seen += non_ascii(&out[..written]);
        match result {
            DecoderResult::InputEmpty => return None,
            DecoderResult::OutputFull => {}
            DecoderResult::Malformed(bad, after) => {
                return Some(read.saturating_sub(usize::from(bad) + usize::from(after)));
            }
        }
    }
}

/// Where `body` (from byte `offset` of the file) stops decoding in `encoding`.
fn undecodable(body: &[u8], encoding: &'static Encoding, offset: usize) -> Undecodable {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let valid = first_error(&mut decoder, body, true, &mut vec![0u8; 1 << 16], &mut 0).unwrap_or(body.len());
    let (before, _) = encoding.decode_without_bom_handling(&body[..valid]);
    let place = super::record::Start::default().after(before.as_bytes());
    Undecodable { encoding, at: offset + valid, line: place.line, column: place.char_column }
}

/// What text that is not UTF-8 is, if it is text at all: `UTF-16` (by its byte-order mark) or
/// `GBK` (it decodes as GB18030 without error).
pub fn legacy(bytes: &[u8]) -> Option<&'static str> {
    match Encoding::for_bom(bytes) {
        Some((encoding, _)) if encoding != UTF_8 => Some("UTF-16"),
        Some(_) => None,
        None => {
            let valid = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), str::len);
            if broken_utf8(non_ascii(&bytes[..valid])) {
                return None;
            }
            // Two characters at least: a stray byte or two is not evidence of GBK.
            let text = GB18030.decode_without_bom_handling_and_without_replacement(bytes)?;
            (text.chars().filter(|c| !c.is_ascii()).nth(1).is_some()).then_some("GBK")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "部门,得分\n省财政厅,85\n";

    #[test]
    fn each_encoding_reads_as_the_same_text() {
        let (gbk, _, _) = GB18030.encode(TEXT);
        assert_eq!(decode(gbk.into_owned()).unwrap(), TEXT);
        let utf16le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(TEXT.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(utf16le).unwrap(), TEXT);
        let utf16be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(TEXT.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(decode(utf16be).unwrap(), TEXT);
        assert_eq!(decode(format!("\u{FEFF}{TEXT}").into_bytes()).unwrap(), TEXT);
        assert_eq!(decode(TEXT.as_bytes().to_vec()).unwrap(), TEXT);
    }

    #[test]
    fn where_the_text_breaks() {
        // GBK text with a byte no encoding reads, on line 2 after two characters.
        let (gbk, _, _) = GB18030.encode("部门,得分\n省财");
        let mut bytes = gbk.into_owned();
        let at = bytes.len();
        bytes.extend([0xFF, b'\n']);
        let e = decode(bytes).unwrap_err();
        assert_eq!((e.encoding, e.at, e.line, e.column), (GB18030, at, 2, 3));
        // UTF-8 with a broken byte: UTF-8 reads further than GBK would.
        let e = decode(b"ab\nc\xFF".to_vec()).unwrap_err();
        assert_eq!((e.at, e.line, e.column), (4, 2, 2));
    }

    #[test]
    fn what_json_that_is_not_utf8_is() {
        let (gbk, _, _) = GB18030.encode("[{\"部门\":\"甲\"}]");
        assert_eq!(legacy(&gbk), Some("GBK"));
        assert_eq!(legacy(&[0xFF, 0xFE, b'[', 0]), Some("UTF-16"));
        assert_eq!(legacy(&[b'[', 0xFF, 0xFF]), None);
        assert_eq!(legacy(&[b'[', 0xC3, b']']), None, "one stray byte is not GBK");
    }

    #[test]
    fn utf8_with_a_broken_byte_is_not_read_as_gbk() {
        let mut bytes = "部门,得分\n省财政厅,85\n".as_bytes().to_vec();
        bytes.push(0xC3);
        bytes.extend(b",90\n");
        let e = decode(bytes).unwrap_err();
        assert_eq!((e.encoding, e.line, e.column), (UTF_8, 3, 1));
    }
}
