// The page's charts, drawn by Chart.js (only the parts used are imported).
// Every chart is also a table on the page (the figures for screen readers
// and print); the charts are kept by id in window.tledgerCharts so that the
// browser tests can read the data each one shows.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const charts = {};
window.tledgerCharts = charts;

const COLORS = ['#1f5fa8', '#d9822b', '#2e8540', '#8e44ad'];

// Draws (or redraws) the bar chart `id` in `canvas`: one bar group per
// label, one dataset per series ({label, data}). Horizontal when there are
// many or long labels. No animation, so a print or a screenshot shows the
// final bars.
export function barChart(id, canvas, labels, series, { horizontal = false, numberFormat } = {}) {
  if (charts[id]) charts[id].destroy();
  const fmt = numberFormat || ((v) => String(v));
  charts[id] = new Chart(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: series.map((s, i) => ({ label: s.label, data: s.data, backgroundColor: COLORS[i % COLORS.length] })),
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: {
        legend: { position: 'top' },
        tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${fmt(ctx.parsed[horizontal ? 'x' : 'y'])}` } },
      },
      scales: {
        [horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { callback: (v) => fmt(v) } },
      },
    },
  });
  return charts[id];
}

export function destroyChart(id) {
  if (charts[id]) {
    charts[id].destroy();
    delete charts[id];
  }
}
