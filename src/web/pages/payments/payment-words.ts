// How the payment pages say things: amounts in yuan from integer fen, names in the reader's
// language, the subject (self or an enterprise) from the `for` search parameter.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { formatYuan, sumFen } from '../../../contracts/money.ts';
import type { Me } from '../../api/types.ts';

/** "¥169.56": the yuan text of an amount in fen, computed with integers only. */
export function yuan(fen: number): string {
  return `¥${formatYuan(fen)}`;
}

/** The total of the chosen items' amounts, in fen. */
export function totalOf(items: readonly { amountFen: number }[]): number {
  return sumFen(items.map((item) => item.amountFen));
}

/** Picks the zh or en of a pair of names. */
export function usePick() {
  const { i18n } = useTranslation();
  const isEnglish = i18n.resolvedLanguage === 'en';
  return (zh: string, en: string) => (isEnglish ? en : zh);
}

export interface Subject {
  /** undefined: the signed-in person. */
  enterpriseId: string | undefined;
  /** "self" or the enterprise's id, as the `for` parameter says it. */
  key: string;
  name: string;
}

/**
 * Whose payments the page shows: `?for=self` (default) or `?for=<enterpriseId>` of an enterprise
 * the person is a member of, as the apply page chooses.
 */
export function useSubject(me: Me): [Subject, (key: string) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const wanted = searchParams.get('for');
  const enterprise = me.enterprises.find((candidate) => candidate.id === wanted);
  const subject: Subject = enterprise
    ? { enterpriseId: enterprise.id, key: enterprise.id, name: enterprise.name }
    : { enterpriseId: undefined, key: 'self', name: me.person?.name ?? me.user.displayName };
  const choose = (key: string) => {
    const next = new URLSearchParams(searchParams);
    if (key === 'self') next.delete('for');
    else next.set('for', key);
    setSearchParams(next, { replace: true });
  };
  return [subject, choose];
}

/** `?for=…` to carry the subject to another page ('' for oneself). */
export function subjectQuery(subject: Subject): string {
  return subject.enterpriseId ? `?for=${encodeURIComponent(subject.enterpriseId)}` : '';
}
