// Charts and maps of the government-service pages (aid statistics, zone results, overseas
// institutions). Data comes from json_script elements; containers say what to draw:
//   <div data-gs-chart="bar|pie|years|map" data-source="<json id>" data-key="<field>">
// Words drawn on a chart come from the container in the page's language: data-label-projects,
// data-label-trainees and data-label-trainees-axis (years); data-label-lng and data-label-lat
// (the map's fallback axes). A map may name a json_script of country names by ISO code in
// data-geo-names (English pages): the outline file's own names are Chinese. No inline scripts (CSP).
(function () {
  "use strict";

  function read(id) {
    const el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  const builders = {
    bar(rows) {
      return {
        tooltip: { trigger: "axis" },
        grid: { left: 110, right: 30, top: 20, bottom: 30 },
        xAxis: { type: "value", minInterval: 1 },
        yAxis: { type: "category", inverse: true, data: rows.map((r) => r.label) },
        series: [{ type: "bar", data: rows.map((r) => r.n), itemStyle: { color: "#b71c1c" } }],
      };
    },
    pie(rows) {
      return {
        tooltip: { trigger: "item" },
        series: [{ type: "pie", radius: ["35%", "65%"], data: rows.map((r) => ({ name: r.label, value: r.n })) }],
      };
    },
    years(rows, labels) {
      return {
        tooltip: { trigger: "axis" },
        legend: { top: 0, data: [labels.labelProjects, labels.labelTrainees] },
        grid: { left: 50, right: 50, top: 50, bottom: 30 },
        xAxis: { type: "category", data: rows.map((r) => r.label) },
        yAxis: [{ type: "value", name: labels.labelProjects, minInterval: 1 }, { type: "value", name: labels.labelTraineesAxis, minInterval: 1 }],
        series: [
          { name: labels.labelProjects, type: "bar", data: rows.map((r) => r.projects), itemStyle: { color: "#b71c1c" } },
          { name: labels.labelTrainees, type: "line", yAxisIndex: 1, data: rows.map((r) => r.trainees) },
        ],
      };
    },
    scores(rows) {
      return {
        tooltip: { trigger: "axis" },
        grid: { left: 160, right: 30, top: 20, bottom: 30 },
        xAxis: { type: "value", max: 100 },
        yAxis: { type: "category", inverse: true, data: rows.map((r) => r.label) },
        series: [{ type: "bar", data: rows.map((r) => r.n), label: { show: true, position: "right" }, itemStyle: { color: "#b71c1c" } }],
      };
    },
  };

  function points(rows) {
    return rows.map((r) => ({ name: r.name, value: [r.lng, r.lat, r.kind_label], url: r.url }));
  }

  function mapOption(rows, geo, labels) {
    const series = [{ type: "scatter", coordinateSystem: geo ? "geo" : "cartesian2d", symbolSize: 12, data: points(rows), itemStyle: { color: "#b71c1c" } }];
    const tooltip = { trigger: "item", formatter: (p) => `${p.name}<br>${p.value[2]}` };
    if (geo) {
      return { tooltip, geo: { map: "world", roam: true, itemStyle: { areaColor: "#f3efe9", borderColor: "#bbb" } }, series };
    }
    // Fallback when the world outline cannot be loaded: longitude/latitude on plain axes.
    return { tooltip, xAxis: { type: "value", min: -180, max: 180, name: labels.labelLng }, yAxis: { type: "value", min: -60, max: 80, name: labels.labelLat }, series };
  }

  function drawMap(el, rows) {
    const chart = window.echarts.init(el);
    const url = el.dataset.geo;
    const draw = (geo) => chart.setOption(mapOption(rows, geo, el.dataset));
    const names = el.dataset.geoNames ? read(el.dataset.geoNames) : null;
    const rename = (geo) => {
      if (names) { geo.features.forEach((f) => { f.properties.name = names[f.properties.iso_a2] || ""; }); }
      return geo;
    };
    if (!url) { draw(false); return chart; }
    fetch(url).then((res) => res.json()).then((geo) => { window.echarts.registerMap("world", rename(geo)); draw(true); }).catch(() => draw(false));
    chart.on("click", (p) => { if (p.data && p.data.url) { window.location.href = p.data.url; } });
    return chart;
  }

  function init() {
    if (!window.echarts) { return; }
    const charts = [];
    document.querySelectorAll("[data-gs-chart]").forEach((el) => {
      const data = read(el.dataset.source);
      if (!data) { return; }
      const rows = el.dataset.key ? data[el.dataset.key] : data;
      if (!rows || !rows.length) { el.hidden = true; return; }
      if (el.dataset.gsChart === "map") { charts.push(drawMap(el, rows)); return; }
      const chart = window.echarts.init(el);
      chart.setOption(builders[el.dataset.gsChart](rows, el.dataset));
      charts.push(chart);
    });
    window.addEventListener("resize", () => charts.forEach((c) => c.resize()));
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
