"""A small pure-Python WSGI application served by wsgiref, for `pypyready bench --service` tests.

Each request does real work: /page computes the statistics of a generated series (moving
averages) and renders an HTML report through a tiny template engine (compiled once, rendered per
request, every value escaped), /api builds and serializes a JSON document. Both are plain
Python loops, the kind of code PyPy's JIT speeds up once warm.

Usage: app.py PORT [--crash-after N] [--ignore-sigterm] [--error-every N]
(Other arguments are ignored: the tests add a unique marker to find leftover processes.)
"""

import json
import os
import re
import signal
import sys
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

TEMPLATE = """<html><head><title>{{ title }}</title></head><body>
<h1>{{ title }}</h1>
<table>
{% for row in rows %}<tr><td>{{ row.name }}</td><td>{{ row.count }}</td><td>{{ row.share }}</td></tr>
{% endfor %}</table>
<p>{{ footer }}</p></body></html>"""

TOKEN = re.compile(r"({{.*?}}|{%.*?%})")


def escape(text):
    out = []
    for ch in str(text):
        if ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif ch == "&":
            out.append("&amp;")
        elif ch == '"':
            out.append("&quot;")
        else:
            out.append(ch)
    return "".join(out)


def lookup(context, dotted):
    value = context
    for part in dotted.split("."):
        value = value[part] if isinstance(value, dict) else getattr(value, part)
    return value


def compile_template(source):
    """Parses the template into a tree of ('text', s), ('var', name), ('for', var, seq, body)."""
    root = []
    stack = [root]
    for piece in TOKEN.split(source):
        if piece.startswith("{{"):
            stack[-1].append(("var", piece[2:-2].strip()))
        elif piece.startswith("{%"):
            words = piece[2:-2].split()
            if words[0] == "for":
                node = ("for", words[1], words[3], [])
                stack[-1].append(node)
                stack.append(node[3])
            elif words[0] == "endfor":
                stack.pop()
        elif piece:
            stack[-1].append(("text", piece))
    return root


def render(nodes, context, out):
    for node in nodes:
        kind = node[0]
        if kind == "text":
            out.append(node[1])
        elif kind == "var":
            out.append(escape(lookup(context, node[1])))
        else:
            for item in lookup(context, node[2]):
                inner = dict(context)
                inner[node[1]] = item
                render(node[3], inner, out)


COMPILED = compile_template(TEMPLATE)


def make_rows(seed, count):
    rows = []
    total = 0
    for i in range(count):
        value = (seed * 7919 + i * 104729) % 1000
        total += value
        rows.append({"name": "item <%d> & co" % i, "count": value})
    for row in rows:
        row["share"] = "%.3f" % (row["count"] / float(total or 1))
    return rows


def trend(seed, points=2500, window=24):
    """Moving averages and the largest swing of a generated series: the report's statistics."""
    series = [((seed * 31 + i * 17) % 997) / 7.0 for i in range(points)]
    averages = []
    for end in range(window, points + 1):
        total = 0.0
        for value in series[end - window:end]:
            total += value
        averages.append(total / window)
    swing = 0.0
    for i in range(1, len(averages)):
        delta = abs(averages[i] - averages[i - 1])
        if delta > swing:
            swing = delta
    return averages[-1], swing


class State:
    served = 0


def application(environ, start_response):
    State.served += 1
    if CRASH_AFTER and State.served > CRASH_AFTER:
        os.kill(os.getpid(), signal.SIGKILL)
    path = environ.get("PATH_INFO", "/")
    if path == "/health":
        body, kind, status = b"ok", "text/plain", "200 OK"
    elif ERROR_EVERY and State.served % ERROR_EVERY == 0:
        body, kind, status = b"injected failure", "text/plain", "500 Internal Server Error"
    elif path == "/page":
        rows = make_rows(State.served, 120)
        last, swing = trend(State.served)
        footer = "trend %.2f, largest swing %.2f" % (last, swing)
        out = []
        render(COMPILED, {"title": "Report #%d" % State.served, "rows": rows, "footer": footer}, out)
        body, kind, status = "".join(out).encode("utf-8"), "text/html", "200 OK"
    elif path == "/api":
        rows = make_rows(State.served, 120)
        document = {"id": State.served, "rows": rows, "total": sum(r["count"] for r in rows)}
        body, kind, status = json.dumps(document, sort_keys=True).encode("utf-8"), "application/json", "200 OK"
    else:
        body, kind, status = b"not found", "text/plain", "404 Not Found"
    start_response(status, [("Content-Type", kind), ("Content-Length", str(len(body)))])
    return [body]


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class Server(WSGIServer):
    request_queue_size = 128


def option(name, default=0):
    return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


CRASH_AFTER = option("--crash-after")
ERROR_EVERY = option("--error-every")

if __name__ == "__main__":
    if "--ignore-sigterm" in sys.argv:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    port = int(sys.argv[1])
    server = make_server("127.0.0.1", port, application, server_class=Server, handler_class=QuietHandler)
    print("serving on port %d" % port, flush=True)
    server.serve_forever()
