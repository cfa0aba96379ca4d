// The snapshot documents the portal reads (docs/snapshots.md, docs/schemas/*.json); only the fields it uses.
/** latest.json; index: the version's index shards (objects), absent for a version from before content addressing. */
export interface Pointer { version: string; path: string; contentHash: string; createdAt: string; periods: string[]; index?: string[] }

export interface Zone {
  id: string; nameZh: string; nameEn: string; level: string; city?: string; parent?: string;
  groups: string[]; nameAliases?: string[]; illustrative?: string[];
}
export interface Group { id: string; nameZh: string; nameEn: string; reference?: string }
export interface Indicator { code: string; nameZh: string; nameEn: string; unit: string; direction: string; isPercent: boolean }

export interface Entry {
  zone: string; name: string; nameEn?: string; value?: number; rank?: number; of?: number; basis?: string;
  previousRank?: number; moveFromPrevious?: number; differencePoints?: number; status?: string; source?: string;
  /** Why a growth entry is not ranked (base-zero, turned-positive 由负转正, turned-profit 扭亏, base-negative). */
  notRankedReason?: string; notRankedReasonZh?: string; notRankedReasonEn?: string;
}
export interface Ranking {
  period: string; indicator: string; indicatorName: string; group: string; groupName: string; measure: 'level' | 'growth';
  unit: string; direction: string; reference?: string; referenceValue?: number; entries: Entry[];
}
export interface PageRanking { indicator: string; indicatorName: string; group: string; groupName: string; measure: 'level' | 'growth'; unit: string; entry: Entry }
export interface Observation { zone: string; indicator: string; period: string; value: number; source?: string }
export interface Target {
  zone: string; indicator: string; name: string; nameEn?: string; year: number; asOf: string; kind: string; target: number; unit: string;
  actual?: number; completion?: number; timeProgress: number; gapPoints?: number; status: string; source?: string;
  projection?: number; monthlyNeeded?: number;
}
export interface ZonePage { period: string; zone: string; nameZh: string; nameEn: string; observations: Observation[]; rankings: PageRanking[]; targets: Target[]; weakPoints?: WeakPointReport[] }
/** 短板 as publish stored them in the zone page (WeakPoints.ForAll): rendered, never recomputed. */
export interface WeakPoint { indicator: string; name: string; value?: number; unit: string; rank?: number; of: number; pointsLost?: number; weak: boolean }
export interface WeakPointReport {
  zone: string; scheme: string; schemeName: string; schemeNameEn?: string; weakCount: number; totalPointsLost: number;
  selectionZh?: string; selectionEn?: string; indicators: WeakPoint[];
}
export interface OfficialRank {
  zone: string; evaluation: 'national' | 'provincial' | 'city'; year: number; dataYear?: number; rank: number; of: number; field?: string; grade?: string; move?: number;
  /** Why a previous rank gives no move: its field differs in scope or size (docs/methods.md §6). */
  notComparableZh?: string; notComparableEn?: string;
}

export interface CompositeIndicator { key: string; indicator: string; name: string; weight: number; unit: string }
export interface CompositeZone {
  zone: string; name: string; score: number; rank: number; of: number; rankP5: number; rankP95: number; medianRank: number;
  officialRank?: number; officialOf?: number; officialYear?: number;
  indicators: { indicator: string; value?: number; normalised?: number; contribution?: number }[];
}
export interface Composite {
  scheme: string; schemeName: string; evaluation: string; group: string; draws: number; note?: string;
  definition?: { nameZh: string; nameEn: string };
  indicators: CompositeIndicator[]; zones: CompositeZone[];
}
