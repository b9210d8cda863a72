//! Procedural macros of [finqu-rs](https://docs.rs/finqu): `#[finqu_endpoint]`,
//! `grant!` and `scope!`.
//!
//! Use them through `finqu` or `finqu-core`, which re-export them and document
//! them in full with examples; this crate only holds their implementation.

mod builtin;
mod ctxt;
mod endpoint;
mod grant;
mod scope_decl;
mod scope_spec;
mod scopes;

use proc_macro::TokenStream;
use quote::quote;

/// Declares a Finqu endpoint on a request struct. Documented in `finqu_core`.
#[proc_macro_attribute]
pub fn finqu_endpoint(attr: TokenStream, item: TokenStream) -> TokenStream {
    endpoint::finqu_endpoint(attr.into(), item.into(), &quote!(::finqu_core)).into()
}

/// `#[finqu_endpoint]` as re-exported by the `finqu` facade: its generated code
/// names `::finqu`, so that users who depend on `finqu` alone need nothing else.
#[doc(hidden)]
#[proc_macro_attribute]
pub fn finqu_endpoint_via_facade(attr: TokenStream, item: TokenStream) -> TokenStream {
    endpoint::finqu_endpoint(attr.into(), item.into(), &quote!(::finqu)).into()
}

/// Declares a grant: the scopes an application's token holds. Documented in `finqu_core`.
#[proc_macro]
pub fn grant(input: TokenStream) -> TokenStream {
    grant::grant(input.into(), &quote!(::finqu_core)).into()
}

/// `grant!` as re-exported by the `finqu` facade.
#[doc(hidden)]
#[proc_macro]
pub fn grant_via_facade(input: TokenStream) -> TokenStream {
    grant::grant(input.into(), &quote!(::finqu)).into()
}

/// Declares a scope marker type of one's own. Documented in `finqu_core`.
#[proc_macro]
pub fn scope(input: TokenStream) -> TokenStream {
    scope_decl::scope(input.into(), &quote!(::finqu_core)).into()
}

/// `scope!` as re-exported by the `finqu` facade.
#[doc(hidden)]
#[proc_macro]
pub fn scope_via_facade(input: TokenStream) -> TokenStream {
    scope_decl::scope(input.into(), &quote!(::finqu)).into()
}

/// Emits finqu-core's built-in scope types. Internal to finqu-core.
#[doc(hidden)]
#[proc_macro]
pub fn __builtin_scopes(input: TokenStream) -> TokenStream {
    let _ = input;
    builtin::builtin_scopes().into()
}
