"""End-to-end checks of the package-index evidence of `pypyready deps`, against a loopback server.

Usage: index_end_to_end.py PYPYREADY
The test generates a Simple Repository API index from wheel file names and metadata and serves it
from a real HTTP server: under /json/ pages follow the Accept header (PEP 691 JSON or PEP 503
HTML), under /html/ they are always HTML. The server counts requests, so the cache is checked too.
Prints one line per check and `N passed, N failed` at the end; exits 1 on any failure.
"""
import html
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
import time

BINARY = sys.argv[1]
results = []


def check(name, condition, detail=""):
    results.append(bool(condition))
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else ": " + str(detail)))


# name -> list of (filename, requires_python or None, yanked reason or None)
PP = "pp39-pypy39_pp73-manylinux_2_17_x86_64.manylinux2014_x86_64"
CP = "cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64"
PROJECTS = {
    "pypywheel": [("pypywheel-1.0.tar.gz", None, None), (f"pypywheel-1.0-{CP}.whl", None, None),
                  (f"pypywheel-1.0-{PP}.whl", None, None)],
    "purepkg": [("purepkg-1.0-py3-none-any.whl", ">=3.7", None), ("purepkg-2.0-py2.py3-none-any.whl", ">=3.8", None),
                ("purepkg-2.0.tar.gz", ">=3.8", None)],
    "cpyonly": [(f"cpyonly-3.0-{CP}.whl", None, None), ("cpyonly-3.0-cp38-abi3-manylinux2014_x86_64.whl", None, None)],
    "sdistonly": [("sdistonly-0.5.tar.gz", None, None), ("sdistonly-0.6.zip", None, None)],
    "yankedpkg": [("yankedpkg-1.0-py3-none-any.whl", None, None), ("yankedpkg-2.0-py3-none-any.whl", None, "broken")],
    "toonew": [("toonew-4.0-py3-none-any.whl", ">=3.8", None), ("toonew-5.0-py3-none-any.whl", ">=3.12", None)],
    "dropped": [(f"dropped-{v}-{CP}.whl", None, None) for v in ("1.0", "1.1", "1.2", "1.3")]
    + [(f"dropped-{v}-{PP}.whl", None, None) for v in ("1.0", "1.1")] + [("dropped-1.3.tar.gz", None, None)],
    "newerpy": [("newerpy-4.0-py3-none-any.whl", ">=3.8", None), ("newerpy-5.0-py3-none-any.whl", ">=3.12", None)],
    "slowpkg": [("slowpkg-1.0-py3-none-any.whl", None, None)],
    "flaky": [("flaky-1.0-py3-none-any.whl", None, None)],
}

for lagging in ("laga", "lagb", "lagc", "lagd", "lage", "lagf"):  # answered after 0.4 s
    PROJECTS[lagging] = [(f"{lagging}-1.0-py3-none-any.whl", None, None)]
counts = {}
in_flight = {"now": 0, "max": 0}
served = {"json": 0, "html": 0}  # which form answered, to show both were exercised
lock = threading.Lock()


def html_page(name):
    rows = []
    for filename, requires_python, yanked in PROJECTS[name]:
        attributes = f' href="../../files/{filename}#sha256=00"'
        if requires_python:
            attributes += f' data-requires-python="{html.escape(requires_python)}"'
        if yanked:
            attributes += f' data-yanked="{html.escape(yanked)}"'
        rows.append(f"<a{attributes}>{filename}</a><br/>")
    return "<!DOCTYPE html>\n<html><body>\n" + "\n".join(rows) + "\n</body></html>\n"


def json_page(name):
    files = []
    for filename, requires_python, yanked in PROJECTS[name]:
        entry = {"filename": filename, "url": f"../../files/{filename}", "hashes": {"sha256": "00"}}
        if requires_python:
            entry["requires-python"] = requires_python
        if yanked:
            entry["yanked"] = yanked
        files.append(entry)
    return json.dumps({"meta": {"api-version": "1.0"}, "name": name, "files": files})


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send(self, status, content_type, body):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_GET(self):
        with lock:
            counts[self.path] = counts.get(self.path, 0) + 1
            seen = counts[self.path]
        parts = [p for p in self.path.split("/") if p]
        if len(parts) != 3 or parts[1] != "simple":
            return self.send(404, "text/plain", "no such page")
        mode, name = parts[0], parts[2]
        if name == "slowpkg":
            time.sleep(2.5)
        if name.startswith("lag"):
            with lock:
                in_flight["now"] += 1
                in_flight["max"] = max(in_flight["max"], in_flight["now"])
            time.sleep(0.4)
            with lock:
                in_flight["now"] -= 1
        if name == "flaky" and seen == 1:
            return self.send(500, "text/plain", "try again")
        if name == "badhtml":
            return self.send(200, "text/html", '<html><body><a href="badhtml-1.0.tar.gz">badhtml-1.0.tar.gz')
        if name == "badjson":
            return self.send(200, "application/vnd.pypi.simple.v1+json", '{"files": [{"filename": ')
        if name not in PROJECTS:
            return self.send(404, "text/plain", "no such project")
        wants_json = "application/vnd.pypi.simple.v1+json" in self.headers.get("Accept", "")
        if mode == "json" and wants_json:
            served["json"] += 1
            return self.send(200, "application/vnd.pypi.simple.v1+json", json_page(name))
        served["html"] += 1
        return self.send(200, "text/html; charset=utf-8", html_page(name))


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
threading.Thread(target=server.serve_forever, daemon=True).start()
BASE = f"http://127.0.0.1:{server.server_address[1]}"

