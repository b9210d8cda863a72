//! Content pages (such as "About us"): list, get, create, update, delete.
//!
//! These paths are not publicly documented; they follow Finqu's REST
//! conventions (the shape of the documented `/orders`). The scopes are
//! Finqu's documented `content_read` and `content_write`.

use finqu_core::finqu_endpoint;
use serde::{Deserialize, Serialize};

/// A content page, as the merchant API returns it.
///
/// Named `ContentPage` so that it is not confused with a page of results
/// ([`finqu_core::Page`]).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ContentPage {
    /// Finqu's id.
    pub id: u64,
    /// Title.
    pub title: String,
    /// URL handle, unique in the store, such as `about-us`.
    #[serde(default)]
    pub handle: String,
    /// Body, as HTML.
    #[serde(default)]
    pub content: String,
    /// Whether shoppers can see it.
    #[serde(default)]
    pub published: bool,
    /// When the page was created (RFC 3339).
    #[serde(default)]
    pub created_at: Option<String>,
    /// When the page was last updated (RFC 3339), if ever.
    #[serde(default)]
    pub updated_at: Option<String>,
}

/// Lists content pages, a page of results at a time.
///
/// `GET /pages`, scope `content_read`. Not publicly documented; follows
/// Finqu's REST conventions. The client adds `page` and `limit`.
#[finqu_endpoint(method = GET, path = "/pages", scope = "content_read", paginated = ContentPage)]
#[derive(Debug, Clone, Default)]
pub struct ListPages;

/// Reads one content page.
///
/// `GET /pages/{id}`, scope `content_read`. Not publicly documented; follows
/// Finqu's REST conventions.
#[finqu_endpoint(method = GET, path = "/pages/{id}", scope = "content_read", response = ContentPage)]
#[derive(Debug, Clone)]
pub struct GetPage {
    /// The page's id.
    pub id: u64,
}

/// Creates a content page; answers it as stored, with its id and handle.
///
/// `POST /pages`, scope `content_write`. Not publicly documented; follows
/// Finqu's REST conventions.
///
/// ```
/// use finqu::Endpoint;
/// use finqu::api::pages::CreatePage;
///
/// let create = CreatePage { published: Some(true), ..CreatePage::new("FAQ") };
/// assert_eq!(create.body().unwrap().unwrap(), br#"{"title":"FAQ","published":true}"#);
/// ```
#[finqu_endpoint(method = POST, path = "/pages", scope = "content_write", response = ContentPage)]
#[derive(Debug, Clone)]
pub struct CreatePage {
    /// Title, not empty.
    pub title: String,
    /// URL handle; Finqu derives one from the title when `None`.
    pub handle: Option<String>,
    /// Body, as HTML; empty when `None`.
    pub content: Option<String>,
    /// Whether shoppers can see it; unpublished when `None`.
    pub published: Option<bool>,
}

impl CreatePage {
    /// An empty, unpublished page titled `title`.
    pub fn new(title: impl Into<String>) -> Self {
        CreatePage {
            title: title.into(),
            handle: None,
            content: None,
            published: None,
        }
    }
}

/// Changes a content page: only the fields that are `Some` are sent, and only
/// those change. Answers the updated page.
///
/// `PUT /pages/{id}`, scope `content_write`. Not publicly documented; follows
/// Finqu's REST conventions.
///
/// ```
/// use finqu::Endpoint;
/// use finqu::api::pages::UpdatePage;
///
/// let update = UpdatePage { content: Some("<p>Hi</p>".into()), ..UpdatePage::new(2) };
/// assert_eq!(update.body().unwrap().unwrap(), br#"{"content":"<p>Hi</p>"}"#);
/// ```
#[finqu_endpoint(method = PUT, path = "/pages/{id}", scope = "content_write", response = ContentPage)]
#[derive(Debug, Clone)]
pub struct UpdatePage {
    /// The page's id.
    pub id: u64,
    /// A new title.
    pub title: Option<String>,
    /// A new URL handle.
    pub handle: Option<String>,
    /// A new body, as HTML.
    pub content: Option<String>,
    /// Publish (`true`) or hide (`false`).
    pub published: Option<bool>,
}

impl UpdatePage {
    /// An update of page `id` that changes nothing yet; set the fields to change.
    pub fn new(id: u64) -> Self {
        UpdatePage {
            id,
            title: None,
            handle: None,
            content: None,
            published: None,
        }
    }
}

/// Deletes a content page. Finqu answers `204 No Content`.
///
/// `DELETE /pages/{id}`, scope `content_write`. Not publicly documented;
/// follows Finqu's REST conventions.
#[finqu_endpoint(method = DELETE, path = "/pages/{id}", scope = "content_write", response = ())]
#[derive(Debug, Clone)]
pub struct DeletePage {
    /// The page's id.
    pub id: u64,
}
