//! Rendering an endpoint's path and query, safely.

use std::fmt::{Display, Write as _};

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;
use serde_json::Value;

/// Everything but RFC 3986's unreserved characters is encoded in a path
/// parameter, so a value cannot add a segment, a query or a fragment.
const PATH_PARAM: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// An endpoint that cannot be put on the wire.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EncodeError {
    /// A path parameter is empty, which would turn `/orders/{id}` into `/orders/`.
    #[error("path parameter `{param}` is empty, which would change the path")]
    EmptyPathParam {
        /// The placeholder's name.
        param: &'static str,
    },
    /// A path parameter is `.` or `..`, which URL resolution treats as a
    /// step within the path, even when percent-encoded.
    #[error("path parameter `{param}` is `.` or `..`, which would change the path")]
    DotSegmentPathParam {
        /// The placeholder's name.
        param: &'static str,
    },
    /// A query parameter does not serialize.
    #[error("query parameter `{param}` does not serialize")]
    Query {
        /// The parameter's name.
        param: String,
        /// Why.
        #[source]
        source: serde_json::Error,
    },
    /// The JSON body does not serialize.
    #[error("the request body does not serialize to JSON")]
    Body(#[source] serde_json::Error),
}

/// Builds an endpoint's path. Used by generated code.
#[derive(Debug, Default)]
pub struct PathWriter {
    path: String,
}

/// A type that can fill a path placeholder: anything `Display`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot fill a path placeholder",
    label = "path parameters are formatted with `Display`",
    note = "implement `Display` for `{Self}`, or use a `String` or an integer"
)]
pub trait PathParam: Display {}

#[diagnostic::do_not_recommend]
impl<T: Display + ?Sized> PathParam for T {}

impl PathWriter {
    /// An empty path.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends a piece of the template as it is.
    pub fn push_literal(&mut self, literal: &str) {
        self.path.push_str(literal);
    }

    /// Appends a parameter, percent-encoded so that `/`, `?`, `#` and `%` in
    /// it are data, not structure.
    ///
    /// # Errors
    ///
    /// An empty value, `.` or `..`, any of which would change which resource
    /// the path names.
    pub fn push_param<T: PathParam + ?Sized>(
        &mut self,
        param: &'static str,
        value: &T,
    ) -> Result<(), EncodeError> {
        let mut text = String::new();
        // Writing to a String cannot fail; a broken Display impl is the caller's bug, reported as empty.
        let _ = write!(text, "{value}");
        match text.as_str() {
            "" => Err(EncodeError::EmptyPathParam { param }),
            "." | ".." => Err(EncodeError::DotSegmentPathParam { param }),
            _ => {
                self.path.extend(utf8_percent_encode(&text, PATH_PARAM));
                Ok(())
            }
        }
    }

    /// The finished path.
    pub fn finish(self) -> String {
        self.path
    }
}

/// Collects an endpoint's query parameters. Used by generated code.
#[derive(Debug, Default)]
pub struct QueryWriter {
    pairs: Vec<(String, String)>,
}

impl QueryWriter {
    /// No parameters yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds parameter `name` with `value`: `None` adds nothing, a sequence
    /// repeats the name, a map adds `name[key]` for each entry.
    ///
    /// # Errors
    ///
    /// [`EncodeError::Query`] when `value` does not serialize.
    pub fn push<T: Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
    ) -> Result<(), EncodeError> {
        let value = serde_json::to_value(value).map_err(|source| EncodeError::Query {
            param: name.to_owned(),
            source,
        })?;
        self.push_value(name.to_owned(), value);
        Ok(())
    }

    fn push_value(&mut self, name: String, value: Value) {
        match value {
            Value::Null => {}
            Value::Bool(b) => self.pairs.push((name, b.to_string())),
            Value::Number(n) => self.pairs.push((name, n.to_string())),
            Value::String(s) => self.pairs.push((name, s)),
            Value::Array(items) => {
                for item in items {
                    self.push_value(name.clone(), item);
                }
            }
            Value::Object(entries) => {
                for (key, item) in entries {
                    self.push_value(format!("{name}[{key}]"), item);
                }
            }
        }
    }

    /// The parameters, in the order added.
    pub fn finish(self) -> Vec<(String, String)> {
        self.pairs
    }
}

