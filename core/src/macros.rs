//! Small macros shared by the core's modules.

/// A closed set of names stored and typed as kebab-case text, e.g. `multi-team`. A name
/// may carry the words it is shown in (`Pr = "pr" ("pull request")`); both are accepted
/// when typed or read, and a wrong one is told with the list of choices in those words.
macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal $(($words:literal))?),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, ts_rs::TS)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The name as the engineer reads it: "pull request" for `pr`.
            pub fn in_words(self) -> &'static str {
                match self { $($name::$variant => $crate::macros::text_enum!(@words $text $(, $words)?)),+ }
            }

            /// Parses the stored or typed name (or its words); the error lists the choices.
            pub fn parse(text: &str) -> std::result::Result<$name, String> {
                let wanted = $crate::macros::choice_key(text);
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == wanted || $crate::macros::choice_key(v.in_words()) == wanted)
                    .ok_or_else(|| $name::choices())
            }

            /// "choose one of: RFC, pull request, ...": what a wrong name is told.
            pub fn choices() -> String {
                let names: Vec<&str> = $name::ALL.iter().map(|v| v.in_words()).collect();
                format!("choose one of: {}", names.join(", "))
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                $name::parse(&text).map_err(serde::de::Error::custom)
            }
        }

        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.as_str().into())
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                $name::parse(value.as_str()?).map_err(|e| rusqlite::types::FromSqlError::Other(e.into()))
            }
        }
    };
    (@words $text:literal) => { $text };
    (@words $text:literal, $words:literal) => { $words };
}

/// A typed choice as the stored names are spelled: lower case, words joined by `-`.
pub(crate) fn choice_key(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .replace(['_', ' ', '/'], "-")
        .replace('+', "-plus")
        .replace("--", "-")
}

pub(crate) use text_enum;

/// A journal entry as read back: its identity, the input it was saved from (flattened, so
/// it crosses as one flat object), what is derived on read, and its timestamps. Reading a
/// field of the input through the entry (`project.title`) goes through `Deref`.
macro_rules! entry_type {
    ($(#[$meta:meta])* $name:ident($input:ty) { $($(#[$field_meta:meta])* pub $field:ident: $ty:ty),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
        pub struct $name {
            pub id: i64,
            pub uuid: String,
            #[serde(flatten)]
            pub input: $input,
            $($(#[$field_meta])* pub $field: $ty,)*
            pub created_at: String,
            pub updated_at: String,
        }

        impl $name {
            pub(crate) fn new(head: crate::journal::EntryHead, input: $input $(, $field: $ty)*) -> Self {
                $name {
                    id: head.id,
                    uuid: head.uuid,
                    input,
                    $($field,)*
                    created_at: head.created_at,
                    updated_at: head.updated_at,
                }
            }
        }

        impl std::ops::Deref for $name {
            type Target = $input;
            fn deref(&self) -> &$input {
                &self.input
            }
        }

        impl crate::journal::Stored for $name {
            type Input = $input;
            fn id(&self) -> i64 {
                self.id
            }
            fn to_input(&self) -> $input {
                self.input.clone()
            }
        }
    };
}

pub(crate) use entry_type;
