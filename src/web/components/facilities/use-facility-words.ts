// Facility words in the page's language: tiers, kinds of names, services, days, operator models.
import { useTranslation } from 'react-i18next';
import type { FacilityTier } from '../../api/facilities-endpoints.ts';
import type { DayCode } from '../../lib/opening-hours-format.ts';
import { isServiceKey, nameTypeKey } from './facility-format.ts';

export function useFacilityWords() {
  const { t } = useTranslation();
  return {
    tier: (tier: FacilityTier) => t(`facilities.tiers.${tier}`),
    /** The kind of name; the stored Chinese one if the catalogue does not know it. */
    nameType: (nameType: string) => {
      const key = nameTypeKey(nameType);
      return key ? t(`facilities.nameTypes.${key}`) : nameType;
    },
    service: (key: string) => (isServiceKey(key) ? t(`facilities.services.${key}`) : key),
    day: (day: string) => t(`service.where.days.${day as DayCode}`),
    operatorModel: (model: 'self' | 'purchased') => t(`facilities.operatorModels.${model}`),
  };
}
