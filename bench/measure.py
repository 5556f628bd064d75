#!/usr/bin/env python3
"""Measurements for bench/run: start-up wall time and process-tree PSS of two window apps
side by side, whole-command timings, and the report. Results go to a JSON file that
`report` turns into docs/benchmarks.md. Standard library only."""

import json
import os
import platform
import re
import shlex
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def load(path):
    p = Path(path)
    return json.loads(p.read_text()) if p.exists() else {}


def save(path, results):
    Path(path).write_text(json.dumps(results, indent=2) + "\n")


def variant_env():
    """The WebKit rendering settings in force for a measurement, as the report names them."""
    return {k: v for k, v in os.environ.items() if k.startswith("WEBKIT_")}


def base_env():
    """Variables for the empty window only (`BENCH_BASE_ENV="K=V K2=V2"`): the same
    rendering settings the app chose for itself, so its own cost is told apart."""
    pairs = os.environ.get("BENCH_BASE_ENV", "").split()
    return dict(p.split("=", 1) for p in pairs if "=" in p)


def rendering(stderr):
    """The path the app reported at its first paint: `careerlog: rendering <path> (<source>: <reason>)`."""
    m = re.search(r"rendering (\S+) \((\w+): (.*)\)", stderr)
    return {"path": m.group(1), "source": m.group(2), "reason": m.group(3)} if m else None


def wait_for_group(pgid, limit=10):
    """Waits (untimed) until every process of the group is gone: the WebKit processes
    outlive the app by a moment, and must not overlap the next run."""
    deadline = time.time() + limit
    while time.time() < deadline:
        alive = False
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    stat = Path(f"/proc/{entry}/stat").read_text()
                except OSError:
                    continue
                fields = stat[stat.rindex(")") + 2:].split()
                if int(fields[2]) == pgid and fields[0] != "Z":
                    alive = True
                    break
        if not alive:
            return
        time.sleep(0.02)
    try:
        os.killpg(pgid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def run_until_exit(command, env, timeout=90):
    """Wall time in ms from spawn to the exit of the app's own process (its WebKit
    children finish exiting untimed); fails on a non-zero exit."""
    with tempfile.TemporaryFile() as err:
        began = time.perf_counter()
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=err,
                                start_new_session=True)
        code = proc.wait(timeout=timeout)
        ms = (time.perf_counter() - began) * 1000
        wait_for_group(proc.pid)
        err.seek(0)
        stderr = err.read().decode(errors="replace")
    if code != 0:
        sys.exit(f"{command[0]} exited {code}: {stderr[-2000:]}")
    return ms, stderr


def phases(stderr):
    """The start-up probe's lines: `careerlog: startup <ms> ms <phase>`."""
    found = {}
    for m in re.finditer(r"startup\s+([\d.]+) ms (.+)", stderr):
        found[m.group(2).strip()] = float(m.group(1))
    return found


def startup(args):
    """Alternating runs of the app and the baseline, both exiting after their first paint."""
    results_path, runs, app, app_args, base = args[0], int(args[1]), args[2], args[3], args[4]
    key = args[5] if len(args) > 5 else "startup"
    app_cmd = [app] + app_args.split()
    env = dict(os.environ, CAREERLOG_EXIT_AFTER_PAINT="1")
    envs = {"app": env, "base": dict(env, **base_env())}
    # Warm the page cache for both, so neither pays for the first read from disk.
    for _ in range(2):
        run_until_exit(app_cmd, envs["app"])
        run_until_exit([base], envs["base"])
    pairs, app_phases, base_painted, paths = [], [], [], []
    load_before = os.getloadavg()[0]
    for i in range(runs):
        order = [("app", app_cmd), ("base", [base])]
        if i % 2:
            order.reverse()
        times = {}
        for name, command in order:
            ms, stderr = run_until_exit(command, envs[name])
            times[name] = ms
            if name == "app":
                app_phases.append(phases(stderr))
                paths.append(rendering(stderr))
            elif "painted" in phases(stderr):
                base_painted.append(phases(stderr)["painted"])
        pairs.append(times)
        print(f"  run {i + 1}/{runs}: careerlog {times['app']:.0f} ms, "
              f"empty window {times['base']:.0f} ms", flush=True)
    ratios = [p["app"] / p["base"] for p in pairs]
    phase_names = list(app_phases[0].keys()) if app_phases else []
    results = load(results_path)
    results[key] = {
        "runs": runs,
        "env": variant_env(),
        "base_env": base_env(),
        "rendering": paths[0] if paths else None,
        "load_before": load_before,
        "app_ms": [p["app"] for p in pairs],
        "base_ms": [p["base"] for p in pairs],
        "app_median_ms": statistics.median(p["app"] for p in pairs),
        "base_median_ms": statistics.median(p["base"] for p in pairs),
        "ratio_median": statistics.median(ratios),
        "base_painted_median_ms": statistics.median(base_painted) if base_painted else None,
        "phases_median_ms": {
            name: statistics.median(p[name] for p in app_phases if name in p)
            for name in phase_names
        },
    }
    save(results_path, results)


