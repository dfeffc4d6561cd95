#!/usr/bin/env python3
"""Serves PAGES pages of LINKS distinct links each on 127.0.0.1:PORT, for bench/hostile/crawl-memory.sh.

/ links /p/1 ... /p/PAGES-1 first, then LINKS distinct /x/<page>/<n> URLs; /p/K does the same. robots.txt is
404. Each page is built once and kept, so the server answers at the speed of the socket.
"""
import http.server
import sys

PORT = int(sys.argv[1])
PAGES = int(sys.argv[2]) if len(sys.argv) > 2 else 5
LINKS = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
CACHE = {}


def page(k):
    if k not in CACHE:
        parts = [b"<html><body>"]
        parts += [b'<a href="/p/%d">p</a>' % i for i in range(1, PAGES)]
        parts += [b'<a href="/x/%d/%d">x</a>' % (k, n) for n in range(LINKS)]
        parts.append(b"</body></html>")
        CACHE[k] = b"".join(parts)
    return CACHE[k]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        if self.path == "/":
            body = page(0)
        elif self.path.startswith("/p/"):
            body = page(int(self.path[3:]))
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
