"""The .deb CPack builds (the `package` target): its file list (dpkg-deb -c) has the binary,
the man page and both completions under /usr; its control fields name the shared libraries the
binary needs; and the binary unpacked from it (dpkg-deb -x, never installed system-wide) scans an
example from the unpacked tree.

Usage: deb_end_to_end.py BUILD_DIR EXAMPLES_DIR"""

import glob
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from e2e_checks import check, failures, outcome  # noqa: E402


def main():
    build, examples = (os.path.abspath(arg) for arg in sys.argv[1:3])
    if not shutil.which("dpkg-deb") or not shutil.which("cpack"):
        print("skipped: needs dpkg-deb and cpack")
        return 77
    out = tempfile.mkdtemp(prefix="pypyready-deb-")
    try:
        run = subprocess.run(["cpack", "-G", "DEB", "-B", out, "--config", os.path.join(build, "CPackConfig.cmake")],
                             capture_output=True, text=True, timeout=600)
        check(run.returncode == 0, f"cpack failed: {run.stdout}{run.stderr}")
        debs = glob.glob(os.path.join(out, "pypyready_*.deb"))
        check(len(debs) == 1, f"expected one pypyready_*.deb, found {debs}")
        if failures:
            return 1
        deb = debs[0]
        listing = subprocess.run(["dpkg-deb", "-c", deb], capture_output=True, text=True).stdout
        for path in ("./usr/bin/pypyready", "./usr/share/man/man1/pypyready.1",
                     "./usr/share/bash-completion/completions/pypyready",
                     "./usr/share/zsh/vendor-completions/_pypyready"):
            check(f" {path}\n" in listing, f"{os.path.basename(deb)} lacks {path}")
        check("/build/" not in listing and "_CPack" not in listing, "the package lists build-tree paths")
        fields = subprocess.run(["dpkg-deb", "-f", deb, "Package", "Version", "Architecture", "Depends"],
                                capture_output=True, text=True).stdout
        check("Package: pypyready" in fields, f"control: {fields}")
        check("libfmt" in fields and "libc6" in fields, f"Depends lacks the shared libraries: {fields}")
        root = os.path.join(out, "root")
        subprocess.run(["dpkg-deb", "-x", deb, root], check=True)
        binary = os.path.join(root, "usr", "bin", "pypyready")
        scan = subprocess.run([binary, "scan", os.path.join(examples, "logstats")], capture_output=True, text=True,
                              cwd="/")
        check(scan.returncode in (0, 1) and "PPY" in scan.stdout,
              f"the unpacked binary's scan failed ({scan.returncode}): {scan.stderr}")
        print(f"{os.path.basename(deb)}: {os.path.getsize(deb)} bytes")
        print(fields)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return outcome()


if __name__ == "__main__":
    sys.exit(main())
