//! `finqu-testkit`: serve a fake Finqu on loopback until interrupted.

use std::io::Write as _;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, ValueEnum};
use finqu_testkit::{
    DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_CUSTOMERS, DEFAULT_ORDERS, DEFAULT_PRODUCTS,
    FakeFinqu, ResourceShape,
};

/// Serve a fake Finqu (login server and merchant API) on 127.0.0.1 until interrupted.
///
/// The first line on standard output is one JSON object with login_url,
/// api_url, client_id, client_secret, redirect_uri and more.
#[derive(Debug, Parser)]
#[command(name = "finqu-testkit", version, after_long_help = CONTROL_HELP)]
struct Args {
    /// Port on 127.0.0.1 to listen on; 0 picks a free one.
    #[arg(long, default_value_t = 0)]
    port: u16,

    /// Access-token lifetime in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 3600, value_parser = clap::value_parser!(u64).range(1..))]
    token_ttl: u64,

    /// Grant only these of the requested scopes (space separated), e.g. "orders_read products_read".
    /// Default: grant what is asked.
    #[arg(long, value_name = "SCOPES")]
    grant_scopes: Option<String>,

    /// Shape of GET /oauth2/resource: merchant.api_url (with version) or merchant.endpoints.api (without).
    #[arg(long, value_enum, default_value_t = Shape::ApiUrl)]
    resource_shape: Shape,

    /// Keep refresh tokens valid after use, and answer refreshes without refresh_token.
    #[arg(long)]
    no_rotate_refresh_tokens: bool,

    /// Refuse authorization requests without a PKCE S256 code_challenge.
    #[arg(long)]
    require_pkce: bool,

    /// Leave scope out of token responses ("granted as requested", RFC 6749 §5.1).
    #[arg(long)]
    omit_token_scope: bool,

    /// Client id of the registered client.
    #[arg(long, default_value = DEFAULT_CLIENT_ID)]
    client_id: String,

    /// Client secret of the registered client.
    #[arg(long, default_value = DEFAULT_CLIENT_SECRET)]
    client_secret: String,

    /// A redirect URI to register (repeatable); default http://127.0.0.1:8910/callback.
    #[arg(long = "redirect-uri", value_name = "URI")]
    redirect_uris: Vec<String>,

    /// Products to seed.
    #[arg(long, default_value_t = DEFAULT_PRODUCTS)]
    products: usize,

    /// Orders to seed.
    #[arg(long, default_value_t = DEFAULT_ORDERS)]
    orders: usize,

    /// Customers to seed.
    #[arg(long, default_value_t = DEFAULT_CUSTOMERS)]
    customers: usize,
}

const CONTROL_HELP: &str = "\
Control plane (JSON over HTTP, under {login_url}/__testkit):
  GET    /__testkit/info                      URLs, client and merchant
  GET    /__testkit/routes                    every route and the scope it requires
  POST   /__testkit/faults                    {\"route\": \"POST /orders\", \"times\": 2, \"fault\": {\"kind\": \"status\", \"status\": 503}}
                                              kinds: status, too_many_requests (retry_after_seconds | retry_after_http_date),
                                              malformed_json, oversize_body (bytes), delay (millis), drop_connection
  DELETE /__testkit/faults                    drop queued faults
  GET    /__testkit/counters                  requests per route key and per token grant type
  DELETE /__testkit/counters                  reset counters
  POST   /__testkit/tokens                    {\"scope\": \"orders_read\"}: mint tokens without the browser flow
  POST   /__testkit/expire-tokens             expire every access token
  POST   /__testkit/revoke                    {\"refresh_token\": \"...\"}: revoke one refresh token
  POST   /__testkit/deny-next-authorization   the next authorization answers access_denied";

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Shape {
    /// {"merchant": {"id", "api_url", "name"}}
    #[value(name = "api_url")]
    ApiUrl,
    /// {"id", "username", "name", "merchant": {"id", "name", "endpoints": {"admin", "api", "realtime"}}}
    #[value(name = "endpoints")]
    Endpoints,
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    let mut builder = FakeFinqu::builder()
        .port(args.port)
        .token_ttl(Duration::from_secs(args.token_ttl))
        .rotate_refresh_tokens(!args.no_rotate_refresh_tokens)
        .require_pkce(args.require_pkce)
        .scope_in_token_response(!args.omit_token_scope)
        .resource_shape(match args.resource_shape {
            Shape::ApiUrl => ResourceShape::ApiUrl,
            Shape::Endpoints => ResourceShape::Endpoints,
        })
        .client_credentials(args.client_id, args.client_secret)
        .products(args.products)
        .orders(args.orders)
        .customers(args.customers);
    if let Some(scopes) = args.grant_scopes {
        builder = builder.grant_scopes(scopes);
    }
    if !args.redirect_uris.is_empty() {
        builder = builder.redirect_uris(args.redirect_uris);
    }
    let finqu = match builder.try_start().await {
        Ok(finqu) => finqu,
        Err(e) => {
            eprintln!(
                "finqu-testkit: cannot listen on 127.0.0.1:{}: {e}",
                args.port
            );
            return ExitCode::FAILURE;
        }
    };
    let mut stdout = std::io::stdout().lock();
    if writeln!(stdout, "{}", finqu.info())
        .and_then(|()| stdout.flush())
        .is_err()
    {
        return ExitCode::FAILURE;
    }
    drop(stdout);
    eprintln!(
        "finqu-testkit: serving on {}; Ctrl-C stops",
        finqu.login_url()
    );
    match tokio::signal::ctrl_c().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("finqu-testkit: cannot wait for Ctrl-C: {e}");
            ExitCode::FAILURE
        }
    }
}
