import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))

from confcheck.load import load_text  # noqa: E402
from confcheck.rules import check_document  # noqa: E402

GOOD = """
services:
  api:
    image: registry.example.com/api:1.2.3
    replicas: 2
    ports: [8080]
    env: {LOG_LEVEL: info}
    resources: {memory: 512Mi}
"""


def test_clean_file_has_no_problems():
    assert check_document(load_text(GOOD)) == []


def test_unpinned_image_and_bad_port_are_reported():
    document = load_text(GOOD.replace(":1.2.3", ":latest").replace("[8080]", "[80]"))
    messages = [message for _, message in check_document(document)]
    assert any("pinned" in message for message in messages)
    assert any("port 80" in message for message in messages)


def test_memory_ceiling():
    document = load_text(GOOD.replace("512Mi", "16Gi"))
    assert check_document(document) == [("api", "memory limit 16Gi is above the 8Gi ceiling")]
