import { getLang, t } from './i18n';

// Numbers as the bureau writes them: 9.39 亿元, 2474 万美元, 9.5%, +28.9 个百分点 — no thousands separators in
// Chinese figures of this size, at most two decimals, trailing zeros dropped.
export function num(v: number | null | undefined, decimals = 2): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  const s = Number(v.toFixed(decimals)).toString();
  return s === '-0' ? '0' : s;
}

const unitsEn: Record<string, string> = {
  '亿元': '100 million yuan', '万美元': '10,000 USD', '万元': '10,000 yuan', '万元/亩': '10,000 yuan/mu',
  '家': 'firms', '个': '', '件': 'items', '亩': 'mu',
};

export function unitLabel(unit: string | undefined): string {
  if (!unit) return '';
  return getLang() === 'en' ? (unitsEn[unit] ?? unit) : unit;
}

/** 9.5% / 9.39 亿元 / 2474 万美元. */
export function withUnit(v: number | null | undefined, unit: string | undefined, decimals = 2): string {
  const n = num(v, decimals);
  if (n === '—' || !unit) return n;
  if (unit === '%') return `${n}%`;
  const u = unitLabel(unit);
  return u ? `${n} ${u}` : n;
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