/// Serializes a request body. Used by generated code.
///
/// # Errors
///
/// [`EncodeError::Body`] when `value` does not serialize.
pub fn json_body<T: Serialize + ?Sized>(value: &T) -> Result<Option<Vec<u8>>, EncodeError> {
    serde_json::to_vec(value)
        .map(Some)
        .map_err(EncodeError::Body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn param(value: &str) -> Result<String, EncodeError> {
        let mut w = PathWriter::new();
        w.push_literal("/orders/");
        w.push_param("id", value)?;
        w.push_literal("/items");
        Ok(w.finish())
    }

    /// Resolves the rendered path against a base the way the client does and
    /// returns the path the server would see.
    fn resolved(path: &str) -> String {
        let url = url::Url::parse(&format!("https://shop.example/api/1.2{path}")).unwrap();
        url.path().to_owned()
    }

    #[test]
    fn plain_values_pass_through() {
        assert_eq!(param("123").unwrap(), "/orders/123/items");
        assert_eq!(param("A-b_c.d~e").unwrap(), "/orders/A-b_c.d~e/items");
    }

    #[test]
    fn structure_characters_are_encoded() {
        assert_eq!(param("a/b").unwrap(), "/orders/a%2Fb/items");
        assert_eq!(param("a?x=1").unwrap(), "/orders/a%3Fx%3D1/items");
        assert_eq!(param("a#frag").unwrap(), "/orders/a%23frag/items");
        assert_eq!(param("50%").unwrap(), "/orders/50%25/items");
        assert_eq!(param("a b+c&d").unwrap(), "/orders/a%20b%2Bc%26d/items");
        assert_eq!(param("ä€").unwrap(), "/orders/%C3%A4%E2%82%AC/items");
        assert_eq!(param("\\").unwrap(), "/orders/%5C/items");
    }

    #[test]
    fn injection_attempts_cannot_leave_the_segment() {
        for attack in [
            "../../admin",
            "..%2F..%2Fadmin",
            "x/../../y",
            "%2e%2e",
            "?admin=1#",
            "/",
            "\\..\\..",
        ] {
            let path = param(attack).unwrap();
            let seen = resolved(&path);
            assert!(seen.starts_with("/api/1.2/orders/"), "{attack} → {seen}");
            assert!(seen.ends_with("/items"), "{attack} → {seen}");
            assert_eq!(seen.matches('/').count(), 5, "{attack} → {seen}");
        }
    }

    #[test]
    fn dot_segments_and_empty_values_are_refused() {
        assert!(matches!(
            param(".."),
            Err(EncodeError::DotSegmentPathParam { param: "id" })
        ));
        assert!(matches!(
            param("."),
            Err(EncodeError::DotSegmentPathParam { param: "id" })
        ));
        assert!(matches!(
            param(""),
            Err(EncodeError::EmptyPathParam { param: "id" })
        ));
        // Only whole dot segments are special.
        assert_eq!(param("...").unwrap(), "/orders/.../items");
    }

    #[test]
    fn query_values_flatten() {
        let mut q = QueryWriter::new();
        q.push("status", &Some("open")).unwrap();
        q.push("missing", &None::<u32>).unwrap();
        q.push("limit", &50).unwrap();
        q.push("tags", &["a", "b"]).unwrap();
        q.push("asset", &serde_json::json!({"key": "x.liquid"}))
            .unwrap();
        q.push("paid", &true).unwrap();
        assert_eq!(
            q.finish(),
            [
                ("status", "open"),
                ("limit", "50"),
                ("tags", "a"),
                ("tags", "b"),
                ("asset[key]", "x.liquid"),
                ("paid", "true")
            ]
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
        );
    }

    #[test]
    fn unserializable_query_is_an_error() {
        let mut q = QueryWriter::new();
        let map: std::collections::BTreeMap<(u8, u8), u8> = [((1, 2), 3)].into();
        let err = q.push("bad", &map).unwrap_err();
        assert!(
            matches!(&err, EncodeError::Query { param, .. } if param == "bad"),
            "{err:?}"
        );
    }
}
