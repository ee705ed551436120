"""`cmake --install BUILD --prefix TMP` installs a pypyready that works from there: the binary
(probes and knowledge base are compiled in, so it runs from any folder), the man page generated
from the command table (groff reports no warning, every command is documented) and the bash and
zsh completions (bash: completions simulated word by word; zsh: syntax, when zsh is present).

Usage: install_end_to_end.py BUILD_DIR EXAMPLES_DIR"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from e2e_checks import check, failures, outcome  # noqa: E402


def commands_in_help(pypyready):
    """The command names `pypyready --help` lists: the table, as users see it."""
    text = subprocess.run([pypyready, "--help"], capture_output=True, text=True).stdout
    section = text.split("Subcommands:", 1)[1] if "Subcommands:" in text else ""
    return re.findall(r"^\s+([a-z]+)\s", section, re.M)


def complete(script, words):
    """COMPREPLY of the bash completion for the words typed (the last one is being completed)."""
    program = (f'source "{script}"\nCOMP_WORDS=({" ".join(repr(w) for w in words)})\n'
               f"COMP_CWORD={len(words) - 1}\n_pypyready\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n")
    run = subprocess.run(["bash", "-c", program], capture_output=True, text=True, cwd=tempfile.gettempdir())
    check(run.returncode == 0 and not run.stderr, f"bash completion of {words}: {run.stderr}")
    return [line for line in run.stdout.splitlines() if line]


def main():
    build, examples = (os.path.abspath(arg) for arg in sys.argv[1:3])
    prefix = tempfile.mkdtemp(prefix="pypyready-prefix-")
    try:
        run = subprocess.run(["cmake", "--install", build, "--prefix", prefix], capture_output=True, text=True)
        check(run.returncode == 0, f"cmake --install failed: {run.stdout}{run.stderr}")
        binary = os.path.join(prefix, "bin", "pypyready")
        man = os.path.join(prefix, "share", "man", "man1", "pypyready.1")
        bash = os.path.join(prefix, "share", "bash-completion", "completions", "pypyready")
        zsh = os.path.join(prefix, "share", "zsh", "vendor-completions", "_pypyready")
        for path in (binary, man, bash, zsh):
            check(os.path.isfile(path), f"not installed: {os.path.relpath(path, prefix)}")
        if failures:
            return 1

        # Runs from the prefix, in a folder far from the build tree.
        scan = subprocess.run([binary, "scan", os.path.join(examples, "logstats"), "--format", "json"],
                              capture_output=True, text=True, cwd="/")
        check(scan.returncode in (0, 1) and '"code": "PPY' in scan.stdout,
              f"installed scan failed ({scan.returncode}): {scan.stderr}")
        deps = subprocess.run([binary, "deps", os.path.join(examples, "confcheck"), "--offline"],
                              capture_output=True, text=True, cwd="/")
        check(deps.returncode in (0, 1) and "pyyaml" in deps.stdout.lower(),
              f"installed deps failed ({deps.returncode}): {deps.stdout}{deps.stderr}")
        probe = subprocess.run([binary, "interpreters", "--python", "python3", "--format", "json"],
                               capture_output=True, text=True, cwd="/")
        check('"implementation": "cpython"' in probe.stdout,
              f"installed interpreters (embedded probe) failed: {probe.stderr}")

        commands = commands_in_help(binary)
        check(len(commands) >= 10 and "generate" not in commands, f"--help lists {commands}")
        with open(man) as f:
            page = f.read()
        check(page.startswith(".\\\"") and ".TH PYPYREADY 1" in page, "the man page has no .TH header")
        for command in commands:
            check(f".SS {command}\n" in page, f"the man page does not document `{command}`")
        check("\\-\\-format" in page and ".SH EXIT STATUS" in page, "the man page lacks options or exit status")
        if shutil.which("groff"):
            roff = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", man], capture_output=True, text=True)
            check(roff.returncode == 0 and not roff.stderr.strip(), f"groff warns: {roff.stderr}")

        check(set(commands) <= set(complete(bash, ["pypyready", ""])), "bash: not every command is offered")
        check(complete(bash, ["pypyready", "ch"]) == ["check"], "bash: `ch` does not complete to check")
        check("--format" in complete(bash, ["pypyready", "check", "--fo"]), "bash: check --fo")
        check(complete(bash, ["pypyready", "check", "--format", ""]) == ["text", "json", "markdown"],
              f"bash: check --format choices: {complete(bash, ['pypyready', 'check', '--format', ''])}")
        check(complete(bash, ["pypyready", "report", "x.json", "--format", "h"]) == ["html"],
              "bash: report --format h")
        check(sorted(complete(bash, ["pypyready", "debug", ""])) == ["ast", "tokens"], "bash: debug subcommands")
        check("--dump-version" in complete(bash, ["pypyready", "debug", "ast", "--d"]), "bash: debug ast options")
        if shutil.which("zsh"):
            syntax = subprocess.run(["zsh", "-n", zsh], capture_output=True, text=True)
            check(syntax.returncode == 0, f"zsh -n: {syntax.stderr}")
        else:
            print("zsh not installed: its completion's syntax is not checked")
        with open(zsh) as f:
            text = f.read()
        check(text.startswith("#compdef pypyready") and "'--format[" in text, "zsh completion content")
    finally:
        shutil.rmtree(prefix, ignore_errors=True)
    return outcome()


if __name__ == "__main__":
    sys.exit(main())
