//! Token stores and resuming sessions.

mod common;

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use common::{Shop, authorize, builder, merchant};
use finqu_auth::{AuthError, FileStore, Merchant, StoreError, StoredSession, TokenSet, TokenStore};
use finqu_core::{AccessToken, TokenSource};
use finqu_testkit::FakeFinqu;

fn sample(id: &str, n: usize) -> StoredSession {
    let tokens = TokenSet::new(
        AccessToken::new(format!("access-{n}-{}", "x".repeat(n % 500))),
        Some(format!("refresh-{n}").into()),
        Some(SystemTime::now() + Duration::from_secs(3600)),
        "orders_read products_read",
    );
    StoredSession::new(
        Merchant::new(
            id,
            "Shop",
            "https://shop.api.myfinqu.com/3.0".parse().unwrap(),
        ),
        tokens,
    )
}

#[tokio::test]
async fn file_store_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let store = FileStore::new(dir.path().join("sessions"));
    let saved = sample("1001", 1);
    store.save(&saved).await.unwrap();
    let loaded = store.load("1001").await.unwrap().unwrap();
    assert_eq!(loaded.merchant(), saved.merchant());
    assert_eq!(
        loaded.tokens().access_token(),
        saved.tokens().access_token()
    );
    assert_eq!(
        loaded.tokens().refresh_token(),
        saved.tokens().refresh_token()
    );
    assert_eq!(loaded.tokens().scope(), saved.tokens().scope());
    let (a, b) = (
        loaded.tokens().expires_at().unwrap(),
        saved.tokens().expires_at().unwrap(),
    );
    assert_eq!(a, b);
    assert!(store.load("1002").await.unwrap().is_none());
    store.remove("1001").await.unwrap();
    assert!(store.load("1001").await.unwrap().is_none());
    store.remove("1001").await.unwrap();
}

#[cfg(unix)]
#[tokio::test]
async fn file_store_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("sessions");
    let store = FileStore::new(&sessions);
    store.save(&sample("1001", 1)).await.unwrap();
    store.save(&sample("1001", 2)).await.unwrap();
    let mode = std::fs::metadata(store.path_for("1001"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    let dir_mode = std::fs::metadata(&sessions).unwrap().permissions().mode();
    assert_eq!(dir_mode & 0o777, 0o700);
    // No temporary file is left behind.
    let names: Vec<_> = std::fs::read_dir(&sessions)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, [std::ffi::OsString::from("merchant-1001.json")]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 8)]
async fn concurrent_writers_never_tear_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(FileStore::new(dir.path()));
    store.save(&sample("1001", 0)).await.unwrap();
    let writers: Vec<_> = (1..=64)
        .map(|n| {
            let store = store.clone();
            tokio::spawn(async move {
                for round in 0..5 {
                    store.save(&sample("1001", n * 10 + round)).await.unwrap();
                }
            })
        })
        .collect();
    let reader = {
        let store = store.clone();
        tokio::spawn(async move {
            for _ in 0..300 {
                // Every read parses: a torn file would be `Corrupt`.
                let loaded = store.load("1001").await.unwrap().unwrap();
                let access = loaded.tokens().access_token().secret().to_owned();
                let n: usize = access.split('-').nth(1).unwrap().parse().unwrap();
                assert_eq!(
                    loaded.tokens().refresh_token().unwrap().secret(),
                    format!("refresh-{n}")
                );
            }
        })
    };
    for w in writers {
        w.await.unwrap();
    }
    reader.await.unwrap();
    assert!(store.load("1001").await.unwrap().is_some());
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 1, "temporary files were left behind");
}

#[tokio::test]
async fn a_corrupt_file_is_a_typed_error_without_its_content() {
    let dir = tempfile::tempdir().unwrap();
    let store = FileStore::new(dir.path());
    std::fs::write(
        store.path_for("1001"),
        r#"{"merchant": "secret-looking-value"}"#,
    )
    .unwrap();
    let err = store.load("1001").await.unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
    assert!(!format!("{err} {err:?}").contains("secret-looking-value"));
}

#[tokio::test]
async fn a_session_resumes_from_the_file_store_without_authorizing_again() {
    let finqu = FakeFinqu::start().await;
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(FileStore::new(dir.path()));
    let auth = builder::<Shop>(&finqu)
        .store(store.clone())
        .build()
        .unwrap();
    let first = authorize(&auth).await;
    let token = first.access_token().await.unwrap();
    drop(first);

    // A new process: a new authorizer over the same directory.
    let auth = builder::<Shop>(&finqu)
        .store(Arc::new(FileStore::new(dir.path())))
        .build()
        .unwrap();
    let resumed = auth.resume(finqu.merchant().id()).await.unwrap();
    assert_eq!(resumed.access_token().await.unwrap(), token);
    assert_eq!(resumed.merchant(), &merchant(&finqu));
    assert_eq!(finqu.grant_count("authorization_code"), 1);

    // Its refreshes land in the store too.
    let fresh = resumed.refresh_now().await.unwrap();
    let stored = store.load(finqu.merchant().id()).await.unwrap().unwrap();
    assert_eq!(stored.tokens().access_token(), &fresh);

    let err = auth.resume("no-such-merchant").await.unwrap_err();
    assert!(matches!(err, AuthError::NotStored { .. }), "{err:?}");
}

#[tokio::test]
async fn resuming_re_verifies_the_grant() {
    finqu_core::grant!(Wider = "orders_read products_read orders_write");
    let finqu = FakeFinqu::start().await;
    let dir = tempfile::tempdir().unwrap();
    let auth = builder::<Shop>(&finqu)
        .store(Arc::new(FileStore::new(dir.path())))
        .build()
        .unwrap();
    authorize(&auth).await;
    let wider = builder::<Wider>(&finqu)
        .store(Arc::new(FileStore::new(dir.path())))
        .build()
        .unwrap();
    let err = wider.resume(finqu.merchant().id()).await.unwrap_err();
    let AuthError::MissingScopes(missing) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(missing.missing, ["orders_write"]);
}

#[tokio::test]
async fn a_non_https_api_url_is_rejected() {
    let finqu = FakeFinqu::start().await;
    let auth = builder::<Shop>(&finqu).build().unwrap();
    for url in ["http://shop.finqu.com/api/1.2", "ftp://shop.finqu.com/api"] {
        let tokens = TokenSet::new(
            AccessToken::new("a"),
            None,
            None,
            "orders_read products_read",
        );
        let stored = StoredSession::new(Merchant::new("1", "Shop", url.parse().unwrap()), tokens);
        let err = auth.session_from(stored).unwrap_err();
        assert!(
            matches!(err, AuthError::InsecureUrl { what: "API", .. }),
            "{err:?}"
        );
    }
    // Loopback http only with the opt-in.
    let strict = finqu_auth::Authorizer::<Shop>::builder("id", "secret", "https://app.example/cb")
        .build()
        .unwrap();
    let tokens = TokenSet::new(
        AccessToken::new("a"),
        None,
        None,
        "orders_read products_read",
    );
    let err = strict
        .session_from(StoredSession::new(merchant(&finqu), tokens))
        .unwrap_err();
    assert!(matches!(err, AuthError::InsecureUrl { .. }), "{err:?}");
}
