"""The HTML report in a real browser (headless Chromium over the DevTools pipe).

1. A saved report with hostile content (a test named <script>alert(1)</script>, a path with
   quotes, markup in messages and package names), re-rendered by `pypyready report --format html`:
   no console error, no script element, no request beyond the file itself, the hostile strings
   shown as text.
2. A real `pypyready check` of examples/logstats (short bench budget): index.html is written
   next to report.json, has the verdict, every criterion and its charts, and does not scroll
   sideways on a phone.
Screenshots (desktop full page, phone viewport) are kept in ARTEFACT_DIR.

Usage: browser_end_to_end.py PYPYREADY FIXTURES_DIR EXAMPLES_DIR ARTEFACT_DIR
Exit 77 (skipped) without /usr/bin/chromium."""

import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import Browser  # noqa: E402

CHROMIUM = os.environ.get("PYPYREADY_CHROMIUM", "/usr/bin/chromium")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from e2e_checks import check, outcome  # noqa: E402


# One expression that reads back what a reader of the page would see.
PAGE_FACTS = """(() => {
  const all = [...document.querySelectorAll('*')];
  return {
    title: document.title,
    verdict: (document.querySelector('#verdict') || {}).textContent || null,
    criteria: document.querySelectorAll('li.criterion').length,
    sections: [...document.querySelectorAll('section[id]')].map(s => s.id),
    charts: [...document.querySelectorAll('figure')].map(f => f.className),
    svgs: document.querySelectorAll('svg.chart').length,
    scripts: document.scripts.length,
    handlers: all.filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
    text: document.body.innerText,
    codes: [...document.querySelectorAll('code.where')].map(c => c.textContent),
    badges: [...document.querySelectorAll('.badge')].map(b => b.className),
    overflow: document.documentElement.scrollWidth - window.innerWidth,
  };
})()"""


def inspect(browser, html_path, artefacts, name):
    url = "file://" + os.path.abspath(html_path)
    browser.viewport(1280, 900)
    browser.navigate(url)
    facts = browser.evaluate(PAGE_FACTS)
    browser.screenshot(os.path.join(artefacts, f"{name}-desktop.png"), full_page=True)
    problems = browser.problems(url)
    check(not problems, f"{name}: the browser reported: {problems}")
    browser.viewport(390, 844, mobile=True, scale=2)
    browser.navigate(url)
    phone = browser.evaluate(PAGE_FACTS)
    browser.screenshot(os.path.join(artefacts, f"{name}-phone.png"), full_page=False)
    check(phone["overflow"] <= 1, f"{name}: the page is {phone['overflow']} px wider than a phone screen")
    check(not browser.problems(url), f"{name}: the browser reported on a phone: {browser.problems(url)}")
    with open(os.path.join(artefacts, f"{name}-dom.json"), "w") as out:
        json.dump(facts, out, indent=1)
    return facts


def hostile_report(pypyready, fixtures, artefacts, browser):
    html = os.path.join(artefacts, "hostile", "index.html")
    os.makedirs(os.path.dirname(html), exist_ok=True)
    run = subprocess.run([pypyready, "report", os.path.join(fixtures, "hostile_report.json"), "--format", "html",
                          "--output", html], capture_output=True, text=True)
    check(run.returncode == 0, f"report --format html exited {run.returncode}: {run.stderr}")
    if run.returncode != 0:
        return
    facts = inspect(browser, html, artefacts, "hostile")
    check(facts["scripts"] == 0, f"hostile: {facts['scripts']} script elements in the page")
    check(facts["handlers"] == 0, f"hostile: {facts['handlers']} elements with an on* attribute")
    for text in ("test_render[<script>alert(1)</script>]", "<img src=x onerror=alert(1)>",
                 "</td></tr></table><script>alert(2)</script>", "x = open('<script>alert(3)</script>')"):
        check(text in facts["text"], f"hostile: {text!r} is not shown as text")
    check('src/it\'s "quoted".py:7:5' in facts["codes"], f"hostile: the quoted path is not shown: {facts['codes']}")
    check(facts["verdict"] == "MIGRATE AFTER FIXES", f"hostile: verdict {facts['verdict']!r}")
    check(all(b in ("badge good", "badge bad", "badge warn", "badge neutral") for b in facts["badges"]),
          f"hostile: a badge took its class from the project: {set(facts['badges'])}")
    for kind in ("warmup", "speedup", "cumulative", "memory", "attribution"):
        check(kind in facts["charts"], f"hostile: no {kind} chart: {facts['charts']}")


def real_check(pypyready, examples, artefacts, browser):
    work = tempfile.mkdtemp(prefix="pypyready-html-")
    try:
        project = os.path.join(work, "logstats")
        shutil.copytree(os.path.join(examples, "logstats"), project)
        report_dir = os.path.join(artefacts, "logstats")
        shutil.rmtree(report_dir, ignore_errors=True)
        run = subprocess.run([pypyready, "check", project, "--report-dir", report_dir, "--bench-budget", "8s",
                              "--budget", "120s", "--quiet"], capture_output=True, text=True, timeout=300)
        check(run.returncode in (0, 1), f"check exited {run.returncode}: {run.stderr}")
        html = os.path.join(report_dir, "index.html")
        check(os.path.exists(html), "check wrote no index.html")
        check(os.path.exists(os.path.join(report_dir, "report.json")), "check wrote no report.json")
        if not os.path.exists(html):
            return
        check("index.html" in run.stdout, f"the summary does not point at index.html: {run.stdout[-300:]}")
        with open(os.path.join(report_dir, "report.json")) as f:
            report = json.load(f)
        facts = inspect(browser, html, artefacts, "logstats")
        decision = report.get("decision", {})
        check(facts["criteria"] == len(decision.get("criteria", [])),
              f"logstats: {facts['criteria']} criteria shown, {len(decision.get('criteria', []))} in report.json")
        check(facts["title"] == "pypyready: logstats", f"logstats: title {facts['title']!r}")
        for section in ("scan", "deps"):
            check(section in facts["sections"], f"logstats: no {section} section: {facts['sections']}")
        if report.get("bench", {}).get("benchmarks"):
            check("warmup" in facts["charts"] and "memory" in facts["charts"],
                  f"logstats: bench ran but charts are missing: {facts['charts']}")
        if report.get("scan", {}).get("findings"):
            check(len(facts["codes"]) == len(report["scan"]["findings"]),
                  f"logstats: {len(facts['codes'])} findings shown of {len(report['scan']['findings'])}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    pypyready, fixtures, examples, artefacts = sys.argv[1:5]
    if not os.access(CHROMIUM, os.X_OK):
        print(f"skipped: no {CHROMIUM} (scripts/install-deps installs it)")
        return 77
    os.makedirs(artefacts, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="pypyready-chromium-")
    browser = Browser(CHROMIUM, profile, os.path.join(artefacts, "chromium.log"))
    try:
        browser.open_page()
        hostile_report(pypyready, fixtures, artefacts, browser)
        if "--fixture-only" not in sys.argv:
            real_check(pypyready, examples, artefacts, browser)
    finally:
        browser.close()
        shutil.rmtree(profile, ignore_errors=True)
    print(f"screenshots and DOM facts in {artefacts}")
    return outcome()


if __name__ == "__main__":
    sys.exit(main())
