//! Every rule an endpoint declaration must obey. Each broken rule is recorded
//! at the user's tokens; all of them are reported together.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{Ident, LitStr, Type};

use super::parse::{FieldRole, FieldSpec, Input, Method};
use crate::ctxt::Ctxt;
use crate::scope_spec::{self, ResolvedScope};

/// A piece of the path template.
pub(crate) enum Segment {
    Literal(String),
    Param(Ident),
}

/// Where the JSON body comes from.
pub(crate) enum Body<'a> {
    None,
    /// One `#[body]` field is the whole body.
    Whole(&'a Ident),
    /// The remaining fields form a JSON object.
    Fields(Vec<&'a FieldSpec>),
}

/// A query parameter: its name on the wire and its field.
pub(crate) struct QueryParam<'a> {
    pub(crate) name: String,
    pub(crate) field: &'a FieldSpec,
}

/// A declaration that obeys every rule, ready to expand.
pub(crate) struct Endpoint<'a> {
    /// Path to the runtime's `__private` module.
    pub(crate) private: TokenStream,
    pub(crate) method: Method,
    pub(crate) template: LitStr,
    pub(crate) segments: Vec<Segment>,
    pub(crate) scopes: Vec<ResolvedScope>,
    pub(crate) response: Type,
    pub(crate) item: Option<&'a Type>,
    pub(crate) query: Vec<QueryParam<'a>>,
    pub(crate) body: Body<'a>,
}

/// Checks `input`; `None` when a rule is broken (the errors are in `cx`).
pub(crate) fn validate<'a>(
    input: &'a Input,
    default_crate: &TokenStream,
    cx: &mut Ctxt,
) -> Option<Endpoint<'a>> {
    let args = &input.args;
    let private = match &args.krate {
        Some(path) => quote!(#path::__private),
        None => quote!(#default_crate::__private),
    };
    check_generics(input, cx);

    let method = args.method.as_ref().map(|(m, _)| *m);
    if !args.written.contains(&"method") {
        let methods = Method::ALL
            .iter()
            .map(|(n, _)| *n)
            .collect::<Vec<_>>()
            .join(", ");
        cx.error_at(
            Span::call_site(),
            format_args!("missing `method = ...`: one of {methods}"),
        );
    }
    if !args.written.contains(&"path") {
        cx.error_at(
            Span::call_site(),
            "missing `path = \"...\"`, such as `path = \"/orders/{id}\"`",
        );
    }
    if !args.written.contains(&"scope") {
        cx.error_at(
            Span::call_site(),
            "missing `scope = \"...\"`: the OAuth scope(s) this endpoint needs, such as `scope = \"orders_read\"`",
        );
    }
    if !args.written.contains(&"response") && !args.written.contains(&"paginated") {
        cx.error_at(
            Span::call_site(),
            "missing `response = Type`: the type the response body decodes into",
        );
    }

    let segments = args.path.as_ref().and_then(|lit| parse_template(lit, cx));
    let scopes = args
        .scope
        .as_ref()
        .map(|(list, _)| scope_spec::resolve(list, &private, cx));
    check_placeholders(input, segments.as_deref(), cx);
    let query = query_params(input, segments.as_deref(), cx);
    let body = body(input, segments.as_deref(), method, cx);

    let item = args.paginated.as_ref();
    let response = match (&args.response, item) {
        (Some(response), _) => response.clone(),
        (None, Some(item)) => syn::parse_quote!(#private::Vec<#item>),
        (None, None) => return None,
    };
    if cx.has_errors() {
        return None;
    }
    Some(Endpoint {
        private,
        method: method?,
        template: args.path.clone()?,
        segments: segments?,
        scopes: scopes?,
        response,
        item,
        query,
        body,
    })
}

fn check_generics(input: &Input, cx: &mut Ctxt) {
    for param in &input.item.generics.params {
        if !matches!(param, syn::GenericParam::Lifetime(_)) {
            cx.error_spanned_by(param, "an endpoint can borrow (lifetime parameters), but cannot be generic over types or constants");
        }
    }
}

/// Splits `/a/{b}/c` into literal and placeholder segments.
fn parse_template(lit: &LitStr, cx: &mut Ctxt) -> Option<Vec<Segment>> {
    let template = lit.value();
    let before = cx.has_errors();
    let fail = |message: String, cx: &mut Ctxt| cx.error_spanned_by(lit, message);
    if !template.starts_with('/') {
        fail(
            format!("the path must start with `/`, as in `/{template}`"),
            cx,
        );
    }
    if let Some(c) = template
        .chars()
        .find(|c| matches!(c, '?' | '#') || c.is_whitespace())
    {
        fail(
            format!(
                "the path cannot contain {c:?}: declare query parameters as fields marked `#[query]`"
            ),
            cx,
        );
    }
    let mut segments = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut rest = template.as_str();
    while !rest.is_empty() {
        let open = rest.find('{');
        let close = rest.find('}');
        match (open, close) {
            (None, None) => {
                segments.push(Segment::Literal(rest.to_owned()));
                break;
            }
            (Some(o), Some(c)) if o < c => {
                if o > 0 {
                    segments.push(Segment::Literal(rest[..o].to_owned()));
                }
                let name = &rest[o + 1..c];
                if syn::parse_str::<Ident>(name).is_err() || name.contains('{') {
                    fail(
                        format!("`{{{name}}}` is not a placeholder: write `{{field_name}}`"),
                        cx,
                    );
                } else if names.iter().any(|n| n == name) {
                    fail(
                        format!("placeholder `{{{name}}}` appears more than once in the path"),
                        cx,
                    );
                } else {
                    names.push(name.to_owned());
                    segments.push(Segment::Param(Ident::new(name, lit.span())));
                }
                rest = &rest[c + 1..];
            }
            _ => {
                fail(
                    "unbalanced `{` or `}` in the path: placeholders are written `{field_name}`"
                        .to_owned(),
                    cx,
                );
                break;
            }
        }
    }
    (cx.has_errors() == before).then_some(segments)
}

fn placeholder<'s>(segments: Option<&'s [Segment]>, name: &Ident) -> Option<&'s Ident> {
    segments?.iter().find_map(|s| match s {
        Segment::Param(p) if p == name => Some(p),
        _ => None,
    })
}

