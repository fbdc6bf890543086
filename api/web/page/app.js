// The results page: the job list, and a job's progress, leaderboard, heatmap and equity curve. Data comes
// from the API (/api/...) with the token kept in this tab's session storage, or, in a report written by
// `quant job report`, from the data embedded in the file (window.QUANT_REPORT), so the same code draws both.
'use strict';

const report = window.QUANT_REPORT || null;
const view = document.getElementById('view');
const charts = {};

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (value !== null && value !== undefined) node.setAttribute(name, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

class ApiProblem extends Error {
  constructor(status, detail) { super(detail); this.status = status; }
}

// The API, with the token of this tab.
const live = {
  async get(path) {
    const token = sessionStorage.getItem('quant-token');
    const response = await fetch(path, { headers: token ? { Authorization: 'Bearer ' + token } : {} });
    if (!response.ok) {
      let detail = response.statusText;
      try { detail = (await response.json()).detail || detail; } catch (e) { /* not a problem document */ }
      throw new ApiProblem(response.status, detail);
    }
    return response.json();
  },
  jobs() { return this.get('/api/jobs'); },
  job(id) { return this.get(`/api/jobs/${id}?top=20`); },
  top(id, n) { return this.get(`/api/jobs/${id}/results?top=${n}`); },
  heatmap(id, x, y, mode) { return this.get(`/api/jobs/${id}/heatmap?x=${encodeURIComponent(x)}&y=${encodeURIComponent(y)}&mode=${mode}`); },
  backtest(id, parameters) {
    const query = new URLSearchParams(Object.entries(parameters).map(([k, v]) => [k, String(v)]));
    return this.get(`/api/jobs/${id}/backtest?${query}`);
  },
  // Server-sent events through fetch, so the token goes in a header as on every other request.
  async follow(id, onJob) {
    const token = sessionStorage.getItem('quant-token');
    const response = await fetch(`/api/jobs/${id}/events`, { headers: token ? { Authorization: 'Bearer ' + token } : {} });
    if (!response.ok) throw new ApiProblem(response.status, response.statusText);
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = event.split('\n').filter(l => l.startsWith('data: ')).map(l => l.slice(6)).join('\n');
        if (data) onJob(JSON.parse(data));
      }
    }
  },
};

// A report: everything was computed when it was written.
const embedded = report && {
  async jobs() { return [report.job]; },
  async job() { return report.job; },
  async top() { return report.leaderboard; },
  async heatmap(id, x, y, mode) {
    const found = report.heatmaps[`${x}|${y}|${mode}`];
    if (!found) throw new ApiProblem(404, `This report holds no heatmap of ${x} by ${y} (${mode}).`);
    return found;
  },
  async backtest(id, parameters) {
    const found = report.backtests.find(b => Object.entries(parameters).every(([k, v]) => String(b.parameters[k]) === String(v)));
    if (!found) throw new ApiProblem(404, report.note || 'This report holds the equity curve of the best set only; open the job on the cluster for the others.');
    return found;
  },
  async follow() { /* a report's job has ended */ },
};

const source = embedded || live;

function showProblem(e) {
  view.replaceChildren();
  if (e instanceof ApiProblem && e.status === 401 && !report) {
    const input = el('input', { type: 'password', placeholder: 'qc_...', 'aria-label': 'API token' });
    const form = el('form', {
      class: 'token',
      onsubmit: ev => { ev.preventDefault(); sessionStorage.setItem('quant-token', input.value.trim()); route(); },
    }, el('p', {}, e.message), input, ' ', el('button', { type: 'submit' }, 'Use token'));
    view.append(el('div', { class: 'panel' }, el('h2', {}, 'A token, please'), form,
      el('p', { class: 'note' }, 'Create one with: quant token create --name NAME. It stays in this tab only.')));
    return;
  }
  view.append(el('div', { class: 'error', id: 'problem' }, e.message));
}

function percent(fraction) { return `${(fraction * 100).toFixed(0)}%`; }
function progress(job) { return el('span', { class: 'bar', title: percent(job.fraction) }, el('span', { style: `width:${percent(job.fraction)}` })); }
function number(value, digits) {
  if (typeof value !== 'number') return String(value);
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(digits ?? 4);
}

let listTimer = null;

