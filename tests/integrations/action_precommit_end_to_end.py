"""action.yml and .pre-commit-hooks.yaml, exercised without GitHub or pre-commit:

- the hook's entry runs on the files pre-commit would pass (exit 1 on a file with findings, 0 on a
  clean one), and it declares the file types pre-commit filters on;
- the action is a well-formed composite action (every step has a shell or uses, every input and
  step output it references exists), and its install and run steps are executed here as a runner
  would (inputs through the environment, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and RUNNER_TEMP as
  files): the SARIF output is SARIF 2.1.0 with results, the summary is Markdown, the exit code is
  an output and the last step fails with it.

Usage: action_precommit_end_to_end.py PYPYREADY SOURCE_DIR"""

import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from e2e_checks import check, outcome  # noqa: E402


def pre_commit(source, env):
    with open(os.path.join(source, ".pre-commit-hooks.yaml")) as f:
        hooks = yaml.safe_load(f)
    check(isinstance(hooks, list) and hooks, "the hooks file is not a list of hooks")
    hook = hooks[0]
    for key in ("id", "name", "entry", "language"):
        check(key in hook, f"hook lacks {key}")
    check("python" in hook.get("types_or", hook.get("types", [])), "the hook does not filter on python files")
    entry = hook["entry"].split()
    # This test file of the example has an error-level finding (PPY010); the hook fails on errors.
    dirty = os.path.join(source, "examples", "logstats", "tests", "test_logstats.py")
    clean = os.path.join(source, "examples", "logstats", "src", "logstats", "__init__.py")
    run = subprocess.run(entry + [dirty], capture_output=True, text=True, env=env)
    check(run.returncode == 1 and "test_logstats.py" in run.stdout, f"hook on a file with findings: {run.returncode}")
    run = subprocess.run(entry + [clean], capture_output=True, text=True, env=env)
    check(run.returncode == 0, f"hook on a clean file: exit {run.returncode}: {run.stdout}")


def expand(text, inputs, action_path):
    """${{ inputs.x }} and ${{ github.action_path }} as the runner substitutes them."""
    text = text.replace("${{ github.action_path }}", action_path)
    return re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: str(inputs[m.group(1)]), text)


def action(source, env):
    with open(os.path.join(source, "action.yml")) as f:
        spec = yaml.safe_load(f)
    steps = spec["runs"]["steps"]
    check(spec["runs"]["using"] == "composite", "not a composite action")
    declared = set(spec["inputs"])
    ids = {step["id"] for step in steps if "id" in step}
    text = open(os.path.join(source, "action.yml")).read()
    for name in re.findall(r"inputs\.([\w-]+)", text):
        check(name in declared, f"action.yml uses undeclared input {name}")
    for name in re.findall(r"steps\.([\w-]+)\.outputs", text):
        check(name in ids, f"action.yml reads outputs of unknown step {name}")
    for step in steps:
        check(("run" in step) == ("shell" in step) and ("run" in step or "uses" in step),
              f"step {step.get('name')}: needs run with shell, or uses")
    check(any("upload-sarif" in step.get("uses", "") for step in steps), "no SARIF upload step")

    inputs = {name: value.get("default", "") for name, value in spec["inputs"].items()}
    inputs["path"] = os.path.join(source, "examples", "logstats")
    with tempfile.TemporaryDirectory() as runner_temp:
        output = os.path.join(runner_temp, "output")
        summary = os.path.join(runner_temp, "summary.md")
        github = dict(env, RUNNER_TEMP=runner_temp, GITHUB_OUTPUT=output, GITHUB_STEP_SUMMARY=summary)
        outputs = {}
        for step in steps:
            if "run" not in step:
                continue
            step_env = dict(github)
            for key, value in step.get("env", {}).items():
                value = expand(str(value), inputs, source)
                value = re.sub(r"\$\{\{\s*steps\.run\.outputs\.([\w-]+)\s*\}\}", lambda m: outputs.get(m.group(1), ""),
                               value)
                step_env[key] = value
            open(output, "w").close()
            run = subprocess.run(["bash", "-c", expand(step["run"], inputs, source)], capture_output=True, text=True,
                                 env=step_env, cwd=source)
            if step.get("id") == "run":
                check(run.returncode == 0, f"the run step failed: {run.stderr}")
                with open(output) as f:
                    outputs = dict(line.strip().split("=", 1) for line in f if "=" in line)
            elif step["name"].startswith("Install"):
                check(run.returncode == 0 and "using" in run.stdout, f"install step: {run.stdout}{run.stderr}")
            else:
                check(run.returncode == int(outputs.get("exit-code", -1)),
                      f"the last step exits {run.returncode}, pypyready exited {outputs.get('exit-code')}")
        check(outputs.get("exit-code") == "1", f"scan of logstats should exit 1: {outputs}")
        sarif_path = outputs.get("sarif", "")
        check(os.path.isfile(sarif_path), f"no SARIF file: {outputs}")
        if os.path.isfile(sarif_path):
            with open(sarif_path) as f:
                sarif = json.load(f)
            check(sarif.get("version") == "2.1.0" and sarif["runs"][0]["results"], "SARIF without results")
        with open(summary) as f:
            markdown = f.read()
        check(markdown.startswith("## pypyready scan") and "PPY" in markdown and "|" in markdown,
              f"job summary: {markdown[:200]}")


def main():
    pypyready, source = sys.argv[1:3]
    env = dict(os.environ, PATH=os.path.dirname(os.path.abspath(pypyready)) + os.pathsep + os.environ["PATH"])
    pre_commit(source, env)
    action(source, env)
    return outcome()


if __name__ == "__main__":
    sys.exit(main())
