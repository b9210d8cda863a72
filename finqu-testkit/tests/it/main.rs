//! The fake Finqu through real HTTP on loopback.

mod api_auth;
mod authorize_errors;
mod binary;
mod common;
mod control_plane;
mod faults;
mod oauth_flow;
mod pagination;
mod resources;
mod server;
mod token_errors;
