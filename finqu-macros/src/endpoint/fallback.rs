//! What is emitted beside the errors of a broken declaration: impls that
//! claim nothing, so that uses of the struct (`client.send(...)`) do not add
//! errors of their own on top of the real one.

use proc_macro2::TokenStream;
use quote::quote;

use super::parse::Input;

/// Stub impls of `Endpoint` and `Authorized` for `input`'s struct, or nothing
/// when the struct is too broken for them (type parameters).
pub(crate) fn fallback(input: &Input, default_crate: &TokenStream) -> TokenStream {
    let item = &input.item;
    if item.generics.type_params().next().is_some() || item.generics.const_params().next().is_some()
    {
        return TokenStream::new();
    }
    let private = match &input.args.krate {
        Some(path) => quote!(#path::__private),
        None => quote!(#default_crate::__private),
    };
    let ident = &item.ident;
    let (impl_generics, ty_generics, where_clause) = item.generics.split_for_impl();
    let mut grant_generics = item.generics.clone();
    grant_generics
        .params
        .push(syn::parse_quote!(__FinquGrant: #private::Grant));
    let (grant_impl_generics, _, _) = grant_generics.split_for_impl();
    let (response, paginated) = match (&input.args.paginated, &input.args.response) {
        (Some(item_ty), _) => (
            quote!(#private::Vec<#item_ty>),
            Some(quote! {
                impl #impl_generics #private::Paginated for #ident #ty_generics #where_clause {
                    type Item = #item_ty;
                }
            }),
        ),
        (None, Some(response)) => (quote!(#response), None),
        (None, None) => (quote!(()), None),
    };
    quote! {
        const _: () = {
            impl #impl_generics #private::Endpoint for #ident #ty_generics #where_clause {
                type Response = #response;
                const METHOD: #private::Method = #private::Method::Get;
                const PATH_TEMPLATE: &'static str = "";
                const SCOPES: &'static [&'static str] = &[];
                fn write_path(&self, _: &mut #private::PathWriter) -> #private::Result<(), #private::EncodeError> {
                    #private::Ok(())
                }
            }
            impl #grant_impl_generics #private::Authorized<__FinquGrant> for #ident #ty_generics #where_clause {}
            #paginated
        };
    }
}
