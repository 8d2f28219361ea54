import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { findFacilities } from '../../api/facilities-endpoints.ts';
import type { FacilityQuery, FacilityTier } from '../../api/facilities-endpoints.ts';
import { SelectField } from '../../components/ChoiceFields.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { FacilityMap } from '../../components/facilities/FacilityMap.tsx';
import { FacilityResult } from '../../components/facilities/FacilityResult.tsx';
import {
  SERVICE_KEYS,
  TIERS,
  finderHref,
  hasPlace,
  isServiceKey,
  parseCoordinates,
  readFinderState,
} from '../../components/facilities/facility-format.ts';
import type { FinderState } from '../../components/facilities/facility-format.ts';
import { useFacilityWords } from '../../components/facilities/use-facility-words.ts';
import { useDistricts } from '../../lib/districts.ts';
import { localName } from '../../lib/local-name.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { dataOf, useLatestResource } from '../../lib/use-latest-resource.ts';

const LIMIT = 20;

const STREET_LIMIT = 100;
const isStreetCode = (place: string | null): place is string => place !== null && /^\d{9}$/.test(place);

function toQuery(state: FinderState): FacilityQuery {
  return {
    near: state.near ?? undefined,
    district: state.near ? undefined : (state.district ?? undefined),
    service: state.service ?? undefined,
    tier: state.tier ?? undefined,
    openNow: state.openNow || undefined,
    limit: LIMIT,
  };
}

/** The facilities to show. From a street: that street's own facilities, nearest to its centre first. */
async function load(state: FinderState) {
  if (!hasPlace(state)) return null;
  if (!isStreetCode(state.place)) return findFacilities(toQuery(state));
  const { items } = await findFacilities({ ...toQuery(state), street: state.place, limit: STREET_LIMIT });
  return { items, total: items.length };
}

/** 社区综合服务设施 near a point (you, a street, typed coordinates) or in a district, nearest first. */
export function FacilityFinderPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const [params] = useSearchParams();
  const state = readFinderState(params);
  const href = finderHref(state);
  const search = useLatestResource(href, () => load(state));
  const result = dataOf(search);
  const districts = useDistricts();
  const districtList = districts.status === 'ready' ? districts.districts : [];
  useDocumentTitle(t('facilities.finder.title'));

  const street = districtList.flatMap((d) => d.streets).find((s) => s.code === state.place);
  const district = districtList.find((d) => d.code === state.district);
  const originName =
    state.place === 'me'
      ? t('facilities.origin.me')
      : street
        ? localName(street, language)
        : state.near
          ? t('facilities.origin.coords', { near: state.near.replace(',', ', ') })
          : null;
  const [lat = 0, lng = 0] = (state.near ?? '').split(',').map(Number);

  return (
    <>
      <PageHeading>{t('facilities.finder.title')}</PageHeading>
      <p className="lead">{t('facilities.finder.lead')}</p>
      <p>
        <Link to="/facilities/overview">{t('facilities.finder.overviewLink')}</Link>
      </p>
      <FinderForm key={href} state={state} />

      {search.status === 'failed' && (
        <p className="notice notice--error" role="alert">
          {search.error.message}
        </p>
      )}
      <section
        className="facility-finder__results"
        aria-labelledby="facility-results-title"
        aria-busy={search.status === 'loading'}
      >
        <h2 id="facility-results-title">{t('facilities.finder.resultsTitle')}</h2>
        <p className="result-count" role="status">
          {!hasPlace(state)
            ? t('facilities.finder.choosePlaceFirst')
            : search.status === 'loading' && !result
              ? t('common.loading')
              : result
                ? street
                  ? t('facilities.finder.countStreet', { count: result.items.length, street: originName })
                  : state.near
                    ? t('facilities.finder.countNear', {
                        count: result.items.length,
                        origin: originName,
                        total: result.total,
                      })
                    : t('facilities.finder.countDistrict', {
                        count: result.items.length,
                        district: district ? localName(district, language) : state.district,
                        total: result.total,
                      })
                : ''}
        </p>
        {result && result.items.length > 0 && (
          <div className="facility-finder__layout">
            <ol className="result-list facility-finder__list">
              {result.items.map((item, index) => (
                <FacilityResult key={item.code} item={item} label={String(index + 1)} />
              ))}
            </ol>
            <div className="facility-finder__map">
              <FacilityMap
                title={t('facilities.map.finderTitle')}
                points={result.items.map((item, index) => ({ ...item, label: String(index + 1) }))}
                origin={state.near && originName ? { lat, lng, name: originName } : null}
              />
            </div>
          </div>
        )}
        {result && result.items.length === 0 && (
          <div className="empty-state">
            <h3 className="empty-state__title">{t('facilities.finder.emptyTitle')}</h3>
            <p>{t('facilities.finder.emptyHint')}</p>
            {(state.service || state.tier || state.openNow) && (
              <Link to={finderHref({ ...state, service: null, tier: null, openNow: false })}>
                {t('facilities.finder.withoutFilters')}
              </Link>
            )}
          </div>
        )}
      </section>
    </>
  );
}

