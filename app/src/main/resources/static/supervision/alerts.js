// Alert console: the standing alerts come rendered by the server; this adds each new alert the hub pushes on the
// alert stream (server-sent events, event "alert"), at the top of the list, without a reload.
(function () {
  'use strict';
  var config = window.ALERT_CONSOLE;
  var body = document.querySelector('#alert-table tbody');
  var state = document.getElementById('stream-state');
  var total = document.getElementById('alert-total');
  var severe = document.getElementById('alert-severe');
  var broken = false;

  function setState(name, text) { state.setAttribute('data-state', name); state.textContent = text; }

  function known(id) {
    return Array.prototype.some.call(body.rows, function (r) { return r.getAttribute('data-alert') === id; });
  }

  function add(a) {
    if (known(a.id)) { return; }
    var tr = document.createElement('tr');
    tr.setAttribute('data-alert', a.id);
    tr.setAttribute('data-kind', a.kind);
    tr.className = a.severity + ' live';
    [config.severities[a.severity] || a.severity, config.kinds[a.kind] || a.kind, a.caseNumber,
      config.subjects[a.subject] || a.subject, a.message, a.rule + '（' + a.article + '）', a.raisedOn]
      .forEach(function (text, i) {
        var td = document.createElement('td');
        td.textContent = text;
        if (i === 0) { td.className = 'severity'; }
        tr.appendChild(td);
      });
    body.insertBefore(tr, body.firstChild);
    total.textContent = String(Number(total.textContent) + 1);
    if (a.severity === 'SEVERE') { severe.textContent = String(Number(severe.textContent) + 1); }
  }

  var source = new EventSource(config.stream);
  source.addEventListener('ready', function () {
    setState('open', '已连接');
    if (broken) { document.getElementById('gap-notice').style.display = 'block'; }
  });
  source.addEventListener('alert', function (e) { add(JSON.parse(e.data)); });
  source.onerror = function () {
    // EventSource reconnects by itself; alerts raised while it was away are only listed after a reload.
    broken = true;
    setState('retrying', '连接中断，正在重连…');
  };
}());
