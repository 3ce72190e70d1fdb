//! A fast way in for well-formed records: a line of JSON straight to input values, without
//! building a JSON tree first. It gives up (`None`) at anything it does not expect (a wrong
//! type, a value out of range, a key twice); the reader in `data` then reads the record
//! again and says what is wrong, so messages are the same either way.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{Record, Value};
use crate::number::{Number, parse_decimal};
use crate::program::{Limit, Program, Shape};

/// The record in `text`, if it is well formed. `defaults` are the inputs' default values.
pub fn record(program: &Program, defaults: &[Option<Value>], text: &[u8]) -> Option<Record> {
    let mut de = serde_json::Deserializer::from_slice(text);
    let inputs = Inputs { program, defaults }.deserialize(&mut de).ok()?;
    de.end().ok()?;
    let Value::Text(unit) = inputs.get(program.roles.unit)? else { return None };
    let unit = unit.trim();
    if unit.is_empty() {
        return None;
    }
    Some(Record { unit: unit.to_string(), inputs })
}

/// Anything unexpected: the slow reader takes over.
fn give_up<E: de::Error>() -> E {
    E::custom("not the fast case")
}

struct Inputs<'p> {
    program: &'p Program,
    defaults: &'p [Option<Value>],
}

impl<'de> DeserializeSeed<'de> for Inputs<'_> {
    type Value = Vec<Value>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Vec<Value>, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Inputs<'_> {
    type Value = Vec<Value>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a record")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<Value>, A::Error> {
        let inputs = &self.program.inputs;
        let keys: Vec<&str> = inputs.iter().map(|i| i.field.as_str()).collect();
        let mut slots: Vec<Option<Value>> = vec![None; inputs.len()];
        while let Some(i) = map.next_key_seed(KeyIndex(&keys))? {
            if slots[i].is_some() {
                return Err(give_up());
            }
            slots[i] = Some(map.next_value_seed(Read { program: self.program, shape: &inputs[i].shape })?);
        }
        slots
            .into_iter()
            .zip(inputs)
            .zip(self.defaults)
            .map(|((slot, input), default)| match (slot, &input.shape) {
                (Some(v), _) => Ok(v),
                (None, _) if default.is_some() => default.clone().ok_or_else(give_up),
                (None, Shape::Optional(_)) => Ok(Value::Absent),
                (None, _) => Err(give_up()),
            })
            .collect()
    }
}

/// A key's position among the expected keys; an unexpected key gives up.
struct KeyIndex<'k>(&'k [&'k str]);

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
        self.0.iter().position(|k| *k == key).ok_or_else(give_up)
    }
}

/// A value of a shape.
#[derive(Clone, Copy)]
struct Read<'p> {
    program: &'p Program,
    shape: &'p Shape,
}

impl<'de> DeserializeSeed<'de> for Read<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        let program = self.program;
        match self.shape {
            Shape::Optional(inner) => d.deserialize_option(Optional(Read { program, shape: inner })),
            Shape::Text => Ok(Value::Text(<String as serde::Deserialize>::deserialize(d)?)),
            Shape::Number { whole, min, max, .. } => {
                // The number's text as written, borrowed from the line: no copy, no f64.
                // Anything but a number (a string, an object) does not read as a decimal.
                let raw = <&serde_json::value::RawValue as serde::Deserialize>::deserialize(d)?;
                let n = Number::from_decimal(parse_decimal(raw.get()).ok_or_else(give_up)?);
                if within(n, *whole, *min, *max) { Ok(Value::Num(n)) } else { Err(give_up()) }
            }
            Shape::Rating(s) => {
                let levels: Vec<&str> = program.scales[*s].levels.iter().map(|(n, _)| n.as_str()).collect();
                d.deserialize_str(Word(&levels)).map(Value::Level)
            }
            Shape::Label(l) => {
                let labels: Vec<&str> = program.label_sets[*l].iter().map(String::as_str).collect();
                d.deserialize_str(Word(&labels)).map(Value::Level)
            }
            Shape::List { .. } | Shape::Tally { .. } | Shape::Each { .. } | Shape::Record(_) => d.deserialize_any(self),
        }
    }
}

fn within(n: Number, whole: bool, min: Option<Limit>, max: Option<Limit>) -> bool {
    let below = min.is_some_and(|m| if m.inclusive { n < m.value } else { n <= m.value });
    let above = max.is_some_and(|m| if m.inclusive { n > m.value } else { n >= m.value });
    !below && !above && (!whole || n.is_integer())
}