async function showList() {
  document.getElementById('where').textContent = report ? 'report' : 'jobs';
  const jobs = await source.jobs();
  const rows = jobs.slice().reverse().map(job => el('tr', { class: 'clickable', 'data-job': job.jobId, onclick: () => { location.hash = `#/jobs/${job.jobId}`; } },
    el('td', {}, el('a', { href: `#/jobs/${job.jobId}` }, job.jobId.slice(0, 8))),
    el('td', { class: `status-${job.status}` }, job.status),
    el('td', {}, job.strategy), el('td', {}, job.data),
    el('td', {}, progress(job), ' ', percent(job.fraction)),
    el('td', {}, number(job.evaluated)),
    el('td', {}, new Date(job.createdAt).toISOString().replace('T', ' ').slice(0, 19))));
  view.replaceChildren(el('div', { class: 'panel' }, el('h2', {}, 'Jobs'),
    jobs.length === 0 ? el('p', { class: 'note' }, 'No jobs yet: submit one with POST /api/jobs or quant sweep --db.') :
      el('table', { id: 'jobs' }, el('tr', {}, ['job', 'status', 'strategy', 'data', 'done', 'sets', 'created (UTC)'].map(h => el('th', {}, h))), rows)));
  clearTimeout(listTimer);
  if (!report && jobs.some(j => !['completed', 'failed', 'cancelled'].includes(j.status))) {
    listTimer = setTimeout(() => { if (location.hash === '' || location.hash === '#/') showList().catch(showProblem); }, 2000);
  }
}

function facts(job) {
  const rows = [
    ['status', el('span', { class: `status-${job.status}`, id: 'status' }, job.status)],
    ['progress', el('span', {}, progress(job), ' ', `${percent(job.fraction)}: ${number(job.itemsDone)} of ${number(job.itemsTotal)} items, ${number(job.evaluated)} sets`)],
    ['strategy', job.strategy],
    ['grid', job.axes.map(a => `${a.name}: ${a.values.length} values`).join(', ')],
    ['objective', `${job.maximise ? 'maximise' : 'minimise'} ${job.objective}, at least ${job.minTrades} trades`],
    ['data', `${job.data} (${number(job.bars)} bars)`],
  ];
  if (job.error) rows.push(['error', job.error]);
  return el('dl', { class: 'facts', id: 'facts' }, rows.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

function chart(id) {
  const node = document.getElementById(id);
  if (charts[id]) charts[id].dispose();
  charts[id] = echarts.init(node, null, { renderer: 'canvas' });
  return charts[id];
}

async function showJob(id) {
  document.getElementById('where').textContent = `job ${id}`;
  let job = await source.job(id);
  const factsPanel = el('div', { class: 'panel' }, el('h2', {}, `Job ${job.jobId}`), facts(job));
  view.replaceChildren(factsPanel);
  if (!['completed', 'failed', 'cancelled'].includes(job.status)) {
    await source.follow(id, update => { job = update; factsPanel.replaceChildren(el('h2', {}, `Job ${job.jobId}`), facts(job)); });
    job = await source.job(id);
    factsPanel.replaceChildren(el('h2', {}, `Job ${job.jobId}`), facts(job));
  }
  if (job.search.generations.length > 0) {
    view.append(el('div', { class: 'panel' }, el('h2', {}, 'Generations'),
      el('p', { class: 'note' }, `Best and mean ${job.objective} of each generation of the genetic search, and the best so far.`),
      el('div', { class: 'chart', id: 'generations' })));
    drawGenerations(job);
  }
  if (job.search.folds.length > 0) {
    view.append(foldPanel(job));
    drawFolds(job);
    return;
  }
  if (job.best.length === 0) {
    view.append(el('div', { class: 'panel' }, el('p', { class: 'note' }, 'No parameter set qualified: nothing to rank or draw.')));
    return;
  }
  const [leaders, map] = await Promise.all([source.top(id, 20), job.axes.length >= 2 ? heatmapOf(job, job.axes[0].name, job.axes[1].name, 'fixed') : null]);
  const swept = job.axes.map(a => a.name);
  const metrics = [job.objective, ...['sharpe', 'total_return', 'max_drawdown', 'trades', 'win_rate'].filter(m => m !== job.objective)];
  const board = el('table', { id: 'leaderboard' }, el('tr', {}, ['#', ...swept, ...metrics].map(h => el('th', {}, h))),
    leaders.map((r, i) => el('tr', { class: 'clickable', onclick: ev => { choose(ev.currentTarget); drawEquity(id, r.parameters); } },
      el('td', {}, i + 1), swept.map(p => el('td', {}, r.parameters[p])), metrics.map(m => el('td', {}, number(r.metrics[m]))))));
  view.append(el('div', { class: 'panel' }, el('h2', {}, 'Leaderboard'), el('p', { class: 'note' }, 'Click a row for its equity curve.'), board));
  if (job.axes.length >= 2) view.append(heatmapPanel(job));
  view.append(el('div', { class: 'panel' }, el('h2', { id: 'equity-title' }, 'Equity and drawdown'), el('div', { class: 'chart', id: 'equity' })));
  board.rows[1].classList.add('chosen');
  await Promise.all([map ? drawHeatmap(job, map) : null, drawEquity(id, leaders[0].parameters)]);
}

function drawGenerations(job) {
  const generations = job.search.generations;
  const node = document.getElementById('generations');
  node.dataset.points = String(generations.length);
  chart('generations').setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: ['best', 'mean', 'best so far'] },
    grid: { left: 70, right: 30, top: 40, bottom: 50 },
    xAxis: { type: 'category', data: generations.map(g => g.generation), name: 'generation', nameLocation: 'middle', nameGap: 30 },
    yAxis: { type: 'value', name: job.objective, scale: true },
    series: [
      { name: 'best', type: 'line', data: generations.map(g => g.best) },
      { name: 'mean', type: 'line', data: generations.map(g => g.mean) },
      { name: 'best so far', type: 'line', step: 'end', data: generations.map(g => g.bestSoFar), lineStyle: { type: 'dashed' } },
    ],
  });
}

