/* Consultation dashboard charts: data from the json_script block, one ECharts instance per
   [data-consultation-chart] element (count as bars; on-time rate and satisfaction as lines). */
(function () {
  "use strict";
  function init() {
    var source = document.getElementById("consultation-charts");
    if (!source || !window.echarts) { return; }
    var data = JSON.parse(source.textContent);
    document.querySelectorAll("[data-consultation-chart]").forEach(function (el) {
      var d = data[el.getAttribute("data-consultation-chart")];
      if (!d) { return; }
      var chart = window.echarts.init(el);
      chart.setOption({
        tooltip: { trigger: "axis" },
        legend: { data: ["咨询量", "按时答复率(%)", "满意度(×20)"] },
        grid: { left: 48, right: 48, bottom: 64 },
        xAxis: { type: "category", data: d.labels, axisLabel: { rotate: d.labels.length > 6 ? 30 : 0 } },
        yAxis: [{ type: "value", name: "件" }, { type: "value", name: "%", max: 100 }],
        series: [
          { name: "咨询量", type: "bar", data: d.count, itemStyle: { color: "#b3261e" } },
          { name: "按时答复率(%)", type: "line", yAxisIndex: 1, data: d.on_time },
          { name: "满意度(×20)", type: "line", yAxisIndex: 1, data: d.satisfaction.map(function (v) { return v === null ? null : Math.round(v * 20); }) }
        ]
      });
      window.addEventListener("resize", function () { chart.resize(); });
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
