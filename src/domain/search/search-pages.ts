/**
 * Pages of the site other than notices that the search index holds: the 指南, the 政府信息公开制度,
 * 机构信息 and 依申请公开. Kept apart from search-record.ts so the build's main thread can describe
 * them without loading the 简繁 converter, which only the search worker needs.
 */
import { toString } from 'mdast-util-to-string';
import { bodyPlainText, eachNode, parseBody } from '../body/body-text.ts';
import type { Content } from '../../content/content-check.ts';
import type { SiteConfig } from '../site/site-config.ts';
import { paragraphs, type OrganInfo } from '../site/organ-info.ts';
import { applicationChannels } from '../apply/application-form.ts';
import { paths } from '../site/site-paths.ts';
import { t, type UiKey } from '../site/ui-strings.ts';

/**
 * A page of the site that is not a notice but that readers search for: the 指南, where a reader
 * asking about 依申请公开, fees or office hours should land rather than on notices that mention them.
 */
export interface SearchPage {
  /** Root-relative path (site-paths.ts). */
  path: string;
  title: string;
  /** The page's headings: the topics it covers, which rank as its title does (see pageSearchRecord). */
  headings: readonly string[];
  /** The reader-visible text, headings included. */
  text: string;
}

/** A page made from Markdown (guide.md, zhidu.md) as a search page; `title` is the page's heading. */
export function markdownSearchPage(markdown: string, title: string, path: string): SearchPage {
  const headings: string[] = [];
  eachNode(parseBody(markdown), (node) => {
    if (node.type === 'heading') headings.push(toString(node).replace(/\s+/g, ' ').trim());
  });
  return { path, title, headings: headings.filter(Boolean), text: bodyPlainText(markdown) };
}

/** 机构信息 (/jigou/) as its page shows it: 职能, 内设机构, 负责人 and where to find the office. */
export function organSearchPage(site: SiteConfig, organ: OrganInfo): SearchPage {
  const headings = (['organ.functions', 'organ.departments', 'organ.leaders', 'organ.contacts'] as const).map((k) =>
    t(k),
  );
  const text = [
    t('organ.title'),
    site.name,
    t('organ.functions'),
    ...paragraphs(organ.functions),
    t('organ.departments'),
    ...organ.departments.map((d) => [d.name, d.duties, d.phone].filter(Boolean).join(' ')),
    t('organ.leaders'),
    ...organ.leaders.map((l) => `${l.name} ${l.title} ${l.duties}`),
    t('organ.contacts'),
    ...[organ.address ?? site.address, organ.officeHours ?? site.officeHours, organ.phone ?? site.phone],
  ].filter((line): line is string => Boolean(line));
  return { path: paths.organ, title: t('organ.title'), headings, text: text.join('\n') };
}

/** The texts of /yishenqing/, in its order: a query for 依申请, 申请表 or 收费 lands on it. */
const APPLY_TEXT: readonly UiKey[] = [
  'apply.contentHeading',
  'apply.content1',
  'apply.content2',
  'apply.content3',
  'apply.contentForm',
  'apply.channelsHeading',
  'apply.channelsIntro',
  'apply.oral',
  'apply.timeHeading',
  'apply.time',
  'apply.timeCorrection',
  'apply.feeHeading',
  'apply.fee',
  'apply.formHeading',
  'apply.formPage',
  'apply.formDocx',
  'apply.privacy',
];

/** 依申请公开 (/yishenqing/): how to apply, with the channels this office has. */
export function applySearchPage(site: SiteConfig): SearchPage {
  const headings = (
    [
      'apply.whoHeading',
      'apply.contentHeading',
      'apply.channelsHeading',
      'apply.timeHeading',
      'apply.feeHeading',
      'apply.formHeading',
    ] as const
  ).map((k) => t(k));
  const channels = applicationChannels(site).map((c) => {
    switch (c.kind) {
      case 'in-person':
        return `${t('apply.channelInPerson')} ${c.address} ${c.officeHours ?? ''}`;
      case 'post':
        return `${t('apply.channelPost')} ${c.address} ${c.postcode ?? ''}`;
      case 'fax':
        return `${t('apply.channelFax')} ${c.fax}`;
      case 'email':
        return `${t('apply.channelEmail')} ${c.email}`;
    }
  });
  const text = [t('apply.title'), t('apply.intro', { organ: site.name }), ...APPLY_TEXT.map((k) => t(k)), ...channels];
  return { path: paths.apply, title: t('apply.title'), headings, text: text.join('\n') };
}

/**
 * Every page other than notices that the index holds, for this content: the 指南 and 依申请公开
 * always, the 制度 and 机构信息 when the office has written them (without, the pages only say so).
 */
export function sitePagesForSearch(content: Pick<Content, 'site' | 'guide' | 'rules' | 'organ'>): SearchPage[] {
  return [
    markdownSearchPage(content.guide, t('guide.title'), paths.guide),
    applySearchPage(content.site),
    ...(content.rules !== undefined ? [markdownSearchPage(content.rules, t('rules.title'), paths.rules)] : []),
    ...(content.organ ? [organSearchPage(content.site, content.organ)] : []),
  ];
}
