//! Sales channels, their themes, theme versions and version assets (the Finqu CLI's paths).

use std::collections::BTreeMap;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde_json::{Value, json};

use super::Record;

/// The content of an asset: text (`value`) or binary (`attachment`, base64 on the wire).
#[derive(Debug, Clone)]
enum Content {
    Text(String),
    Binary(Vec<u8>),
}

#[derive(Debug, Clone)]
struct Asset {
    content: Content,
    updated_at: String,
}

/// The channel → theme → version → asset tree.
#[derive(Debug, Default)]
pub(crate) struct Themes {
    channels: Vec<Record>,
    /// `(channel id, theme)`
    themes: Vec<(u64, Record)>,
    /// `(theme id, version)`
    versions: Vec<(u64, Record)>,
    /// By `(version id, key)`.
    assets: BTreeMap<(u64, String), Asset>,
}

fn object(value: Value) -> Record {
    match value {
        Value::Object(record) => record,
        _ => Record::new(),
    }
}

impl Themes {
    /// Channels 1 (webshop) and 2 (POS); themes 10, 11 in channel 1 and 20 in
    /// channel 2; versions 100, 101 of theme 10, 110 of 11, 200 of 20; four
    /// assets in every version.
    pub(crate) fn seed() -> Self {
        let mut themes = Self {
            channels: vec![
                object(json!({"id": 1, "name": "Webshop", "type": "webshop"})),
                object(json!({"id": 2, "name": "Store POS", "type": "pos"})),
            ],
            themes: vec![
                (
                    1,
                    object(json!({"id": 10, "name": "Default", "active": true})),
                ),
                (
                    1,
                    object(json!({"id": 11, "name": "Spring", "active": false})),
                ),
                (
                    2,
                    object(json!({"id": 20, "name": "POS receipt", "active": true})),
                ),
            ],
            versions: [
                (10, 100, "1.0"),
                (10, 101, "1.1"),
                (11, 110, "1.0"),
                (20, 200, "1.0"),
            ]
            .into_iter()
            .map(|(theme, id, name)| {
                let version = json!({
                    "id": id, "name": name, "published": id != 101,
                    "created_at": crate::time::seeded(id), "compiled_at": null,
                });
                (theme, object(version))
            })
            .collect(),
            assets: BTreeMap::new(),
        };
        for version in [100, 101, 110, 200] {
            let seeded = |content| Asset {
                content,
                updated_at: crate::time::seeded(version),
            };
            let text = |s: &str| seeded(Content::Text(s.to_owned()));
            let assets = [
                (
                    "layout/theme.liquid",
                    text("<html>{{ content_for_layout }}</html>"),
                ),
                ("templates/index.liquid", text("<h1>{{ shop.name }}</h1>")),
                ("assets/style.css", text("body { margin: 0; }")),
                (
                    "assets/logo.png",
                    seeded(Content::Binary(b"\x89PNG\r\n\x1a\n".to_vec())),
                ),
            ];
            for (key, asset) in assets {
                themes.assets.insert((version, key.to_owned()), asset);
            }
        }
        themes
    }

    pub(crate) fn channels(&self) -> Vec<Record> {
        self.channels.clone()
    }

    /// The themes of `channel`, or `None` when the channel does not exist.
    pub(crate) fn themes(&self, channel: u64) -> Option<Vec<Record>> {
        let exists = self.channels.iter().any(|c| id(c) == channel);
        exists.then(|| {
            self.themes
                .iter()
                .filter(|(c, _)| *c == channel)
                .map(|(_, t)| t.clone())
                .collect()
        })
    }

    /// The versions of `theme` in `channel`, or `None` when either does not exist.
    pub(crate) fn versions(&self, channel: u64, theme: u64) -> Option<Vec<Record>> {
        let exists = self
            .themes
            .iter()
            .any(|(c, t)| *c == channel && id(t) == theme);
        exists.then(|| {
            self.versions
                .iter()
                .filter(|(t, _)| *t == theme)
                .map(|(_, v)| v.clone())
                .collect()
        })
    }

