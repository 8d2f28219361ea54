// The parts of ECharts the console draws with, registered once: a heat map and bars on a grid,
// with tooltips, a legend and the heat map's colour scale. Importing only these keeps the chunk to
// about a third of the whole library.
import { BarChart, HeatmapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  HeatmapChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export const { init } = echarts;
