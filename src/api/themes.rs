//! Sales channels → themes → versions → assets, as Finqu's command-line client
//! calls them.
//!
//! Every path here is the one Finqu's own CLI uses, under
//! `/merchants/{merchant}` (the merchant id from resource discovery). Listing
//! channels needs `sales_channel_read`; reading themes, versions and assets
//! `themes_read`; putting, deleting and compiling assets `themes_write`.
//!
//! A [`VersionRef`] names one theme version and builds the asset endpoints for it:
//!
//! ```
//! use finqu::Endpoint;
//! use finqu::api::themes::VersionRef;
//!
//! let version = VersionRef::new("1001", 1, 10, 100);
//! let put = version.put_text("templates/index.liquid", "<h1>Hi</h1>");
//! assert_eq!(put.path().unwrap(), "/merchants/1001/channels/1/themes/10/versions/100/assets");
//! assert_eq!(
//!     put.body().unwrap().unwrap(),
//!     br#"{"asset":{"key":"templates/index.liquid","value":"<h1>Hi</h1>"}}"#
//! );
//!
//! let logo = version.put_attachment("assets/logo.png", b"\x89PNG");
//! assert_eq!(
//!     logo.body().unwrap().unwrap(),
//!     br#"{"asset":{"key":"assets/logo.png","attachment":"iVBORw=="}}"#
//! );
//!
//! let get = version.get("assets/logo.png");
//! assert_eq!(get.query().unwrap(), [("asset[key]".to_owned(), "assets/logo.png".to_owned())]);
//! ```

use std::fmt;

use finqu_core::finqu_endpoint;
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

use super::base64;

/// A sales channel of the merchant: the webshop, a point of sale, ….
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Channel {
    /// Finqu's id.
    pub id: u64,
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// The kind of channel, such as `webshop` or `pos` (`type` on the wire).
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
}

/// A theme of a sales channel.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Theme {
    /// Finqu's id.
    pub id: u64,
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// Whether the channel uses this theme now.
    #[serde(default)]
    pub active: bool,
}

/// A version of a theme: a set of assets.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ThemeVersion {
    /// Finqu's id.
    pub id: u64,
    /// Version name, such as `1.1`.
    #[serde(default)]
    pub name: String,
    /// Whether this version is the published one.
    #[serde(default)]
    pub published: bool,
    /// When the version was created (RFC 3339).
    #[serde(default)]
    pub created_at: Option<String>,
    /// When the assets were last compiled (RFC 3339); `None` if never.
    #[serde(default)]
    pub compiled_at: Option<String>,
}

/// A file of a theme version, such as `templates/index.liquid`.
///
/// Lists ([`ListAssets`]) and [`PutAsset`] answer it without content;
/// [`GetAsset`] answers it with `value` (text) or `attachment` (base64).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Asset {
    /// The asset's path in the version, such as `assets/style.css`.
    pub key: String,
    /// Its media type, such as `text/css`.
    #[serde(default)]
    pub content_type: Option<String>,
    /// Its size in bytes.
    #[serde(default)]
    pub size: Option<u64>,
    /// When it last changed (RFC 3339).
    #[serde(default)]
    pub updated_at: Option<String>,
    /// Text content, when the asset is text and was fetched one by one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Binary content in base64, when the asset is binary and was fetched one
    /// by one. [`Asset::content`] decodes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment: Option<String>,
}

impl Asset {
    /// The content, decoded: `Ok(None)` when the response carried none (as
    /// in lists).
    ///
    /// # Errors
    ///
    /// [`InvalidBase64`] when `attachment` is not base64.
    ///
    /// ```
    /// use finqu::api::themes::{Asset, AssetContent};
    ///
    /// let asset: Asset = serde_json::from_str(r#"{"key": "a.bin", "attachment": "AAE="}"#).unwrap();
    /// assert_eq!(asset.content().unwrap(), Some(AssetContent::Binary(vec![0, 1])));
    /// ```
    pub fn content(&self) -> Result<Option<AssetContent>, InvalidBase64> {
        match (&self.value, &self.attachment) {
            (Some(text), _) => Ok(Some(AssetContent::Text(text.clone()))),
            (None, Some(b64)) => base64::decode(b64)
                .map(|bytes| Some(AssetContent::Binary(bytes)))
                .ok_or_else(|| InvalidBase64 {
                    key: self.key.clone(),
                }),
            (None, None) => Ok(None),
        }
    }
}

/// The content of an asset: text, or bytes (sent as base64 `attachment`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssetContent {
    /// Text, such as a Liquid template or a stylesheet (`value` on the wire).
    Text(String),
    /// Bytes, such as an image (`attachment` on the wire, base64).
    Binary(Vec<u8>),
}

/// An asset's `attachment` that is not valid base64.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidBase64 {
    key: String,
}

