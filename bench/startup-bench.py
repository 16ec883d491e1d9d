#!/usr/bin/env python3
# startup-bench.py BUILD LARGE_DB EMPTY_DB REQUEST RUNS [SERVER]: the figures of
# bench/run-startup-bench.sh, which builds, makes the databases and gives
# this a display and a session bus. Each figure is measured on RUNS
# processes of Aftercare and RUNS of its baseline, alternating, and printed
# with the baseline, medians, min and max. SERVER, a front desk's address
# on a PostgreSQL server holding LARGE_DB's sessions, adds the window's
# figures on it.
#   visible   launch until the first frame is painted (each program prints
#             its time when AFTERCARE_REPORT_FIRST_FRAME is set)
#   quiet     launch until no thread of the process has run for 300 ms (its
#             CPU time, each thread's, has not grown; a thread that ends
#             takes its time out of the sum, which is not work): the
#             start-up work is done
#   RSS       VmHWM as the first frame is reported, and the peak over the run
#             (/usr/bin/time -v, the process ended once quiet); once more
#             with GSK_RENDERER=cairo for both, without the software GL
#             renderer's textures
#   assess    `aftercare --assess` as a whole process, against a program that
#             only parses the same JSON with json-glib
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

QUIET_NS = 300_000_000
TIMEOUT_S = 30


def cpu_ns(pid):
    """CPU time of each thread of pid, in nanoseconds (schedstat), by thread id."""
    times = {}
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            try:
                with open(f"/proc/{pid}/task/{task}/schedstat") as f:
                    times[task] = int(f.read().split()[0])
            except (FileNotFoundError, ProcessLookupError):
                pass  # the thread ended meanwhile
    except (FileNotFoundError, ProcessLookupError):
        pass
    return times


def busier(now, before):
    """Whether a thread ran since before: one that is new, or that has more
    CPU time. A thread that ended is not work: GLib ends a pool's idle
    worker half a second after its last task, and its time leaves the
    process's sum then."""
    return any(t > before.get(task, -1) for task, t in now.items())


def vm_hwm_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except FileNotFoundError:
        pass
    return 0


def child_of(pid):
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/task/{pid}/children") as f:
                children = f.read().split()
            if children:
                return int(children[0])
        except FileNotFoundError:
            return None
        time.sleep(0.001)
    return None


def launch(cmd, env):
    """One start: (visible ms, quiet ms, RSS KiB at first frame, peak RSS KiB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as timing:
        t0 = time.time_ns()
        proc = subprocess.Popen(["/usr/bin/time", "-v", "-o", timing.name] + cmd, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        pid = child_of(proc.pid)
        first_frame = {}

        def read_stderr():
            for line in proc.stderr:
                if line.startswith("aftercare-first-frame-us=") and "us" not in first_frame:
                    first_frame["us"] = int(line.split("=", 1)[1])
                    first_frame["hwm"] = vm_hwm_kib(pid)

        reader = threading.Thread(target=read_stderr, daemon=True)
        reader.start()
        last_cpu, last_change = cpu_ns(pid), time.time_ns()
        deadline = time.monotonic() + TIMEOUT_S
        while time.monotonic() < deadline:
            time.sleep(0.005)
            now, cpu = time.time_ns(), cpu_ns(pid)
            if busier(cpu, last_cpu):
                last_change = now
            elif "us" in first_frame and now - last_change >= QUIET_NS:
                break
            last_cpu = cpu
        else:
            proc.kill()
            sys.exit(f"startup-bench: {cmd[0]} did not settle within {TIMEOUT_S} s")
        os.kill(pid, signal.SIGTERM)
        proc.wait()
        reader.join(2)
        peak = 0
        for line in open(timing.name):
            if "Maximum resident set size" in line:
                peak = int(line.rsplit(":", 1)[1])
        return ((first_frame["us"] * 1000 - t0) / 1e6, (last_change - t0) / 1e6,
                first_frame["hwm"], peak)


def run_once(cmd, env):
    t0 = time.perf_counter_ns()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True)
    return (time.perf_counter_ns() - t0) / 1e6


def stats(values):
    return statistics.median(values), min(values), max(values)


def line(what, unit, app, base, kind):
    am, amin, amax = stats(app)
    bm, bmin, bmax = stats(base)
    if kind == "ratio":
        figure = f"{am / bm:5.2f}x"
    else:
        figure = f"{(am - bm) / 1024:+6.1f} MB ({am / bm:4.2f}x)"
    scale = 1024 if unit == "MB" else 1
    print(f"{what:<44} {figure:>18}   aftercare {am / scale:8.1f} [{amin / scale:.1f}-{amax / scale:.1f}]"
          f"   baseline {bm / scale:8.1f} [{bmin / scale:.1f}-{bmax / scale:.1f}] {unit}")


def window_figures(label, app_cmd, bare_cmd, env, runs):
    results = {"app": [], "bare": []}
    for _ in range(runs):
        results["app"].append(launch(app_cmd, env))
        results["bare"].append(launch(bare_cmd, env))
    col = lambda who, i: [r[i] for r in results[who]]
    line(f"{label}: launch to visible window", "ms", col("app", 0), col("bare", 0), "ratio")
    line(f"{label}: launch until CPU quiet 300 ms", "ms", col("app", 1), col("bare", 1), "ratio")
    line(f"{label}: RSS at first frame", "MB", col("app", 2), col("bare", 2), "diff")
    line(f"{label}: peak RSS until quiet", "MB", col("app", 3), col("bare", 3), "diff")


def main():
    build, large, empty, request, runs = sys.argv[1:6]
    runs = int(runs)
    env = dict(os.environ, AFTERCARE_REPORT_FIRST_FRAME="1", GSETTINGS_BACKEND="memory",
               GSETTINGS_SCHEMA_DIR=os.path.join(build, "data"))
    app = os.path.join(build, "src", "aftercare")
    bare = [os.path.join(build, "bench", "bare-window")]
    print(f"{'measure':<44} {'figure':>18}   medians [min-max] over {runs} runs each, alternating")
    window_figures("10,000 sessions", [app, "--db", large], bare, env, runs)
    window_figures("empty database", [app, "--db", empty], bare, env, runs)
    if len(sys.argv) > 6:
        window_figures("PostgreSQL, 10,000 sessions", [app, "--db", sys.argv[6]], bare, env, runs)
    # The same drawn by GTK's cairo renderer: without the software GL
    # renderer's textures (llvmpipe keeps them in the process, where a GPU
    # would hold them in its own memory), what the app itself holds.
    window_figures("10,000 sessions, cairo renderer", [app, "--db", large], bare,
                   dict(env, GSK_RENDERER="cairo"), runs)
    assess, parse = [], []
    for _ in range(max(runs, 21)):
        assess.append(run_once([app, "--assess", request], env))
        parse.append(run_once([os.path.join(build, "bench", "bare-assess"), request], env))
    line("--assess, whole process", "ms", assess, parse, "ratio")


main()
