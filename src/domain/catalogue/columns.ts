/**
 * 栏目: the columns of an office's 法定主动公开内容 (《政府信息公开条例》 Art. 20 for every organ,
 * Art. 21 for county-level and township governments) and the platform's own sections (制度,
 * 政策解读, 年报). An office gets the columns of its 机构类型 (site.yaml) unless site.yaml's 栏目
 * lists its own. A notice sits in the columns its 栏目 field names, and in the columns that take
 * every notice of its kind (a 规范性文件, a 解读, a 年度报告) without being named.
 *
 * Codes are URL segments (`/fading/<code>/`): a contract, like every URL.
 */

/** Which part of the 专栏 a column belongs to. */
export type ColumnGroup =
  /** 《条例》第二十条: what every organ publishes. */
  | 'art20'
  /** 《条例》第二十一条: what county-level and township governments add. */
  | 'art21'
  /** The platform's own sections: 制度, 政策解读, 年报. */
  | 'platform'
  /** A column the office added in site.yaml. */
  | 'office';

/** Notices a column takes without their 栏目 naming it. */
export type ColumnFeed = 'normative' | 'interpretation' | 'annual-report';

/** A page of the site that is itself content of the column, beside its notices. */
export type ColumnPage = 'organ' | 'rules' | 'normative' | 'interpretations' | 'annual-reports';

export interface Column {
  /** URL segment: `/fading/<code>/`. Lower-case ASCII. */
  code: string;
  /** What editors write in 栏目 and readers see. */
  name: string;
  /** What the column holds, in the law's words where it has them. */
  description?: string;
  /** Where the law asks for it: `《条例》第二十条第（一）项`. */
  basis?: string;
  group: ColumnGroup;
  feed?: ColumnFeed;
  page?: ColumnPage;
}

export const OFFICE_KINDS = ['乡镇', '街道', '县级政府', '县级部门', '市级政府', '市级部门', '其他'] as const;
export type OfficeKind = (typeof OFFICE_KINDS)[number];

const art20 = (item: string, code: string, name: string, description: string, extra: Partial<Column> = {}): Column => ({
  code,
  name,
  description,
  basis: `《条例》第二十条第（${item}）项`,
  group: 'art20',
  ...extra,
});

/** 《条例》第二十条: the fifteen kinds of information every organ publishes of its own accord. */
export const ARTICLE_20_COLUMNS: readonly Column[] = [
  art20('一', 'guifan', '规章和规范性文件', '行政法规、规章和规范性文件', { feed: 'normative', page: 'normative' }),
  art20('二', 'jigou', '机构职能', '机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名', { page: 'organ' }),
  art20('三', 'guihua', '规划信息', '国民经济和社会发展规划、专项规划、区域规划及相关政策'),
  art20('四', 'tongji', '统计信息', '国民经济和社会发展统计信息'),
  art20('五', 'xuke', '行政许可和服务事项', '办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果'),
  art20(
    '六',
    'zhifa',
    '行政处罚和行政强制',
    '实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定',
  ),
  art20('七', 'caizheng', '财政预决算', '财政预算、决算信息'),
  art20('八', 'shoufei', '行政事业性收费', '行政事业性收费项目及其依据、标准'),
  art20('九', 'caigou', '政府采购', '政府集中采购项目的目录、标准及实施情况'),
  art20('十', 'xiangmu', '重大建设项目', '重大建设项目的批准和实施情况'),
  art20('十一', 'minsheng', '民生政策', '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况'),
  art20('十二', 'yingji', '突发公共事件', '突发公共事件的应急预案、预警信息及应对情况'),
  art20('十三', 'jiandu', '监督检查', '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况'),
  art20('十四', 'zhaolu', '公务员招录', '公务员招考的职位、名额、报考条件等事项以及录用结果'),
  art20('十五', 'qita', '其他主动公开信息', '法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息'),
];

const art21 = (code: string, name: string, description: string): Column => ({
  code,
  name,
  description,
  basis: '《条例》第二十一条',
  group: 'art21',
});

/** 《条例》第二十一条, second half: what a 乡（镇）人民政府 adds. */
export const TOWNSHIP_COLUMNS: readonly Column[] = [
  art21('nongcun', '农业农村政策', '贯彻落实农业农村政策'),
  art21('shuili', '农田水利', '农田水利工程建设运营'),
  art21('liuzhuan', '土地承包经营权流转', '农村土地承包经营权流转'),
  art21('zhaijidi', '宅基地审核', '宅基地使用情况审核'),
  art21('zhengdi', '土地征收', '土地征收'),
  art21('fangwu', '房屋征收', '房屋征收'),
  art21('chouzi', '筹资筹劳', '筹资筹劳'),
  art21('jiuzhu', '社会救助', '社会救助'),
];

