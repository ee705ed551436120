"""Reading deployment files: LibYAML's C loader when PyYAML was built with it."""

import yaml

# CPython's PyYAML wheel (and Debian's python3-yaml) ships the LibYAML binding; elsewhere the
# pure-Python loader takes over with the same results.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_text(text: str) -> dict:
    document = yaml.load(text, Loader=SafeLoader)
    if not isinstance(document, dict):
        raise ValueError("expected a mapping at the top of the file")
    return document


def load_file(path: str) -> dict:
    with open(path, encoding="utf-8") as handle:
        return load_text(handle.read())
