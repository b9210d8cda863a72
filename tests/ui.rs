//! The macros' misuse suite: every misuse fails with a clear message, and
//! every correct use compiles. Re-bless with `TRYBUILD=overwrite` and read
//! every changed `.stderr` before committing it.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.pass("tests/ui/pass/*.rs");
    cases.compile_fail("tests/ui/fail/*.rs");
}
