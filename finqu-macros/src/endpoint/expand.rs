//! Turns a validated endpoint into the trait impls the client needs.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{ItemStruct, Lifetime, Type};

use super::parse::Method;
use super::validate::{Body, Endpoint, Segment};

/// The struct as written, followed by its generated impls.
pub(crate) fn expand(item: &ItemStruct, endpoint: &Endpoint<'_>) -> TokenStream {
    let Endpoint {
        private,
        template,
        scopes,
        response,
        ..
    } = endpoint;
    let ident = &item.ident;
    let (impl_generics, ty_generics, where_clause) = item.generics.split_for_impl();
    let method = format_ident!("{}", method_variant(endpoint.method));
    let scope_types: Vec<&TokenStream> = scopes.iter().map(|s| &s.ty).collect();
    // Spanned at each scope as written, so a type that is not a scope is underlined there.
    let grant_bounds = scopes.iter().map(|s| {
        let ty = &s.ty;
        let private = respan(private.clone(), s.span);
        quote_spanned!(s.span=> + #private::Grants<#ty>)
    });
    let write_path = write_path(endpoint);
    let write_query = write_query(endpoint);
    let body = body(item, endpoint);

    let mut grant_generics = item.generics.clone();
    grant_generics.params.push(syn::parse_quote!(__FinquGrant));
    let (grant_impl_generics, _, _) = grant_generics.split_for_impl();

    let paginated = endpoint.item.map(|item_ty| {
        quote! {
            #[automatically_derived]
            impl #impl_generics #private::Paginated for #ident #ty_generics #where_clause {
                type Item = #item_ty;
            }
        }
    });

    quote! {
        #item

        const _: () = {
            #[automatically_derived]
            impl #impl_generics #private::Endpoint for #ident #ty_generics #where_clause {
                type Response = #response;
                const METHOD: #private::Method = #private::Method::#method;
                const PATH_TEMPLATE: &'static str = #template;
                const SCOPES: &'static [&'static str] = &[#(<#scope_types as #private::Scope>::NAME),*];

                #write_path
                #write_query
                #body
            }

            #[automatically_derived]
            impl #grant_impl_generics #private::Authorized<__FinquGrant> for #ident #ty_generics
            where
                __FinquGrant: #private::Grant #(#grant_bounds)*
            {
            }

            #paginated
        };
    }
}

fn method_variant(method: Method) -> &'static str {
    match method {
        Method::Get => "Get",
        Method::Post => "Post",
        Method::Put => "Put",
        Method::Patch => "Patch",
        Method::Delete => "Delete",
    }
}

fn write_path(endpoint: &Endpoint<'_>) -> TokenStream {
    let private = &endpoint.private;
    let pushes = endpoint.segments.iter().map(|segment| match segment {
        Segment::Literal(text) => quote!(__path.push_literal(#text);),
        Segment::Param(name) => {
            let wire = name.to_string();
            // Spanned at the placeholder's field so a non-`Display` type is reported there.
            quote_spanned!(name.span()=> __path.push_param(#wire, &self.#name)?;)
        }
    });
    quote! {
        fn write_path(&self, __path: &mut #private::PathWriter) -> #private::Result<(), #private::EncodeError> {
            #(#pushes)*
            #private::Ok(())
        }
    }
}

fn write_query(endpoint: &Endpoint<'_>) -> Option<TokenStream> {
    if endpoint.query.is_empty() {
        return None;
    }
    let private = &endpoint.private;
    let pushes = endpoint.query.iter().map(|param| {
        let name = &param.name;
        let field = &param.field.ident;
        quote_spanned!(param.field.ty.span()=> __query.push(#name, &self.#field)?;)
    });
    Some(quote! {
        fn write_query(&self, __query: &mut #private::QueryWriter) -> #private::Result<(), #private::EncodeError> {
            #(#pushes)*
            #private::Ok(())
        }
    })
}

fn body(item: &ItemStruct, endpoint: &Endpoint<'_>) -> Option<TokenStream> {
    let private = &endpoint.private;
    let value = match &endpoint.body {
        Body::None => return None,
        Body::Whole(field) => quote!(#private::json_body(&self.#field)),
        Body::Fields(fields) => {
            let serde_path = format!("{private}::serde").replace(' ', "");
            let body_lt = Lifetime::new("'__finqu", proc_macro2::Span::call_site());
            let lifetimes: Vec<&Lifetime> =
                item.generics.lifetimes().map(|l| &l.lifetime).collect();
            let names = fields.iter().map(|f| &f.ident);
            let decls = fields.iter().map(|f| {
                let name = &f.ident;
                let ty = &f.ty;
                let attrs = &f.serde_attrs;
                let skip_none = (is_option(ty) && !mentions_skip(attrs)).then(
                    || quote!(#[serde(skip_serializing_if = "::core::option::Option::is_none")]),
                );
                quote!(#(#attrs)* #skip_none #name: &#body_lt #ty,)
            });
            quote! {{
                #[derive(#private::serde::Serialize)]
                #[serde(crate = #serde_path)]
                struct __FinquBody<#body_lt #(, #lifetimes)*> {
                    #(#decls)*
                    #[serde(skip)]
                    __finqu_lifetimes: #private::PhantomData<(&#body_lt (), #(&#lifetimes (),)*)>,
                }
                #private::json_body(&__FinquBody {
                    #(#names: &self.#names,)*
                    __finqu_lifetimes: #private::PhantomData,
                })
            }}
        }
    };
    Some(quote! {
        fn body(&self) -> #private::Result<#private::Option<#private::Vec<u8>>, #private::EncodeError> {
            #value
        }
    })
}

fn is_option(ty: &Type) -> bool {
    matches!(ty, Type::Path(p) if p.qself.is_none() && p.path.segments.last().is_some_and(|s| s.ident == "Option"))
}

/// Whether the user's `#[serde(...)]` already decides when the field is left out.
fn mentions_skip(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|attr| {
        let mut skips = false;
        // Unparsable attributes are serde's to report; they count as no decision.
        let _ = attr.parse_nested_meta(|meta| {
            skips |= ["skip", "skip_serializing", "skip_serializing_if"]
                .iter()
                .any(|k| meta.path.is_ident(k));
            if meta.input.peek(syn::Token![=]) {
                meta.value()?.parse::<syn::Expr>()?;
            }
            Ok(())
        });
        skips
    })
}

/// `tokens` with every span set to `span`, so that rustc underlines the user's tokens.
fn respan(tokens: TokenStream, span: proc_macro2::Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tt| {
            if let proc_macro2::TokenTree::Group(g) = &tt {
                let mut group = proc_macro2::Group::new(g.delimiter(), respan(g.stream(), span));
                group.set_span(span);
                tt = group.into();
            } else {
                tt.set_span(span);
            }
            tt
        })
        .collect()
}
