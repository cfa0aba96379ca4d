/**
 * The logical files of a snapshot version: the portal's one catalogue of paths, mirroring SnapshotLayout
 * (src/FunctionsZone.Core/Snapshots/SnapshotLayout.cs; a test holds the two to the same names).
 */
export const paths = {
  latest: 'latest.json',
  zones: 'registry/zones.json',
  groups: 'registry/groups.json',
  indicators: 'registry/indicators.json',
  schemes: 'registry/schemes.json',
  officialRanks: 'official-ranks.json',
  rankings: (period: string) => `periods/${period}/rankings.json`,
  targets: (period: string) => `periods/${period}/targets.json`,
  observations: (period: string) => `periods/${period}/observations.json`,
  composite: (period: string) => `periods/${period}/composite.json`,
  benchmarks: (period: string) => `periods/${period}/benchmarks.json`,
  perMu: (period: string) => `periods/${period}/permu.json`,
  zonePage: (period: string, zone: string) => `periods/${period}/zones/${zone}.json`,
  briefingDocx: (period: string, zone: string) => `periods/${period}/zones/${zone}.briefing.docx`,
};
