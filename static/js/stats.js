// Statistics charts (ECharts). Data comes from the json_script "stats-data"; each
// [data-chart] container names its dimension and chart type. The words drawn on the charts come
// from the wrapper's data-label-* attributes, in the page's language. No inline scripts (CSP).
(function () {
  "use strict";

  const wan = (usd) => Math.round(usd / 10000);

  function barOrLine(rows, type, words) {
    return {
      tooltip: { trigger: "axis" },
      legend: { data: [words.labelAmount, words.labelFilings] },
      grid: { left: 60, right: 50, bottom: 40 },
      xAxis: { type: "category", data: rows.map((r) => r.label) },
      yAxis: [{ type: "value", name: words.labelAmountAxis }, { type: "value", name: words.labelFilings }],
      series: [
        { name: words.labelAmount, type: type, data: rows.map((r) => wan(r.amount_usd)), smooth: true },
        { name: words.labelFilings, type: "line", yAxisIndex: 1, data: rows.map((r) => r.filings) },
      ],
    };
  }

  function hbar(rows, words) {
    const top = rows.slice(0, 12).reverse();
    return {
      tooltip: { trigger: "axis" },
      grid: { left: 150, right: 30 },
      xAxis: { type: "value", name: words.labelFilings },
      yAxis: { type: "category", data: top.map((r) => r.label) },
      series: [{ type: "bar", data: top.map((r) => r.filings) }],
    };
  }

  function pie(rows, words) {
    return {
      tooltip: { trigger: "item", formatter: words.labelPie },
      series: [{ type: "pie", radius: ["35%", "70%"], data: rows.map((r) => ({ name: r.label, value: r.filings })) }],
    };
  }

  // "{label}: {enterprises} …" with the row's values put in.
  function fill(template, data) {
    return template.replace(/\{(\w+)\}/g, (whole, key) => (key in data ? data[key] : whole));
  }

  function mapOption(map, rows, nameOf, extra, words) {
    const max = Math.max(1, ...rows.map((r) => r.enterprises));
    return {
      tooltip: { trigger: "item", formatter: (p) => (p.data ? fill(words.labelMap, p.data) : p.name) },
      visualMap: { min: 0, max: max, left: "left", bottom: 10, text: [words.labelHigh, words.labelLow], calculable: true },
      series: [Object.assign({ type: "map", map: map, roam: true, data: rows.map((r) => ({ name: nameOf(r), value: r.enterprises, label: r.label, filings: r.filings, enterprises: r.enterprises })) }, extra)],
    };
  }

  const maps = {};
  function loadMap(name, url) {
    if (!maps[name]) {
      maps[name] = fetch(url).then((res) => res.json()).then((geo) => { window.echarts.registerMap(name, geo); });
    }
    return maps[name];
  }

  function render(el, data, wrapper) {
    const rows = data[el.dataset.chart] || [];
    const words = wrapper.dataset;
    const chart = window.echarts.init(el);
    window.addEventListener("resize", () => chart.resize());
    switch (el.dataset.type) {
      case "line": chart.setOption(barOrLine(rows, "line", words)); break;
      case "bar": chart.setOption(barOrLine(rows, "bar", words)); break;
      case "hbar": chart.setOption(hbar(rows, words)); break;
      case "pie": chart.setOption(pie(rows, words)); break;
      case "hunan-map":
        loadMap("hunan", wrapper.dataset.hunanMap).then(() => {
          // Province-level enterprises have no city on the map; they are in the table.
          chart.setOption(mapOption("hunan", rows.filter((r) => r.key !== "province"), (r) => r.label, {}, words));
          el.dataset.rendered = "map";
        });
        return;
      case "world-map":
        loadMap("world", wrapper.dataset.worldMap).then(() => {
          chart.setOption(mapOption("world", rows, (r) => r.key, { nameProperty: "iso_a2", zoom: 1.1 }, words));
          el.dataset.rendered = "map";
        });
        return;
    }
    el.dataset.rendered = "chart";
  }

  function init() {
    const source = document.getElementById("stats-data");
    const wrapper = document.querySelector("[data-stats-charts]");
    if (!source || !wrapper || !window.echarts) return;
    const data = JSON.parse(source.textContent);
    wrapper.querySelectorAll("[data-chart]").forEach((el) => render(el, data, wrapper));
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
