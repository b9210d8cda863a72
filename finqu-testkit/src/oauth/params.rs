//! Form and query parameters, where a repeated parameter is an error (RFC 6749 §3.1, §3.2).

/// Decoded `name=value` pairs.
#[derive(Debug, Default)]
pub(super) struct Params(Vec<(String, String)>);

/// A parameter was sent more than once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Repeated(pub(super) String);

impl Params {
    pub(super) fn parse(input: &[u8]) -> Self {
        Self(
            url::form_urlencoded::parse(input)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    /// The value of `name`; `Ok(None)` when absent or empty.
    pub(super) fn get(&self, name: &str) -> Result<Option<&str>, Repeated> {
        let mut values = self.0.iter().filter(|(k, _)| k == name);
        let first = values.next();
        if values.next().is_some() {
            return Err(Repeated(name.to_owned()));
        }
        Ok(first.map(|(_, v)| v.as_str()).filter(|v| !v.is_empty()))
    }

    /// The first parameter that was sent more than once, if any.
    pub(super) fn first_repeated(&self) -> Option<Repeated> {
        self.0.iter().find_map(|(k, _)| self.get(k).err())
    }
}
