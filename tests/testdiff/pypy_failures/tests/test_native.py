from inventory.native import read_header


def test_header_magic():
    assert read_header() == b"INV1"
