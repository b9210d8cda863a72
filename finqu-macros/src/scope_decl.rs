//! `scope!`: declares a scope marker type of one's own.

use proc_macro2::TokenStream;
use quote::quote;
use syn::parse::{Parse, ParseStream};
use syn::{Attribute, Ident, LitStr, Token, Visibility};

use crate::scopes;

/// `#[attrs] vis Name = "wire_name"`.
struct ScopeDecl {
    attrs: Vec<Attribute>,
    vis: Visibility,
    ident: Ident,
    wire: LitStr,
}

impl Parse for ScopeDecl {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let attrs = input.call(Attribute::parse_outer)?;
        let vis = input.parse()?;
        let ident = input.parse()?;
        input.parse::<Token![=]>()?;
        let wire = input.parse()?;
        if input.peek(Token![;]) {
            input.parse::<Token![;]>()?;
        }
        if !input.is_empty() {
            return Err(input.error(
                "`scope!` declares one scope: `scope!(pub Name = \"resource_permission\")`",
            ));
        }
        Ok(ScopeDecl {
            attrs,
            vis,
            ident,
            wire,
        })
    }
}

/// Expands `scope!`; `default_crate` names the runtime crate.
pub(crate) fn scope(input: TokenStream, default_crate: &TokenStream) -> TokenStream {
    let decl: ScopeDecl = match syn::parse2(input) {
        Ok(decl) => decl,
        Err(e) => return e.to_compile_error(),
    };
    let ScopeDecl {
        attrs,
        vis,
        ident,
        wire,
    } = &decl;
    let name = wire.value();
    let error = (!scopes::is_well_formed(&name)).then(|| {
        let message = format!(
            "malformed scope name `{name}`: Finqu scopes are `resource_permission` in lowercase, \
             such as `orders_write`"
        );
        syn::Error::new(wire.span(), message).to_compile_error()
    });
    let item = scope_item(attrs, vis, ident, &name, &quote!(#default_crate::__private));
    quote!(#error #item)
}

/// The marker type and its `Scope` impl; shared with the built-in scopes.
pub(crate) fn scope_item(
    attrs: &[Attribute],
    vis: &Visibility,
    ident: &Ident,
    wire: &str,
    private: &TokenStream,
) -> TokenStream {
    quote! {
        #(#attrs)*
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
        #vis struct #ident;

        #[automatically_derived]
        impl #private::Scope for #ident {
            const NAME: &'static str = #wire;
        }
    }
}
