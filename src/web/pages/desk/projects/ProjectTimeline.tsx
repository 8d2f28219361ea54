import { useTranslation } from 'react-i18next';
import type { Project } from './projects-api.ts';

const ROW = 34;
const LEFT = 150;
const WIDTH = 720;
const DAY_MS = 86_400_000;

/**
 * Plan against actual as a chart: one row per milestone, the planned date as a hollow diamond,
 * the actual date as a filled dot, today as a line. The chart is a picture; the table beside it
 * (MilestoneTable) says the same in text, so the chart is hidden from screen readers except for
 * its one-line summary.
 */
export function ProjectTimeline({ project }: { project: Project }) {
  const { t } = useTranslation();
  const dates = project.milestones.flatMap((m) => [m.plannedDate, ...(m.actualDate ? [m.actualDate] : [])]);
  dates.push(project.today);
  const times = dates.map((d) => Date.parse(`${d}T00:00:00Z`));
  const start = Math.min(...times) - 7 * DAY_MS;
  const end = Math.max(...times) + 7 * DAY_MS;
  const x = (date: string) =>
    LEFT + ((Date.parse(`${date}T00:00:00Z`) - start) / (end - start)) * (WIDTH - LEFT - 20);
  const height = project.milestones.length * ROW + 40;
  const late = project.milestones.filter((m) => m.state === 'late').length;
  return (
    <figure className="desk-timeline">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby="timeline-summary"
        className="desk-timeline__chart"
      >
        <title id="timeline-summary">
          {t('deskProjects.timeline.summary', {
            total: project.milestones.length,
            done: project.milestones.filter((m) => m.actualDate).length,
            late,
          })}
        </title>
        <line
          x1={x(project.today)}
          x2={x(project.today)}
          y1={10}
          y2={height - 20}
          className="desk-timeline__today"
        />
        <text x={x(project.today) + 4} y={height - 6} className="desk-timeline__label">
          {t('deskProjects.timeline.today')}
        </text>
        {project.milestones.map((milestone, index) => {
          const y = 30 + index * ROW;
          const planned = x(milestone.plannedDate);
          const actual = milestone.actualDate ? x(milestone.actualDate) : undefined;
          const end = actual ?? (milestone.state === 'late' ? x(project.today) : undefined);
          return (
            <g key={milestone.id} className={`desk-timeline__row desk-timeline__row--${milestone.state}`}>
              <text x={8} y={y + 4} className="desk-timeline__label">
                {t(`deskProjects.kinds.${milestone.kind}`)}
              </text>
              {end !== undefined && (
                <line x1={planned} x2={end} y1={y} y2={y} className="desk-timeline__gap" />
              )}
              <rect
                x={planned - 6}
                y={y - 6}
                width={12}
                height={12}
                transform={`rotate(45 ${planned} ${y})`}
                className="desk-timeline__planned"
              />
              {actual !== undefined && <circle cx={actual} cy={y} r={6} className="desk-timeline__actual" />}
            </g>
          );
        })}
      </svg>
      <figcaption className="desk-muted">{t('deskProjects.timeline.legend')}</figcaption>
    </figure>
  );
}
