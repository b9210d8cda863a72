//! Emits finqu-core's built-in scope marker types from the table in `scopes`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::scopes::BUILTIN_SCOPES;

/// One `scope!` invocation per built-in scope, with its docs.
pub(crate) fn builtin_scopes() -> TokenStream {
    let scopes = BUILTIN_SCOPES.iter().map(|s| {
        let ident = format_ident!("{}", s.type_name);
        let wire = s.wire;
        let doc = format!("`{}`: {}", s.wire, s.doc);
        let source = format!("Documented in {}.", s.source);
        quote! {
            crate::scope! {
                #[doc = #doc]
                #[doc = ""]
                #[doc = #source]
                pub #ident = #wire
            }
        }
    });
    let list = BUILTIN_SCOPES.iter().map(|s| s.wire);
    quote! {
        #(#scopes)*

        /// The wire names of every built-in scope, in the order of Finqu's reference.
        pub const ALL: &[&str] = &[#(#list),*];
    }
}
