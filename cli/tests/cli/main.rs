//! The headless face of `careerlog`, one module per area, all through the one [`support::Cli`]
//! helper: a temporary journal, and no call that may panic.

mod support;

// Real repositories for capture, written by `git fast-import`: the core's own fixture.
#[path = "../../../core/src/capture/fixture.rs"]
#[allow(dead_code)] // each harness uses a part of it
mod fixture;

mod basics;
mod capture;
mod encryption;
mod guides;
mod habit;
mod imports;
mod journal;
mod people;
mod resume;
mod stories;
mod transfer;
