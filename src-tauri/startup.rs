//! The start-up probe: when each phase of opening the window was reached, logged to stderr
//! when the UI reports its first meaningful paint. With `CAREERLOG_EXIT_AFTER_PAINT=1` the
//! app then exits 0, so benchmarks can time start-up end to end; with
//! `CAREERLOG_STARTUP_LOG=1` it logs the same lines and keeps running.

use std::borrow::Cow;
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

/// Phases in the order they happen; each is recorded once.
pub struct Startup {
    began: Instant,
    /// The same moment on the wall clock, to place the web view's own marks.
    began_wall: SystemTime,
    phases: Mutex<Vec<(Cow<'static, str>, Duration)>>,
}

impl Startup {
    pub fn new(began: Instant) -> Startup {
        Startup {
            began,
            began_wall: SystemTime::now() - began.elapsed(),
            phases: Mutex::new(vec![("process start".into(), Duration::ZERO)]),
        }
    }

    pub fn reached(&self, phase: &'static str) {
        let mut phases = self.phases.lock().unwrap_or_else(|p| p.into_inner());
        if !phases.iter().any(|(p, _)| *p == phase) {
            phases.push((phase.into(), self.began.elapsed()));
        }
    }

    /// The web view's marks (`performance.now()` after its `timeOrigin`, both in ms),
    /// placed on the process's time line as `ui: <name>`.
    pub fn ui_marks(&self, origin_ms: f64, marks: &[(String, f64)]) {
        let began_ms = self
            .began_wall
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0);
        let mut phases = self.phases.lock().unwrap_or_else(|p| p.into_inner());
        for (name, at) in marks {
            let after = (origin_ms + at - began_ms).max(0.0);
            phases.push((format!("ui: {name}").into(), Duration::from_secs_f64(after / 1000.0)));
        }
    }

    /// One line per phase, in time order: `careerlog: startup <ms> ms <phase>`.
    pub fn report(&self) -> String {
        let mut phases = self.phases.lock().unwrap_or_else(|p| p.into_inner()).clone();
        phases.sort_by_key(|(_, at)| *at);
        phases
            .iter()
            .map(|(phase, at)| {
                format!("careerlog: startup {:>8.1} ms {phase}", at.as_secs_f64() * 1000.0)
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

pub fn exit_after_paint() -> bool {
    std::env::var("CAREERLOG_EXIT_AFTER_PAINT").is_ok_and(|v| v == "1")
}

/// `CAREERLOG_STARTUP_LOG=1` logs the phases at the first paint and keeps running, so a
/// benchmark can measure the memory of the window as the user first sees it.
pub fn log_startup() -> bool {
    std::env::var("CAREERLOG_STARTUP_LOG").is_ok_and(|v| v == "1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_are_kept_in_order_once() {
        let probe = Startup::new(Instant::now());
        probe.reached("window created");
        probe.reached("core opened");
        probe.reached("window created");
        let report = probe.report();
        let phases: Vec<&str> = report.lines().map(|l| l.rsplit(" ms ").next().unwrap()).collect();
        assert_eq!(phases, vec!["process start", "window created", "core opened"]);
    }
}
