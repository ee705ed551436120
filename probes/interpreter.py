# pypyready interpreter probe: describes the interpreter running it as one JSON object on stdout.
# Standard library only; Python 3.8+ syntax; runs on CPython and PyPy.
import importlib.util
import json
import sys
import sysconfig


def has_module(name):
    try:
        return importlib.util.find_spec(name) is not None
    except Exception:
        return False


def main():
    base_prefix = getattr(sys, "base_prefix", sys.prefix)
    info = {
        "implementation": sys.implementation.name,
        "version": "%d.%d.%d" % tuple(sys.version_info[:3]),
        "implementation_version": "%d.%d.%d" % tuple(sys.implementation.version[:3]),
        "executable": sys.executable,
        "prefix": sys.prefix,
        "ext_suffix": sysconfig.get_config_var("EXT_SUFFIX") or "",
        "soabi": sysconfig.get_config_var("SOABI") or "",
        "in_venv": sys.prefix != base_prefix,
        # Debian splits ensurepip out of the interpreter package: venv without it cannot make pips.
        "has_venv": has_module("venv") and has_module("ensurepip"),
        "has_pip": has_module("pip"),
        "has_pytest": has_module("pytest"),
    }
    sys.stdout.write(json.dumps(info) + "\n")


main()
