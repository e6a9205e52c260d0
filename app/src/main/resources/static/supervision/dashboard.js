// Supervision dashboard: bars by scope (city → county → subject), monthly trends of the city, and the open
// cases of the selected scope. All data comes embedded in the page (window.SUPERVISION_DATA).
(function () {
  'use strict';
  var data = window.SUPERVISION_DATA;
  var scopeChart = echarts.init(document.getElementById('scope-chart'));
  var trendChart = echarts.init(document.getElementById('trend-chart'));
  var path = []; // [] = city, [county] = county, [county, subject] = subject

  function pct(v) { return v === null || v === undefined ? null : Math.round(v * 1000) / 10; }

  function childrenOfSelection() {
    if (path.length === 0) { return data.counties; }
    return data.subjects.filter(function (s) { return s.parentCode === path[0].code; });
  }

  function renderCrumbs() {
    var crumbs = document.getElementById('crumbs');
    crumbs.textContent = '';
    var city = document.createElement('a');
    city.textContent = '全市';
    city.onclick = function () { path = []; render(); };
    crumbs.appendChild(city);
    path.forEach(function (p, i) {
      crumbs.appendChild(document.createTextNode(' › '));
      var a = document.createElement('a');
      a.textContent = p.name;
      a.onclick = function () { path = path.slice(0, i + 1); render(); };
      crumbs.appendChild(a);
    });
  }

  function renderScope() {
    var rows = childrenOfSelection();
    scopeChart.setOption({
      title: { text: path.length === 0 ? '各区县立案、结案与结案率' : path[0].name + ' 各执法主体' },
      tooltip: { trigger: 'axis' },
      legend: { top: 28, data: ['立案数', '结案数', '超期未结', '结案率 %'] },
      grid: { top: 70 },
      xAxis: { type: 'category', data: rows.map(function (r) { return r.name; }), axisLabel: { interval: 0, rotate: 20 } },
      yAxis: [{ type: 'value', name: '件' }, { type: 'value', name: '%', max: 100 }],
      series: [
        { name: '立案数', type: 'bar', data: rows.map(function (r) { return r.measures.FILED; }) },
        { name: '结案数', type: 'bar', data: rows.map(function (r) { return r.measures.CLOSED; }) },
        { name: '超期未结', type: 'bar', data: rows.map(function (r) { return r.measures.FILED_OPEN_OVERDUE; }) },
        { name: '结案率 %', type: 'line', yAxisIndex: 1, data: rows.map(function (r) { return pct(r.indicators.CLOSURE_RATE); }) }
      ]
    }, true);
    scopeChart.off('click');
    scopeChart.on('click', function (e) {
      var row = rows[e.dataIndex];
      if (path.length < 2) { path = path.concat([{ code: row.code, name: row.name }]); render(); }
    });
  }

  function renderTrend() {
    trendChart.setOption({
      title: { text: '全辖区按月趋势' },
      tooltip: { trigger: 'axis' },
      legend: { top: 28, data: ['立案数', '结案数', '公示及时率 %', '罚款缴清率 %'] },
      grid: { top: 70 },
      xAxis: { type: 'category', data: data.city.map(function (r) { return r.month; }) },
      yAxis: [{ type: 'value', name: '件' }, { type: 'value', name: '%', max: 100 }],
      series: [
        { name: '立案数', type: 'bar', data: data.city.map(function (r) { return r.measures.FILED; }) },
        { name: '结案数', type: 'bar', data: data.city.map(function (r) { return r.measures.CLOSED; }) },
        { name: '公示及时率 %', type: 'line', yAxisIndex: 1, data: data.city.map(function (r) { return pct(r.indicators.PUBLICATION_TIMELINESS); }) },
        { name: '罚款缴清率 %', type: 'line', yAxisIndex: 1, data: data.city.map(function (r) { return pct(r.indicators.PAYMENT_RATE); }) }
      ]
    }, true);
  }

  function renderCases() {
    var subjectsOfCounty = path.length === 0 ? null : data.subjects
      .filter(function (s) { return s.parentCode === path[0].code; }).map(function (s) { return s.code; });
    var cases = data.cases.filter(function (c) {
      if (path.length === 2) { return c.subject === path[1].code; }
      if (path.length === 1) { return subjectsOfCounty.indexOf(c.subject) >= 0; }
      return true;
    });
    var body = document.querySelector('#case-table tbody');
    body.textContent = '';
    cases.forEach(function (c) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-case', c.caseNumber);
      var first = c.deadlines.length ? c.deadlines[0] : null;
      [c.caseNumber, c.subjectName, c.stage, c.state, c.nextDue || '—', first ? first.rule + '（' + first.article + '）' : '—']
        .forEach(function (text, i) {
          var td = document.createElement('td');
          td.textContent = text;
          if (i === 3) { td.className = c.state; }
          tr.appendChild(td);
        });
      body.appendChild(tr);
    });
  }

  function render() { renderCrumbs(); renderScope(); renderTrend(); renderCases(); }

  render();
  window.addEventListener('resize', function () { scopeChart.resize(); trendChart.resize(); });
}());
