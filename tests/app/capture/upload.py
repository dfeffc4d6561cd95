# Uploads through the capture proxy to a server this program runs itself, which answers with the SHA-256 of
# what it received: requests and httpx, each with a length and chunked (a generator body). Exits 1 when a
# body did not arrive whole. Run by tst_capturecommand.
import hashlib, http.server, sys, threading
import httpx
import requests

class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        if "Content-Length" not in self.headers:
            self.send_response(411); self.send_header("Content-Length", "0"); self.end_headers(); return
        left = int(self.headers["Content-Length"])
        digest = hashlib.sha256()
        while left > 0:
            piece = self.rfile.read(min(left, 65536))
            if not piece:
                break
            digest.update(piece); left -= len(piece)
        answer = digest.hexdigest().encode()
        self.send_response(200); self.send_header("Content-Length", str(len(answer))); self.end_headers()
        self.wfile.write(answer)
    do_PUT = do_POST
    def log_message(self, *args):
        pass

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
url = "http://127.0.0.1:%d/upload" % server.server_address[1]
size = 5 * 1024 * 1024
big = (bytes(range(251)) * (size // 251 + 1))[:size]
small = big[:1000003]
def pieces(data):
    for at in range(0, len(data), 65537):
        yield data[at:at + 65537]
answers = [
    requests.post(url, data=big).text,
    requests.post(url, data=pieces(small)).text,
    httpx.put(url, content=big).text,
    httpx.post(url, content=pieces(small)).text,
]
expected = [hashlib.sha256(d).hexdigest() for d in (big, small, big, small)]
print("uploads", "match" if answers == expected else "DIFFER %r" % answers)
sys.exit(0 if answers == expected else 1)
