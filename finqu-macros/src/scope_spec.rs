//! Scopes as users write them: wire names in a string (`"orders_read orders_write"`)
//! or paths to scope types (`my_crate::GiftCardsRead`), and their resolution to
//! the marker types the generated code names.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote_spanned};
use syn::parse::{Parse, ParseStream};
use syn::spanned::Spanned;
use syn::{LitStr, Path, Token, bracketed};

use crate::ctxt::Ctxt;
use crate::scopes;

/// One scope item: a string of space-separated wire names, or a type path.
pub(crate) enum ScopeItem {
    Wire(LitStr),
    Type(Path),
}

impl Parse for ScopeItem {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.peek(LitStr) {
            input.parse().map(ScopeItem::Wire)
        } else {
            input.parse().map(ScopeItem::Type)
        }
    }
}

/// The scopes of an endpoint or a grant, as written.
pub(crate) struct ScopeList {
    pub(crate) items: Vec<ScopeItem>,
}

impl ScopeList {
    /// Parses `"a b"`, `Path`, or `[item, item, ...]` (the value of an endpoint's `scope` key).
    pub(crate) fn parse_value(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.peek(syn::token::Bracket) {
            let content;
            bracketed!(content in input);
            let items = content.parse_terminated(ScopeItem::parse, Token![,])?;
            Ok(ScopeList {
                items: items.into_iter().collect(),
            })
        } else {
            Ok(ScopeList {
                items: vec![input.parse()?],
            })
        }
    }

    /// Parses `item, item, ...` up to the end of the input or a `;` (the body of `grant!`).
    pub(crate) fn parse_items(input: ParseStream<'_>) -> syn::Result<Self> {
        let mut items = vec![input.parse()?];
        while input.peek(Token![,]) {
            input.parse::<Token![,]>()?;
            if input.is_empty() || input.peek(Token![;]) {
                break;
            }
            items.push(input.parse()?);
        }
        Ok(ScopeList { items })
    }
}

/// A scope resolved to the type that the generated code names.
pub(crate) struct ResolvedScope {
    /// Path to the scope's marker type, spanned at what the user wrote.
    pub(crate) ty: TokenStream,
    /// Where the user wrote it.
    pub(crate) span: Span,
    /// What duplicates are detected by: the wire name, or the path as written.
    key: String,
}

/// Resolves every item, recording an error for each malformed, unknown or
/// duplicated scope. `private` is the path to the runtime's `__private` module.
pub(crate) fn resolve(
    list: &ScopeList,
    private: &TokenStream,
    cx: &mut Ctxt,
) -> Vec<ResolvedScope> {
    let mut resolved: Vec<ResolvedScope> = Vec::new();
    let mut push = |scope: ResolvedScope, span: Span, cx: &mut Ctxt| {
        if resolved.iter().any(|r| r.key == scope.key) {
            cx.error_at(
                span,
                format_args!("scope `{}` is listed more than once", scope.key),
            );
        } else {
            resolved.push(scope);
        }
    };
    for item in &list.items {
        match item {
            ScopeItem::Wire(lit) => {
                let value = lit.value();
                let mut names = value.split_ascii_whitespace().peekable();
                if names.peek().is_none() {
                    cx.error_spanned_by(
                        lit,
                        "empty scope: name at least one, such as `\"orders_read\"`",
                    );
                }
                for name in names {
                    if let Some(ty) = wire_to_type(name, lit, private, cx) {
                        push(
                            ResolvedScope {
                                ty,
                                span: lit.span(),
                                key: name.to_owned(),
                            },
                            lit.span(),
                            cx,
                        );
                    }
                }
            }
            ScopeItem::Type(path) => {
                let key = path.to_token_stream().to_string().replace(' ', "");
                // `Scope` is checked at the user's path, so a non-scope type is underlined there.
                let ty = quote_spanned!(path.span()=> #path);
                push(
                    ResolvedScope {
                        ty,
                        span: path.span(),
                        key,
                    },
                    path.span(),
                    cx,
                );
            }
        }
    }
    resolved
}

fn wire_to_type(
    name: &str,
    lit: &LitStr,
    private: &TokenStream,
    cx: &mut Ctxt,
) -> Option<TokenStream> {
    if !scopes::is_well_formed(name) {
        cx.error_spanned_by(
            lit,
            format_args!(
                "malformed scope `{name}`: Finqu scopes are `resource_permission` in lowercase, \
                 such as `orders_write`, separated by spaces"
            ),
        );
        return None;
    }
    match scopes::builtin(name) {
        Some(builtin) => {
            let ident = format_ident!("{}", builtin.type_name, span = lit.span());
            Some(quote_spanned!(lit.span()=> #private::scopes::#ident))
        }
        None => {
            let hint = match scopes::closest(name) {
                Some(close) => format!("did you mean `{}`?", close.wire),
                None => "for a scope of your own, declare it with `scope!` and name its type instead of a string"
                    .to_owned(),
            };
            cx.error_spanned_by(lit, format_args!("unknown Finqu scope `{name}`: {hint}"));
            None
        }
    }
}
