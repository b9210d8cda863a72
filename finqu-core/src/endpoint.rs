//! The `Endpoint` trait that `#[finqu_endpoint]` implements, and its companions.

use std::fmt;

use serde::de::DeserializeOwned;

use crate::encode::{EncodeError, PathWriter, QueryWriter};
use crate::grant::Grant;

/// The HTTP methods of Finqu's API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Method {
    /// `GET`: read; no body.
    Get,
    /// `POST`: create; never sent twice on its own (not idempotent).
    Post,
    /// `PUT`: replace or update.
    Put,
    /// `PATCH`: partial update.
    Patch,
    /// `DELETE`: remove; no body.
    Delete,
}

impl Method {
    /// The method's name, such as `"GET"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// Whether sending the request twice has the effect of sending it once
    /// (RFC 9110 §9.2.2), which is what makes a retry safe.
    ///
    /// ```
    /// use finqu_core::Method;
    /// assert!(Method::Put.is_idempotent());
    /// assert!(!Method::Post.is_idempotent());
    /// ```
    pub const fn is_idempotent(self) -> bool {
        matches!(self, Method::Get | Method::Put | Method::Delete)
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<Method> for http::Method {
    fn from(method: Method) -> Self {
        match method {
            Method::Get => http::Method::GET,
            Method::Post => http::Method::POST,
            Method::Put => http::Method::PUT,
            Method::Patch => http::Method::PATCH,
            Method::Delete => http::Method::DELETE,
        }
    }
}

/// A type a response body can decode into.
///
/// Implemented for every `DeserializeOwned + Send` type; it exists so that a
/// response type that cannot be deserialized is reported in plain words.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the response of a Finqu endpoint: it does not implement `serde::Deserialize`",
    label = "not deserializable",
    note = "add `#[derive(serde::Deserialize)]` to `{Self}`, or use a type that implements it, such as `serde_json::Value`"
)]
pub trait ResponseBody: Sized + Send + 'static {
    /// Decodes a JSON body; the error says where in the body decoding failed.
    ///
    /// # Errors
    ///
    /// When `json` is not valid JSON or does not fit `Self`.
    fn from_json(json: &[u8]) -> Result<Self, serde_path_to_error::Error<serde_json::Error>>;
}

// `do_not_recommend`: a type that is not `Deserialize` is reported with
// `ResponseBody`'s message, not serde's.
#[diagnostic::do_not_recommend]
impl<T: DeserializeOwned + Send + 'static> ResponseBody for T {
    fn from_json(json: &[u8]) -> Result<Self, serde_path_to_error::Error<serde_json::Error>> {
        // The fast path first; only a body that fails is decoded again to find where.
        serde_json::from_slice(json).or_else(|_| {
            serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_slice(json))
        })
    }
}

/// A Finqu API endpoint: a request struct that knows how it goes on the wire.
///
/// Implemented by [`#[finqu_endpoint]`](crate::finqu_endpoint); write it by
/// hand only for something the attribute cannot express.
///
/// ```
/// use finqu_core::{Endpoint, Method, finqu_endpoint};
///
/// #[derive(serde::Deserialize)]
/// pub struct Order { pub id: u64 }
///
/// #[finqu_endpoint(method = GET, path = "/orders/{id}", scope = "orders_read", response = Order)]
/// pub struct GetOrder { pub id: String }
///
/// let get = GetOrder { id: "a/b?c".into() };
/// assert_eq!(GetOrder::METHOD, Method::Get);
/// assert_eq!(GetOrder::SCOPES, ["orders_read"]);
/// assert_eq!(get.path().unwrap(), "/orders/a%2Fb%3Fc");
/// ```
pub trait Endpoint {
    /// What the response body decodes into.
    type Response: ResponseBody;

    /// The request's HTTP method.
    const METHOD: Method;

    /// The path as declared, with `{placeholders}`: for logs and tracing,
    /// where the rendered path could carry identifiers.
    const PATH_TEMPLATE: &'static str;

    /// The wire names of the scopes the endpoint needs.
    const SCOPES: &'static [&'static str];

    /// Writes the path, relative to the merchant's API base URL.
    ///
    /// # Errors
    ///
    /// [`EncodeError`] when a path parameter would change the path's shape.
    fn write_path(&self, path: &mut PathWriter) -> Result<(), EncodeError>;

    /// Writes the query parameters. None by default.
    ///
    /// # Errors
    ///
    /// [`EncodeError`] when a parameter does not serialize.
    fn write_query(&self, query: &mut QueryWriter) -> Result<(), EncodeError> {
        let _ = query;
        Ok(())
    }

    /// The JSON body, if the request has one. None by default.
    ///
    /// # Errors
    ///
    /// [`EncodeError`] when the body does not serialize.
    fn body(&self) -> Result<Option<Vec<u8>>, EncodeError> {
        Ok(None)
    }

    /// The rendered path, each parameter percent-encoded.
    ///
    /// # Errors
    ///
    /// As [`Endpoint::write_path`].
    fn path(&self) -> Result<String, EncodeError> {
        let mut path = PathWriter::new();
        self.write_path(&mut path)?;
        Ok(path.finish())
    }

    /// The query parameters as name/value pairs, not yet encoded.
    ///
    /// # Errors
    ///
    /// As [`Endpoint::write_query`].
    fn query(&self) -> Result<Vec<(String, String)>, EncodeError> {
        let mut query = QueryWriter::new();
        self.write_query(&mut query)?;
        Ok(query.finish())
    }
}

/// A list endpoint whose results come in pages (`page`, `limit` and the
/// `Link` header). Declared with `paginated = Item` on `#[finqu_endpoint]`.
pub trait Paginated: Endpoint<Response = Vec<<Self as Paginated>::Item>> {
    /// One element of a page.
    type Item: DeserializeOwned + Send + 'static;
}

/// Proof that endpoint `Self` may be sent with a token of grant `G`: `G`
/// holds every scope the endpoint needs.
///
/// `#[finqu_endpoint]` implements it as
/// `impl<G: Grant + Grants<S1> + ...> Authorized<G> for TheEndpoint`, so a
/// missing scope is reported by [`Grants`](crate::Grants) in plain words.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be sent with the token grant `{G}`",
    label = "not an endpoint that `{G}` may send",
    note = "declare `{Self}` with `#[finqu_endpoint(...)]`, and give `{G}` the scopes it needs"
)]
pub trait Authorized<G: Grant>: Endpoint {}