function foldPanel(job) {
  const { folds, efficiency, stitchedObjective, stitchedReturn } = job.search;
  const day = t => t.slice(0, 10);
  const swept = job.axes.map(a => a.name);
  const table = el('table', { id: 'fold-table' }, el('tr', {}, ['fold', 'in sample', 'out of sample', ...swept, `IS ${job.objective}`, `OOS ${job.objective}`, 'OOS return'].map(h => el('th', {}, h))),
    folds.map(f => el('tr', {}, el('td', {}, f.fold), el('td', {}, `${day(f.inSampleFrom)} .. ${day(f.inSampleTo)}`), el('td', {}, `${day(f.outOfSampleFrom)} .. ${day(f.outOfSampleTo)}`),
      swept.map(p => el('td', {}, f.parameters ? f.parameters[p] : '-')), el('td', {}, number(f.inSampleObjective)), el('td', {}, number(f.outOfSampleObjective)),
      el('td', {}, f.outOfSampleReturn == null ? '' : `${number(f.outOfSampleReturn * 100, 1)}%`))));
  const summary = stitchedObjective == null ? 'The folds are still running.'
    : `Stitched out of sample: ${job.objective} ${number(stitchedObjective)}, return ${number(stitchedReturn * 100, 1)}%; walk-forward efficiency ${efficiency == null ? 'n/a' : number(efficiency)}.`;
  return el('div', { class: 'panel' }, el('h2', {}, 'Walk-forward folds'), el('p', { class: 'note', id: 'fold-summary' }, summary),
    el('div', { class: 'chart', id: 'folds' }), table);
}

function drawFolds(job) {
  const folds = job.search.folds;
  document.getElementById('folds').dataset.folds = String(folds.length);
  chart('folds').setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: [`in sample`, `out of sample`] },
    grid: { left: 70, right: 30, top: 40, bottom: 50 },
    xAxis: { type: 'category', data: folds.map(f => `${f.fold}`), name: 'fold', nameLocation: 'middle', nameGap: 30 },
    yAxis: { type: 'value', name: job.objective },
    series: [
      { name: 'in sample', type: 'bar', data: folds.map(f => f.inSampleObjective) },
      { name: 'out of sample', type: 'bar', data: folds.map(f => f.outOfSampleObjective) },
    ],
  });
}

function choose(row) {
  for (const other of row.parentNode.querySelectorAll('tr.chosen')) other.classList.remove('chosen');
  row.classList.add('chosen');
}

function heatmapPanel(job) {
  const select = (id, chosen) => el('select', { id, onchange: () => drawHeatmap(job, null).catch(showProblem) },
    job.axes.map(a => el('option', { value: a.name, selected: a.name === chosen ? '' : null }, a.name)));
  const mode = el('select', { id: 'heatmap-mode', onchange: () => drawHeatmap(job, null).catch(showProblem) },
    el('option', { value: 'fixed' }, 'others fixed at the best set'),
    el('option', { value: 'best' }, 'best over the others'),
    el('option', { value: 'mean' }, 'mean over the others'));
  return el('div', { class: 'panel' }, el('h2', {}, `Heatmap of ${job.objective}`),
    el('div', { class: 'controls' }, 'x ', select('heatmap-x', job.axes[0].name), 'y ', select('heatmap-y', job.axes[1].name), mode,
      el('span', { class: 'note', id: 'heatmap-note' })),
    el('div', { class: 'chart', id: 'heatmap' }));
}

async function heatmapOf(job, x, y, mode) {
  const map = await source.heatmap(job.jobId, x, y, mode);
  if (!document.body.dataset.heatmapDataMs) document.body.dataset.heatmapDataMs = String(Math.round(performance.now()));
  return map;
}

