//! Snapshot tests of the expansion: a codegen change shows in review.

use quote::quote;

use super::finqu_endpoint;

fn expand(attr: proc_macro2::TokenStream, item: proc_macro2::TokenStream) -> String {
    let tokens = finqu_endpoint(attr, item, &quote!(::finqu_core));
    let file = syn::parse2::<syn::File>(tokens).expect("expansion parses as a file");
    prettyplease::unparse(&file)
}

#[test]
fn get_with_path_and_query() {
    insta::assert_snapshot!(expand(
        quote!(
            method = GET,
            path = "/orders/{id}",
            scope = "orders_read",
            response = Order
        ),
        quote! {
            /// Get one order.
            pub struct GetOrder<'a> {
                pub id: &'a str,
                #[query]
                pub expand: Option<String>,
            }
        },
    ));
}

#[test]
fn post_with_two_scopes_and_body_fields() {
    insta::assert_snapshot!(expand(
        quote!(
            method = POST,
            path = "/orders",
            scope = "orders_write customers_write",
            response = Order
        ),
        quote! {
            #[derive(Serialize)]
            pub struct CreateOrder {
                pub customer_id: String,
                #[serde(rename = "lines")]
                pub items: Vec<OrderItem>,
                pub note: Option<String>,
            }
        },
    ));
}

#[test]
fn paginated_list_with_custom_scope_and_crate() {
    insta::assert_snapshot!(expand(
        quote!(
            method = GET,
            path = "/merchants/{merchant}/channels/{channel}/themes",
            scope = ["themes_read", my_scopes::ChannelsRead],
            paginated = Theme,
            crate = my_sdk::finqu
        ),
        quote! {
            pub struct ListThemes {
                pub merchant: u64,
                #[path]
                pub channel: u64,
                #[query(rename = "filter[status]")]
                pub status: Option<String>,
            }
        },
    ));
}

#[test]
fn errors_are_reported_together_and_the_struct_survives() {
    let out = expand(
        quote!(
            method = FETCH,
            path = "orders/{oops}",
            scope = "orders-read",
            respone = Order
        ),
        quote!(
            pub struct Broken {
                pub id: u64,
            }
        ),
    );
    for expected in [
        "unknown HTTP method `FETCH`",
        "the path must start with `/`",
        "malformed scope `orders-read`",
        "unknown key `respone`: did you mean `response`?",
        "placeholder `{oops}` has no field",
        "pub struct Broken",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
    // The misspelled key is pointed out once, not also reported as missing.
    assert!(!out.contains("missing `response"), "{out}");
}

#[test]
fn a_broken_declaration_still_gets_stub_impls() {
    let out = expand(
        quote!(
            method = GET,
            path = "/products",
            scope = "products_read",
            paginated = Product
        ),
        quote!(
            pub struct ListProducts {
                #[query]
                pub limit: u32,
            }
        ),
    );
    assert!(out.contains("`limit` is set by the paginator"), "{out}");
    assert!(
        out.contains("impl ::finqu_core::__private::Endpoint for ListProducts"),
        "{out}"
    );
    assert!(
        out.contains("Authorized<__FinquGrant> for ListProducts"),
        "{out}"
    );
    assert!(out.contains("type Item = Product;"), "{out}");
}

#[test]
fn option_fields_are_skipped_when_none_unless_serde_decides() {
    let out = expand(
        quote!(
            method = PUT,
            path = "/products/{id}",
            scope = "products_write",
            response = ()
        ),
        quote! {
            pub struct UpdateProduct {
                pub id: u64,
                pub name: Option<String>,
                #[serde(rename = "skipper")]
                pub renamed: Option<String>,
                #[serde(skip_serializing_if = "Option::is_none", rename = "p")]
                pub price: Option<f64>,
                #[serde(serialize_with = "nulls")]
                pub nulls: Option<u8>,
            }
        },
    );
    // `name`, `renamed` (a rename is no skip decision) and `nulls` get the
    // automatic skip; `price` keeps its own (in the struct and in the body).
    let automatic = out.matches("::core::option::Option::is_none").count();
    assert_eq!(automatic, 3, "{out}");
    assert_eq!(
        out.matches("skip_serializing_if").count(),
        automatic + 2,
        "{out}"
    );
}
