// Draws the overview's charts from the data-chart attribute of each canvas.chart ({labels, series: {name: [values]}}).
(function () {
  'use strict';
  const colors = ['#0b57d0', '#b3261e', '#137333', '#7b1fa2'];

  function draw(canvas) {
    const data = JSON.parse(canvas.dataset.chart);
    const kind = canvas.dataset.kind || 'line';
    const unit = canvas.dataset.unit || '';
    const names = Object.keys(data.series);
    new window.Chart(canvas, {
      type: kind,
      data: {
        labels: data.labels,
        datasets: names.map(function (name, i) {
          return {
            label: name,
            data: data.series[name].map(Number),
            borderColor: colors[i % colors.length],
            backgroundColor: kind === 'bar' ? colors[i % colors.length] : 'rgba(11, 87, 208, 0.12)',
            fill: kind === 'line',
            tension: 0
          };
        })
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          y: kind === 'line' && unit === '%'
            ? { min: 0, max: 100, ticks: { callback: function (v) { return v + '%'; } } }
            : { beginAtZero: true }
        },
        plugins: { legend: { display: names.length > 1 } }
      }
    });
    canvas.dataset.drawn = 'true';
  }

  function drawAll() {
    if (!window.Chart) {
      return;
    }
    document.querySelectorAll('canvas.chart[data-chart]').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
})();
