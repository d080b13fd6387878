/**
 * Realistic synthetic notices for `npm run bench`: varied length, categories, years, 文号,
 * tables and a share written in 繁體, from a fixed seed so runs are comparable.
 */
import { mkdir, writeFile, cp } from 'node:fs/promises';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js/cn2t';
import { DEFAULT_TAXONOMY } from '../../src/domain/notice/taxonomy.ts';
import { formatIndexNumber } from '../../src/domain/notice/index-number.ts';

const ORGAN = '11441299MB2E00012L';
const TOPICS = [
  '春耕生产',
  '防汛防台风',
  '森林防火',
  '安全生产检查',
  '燃气安全隐患排查',
  '农村人居环境整治',
  '最低生活保障',
  '临时救助',
  '义务教育招生',
  '征兵工作',
  '疫苗接种',
  '乡村振兴',
  '政务公开',
  '财政预算公开',
  '宅基地审批',
  '耕地保护',
  '食品安全抽检',
  '就业援助',
  '养老服务',
  '文化活动',
  '不动产登记',
  '河长制',
  '禁毒宣传',
  '消防安全',
  '环境卫生',
];
const GENRES = ['通知', '通告', '公告', '意见', '办法', '报告', '通报', '决定', '批复', '函'];
const SENTENCES = [
  '为深入贯彻落实上级有关工作部署，切实做好{t}工作，结合本镇实际，现将有关事项通知如下。',
  '各村（居）委会要高度重视{t}工作，成立工作专班，明确责任分工，确保各项措施落到实处。',
  '镇直各有关单位要加强协调配合，形成工作合力，及时研究解决{t}工作中遇到的困难和问题。',
  '对工作推进不力、造成不良影响的，将依照有关规定严肃追究相关单位和人员的责任。',
  '请各单位于每月25日前将{t}工作进展情况报送镇党政综合办公室，联系电话0758-1234567。',
  '要充分利用村务公开栏、微信群、广播等渠道广泛宣传，提高群众知晓率和参与度。',
  '坚持以人民为中心的发展思想，着力解决群众急难愁盼问题，不断增强人民群众的获得感、幸福感、安全感。',
  '本通知自印发之日起施行，由镇人民政府负责解释，此前规定与本通知不一致的，以本通知为准。',
  '开展{t}专项检查，重点检查制度落实、台账建立、隐患整改等情况，发现问题立即督促整改。',
  '加强资金监管，严格执行财务制度，确保专项资金专款专用，提高资金使用效益。',
];

/** A small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function writeSyntheticContent(
  dir: string,
  count: number,
  template: string,
  seed = 20261123,
): Promise<void> {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'hk' });
  await mkdir(join(dir, 'notices'), { recursive: true });
  await cp(join(template, 'site.yaml'), join(dir, 'site.yaml'));
  await cp(join(template, 'guide.md'), join(dir, 'guide.md'));
  const serials = new Map<number, number>();
  const folders = new Set<string>();
  for (let i = 0; i < count; i++) {
    const year = 2015 + Math.floor(rand() * 12);
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const serial = (serials.get(year) ?? 0) + 1;
    serials.set(year, serial);
    const topic = pick(TOPICS);
    const genre = pick(GENRES);
    const traditional = rand() < 0.08;
    const paragraphs: string[] = [];
    const length = 2 + Math.floor(rand() * rand() * 30);
    for (let p = 0; p < length; p++) {
      if (p > 0 && p % 4 === 0)
        paragraphs.push(
          `## ${['一', '二', '三', '四', '五', '六', '七', '八'][Math.min(7, p / 4 - 1)]}、${topic}工作要求`,
        );
      paragraphs.push(
        Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(SENTENCES).replaceAll('{t}', topic)).join(''),
      );
    }
    if (rand() < 0.15) {
      const rows = 3 + Math.floor(rand() * 20);
      paragraphs.push(
        [
          '| 序号 | 工作任务 | 具体要求 | 牵头单位 | 完成时限 |',
          '| --- | --- | --- | --- | --- |',
          ...Array.from(
            { length: rows },
            (_, r) =>
              `| ${r + 1} | ${pick(TOPICS)} | ${pick(SENTENCES).replaceAll('{t}', topic)} | 镇${pick(['农业农村办', '应急办', '财政所', '社会事务办'])} | ${year}年${1 + (r % 12)}月底前 |`,
          ),
        ].join('\n'),
      );
    }
    let title = `示例镇人民政府关于做好${year}年${topic}工作的${genre}`;
    let body = paragraphs.join('\n\n');
    if (traditional) [title, body] = [toTraditional(title), toTraditional(body)];
    const front = [
      '---',
      `标题: "${title}"`,
      `索引号: "${formatIndexNumber({ code: ORGAN, year, serial })}"`,
      ...(rand() < 0.5 ? [`文号: 示镇府〔${year}〕${serial}号`] : []),
      `分类: ${pick(DEFAULT_TAXONOMY)}`,
      `发布日期: "${date}"`,
      `体裁: ${genre}`,
      ...(rand() < 0.3 ? [`主题词: [${topic}, ${genre}]`] : []),
      ...(rand() < 0.1 ? ['有效性: 有效'] : []),
      '---',
      '',
    ].join('\n');
    const folder = join(dir, 'notices', String(year));
    if (!folders.has(folder)) {
      await mkdir(folder, { recursive: true });
      folders.add(folder);
    }
    await writeFile(join(folder, `n${String(i).padStart(6, '0')}.md`), `${front}${body}\n`);
  }
}

/**
 * Publishes one more notice, newer than every synthetic one (the most common change to a real
 * site): it goes to the top of the 目录 and into the newest search shard.
 */
export async function addNewestNotice(dir: string): Promise<void> {
  const front = [
    '---',
    '标题: "示例镇人民政府关于做好年末安全生产检查工作的通知"',
    `索引号: "${formatIndexNumber({ code: ORGAN, year: 2026, serial: 99999 })}"`,
    `分类: ${DEFAULT_TAXONOMY[0]}`,
    '发布日期: "2026-12-31"',
    '体裁: 通知',
    '---',
    '',
  ].join('\n');
  await mkdir(join(dir, 'notices', '2026'), { recursive: true });
  await writeFile(
    join(dir, 'notices', '2026', 'newest.md'),
    `${front}${SENTENCES[0]!.replaceAll('{t}', '安全生产检查')}\n`,
  );
}