impl InvalidBase64 {
    /// The key of the asset whose attachment this is.
    pub fn key(&self) -> &str {
        &self.key
    }
}

impl fmt::Display for InvalidBase64 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the attachment of asset `{}` is not valid base64",
            self.key
        )
    }
}

impl std::error::Error for InvalidBase64 {}

/// The `asset` object of [`PutAsset`]'s body: `{"key", "value" | "attachment"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssetUpload {
    /// The asset's path in the version, such as `templates/index.liquid`.
    pub key: String,
    /// What to store.
    pub content: AssetContent,
}

impl Serialize for AssetUpload {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("key", &self.key)?;
        match &self.content {
            AssetContent::Text(text) => map.serialize_entry("value", text)?,
            AssetContent::Binary(bytes) => {
                map.serialize_entry("attachment", &base64::encode(bytes))?;
            }
        }
        map.end()
    }
}

/// One theme version of a merchant: the four ids that the asset paths name.
/// Its methods build the endpoints for that version.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct VersionRef {
    /// The merchant's id, from resource discovery (a string, as Finqu sends it).
    pub merchant: String,
    /// The sales channel's id.
    pub channel: u64,
    /// The theme's id.
    pub theme: u64,
    /// The version's id.
    pub version: u64,
}

impl VersionRef {
    /// Version `version` of theme `theme` in channel `channel` of `merchant`.
    pub fn new(merchant: impl Into<String>, channel: u64, theme: u64, version: u64) -> Self {
        VersionRef {
            merchant: merchant.into(),
            channel,
            theme,
            version,
        }
    }

    /// [`ListAssets`] of this version.
    pub fn list(&self) -> ListAssets {
        ListAssets {
            merchant: self.merchant.clone(),
            channel: self.channel,
            theme: self.theme,
            version: self.version,
        }
    }

    /// [`GetAsset`]: the asset `key` with its content.
    pub fn get(&self, key: impl Into<String>) -> GetAsset {
        GetAsset {
            merchant: self.merchant.clone(),
            channel: self.channel,
            theme: self.theme,
            version: self.version,
            key: key.into(),
        }
    }

    /// [`PutAsset`] of `content` at `key`.
    pub fn put(&self, key: impl Into<String>, content: AssetContent) -> PutAsset {
        PutAsset {
            merchant: self.merchant.clone(),
            channel: self.channel,
            theme: self.theme,
            version: self.version,
            asset: AssetUpload {
                key: key.into(),
                content,
            },
        }
    }

    /// [`PutAsset`] of text (`value`) at `key`.
    pub fn put_text(&self, key: impl Into<String>, text: impl Into<String>) -> PutAsset {
        self.put(key, AssetContent::Text(text.into()))
    }

    /// [`PutAsset`] of bytes (`attachment`, base64-encoded for you) at `key`.
    pub fn put_attachment(&self, key: impl Into<String>, bytes: impl Into<Vec<u8>>) -> PutAsset {
        self.put(key, AssetContent::Binary(bytes.into()))
    }

    /// [`DeleteAsset`] of the asset `key`.
    pub fn delete(&self, key: impl Into<String>) -> DeleteAsset {
        DeleteAsset {
            merchant: self.merchant.clone(),
            channel: self.channel,
            theme: self.theme,
            version: self.version,
            key: key.into(),
        }
    }

    /// [`CompileAssets`] of this version.
    pub fn compile(&self) -> CompileAssets {
        CompileAssets {
            merchant: self.merchant.clone(),
            channel: self.channel,
            theme: self.theme,
            version: self.version,
        }
    }
}

/// Lists the merchant's sales channels.
///
/// `GET /merchants/{merchant}/channels`, scope `sales_channel_read`. The path
/// is Finqu's CLI's. The client adds `page` and `limit`.
#[finqu_endpoint(
    method = GET,
    path = "/merchants/{merchant}/channels",
    scope = "sales_channel_read",
    paginated = Channel
)]
#[derive(Debug, Clone)]
pub struct ListChannels {
    /// The merchant's id.
    pub merchant: String,
}

/// Lists the themes of a sales channel.
///
/// `GET /merchants/{merchant}/channels/{channel}/themes`, scope
/// `themes_read`. The path is Finqu's CLI's. The client adds `page` and
/// `limit`.
#[finqu_endpoint(
    method = GET,
    path = "/merchants/{merchant}/channels/{channel}/themes",
    scope = "themes_read",
    paginated = Theme
)]
#[derive(Debug, Clone)]
pub struct ListThemes {
    /// The merchant's id.
    pub merchant: String,
    /// The sales channel's id.
    pub channel: u64,
}

