import { getLang, t } from './i18n';
import catalogue from '../../seeds/i18n/catalogue.json';

// Numbers as the bureau writes them: 9.39 亿元, 2474 万美元, 9.5%, +28.9 个百分点 — no thousands separators in
// Chinese figures of this size, at most two decimals, trailing zeros dropped.
export function num(v: number | null | undefined, decimals = 2): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  const s = Number(v.toFixed(decimals)).toString();
  return s === '-0' ? '0' : s;
}

// The units of the one word catalogue, shared with the briefing and fz (Core UnitCatalogue reads the same file): zh keeps the bureau's unit,
// en scales the unit's base to thousand / million / billion (40 亿元 → 4.0 billion yuan, 2474 万美元 → US$24.74 million).
interface Words { prefix?: string; suffix?: string; prose?: string; one?: string }
interface Entry { base?: number; count?: boolean; zh: Words; en: Words }
const units = catalogue.units as Record<string, Entry>;
const grades = catalogue.grades as Record<string, { zh: string; en: string }>;
const statuses = catalogue.statuses as Record<string, { zh: string; en: string }>;

/** A figure in the reader's language, in parts: the card shows the figure and the unit apart. */
export interface UnitText { prefix: string; figure: string; suffix: string }

function decimalsOf(v: number): number {
  const s = num(Math.abs(v), 4);
  return s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
}

export function unitText(v: number, unit: string, decimals = 2): UnitText {
  const e = units[unit];
  if (!e) return { prefix: '', figure: num(v, decimals), suffix: unit };
  if (getLang() !== 'en') return { prefix: e.zh.prefix ?? '', figure: num(v, decimals), suffix: e.zh.suffix ?? unit };
  const suffix = v === 1 && e.en.one !== undefined ? e.en.one : e.en.suffix ?? '';
  if (e.base === undefined) return { prefix: e.en.prefix ?? '', figure: num(v, decimals), suffix };
  const amount = v * e.base;
  const scale = catalogue.scales.find(s => Math.abs(amount) >= s.factor);
  const factor = scale?.factor ?? 1;
  // The figure keeps the precision it was reported with: 40 (亿) → 4.0 billion, 2474 (万) → 24.74 million; at most 2 places.
  const places = Math.min(2, Math.max(0, decimalsOf(Number(num(v, decimals))) + Math.round(Math.log10(factor / e.base))));
  return { prefix: e.en.prefix ?? '', figure: (amount / factor).toFixed(places), suffix: scale ? ` ${scale.en}${suffix}` : suffix };
}

/** The unit word alone, where a column or axis names it once (亿元 / yuan). */
export function unitLabel(unit: string | undefined): string {
  if (!unit) return '';
  const e = units[unit];
  if (!e) return unit;
  return getLang() === 'en' ? `${e.en.prefix ?? ''}${e.en.suffix ?? ''}`.trim() : e.zh.suffix ?? unit;
}

/** 9.5% / 9.39 亿元 / 2474 万美元; en: 939 million yuan / US$24.74 million. */
export function withUnit(v: number | null | undefined, unit: string | undefined, decimals = 2): string {
  const n = num(v, decimals);
  if (n === '—' || !unit) return n;
  const u = unitText(v!, unit, decimals);
  // Chinese keeps the portal's space between figure and unit (9.39 亿元); % and English suffixes carry their own.
  const gap = getLang() !== 'en' && u.suffix && unit !== '%' ? ' ' : '';
  return `${u.prefix}${u.figure}${gap}${u.suffix}`;
}

/** 四等 → Grade 4, from the catalogue; a grade it lacks is shown as published. */
export function gradeText(grade: string | undefined): string {
  if (!grade) return '—';
  return grades[grade]?.[getLang()] ?? grade;
}

/** A target status in words (behind → 慢于序时 / behind). */
export function statusText(status: string): string {
  return statuses[status]?.[getLang()] ?? status;
}

export function signed(v: number, decimals = 1): string {
  const n = num(v, decimals);
  return v > 0 ? `+${n}` : n;
}

/** +28.9 个百分点 */
export function points(v: number): string { return `${signed(v)} ${t('points')}`; }

/** ↑2 / ↓1 / — for a move in places (positive = 提升). */
export function moveArrow(move: number | undefined | null): string {
  if (move === undefined || move === null) return '';
  if (move > 0) return `↑${move}`;
  if (move < 0) return `↓${-move}`;
  return '—';
}

export function moveText(move: number): string {
  if (move > 0) return t('moveUp', { n: move });
  if (move < 0) return t('moveDown', { n: -move });
  return t('moveSame');
}

/** ≈1/5 for a ratio under 1 (the speech's way of saying a fifth), ≈2.1× above. */
export function ratioText(ratio: number): string {
  if (ratio <= 0) return '—';
  if (ratio < 1) return `≈1/${num(1 / ratio, 2)}`;
  return `≈${num(ratio, 2)}×`;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));
}
