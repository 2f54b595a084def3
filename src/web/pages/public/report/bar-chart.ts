import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/** One chart of the report: a title, a sentence saying what it shows, and its bars. */
export interface BarChart {
  /** unique on the page; also the name of its CSV file */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** what the bars measure, e.g. "Hours booked" */
  readonly unit: string;
  /** in the order to draw them, top to bottom */
  readonly bars: readonly { readonly label: string; readonly value: number }[];
}

const svgNamespace = 'http://www.w3.org/2000/svg';
const labelLength = 28;

/**
 * A horizontal bar chart as inline SVG, drawn on the server by Observable Plot over linkedom's DOM.
 * Plot's own `<style>` element is dropped (the page's CSP forbids inline styles; the site stylesheet
 * styles `.chart`), and the SVG is an image named by its `<title>` and `<desc>`; the table beside it
 * carries the same figures for screen readers and the CSV.
 */
export function barChartSvg(chart: BarChart): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const labels = chart.bars.map((bar) => bar.label);
  const svg = Plot.plot({
    document: document as unknown as Document,
    width: 640,
    height: 50 + 24 * Math.max(chart.bars.length, 1),
    marginLeft: 190,
    x: { label: chart.unit, grid: true },
    y: {
      label: null,
      domain: labels,
      tickFormat: (label: string) =>
        label.length > labelLength ? `${label.slice(0, labelLength - 1)}…` : label,
    },
    marks: [Plot.barX(chart.bars, { x: 'value', y: 'label', fill: '#2a5d8f' }), Plot.ruleX([0])],
  }) as unknown as Element;
  for (const style of Array.from(svg.querySelectorAll('style'))) style.remove();
  // The image is one picture named by its title; Plot's labels on inner groups are not allowed there.
  for (const part of Array.from(svg.querySelectorAll('[aria-label]'))) part.removeAttribute('aria-label');
  svg.removeAttribute('class');
  svg.setAttribute('class', 'chart');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${chart.id}-title ${chart.id}-desc`);
  svg.setAttribute('xmlns', svgNamespace);
  const desc = document.createElementNS(svgNamespace, 'desc');
  desc.setAttribute('id', `${chart.id}-desc`);
  desc.textContent = chart.description;
  const title = document.createElementNS(svgNamespace, 'title');
  title.setAttribute('id', `${chart.id}-title`);
  title.textContent = chart.title;
  svg.insertBefore(desc, svg.firstChild);
  svg.insertBefore(title, svg.firstChild);
  return svg.outerHTML;
}
