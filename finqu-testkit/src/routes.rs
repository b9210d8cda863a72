//! The route table: every route the fake serves, the scope it requires, its handler.

use axum::routing::{MethodRouter, delete, get, post, put};

use crate::api::{rest, settings, themes};
use crate::oauth;
use crate::state::AppState;
use crate::store::Collection;

/// Which server of Finqu a route belongs to (both listen on the same port).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Server {
    /// The login server; paths are relative to [`FakeFinqu::login_url`](crate::FakeFinqu::login_url).
    Login,
    /// The merchant API; paths are relative to [`FakeFinqu::api_url`](crate::FakeFinqu::api_url).
    Api,
}

/// What a route requires of a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Requires {
    /// Nothing (the authorize endpoint).
    Nothing,
    /// Client authentication (the token endpoint).
    ClientCredentials,
    /// Any valid access token, whatever its scopes.
    AnyToken,
    /// A valid access token whose scopes include this one.
    Scope(&'static str),
}

/// One route of the fake.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Route {
    /// `GET`, `POST`, `PUT` or `DELETE`.
    pub method: &'static str,
    /// The path template, e.g. `/orders/{id}`; for [`Server::Api`] relative to the versioned base.
    pub path: &'static str,
    /// The server it belongs to.
    pub server: Server,
    /// What it requires.
    pub requires: Requires,
}

impl Route {
    /// The route key that faults and counters use: `"METHOD /path"`, e.g. `"PUT /orders/{id}"`.
    pub fn key(&self) -> String {
        format!("{} {}", self.method, self.path)
    }
}

/// Every route the fake serves, login server first. The HTTP control plane
/// under `/__testkit/` is not part of it.
///
/// ```
/// let orders = finqu_testkit::routes()
///     .into_iter()
///     .find(|r| r.key() == "POST /orders")
///     .unwrap();
/// assert_eq!(orders.requires, finqu_testkit::Requires::Scope("orders_write"));
/// ```
pub fn routes() -> Vec<Route> {
    table().into_iter().map(|(route, _)| route).collect()
}

/// The route table with handlers. The scope check is added by the router.
pub(crate) fn table() -> Vec<(Route, MethodRouter<AppState>)> {
    use Requires::{AnyToken, ClientCredentials, Nothing, Scope};
    let login = |method, path, requires, handler| {
        let route = Route {
            method,
            path,
            server: Server::Login,
            requires,
        };
        (route, handler)
    };
    let api = |method, path, requires, handler| {
        let route = Route {
            method,
            path,
            server: Server::Api,
            requires,
        };
        (route, handler)
    };
    let mut table = vec![
        login(
            "GET",
            "/oauth2/authorize",
            Nothing,
            get(oauth::authorize::authorize),
        ),
        login(
            "POST",
            "/oauth2/access_token",
            ClientCredentials,
            post(oauth::token::token),
        ),
        login(
            "GET",
            "/oauth2/resource",
            AnyToken,
            get(oauth::resource::resource),
        ),
    ];
    let collections = [
        (
            Collection::Orders,
            "/orders",
            "/orders/{id}",
            "orders_read",
            "orders_write",
        ),
        (
            Collection::Products,
            "/products",
            "/products/{id}",
            "products_read",
            "products_write",
        ),
        (
            Collection::Customers,
            "/customers",
            "/customers/{id}",
            "customers_read",
            "customers_write",
        ),
        (
            Collection::Pages,
            "/pages",
            "/pages/{id}",
            "content_read",
            "content_write",
        ),
    ];
    for (c, list, item, read, write) in collections {
        table.push(api("GET", list, Scope(read), rest::list(c)));
        table.push(api("GET", item, Scope(read), rest::show(c)));
        table.push(api("POST", list, Scope(write), rest::create(c)));
        table.push(api("PUT", item, Scope(write), rest::update(c)));
        if matches!(c, Collection::Products | Collection::Pages) {
            table.push(api("DELETE", item, Scope(write), rest::remove(c)));
        }
    }
    table.extend([
        api(
            "GET",
            "/settings",
            Scope("settings_read"),
            get(settings::show),
        ),
        api(
            "PUT",
            "/settings",
            Scope("settings_write"),
            put(settings::update),
        ),
        api(
            "GET",
            themes::CHANNELS,
            Scope("sales_channel_read"),
            get(themes::channels),
        ),
        api(
            "GET",
            themes::THEMES,
            Scope("themes_read"),
            get(themes::themes),
        ),
        api(
            "GET",
            themes::VERSIONS,
            Scope("themes_read"),
            get(themes::versions),
        ),
        api(
            "GET",
            themes::ASSETS,
            Scope("themes_read"),
            get(themes::assets),
        ),
        api(
            "PUT",
            themes::ASSETS,
            Scope("themes_write"),
            put(themes::put_asset),
        ),
        api(
            "DELETE",
            themes::ASSETS,
            Scope("themes_write"),
            delete(themes::delete_asset),
        ),
        api(
            "PUT",
            themes::COMPILE,
            Scope("themes_write"),
            put(themes::compile),
        ),
        // Which scope webhooks need is undocumented: any valid token will do.
        api(
            "GET",
            "/webhooks",
            AnyToken,
            rest::list(Collection::Webhooks),
        ),
        api(
            "GET",
            "/webhooks/{id}",
            AnyToken,
            rest::show(Collection::Webhooks),
        ),
        api(
            "POST",
            "/webhooks",
            AnyToken,
            rest::create(Collection::Webhooks),
        ),
        api(
            "DELETE",
            "/webhooks/{id}",
            AnyToken,
            rest::remove(Collection::Webhooks),
        ),
    ]);
    table
}