fn check_placeholders(input: &Input, segments: Option<&[Segment]>, cx: &mut Ctxt) {
    let Some(segments) = segments else { return };
    for segment in segments {
        let Segment::Param(name) = segment else {
            continue;
        };
        match input.fields.iter().find(|f| f.ident == *name) {
            None => cx.error_spanned_by(
                input.args.path.as_ref(),
                format_args!("placeholder `{{{name}}}` has no field: add a field `{name}` to `{}`", input.item.ident),
            ),
            Some(f) if !matches!(f.role, FieldRole::Implicit | FieldRole::Path) => cx.error_spanned_by(
                &f.ident,
                format_args!("field `{name}` fills the placeholder `{{{name}}}`, so it cannot be `#[query]` or `#[body]`"),
            ),
            Some(_) => {}
        }
    }
    for field in &input.fields {
        if let FieldRole::Path = field.role
            && placeholder(Some(segments), &field.ident).is_none()
        {
            let path = input
                .args
                .path
                .as_ref()
                .map(LitStr::value)
                .unwrap_or_default();
            cx.error_spanned_by(
                &field.ident,
                format_args!(
                    "field `{}` is marked `#[path]`, but the path `{path}` has no `{{{}}}` placeholder",
                    field.ident, field.ident
                ),
            );
        }
    }
}

fn query_params<'a>(
    input: &'a Input,
    segments: Option<&[Segment]>,
    cx: &mut Ctxt,
) -> Vec<QueryParam<'a>> {
    let mut params: Vec<QueryParam<'a>> = Vec::new();
    for field in &input.fields {
        let FieldRole::Query { rename } = &field.role else {
            continue;
        };
        let span = field.ident.span();
        if placeholder(segments, &field.ident).is_some() {
            continue; // reported by check_placeholders
        }
        let name = rename
            .as_ref()
            .map_or_else(|| field.ident.unraw_string(), LitStr::value);
        if name.is_empty() {
            cx.error_at(span, "a query parameter needs a name");
        } else if params.iter().any(|p| p.name == name) {
            cx.error_at(
                span,
                format_args!("query parameter `{name}` is declared more than once"),
            );
        } else if input.args.paginated.is_some() && (name == "page" || name == "limit") {
            cx.error_at(
                span,
                format_args!(
                    "`{name}` is set by the paginator of a `paginated` endpoint; remove this field"
                ),
            );
        }
        params.push(QueryParam { name, field });
    }
    params
}

fn body<'a>(
    input: &'a Input,
    segments: Option<&[Segment]>,
    method: Option<Method>,
    cx: &mut Ctxt,
) -> Body<'a> {
    let whole: Vec<&FieldSpec> = input
        .fields
        .iter()
        .filter(|f| matches!(f.role, FieldRole::Body))
        .collect();
    let loose: Vec<&FieldSpec> = input
        .fields
        .iter()
        .filter(|f| {
            matches!(f.role, FieldRole::Implicit) && placeholder(segments, &f.ident).is_none()
        })
        .collect();
    let method_name = method.map(Method::name).unwrap_or_default();
    if let Some(method) = method
        && !method.has_body()
    {
        for field in whole.iter().chain(&loose) {
            cx.error_spanned_by(
                &field.ident,
                format_args!(
                    "`{method_name}` requests have no body, so field `{}` cannot be sent in one: \
                     mark it `#[query]`, or name it in the path as `{{{}}}`",
                    field.ident, field.ident
                ),
            );
        }
        return Body::None;
    }
    match (whole.as_slice(), loose.as_slice()) {
        ([], []) => Body::None,
        ([], _) => Body::Fields(loose),
        ([one], []) => Body::Whole(&one.ident),
        ([one], _) => {
            for field in &loose {
                cx.error_spanned_by(
                    &field.ident,
                    format_args!(
                        "field `{}` would be part of the JSON body, but `{}` is the whole body (`#[body]`): \
                         mark it `#[query]` or `#[path]`",
                        field.ident, one.ident
                    ),
                );
            }
            Body::None
        }
        (many, _) => {
            for field in &many[1..] {
                cx.error_spanned_by(
                    &field.ident,
                    "only one field can be the whole body (`#[body]`)",
                );
            }
            Body::None
        }
    }
}

trait UnrawString {
    fn unraw_string(&self) -> String;
}

impl UnrawString for Ident {
    fn unraw_string(&self) -> String {
        use syn::ext::IdentExt;
        self.unraw().to_string()
    }
}
