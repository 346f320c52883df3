#!/usr/bin/env python3
"""Opens sluice's HTML pages in headless Chromium and checks what a person would see.

For each page: no console error, no uncaught exception, no network request other
than the page itself, and at least the expected number of SVG charts that draw
something (a path with a non-empty `d`, or a rect, circle, line or polyline).
A screenshot of each page is written beside the report when --screenshots is given.

Chromium is driven over its DevTools protocol on a pipe (--remote-debugging-pipe:
NUL-separated JSON on file descriptors 3 and 4), so only the Python standard
library is needed.

Usage:
  browser_check.py [--chromium PATH] [--screenshots DIR] [--size W,H] PAGE.html:MIN_CHARTS ...
Exit status: 0 when every page passes, 1 when one fails, 2 on a usage error.
"""
import argparse, base64, fcntl, json, os, shutil, subprocess, sys, tempfile, time

COUNT_CHARTS = r"""
(() => {
  const drawn = svg => [...svg.querySelectorAll('path')].some(p => (p.getAttribute('d') || '').trim().length > 0)
    || svg.querySelector('rect, circle, line, polyline') !== null;
  const charts = [...document.querySelectorAll('svg')].filter(svg => !svg.parentElement.closest('svg'));
  return {charts: charts.length, drawn: charts.filter(drawn).length, text: document.body.innerText.length};
})()
"""


class Browser:
    """One headless Chromium, spoken to over the DevTools pipe."""

    def __init__(self, executable, size="1280,1600"):
        self.profile = tempfile.mkdtemp(prefix="sluice-chromium-")
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()
        # Chromium reads commands on fd 3 and writes replies on fd 4. The child's ends are
        # first moved above 9, so that putting one on 3 or 4 cannot close the other.
        to_browser_read = self.moved_high(to_browser_read)
        from_browser_write = self.moved_high(from_browser_write)
        def wire():
            os.dup2(to_browser_read, 3)
            os.dup2(from_browser_write, 4)
        self.process = subprocess.Popen(
            [executable, "--headless=new", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--hide-scrollbars", f"--window-size={size}",
             f"--user-data-dir={self.profile}", "about:blank"],
            pass_fds=(3, 4), preexec_fn=wire,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    @staticmethod
    def moved_high(descriptor):
        high = fcntl.fcntl(descriptor, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(descriptor)
        return high

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        return self.reply(self.next_id)

    def read_message(self, deadline):
        while b"\0" not in self.buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self.from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed its pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def reply(self, wanted, timeout=30):
        deadline = time.monotonic() + timeout
        while True:
            message = self.read_message(deadline)
            if message.get("id") == wanted:
                if "error" in message:
                    raise RuntimeError(f"DevTools error: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, method, session, timeout=30):
        deadline = time.monotonic() + timeout
        for index, event in enumerate(self.events):
            if event.get("method") == method and event.get("sessionId") == session:
                return self.events.pop(index)
        while True:
            message = self.read_message(deadline)
            if message.get("method") == method and message.get("sessionId") == session:
                return message
            self.events.append(message)

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def check_page(browser, path, minimum, screenshots):
    url = "file://" + os.path.abspath(path)
    target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for domain in ("Page", "Runtime", "Log", "Network"):
        browser.send(f"{domain}.enable", session=session)
    browser.events.clear()
    browser.send("Page.navigate", {"url": url}, session=session)
    browser.wait_for("Page.loadEventFired", session)
    # Let late console messages and requests (fonts, images) arrive.
    browser.send("Runtime.evaluate", {"expression": "new Promise(r => setTimeout(r, 300))", "awaitPromise": True}, session=session)
    counts = browser.send("Runtime.evaluate", {"expression": COUNT_CHARTS, "returnByValue": True}, session=session)["result"]["value"]
    problems = []
    for event in browser.events:
        if event.get("sessionId") != session:
            continue
        method, params = event.get("method"), event.get("params", {})
        if method == "Network.requestWillBeSent":
            requested = params["request"]["url"]
            if requested != url and not requested.startswith("data:"):
                problems.append(f"network request: {requested}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            text = " ".join(str(arg.get("value", arg.get("description", ""))) for arg in params.get("args", []))
            problems.append(f"console error: {text}")
        elif method == "Runtime.exceptionThrown":
            problems.append(f"exception: {params['exceptionDetails'].get('text')}")
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            problems.append(f"console error: {params['entry'].get('text')}")
    if counts["drawn"] < minimum:
        problems.append(f"{counts['drawn']} drawn SVG charts of {counts['charts']}; expected at least {minimum}")
    if counts["text"] == 0:
        problems.append("the page shows no text")
    if screenshots:
        os.makedirs(screenshots, exist_ok=True)
        shot = browser.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": False}, session=session)
        name = os.path.splitext(os.path.basename(path))[0] + ".png"
        with open(os.path.join(screenshots, name), "wb") as out:
            out.write(base64.b64decode(shot["data"]))
    browser.send("Target.closeTarget", {"targetId": target})
    return counts, problems


def main():
    parser = argparse.ArgumentParser(description="Check sluice's HTML pages in headless Chromium.")
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser") or "chromium")
    parser.add_argument("--screenshots", help="write a PNG of each page into this folder")
    parser.add_argument("--size", default="1280,1600", help="the window's width,height in pixels (default 1280,1600)")
    parser.add_argument("pages", nargs="+", metavar="PAGE.html:MIN_CHARTS")
    args = parser.parse_args()
    pages = []
    for spec in args.pages:
        path, _, minimum = spec.rpartition(":")
        if not path or not minimum.isdigit() or not os.path.isfile(path):
            parser.error(f"expected an existing PAGE.html:MIN_CHARTS, got '{spec}'")
        pages.append((path, int(minimum)))
    browser = Browser(args.chromium, args.size)
    failed = False
    try:
        for path, minimum in pages:
            counts, problems = check_page(browser, path, minimum, args.screenshots)
            status = "ok" if not problems else "FAILED"
            print(f"{status}: {path}: {counts['drawn']} drawn charts of {counts['charts']} (at least {minimum})")
            for problem in problems:
                print(f"  {problem}")
            failed = failed or bool(problems)
    finally:
        browser.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
