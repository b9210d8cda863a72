//! OAuth 2.0 for Finqu.
