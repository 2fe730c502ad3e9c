//! Turns a file's bytes into UTF-8 text the way spreadsheets write it: UTF-8 with or without a
//! BOM, UTF-16 (Excel's "Unicode text") by its BOM, and otherwise Windows-1252 (Excel's "CSV"
//! on a Western European Windows), which any byte sequence is.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Which encoding a file was read in, to tell the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

impl TextEncoding {
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 with BOM",
            TextEncoding::Utf16Le => "UTF-16 LE",
            TextEncoding::Utf16Be => "UTF-16 BE",
            TextEncoding::Windows1252 => "Windows-1252",
        }
    }
}

/// The text of `bytes` as UTF-8 (borrowed when it already is), and the encoding read.
pub fn decode(bytes: &[u8]) -> (Cow<'_, [u8]>, TextEncoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (Cow::Borrowed(rest), TextEncoding::Utf8Bom);
    }
    let utf16 = |encoding: &'static Encoding, which| {
        // `decode_with_bom_removal` drops the BOM; malformed pairs become U+FFFD, visibly.
        let (text, _) = encoding.decode_with_bom_removal(bytes);
        (Cow::Owned(text.into_owned().into_bytes()), which)
    };
    if bytes.starts_with(b"\xFF\xFE") {
        return utf16(UTF_16LE, TextEncoding::Utf16Le);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return utf16(UTF_16BE, TextEncoding::Utf16Be);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return (Cow::Borrowed(bytes), TextEncoding::Utf8);
    }
    let (text, _, _) = WINDOWS_1252.decode(bytes);
    (Cow::Owned(text.into_owned().into_bytes()), TextEncoding::Windows1252)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> (String, TextEncoding) {
        let (t, e) = decode(bytes);
        (String::from_utf8(t.into_owned()).unwrap(), e)
    }

    #[test]
    fn each_encoding_is_recognised() {
        assert_eq!(text(b"caf\xc3\xa9"), ("café".into(), TextEncoding::Utf8));
        assert_eq!(text(b"\xEF\xBB\xBFcaf\xc3\xa9"), ("café".into(), TextEncoding::Utf8Bom));
        // 0xE9 is é and 0x80 is € in Windows-1252.
        assert_eq!(text(b"caf\xe9 \x80"), ("café €".into(), TextEncoding::Windows1252));
        assert_eq!(text(b"\xFF\xFEc\0\xe9\0"), ("cé".into(), TextEncoding::Utf16Le));
        assert_eq!(text(b"\xFE\xFF\0c\0\xe9"), ("cé".into(), TextEncoding::Utf16Be));
    }
}
