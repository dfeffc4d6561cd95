#!/usr/bin/python3
"""Fill Korean translations from incoming/*.tsv into crawlscope_ko.ts.

Run it after lupdate has added the new strings (see README.md in this folder):

    /usr/lib/qt6/bin/lupdate -no-obsolete -locations none app ui -ts resources/translations/crawlscope_ko.ts
    resources/translations/merge-incoming.py

Each line of an incoming file is "context<TAB>source<TAB>Korean", with newlines in the source and the
translation written as \\n (and a backslash as \\\\). A line fills the message of that context and source:
its translation is set and marked finished. Lines that match no message are listed, so nothing is dropped
silently; a translation that differs from a finished one already in the .ts is reported and, unless --force,
left as it was. Exit status: 0 when every line matched, 1 when some did not, 2 on bad input.
"""

import argparse
import glob
import os
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))


def unescape(text):
    out = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(nxt, "\\" + nxt))
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def read_incoming(paths):
    entries = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                parts = line.split("\t")
                if len(parts) != 3:
                    print(f"{path}:{number}: expected context<TAB>source<TAB>Korean, found {len(parts)} field(s)",
                          file=sys.stderr)
                    sys.exit(2)
                context, source, korean = (unescape(p) for p in parts)
                if not korean.strip():
                    print(f"{path}:{number}: empty translation for {source!r}", file=sys.stderr)
                    sys.exit(2)
                entries.append((path, number, context, source, korean))
    return entries


def set_translation(message, korean):
    translation = message.find("translation")
    if translation is None:
        translation = ET.SubElement(message, "translation")
    translation.attrib.pop("type", None)
    if message.get("numerus") == "yes":
        # Korean has one plural form.
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        form = ET.SubElement(translation, "numerusform")
        form.text = korean
    else:
        translation.text = korean


def current_translation(message):
    translation = message.find("translation")
    if translation is None:
        return None, True
    unfinished = translation.get("type") in ("unfinished", "vanished", "obsolete")
    if message.get("numerus") == "yes":
        forms = translation.findall("numerusform")
        return (forms[0].text if forms else None), unfinished
    return translation.text, unfinished


def escape(text):
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") \
        .replace('"', "&quot;").replace("'", "&apos;")


def attributes(element):
    return "".join(f' {name}="{escape(value)}"' for name, value in element.attrib.items())


def write_ts(tree, path):
    """Writes the file as lupdate does, so that lupdate and this script leave each other's output unchanged."""
    root = tree.getroot()
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", f"<TS{attributes(root)}>"]
    for context in root:
        out.append(f"<{context.tag}{attributes(context)}>")
        for child in context:
            if child.tag != "message":
                out.append(f"    <{child.tag}{attributes(child)}>{escape(child.text)}</{child.tag}>")
                continue
            out.append(f"    <message{attributes(child)}>")
            for part in child:
                forms = list(part)
                if part.tag == "translation" and forms:
                    out.append(f"        <translation{attributes(part)}>")
                    for form in forms:
                        out.append(f"            <{form.tag}{attributes(form)}>{escape(form.text)}</{form.tag}>")
                    out.append("        </translation>")
                else:
                    out.append(f"        <{part.tag}{attributes(part)}>{escape(part.text)}</{part.tag}>")
            out.append("    </message>")
        out.append(f"</{context.tag}>")
    out.append("</TS>")
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    os.replace(tmp, path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ts", default=os.path.join(HERE, "crawlscope_ko.ts"))
    parser.add_argument("--force", action="store_true", help="overwrite finished translations that differ")
    parser.add_argument("tsv", nargs="*", help="default: incoming/*.tsv beside this script")
    args = parser.parse_args()

    paths = args.tsv or sorted(glob.glob(os.path.join(HERE, "incoming", "*.tsv")))
    entries = read_incoming(paths)
    tree = ET.parse(args.ts)
    messages = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            messages[(name, message.findtext("source"))] = message

    unmatched = 0
    filled = 0
    for path, number, context, source, korean in entries:
        message = messages.get((context, source))
        if message is None:
            print(f"{path}:{number}: no message {source!r} in context {context} (run lupdate first?)",
                  file=sys.stderr)
            unmatched += 1
            continue
        old, unfinished = current_translation(message)
        if old and not unfinished and old != korean and not args.force:
            print(f"{path}:{number}: {context} {source!r} is already translated as {old!r}; kept (use --force)",
                  file=sys.stderr)
            continue
        set_translation(message, korean)
        filled += 1

    write_ts(tree, args.ts)
    print(f"{filled} translation(s) filled from {len(paths)} file(s); {unmatched} line(s) matched nothing")
    return 1 if unmatched else 0


if __name__ == "__main__":
    sys.exit(main())
