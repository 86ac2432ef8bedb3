// Charts of the console, drawn by Apache ECharts from the JSON the page carries (no inline script: the page's
// Content-Security-Policy allows scripts from this console only).
(function () {
  function cvChart() {
    var el = document.getElementById('cv-chart');
    var data = document.getElementById('cv-data');
    if (!el || !data || !window.echarts) return;
    var bars = JSON.parse(data.textContent);
    if (bars.length === 0) { el.textContent = '尚无差异系数'; return; }
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      color: ['#2f7d32', '#333'],
      grid: { left: 190, right: 40, top: 30, bottom: 30 },
      legend: { data: ['差异系数', '上限'], top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', min: 0 },
      yAxis: { type: 'category', inverse: true, data: bars.map(function (b) { return b.name; }),
               axisLabel: { width: 180, overflow: 'truncate' } },
      series: [
        { name: '差异系数', type: 'bar', barWidth: 12,
          data: bars.map(function (b) {
            return { value: b.value, itemStyle: { color: b.met ? '#2f7d32' : '#c62828' } };
          }),
          label: { show: true, position: 'right', formatter: function (p) { return p.value.toFixed(3); } } },
        { name: '上限', type: 'scatter', symbol: 'rect', symbolSize: [3, 18], itemStyle: { color: '#333' },
          data: bars.map(function (b) { return b.limit; }) }
      ]
    });
    el.setAttribute('data-rendered', String(bars.length));
    window.addEventListener('resize', function () { chart.resize(); });
  }
  document.addEventListener('DOMContentLoaded', cvChart);
})();
