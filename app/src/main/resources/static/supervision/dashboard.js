// Supervision dashboard: bars by scope (city → county → subject), monthly trends of the city, and the most urgent
// open cases of the selected scope. The figures come embedded in the page (window.SUPERVISION_DATA); so do the
// jurisdiction's most urgent open cases, and a drill-down asks /cases for those of a county or subject.
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

  // The open cases of the selected scope, most urgent first: the jurisdiction's come with the page; a county's or a
  // subject's are asked of /cases (same origin: the console relays the request as it relays the page).
  var casesOfScope = {};

  function scopeQuery() {
    if (path.length === 2) { return 'subject=' + encodeURIComponent(path[1].code); }
    if (path.length === 1) { return 'county=' + encodeURIComponent(path[0].code); }
    return '';
  }

  function renderCases() {
    var query = scopeQuery();
    if (query === '') {
      showCases(data.cases, data.openCases.total);
      return;
    }
    if (casesOfScope[query]) {
      showCases(casesOfScope[query].cases, casesOfScope[query].total);
      return;
    }
    var url = data.casesUrl + '?asOf=' + data.asOf + '&limit=' + data.casesShown + '&' + query;
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) { throw new Error(r.status); }
      var total = Number(r.headers.get('X-Total-Count'));
      return r.json().then(function (cases) { return { cases: cases, total: total }; });
    }).then(function (answer) {
      casesOfScope[query] = answer;
      if (scopeQuery() === query) { showCases(answer.cases, answer.total); }
    }).catch(function (e) {
      document.getElementById('case-caption').textContent = '未结案件加载失败（' + e.message + '）';
    });
  }

  function showCases(cases, total) {
    document.getElementById('case-caption').textContent = '未结案件 ' + total + ' 件' +
      (total > cases.length ? '，列出最紧急的 ' + cases.length + ' 件（全部见 CSV 导出）' : '');
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
