#!/usr/bin/env python3
"""Side by side: gradcheck's full check of the book's TwoLayerNet(784, 50, 10) against the numpy and
PyTorch peers, in one run, on the same 3 Fashion-MNIST test images and the same initial weights.

Usage (from the repository root):
    python3 src/bench/scripts/side_by_side.py [--peers DIR] [--repeat N] [--skip-plain]

--peers   the peer scripts (default: $PEERS, else ../shared/bench/peers, else /work/shared/bench/peers)
--repeat  gradcheck runs of the fast mode in one JVM, the median reported (default 5; the
          incremental and directional modes run 20 times as often, plain once)

What it does:
  1. builds target/gradcheck-cli.jar if it is missing (mvn -B -q package -DskipTests);
  2. fetches Fashion-MNIST for the peers with their get_fmnist.sh if it is not extracted yet;
  3. writes the peers' initial weights with export_weights.py and passes them to gradcheck
     (--weights), so all three check the very same parameters;
  4. runs gradcheck in each mode, the book's method in numpy, and PyTorch's gradcheck (slow and
     fast mode) and manual central-difference loop; installs python3-torch with apt-get if no
     Python here can import torch;
  5. prints each time, each mean |A - N| of W1, and the ratios peer time / gradcheck time.
Times are in-process: the numerical gradient only, JVM and interpreter start-up excluded (the
whole-process figure of `java -jar ... check` is printed last).
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
JAR = os.path.join(ROOT, "target", "gradcheck-cli.jar")


def run(cmd, env=None, check=True):
    p = subprocess.run(cmd, cwd=ROOT, env=env, text=True, capture_output=True)
    if check and p.returncode != 0:
        sys.exit(f"side_by_side: {' '.join(cmd)} failed ({p.returncode}):\n{p.stdout}\n{p.stderr}")
    return p.stdout


def peers_dir(arg):
    for d in [arg, os.environ.get("PEERS"), os.path.join(ROOT, "..", "shared", "bench", "peers"),
              "/work/shared/bench/peers"]:
        if d and os.path.isfile(os.path.join(d, "book_numpy_gradcheck.py")):
            return os.path.abspath(d)
    sys.exit("side_by_side: no peer scripts found; pass --peers DIR (the folder with book_numpy_gradcheck.py)")


def python_with(module):
    for py in [sys.executable, "python3", "/usr/bin/python3"]:
        exe = shutil.which(py) or py
        if os.path.exists(exe) and subprocess.run([exe, "-c", f"import {module}"], capture_output=True).returncode == 0:
            return exe
    return None


def gradcheck(mode, threads, weights, repeat):
    out = run(["java", "-jar", JAR, "check", "--mode", mode, "--threads", str(threads), "--weights", weights,
               "--repeat", str(repeat)])
    m = re.search(r"PASSED in ([0-9.]+) ms", out)
    if not m:
        sys.exit(f"side_by_side: gradcheck --mode {mode} did not pass:\n{out}")
    w1 = re.search(r"^\s+W1\s+\S+\s+\S+\s+\d+\s+(\S+)\s+(\S+)", out, re.M)
    if w1 and not w1.group(1)[0].isdigit():
        w1 = re.search(r"^\s+W1\s+\S+\s+\S+\s+\d+\s+\S+\s+(\S+)", out, re.M)
    return float(m.group(1)) / 1000, (w1.group(1) if w1 else "?")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--peers")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--skip-plain", action="store_true")
    args = ap.parse_args()
    peers = peers_dir(args.peers)
    if not os.path.exists(JAR):
        run(["mvn", "-B", "-q", "package", "-DskipTests"])
    fm = os.path.join(os.environ.get("TMPDIR", "/tmp"), "fmnist", "x", "usr", "share", "datasets", "fashion-mnist")
    if not os.path.isfile(os.path.join(fm, "t10k-images-idx3-ubyte.gz")):
        subprocess.run(["sh", os.path.join(peers, "get_fmnist.sh")], check=True, capture_output=True)
    numpy_py = python_with("numpy")
    torch_py = python_with("torch")
    if torch_py is None:
        subprocess.run(["apt-get", "install", "-y", "-q", "python3-torch"], check=True, capture_output=True,
                       env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
        torch_py = python_with("torch")
    weights = os.path.join(tempfile.mkdtemp(prefix="gradcheck-"), "weights.bin")
    run([numpy_py, os.path.join(peers, "export_weights.py"), weights])

    rows = []  # (who, what, seconds, mean|A-N| of W1)
    modes = [("incremental", 2), ("fast", 2), ("fast", 1), ("directional", 2)]
    if not args.skip_plain:
        modes.append(("plain", 1))
    for mode, threads in modes:
        repeat = {"plain": 1, "fast": args.repeat}.get(mode, 20 * args.repeat)
        secs, w1 = gradcheck(mode, threads, weights, repeat)
        if mode == "directional":
            w1 = "(a direction)"
        rows.append(("gradcheck", f"{mode}, {threads} thread{'s' if threads > 1 else ''}", secs, w1))

    env = dict(os.environ, PYTHONPATH=peers)
    out = run([numpy_py, os.path.join(peers, "book_numpy_gradcheck.py"), "--bp-reps", "10", "--delta", "0"], env=env)
    np_version = re.search(r"numpy=(\S+)", out).group(1)
    rows.append((f"numpy {np_version}", "the book's method", float(re.search(r"time_numerical_s=([0-9.]+)", out).group(1)),
                 re.search(r"^W1:(\S+)", out, re.M).group(1)))
    if torch_py:
        out = run([torch_py, os.path.join(peers, "torch_gradcheck.py"), "--reps", "10"], env=env)
        tv = re.search(r"torch=(\S+)", out).group(1)
        rows.append((f"PyTorch {tv}", "gradcheck, slow mode",
                     float(re.search(r"gradcheck_full passed=\S+ eps=\S+ time_s=([0-9.]+)", out).group(1)), "-"))
        rows.append((f"PyTorch {tv}", "gradcheck, fast mode",
                     float(re.search(r"gradcheck_fast passed=\S+ eps=\S+ time_s=([0-9.]+)", out).group(1)), "-"))
        rows.append((f"PyTorch {tv}", "manual central difference",
                     float(re.search(r"manual_central_diff h=\S+ time_s=([0-9.]+)", out).group(1)),
                     re.search(r"^W1:(\S+)", out, re.M).group(1)))

    whole = []
    for _ in range(5):
        t0 = time.perf_counter()
        run(["java", "-jar", JAR, "check", "--weights", weights])
        whole.append(time.perf_counter() - t0)

    load = open("/proc/loadavg").read().split()[:3] if os.path.exists("/proc/loadavg") else ["?"] * 3
    print(f"# {time.strftime('%Y-%m-%d %H:%M %Z')}, {os.cpu_count()} cores, load average {' '.join(load)}; "
          f"TwoLayerNet(784, 50, 10), first 3 Fashion-MNIST test images, h = 1e-4, identical initial weights")
    inc = rows[0][2]
    fast2 = rows[1][2]
    print(f"| {'who':<16} | {'how':<26} | {'time':>10} | {'mean abs(A-N), W1':>17} | {'÷ incremental':>13} | {'÷ fast, 2 thr.':>14} |")
    print(f"|{'-' * 18}|{'-' * 28}|{'-' * 12}|{'-' * 19}|{'-' * 15}|{'-' * 16}|")
    for who, how, secs, w1 in rows:
        shown = f"{secs * 1e3:.1f} ms" if secs < 10 else f"{secs:.2f} s"
        print(f"| {who:<16} | {how:<26} | {shown:>10} | {w1:>17} | {secs / inc:>12.1f}× | {secs / fast2:>13.2f}× |")
    print(f"whole process, java -jar target/gradcheck-cli.jar check (incremental, JVM start included): "
          f"median {statistics.median(whole):.3f} s of 5 (min {min(whole):.3f} s)")


if __name__ == "__main__":
    main()
