"""One page load in Chromium as a phone on slow 4G, measured through the DevTools protocol."""

import statistics
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Chromium DevTools' "Slow 4G" preset (devtools-frontend, front_end/core/sdk/NetworkManager.ts,
# Slow4GConditions: 1.6 Mbps × 0.9 down, 750 kbps × 0.9 up, 150 ms RTT × 3.75 as per-request
# latency), which is also what Lighthouse's mobile preset applies when it throttles through
# DevTools (lighthouse core/config/constants.js, mobileSlow4G: rttMs 150, throughputKbps 1638.4,
# requestLatencyMs 150 × 3.75, cpuSlowdownMultiplier 4).
SLOW_4G = {"offline": False, "latency": 562.5, "downloadThroughput": 180_000, "uploadThroughput": 84_375}
CPU_SLOWDOWN = 4

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
    "locale": "zh-CN",
    "user_agent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36",
}

# Keeps the last largest-contentful-paint entry (the final LCP) and what it was.
LCP_OBSERVER = """
window.__lcp = null;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const el = entry.element;
    const text = el ? (el.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 40) : "";
    window.__lcp = {ms: entry.startTime, size: entry.size, url: entry.url,
                    element: el ? el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className ? "." + String(el.className).split(" ")[0] : "") : "", text: text};
  }
}).observe({type: "largest-contentful-paint", buffered: true});
"""

TIMINGS = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  return {ttfb_ms: nav.responseStart, fcp_ms: fcp ? fcp.startTime : null,
          dom_content_loaded_ms: nav.domContentLoadedEventEnd, load_ms: nav.loadEventEnd,
          html_class: document.documentElement.className, lcp: window.__lcp};
}"""


class NetworkLog:
    """Every request of the load, from the DevTools protocol's Network events."""

    def __init__(self, cdp):
        self.requests = {}
        self.ignored = set()
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.responseReceived", self._received)
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.loadingFailed", self._failed)

    def _sent(self, event):
        if urlsplit(event["request"]["url"]).path == "/favicon.ico":
            # Asked for by the browser, not the page, and only for some documents in headless
            # Chromium (the text one, not the HTML ones): left out so every page counts alike.
            self.ignored.add(event["requestId"])
            return
        self.requests.setdefault(event["requestId"], {"url": event["request"]["url"], "bytes": 0})

    def _received(self, event):
        if event["requestId"] in self.ignored:
            return
        response = event["response"]
        headers = {k.lower(): v for k, v in response["headers"].items()}
        self.requests.setdefault(event["requestId"], {"url": response["url"], "bytes": 0}).update(
            status=response["status"],
            type=event["type"],
            encoding=headers.get("content-encoding", ""),
            cache_control=headers.get("cache-control", ""),
        )

    def _finished(self, event):
        if event["requestId"] in self.ignored:
            return
        # encodedDataLength: bytes received for the request on the wire — headers and the body as
        # sent, compressed or not; what DevTools' Network panel calls "transferred".
        self.requests[event["requestId"]]["bytes"] = event["encodedDataLength"]

    def _failed(self, event):
        if event["requestId"] in self.ignored:
            return
        self.requests[event["requestId"]]["failed"] = event.get("errorText", "failed")

    def resources(self):
        return sorted(self.requests.values(), key=lambda r: -r["bytes"])


def load_once(browser, url, *, cookies=(), settle_ms=1500, cpu_slowdown=CPU_SLOWDOWN, network=SLOW_4G):
    """Load ``url`` once in a fresh browser context (empty cache, no open connections)."""
    context = browser.new_context(**PHONE)
    try:
        if cookies:
            context.add_cookies(list(cookies))
        context.add_init_script(LCP_OBSERVER)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        log = NetworkLog(cdp)
        cdp.send("Network.enable")
        if network:
            cdp.send("Network.emulateNetworkConditions", network)
        if cpu_slowdown > 1:
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown})
        response = page.goto(url, wait_until="load", timeout=120_000)
        page.wait_for_timeout(settle_ms)  # late paints and late requests (favicon, lazy scripts)
        timings = page.evaluate(TIMINGS)
        resources = log.resources()
        lcp = timings.pop("lcp") or {}
        return {
            "status": response.status,
            "bytes": sum(r["bytes"] for r in resources),
            "requests": len(resources),
            "failed": [r["url"] for r in resources if r.get("failed")],
            "lcp_ms": lcp.get("ms"),
            "lcp_element": lcp.get("element", ""),
            "lcp_text": lcp.get("text", ""),
            "lcp_url": lcp.get("url", ""),
            **timings,
            "resources": resources,
        }
    finally:
        context.close()


def summarise(loads):
    """Medians (and the spread of LCP) over several loads of one page."""

    def median(key):
        values = [load[key] for load in loads if load.get(key) is not None]
        return round(statistics.median(values), 1) if values else None

    lcps = sorted(load["lcp_ms"] for load in loads if load["lcp_ms"] is not None)
    first = loads[0]
    return {
        "runs": len(loads),
        "bytes": int(statistics.median(load["bytes"] for load in loads)),
        "requests": int(statistics.median(load["requests"] for load in loads)),
        "lcp_ms": median("lcp_ms"),
        "lcp_min_ms": round(lcps[0], 1) if lcps else None,
        "lcp_max_ms": round(lcps[-1], 1) if lcps else None,
        "ttfb_ms": median("ttfb_ms"),
        "fcp_ms": median("fcp_ms"),
        "load_ms": median("load_ms"),
        "lcp_element": first["lcp_element"],
        "lcp_text": first["lcp_text"],
        "html_class": first["html_class"],
        "html_encoding": next((r.get("encoding", "") for r in first["resources"] if r.get("type") == "Document"), ""),
        "failed": first["failed"],
        "resources": [{k: r.get(k) for k in ("url", "type", "status", "bytes", "encoding")} for r in first["resources"]],
    }
