def fail():
    raise ValueError("boom: crashed on purpose")


fail()
