// Every label of the portal, in one place. Chinese is the default; ?lang=en or the toggle switches.
import catalogue from '../../seeds/i18n/units.json';

export type Lang = 'zh' | 'en';

const dict = {
  title: ['开发区统计门户', 'Development zone statistics portal'],
  skip: ['跳到正文', 'Skip to content'],
  loading: ['加载中…', 'Loading…'],
  navZone: ['本区', 'Zone'],
  navCity: ['全市', 'City'],
  navBureau: ['统计局上传', 'Bureau upload'],
  navBig: ['大屏', 'Big screen'],
  langToggle: ['English', '中文'],
  langToggleLabel: ['切换到英文', 'Switch to Chinese'],
  period: ['期间', 'Period'],
  snapshot: ['快照', 'Snapshot'],
  print: ['打印', 'Print'],
  briefingDocx: ['经济运行简报 (Word)', 'Monthly briefing (Word)'],
  briefingFile: ['{zone}{period}经济运行简报.docx', '{zone} briefing {period}.docx'],
  headline: ['本月主要指标', 'Headline figures of the month'],
  rankIn: ['在{group}排名', 'Rank in {group}'],
  rankOrdinal: ['第{rank}', 'No. {rank}'],
  moveUp: ['较上月提升 {n} 位', 'up {n} places on last month'],
  moveDown: ['较上月下降 {n} 位', 'down {n} places on last month'],
  moveSame: ['与上月持平', 'same place as last month'],
  gapToCity: ['较{ref}', 'vs {ref}'],
  points: ['个百分点', 'pp'],
  growth: ['同比', 'YoY'],
  computed: ['计算', 'computed'],
  computedNote: ['计算值：未报增速，按上年同期计算', 'Computed: no rate was reported; computed from the same period a year before'],
  illustrative: ['示例数据', 'illustrative'],
  officialRanks: ['考核位次', 'Official evaluation ranks'],
  evaluation_national: ['国评', 'National'],
  evaluation_provincial: ['省评', 'Provincial'],
  evaluation_city: ['市对区', 'City'],
  year: ['年度', 'Year'],
  rank: ['位次', 'Rank'],
  fieldSize: ['参评数', 'Field size'],
  move: ['变化', 'Move'],
  grade: ['等次', 'Grade'],
  targets: ['年度目标完成情况', 'Annual targets'],
  timeProgress: ['序时进度', 'Time progress'],
  asOf: ['截至', 'as of'],
  indicator: ['指标', 'Indicator'],
  target: ['目标', 'Target'],
  actual: ['实际', 'Actual'],
  completion: ['完成率', 'Completion'],
  gap: ['较序时', 'vs time progress'],
  status: ['状态', 'Status'],
  projection: ['年末预计', 'Year-end projection'],
  monthlyNeeded: ['月均还需', 'Needed per month'],
  keyNeeded: ['输入函数密钥后显示导入记录', 'Enter the function key to see past imports'],
  perMu: ['亩均效益对标', 'Per-mu efficiency against the benchmark peer'],
  zone: ['本区', 'This zone'],
  peer: ['对标', 'Peer'],
  ratio: ['本区÷对标', 'zone ÷ peer'],
  composite: ['综合评价', 'Composite evaluation'],
  compositeRank: ['综合评价位次', 'Composite rank'],
  interval: ['P5–P95 区间（蒙特卡洛 {draws} 次）', 'P5–P95 interval ({draws} Monte Carlo draws)'],
  officialRank: ['实际考核位次', 'Official rank'],
  score: ['得分', 'Score'],
  weakPoints: ['短板（按较中位数失分排序）', 'Weak points (by points lost against the median)'],
  pointsLost: ['失分', 'Points lost'],
  weakTag: ['短板', 'weak point'],
  contribution: ['得分', 'Points'],
  weight: ['满分', 'Full marks'],
  whatIf: ['情景推演：要前进几位需要多少', 'What-if: the value that gains 1…3 places'],
  whatIfIndicator: ['选择指标', 'Choose an indicator'],
  whatIfRun: ['推演', 'Compute'],
  whatIfStep: ['前进 {places} 位（到第 {target}）需 {value}', 'Up {places} (to No. {target}) needs {value}'],
  whatIfUnreachable: ['前进 {places} 位（到第 {target}）：仅靠该指标无法达到', 'Up {places} (to No. {target}): not reachable by this indicator alone'],
  whatIfCurrent: ['当前 {value}，综合第 {rank}/{of}', 'Now {value}, composite No. {rank}/{of}'],
  liveNeedsApi: ['此功能需要接口（/api）', 'This needs the live API (/api)'],
  city: ['全市排名表', 'City ranking table'],
  cityHint: ['点击列标题排序，点击单位名称查看该区', 'Click a column heading to sort, a unit to open its view'],
  unit: ['单位', 'Unit'],
  sortBy: ['按「{name}」排序', 'Sort by {name}'],
  notRanked: ['未排名', 'not ranked'],
  notComparable: ['不可比', 'not comparable'],
  bureau: ['统计局数据上传', 'Bureau data upload'],
  key: ['功能密钥', 'Function key'],
  keyHint: ['只保存在本页内存中，不写入浏览器存储；刷新或离开本页即清除', 'Held in this page\'s memory only, never in browser storage; reloading or leaving the page forgets it'],
  keyForeignApi: ['地址中指定了其他 API（?api=），不会向它发送密钥', 'The address names another API (?api=): the key is not sent to it'],
  keySave: ['保存密钥', 'Save key'],
  keyForget: ['清除密钥', 'Forget key'],
  keySaved: ['密钥已保存', 'Key saved'],
  dropHere: ['把文件拖到这里，或选择文件（CSV、XLSX、JSON）', 'Drop a file here, or choose one (CSV, XLSX, JSON)'],
  chooseFile: ['选择文件', 'Choose a file'],
  checking: ['正在检查「{file}」…', 'Checking “{file}”…'],
  dryRun: ['检查结果（未写入）', 'Check result (nothing written)'],
  counts: ['条数', 'Counts'],
  imported: ['新增', 'imported'],
  updated: ['更新', 'updated'],
  unchanged: ['未变', 'unchanged'],
  ignored: ['忽略', 'ignored'],
  findings: ['问题', 'Findings'],
  noFindings: ['没有问题', 'No findings'],
  code: ['代码', 'Code'],
  rows: ['行', 'Rows'],
  column: ['列', 'Column'],
  message: ['说明', 'Message'],
  confirm: ['确认导入并发布', 'Import and publish'],
  cannotImport: ['有错误，未导入任何数据。请修改后重新上传。', 'Errors: nothing was imported. Fix the file and upload it again.'],
  importing: ['正在导入、重算并发布…', 'Importing, recomputing and publishing…'],
  importedDone: ['已导入并发布：快照 {version}', 'Imported and published: snapshot {version}'],
  importedNoChange: ['已导入，快照内容未变', 'Imported; the snapshot did not change'],
  pastImports: ['导入记录', 'Past imports'],
  file: ['文件', 'File'],
  kind: ['类型', 'Kind'],
  started: ['时间', 'Time'],
  runPipeline: ['运行月度流程（导入待处理文件、重算、发布）', 'Run the monthly pipeline (ingest incoming, recompute, publish)'],
  running: ['正在运行…', 'Running…'],
  runDone: ['运行完成：{n} 个导入，快照 {version}', 'Run finished: {n} imports, snapshot {version}'],
  error: ['出错了', 'Something went wrong'],
  needKey: ['请先输入功能密钥', 'Enter the function key first'],
  unknownZone: ['没有找到开发区「{zone}」', 'No zone “{zone}”'],
  noSnapshot: ['还没有发布快照：请先运行 fz run', 'No snapshot is published yet: run fz run first'],
  noData: ['暂无数据', 'No data'],
  noFigureYet: ['暂无数据', 'no figure yet'],
  updatedAt: ['数据更新于 {time}', 'Data updated {time}'],
  source: ['数据来源：FunctionsZone 快照', 'Source: FunctionsZone snapshot'],
} satisfies Record<string, [string, string]>;

export type Key = keyof typeof dict;

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
