//! Reads `#[finqu_endpoint(...)]` and the struct it sits on into typed values.
//! Only the shape of the input is checked here; the rules live in `validate`.

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::spanned::Spanned;
use syn::{Attribute, Ident, Item, ItemStruct, LitStr, Path, Token, Type};

use crate::ctxt::Ctxt;
use crate::scope_spec::ScopeList;

/// The keys `#[finqu_endpoint]` accepts, in the order the docs list them.
pub(crate) const KEYS: &[&str] = &["method", "path", "scope", "response", "paginated", "crate"];

/// The HTTP methods an endpoint can use.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    pub(crate) const ALL: &[(&str, Method)] = &[
        ("GET", Method::Get),
        ("POST", Method::Post),
        ("PUT", Method::Put),
        ("PATCH", Method::Patch),
        ("DELETE", Method::Delete),
    ];

    pub(crate) fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, m)| *m == self)
            .map(|(n, _)| *n)
            .unwrap_or_default()
    }

    /// Whether requests of this method carry a JSON body.
    pub(crate) fn has_body(self) -> bool {
        !matches!(self, Method::Get | Method::Delete)
    }
}

/// The attribute's arguments, each kept with the tokens it came from.
#[derive(Default)]
pub(crate) struct Args {
    pub(crate) method: Option<(Method, Ident)>,
    pub(crate) path: Option<LitStr>,
    pub(crate) scope: Option<(ScopeList, Span)>,
    pub(crate) response: Option<Type>,
    pub(crate) paginated: Option<Type>,
    pub(crate) krate: Option<Path>,
    /// Keys that were written, even with a bad value, or misspelled close to
    /// one: a key in here is not also reported as missing.
    pub(crate) written: Vec<&'static str>,
}

/// What a field's own attribute says it is.
pub(crate) enum FieldRole {
    /// No attribute: a path parameter when the path names it, else part of the body.
    Implicit,
    /// `#[path]`.
    Path,
    /// `#[query]` or `#[query(rename = "...")]`.
    Query { rename: Option<LitStr> },
    /// `#[body]`: this field is the whole JSON body.
    Body,
}

/// One named field of the endpoint struct.
pub(crate) struct FieldSpec {
    pub(crate) ident: Ident,
    pub(crate) ty: Type,
    pub(crate) role: FieldRole,
    /// The field's `#[serde(...)]` attributes, carried over to the body.
    pub(crate) serde_attrs: Vec<Attribute>,
}

/// The whole input of one `#[finqu_endpoint]`.
pub(crate) struct Input {
    pub(crate) args: Args,
    /// The struct, without the field attributes this macro owns.
    pub(crate) item: ItemStruct,
    pub(crate) fields: Vec<FieldSpec>,
}

/// Parses the attribute and its item. `Err` holds the item to emit as it is
/// (it is not a struct) after the errors.
pub(crate) fn parse(
    attr: TokenStream,
    item: TokenStream,
    cx: &mut Ctxt,
) -> Result<Input, TokenStream> {
    let args = parse_args(attr, cx);
    let mut item = match syn::parse2::<Item>(item.clone()) {
        Ok(Item::Struct(s)) => s,
        Ok(other) => {
            let what = match &other {
                Item::Enum(e) => Some(("an enum", e.enum_token.span)),
                Item::Union(u) => Some(("a union", u.union_token.span)),
                Item::Fn(f) => Some(("a function", f.sig.fn_token.span)),
                _ => None,
            };
            let (kind, span) = what.unwrap_or(("this item", Span::call_site()));
            cx.error_at(
                span,
                format_args!(
                    "`#[finqu_endpoint]` goes on a struct with named fields, not on {kind}"
                ),
            );
            return Err(item);
        }
        Err(e) => {
            cx.push(e);
            return Err(item);
        }
    };
    let fields = parse_fields(&mut item, cx);
    Ok(Input { args, item, fields })
}

fn parse_args(attr: TokenStream, cx: &mut Ctxt) -> Args {
    let mut args = Args::default();
    let parser = |input: ParseStream<'_>| -> syn::Result<()> {
        while !input.is_empty() {
            let key = Ident::parse_any(input)?;
            let value = if input.peek(Token![=]) {
                input.parse::<Token![=]>()?;
                Some(take_value(input))
            } else {
                None
            };
            arg(&mut args, &key, value, cx);
            if !input.is_empty() {
                input.parse::<Token![,]>()?;
            }
        }
        Ok(())
    };
    if let Err(e) = parser.parse2(attr) {
        cx.push(e);
    }
    args
}

/// The tokens of one value: everything up to the next `,` outside `<...>`.
fn take_value(input: ParseStream<'_>) -> TokenStream {
    input
        .step(|cursor| {
            let mut rest = *cursor;
            let mut tokens = TokenStream::new();
            let mut depth = 0usize;
            let mut prev_dash = false;
            while let Some((tt, next)) = rest.token_tree() {
                if let TokenTree::Punct(p) = &tt {
                    match p.as_char() {
                        ',' if depth == 0 => break,
                        '<' => depth += 1,
                        '>' if !prev_dash => depth = depth.saturating_sub(1),
                        _ => {}
                    }
                    prev_dash = p.as_char() == '-';
                } else {
                    prev_dash = false;
                }
                tokens.extend([tt]);
                rest = next;
            }
            Ok((tokens, rest))
        })
        .unwrap_or_default()
}