// Draws the heatmap the controls ask for: the one given (fetched with the page), or a new one from the server.
async function drawHeatmap(job, given) {
  const x = document.getElementById('heatmap-x').value;
  const y = document.getElementById('heatmap-y').value;
  const mode = document.getElementById('heatmap-mode').value;
  const note = document.getElementById('heatmap-note');
  const node = document.getElementById('heatmap');
  if (x === y) { note.textContent = 'Choose two different parameters.'; return; }
  const map = given || await heatmapOf(job, x, y, mode);
  const values = map.cells.map(c => c.value);
  const held = Object.entries(map.fixed).map(([k, v]) => `${k}=${v}`).join(', ');
  note.textContent = `${map.cells.length.toLocaleString('en-US')} cells` + (held ? `; ${held}` : '') + '. Click a cell for its equity curve.';
  node.dataset.cells = String(map.cells.length);
  node.dataset.best = map.best ? `${map.x.values[map.best.x]},${map.y.values[map.best.y]}` : '';
  const heat = chart('heatmap');
  heat.on('finished', () => { if (!document.body.dataset.heatmapDrawnMs) document.body.dataset.heatmapDrawnMs = String(Math.round(performance.now())); });
  heat.setOption({
    animation: false,
    tooltip: { formatter: p => p.seriesIndex === 0 ? `${x}=${map.x.values[p.value[0]]}, ${y}=${map.y.values[p.value[1]]}<br>${map.metric}: ${number(p.value[2])} (${map.cells[p.dataIndex].sets} sets)` : 'best' },
    grid: { left: 70, right: 90, top: 10, bottom: 60 },
    xAxis: { type: 'category', data: map.x.values, name: x, nameLocation: 'middle', nameGap: 35 },
    yAxis: { type: 'category', data: map.y.values, name: y, nameLocation: 'middle', nameGap: 50 },
    visualMap: { dimension: 2, min: Math.min(...values), max: Math.max(...values), calculable: true, precision: 3, orient: 'vertical', right: 0, top: 'center',
      inRange: { color: map.maximise ? ['#313695', '#74add1', '#ffffbf', '#f46d43', '#a50026'] : ['#a50026', '#f46d43', '#ffffbf', '#74add1', '#313695'] } },
    series: [
      // Hover effects off: with 100,000 cells they cost more than the drawing itself.
      { type: 'heatmap', data: map.cells.map(c => [c.x, c.y, c.value]), progressive: 0, emphasis: { disabled: true } },
      { type: 'scatter', data: map.best ? [[map.best.x, map.best.y]] : [], symbol: 'rect', symbolSize: 14,
        itemStyle: { color: 'rgba(0,0,0,0)', borderColor: '#000', borderWidth: 2 }, z: 5 },
    ],
  });
  heat.off('click');
  heat.on('click', p => {
    if (p.seriesIndex !== 0) return;
    const parameters = {};
    parameters[x] = map.x.values[p.value[0]];
    parameters[y] = map.y.values[p.value[1]];
    drawEquity(job.jobId, Object.assign({}, mode === 'fixed' ? map.fixed : {}, parameters)).catch(showProblem);
  });
}

async function drawEquity(id, parameters) {
  const title = document.getElementById('equity-title');
  title.textContent = 'Equity and drawdown: ' + Object.entries(parameters).map(([k, v]) => `${k}=${v}`).join(' ');
  let run;
  try {
    run = await source.backtest(id, parameters);
  } catch (e) {
    title.textContent = e.message;
    return;
  }
  const node = document.getElementById('equity');
  node.dataset.points = String(run.equity.length);
  node.dataset.trades = String(run.tradeCount);
  const equity = chart('equity');
  equity.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    grid: [{ left: 70, right: 30, top: 20, height: '55%' }, { left: 70, right: 30, top: '72%', height: '18%' }],
    xAxis: [{ type: 'time', gridIndex: 0 }, { type: 'time', gridIndex: 1 }],
    yAxis: [{ type: 'value', name: 'equity', scale: true, gridIndex: 0 }, { type: 'value', name: 'drawdown', gridIndex: 1, max: 0 }],
    dataZoom: [{ type: 'inside', xAxisIndex: [0, 1] }],
    series: [
      { name: 'equity', type: 'line', showSymbol: false, data: run.equity, xAxisIndex: 0, yAxisIndex: 0, lineStyle: { width: 1.5 } },
      { name: 'drawdown', type: 'line', showSymbol: false, data: run.drawdown, xAxisIndex: 1, yAxisIndex: 1, areaStyle: { opacity: 0.3 }, color: '#b42318' },
    ],
  });
  title.textContent += ` (sharpe ${number(run.metrics.sharpe)}, return ${number(run.metrics.total_return * 100, 1)}%, max drawdown ${number(run.metrics.max_drawdown * 100, 1)}%, ${run.tradeCount} trades)`;
}

async function route() {
  const match = /^#\/jobs\/([0-9a-f-]+)$/.exec(location.hash);
  try {
    if (report) await showJob(report.job.jobId);
    else if (match) await showJob(match[1]);
    else await showList();
  } catch (e) {
    showProblem(e);
  }
}

window.addEventListener('hashchange', route);
window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
route();