work = tempfile.mkdtemp(prefix="pypyready-index-")
requirements = os.path.join(work, "requirements.txt")
with open(requirements, "w") as out:
    out.write("pypywheel==1.0\npurepkg>=1\ncpyonly==3.0\nsdistonly\nyankedpkg\ntoonew==5.0\nnewerpy\ndropped\n"
              "slowpkg\nflaky\nbadhtml\nbadjson\n")
good = os.path.join(work, "good.txt")
with open(good, "w") as out:
    out.write("pypywheel==1.0\npurepkg>=1\ncpyonly==3.0\n")

ENV = {k: v for k, v in os.environ.items()
       if not k.startswith("PIP_") and k not in ("PYPYREADY_CACHE_DIR", "PYPYREADY_OFFLINE")}
ENV.update({"NO_COLOR": "", "XDG_CACHE_HOME": os.path.join(work, "xdg-cache"), "HOME": work})


def run(*args, env=None):
    done = subprocess.run([BINARY, "deps", *args], capture_output=True, text=True, timeout=90,
                          env={**ENV, **(env or {})})
    return done.returncode, done.stdout, done.stderr


def total():
    with lock:
        return sum(counts.values())


def judge(mode):
    started = time.monotonic()
    code, out, err = run(requirements, "--format", "json", "--index-url", f"{BASE}/{mode}/simple",
                         "--index-timeout", "1", "--index-retries", "1",
                         "--cache-dir", os.path.join(work, "cache-" + mode))
    elapsed = time.monotonic() - started
    try:
        report = json.loads(out)
    except ValueError:
        check(f"{mode}: JSON output", False, (code, out, err))
        return None
    deps = {d["name"]: d for d in report["deps"]["dependencies"]}
    index = {name: dep["index"] for name, dep in deps.items()}
    check(f"{mode}: every dependency carries index evidence", all(index.get(n) for n in
          ["pypywheel", "purepkg", "cpyonly", "sdistonly", "yankedpkg", "toonew", "dropped", "slowpkg", "flaky",
           "badhtml", "badjson"]), index)
    check(f"{mode}: PyPy wheel found and works", index["pypywheel"]["best"] == "pypy-wheel"
          and deps["pypywheel"]["verdict"] == "works" and index["pypywheel"]["pypy_wheels"] == "published",
          index["pypywheel"])
    check(f"{mode}: CPython wheels beside the PyPy wheel are reported", index["pypywheel"]["cpython_only_wheels"])
    check(f"{mode}: pure wheel of the newest matching release", index["purepkg"]["best"] == "pure-wheel"
          and index["purepkg"]["version"] == "2.0" and deps["purepkg"]["verdict"] == "works", index["purepkg"])
    check(f"{mode}: only CPython and abi3 wheels block", index["cpyonly"]["best"] == "none"
          and index["cpyonly"]["cpython_only_wheels"] and deps["cpyonly"]["verdict"] == "blocked"
          and index["cpyonly"]["pypy_wheels"] == "never", (deps["cpyonly"]["verdict"], index["cpyonly"]))
    check(f"{mode}: sdist only", index["sdistonly"]["best"] == "sdist" and index["sdistonly"]["version"] == "0.6"
          and "builds from source" in index["sdistonly"]["summary"], index["sdistonly"])
    check(f"{mode}: yanked release ignored", index["yankedpkg"]["version"] == "1.0"
          and index["yankedpkg"]["best"] == "pure-wheel", index["yankedpkg"])
    check(f"{mode}: too-new Requires-Python excludes the pin", index["toonew"]["best"] == "none"
          and any("Requires-Python >=3.12" in n for n in index["toonew"]["notes"]), index["toonew"])
    check(f"{mode}: unpinned, a release for a newer Python is passed over", index["newerpy"]["version"] == "4.0"
          and "newer release 5.0 requires a newer Python" in index["newerpy"]["summary"], index["newerpy"])
    check(f"{mode}: discontinued PyPy wheels", index["dropped"]["pypy_wheels"] == "discontinued"
          and index["dropped"]["discontinued_since"] == "1.2"
          and "PyPy wheels discontinued since 1.2" in index["dropped"]["summary"], index["dropped"])
    check(f"{mode}: slow server times out with a clear error", "slowpkg" in index["slowpkg"].get("error", "")
          and "after 2 attempts" in index["slowpkg"]["error"], index["slowpkg"])
    check(f"{mode}: 500 then 200 is retried", index["flaky"]["best"] == "pure-wheel"
          and counts.get(f"/{mode}/simple/flaky/") == 2, (index["flaky"], counts.get(f"/{mode}/simple/flaky/")))
    check(f"{mode}: malformed HTML names the URL and the expectation",
          f"/{mode}/simple/badhtml/" in index["badhtml"].get("error", "") and "expected a PEP 503 HTML" in
          index["badhtml"]["error"], index["badhtml"])
    check(f"{mode}: malformed JSON names the URL and the expectation",
          "expected a PEP 691 JSON" in index["badjson"].get("error", ""), index["badjson"])
    check(f"{mode}: page errors are warnings", any("badjson" in w for w in report["deps"]["warnings"]))
    check(f"{mode}: blocked dependency gives exit 1", code == 1, (code, err))
    print(f"     ({mode} run took {elapsed:.1f}s)")
    return report


