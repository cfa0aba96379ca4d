// Every label of the portal, from the one word catalogue. Chinese is the default; ?lang=en or the toggle switches.
import catalogue from '../../seeds/i18n/catalogue.json';

export type Lang = 'zh' | 'en';

// The portal's own words (portal) and the words it shares with fz (labels: evaluation.national…), from the one catalogue
// (seeds/i18n/catalogue.json), which fz and the briefing read too; a key is defined once there (CatalogueTests).
const dict: Record<string, string[]> = { ...catalogue.labels, ...catalogue.portal };

export type Key = keyof typeof catalogue.portal | keyof typeof catalogue.labels;

let lang: Lang = 'zh';
export function setLang(l: Lang) { lang = l; document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en'; }
export function getLang(): Lang { return lang; }

/** The label in the current language, with {name} placeholders filled. */
export function t(key: Key, vars: Record<string, string | number> = {}): string {
  // A key the data brings that the dictionary lacks (a new status) is empty, so callers fall back to the raw word.
  const text = dict[key]?.[lang === 'zh' ? 0 : 1] ?? '';
  return text.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ''));
}

/**
 * A name from the data: nameZh / nameEn pairs. English without an English name is the Chinese with the catalogue's
 * marker (乖宝集团年底前上市 [zh]) — the import reported it as missing-english-name; never shown silently.
 */
export function pick(zh: string | undefined, en: string | undefined): string {
  if (lang !== 'en') return zh || en || '';
  return en || (zh ? zh + catalogue.missingEnglish : '');
}
