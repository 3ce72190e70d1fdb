//! A fast way in for well-formed records: a line of JSON straight to input values, without
//! building a JSON tree first. It gives up (`None`) at anything it does not expect (a wrong
//! type, a value out of range, a key twice); the reader in `data` then reads the record
//! again and says what is wrong, so messages are the same either way. What each shape
//! expects (its keys, its words) is worked out once per run, not once per value.

use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::names::normalise;
use super::{Record, Value};
use crate::number::{Number, parse_decimal, plain_number};
use crate::program::{Limit, Program, Shape};

/// Reads records of one program.
pub struct FastReader<'p> {
    program: &'p Program,
    /// The inputs' default values.
    defaults: Vec<Option<Value>>,
    /// The record's keys and what each holds.
    inputs: Keyed<'p>,
}

impl<'p> FastReader<'p> {
    pub fn new(program: &'p Program) -> FastReader<'p> {
        let inputs = Keyed {
            keys: program.inputs.iter().map(|i| i.field.as_str()).collect(),
            items: program.inputs.iter().map(|i| Expect::new(program, &i.shape)).collect(),
        };
        FastReader { program, defaults: super::record::default_values(program), inputs }
    }

    /// The record in `text`, if it is well formed.
    pub fn record(&self, text: &[u8]) -> Option<Record> {
        // The UTF-8 is checked once for the whole record: a JSON reader of bytes checks
        // every string (every key) again, a fifth of the time a record takes to read.
        let text = simdutf8::basic::from_utf8(text).ok()?;
        let mut de = serde_json::Deserializer::from_str(text);
        let slots = Object(&self.inputs).deserialize(&mut de).ok()?;
        de.end().ok()?;
        self.complete(slots)
    }

    /// The record that `bytes` start with (an element of a JSON array, followed by the rest
    /// of the array), if it is well formed and ends within the first `window` bytes; and
    /// how many bytes it takes. What follows it is not looked at. The window is what is
    /// checked as UTF-8: a little more than a record, not the rest of the file.
    pub fn record_at(&self, bytes: &[u8], window: usize) -> Option<(Record, usize)> {
        // The window ends before a character that it would cut.
        let mut end = window.min(bytes.len());
        while end < bytes.len() && end > 0 && bytes[end] & 0xc0 == 0x80 {
            end -= 1;
        }
        // Bytes that are not UTF-8 in the window, even after the record: the slow reader.
        let text = simdutf8::basic::from_utf8(&bytes[..end]).ok()?;
        let mut de = serde_json::Deserializer::from_str(text);
        let slots = Object(&self.inputs).deserialize(&mut de).ok()?;
        // Where the reader stopped: just after the record's closing brace.
        let used = de.into_iter::<serde::de::IgnoredAny>().byte_offset();
        Some((self.complete(slots)?, used))
    }

    /// A record of the values read by key (`None`: left out).
    fn complete(&self, slots: Vec<Option<Value>>) -> Option<Record> {
        // A field left out takes its default, or is absent if it may be.
        let inputs = slots
            .into_iter()
            .zip(&self.program.inputs)
            .zip(&self.defaults)
            .map(|((slot, input), default)| match (slot, &input.shape) {
                (Some(v), _) => Some(v),
                (None, _) if default.is_some() => default.clone(),
                (None, Shape::Optional(_)) => Some(Value::Absent),
                (None, _) => None,
            })
            .collect::<Option<Vec<Value>>>()?;
        let unit_at = self.program.roles.unit;
        let Value::Text(unit) = inputs.get(unit_at)? else { return None };
        let unit = normalise(unit).into_owned();
        if unit.is_empty() {
            return None;
        }
        // The results carry the name as read (a name already normal is most names).
        let mut inputs = inputs;
        let mut written = None;
        if let Value::Text(given) = &mut inputs[unit_at]
            && *given != unit
        {
            written = Some(std::mem::replace(given, unit.clone()));
        }
        Some(Record { unit, inputs, written })
    }
}

/// Anything unexpected: the slow reader takes over.
fn give_up<E: de::Error>() -> E {
    E::custom("not the fast case")
}

/// What a value of a shape must be, ready for reading.
enum Expect<'p> {
    Text,
    /// `true` or `false` (a word such as 是 goes to the slow reader).
    YesNo,
    /// Left to the slow reader.
    Slow,
    Number {
        whole: bool,
        min: Option<Limit>,
        max: Option<Limit>,
    },
    /// A rating's level or a label, by the words allowed.
    Word(Vec<&'p str>),
    List {
        item: Box<Expect<'p>>,
        min: usize,
        max: Option<usize>,
        /// How long the last such list read was: room made for the next at once (serde_json
        /// does not say how long a list is), rather than grown item by item.
        last: AtomicUsize,
    },
    Tally {
        levels: Vec<&'p str>,
        nonempty: bool,
    },
    /// One value per leaf (by the leaves' names): every one given unless the item is optional.
    Each(Keyed<'p>),
    /// A record's fields: those not optional must be given.
    Record(Keyed<'p>),
    Optional(Box<Expect<'p>>),
}

/// An object's keys and what each holds.
struct Keyed<'p> {
    keys: Vec<&'p str>,
    items: Vec<Expect<'p>>,
}

impl<'p> Expect<'p> {
    fn new(program: &'p Program, shape: &'p Shape) -> Expect<'p> {
        match shape {
            Shape::Text => Expect::Text,
            Shape::YesNo => Expect::YesNo,
            // A percentage is written as text (`"92%"`): the slow reader reads it.
            Shape::Number { unit: crate::program::Unit::Ratio, .. } => Expect::Slow,
            Shape::Number { whole, min, max, .. } => Expect::Number { whole: *whole, min: *min, max: *max },
            Shape::Rating(s) => Expect::Word(program.scales[*s].levels.iter().map(|(n, _)| n.as_str()).collect()),
            Shape::Label(l) => Expect::Word(program.label_sets[*l].iter().map(String::as_str).collect()),
            Shape::List { item, min, max } => Expect::List {
                item: Box::new(Expect::new(program, item)),
                min: *min,
                max: *max,
                last: AtomicUsize::new(0),
            },
            Shape::Tally { scale, nonempty } => Expect::Tally {
                levels: program.scales[*scale].levels.iter().map(|(n, _)| n.as_str()).collect(),
                nonempty: *nonempty,
            },
            Shape::Each { indicator, item } => {
                let leaves = program.leaves(*indicator);
                Expect::Each(Keyed {
                    keys: leaves.iter().map(|&n| program.indicators[n].name.as_str()).collect(),
                    items: leaves.iter().map(|_| Expect::new(program, item)).collect(),
                })
            }
            Shape::Record(fields) => Expect::Record(Keyed {
                keys: fields.iter().map(|(n, _)| n.as_str()).collect(),
                items: fields.iter().map(|(_, s)| Expect::new(program, s)).collect(),
            }),
            Shape::Optional(inner) => Expect::Optional(Box::new(Expect::new(program, inner))),
        }
    }
}

/// An object's values by its keys, in the keys' order (`None` for a key left out); a key
/// twice or unknown gives up.
struct Object<'a, 'p>(&'a Keyed<'p>);

impl<'de> DeserializeSeed<'de> for Object<'_, '_> {
    type Value = Vec<Option<Value>>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Object<'_, '_> {
    type Value = Vec<Option<Value>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut slots: Vec<Option<Value>> = Vec::with_capacity(self.0.keys.len());
        slots.resize_with(self.0.keys.len(), || None);
        let mut expected = 0;
        while let Some(i) = map.next_key_seed(KeyIndex(&self.0.keys, expected))? {
            if slots[i].is_some() {
                return Err(give_up());
            }
            expected = i + 1;
            slots[i] = Some(map.next_value_seed(Read(&self.0.items[i]))?);
        }
        Ok(slots)
    }
}

/// A key's position among the expected keys; an unexpected key gives up. Keys mostly come
/// in the order the template writes them, so the one after the last is tried first.
struct KeyIndex<'k>(&'k [&'k str], usize);

impl<'de> DeserializeSeed<'de> for KeyIndex<'_> {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for KeyIndex<'_> {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a known key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<usize, E> {
        if self.0.get(self.1) == Some(&key) {
            return Ok(self.1);
        }
        self.0.iter().position(|k| *k == key).ok_or_else(give_up)
    }
}

/// A value as expected.
#[derive(Clone, Copy)]
struct Read<'a, 'p>(&'a Expect<'p>);

impl<'de> DeserializeSeed<'de> for Read<'_, '_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        match self.0 {
            Expect::Optional(inner) => d.deserialize_option(Optional(Read(inner))),
            Expect::Text => Ok(Value::Text(<String as serde::Deserialize>::deserialize(d)?)),
            Expect::YesNo => Ok(Value::Bool(<bool as serde::Deserialize>::deserialize(d)?)),
            Expect::Slow => Err(give_up()),
            Expect::Number { whole, min, max } => {
                // The number's text as written, borrowed from the line: no copy, no f64.
                // Anything but a number (a string, an object) does not read as a decimal.
                let raw = <&serde_json::value::RawValue as serde::Deserialize>::deserialize(d)?;
                let n = match plain_number(raw.get()) {
                    Some(n) => n,
                    None => Number::from_decimal(parse_decimal(raw.get()).ok_or_else(give_up)?),
                };
                if within(n, *whole, *min, *max) { Ok(Value::Num(n)) } else { Err(give_up()) }
            }
            Expect::Word(words) => d.deserialize_str(Word(words)).map(Value::Level),
            Expect::List { .. } | Expect::Tally { .. } | Expect::Each(_) | Expect::Record(_) => d.deserialize_any(self),
        }
    }
}

fn within(n: Number, whole: bool, min: Option<Limit>, max: Option<Limit>) -> bool {
    let below = min.is_some_and(|m| if m.inclusive { n < m.value } else { n <= m.value });
    let above = max.is_some_and(|m| if m.inclusive { n > m.value } else { n >= m.value });
    !below && !above && (!whole || n.is_integer())
}

/// Lists, tallies, per-leaf values and records.
impl<'de> Visitor<'de> for Read<'_, '_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list or an object")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let Expect::List { item, min, max, last } = self.0 else { return Err(give_up()) };
        let room = last.load(Ordering::Relaxed);
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(room).max(*min));
        while let Some(v) = seq.next_element_seed(Read(item))? {
            items.push(v);
        }
        // Written only when it changes: threads reading lists of one length share it.
        if items.len() != room {
            last.store(items.len(), Ordering::Relaxed);
        }
        if items.len() < *min || max.is_some_and(|m| items.len() > m) {
            return Err(give_up());
        }
        Ok(Value::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Value, A::Error> {
        match self.0 {
            Expect::Tally { levels, nonempty } => {
                let mut counts = vec![Number::ZERO; levels.len()];
                let mut seen = vec![false; levels.len()];
                let mut map = map;
                let mut total = Number::ZERO;
                while let Some(i) = map.next_key_seed(KeyIndex(levels, 0))? {
                    if std::mem::replace(&mut seen[i], true) {
                        return Err(give_up());
                    }
                    let count = map.next_value_seed(Read(&COUNT))?;
                    // A level left out counts 0.
                    counts[i] = count.as_num().unwrap_or(Number::ZERO);
                    total = total.checked_add(counts[i]).map_err(|_| give_up())?;
                }
                if *nonempty && total.is_zero() {
                    return Err(give_up());
                }
                Ok(Value::Tally(counts))
            }
            Expect::Each(keyed) => Ok(Value::Map(all_given(keyed, Object(keyed).visit_map(map)?)?)),
            Expect::Record(keyed) => Ok(Value::Record(all_given(keyed, Object(keyed).visit_map(map)?)?)),
            _ => Err(give_up()),
        }
    }
}

