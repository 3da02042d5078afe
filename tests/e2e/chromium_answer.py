#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Answers a round through headless Chromium against `rapport pulse serve` on loopback.

    chromium_answer.py URL CODE [SCREENSHOT_FOLDER]

Chromium reads the answer page (it must parse as our form), then submits the page's own form as a
browser does — a local harness page fills the fields and submits a copy of it — and must land on
the thank-you page. With SCREENSHOT_FOLDER, also writes phone.png (390 px wide) and desktop.png
(1280 px) of the page. Exits 0 when all went as it should; 77 when Chromium is not installed.
"""
import html
import pathlib
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
         "--disable-background-networking", "--disable-sync", "--mute-audio"]


def chromium(profile, *arguments):
    command = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *arguments]
    done = subprocess.run(command, capture_output=True, text=True, timeout=90)
    return done.stdout


def main():
    if not CHROMIUM:
        print("chromium_answer.py: Chromium is not installed; skipped", file=sys.stderr)
        return 77
    url, code = sys.argv[1:3]
    host = urllib.parse.urlsplit(url).hostname
    if host not in ("127.0.0.1", "::1", "localhost"):
        sys.exit(f"chromium_answer.py: {url} is not on loopback")
    failures = []
    with tempfile.TemporaryDirectory(prefix="rapport-chromium-") as folder:
        profile = pathlib.Path(folder) / "profile"
        page = chromium(profile, "--dump-dom", url)
        if '<form method="post" action="/"' not in page or 'name="q1"' not in page:
            failures.append("Chromium did not read the answer page:\n" + page[:400])
        # The page's own fields, filled in and posted by a browser, as a person would.
        fields = {"code": code, "group": "1", "q1": "5", "q2": "4", "q3": "4", "c1": "Seen by Chromium", "comment": "From a browser"}
        inputs = "".join(f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">' for k, v in fields.items())
        harness = pathlib.Path(folder) / "submit.html"
        harness.write_text(f'<!doctype html><form method="post" action="{html.escape(url)}">{inputs}</form>'
                           "<script>document.forms[0].submit()</script>")
        landed = chromium(profile, "--virtual-time-budget=10000", "--dump-dom", harness.as_uri())
        if "<h1>" not in landed or 'name="q1"' in landed:
            failures.append("Chromium did not land on the thank-you page:\n" + landed[:400])
        if len(sys.argv) > 3:
            out = pathlib.Path(sys.argv[3])
            for name, width in (("phone", 390), ("desktop", 1280)):
                chromium(profile, f"--window-size={width},1500", "--hide-scrollbars", f"--screenshot={out / (name + '.png')}", url)
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