/// Lists the versions of a theme.
///
/// `GET /merchants/{merchant}/channels/{channel}/themes/{theme}/versions`,
/// scope `themes_read`. The path is Finqu's CLI's. The client adds `page`
/// and `limit`.
#[finqu_endpoint(
    method = GET,
    path = "/merchants/{merchant}/channels/{channel}/themes/{theme}/versions",
    scope = "themes_read",
    paginated = ThemeVersion
)]
#[derive(Debug, Clone)]
pub struct ListVersions {
    /// The merchant's id.
    pub merchant: String,
    /// The sales channel's id.
    pub channel: u64,
    /// The theme's id.
    pub theme: u64,
}

/// Lists the assets of a theme version, without their content.
///
/// `GET /merchants/{merchant}/channels/{channel}/themes/{theme}/versions/{version}/assets`,
/// scope `themes_read`. The path is Finqu's CLI's. The client adds `page`
/// and `limit`. Built by [`VersionRef::list`].
#[finqu_endpoint(
    method = GET,
    path = "/merchants/{merchant}/channels/{channel}/themes/{theme}/versions/{version}/assets",
    scope = "themes_read",
    paginated = Asset
)]
#[derive(Debug, Clone)]
pub struct ListAssets {
    /// The merchant's id.
    pub merchant: String,
    /// The sales channel's id.
    pub channel: u64,
    /// The theme's id.
    pub theme: u64,
    /// The version's id.
    pub version: u64,
}

/// Reads one asset with its content (`value` or `attachment`).
///
/// `GET /merchants/{merchant}/channels/{channel}/themes/{theme}/versions/{version}/assets?asset[key]=…`,
/// scope `themes_read`. The path is Finqu's CLI's. Built by
/// [`VersionRef::get`].
#[finqu_endpoint(
    method = GET,
    path = "/merchants/{merchant}/channels/{channel}/themes/{theme}/versions/{version}/assets",
    scope = "themes_read",
    response = Asset
)]
#[derive(Debug, Clone)]
pub struct GetAsset {
    /// The merchant's id.
    pub merchant: String,
    /// The sales channel's id.
    pub channel: u64,
    /// The theme's id.
    pub theme: u64,
    /// The version's id.
    pub version: u64,
    /// The asset's path in the version, such as `templates/index.liquid`.
    #[query(rename = "asset[key]")]
    pub key: String,
}

/// Creates or replaces an asset; answers it without content.
///
/// `PUT /merchants/{merchant}/channels/{channel}/themes/{theme}/versions/{version}/assets`
/// with `{"asset": {"key", "value" | "attachment"}}`, scope `themes_write`.
/// The path and body are Finqu's CLI's. Built by [`VersionRef::put_text`]
/// and [`VersionRef::put_attachment`].
#[finqu_endpoint(
    method = PUT,
    path = "/merchants/{merchant}/channels/{channel}/themes/{theme}/versions/{version}/assets",
    scope = "themes_write",
    response = Asset
)]
#[derive(Debug, Clone)]
pub struct PutAsset {
    /// The merchant's id.
    pub merchant: String,
    /// The sales channel's id.
    pub channel: u64,
    /// The theme's id.
    pub theme: u64,
    /// The version's id.
    pub version: u64,
    /// The key and content, sent as the body's `asset` object.
    pub asset: AssetUpload,
}

/// Deletes an asset. Finqu answers `204 No Content`.
///
/// `DELETE /merchants/{merchant}/channels/{channel}/themes/{theme}/versions/{version}/assets?asset[key]=…`,
/// scope `themes_write`. The path is Finqu's CLI's. Built by
/// [`VersionRef::delete`].
#[finqu_endpoint(
    method = DELETE,
    path = "/merchants/{merchant}/channels/{channel}/themes/{theme}/versions/{version}/assets",
    scope = "themes_write",
    response = ()
)]
#[derive(Debug, Clone)]
pub struct DeleteAsset {
    /// The merchant's id.
    pub merchant: String,
    /// The sales channel's id.
    pub channel: u64,
    /// The theme's id.
    pub theme: u64,
    /// The version's id.
    pub version: u64,
    /// The asset's path in the version.
    #[query(rename = "asset[key]")]
    pub key: String,
}

/// Compiles a version's assets; answers the version with its new `compiled_at`.
///
/// `PUT /merchants/{merchant}/channels/{channel}/themes/{theme}/versions/{version}/assets/compile`,
/// scope `themes_write`. The path is Finqu's CLI's. Built by
/// [`VersionRef::compile`].
#[finqu_endpoint(
    method = PUT,
    path = "/merchants/{merchant}/channels/{channel}/themes/{theme}/versions/{version}/assets/compile",
    scope = "themes_write",
    response = ThemeVersion
)]
#[derive(Debug, Clone)]
pub struct CompileAssets {
    /// The merchant's id.
    pub merchant: String,
    /// The sales channel's id.
    pub channel: u64,
    /// The theme's id.
    pub theme: u64,
    /// The version's id.
    pub version: u64,
}
