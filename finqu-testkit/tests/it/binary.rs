//! The `finqu-testkit` program: `--help`, and serving with its first JSON line.

use std::io::{BufRead as _, BufReader};
use std::process::{Command, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_finqu-testkit");

#[test]
fn help_documents_every_option_and_the_control_plane() {
    let output = Command::new(BIN).arg("--help").output().unwrap();
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    for needle in [
        "--port",
        "--token-ttl",
        "--grant-scopes",
        "--resource-shape",
        "api_url",
        "endpoints",
        "--no-rotate-refresh-tokens",
        "--require-pkce",
        "--omit-token-scope",
        "--client-id",
        "--redirect-uri",
        "--products",
        "/__testkit/faults",
        "drop_connection",
    ] {
        assert!(help.contains(needle), "--help lacks {needle}:\n{help}");
    }
}

#[test]
fn bad_arguments_are_refused() {
    for args in [
        &["--token-ttl", "0"][..],
        &["--resource-shape", "xml"],
        &["--port", "http"],
    ] {
        let output = Command::new(BIN).args(args).output().unwrap();
        assert!(!output.status.success(), "{args:?}");
    }
}

/// Kills the child even when an assertion fails.
struct Child(std::process::Child);

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn serves_and_prints_its_urls_first() {
    let mut child = Child(
        Command::new(BIN)
            .args([
                "--port",
                "0",
                "--token-ttl",
                "120",
                "--resource-shape",
                "endpoints",
                "--client-id",
                "cli-app",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let stdout = child.0.stdout.take().unwrap();
    let line = tokio::task::spawn_blocking(move || {
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).unwrap();
        line
    })
    .await
    .unwrap();
    let info: Value = serde_json::from_str(&line).unwrap();
    for key in [
        "login_url",
        "api_url",
        "client_id",
        "client_secret",
        "redirect_uri",
    ] {
        assert!(info[key].is_string(), "{key} missing in {line}");
    }
    assert_eq!(info["client_id"], "cli-app");

    let http = crate::common::http();
    let login = info["login_url"].as_str().unwrap();
    let tokens: Value = http
        .post(format!("{login}/__testkit/tokens"))
        .json(&serde_json::json!({"scope": "orders_read"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(tokens["expires_in"], 120);
    let access = tokens["access_token"].as_str().unwrap();
    let resource: Value = http
        .get(format!("{login}/oauth2/resource"))
        .bearer_auth(access)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(resource["merchant"]["endpoints"]["api"].is_string());
    let orders = http
        .get(format!("{}/orders", info["api_url"].as_str().unwrap()))
        .bearer_auth(access)
        .send()
        .await
        .unwrap();
    assert_eq!(orders.status(), 200);
}