judge("json")
check("json: pages were negotiated as PEP 691 JSON", served["json"] >= 8 and served["html"] == 0, served)
judge("html")
check("html: the same answers from PEP 503 HTML pages", served["html"] >= 8, served)

# The cache: a second run asks nothing.
cache = os.path.join(work, "cache-second")
code, out, err = run(good, "--format", "json", "--index-url", f"{BASE}/json/simple", "--cache-dir", cache)
first = total()
code2, out2, err2 = run(good, "--format", "json", "--index-url", f"{BASE}/json/simple", "--cache-dir", cache)
check("cache: a second run makes no request", total() == first, (first, total()))
code3, out3, err3 = run(good, "--format", "json", "--index-url", f"{BASE}/json/simple", "--cache-dir", cache,
                        "--cache-ttl", "0")
check("cache: an expired page is asked again", total() == first + 3, (first, total()))
check("cache: same verdicts from the cache", json.loads(out)["deps"]["dependencies"]
      == json.loads(out2)["deps"]["dependencies"])

# The concurrency limit: six pages answered slowly, at most two asked at once.
lagging = os.path.join(work, "lagging.txt")
with open(lagging, "w") as out_file:
    out_file.write("laga\nlagb\nlagc\nlagd\nlage\nlagf\n")
code, out, err = run(lagging, "--format", "json", "--index-url", f"{BASE}/json/simple", "--index-jobs", "2",
                     "--cache-dir", os.path.join(work, "c-lag"))
check("--index-jobs 2 keeps two requests in flight", in_flight["max"] == 2, in_flight)

# pip's configuration: PIP_INDEX_URL, then pip.conf's index-url; --offline asks nothing.
before = total()
code, out, err = run(good, "--format", "json", env={"PIP_INDEX_URL": f"{BASE}/html/simple",
                                                   "PYPYREADY_CACHE_DIR": os.path.join(work, "c1")})
check("PIP_INDEX_URL is honoured", total() == before + 3 and json.loads(out)["deps"]["dependencies"][0]["index"]
      ["url"].startswith(BASE), (total() - before, err))
conf = os.path.join(work, "pip.conf")
with open(conf, "w") as out_file:
    out_file.write(f"[global]\nindex-url = {BASE}/json/simple\n")
before = total()
code, out, err = run(good, "--format", "json", env={"PIP_CONFIG_FILE": conf,
                                                   "PYPYREADY_CACHE_DIR": os.path.join(work, "c2")})
check("pip.conf index-url is honoured", total() == before + 3, (total() - before, err))
before = total()
code, out, err = run(good, "--format", "json", "--offline", "--index-url", f"{BASE}/json/simple")
check("--offline asks nothing", total() == before and all(d["index"] is None
                                                          for d in json.loads(out)["deps"]["dependencies"]))
code, out, err = run(good, "--index-url", f"{BASE}/json/simple", "--cache-dir", cache)
check("text output shows the index evidence", "PyPy wheel" in out and "cpyonly" in out, out)
code, out, err = run(good, "--format", "markdown", "--index-url", f"{BASE}/json/simple", "--cache-dir", cache)
check("markdown output shows the index evidence", "CPython-only wheels" in out, out)

server.shutdown()
passed = sum(results)
print(f"{passed} passed, {len(results) - passed} failed")
sys.exit(0 if passed == len(results) else 1)
