#!/usr/bin/python3
"""Write crawlscope.1, and the READMEs' command-line reference, from the binary's own --help, so neither can
drift from it.

    make-manpage.py BINARY OUTPUT VERSION [DATE]      write the page
    make-manpage.py --check BINARY PAGE VERSION [DATE] exit 1, naming the difference, if PAGE is not what
                                                     BINARY's --help gives now
    make-manpage.py --readme BINARY README...         rewrite each README's reference block (between the
                                                     README_BEGIN and README_END lines) from --help
    make-manpage.py --check-readme BINARY README...   exit 1, naming the line, if a block is not what
                                                     --help gives now

The page is read in English (LANG=C.UTF-8) from `crawlscope --help` and each command's `--help`; a README
named README.LANG.md gets the help in that language (README.ko.md: LANG=ko_KR.UTF-8).
"""

import os
import re
import subprocess
import sys

COMMANDS = [
    ("run", "Fetch the URLs and report every request's timings."),
    ("code", "Print the Python program of the same run."),
    ("serve-demo", "Serve the built-in demo server."),
    ("recover", "Recover the runs an ended Crawlscope journaled and never saved."),
    ("capture", "Record another program's requests through a local proxy."),
]

README_BEGIN = "<!-- crawlscope --help: begin. Written by packaging/make-manpage.py --readme; do not edit by hand. -->"
README_END = "<!-- crawlscope --help: end -->"
LOCALES = {"ko": "ko_KR.UTF-8"}


def help_text(binary, *args, locale="C.UTF-8"):
    # HOME="~" so that paths the help names (the journals' folder) read the same for every builder.
    env = dict(os.environ, LANG=locale, LC_ALL=locale, LANGUAGE="", QT_QPA_PLATFORM="offscreen", HOME="~")
    env.pop("XDG_STATE_HOME", None)
    result = subprocess.run([binary, *args, "--help"], capture_output=True, text=True, env=env, timeout=60)
    if result.returncode != 0:
        sys.exit(f"{binary} {' '.join(args)} --help exited with {result.returncode}: {result.stderr}")
    return result.stdout


def roff(text):
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(("\\&" + line) if line.startswith((".", "'")) else line for line in text.split("\n"))


def parse(text):
    """The description and the options of a QCommandLineParser help text."""
    lines = text.rstrip("\n").split("\n")
    description = []
    options = []
    section = "usage"
    for line in lines:
        if line.startswith("Usage:"):
            section = "description"
            continue
        if line in ("Options:", "Arguments:"):
            section = line
            continue
        if section == "description":
            if line.strip():
                description.append(line.strip())
        elif section == "Options:":
            match = re.match(r"^  (\S.*?)(?:\s{2,}(.*))?$", line)
            if match and line.startswith("  ") and not line.startswith("   "):
                options.append([match.group(1), match.group(2) or ""])
            elif options:
                options[-1][1] += " " + line.strip()
    return " ".join(description), [(name, desc.strip()) for name, desc in options
                                   if name not in ("-h, --help", "--help-all")]


