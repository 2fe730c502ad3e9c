//! The shared test harness, one module per layer of test:
//! - `domain`: builders for the domain suites (a fixed today, exact amounts, healthy prospects);
//! - `desk`: an `App` on the demo portfolio, keys through `update`, renders into `TestBackend`;
//! - `pty`: the real binary in a pseudo-terminal, waiting for screen text with a deadline;
//! - `hardening`: the hardening suites' runs of the binary (`DEALDESK_BIN` picks another build);
//! - `sandbox`: a temporary folder for stores, policies, HOME and the XDG folders, and runs of
//!   the real binary in it with a fixed `--as-of`;
//! - `postgres`: a private PostgreSQL cluster per test binary, a database per test.
//!
//! Each test file takes what it needs (`mod common; use common::desk::*;`); what one file does
//! not use is not dead in another.
#![allow(dead_code)]

pub mod desk;
pub mod domain;
pub mod hardening;
pub mod postgres;
pub mod pty;
pub mod sandbox;
