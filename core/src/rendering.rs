//! How the window draws: WebKit's accelerated compositing where there is a GPU, plain
//! software painting where GL would only be emulated on the CPU (no render node, a software
//! Mesa driver). `choose` is pure, so every case is a row in a table test; `probe` reads the
//! machine.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The journal's setting: let the machine decide, or force one path.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Rendering {
    #[default]
    Auto,
    Hardware,
    Software,
}

impl Rendering {
    pub fn as_str(self) -> &'static str {
        match self {
            Rendering::Auto => "auto",
            Rendering::Hardware => "hardware",
            Rendering::Software => "software",
        }
    }

    pub fn parse(text: &str) -> Option<Rendering> {
        match text {
            "auto" => Some(Rendering::Auto),
            "hardware" => Some(Rendering::Hardware),
            "software" => Some(Rendering::Software),
            _ => None,
        }
    }
}

/// The path the window takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RenderingPath {
    /// WebKit's default: accelerated compositing through GL.
    Hardware,
    /// Accelerated compositing off (WebKit's hardware-acceleration policy "never").
    Software,
}

impl RenderingPath {
    pub fn as_str(self) -> &'static str {
        match self {
            RenderingPath::Hardware => "hardware",
            RenderingPath::Software => "software",
        }
    }
}

/// What decided the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RenderingSource {
    /// What this machine has, with the setting on automatic.
    Machine,
    /// The journal's setting forces it.
    Setting,
    /// A WebKit variable the user set in the environment; it always wins.
    Environment,
}

impl RenderingSource {
    pub fn as_str(self) -> &'static str {
        match self {
            RenderingSource::Machine => "machine",
            RenderingSource::Setting => "setting",
            RenderingSource::Environment => "environment",
        }
    }
}

/// The choice, with its reason in the user's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RenderingChoice {
    pub path: RenderingPath,
    pub source: RenderingSource,
    pub reason: String,
}

/// What Settings shows: the choice the window made at start, the setting it was made from
/// (a different one now applies at the next start), and WebKit's hardware-acceleration
/// policy read back from the web view (`never`, `always`, `on_demand`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RenderingInUse {
    pub choice: RenderingChoice,
    pub setting: Rendering,
    pub webkit_policy: Option<String>,
}

/// A DRM render node (`/dev/dri/renderD128`) and the kernel driver behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderNode {
    pub name: String,
    pub driver: Option<String>,
}

/// What the choice looks at: the environment variables that matter, and the render nodes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Machine {
    pub env: BTreeMap<String, String>,
    pub render_nodes: Vec<RenderNode>,
}

/// WebKitGTK's own switches: set by the user, they decide and the app does not touch them.
pub const WEBKIT_DISABLE: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
pub const WEBKIT_FORCE: &str = "WEBKIT_FORCE_COMPOSITING_MODE";

/// Every variable `choose` reads; `probe` copies only these.
const VARIABLES: &[&str] = &[
    WEBKIT_DISABLE, WEBKIT_FORCE, "LIBGL_ALWAYS_SOFTWARE", "GALLIUM_DRIVER",
    "MESA_LOADER_DRIVER_OVERRIDE",
];

/// Mesa's software rasterisers, by the names its variables take.
const SOFTWARE_GL: &[&str] = &["llvmpipe", "softpipe", "swrast", "kms_swrast", "swr", "lavapipe"];

/// Kernel drivers that give a render node but no GPU to draw with.
const SOFTWARE_NODES: &[&str] = &["vgem", "vkms", "udl", "evdi"];

/// WebKit reads its switches as "set and not 0".
fn webkit_on(value: Option<&String>) -> bool {
    value.is_some_and(|v| v != "0")
}

/// Mesa reads boolean variables as 1/true/yes/y.
fn mesa_true(value: Option<&String>) -> bool {
    value.is_some_and(|v| {
        matches!(v.trim().to_ascii_lowercase().as_str(), "1" | "true" | "yes" | "y")
    })
}

fn choice(
    path: RenderingPath,
    source: RenderingSource,
    reason: impl Into<String>,
) -> RenderingChoice {
    RenderingChoice { path, source, reason: reason.into() }
}