def page(binary, version, date):
    top = help_text(binary)
    out = [f'.TH CRAWLSCOPE 1 "{date}" "Crawlscope {version}" "User Commands"',
           ".SH NAME",
           "crawlscope \\- web crawler and concurrency visualizer",
           ".SH SYNOPSIS"]
    for line in top.split("\n"):
        line = line.strip()
        if line.startswith("Usage:"):
            line = line[len("Usage:"):].strip()
        if line.startswith("crawlscope "):
            command = line.split("  ")[0].strip()
            out += [".br", roff(command)]
    out += [".SH DESCRIPTION",
            roff("Crawlscope draws every web request it makes on a timeline, so that sequential, fully "
                 "concurrent (gather) and limited (semaphore) fetching can be seen side by side. Without a "
                 "command it opens the window, on FILE if one is given (a URL list, or saved runs: "
                 ".json, .csv, .har). Without a display it prints the lesson's comparison instead.")]
    for command, summary in COMMANDS:
        description, options = parse(help_text(binary, command))
        out += [".SH " + roff(f"crawlscope {command}").upper().replace("\\-", "\\-"),
                roff(description or summary)]
        for name, desc in options:
            out += [".TP", "\\fB" + roff(name) + "\\fR", roff(desc)]
    out += [".SH OTHER OPTIONS",
            ".TP", "\\fB\\-\\-version\\fR, \\fB\\-v\\fR", "Print the version and the Qt version.",
            ".TP", "\\fB\\-\\-help\\fR, \\fB\\-h\\fR", "Print the usage; each command's \\fB\\-\\-help\\fR "
            "lists its options.",
            ".SH EXIT STATUS",
            "0 when the run completed (failed requests and skipped lines included), 2 on bad usage or when "
            "no valid URL is left, 1 on internal failure, 130 when interrupted.",
            ".SH ENVIRONMENT",
            ".TP", "\\fBLANG\\fR", "The language of the messages: Korean for ko_KR.UTF\\-8, else English.",
            ".TP", "\\fBCRAWLSCOPE_DEMO\\fR",
            "The demo server's base URL for the programs \\fBcrawlscope code\\fR writes.",
            ".SH SEE ALSO",
            "The user guide: /usr/share/crawlscope/doc/README.md (Korean: README.ko.md)."]
    return "\n".join(out) + "\n"


def readme_block(binary, locale):
    """The reference: the top-level usage, then each command's --help as the binary prints it."""
    out = [README_BEGIN, "", "```console", "$ crawlscope --help", help_text(binary, locale=locale).rstrip("\n"), "```"]
    for command, _ in COMMANDS:
        out += ["", f"#### `crawlscope {command}`", "", "```console", f"$ crawlscope {command} --help",
                help_text(binary, command, locale=locale).rstrip("\n"), "```"]
    out += ["", README_END]
    return "\n".join(out)


def readme_with_block(binary, path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    begin, end = text.find(README_BEGIN), text.find(README_END)
    if begin < 0 or end < begin:
        sys.exit(f"{path}: no command-line reference block ({README_BEGIN!r} ... {README_END!r})")
    language = re.match(r"README\.([a-z]{2})\.md$", os.path.basename(path))
    locale = LOCALES[language.group(1)] if language else "C.UTF-8"
    return text, text[:begin] + readme_block(binary, locale) + text[end + len(README_END):]


def readmes(binary, paths, check):
    status = 0
    for path in paths:
        existing, text = readme_with_block(binary, path)
        if existing == text:
            continue
        if not check:
            tmp = path + ".tmp"
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(text)
            os.replace(tmp, path)
            continue
        status = 1
        for number, (a, b) in enumerate(zip(existing.split("\n"), text.split("\n")), 1):
            if a != b:
                print(f"{path}:{number}: the README says\n  {a}\nbut --help gives\n  {b}\n"
                      f"Run: packaging/make-manpage.py --readme BINARY {path}", file=sys.stderr)
                break
    return status


def main():
    args = sys.argv[1:]
    if len(args) >= 3 and args[0] in ("--readme", "--check-readme"):
        return readmes(args[1], args[2:], args[0] == "--check-readme")
    check = bool(args) and args[0] == "--check"
    if check:
        args = args[1:]
    if len(args) not in (3, 4):
        sys.exit(__doc__)
    binary, path, version = args[:3]
    date = args[3] if len(args) == 4 else "2026-11-30"
    text = page(binary, version, date)
    if check:
        with open(path, encoding="utf-8") as f:
            existing = f.read()
        if existing != text:
            old, new = existing.split("\n"), text.split("\n")
            for number, (a, b) in enumerate(zip(old, new), 1):
                if a != b:
                    print(f"{path}:{number}: the page says\n  {a}\nbut --help gives\n  {b}", file=sys.stderr)
                    break
            else:
                print(f"{path}: {len(old)} lines, --help gives {len(new)}", file=sys.stderr)
            return 1
        return 0
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
