//! The headless face of `careerlog`, one module per area, all through the one [`support::Cli`]
//! helper: a temporary journal, and no call that may panic.

mod support;

mod basics;
mod encryption;
mod guides;
mod journal;
mod resume;
mod stories;
mod transfer;
