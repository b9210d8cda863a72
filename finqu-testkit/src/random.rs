//! Unguessable strings for codes, tokens and signing keys.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore as _;

/// `n` random bytes.
pub(crate) fn bytes(n: usize) -> Vec<u8> {
    let mut buf = vec![0; n];
    rand::thread_rng().fill_bytes(&mut buf);
    buf
}

/// `n` random bytes, base64url without padding.
pub(crate) fn token(n: usize) -> String {
    URL_SAFE_NO_PAD.encode(bytes(n))
}
