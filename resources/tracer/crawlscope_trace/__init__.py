"""Crawlscope's Python tracer: standard library only.

It records, on one monotonic clock (time.monotonic_ns, CLOCK_MONOTONIC on Linux, the clock Crawlscope uses):
each asyncio.Semaphore acquire (waiting -> acquired) and release, each asyncio.sleep and the semaphores held
while it sleeps, and each request of httpx (sync and async), requests and aiohttp. The events go to
Crawlscope as JSON lines over a loopback socket named by $CRAWLSCOPE_TRACE ("127.0.0.1:PORT").

It never prints and never changes what the program does: every hook calls the original and passes its result
or exception on untouched, and any failure of the tracer itself only turns the tracer off.
"""

import asyncio
import functools
import importlib.abc
import json
import os
import socket
import sys
import threading
import time

__all__ = ["install", "active"]

_lock = threading.Lock()
_socket = None
_held = {}  # task key -> list of semaphore ids held, in acquisition order
_patched = set()


def active():
    return _socket is not None


def _now():
    return time.monotonic_ns()


def _send(event):
    global _socket
    if _socket is None:
        return
    try:
        line = (json.dumps(event, separators=(",", ":")) + "\n").encode()
        with _lock:
            _socket.sendall(line)
    except Exception:
        _socket = None  # Crawlscope went away: the program goes on untraced


def _task_key():
    try:
        task = asyncio.current_task()
    except RuntimeError:
        task = None
    if task is not None:
        return "task-%x" % id(task)
    return "thread-%x" % threading.get_ident()


def _patch_semaphore():
    cls = asyncio.Semaphore
    original_init = cls.__init__
    original_acquire = cls.acquire
    original_release = cls.release

    @functools.wraps(original_init)
    def __init__(self, value=1, *args, **kwargs):
        original_init(self, value, *args, **kwargs)
        _send({"e": "semaphore", "sem": id(self), "value": value, "t": _now()})

    @functools.wraps(original_acquire)
    async def acquire(self):
        key = _task_key()
        must_wait = self.locked()
        _send({"e": "wait", "task": key, "sem": id(self), "t": _now()})
        result = await original_acquire(self)
        _held.setdefault(key, []).append(id(self))
        _send({"e": "acquired", "task": key, "sem": id(self), "waited": must_wait, "t": _now()})
        return result

    @functools.wraps(original_release)
    def release(self):
        key = _task_key()
        held = _held.get(key)
        if held and id(self) in held:
            held.remove(id(self))
        _send({"e": "release", "task": key, "sem": id(self), "t": _now()})
        return original_release(self)

    cls.__init__ = __init__
    cls.acquire = acquire
    cls.release = release


def _patch_sleep():
    original_sleep = asyncio.sleep

    @functools.wraps(original_sleep)
    async def sleep(delay, *args, **kwargs):
        key = _task_key()
        start = _now()
        try:
            return await original_sleep(delay, *args, **kwargs)
        finally:
            _send({"e": "sleep", "task": key, "held": list(_held.get(key, ())), "t0": start, "t1": _now(),
                   "delay": delay})

    asyncio.sleep = sleep
    asyncio.tasks.sleep = sleep


def _request_event(library, method, url, start, status, error):
    key = _task_key()
    _send({"e": "request", "lib": library, "task": key, "method": str(method), "url": str(url),
           "held": list(_held.get(key, ())), "t0": start, "t1": _now(), "status": status, "error": error})


def _request_start(library, method, url, start):
    key = _task_key()
    _send({"e": "request_start", "lib": library, "task": key, "method": str(method), "url": str(url),
           "held": list(_held.get(key, ())), "t": start})


def _wrap_sync_send(library, original):
    @functools.wraps(original)
    def send(self, request, *args, **kwargs):
        start = _now()
        _request_start(library, request.method, request.url, start)
        try:
            response = original(self, request, *args, **kwargs)
        except BaseException as error:
            _request_event(library, request.method, request.url, start, 0, type(error).__name__)
            raise
        _request_event(library, request.method, request.url, start, response.status_code, "")
        return response
    return send


def _wrap_async_send(library, original):
    @functools.wraps(original)
    async def send(self, request, *args, **kwargs):
        start = _now()
        _request_start(library, request.method, request.url, start)
        try:
            response = await original(self, request, *args, **kwargs)
        except BaseException as error:
            _request_event(library, request.method, request.url, start, 0, type(error).__name__)
            raise
        _request_event(library, request.method, request.url, start, response.status_code, "")
        return response
    return send


def _patch_httpx(module):
    module.Client.send = _wrap_sync_send("httpx", module.Client.send)
    module.AsyncClient.send = _wrap_async_send("httpx", module.AsyncClient.send)


def _patch_requests(module):
    module.Session.send = _wrap_sync_send("requests", module.Session.send)


def _patch_aiohttp(module):
    # The request ends, for the tracer, when the response's headers are in: aiohttp reads the body later.
    original = module.ClientSession._request

    @functools.wraps(original)
    async def _request(self, method, str_or_url, *args, **kwargs):
        start = _now()
        _request_start("aiohttp", method, str_or_url, start)
        try:
            response = await original(self, method, str_or_url, *args, **kwargs)
        except BaseException as error:
            _request_event("aiohttp", method, str_or_url, start, 0, type(error).__name__)
            raise
        _request_event("aiohttp", method, str_or_url, start, response.status, "")
        return response

    module.ClientSession._request = _request


_LIBRARIES = {"httpx": _patch_httpx, "requests": _patch_requests, "aiohttp": _patch_aiohttp}


def _patch_library(name):
    module = sys.modules.get(name)
    if module is None or name in _patched:
        return
    _patched.add(name)
    try:
        _LIBRARIES[name](module)
    except Exception as error:
        _send({"e": "problem", "what": "cannot trace %s: %s" % (name, error), "t": _now()})


class _AfterImport(importlib.abc.MetaPathFinder):
    """Patches an HTTP library right after the program imports it."""

    def find_spec(self, fullname, path, target=None):
        if fullname not in _LIBRARIES:
            return None
        for finder in sys.meta_path:
            if finder is self:
                continue
            spec = getattr(finder, "find_spec", lambda *a: None)(fullname, path, target)
            if spec is not None and spec.loader is not None:
                loader = spec.loader
                original_exec = loader.exec_module

                def exec_module(module, _original=original_exec, _name=fullname):
                    _original(module)
                    _patch_library(_name)

                try:
                    loader.exec_module = exec_module
                except Exception:
                    return None
                return spec
        return None


def install():
    """Connects to Crawlscope and installs the hooks. Returns False, quietly, when it cannot."""
    global _socket
    address = os.environ.get("CRAWLSCOPE_TRACE", "")
    try:
        host, _, port = address.rpartition(":")
        _socket = socket.create_connection((host or "127.0.0.1", int(port)), timeout=5)
        _socket.settimeout(None)
        _socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    except Exception:
        _socket = None
        return False
    _send({"e": "hello", "pid": os.getpid(), "python": sys.version.split()[0], "t": _now()})
    try:
        _patch_semaphore()
        _patch_sleep()
        for name in _LIBRARIES:
            _patch_library(name)
        sys.meta_path.insert(0, _AfterImport())
    except Exception as error:
        _send({"e": "problem", "what": "cannot install the hooks: %s" % error, "t": _now()})
    return True