def children_of():
    tree = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        # The command name is in parentheses and may hold spaces.
        ppid = int(stat[stat.rindex(")") + 2:].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def descendants(pid):
    tree, out, todo = children_of(), [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(tree.get(p, []))
    return out


def pss_kb(pid):
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0, None
    name = Path(f"/proc/{pid}/comm").read_text().strip() if Path(f"/proc/{pid}/comm").exists() else "?"
    m = re.search(r"^Pss:\s+(\d+) kB", text, re.M)
    return (int(m.group(1)) if m else 0), name


def tree_memory(command, settle, extra=None):
    """PSS of the process and all its descendants, `settle` seconds after its first paint."""
    env = dict(os.environ, CAREERLOG_STARTUP_LOG="1", **(extra or {}))
    env.pop("CAREERLOG_EXIT_AFTER_PAINT", None)
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.time() + 90
        seen = b""
        os.set_blocking(proc.stderr.fileno(), False)
        while b"painted" not in seen:
            if time.time() > deadline or proc.poll() is not None:
                sys.exit(f"{command[0]} never reported its first paint: {seen.decode()[-2000:]}")
            chunk = proc.stderr.read()
            if chunk:
                seen += chunk
            time.sleep(0.02)
        time.sleep(settle)
        by_process = {}
        for pid in descendants(proc.pid):
            kb, name = pss_kb(pid)
            if name:
                by_process[name] = by_process.get(name, 0) + kb
        seen += proc.stderr.read() or b""
        return sum(by_process.values()), by_process, rendering(seen.decode(errors="replace"))
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def memory(args):
    results_path, runs, app, app_args, base = args[0], int(args[1]), args[2], args[3], args[4]
    key = args[5] if len(args) > 5 else "memory"
    load_before = os.getloadavg()[0]
    settle = float(os.environ.get("BENCH_SETTLE_SECONDS", "2"))
    app_runs, base_runs = [], []
    for i in range(runs):
        a = tree_memory([app] + app_args.split(), settle)
        b = tree_memory([base], settle, base_env())
        app_runs.append(a)
        base_runs.append(b)
        print(f"  run {i + 1}/{runs}: careerlog {a[0] / 1024:.1f} MiB {a[1]}, "
              f"empty window {b[0] / 1024:.1f} MiB {b[1]}", flush=True)
    results = load(results_path)
    app_median = statistics.median(r[0] for r in app_runs)
    base_median = statistics.median(r[0] for r in base_runs)
    results[key] = {
        "runs": runs,
        "env": variant_env(),
        "load_before": load_before,
        "base_env": base_env(),
        "settle_seconds": settle,
        "app_kb": [r[0] for r in app_runs],
        "base_kb": [r[0] for r in base_runs],
        "app_median_kb": app_median,
        "base_median_kb": base_median,
        "ratio": app_median / base_median,
        "rendering": app_runs[0][2],
        "app_by_process_kb": min(app_runs, key=lambda r: abs(r[0] - app_median))[1],
        "base_by_process_kb": min(base_runs, key=lambda r: abs(r[0] - base_median))[1],
    }
    save(results_path, results)


def argv_of(line):
    """A command line as argv and the file its stdout goes to (`... > FILE`), so the
    command is exec'd itself, without a shell's own start in its time."""
    words = shlex.split(line)
    if ">" in words:
        at = words.index(">")
        return words[:at], words[at + 1]
    return words, None


def command(args):
    """Median wall time of a whole command (process start to exit), after one warm-up run.
    The command is exec'd with its argv (no `sh -c`); a `> FILE` in it is opened here."""
    results_path, key, runs, line = args[0], args[1], int(args[2]), args[3]
    setup = args[4] if len(args) > 4 else None
    argv, out_file = argv_of(line)
    times = []
    for i in range(runs + 1):
        if setup:
            subprocess.run(setup, shell=True, check=True)
        with open(out_file or os.devnull, "wb") as out:
            began = time.perf_counter()
            done = subprocess.run(argv, stdout=out, stderr=subprocess.PIPE)
            ms = (time.perf_counter() - began) * 1000
        if done.returncode != 0:
            sys.exit(f"`{line}` failed: {done.stderr.decode()[-2000:]}")
        if i > 0 or setup:
            times.append(ms)
    times = times[-runs:]
    results = load(results_path)
    results.setdefault("commands", {})[key] = {
        "command": line,
        "shell_free": True,
        "runs_ms": times,
        "median_ms": statistics.median(times),
    }
    save(results_path, results)
    print(f"  {key}: median {statistics.median(times):.1f} ms of {runs}", flush=True)


def floor(args):
    """The floor under an export: writing the same bytes to a new file in the same folder
    and fsyncing it (and the folder), in this process, with no command started."""
    results_path, key, runs, source = args[0], args[1], int(args[2]), Path(args[3])
    data = source.read_bytes()
    target = source.with_name(source.name + ".floor")
    times = []
    for i in range(runs + 1):
        target.unlink(missing_ok=True)
        began = time.perf_counter()
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        folder = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
        ms = (time.perf_counter() - began) * 1000
        if i > 0:
            times.append(ms)
    target.unlink(missing_ok=True)
    results = load(results_path)
    results.setdefault("floors", {})[key] = {
        "bytes": len(data),
        "runs_ms": times,
        "median_ms": statistics.median(times),
    }
    save(results_path, results)
    print(f"  {key}: write + fsync of {len(data):,} bytes, median "
          f"{statistics.median(times):.2f} ms of {runs}", flush=True)


def timed(args):
    """Wall time of one run of a command (`timed results.json key -- argv...`), stored
    with the command: for steps run once, such as making the 1M-entry demo journal."""
    results_path, key, argv = args[0], args[1], args[3:] if args[2] == "--" else args[2:]
    began = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - began
    if done.returncode != 0:
        sys.exit(f"`{shlex.join(argv)}` failed: {done.stderr.decode()[-2000:]}")
    results = load(results_path)
    entry = {"command": shlex.join(argv), "seconds": seconds}
    try:
        entry["output"] = json.loads(done.stdout)
    except json.JSONDecodeError:
        pass
    results.setdefault("timed", {})[key] = entry
    save(results_path, results)
    print(f"  {key}: {seconds:.1f} s", flush=True)


def criterion(args):
    """Collects criterion's estimates (median, in ns) from its output folder."""
    results_path, home = args[0], Path(args[1])
    found = {}
    for estimates in sorted(home.glob("*/*/new/estimates.json")):
        group, name = estimates.parts[-4], estimates.parts[-3]
        data = json.loads(estimates.read_text())
        found[f"{group}/{name}"] = {
            "median_ns": data["median"]["point_estimate"],
            "mean_ns": data["mean"]["point_estimate"],
            "low_ns": data["median"]["confidence_interval"]["lower_bound"],
            "high_ns": data["median"]["confidence_interval"]["upper_bound"],
        }
    results = load(results_path)
    results["criterion"] = found
    save(results_path, results)


def machine(args):
    results_path = args[0]
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    os_name = "Linux"
    release = Path("/etc/os-release")
    if release.exists():
        m = re.search(r'^PRETTY_NAME="?([^"\n]+)', release.read_text(), re.M)
        os_name = m.group(1) if m else os_name

    def out(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return "unknown"

    results = load(results_path)
    results["machine"] = {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gib": round(mem_kb / 1024 / 1024, 1),
        "os": f"{os_name}, kernel {platform.release()}",
        "webkitgtk": out(["dpkg-query", "-W", "-f=${Version}", "libwebkit2gtk-4.1-0"]),
        "rustc": out(["rustc", "--version"]),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }
    save(results_path, results)


def get(args):
    """Prints a stored value for the shell: `get results.json key.sub` (empty when absent)."""
    node = load(args[0])
    for part in args[1].split("."):
        node = node.get(part) if isinstance(node, dict) else None
    print("" if node is None else node)


def put(args):
    """Stores a value given by the shell: `put results.json key.sub value`."""
    results_path, key, value = args[0], args[1], args[2]
    results = load(results_path)
    node = results
    parts = key.split(".")
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    try:
        node[parts[-1]] = json.loads(value)
    except json.JSONDecodeError:
        node[parts[-1]] = value
    save(results_path, results)


if __name__ == "__main__":
    what, rest = sys.argv[1], sys.argv[2:]
    {"startup": startup, "memory": memory, "command": command, "floor": floor,
     "timed": timed, "criterion": criterion, "machine": machine, "put": put,
     "get": get}[what](rest)
