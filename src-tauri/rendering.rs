//! The window's rendering path, applied to its web view: chosen at start from the machine,
//! the environment and the journal's setting (`careerlog_core::rendering::choose`), shown in
//! Settings with what WebKit itself reports.

use std::sync::{Arc, Mutex};

use careerlog_core::rendering::{
    Rendering, RenderingChoice, RenderingInUse, RenderingPath, RenderingSource,
};

/// The choice made at start (with the setting it was made from), and WebKit's hardware-acceleration policy read back from the
/// web view once it was applied (`never`, `always`, `on_demand`).
#[derive(Clone)]
pub struct RenderingState {
    choice: RenderingChoice,
    setting: Rendering,
    webkit_policy: Arc<Mutex<Option<String>>>,
}

impl RenderingState {
    pub fn new(choice: RenderingChoice, setting: Rendering) -> Self {
        RenderingState { choice, setting, webkit_policy: Arc::default() }
    }

    pub fn in_use(&self) -> RenderingInUse {
        let policy = self.webkit_policy.lock().unwrap_or_else(|p| p.into_inner()).clone();
        RenderingInUse { choice: self.choice.clone(), setting: self.setting, webkit_policy: policy }
    }

    /// Turns accelerated compositing off for the software path; a variable the user set is
    /// WebKit's to read, and the GPU path keeps WebKit's default.
    pub fn apply<R: tauri::Runtime>(&self, window: &tauri::WebviewWindow<R>) -> tauri::Result<()> {
        let software = self.choice.path == RenderingPath::Software
            && self.choice.source != RenderingSource::Environment;
        let policy = self.webkit_policy.clone();
        window.with_webview(move |webview| {
            #[cfg(target_os = "linux")]
            {
                use webkit2gtk::{HardwareAccelerationPolicy as Policy, SettingsExt, WebViewExt};
                let Some(settings) = WebViewExt::settings(&webview.inner()) else { return };
                if software {
                    settings.set_hardware_acceleration_policy(Policy::Never);
                }
                let now = match settings.hardware_acceleration_policy() {
                    Policy::Never => "never",
                    Policy::Always => "always",
                    Policy::OnDemand => "on_demand",
                    _ => "other",
                };
                *policy.lock().unwrap_or_else(|p| p.into_inner()) = Some(now.into());
            }
            #[cfg(not(target_os = "linux"))]
            let _ = (webview, software, policy);
        })
    }
}
