// A small map drawn from our own data: the facilities' coordinates projected into an SVG, with
// no tile server and no network. The text list beside it is the primary content; the points
// here are links to the same pages.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatDistance } from './facility-format.ts';
import './facilities.css';

export interface MapPoint {
  code: string;
  name: string;
  lat: number;
  lng: number;
  /** The number shown on the marker and in the list. */
  label: string;
}

interface Props {
  title: string;
  points: MapPoint[];
  /** The search point (your location, a street, typed coordinates). */
  origin?: { lat: number; lng: number; name: string } | null;
  /** The facility the page is about, drawn apart from its neighbours. */
  current?: string;
}

const WIDTH = 400;
const HEIGHT = 260;
const PAD = 22;
const METERS_PER_DEGREE = 111_320;
const NICE_LENGTHS = [50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000];

export function FacilityMap({ title, points, origin, current }: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const titleId = useId();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const all = [...points, ...(origin ? [origin] : [])];
  if (all.length === 0) return null;

  // Equirectangular projection around the middle latitude: fine at city scale.
  const lats = all.map((point) => point.lat);
  const lngs = all.map((point) => point.lng);
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const cos = Math.cos((midLat * Math.PI) / 180);
  const minX = Math.min(...lngs) * cos;
  const maxX = Math.max(...lngs) * cos;
  const minY = Math.min(...lats);
  const maxY = Math.max(...lats);
  const span = Math.max(maxX - minX, ((maxY - minY) * (WIDTH - 2 * PAD)) / (HEIGHT - 2 * PAD), 0.004);
  const scale = (WIDTH - 2 * PAD) / span; // px per degree (of latitude)
  const offsetX = (WIDTH - (maxX - minX) * scale) / 2;
  const offsetY = (HEIGHT - (maxY - minY) * scale) / 2;
  const project = (lat: number, lng: number) => ({
    x: offsetX + (lng * cos - minX) * scale,
    y: offsetY + (maxY - lat) * scale,
  });

  const metersPerPixel = METERS_PER_DEGREE / scale;
  const barMeters = [...NICE_LENGTHS].reverse().find((length) => length / metersPerPixel <= WIDTH / 4) ?? 50;
  const barPixels = barMeters / metersPerPixel;

  // Far points first, so that the nearest (and the current facility) are drawn on top.
  const drawn = [...points].reverse().sort((a, b) => Number(a.code === current) - Number(b.code === current));

  return (
    <figure className="facility-map">
      <svg
        className="facility-map__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="group"
        aria-labelledby={titleId}
      >
        <title id={titleId}>{title}</title>
        <rect className="facility-map__ground" x="0" y="0" width={WIDTH} height={HEIGHT} rx="6" />
        {origin && (
          <g className="facility-map__origin" aria-hidden="true">
            <circle {...center(project(origin.lat, origin.lng))} r="9" />
            <path d={cross(project(origin.lat, origin.lng))} />
          </g>
        )}
        {drawn.map((point) => {
          const { x, y } = project(point.lat, point.lng);
          const isCurrent = point.code === current;
          const href = `/facilities/${encodeURIComponent(point.code)}`;
          return (
            <a
              key={point.code}
              href={href}
              className={`facility-map__point${isCurrent ? ' facility-map__point--current' : ''}`}
              aria-label={
                isCurrent
                  ? t('facilities.map.currentLabel', { name: point.name })
                  : t('facilities.map.pointLabel', { label: point.label, name: point.name })
              }
              onClick={(event) => {
                event.preventDefault();
                void navigate(href);
              }}
            >
              <circle cx={x} cy={y} r={isCurrent ? 12 : 10} />
              <text x={x} y={y} dy="0.35em" textAnchor="middle" aria-hidden="true">
                {point.label}
              </text>
            </a>
          );
        })}
        <g className="facility-map__scale" aria-hidden="true">
          <path d={`M ${PAD} ${HEIGHT - 12} h ${barPixels}`} />
          <text x={PAD + barPixels + 6} y={HEIGHT - 12} dy="0.35em">
            {formatDistance(barMeters, language)}
          </text>
          <text x={WIDTH - PAD} y={PAD} textAnchor="end" dy="0.35em">
            {t('facilities.map.north')}
          </text>
        </g>
      </svg>
      <figcaption className="facility-map__caption">
        {origin
          ? t('facilities.map.captionWithOrigin', { origin: origin.name })
          : t('facilities.map.caption')}
      </figcaption>
    </figure>
  );
}

const center = ({ x, y }: { x: number; y: number }) => ({ cx: x, cy: y });
const cross = ({ x, y }: { x: number; y: number }) => `M ${x - 5} ${y} h 10 M ${x} ${y - 5} v 10`;
