// The ApexChart component's side in the browser. Charts live in a map by number, so .NET holds a
// plain handle; data updates go through ApexCharts' updateOptions/updateSeries on the same chart,
// so a live cockpit animates from the old numbers instead of flashing a rebuilt chart.

const charts = new Map();
let nextHandle = 1;
let loading;

// The library is loaded when the first chart needs it, not on every page. The UMD build is one
// self-contained file and sets window.ApexCharts.
function loadApexCharts() {
  if (window.ApexCharts) return Promise.resolve(window.ApexCharts);
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL('../lib/apexcharts/apexcharts.min.js', import.meta.url).href;
    script.onload = () => {
      // A deployment that ships the charts to its customers needs an ApexCharts OEM licence; its key is
      // configured on the server (Charts:LicenseKey) and rendered into the page head.
      const licence = document.querySelector('meta[name="apexcharts-license"]')?.content;
      if (licence) window.ApexCharts.setLicense(licence);
      resolve(window.ApexCharts);
    };
    script.onerror = () => {
      loading = undefined;
      reject(new Error('ApexCharts could not be loaded from ' + script.src));
    };
    document.head.appendChild(script);
  });
  return loading;
}

const apexType = {
  bar: 'bar',
  stackedBar: 'bar',
  line: 'line',
  area: 'area',
  heatmap: 'heatmap',
  donut: 'donut',
};

// A donut has one value per slice: each series is a slice, its value the sum of its values.
function seriesFor(kind, series, categories) {
  if (kind === 'donut') return series.map(s => s.values.reduce((sum, v) => sum + (v ?? 0), 0));
  if (kind === 'heatmap') {
    return series.map(s => ({ name: s.name, data: s.values.map((v, i) => ({ x: categories[i] ?? '', y: v })) }));
  }
  return series.map(s => ({ name: s.name, data: s.values }));
}

function colorsFor(series) {
  return series.some(s => s.color) ? series.map(s => s.color ?? undefined) : undefined;
}

function dataOptions(kind, series, categories, target, targetLabel) {
  const options = { colors: colorsFor(series) };
  if (kind === 'donut') {
    options.labels = series.map(s => s.name);
    return options;
  }
  if (kind !== 'heatmap') options.xaxis = { categories };
  options.annotations = {
    yaxis: target == null ? [] : [{
      y: target,
      borderColor: '#1b2430',
      strokeDashArray: 6,
      label: { text: targetLabel ?? '', style: { background: '#1b2430', color: '#fff' } },
    }],
  };
  return options;
}

function optionsFor(spec) {
  return {
    chart: {
      type: apexType[spec.kind] ?? 'bar',
      height: spec.height,
      stacked: spec.kind === 'stackedBar',
      toolbar: { show: false },
      fontFamily: 'inherit',
      animations: { enabled: true, dynamicAnimation: { speed: 400 } },
    },
    title: { text: spec.title },
    series: seriesFor(spec.kind, spec.series, spec.categories),
    dataLabels: { enabled: spec.kind === 'donut' || spec.kind === 'heatmap' },
    legend: { show: spec.series.length > 1 || spec.kind === 'donut' },
    stroke: { width: spec.kind === 'line' || spec.kind === 'area' ? 3 : 1 },
    noData: { text: '—' },
    ...dataOptions(spec.kind, spec.series, spec.categories, spec.target, spec.targetLabel),
  };
}

/** Draws a chart into the element and returns its handle. */
export async function create(element, spec) {
  const ApexCharts = await loadApexCharts();
  const chart = new ApexCharts(element, optionsFor(spec));
  const handle = nextHandle++;
  charts.set(handle, { chart, spec });
  await chart.render();
  return handle;
}

/**
 * Moves a drawn chart to new data in place. New categories, colours or target go through updateOptions,
 * which redraws the axes; numbers alone go through updateSeries, which animates the same drawing.
 */
export async function update(handle, series, categories, target) {
  const entry = charts.get(handle);
  if (!entry) return;
  const { chart, spec } = entry;
  const before = JSON.stringify(dataOptions(spec.kind, spec.series, spec.categories, spec.target, spec.targetLabel));
  const after = dataOptions(spec.kind, series, categories, target, spec.targetLabel);
  Object.assign(spec, { series, categories, target });
  if (JSON.stringify(after) !== before) await chart.updateOptions(after, false, true);
  await chart.updateSeries(seriesFor(spec.kind, series, categories), true);
}

/** Removes the chart and its listeners. */
export function destroy(handle) {
  const entry = charts.get(handle);
  if (!entry) return;
  charts.delete(handle);
  entry.chart.destroy();
}
