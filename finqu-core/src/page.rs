//! One page of a list endpoint, and what the response headers say about the rest.

use http::HeaderMap;

/// The largest `limit` Finqu accepts, and the one the paginator uses by default.
pub const MAX_PAGE_LIMIT: u32 = 50;

/// One page of a [`Paginated`](crate::Paginated) endpoint.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Page<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// This page's number, from 1.
    pub page: u32,
    /// The page size asked for.
    pub limit: u32,
    /// `X-Pagination-Count`: how many pages there are, when the server said.
    pub page_count: Option<u32>,
    /// `X-Result-Count`: how many items there are in all, when the server said.
    pub total_items: Option<u64>,
    /// The next page's number, from the `Link` header's `next`; `None` on the last page.
    pub next: Option<u32>,
}

impl<T> Page<T> {
    pub(crate) fn from_parts(items: Vec<T>, page: u32, limit: u32, headers: &HeaderMap) -> Self {
        let header = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::trim)
        };
        Page {
            items,
            page,
            limit,
            page_count: header("x-pagination-count").and_then(|v| v.parse().ok()),
            total_items: header("x-result-count").and_then(|v| v.parse().ok()),
            next: header("link").and_then(next_page),
        }
    }
}

/// The `page` of the `Link` header's `rel="next"` target.
fn next_page(link: &str) -> Option<u32> {
    let links = parse_link_header::parse_with_rel(link).ok()?;
    links.get("next")?.queries.get("page")?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    #[test]
    fn reads_pagination_headers() {
        let mut h = HeaderMap::new();
        h.insert("x-pagination-count", HeaderValue::from_static("3"));
        h.insert("x-result-count", HeaderValue::from_static("120"));
        h.insert(
            "link",
            HeaderValue::from_static(
                r#"<https://s.example/api/1.2/products?page=3&limit=50>; rel="next", <https://s.example/api/1.2/products?page=1&limit=50>; rel="prev""#,
            ),
        );
        let page = Page::from_parts(vec![1, 2], 2, 50, &h);
        assert_eq!(
            (page.page_count, page.total_items, page.next),
            (Some(3), Some(120), Some(3))
        );
    }

    #[test]
    fn last_page_and_garbage_have_no_next() {
        let mut h = HeaderMap::new();
        h.insert(
            "link",
            HeaderValue::from_static(r#"<https://s.example/p?page=1>; rel="prev""#),
        );
        assert_eq!(Page::<u8>::from_parts(vec![], 2, 50, &h).next, None);
        h.insert("link", HeaderValue::from_static("not a link header"));
        assert_eq!(Page::<u8>::from_parts(vec![], 2, 50, &h).next, None);
        assert_eq!(
            Page::<u8>::from_parts(vec![], 1, 50, &HeaderMap::new()).next,
            None
        );
    }
}