fn arg(args: &mut Args, key: &Ident, value: Option<TokenStream>, cx: &mut Ctxt) {
    let name = key.unraw().to_string();
    if !KEYS.contains(&name.as_str()) {
        let close = KEYS.iter().find(|k| strsim::jaro_winkler(k, &name) >= 0.85);
        let hint = close
            .map(|k| format!("did you mean `{k}`? "))
            .unwrap_or_default();
        args.written.extend(close.copied());
        let expected = KEYS
            .iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ");
        cx.error_spanned_by(
            key,
            format_args!("unknown key `{name}`: {hint}expected one of: {expected}"),
        );
        return;
    }
    args.written
        .extend(KEYS.iter().find(|k| **k == name).copied());
    let Some(value) = value.filter(|v| !v.is_empty()) else {
        cx.error_spanned_by(key, format_args!("`{name}` needs a value: `{name} = ...`"));
        return;
    };
    let duplicate = match name.as_str() {
        "method" => set(&mut args.method, parse_method(value, cx)),
        "path" => set(&mut args.path, parse_value(value, cx)),
        "scope" => {
            let span = value.span();
            let list = cx_parse(ScopeList::parse_value.parse2(value), cx);
            set(&mut args.scope, list.map(|l| (l, span)))
        }
        "response" => set(&mut args.response, parse_value(value, cx)),
        "paginated" => set(&mut args.paginated, parse_value(value, cx)),
        _ => set(&mut args.krate, parse_crate(value, cx)),
    };
    if duplicate {
        cx.error_spanned_by(key, format_args!("`{name}` specified more than once"));
    }
}

/// Stores `value` unless one is there already; returns whether it was a duplicate.
fn set<T>(slot: &mut Option<T>, value: Option<T>) -> bool {
    if slot.is_some() {
        return true;
    }
    *slot = value;
    false
}

fn cx_parse<T>(result: syn::Result<T>, cx: &mut Ctxt) -> Option<T> {
    result.map_err(|e| cx.push(e)).ok()
}

fn parse_value<T: syn::parse::Parse>(value: TokenStream, cx: &mut Ctxt) -> Option<T> {
    cx_parse(syn::parse2(value), cx)
}

fn parse_method(value: TokenStream, cx: &mut Ctxt) -> Option<(Method, Ident)> {
    let ident: Ident = parse_value(value, cx)?;
    let name = ident.to_string();
    if let Some((_, m)) = Method::ALL.iter().find(|(n, _)| *n == name) {
        return Some((*m, ident));
    }
    let expected = Method::ALL
        .iter()
        .map(|(n, _)| *n)
        .collect::<Vec<_>>()
        .join(", ");
    let upper = name.to_ascii_uppercase();
    if Method::ALL.iter().any(|(n, _)| *n == upper) {
        cx.error_spanned_by(
            &ident,
            format_args!("unknown HTTP method `{name}`: write it in capitals, `{upper}`"),
        );
    } else {
        cx.error_spanned_by(
            &ident,
            format_args!("unknown HTTP method `{name}`: expected one of {expected}"),
        );
    }
    None
}

/// `crate = path` or `crate = "path"`.
fn parse_crate(value: TokenStream, cx: &mut Ctxt) -> Option<Path> {
    let parsed = (|input: ParseStream<'_>| {
        if input.peek(LitStr) {
            input.parse::<LitStr>()?.parse_with(Path::parse_mod_style)
        } else {
            Path::parse_mod_style(input)
        }
    })
    .parse2(value);
    cx_parse(parsed, cx)
}

/// Reads each field's role and takes this macro's attributes off the struct.
fn parse_fields(item: &mut ItemStruct, cx: &mut Ctxt) -> Vec<FieldSpec> {
    let mut specs = Vec::new();
    match &mut item.fields {
        syn::Fields::Named(named) => {
            for field in &mut named.named {
                let mut role = FieldRole::Implicit;
                let mut kept = Vec::new();
                for attr in field.attrs.drain(..) {
                    let new_role = if attr.path().is_ident("path") {
                        expect_bare(&attr, cx);
                        FieldRole::Path
                    } else if attr.path().is_ident("query") {
                        FieldRole::Query {
                            rename: parse_query_attr(&attr, cx),
                        }
                    } else if attr.path().is_ident("body") {
                        expect_bare(&attr, cx);
                        FieldRole::Body
                    } else {
                        kept.push(attr);
                        continue;
                    };
                    if !matches!(role, FieldRole::Implicit) {
                        cx.error_spanned_by(
                            &attr,
                            "a field is one of `#[path]`, `#[query]` or `#[body]`, not several",
                        );
                    }
                    role = new_role;
                }
                field.attrs = kept;
                let serde_attrs = field
                    .attrs
                    .iter()
                    .filter(|a| a.path().is_ident("serde"))
                    .cloned()
                    .collect();
                let ident = field.ident.clone().expect("named field");
                specs.push(FieldSpec {
                    ident,
                    ty: field.ty.clone(),
                    role,
                    serde_attrs,
                });
            }
        }
        syn::Fields::Unnamed(unnamed) => {
            cx.error_spanned_by(
                &*unnamed,
                "`#[finqu_endpoint]` needs named fields: path placeholders and query parameters are bound by name",
            );
        }
        syn::Fields::Unit => {}
    }
    specs
}

fn expect_bare(attr: &Attribute, cx: &mut Ctxt) {
    if let Err(e) = attr.meta.require_path_only() {
        cx.push(e);
    }
}

/// `#[query]` or `#[query(rename = "asset[key]")]`.
fn parse_query_attr(attr: &Attribute, cx: &mut Ctxt) -> Option<LitStr> {
    if matches!(attr.meta, syn::Meta::Path(_)) {
        return None;
    }
    let mut rename = None;
    let result = attr.parse_nested_meta(|meta| {
        if meta.path.is_ident("rename") {
            rename = Some(meta.value()?.parse::<LitStr>()?);
            Ok(())
        } else {
            Err(meta.error("unknown `#[query]` option: expected `rename = \"...\"`"))
        }
    });
    cx_parse(result, cx);
    rename
}
