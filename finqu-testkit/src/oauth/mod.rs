//! The login server: `/oauth2/authorize`, `/oauth2/access_token`, `/oauth2/resource`.

pub(crate) mod authorize;
mod error;
mod params;
pub(crate) mod resource;
pub(crate) mod token;
