//! The serde side of the fast reader: [`Reader`] as a `Deserializer`, and the lists, fields
//! and enum values it hands to the types it reads.

use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};

use super::{GaveUp, Reader, Result};

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = GaveUp;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.next_byte()? {
            b'"' => self.deserialize_str(visitor),
            b'r' if matches!(self.src.get(self.pos + 1), Some(b'"' | b'#')) => {
                self.deserialize_str(visitor)
            }
            b'[' => self.deserialize_seq(visitor),
            b'{' => self.deserialize_map(visitor),
            b't' | b'f' => self.deserialize_bool(visitor),
            _ => Err(GaveUp),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.word("true")? {
            visitor.visit_bool(true)
        } else if self.word("false")? {
            visitor.visit_bool(false)
        } else {
            Err(GaveUp)
        }
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i8(self.integer()?)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i16(self.integer()?)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i32(self.integer()?)
    }
    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i64(self.integer()?)
    }
    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u8(self.integer()?)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u16(self.integer()?)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u32(self.integer()?)
    }
    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u64(self.integer()?)
    }
    fn deserialize_f32<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(GaveUp)
    }
    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_f64(self.float()?)
    }

    fn deserialize_char<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(GaveUp)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.string()? {
            std::borrow::Cow::Borrowed(s) => visitor.visit_borrowed_str(s),
            std::borrow::Cow::Owned(s) => visitor.visit_string(s),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(GaveUp)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(GaveUp)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.word("None")? {
            return visitor.visit_none();
        }
        let at = self.pos;
        if self.word("Some")? {
            if self.next_byte()? == b'(' {
                self.pos += 1;
                self.nest()?;
                let value = visitor.visit_some(&mut *self)?;
                self.depth -= 1;
                self.expect(b')')?;
                return Ok(value);
            }
            self.pos = at;
            return Err(GaveUp);
        }
        if self.implicit_some {
            visitor.visit_some(self)
        } else {
            Err(GaveUp)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'(')?;
        self.expect(b')')?;
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, _: V) -> Result<V::Value> {
        Err(GaveUp)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: V,
    ) -> Result<V::Value> {
        Err(GaveUp)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'[')?;
        self.nest()?;
        let value = visitor.visit_seq(List {
            de: self,
            close: b']',
            first: true,
        })?;
        self.depth -= 1;
        Ok(value)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value> {
        Err(GaveUp)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        _: V,
    ) -> Result<V::Value> {
        Err(GaveUp)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'{')?;
        self.nest()?;
        let value = visitor.visit_map(Entries {
            de: self,
            close: b'}',
            first: true,
        })?;
        self.depth -= 1;
        Ok(value)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        // `(…)`, or with the struct's own name before it.
        if self.next_byte()? != b'(' && self.identifier()? != name {
            return Err(GaveUp);
        }
        self.expect(b'(')?;
        self.nest()?;
        let value = visitor.visit_map(Entries {
            de: self,
            close: b')',
            first: true,
        })?;
        self.depth -= 1;
        Ok(value)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_enum(Variant { de: self })
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.identifier()?)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(GaveUp)
    }
}

/// The elements of `[…]`.
struct List<'r, 'de> {
    de: &'r mut Reader<'de>,
    close: u8,
    first: bool,
}

impl<'de> de::SeqAccess<'de> for List<'_, 'de> {
    type Error = GaveUp;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        let goes_on = if std::mem::take(&mut self.first) {
            !self.de.empty(self.close)?
        } else {
            self.de.more(self.close)?
        };
        if !goes_on {
            return Ok(None);
        }
        seed.deserialize(&mut *self.de).map(Some)
    }
}

/// The fields of `(…)` or the entries of `{…}`: `key: value`.
struct Entries<'r, 'de> {
    de: &'r mut Reader<'de>,
    close: u8,
    first: bool,
}

impl<'de> de::MapAccess<'de> for Entries<'_, 'de> {
    type Error = GaveUp;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        let goes_on = if std::mem::take(&mut self.first) {
            !self.de.empty(self.close)?
        } else {
            self.de.more(self.close)?
        };
        if !goes_on {
            return Ok(None);
        }
        let key = seed.deserialize(&mut *self.de)?;
        self.de.expect(b':')?;
        Ok(Some(key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        seed.deserialize(&mut *self.de)
    }
}

/// An enum value: `Task`, or `Count(target: 2)`.
struct Variant<'r, 'de> {
    de: &'r mut Reader<'de>,
}

impl<'r, 'de> de::EnumAccess<'de> for Variant<'r, 'de> {
    type Error = GaveUp;
    type Variant = Self;

    fn variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<(T::Value, Self)> {
        let name = self.de.identifier()?;
        let value = seed.deserialize(IntoDeserializer::<GaveUp>::into_deserializer(name))?;
        Ok((value, self))
    }
}

impl<'de> de::VariantAccess<'de> for Variant<'_, 'de> {
    type Error = GaveUp;

    fn unit_variant(self) -> Result<()> {
        // `Task`, not `Task()` or `Task(…)`.
        self.de.skip_blank()?;
        if self.de.peek() == Some(b'(') {
            return Err(GaveUp);
        }
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _: T) -> Result<T::Value> {
        Err(GaveUp)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value> {
        Err(GaveUp)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.de.expect(b'(')?;
        self.de.nest()?;
        let value = visitor.visit_map(Entries {
            de: &mut *self.de,
            close: b')',
            first: true,
        })?;
        self.de.depth -= 1;
        Ok(value)
    }
}
