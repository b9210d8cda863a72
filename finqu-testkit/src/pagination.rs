//! `page`/`limit` pagination with Finqu's headers and an RFC 8288 `Link` header.

use axum::Json;
use axum::http::{HeaderMap, HeaderName, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use crate::error::ApiError;

/// `limit` when the request has none.
pub const DEFAULT_PAGE_LIMIT: usize = 20;
/// The largest `limit` accepted; a larger one answers 422.
pub const MAX_PAGE_LIMIT: usize = 50;

/// The requested page (1-based) and page size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Paging {
    pub(crate) page: usize,
    pub(crate) limit: usize,
}

impl Paging {
    /// `page` and `limit` from `query`; 422 when either is not a positive
    /// integer or `limit` exceeds [`MAX_PAGE_LIMIT`].
    pub(crate) fn from_query(query: &[(String, String)]) -> Result<Self, ApiError> {
        let mut details = Vec::new();
        let mut read = |name: &str, default: usize, max: usize| {
            let Some((_, raw)) = query.iter().rev().find(|(k, _)| k == name) else {
                return default;
            };
            match raw.parse::<usize>() {
                Ok(n) if (1..=max).contains(&n) => n,
                _ if max == usize::MAX => {
                    details.push(format!("{name} must be a positive integer"));
                    default
                }
                _ => {
                    details.push(format!("{name} must be an integer from 1 to {max}"));
                    default
                }
            }
        };
        let page = read("page", 1, usize::MAX);
        let limit = read("limit", DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT);
        if details.is_empty() {
            Ok(Self { page, limit })
        } else {
            Err(ApiError::validation(details))
        }
    }

    /// The index range of this page within `total` items.
    pub(crate) fn range(self, total: usize) -> std::ops::Range<usize> {
        let start = (self.page - 1).saturating_mul(self.limit).min(total);
        start..start.saturating_add(self.limit).min(total)
    }
}

/// Answer one page of a list: a bare JSON array plus the pagination headers.
/// `url` is the absolute URL of the request without query; `query` its query pairs.
pub(crate) fn respond(
    url: &str,
    query: &[(String, String)],
    paging: Paging,
    total: usize,
    items: Vec<Value>,
) -> Response {
    let pages = total.div_ceil(paging.limit);
    let mut headers = HeaderMap::new();
    let mut set = |name: &'static str, value: String| {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(HeaderName::from_static(name), value);
        }
    };
    set("x-pagination-count", pages.to_string());
    set("x-pagination-page", paging.page.to_string());
    set("x-pagination-limit", paging.limit.to_string());
    set("x-result-count", total.to_string());
    if let Ok(link) = HeaderValue::from_str(&link(url, query, paging, pages)) {
        headers.insert(header::LINK, link);
    }
    (headers, Json(items)).into_response()
}

/// `<…page=2…>; rel="next", …`: `next` unless this is the last page (or past
/// it), `prev` unless it is the first, `first` and `last` always (`last` is
/// page 1 for an empty list). Other query parameters are kept.
fn link(url: &str, query: &[(String, String)], paging: Paging, pages: usize) -> String {
    let target = |page: usize| {
        let mut q = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in query.iter().filter(|(k, _)| k != "page" && k != "limit") {
            q.append_pair(k, v);
        }
        q.append_pair("page", &page.to_string());
        q.append_pair("limit", &paging.limit.to_string());
        format!("{url}?{}", q.finish())
    };
    let mut rels = Vec::new();
    if paging.page < pages {
        rels.push((paging.page + 1, "next"));
    }
    if paging.page > 1 {
        rels.push((paging.page - 1, "prev"));
    }
    rels.push((1, "first"));
    rels.push((pages.max(1), "last"));
    rels.iter()
        .map(|(page, rel)| format!("<{}>; rel=\"{rel}\"", target(*page)))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn defaults_and_bounds() {
        assert_eq!(
            Paging::from_query(&[]).unwrap(),
            Paging {
                page: 1,
                limit: DEFAULT_PAGE_LIMIT
            }
        );
        assert_eq!(
            Paging::from_query(&q(&[("page", "3"), ("limit", "50")])).unwrap(),
            Paging { page: 3, limit: 50 }
        );
        for bad in [
            ("limit", "51"),
            ("limit", "0"),
            ("page", "0"),
            ("page", "x"),
            ("limit", "-1"),
        ] {
            assert!(Paging::from_query(&q(&[bad])).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn ranges_clamp_to_total() {
        let p = Paging { page: 3, limit: 50 };
        assert_eq!(p.range(120), 100..120);
        assert_eq!(Paging { page: 9, limit: 50 }.range(120), 120..120);
        assert_eq!(
            Paging {
                page: usize::MAX,
                limit: 50
            }
            .range(10),
            10..10
        );
    }

    #[test]
    fn link_keeps_filters_and_omits_next_on_last_page() {
        let link = link(
            "http://h/api/1.2/orders",
            &q(&[("status", "pending"), ("page", "2")]),
            Paging { page: 2, limit: 10 },
            2,
        );
        assert_eq!(
            link,
            "<http://h/api/1.2/orders?status=pending&page=1&limit=10>; rel=\"prev\", \
             <http://h/api/1.2/orders?status=pending&page=1&limit=10>; rel=\"first\", \
             <http://h/api/1.2/orders?status=pending&page=2&limit=10>; rel=\"last\""
        );
    }
}
