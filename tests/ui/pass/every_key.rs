//! Every key of `#[finqu_endpoint]`, and every kind of field.
use finqu::{Endpoint, Method, Paginated, finqu_endpoint};

#[derive(Debug, serde::Deserialize)]
pub struct Asset {
    pub key: String,
}

#[finqu_endpoint(
    method = GET,
    path = "/merchants/{merchant}/channels/{channel}/themes/{theme}/versions/{version}/assets",
    scope = "themes_read",
    response = Vec<Asset>,
    paginated = Asset,
    crate = finqu,
)]
pub struct ListAssets {
    pub merchant: u64,
    #[path]
    pub channel: u64,
    pub theme: String,
    pub version: String,
    #[query(rename = "asset[key]")]
    pub key: Option<String>,
}

#[derive(serde::Serialize)]
pub struct AssetBody {
    pub key: String,
    pub value: String,
}

#[finqu_endpoint(method = PUT, path = "/assets/{id}", scope = "themes_write", response = Asset)]
pub struct PutAsset {
    pub id: u64,
    #[body]
    pub asset: AssetBody,
}

#[finqu_endpoint(method = PATCH, path = "/orders/{id}", scope = "orders_write", response = serde_json::Value)]
pub struct PatchOrder<'a> {
    pub id: &'a str,
    pub status: Option<&'a str>,
}

#[finqu_endpoint(method = DELETE, path = "/products/{id}", scope = "products_write", response = ())]
pub struct DeleteProduct {
    pub id: u64,
    #[query]
    pub force: bool,
}

#[finqu_endpoint(method = POST, path = "/webhooks", scope = "orders_read", response = ())]
pub struct CreateWebhook {
    pub topic: String,
    pub address: String,
}

fn item<P: Paginated<Item = Asset>>() {}

fn main() {
    item::<ListAssets>();
    let list = ListAssets { merchant: 1, channel: 2, theme: "t/1".into(), version: "v".into(), key: Some("a b".into()) };
    assert_eq!(list.path().unwrap(), "/merchants/1/channels/2/themes/t%2F1/versions/v/assets");
    assert_eq!(list.query().unwrap(), [("asset[key]".to_owned(), "a b".to_owned())]);
    let put = PutAsset { id: 3, asset: AssetBody { key: "k".into(), value: "v".into() } };
    assert_eq!(put.body().unwrap().unwrap(), br#"{"key":"k","value":"v"}"#);
    let patch = PatchOrder { id: "o-1", status: None };
    assert_eq!(PatchOrder::METHOD, Method::Patch);
    assert_eq!(patch.body().unwrap().unwrap(), b"{}");
    let delete = DeleteProduct { id: 9, force: true };
    assert!(delete.body().unwrap().is_none());
    assert_eq!(delete.query().unwrap(), [("force".to_owned(), "true".to_owned())]);
    let hook = CreateWebhook { topic: "orders/update".into(), address: "https://example.com/h".into() };
    assert_eq!(CreateWebhook::PATH_TEMPLATE, "/webhooks");
    assert!(hook.body().unwrap().is_some());
}
