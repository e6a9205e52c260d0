// Ops page: latency per provider over the last hour (p50 solid, p95 dashed, one colour per provider), from the
// monitoring records embedded in the page (window.OPS_LATENCY).
(function () {
  'use strict';
  var data = window.OPS_LATENCY;
  var chart = echarts.init(document.getElementById('latency-chart'));
  var series = [];
  var legend = [];
  data.series.forEach(function (s) {
    legend.push(s.provider + ' p50', s.provider + ' p95');
    series.push({ name: s.provider + ' p50', type: 'line', showSymbol: true, data: s.p50.map(function (p) { return [p[0], p[1], p[2]]; }) });
    series.push({ name: s.provider + ' p95', type: 'line', showSymbol: true, lineStyle: { type: 'dashed' },
      data: s.p95.map(function (p) { return [p[0], p[1], p[2]]; }) });
  });
  chart.setOption({
    animation: false,
    title: { text: series.length ? '' : '最近一小时没有调用 · no calls in the last hour', left: 'center', top: 'middle',
      textStyle: { color: '#6b7280', fontSize: 14 } },
    tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + ' ms'; } },
    legend: { top: 4, data: legend },
    grid: { top: 40, left: 60, right: 30, bottom: 40 },
    xAxis: { type: 'time', min: data.from, max: data.to },
    yAxis: { type: 'value', name: 'ms' },
    series: series
  });
  document.getElementById('latency-chart').setAttribute('data-series', String(series.length));
})();
