//! Request bodies: a JSON object, or a 400 that says what is wrong.

use serde_json::Value;

use crate::error::ApiError;
use crate::store::Record;

/// The body parsed as a JSON value.
pub(super) fn json(body: &[u8]) -> Result<Value, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::bad_request(
            "The request body is empty; a JSON object is required",
        ));
    }
    serde_json::from_slice(body)
        .map_err(|e| ApiError::bad_request(format!("The request body is not valid JSON: {e}")))
}

/// The body parsed as a JSON object.
pub(super) fn object(body: &[u8]) -> Result<Record, ApiError> {
    match json(body)? {
        Value::Object(map) => Ok(map),
        _ => Err(ApiError::bad_request(
            "The request body must be a JSON object",
        )),
    }
}
