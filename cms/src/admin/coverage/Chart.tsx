/**
 * One Chart.js chart on a canvas (Chart.js is bundled with the admin, never loaded from a CDN).
 * The canvas is an image for assistive technology; each chart on the page has its figures in a
 * table next to it as the text alternative.
 */
import { useEffect, useRef } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

interface Props {
  config: ChartConfiguration;
  label: string;
  height?: number;
}

export function ChartCanvas({ config, label, height = 260 }: Props) {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  useEffect(() => {
    if (!canvas.current) return undefined;
    const chart = new Chart(canvas.current, { ...config, options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options } });
    return () => chart.destroy();
  }, [config]);
  return (
    <div style={{ position: 'relative', height }}>
      <canvas ref={canvas} role="img" aria-label={label} data-chart={label} />
    </div>
  );
}