    /// Whether `version` belongs to `theme` in `channel`.
    pub(crate) fn has_version(&self, channel: u64, theme: u64, version: u64) -> bool {
        self.themes
            .iter()
            .any(|(c, t)| *c == channel && id(t) == theme)
            && self
                .versions
                .iter()
                .any(|(t, v)| *t == theme && id(v) == version)
    }

    /// The assets of `version`, without their content.
    pub(crate) fn assets(&self, version: u64) -> Vec<Value> {
        self.assets
            .iter()
            .filter(|((v, _), _)| *v == version)
            .map(|((_, key), asset)| describe(key, asset, false))
            .collect()
    }

    /// One asset with its content (`value` or `attachment`).
    pub(crate) fn asset(&self, version: u64, key: &str) -> Option<Value> {
        let asset = self.assets.get(&(version, key.to_owned()))?;
        Some(describe(key, asset, true))
    }

    /// Create or replace the asset described by `body` (`{"asset": {"key", "value" | "attachment"}}`).
    pub(crate) fn put_asset(&mut self, version: u64, body: &Value) -> Result<Value, Vec<String>> {
        let Some(asset) = body.get("asset").and_then(Value::as_object) else {
            return Err(vec!["asset is required and must be an object".to_owned()]);
        };
        let mut details = Vec::new();
        let key = asset.get("key").and_then(Value::as_str).unwrap_or_default();
        if !is_key(key) {
            details.push(
                "asset.key must be a relative path such as templates/index.liquid".to_owned(),
            );
        }
        let content = match (asset.get("value"), asset.get("attachment")) {
            (Some(Value::String(text)), None) => Some(Content::Text(text.clone())),
            (None, Some(Value::String(b64))) => match STANDARD.decode(b64) {
                Ok(bytes) => Some(Content::Binary(bytes)),
                Err(_) => {
                    details.push("asset.attachment must be base64".to_owned());
                    None
                }
            },
            (Some(_), Some(_)) => {
                details.push("asset takes either value or attachment, not both".to_owned());
                None
            }
            _ => {
                details.push("asset.value or asset.attachment (a string) is required".to_owned());
                None
            }
        };
        let Some(content) = content.filter(|_| details.is_empty()) else {
            return Err(details);
        };
        let asset = Asset {
            content,
            updated_at: crate::time::now(),
        };
        let described = describe(key, &asset, false);
        self.assets.insert((version, key.to_owned()), asset);
        Ok(described)
    }

    /// Remove one asset; whether it existed.
    pub(crate) fn delete_asset(&mut self, version: u64, key: &str) -> bool {
        self.assets.remove(&(version, key.to_owned())).is_some()
    }

    /// Mark `version` compiled now, and answer it.
    pub(crate) fn compile(&mut self, version: u64) -> Option<Value> {
        let (_, record) = self.versions.iter_mut().find(|(_, v)| id(v) == version)?;
        record.insert("compiled_at".to_owned(), crate::time::now().into());
        Some(Value::Object(record.clone()))
    }
}

fn id(record: &Record) -> u64 {
    record.get("id").and_then(Value::as_u64).unwrap_or(0)
}

/// `templates/index.liquid`: non-empty `/`-separated segments, no `.` or `..`.
fn is_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 512
        && key
            .split('/')
            .all(|seg| !seg.is_empty() && seg != "." && seg != "..")
        && !key.contains('\\')
}

fn content_type(key: &str) -> &'static str {
    match key.rsplit_once('.').map_or("", |(_, ext)| ext) {
        "liquid" => "text/x-liquid",
        "css" => "text/css",
        "js" => "application/javascript",
        "json" => "application/json",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "svg" => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

fn describe(key: &str, asset: &Asset, with_content: bool) -> Value {
    let size = match &asset.content {
        Content::Text(s) => s.len(),
        Content::Binary(b) => b.len(),
    };
    let mut out = json!({
        "key": key,
        "content_type": content_type(key),
        "size": size,
        "updated_at": asset.updated_at,
    });
    if with_content {
        match &asset.content {
            Content::Text(s) => out["value"] = s.clone().into(),
            Content::Binary(b) => out["attachment"] = STANDARD.encode(b).into(),
        }
    }
    out
}
