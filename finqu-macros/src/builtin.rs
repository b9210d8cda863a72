//! Emits finqu-core's built-in scope marker types from the table in `scopes`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::parse_quote;

use crate::scope_decl::scope_item;
use crate::scopes::BUILTIN_SCOPES;

/// One marker type per built-in scope, with its docs, and the list of names.
pub(crate) fn builtin_scopes() -> TokenStream {
    let scopes = BUILTIN_SCOPES.iter().map(|s| {
        let ident = format_ident!("{}", s.type_name);
        let doc = format!("`{}`: {}", s.wire, s.doc);
        let source = format!("Documented in {}.", s.source);
        let attrs = [
            parse_quote!(#[doc = #doc]),
            parse_quote!(#[doc = ""]),
            parse_quote!(#[doc = #source]),
        ];
        scope_item(&attrs, &parse_quote!(pub), &ident, s.wire, &quote!(crate))
    });
    let list = BUILTIN_SCOPES.iter().map(|s| s.wire);
    quote! {
        #(#scopes)*

        /// The wire names of every built-in scope, in the order of Finqu's reference.
        pub const ALL: &[&str] = &[#(#list),*];
    }
}
