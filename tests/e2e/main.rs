//! End to end: the real `careerlog` binary in its WebKitGTK window, one module per area of
//! the app, all through the one harness in [`support`]. Tests run in parallel threads and
//! queue for the display; the `capture_*` tools are ignored, run by hand or by
//! `make screenshots`.

mod support;

mod guides;
mod habit;
mod imports;
mod inbox;
mod journal;
mod packet;
mod people;
mod privacy;
mod resume;
mod settings;
mod shell;
mod stories;
mod templates;
