#!/usr/bin/python3
"""aiohttp_peer.py URL TOTAL LIMIT

The aiohttp peer of bench/run-benchmarks.sh: TOTAL GETs of URL, the way the lesson's asyncio programs do
them. LIMIT > 0 holds each request inside an asyncio.Semaphore(LIMIT) (limited mode, W1 and W3); LIMIT 0
starts them all at once with asyncio.gather (W2). The connector has no cap of its own (limit=0), so the
semaphore is the only limit, as Crawlscope's gate is. Bodies are read in full and discarded.

Prints "wall_ms=<first request to last response> ok=<HTTP 200 answers>"; exits 1 unless all were 200.
Needs Debian's python3-aiohttp: run it with /usr/bin/python3.
"""
import asyncio
import sys
import time

import aiohttp


async def main(url, total, limit):
    semaphore = asyncio.Semaphore(limit) if limit > 0 else None
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def fetch():
            async with session.get(url) as response:
                await response.read()
                return response.status == 200

        async def limited():
            async with semaphore:
                return await fetch()

        start = time.perf_counter_ns()
        results = await asyncio.gather(*(limited() if semaphore else fetch() for _ in range(total)),
                                       return_exceptions=True)
        wall_ns = time.perf_counter_ns() - start
    ok = sum(1 for r in results if r is True)
    print(f"wall_ms={wall_ns / 1e6:.1f} ok={ok}")
    return 0 if ok == total else 1


if __name__ == "__main__":
    if len(sys.argv) != 4 or not sys.argv[2].isdigit() or not sys.argv[3].isdigit():
        sys.exit(__doc__.strip().splitlines()[0].join(["usage: ", ""]))
    sys.exit(asyncio.run(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))))
