"""The team's rules for a deployment file; each returns problems as (service, message)."""

import re

ENV_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")
MEMORY = re.compile(r"^(\d+)(Mi|Gi)$")


def check_image(name: str, service: dict) -> list:
    image = service.get("image", "")
    if ":" not in image or image.endswith(":latest"):
        return [(name, f"image {image!r} must be pinned to a version tag")]
    return []


def check_ports(name: str, service: dict) -> list:
    problems = []
    for port in service.get("ports", []):
        if not 1024 <= int(port) <= 65535:
            problems.append((name, f"port {port} is outside 1024-65535"))
    return problems


def check_replicas(name: str, service: dict) -> list:
    replicas = service.get("replicas", 1)
    if not isinstance(replicas, int) or replicas < 1:
        return [(name, f"replicas must be a positive integer, not {replicas!r}")]
    return []


def check_env(name: str, service: dict) -> list:
    return [(name, f"environment variable {key!r} must be UPPER_CASE")
            for key in service.get("env", {}) if not ENV_NAME.match(key)]


def check_memory(name: str, service: dict) -> list:
    limit = service.get("resources", {}).get("memory", "")
    match = MEMORY.match(str(limit))
    if not match:
        return [(name, f"memory limit {limit!r} must look like 512Mi or 2Gi")]
    mebibytes = int(match.group(1)) * (1024 if match.group(2) == "Gi" else 1)
    if mebibytes > 8192:
        return [(name, f"memory limit {limit} is above the 8Gi ceiling")]
    return []


RULES = [check_image, check_ports, check_replicas, check_env, check_memory]


def check_document(document: dict) -> list:
    problems = []
    for name, service in sorted(document.get("services", {}).items()):
        for rule in RULES:
            problems.extend(rule(name, service))
    return problems