/** 《条例》第二十一条, first half: what 设区的市级、县级人民政府及其部门 add. */
export const COUNTY_COLUMNS: readonly Column[] = [
  art21('shizheng', '市政建设', '市政建设'),
  art21('gonggong', '公共服务', '公共服务'),
  art21('gongyi', '公益事业', '公益事业'),
  art21('zhengdi', '土地征收', '土地征收'),
  art21('fangwu', '房屋征收', '房屋征收'),
  art21('zhian', '治安管理', '治安管理'),
  art21('jiuzhu', '社会救助', '社会救助'),
];

/** Every organ's own sections of the 专栏, after the statutory columns. */
export const PLATFORM_COLUMNS: readonly Column[] = [
  {
    code: 'zhidu',
    name: '政府信息公开制度',
    description: '本机关政府信息公开的工作制度：保密审查、主动公开、依申请公开、年度报告等',
    group: 'platform',
    page: 'rules',
  },
  {
    code: 'jiedu',
    name: '政策解读',
    description: '对本机关政策文件的解读，与原文互相链接',
    group: 'platform',
    feed: 'interpretation',
    page: 'interpretations',
  },
  {
    code: 'nianbao',
    name: '政府信息公开年报',
    description: '本机关历年的政府信息公开工作年度报告',
    group: 'platform',
    feed: 'annual-report',
    page: 'annual-reports',
  },
];

/** The columns an office of this kind starts with; absent: only what every organ publishes. */
export function defaultColumns(kind: OfficeKind | undefined): Column[] {
  switch (kind) {
    case '乡镇':
    case '街道':
      return [...ARTICLE_20_COLUMNS, ...TOWNSHIP_COLUMNS, ...PLATFORM_COLUMNS];
    case '县级政府':
    case '县级部门':
    case '市级政府':
    case '市级部门':
      return [...ARTICLE_20_COLUMNS, ...COUNTY_COLUMNS, ...PLATFORM_COLUMNS];
    default:
      return [...ARTICLE_20_COLUMNS, ...PLATFORM_COLUMNS];
  }
}

/** Every built-in column, by name: what site.yaml's 栏目 may list by name alone. */
export const BUILT_IN_COLUMNS: ReadonlyMap<string, Column> = new Map(
  [...ARTICLE_20_COLUMNS, ...TOWNSHIP_COLUMNS, ...COUNTY_COLUMNS, ...PLATFORM_COLUMNS].map((c) => [c.name, c]),
);

/** A code an office may give its own column: a URL segment safe on every static host. */
export const COLUMN_CODE = /^[a-z][a-z0-9-]{0,39}$/;

/** The title of a 政府信息公开工作年度报告, by the template's wording (国办公开办函〔2021〕30号). */
const ANNUAL_REPORT_TITLE = /政府信息公开(?:工作)?年度报告|政府信息公开工作年报/;

/** What a notice must tell about itself to be placed. */
export interface Placeable {
  title: string;
  publishedOn: string;
  columns: readonly string[];
  normative: boolean;
  interprets?: string;
}

export function isAnnualReport(notice: Pick<Placeable, 'title'>): boolean {
  return ANNUAL_REPORT_TITLE.test(notice.title);
}

/** The year a 年度报告 reports on: the year its title names, else the year before it was published. */
export function annualReportYear(notice: Pick<Placeable, 'title' | 'publishedOn'>): number {
  const named = /((?:19|20)\d\d)\s*年/.exec(notice.title);
  return named ? Number(named[1]) : Number(notice.publishedOn.slice(0, 4)) - 1;
}

function feeds(feed: ColumnFeed, notice: Placeable): boolean {
  switch (feed) {
    case 'normative':
      return notice.normative;
    case 'interpretation':
      return Boolean(notice.interprets);
    case 'annual-report':
      return isAnnualReport(notice);
  }
}

/** The codes of the columns a notice sits in, in the office's column order. */
export function columnsOf(notice: Placeable, columns: readonly Column[]): string[] {
  const named = new Set(notice.columns);
  return columns.filter((c) => named.has(c.name) || (c.feed !== undefined && feeds(c.feed, notice))).map((c) => c.code);
}

/** Column code → its notices, in the order given (the caller's: newest first). */
export function placeNotices<N extends Placeable>(notices: readonly N[], columns: readonly Column[]): Map<string, N[]> {
  const placed = new Map(columns.map((c) => [c.code, [] as N[]]));
  for (const notice of notices) {
    for (const code of columnsOf(notice, columns)) placed.get(code)!.push(notice);
  }
  return placed;
}
