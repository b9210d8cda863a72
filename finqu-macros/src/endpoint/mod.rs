//! `#[finqu_endpoint(...)]`: parse → validate → expand.

mod expand;
mod fallback;
mod parse;
mod validate;

use proc_macro2::TokenStream;
use quote::quote;

use crate::ctxt::Ctxt;

/// Expands one `#[finqu_endpoint]`. `default_crate` names the runtime when the
/// user gives no `crate = ...`.
pub(crate) fn finqu_endpoint(
    attr: TokenStream,
    item: TokenStream,
    default_crate: &TokenStream,
) -> TokenStream {
    let mut cx = Ctxt::new();
    let input = match parse::parse(attr, item, &mut cx) {
        Ok(input) => input,
        Err(item) => return with_errors(cx, &item),
    };
    let expanded =
        validate::validate(&input, default_crate, &mut cx).map(|e| expand::expand(&input.item, &e));
    match (cx.check(), expanded) {
        (Ok(()), Some(tokens)) => tokens,
        // The struct is still emitted, so one mistake does not cascade and IDEs keep working.
        (Err(errors), _) => {
            let item = &input.item;
            let fallback = fallback::fallback(&input, default_crate);
            quote!(#errors #item #fallback)
        }
        (Ok(()), None) => unreachable!("validation failed without an error"),
    }
}

fn with_errors(cx: Ctxt, item: &TokenStream) -> TokenStream {
    let errors = cx.check().err().unwrap_or_default();
    quote!(#errors #item)
}

#[cfg(test)]
mod tests;
