"""python3 -m crawlscope_trace PROGRAM.py [ARGS...]: runs PROGRAM as python3 would, traced for Crawlscope."""

import runpy
import sys


def main():
    if len(sys.argv) < 2:
        sys.stderr.write("usage: python3 -m crawlscope_trace PROGRAM.py [ARGS...]\n")
        return 2
    try:
        import crawlscope_trace
        crawlscope_trace.install()
    except Exception:
        pass  # untraced is better than not run: Crawlscope says the tracer was not active
    program = sys.argv[1]
    sys.argv = sys.argv[1:]
    sys.path[0] = __import__("os").path.dirname(__import__("os").path.abspath(program))
    runpy.run_path(program, run_name="__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main())