/// Lists, tallies, per-leaf values and records.
impl<'de> Visitor<'de> for Read<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list or an object")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let Shape::List { item, min, max } = self.shape else { return Err(give_up()) };
        let mut items = Vec::new();
        while let Some(v) = seq.next_element_seed(Read { program: self.program, shape: item })? {
            items.push(v);
        }
        if items.len() < *min || max.is_some_and(|m| items.len() > m) {
            return Err(give_up());
        }
        Ok(Value::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Value, A::Error> {
        let program = self.program;
        match self.shape {
            Shape::Tally { scale, nonempty } => {
                let levels: Vec<&str> = program.scales[*scale].levels.iter().map(|(n, _)| n.as_str()).collect();
                let count = Shape::count();
                let counts: Vec<Number> = keyed(program, map, &levels, |_| &count)?
                    .into_iter()
                    .map(|c| c.as_num().unwrap_or(Number::ZERO)) // a level left out counts 0
                    .collect();
                let mut total = Number::ZERO;
                for n in &counts {
                    total = total.checked_add(*n).map_err(|_| give_up())?;
                }
                if *nonempty && total.is_zero() {
                    return Err(give_up());
                }
                Ok(Value::Tally(counts))
            }
            Shape::Each { indicator, item } => {
                let leaves = program.leaves(*indicator);
                let keys: Vec<&str> = leaves.iter().map(|&n| program.indicators[n].name.as_str()).collect();
                let values = keyed(program, map, &keys, |_| item)?;
                if values.iter().zip(&keys).any(|(v, _)| *v == Value::Absent) && !matches!(**item, Shape::Optional(_)) {
                    return Err(give_up());
                }
                Ok(Value::Map(values))
            }
            Shape::Record(fields) => {
                let keys: Vec<&str> = fields.iter().map(|(n, _)| n.as_str()).collect();
                let values = keyed(program, map, &keys, |i| &fields[i].1)?;
                let missing = values
                    .iter()
                    .zip(fields)
                    .any(|(v, (_, s))| *v == Value::Absent && !matches!(s, Shape::Optional(_)));
                if missing { Err(give_up()) } else { Ok(Value::Record(values)) }
            }
            _ => Err(give_up()),
        }
    }
}

/// An object's values by the given keys, in the keys' order; a key left out is `Absent`
/// here (the caller decides whether that may be), a key twice or unknown gives up.
fn keyed<'de, 's, A: MapAccess<'de>>(
    program: &Program,
    mut map: A,
    keys: &[&str],
    shape: impl Fn(usize) -> &'s Shape,
) -> Result<Vec<Value>, A::Error> {
    let mut slots: Vec<Option<Value>> = vec![None; keys.len()];
    while let Some(i) = map.next_key_seed(KeyIndex(keys))? {
        if slots[i].is_some() {
            return Err(give_up());
        }
        slots[i] = Some(map.next_value_seed(Read { program, shape: shape(i) })?);
    }
    Ok(slots.into_iter().map(|s| s.unwrap_or(Value::Absent)).collect())
}

/// `null` is a value left out; anything else is read with the inner shape.
struct Optional<'p>(Read<'p>);

impl<'de> Visitor<'de> for Optional<'_> {
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

/// A word among the allowed ones, compared without spaces at its ends.
struct Word<'w>(&'w [&'w str]);

impl Visitor<'_> for Word<'_> {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a known word")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<usize, E> {
        self.0.iter().position(|w| *w == s.trim()).ok_or_else(give_up)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::data::{default_values, read_record};
    use crate::source::SourceFile;

    /// Every record of the examples and of the bad-data files, read both ways: the fast
    /// reader gives the slow reader's record, or gives up; it never accepts a bad record.
    #[test]
    fn the_fast_reader_agrees_with_the_reader() {
        for name in ["sichuan-2014", "jiangsu-2011"] {
            let path = format!("regulations/{name}.jx");
            let text = std::fs::read_to_string(&path).unwrap();
            let (program, _) = crate::compile(&SourceFile::new(path, text)).unwrap();
            let defaults = default_values(&program);
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
                match record(&program, &defaults, line.as_bytes()) {
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
        let defaults = default_values(&program);
        let examples = std::fs::read_to_string("examples/sichuan-2014/departments.json").unwrap();
        let records: Vec<serde_json::Map<String, serde_json::Value>> = serde_json::from_str(&examples).unwrap();
        let line = serde_json::to_string(&records[0]).unwrap();
        assert!(record(&program, &defaults, line.as_bytes()).is_some());
        let twice = line.replacen('{', "{\"部门\":\"甲\",", 1);
        let as_text = line.replacen("\"中央表彰\":", "\"中央表彰\":\"1\",\"x\":", 1);
        for bad in [twice, as_text, line.replace('}', "} extra"), "[]".to_string(), String::new()] {
            assert!(record(&program, &defaults, bad.as_bytes()).is_none(), "{bad}");
        }
        // Bytes that are not UTF-8, in a name: the checking reader says where.
        let mut not_utf8 = line.into_bytes();
        let at = not_utf8.windows(2).position(|w| w == b"\":").expect("a key") - 1;
        not_utf8[at] = 0xff;
        assert!(record(&program, &defaults, &not_utf8).is_none());
    }
}
