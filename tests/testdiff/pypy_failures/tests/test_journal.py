from inventory.journal import Journal


def test_journal_lines_reach_the_file(tmp_path):
    path = tmp_path / "journal.txt"
    Journal(path).record("added apple")
    with open(path) as written:
        assert written.read() == "added apple\n"
