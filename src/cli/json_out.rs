//! Compact JSON for the eval records, written field by field into a byte buffer: the bytes
//! `serde_json::to_writer` gives for the same values (numbers through its own formatter,
//! enums and any text that needs escaping through serde_json itself), without its string
//! escaping on the keys, which are constants, and on texts that need none. A record holds some
//! 180 strings; escaping them one byte at a time was a fifth of `eval --format json`.

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter};

/// Writes one JSON object's members, with the commas between them.
pub struct Object<'a> {
    out: &'a mut Vec<u8>,
    empty: bool,
}

impl<'a> Object<'a> {
    pub fn begin(out: &'a mut Vec<u8>) -> Object<'a> {
        out.push(b'{');
        Object { out, empty: true }
    }

    /// Starts the member `key` (a constant that needs no escaping) and returns the buffer for
    /// its value.
    pub fn key(&mut self, key: &'static str) -> &mut Vec<u8> {
        debug_assert!(plain(key), "{key}");
        if !self.empty {
            self.out.push(b',');
        }
        self.empty = false;
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\":");
        self.out
    }

    pub fn end(self) {
        self.out.push(b'}');
    }
}

/// A JSON array of `items`, each written by `item`.
pub fn array<T>(
    out: &mut Vec<u8>,
    items: impl IntoIterator<Item = T>,
    mut item: impl FnMut(&mut Vec<u8>, T) -> serde_json::Result<()>,
) -> serde_json::Result<()> {
    out.push(b'[');
    for (i, value) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        item(out, value)?;
    }
    out.push(b']');
    Ok(())
}

/// Whether `text` goes into JSON as it is: no quote, backslash or control character.
fn plain(text: &str) -> bool {
    // Without a short cut inside a chunk, so that the compiler checks a chunk at once.
    text.as_bytes()
        .chunks(16)
        .all(|chunk| chunk.iter().fold(true, |ok, b| ok & (*b >= 0x20) & (*b != b'"') & (*b != b'\\')))
}

/// A string, escaped as serde_json escapes it.
pub fn string(out: &mut Vec<u8>, text: &str) -> serde_json::Result<()> {
    if plain(text) {
        out.push(b'"');
        out.extend_from_slice(text.as_bytes());
        out.push(b'"');
        Ok(())
    } else {
        serde_json::to_writer(out, text)
    }
}

/// A number as serde_json writes it: `null` when it is not finite.
pub fn number(out: &mut Vec<u8>, value: f64) -> serde_json::Result<()> {
    if value.is_finite() {
        CompactFormatter.write_f64(out, value).map_err(serde_json::Error::io)?;
    } else {
        out.extend_from_slice(b"null");
    }
    Ok(())
}

pub fn whole(out: &mut Vec<u8>, value: u32) -> serde_json::Result<()> {
    CompactFormatter.write_u32(out, value).map_err(serde_json::Error::io)
}

pub fn boolean(out: &mut Vec<u8>, value: bool) -> serde_json::Result<()> {
    CompactFormatter.write_bool(out, value).map_err(serde_json::Error::io)
}

/// `value`, or `null`.
pub fn optional<T>(
    out: &mut Vec<u8>,
    value: Option<T>,
    write: impl FnOnce(&mut Vec<u8>, T) -> serde_json::Result<()>,
) -> serde_json::Result<()> {
    match value {
        Some(v) => write(out, v),
        None => {
            out.extend_from_slice(b"null");
            Ok(())
        }
    }
}

/// Any other value (the vocabulary's names), through serde_json itself.
pub fn serialized(out: &mut Vec<u8>, value: &impl Serialize) -> serde_json::Result<()> {
    serde_json::to_writer(out, value)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn ours(write: impl FnOnce(&mut Vec<u8>) -> serde_json::Result<()>) -> String {
        let mut out = Vec::new();
        write(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn an_object_by_hand() {
        let text = ours(|out| {
            let mut o = Object::begin(out);
            string(o.key("name"), "Brasserie \"Vieux\" \u{1b}[2J")?;
            number(o.key("score"), 65.9)?;
            number(o.key("nan"), f64::NAN)?;
            optional(o.key("none"), None::<u32>, whole)?;
            array(o.key("list"), [1u32, 2], whole)?;
            boolean(o.key("ok"), true)?;
            o.end();
            Ok(())
        });
        assert_eq!(
            text,
            r#"{"name":"Brasserie \"Vieux\" \u001b[2J","score":65.9,"nan":null,"none":null,"list":[1,2],"ok":true}"#
        );
        assert_eq!(ours(|out| array(out, Vec::<u32>::new(), whole)), "[]");
        let empty = ours(|out| {
            Object::begin(out).end();
            Ok(())
        });
        assert_eq!(empty, "{}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        /// Any text, control characters, quotes and backslashes included, and any float: the
        /// bytes serde_json writes.
        #[test]
        fn as_serde_json_writes_them(text in "(\\PC|[\\x00-\\x1f\"\\\\\\x7f])*", bits: u64) {
            prop_assert_eq!(ours(|out| string(out, &text)), serde_json::to_string(&text).unwrap());
            let x = f64::from_bits(bits);
            prop_assert_eq!(ours(|out| number(out, x)), serde_json::to_string(&x).unwrap());
        }

        /// Clean text of any length with at most one special byte at any place, so that every
        /// position in an eight-byte word and in the tail is tried.
        #[test]
        fn one_special_byte_anywhere(clean in "[a-zA-Zé€ .,:()%-]{0,40}", at: usize, special in 0usize..5) {
            let mut text = clean;
            let specials = ["\"", "\\", "\n", "\u{1}", "\u{1f}"];
            if let Some(s) = specials.get(special).filter(|_| special < 4 || at % 2 == 0) {
                let mut place = at % (text.len() + 1);
                while !text.is_char_boundary(place) {
                    place -= 1;
                }
                text.insert_str(place, s);
            }
            prop_assert_eq!(ours(|out| string(out, &text)), serde_json::to_string(&text).unwrap());
        }
    }
}