/// The path for this machine and setting. A WebKit variable in the environment wins, then a
/// forced setting, then what the machine has: without a GPU the compositor would run GL on
/// the CPU, which costs start-up time and memory for nothing.
pub fn choose(machine: &Machine, setting: Rendering) -> RenderingChoice {
    use RenderingPath::{Hardware, Software};
    use RenderingSource::{Environment, Machine as Detected, Setting};
    let env = |name: &str| machine.env.get(name);
    if webkit_on(env(WEBKIT_DISABLE)) {
        return choice(
            Software,
            Environment,
            format!("{WEBKIT_DISABLE} is set in the environment"),
        );
    }
    if webkit_on(env(WEBKIT_FORCE)) {
        return choice(Hardware, Environment, format!("{WEBKIT_FORCE} is set in the environment"));
    }
    match setting {
        Rendering::Hardware => return choice(Hardware, Setting, "forced in Settings"),
        Rendering::Software => return choice(Software, Setting, "forced in Settings"),
        Rendering::Auto => {}
    }
    if mesa_true(env("LIBGL_ALWAYS_SOFTWARE")) {
        return choice(Software, Detected, "LIBGL_ALWAYS_SOFTWARE asks for software GL");
    }
    for name in ["GALLIUM_DRIVER", "MESA_LOADER_DRIVER_OVERRIDE"] {
        if let Some(driver) = env(name).map(|d| d.trim().to_ascii_lowercase()) {
            if SOFTWARE_GL.contains(&driver.as_str()) {
                return choice(
                    Software,
                    Detected,
                    format!("{name} selects {driver}, which draws on the CPU"),
                );
            }
        }
    }
    let gpu = machine
        .render_nodes
        .iter()
        .find(|node| !node.driver.as_deref().is_some_and(|d| SOFTWARE_NODES.contains(&d)));
    match (gpu, machine.render_nodes.first()) {
        (Some(node), _) => {
            let driver = node.driver.as_deref().map(|d| format!(" ({d})")).unwrap_or_default();
            choice(Hardware, Detected, format!("a GPU was found: {}{driver}", node.name))
        }
        (None, Some(node)) => choice(
            Software,
            Detected,
            format!(
                "the only render node, {}, is {}, which has no GPU",
                node.name,
                node.driver.as_deref().unwrap_or("unknown")
            ),
        ),
        (None, None) => choice(Software, Detected, "no GPU was found (no render node in /dev/dri)"),
    }
}

/// Reads the machine: the variables `choose` looks at, and `/dev/dri/renderD*` with the
/// kernel driver each one is bound to (`/sys/class/drm/<node>/device/driver`).
pub fn probe() -> Machine {
    probe_at(Path::new("/dev/dri"), Path::new("/sys/class/drm"), |name| std::env::var(name).ok())
}

fn probe_at(dri: &Path, sys: &Path, var: impl Fn(&str) -> Option<String>) -> Machine {
    let env = VARIABLES.iter().filter_map(|name| Some((name.to_string(), var(name)?))).collect();
    let mut render_nodes: Vec<RenderNode> = std::fs::read_dir(dri)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            name.starts_with("renderD").then(|| {
                let driver = std::fs::read_link(sys.join(&name).join("device/driver"))
                    .ok()
                    .and_then(|link| Some(link.file_name()?.to_string_lossy().into_owned()));
                RenderNode { name, driver }
            })
        })
        .collect();
    render_nodes.sort_by(|a, b| a.name.cmp(&b.name));
    Machine { env, render_nodes }
}

#[cfg(test)]
mod tests {
    use super::*;
    use RenderingPath::{Hardware, Software};
    use RenderingSource::{Environment, Machine as Detected, Setting};

    fn machine(env: &[(&str, &str)], nodes: &[(&str, Option<&str>)]) -> Machine {
        Machine {
            env: env.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
            render_nodes: nodes
                .iter()
                .map(|(n, d)| RenderNode { name: n.to_string(), driver: d.map(str::to_string) })
                .collect(),
        }
    }

