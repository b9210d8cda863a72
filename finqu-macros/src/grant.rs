//! `grant!`: declares a grant type and the scopes it holds.

use proc_macro2::TokenStream;
use quote::quote;
use syn::parse::{Parse, ParseStream};
use syn::{Attribute, Ident, Token, Visibility};

use crate::ctxt::Ctxt;
use crate::scope_spec::{self, ScopeList};

/// `#[attrs] vis Name = "scope scope", path::Scope;`
struct GrantInput {
    attrs: Vec<Attribute>,
    vis: Visibility,
    ident: Ident,
    scopes: ScopeList,
}

impl Parse for GrantInput {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let attrs = input.call(Attribute::parse_outer)?;
        let vis = input.parse()?;
        if input.peek(Token![struct]) {
            return Err(
                input.error("write `grant!(pub Name = \"orders_read ...\")`, without `struct`")
            );
        }
        let ident = input.parse()?;
        input.parse::<Token![=]>().map_err(|e| {
            syn::Error::new(
                e.span(),
                "expected `=` and the grant's scopes: `Name = \"orders_read orders_write\"`",
            )
        })?;
        let scopes = ScopeList::parse_items(input)?;
        if input.peek(Token![;]) {
            input.parse::<Token![;]>()?;
        }
        if !input.is_empty() {
            return Err(input.error("`grant!` declares one grant: expected the end of the macro"));
        }
        Ok(GrantInput {
            attrs,
            vis,
            ident,
            scopes,
        })
    }
}

/// Expands `grant!`. `default_crate` names the runtime crate.
pub(crate) fn grant(input: TokenStream, default_crate: &TokenStream) -> TokenStream {
    let input: GrantInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(e) => return e.to_compile_error(),
    };
    let private = quote!(#default_crate::__private);
    let mut cx = Ctxt::new();
    let scopes = scope_spec::resolve(&input.scopes, &private, &mut cx);
    let GrantInput {
        attrs, vis, ident, ..
    } = &input;
    let item = quote! {
        #(#attrs)*
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
        #vis struct #ident;
    };
    if let Err(errors) = cx.check() {
        // Still declare the type, so that its uses do not add errors of their own.
        return quote!(#errors #item);
    }
    let types: Vec<&TokenStream> = scopes.iter().map(|s| &s.ty).collect();
    quote! {
        #item

        const _: () = {
            #[automatically_derived]
            impl #private::Grant for #ident {
                const SCOPES: &'static [&'static str] = &[#(<#types as #private::Scope>::NAME),*];
            }
            #(
                #[automatically_derived]
                impl #private::Grants<#types> for #ident {}
            )*
        };
    }
}