/// `次数`: a whole number ≥ 0, as a tally's counts are.
const COUNT: Expect<'static> =
    Expect::Number { whole: true, min: Some(Limit { value: Number::ZERO, inclusive: true }), max: None };

/// The values of an object whose every key must be given, unless what it holds is optional.
fn all_given<E: de::Error>(keyed: &Keyed, slots: Vec<Option<Value>>) -> Result<Vec<Value>, E> {
    slots
        .into_iter()
        .zip(&keyed.items)
        .map(|(slot, item)| match (slot, item) {
            (Some(v), _) => Ok(v),
            (None, Expect::Optional(_)) => Ok(Value::Absent),
            (None, _) => Err(give_up()),
        })
        .collect()
}

/// `null` is a value left out; anything else is read as the inner expectation.
struct Optional<'a, 'p>(Read<'a, 'p>);

impl<'de> Visitor<'de> for Optional<'_, '_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a value or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Absent)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Absent)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        self.0.deserialize(d)
    }
}

/// A word among the allowed ones, compared as a person reads it (`names::normalise`).
struct Word<'w>(&'w [&'w str]);

impl Visitor<'_> for Word<'_> {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a known word")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<usize, E> {
        // The word exactly as the regulation writes it is by far the common case, and needs no
        // look at its characters; anything else is compared as a person reads it.
        if let Some(i) = self.0.iter().position(|w| *w == s) {
            return Ok(i);
        }
        let s = normalise(s);
        self.0.iter().position(|w| *w == s).ok_or_else(give_up)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::record::read_record;
    use crate::source::SourceFile;

    /// Every record of the examples and of the bad-data files, read both ways: the fast
    /// reader gives the slow reader's record, or gives up; it never accepts a bad record.
    #[test]
    fn the_fast_reader_agrees_with_the_reader() {
        for name in ["sichuan-2014", "jiangsu-2011"] {
            let path = format!("regulations/{name}.jx");
            let text = std::fs::read_to_string(&path).unwrap();
            let (program, _) = crate::compile(&SourceFile::new(path, text)).unwrap();
            let reader = FastReader::new(&program);
            let examples = std::fs::read_to_string(format!("examples/{name}/departments.json")).unwrap();
            let mut records: Vec<serde_json::Value> = serde_json::from_str(&examples).unwrap();
            let good = records.len();
            let bad_dir = format!("tests/data/{}-bad", name.split('-').next().unwrap());
            for entry in std::fs::read_dir(bad_dir).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "json") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    if let Ok(serde_json::Value::Array(items)) = serde_json::from_str(&text) {
                        records.extend(items);
                    }
                }
            }
            let mut fast_count = 0;
            for (i, json) in records.iter().enumerate() {
                let line = serde_json::to_string(json).unwrap();
                let slow = read_record(&program, json, "record").ok();
                match reader.record(line.as_bytes()) {
                    Some(fast) => {
                        fast_count += 1;
                        assert_eq!(Some(fast), slow, "{name} record {i}: {line}");
                    }
                    None => assert!(i >= good, "{name} record {i} is good but the fast reader gave up"),
                }
            }
            assert!(fast_count >= good, "{name}: the fast reader read {fast_count} records");
        }
    }

    #[test]
    fn gives_up_on_what_it_does_not_expect() {
        let text = std::fs::read_to_string("regulations/sichuan-2014.jx").unwrap();
        let (program, _) = crate::compile(&SourceFile::new("s.jx", text)).unwrap();
        let reader = FastReader::new(&program);
        let examples = std::fs::read_to_string("examples/sichuan-2014/departments.json").unwrap();
        let records: Vec<serde_json::Map<String, serde_json::Value>> = serde_json::from_str(&examples).unwrap();
        let line = serde_json::to_string(&records[0]).unwrap();
        assert!(reader.record(line.as_bytes()).is_some());
        let twice = line.replacen('{', "{\"部门\":\"甲\",", 1);
        let as_text = line.replacen("\"中央表彰\":", "\"中央表彰\":\"1\",\"x\":", 1);
        for bad in [twice, as_text, line.replace('}', "} extra"), "[]".to_string(), String::new()] {
            assert!(reader.record(bad.as_bytes()).is_none(), "{bad}");
        }
        // Bytes that are not UTF-8, in a name: the checking reader says where.
        let mut not_utf8 = line.into_bytes();
        let at = not_utf8.windows(2).position(|w| w == b"\":").expect("a key") - 1;
        not_utf8[at] = 0xff;
        assert!(reader.record(&not_utf8).is_none());
    }
}