type LocateStatus = 'idle' | 'locating' | 'denied' | 'unavailable' | 'unsupported';

/** Where to look from (your location, a district and street, or coordinates) and what to look for. */
function FinderForm({ state }: { state: FinderState }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const navigate = useNavigate();
  const words = useFacilityWords();
  const districts = useDistricts();
  const districtList = districts.status === 'ready' ? districts.districts : [];
  const placeStreet = isStreetCode(state.place) ? state.place : '';
  const [districtCode, setDistrictCode] = useState(state.district ?? placeStreet.slice(0, 6));
  const [streetCode, setStreetCode] = useState(placeStreet);
  const [coordinates, setCoordinates] = useState(state.place === 'coords' && state.near ? state.near : '');
  const [service, setService] = useState<string>(state.service ?? '');
  const [tier, setTier] = useState<string>(state.tier ?? '');
  const [openNow, setOpenNow] = useState(state.openNow);
  const [locate, setLocate] = useState<LocateStatus>('idle');
  const [placeError, setPlaceError] = useState<string | null>(null);
  const [coordinatesError, setCoordinatesError] = useState<string | null>(null);
  const [isResolving, setIsResolving] = useState(false);
  const streets = districtList.find((d) => d.code === districtCode)?.streets ?? [];

  const filters = () => ({
    service: isServiceKey(service) ? service : null,
    tier: (TIERS as readonly string[]).includes(tier) ? (tier as FacilityTier) : null,
    openNow,
  });

  function useMyLocation() {
    setPlaceError(null);
    if (!('geolocation' in navigator)) {
      setLocate('unsupported');
      return;
    }
    setLocate('locating');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocate('idle');
        const near = `${position.coords.latitude.toFixed(6)},${position.coords.longitude.toFixed(6)}`;
        void navigate(finderHref({ near, place: 'me', district: null, ...filters() }));
      },
      (error) => setLocate(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPlaceError(null);
    setCoordinatesError(null);
    if (coordinates.trim()) {
      const near = parseCoordinates(coordinates);
      if (!near) {
        setCoordinatesError(t('facilities.form.coordinatesInvalid'));
        document.getElementById('facility-coordinates')?.focus();
        return;
      }
      await navigate(finderHref({ near, place: 'coords', district: null, ...filters() }));
      return;
    }
    if (streetCode) {
      // A street has no coordinates of its own: search from its street-level facility (街镇级中心).
      setIsResolving(true);
      try {
        const centres = await findFacilities({ street: streetCode, tier: 'street', limit: 1 });
        const centre = centres.items[0];
        if (centre) {
          const near = `${centre.lat},${centre.lng}`;
          await navigate(finderHref({ near, place: streetCode, district: null, ...filters() }));
          return;
        }
      } catch {
        // Fall back to the district list below.
      } finally {
        setIsResolving(false);
      }
    }
    if (districtCode) {
      await navigate(finderHref({ near: null, place: null, district: districtCode, ...filters() }));
      return;
    }
    if (state.near && state.place === 'me') {
      // Nothing else chosen: new filters, still from where you are.
      await navigate(finderHref({ near: state.near, place: 'me', district: null, ...filters() }));
      return;
    }
    setPlaceError(t('facilities.form.placeMissing'));
    document.getElementById('facility-district')?.focus();
  }

  return (
    <form className="panel facility-finder__form" onSubmit={(event) => void submit(event)} noValidate>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('facilities.form.whereLegend')}</legend>
        <p className="fieldset__hint">{t('facilities.form.whereHint')}</p>
        <div className="facility-finder__locate">
          <button
            type="button"
            className="button button--secondary"
            onClick={useMyLocation}
            disabled={locate === 'locating'}
          >
            {t('facilities.form.nearMe')}
          </button>
          <p className="facility-finder__locate-status" role="status">
            {locate === 'locating' && t('facilities.form.locating')}
          </p>
        </div>
        {(locate === 'denied' || locate === 'unavailable' || locate === 'unsupported') && (
          <p className="notice notice--warning" role="alert">
            {t(`facilities.form.locate.${locate}`)}
          </p>
        )}
        {placeError && (
          <p className="notice notice--error" role="alert">
            {placeError}
          </p>
        )}
        <div className="facility-finder__row">
          <SelectField
            id="facility-district"
            label={t('facilities.form.district')}
            value={districtCode}
            options={[
              { value: '', label: t('facilities.form.chooseDistrict') },
              ...districtList.map((d) => ({ value: d.code, label: localName(d, language) })),
            ]}
            onChange={(value) => {
              setDistrictCode(value);
              setStreetCode('');
            }}
          />
          <SelectField
            id="facility-street"
            label={t('facilities.form.street')}
            value={streetCode}
            disabled={!districtCode}
            options={[
              { value: '', label: t('facilities.form.wholeDistrict') },
              ...streets.map((street) => ({ value: street.code, label: localName(street, language) })),
            ]}
            onChange={setStreetCode}
          />
        </div>
        <div className={`field${coordinatesError ? ' field--error' : ''}`}>
          <label className="field__label" htmlFor="facility-coordinates">
            {t('facilities.form.coordinates')}
          </label>
          <p className="field__hint" id="facility-coordinates-hint">
            {t('facilities.form.coordinatesHint')}
          </p>
          {coordinatesError && (
            <p className="field__error" id="facility-coordinates-error">
              <span className="visually-hidden">{t('common.errorPrefix')}</span>
              {coordinatesError}
            </p>
          )}
          <input
            id="facility-coordinates"
            className="field__input"
            inputMode="decimal"
            autoComplete="off"
            value={coordinates}
            aria-invalid={coordinatesError ? true : undefined}
            aria-describedby={`facility-coordinates-hint${coordinatesError ? ' facility-coordinates-error' : ''}`}
            onChange={(event) => setCoordinates(event.target.value)}
          />
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('facilities.form.filtersLegend')}</legend>
        <div className="facility-finder__row">
          <SelectField
            id="facility-service"
            label={t('facilities.form.service')}
            value={service}
            options={[
              { value: '', label: t('facilities.form.anyService') },
              ...SERVICE_KEYS.map((key) => ({ value: key, label: words.service(key) })),
            ]}
            onChange={setService}
          />
          <SelectField
            id="facility-tier"
            label={t('facilities.form.tier')}
            value={tier}
            options={[
              { value: '', label: t('facilities.form.anyTier') },
              ...TIERS.map((value) => ({ value, label: words.tier(value) })),
            ]}
            onChange={setTier}
          />
        </div>
        <div className="choice">
          <input
            id="facility-open-now"
            className="choice__input"
            type="checkbox"
            checked={openNow}
            onChange={(event) => setOpenNow(event.target.checked)}
          />
          <label className="choice__label" htmlFor="facility-open-now">
            {t('facilities.form.openNow')}
          </label>
        </div>
      </fieldset>
      <button type="submit" className="button button--primary" disabled={isResolving}>
        {isResolving ? t('facilities.form.searching') : t('facilities.form.submit')}
      </button>
    </form>
  );
}
