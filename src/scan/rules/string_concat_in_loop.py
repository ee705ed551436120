# Fixture: lines ending in an "expect" comment naming this rule must fire; all others must not.
import io


def render(lines):
    out = ""
    for line in lines:
        out += line.upper()  # expect: PPY036
    return out


def numbered(lines):
    text = f"{len(lines)} lines\n"
    for index, line in enumerate(lines):
        text = text + f"{index}: {line}\n"  # expect: PPY036
    return text


def packet(chunks):
    data = b""
    while chunks:
        data += chunks.pop()  # expect: PPY036
    return data


def table(rows):
    html = str()
    for row in rows:
        for cell in ("a", "b"):
            html += "<td>"  # expect: PPY036
    return html


def annotated(words, sep: str):
    for word in words:
        sep += word  # expect: PPY036
    return sep


def grown_with_literal(items, prefix):
    for item in items:
        prefix += "-"  # expect: PPY036
    return prefix


def read_inside(items):
    result = ""
    for item in items:
        result += item  # expect: PPY036
        if len(result) > 80:
            break
    return result


# Not string building, or too short to matter.
def numbers(values):
    total = 0
    for value in values:
        total += value
    parts = []
    for value in values:
        parts += [str(value)]
    return total, parts


def small_loops(name):
    label = ""
    for suffix in ("a", "b", "c"):
        label += suffix
    for index in range(10):
        label += str(index)
    for key, value in {"x": 1}.items():
        label += key
    return label


def reset_each_time(rows):
    lines = []
    for row in rows:
        line = ""
        line += row
        lines.append(line)
    return lines


def unknown(items, acc):
    for item in items:
        acc += item
    return acc


def buffer(items):
    stream = io.StringIO()
    for item in items:
        stream.write(item)
    return stream.getvalue()


def once(text):
    text += "!"
    return text


def mixed(items):
    value = ""
    value = []
    for item in items:
        value += item
    return value