    #[test]
    fn the_path_follows_the_environment_then_the_setting_then_the_machine() {
        let gpu = [("renderD128", Some("i915"))];
        let none: [(&str, Option<&str>); 0] = [];
        #[rustfmt::skip]
        let cases: Vec<(&str, Machine, Rendering, RenderingPath, RenderingSource, &str)> = vec![
            ("a GPU keeps WebKit's default", machine(&[], &gpu), Rendering::Auto, Hardware, Detected, "a GPU was found: renderD128 (i915)"),
            ("no render node", machine(&[], &none), Rendering::Auto, Software, Detected, "no GPU was found (no render node in /dev/dri)"),
            ("a node without a known driver counts as a GPU", machine(&[], &[("renderD128", None)]), Rendering::Auto, Hardware, Detected, "a GPU was found: renderD128"),
            ("only a virtual node", machine(&[], &[("renderD128", Some("vgem"))]), Rendering::Auto, Software, Detected, "the only render node, renderD128, is vgem, which has no GPU"),
            ("a virtual node beside a GPU", machine(&[], &[("renderD128", Some("vkms")), ("renderD129", Some("amdgpu"))]), Rendering::Auto, Hardware, Detected, "a GPU was found: renderD129 (amdgpu)"),
            ("LIBGL_ALWAYS_SOFTWARE=1", machine(&[("LIBGL_ALWAYS_SOFTWARE", "1")], &gpu), Rendering::Auto, Software, Detected, "LIBGL_ALWAYS_SOFTWARE asks for software GL"),
            ("LIBGL_ALWAYS_SOFTWARE=true", machine(&[("LIBGL_ALWAYS_SOFTWARE", "true")], &gpu), Rendering::Auto, Software, Detected, "LIBGL_ALWAYS_SOFTWARE asks for software GL"),
            ("LIBGL_ALWAYS_SOFTWARE=0 is off", machine(&[("LIBGL_ALWAYS_SOFTWARE", "0")], &gpu), Rendering::Auto, Hardware, Detected, "a GPU was found: renderD128 (i915)"),
            ("GALLIUM_DRIVER=llvmpipe", machine(&[("GALLIUM_DRIVER", "llvmpipe")], &gpu), Rendering::Auto, Software, Detected, "GALLIUM_DRIVER selects llvmpipe, which draws on the CPU"),
            ("GALLIUM_DRIVER=softpipe", machine(&[("GALLIUM_DRIVER", "softpipe")], &gpu), Rendering::Auto, Software, Detected, "GALLIUM_DRIVER selects softpipe, which draws on the CPU"),
            ("GALLIUM_DRIVER=iris is a GPU", machine(&[("GALLIUM_DRIVER", "iris")], &gpu), Rendering::Auto, Hardware, Detected, "a GPU was found: renderD128 (i915)"),
            ("MESA_LOADER_DRIVER_OVERRIDE=swrast", machine(&[("MESA_LOADER_DRIVER_OVERRIDE", "swrast")], &gpu), Rendering::Auto, Software, Detected, "MESA_LOADER_DRIVER_OVERRIDE selects swrast, which draws on the CPU"),
            ("forced software on a GPU", machine(&[], &gpu), Rendering::Software, Software, Setting, "forced in Settings"),
            ("forced hardware without a GPU", machine(&[], &none), Rendering::Hardware, Hardware, Setting, "forced in Settings"),
            ("the user's WebKit variable beats the setting", machine(&[(WEBKIT_DISABLE, "1")], &gpu), Rendering::Hardware, Software, Environment, "WEBKIT_DISABLE_COMPOSITING_MODE is set in the environment"),
            ("WEBKIT_DISABLE_COMPOSITING_MODE=0 is off", machine(&[(WEBKIT_DISABLE, "0")], &none), Rendering::Auto, Software, Detected, "no GPU was found (no render node in /dev/dri)"),
            ("forcing compositing in the environment", machine(&[(WEBKIT_FORCE, "1")], &none), Rendering::Software, Hardware, Environment, "WEBKIT_FORCE_COMPOSITING_MODE is set in the environment"),
        ];
        for (case, machine, setting, path, source, reason) in cases {
            assert_eq!(choose(&machine, setting), choice(path, source, reason), "{case}");
        }
    }

    #[test]
    fn the_names_are_the_ones_the_ui_and_the_probe_read() {
        for (path, name) in [(Hardware, "hardware"), (Software, "software")] {
            assert_eq!(serde_json::to_value(path).unwrap(), name);
            assert_eq!(path.as_str(), name);
        }
        for (source, name) in
            [(Detected, "machine"), (Setting, "setting"), (Environment, "environment")]
        {
            assert_eq!(serde_json::to_value(source).unwrap(), name);
            assert_eq!(source.as_str(), name);
        }
    }

    #[test]
    fn probing_reads_render_nodes_their_drivers_and_only_the_variables_that_matter() {
        let root = tempfile::tempdir().unwrap();
        let (dri, sys) = (root.path().join("dri"), root.path().join("drm"));
        std::fs::create_dir_all(&dri).unwrap();
        for node in ["renderD129", "renderD128", "card0"] {
            std::fs::write(dri.join(node), "").unwrap();
        }
        let device = sys.join("renderD128/device");
        std::fs::create_dir_all(&device).unwrap();
        std::os::unix::fs::symlink("../../../bus/pci/drivers/amdgpu", device.join("driver"))
            .unwrap();
        let found = probe_at(&dri, &sys, |name| match name {
            "GALLIUM_DRIVER" => Some("llvmpipe".into()),
            _ => None,
        });
        assert_eq!(
            found,
            machine(
                &[("GALLIUM_DRIVER", "llvmpipe")],
                &[("renderD128", Some("amdgpu")), ("renderD129", None)]
            )
        );
        let empty = probe_at(&root.path().join("missing"), &sys, |_| None);
        assert_eq!(empty, Machine::default());
    }
}
