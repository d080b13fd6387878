/**
 * The 政府信息公开申请表: its title, sections, labels and tick boxes, written once. The printable
 * page (/yishenqing/shenqingbiao/) and the Word file (/yishenqing/shenqingbiao.docx) both lay out
 * what `applicationForm` returns, so the two can never ask for different things.
 *
 * What it asks follows the 条例 (Art. 29: who applies, their 身份证明 and contact, a description
 * of the information by 名称, 文号 or other features, the form and way it is wanted) and the
 * common national form (shared/domain.md, "The application form"). The site itself collects
 * nothing: the form is printed or downloaded, filled in by hand and sent.
 */
import type { SiteConfig } from '../site/site-config.ts';

/** A box to write in; `lines` is its height in lines of handwriting. */
export interface FormField {
  label: string;
  lines: number;
}

/** One row of the table: one field across the row, two side by side, or a row of tick boxes. */
export type FormRow =
  | { kind: 'fields'; fields: readonly [FormField] | readonly [FormField, FormField] }
  | { kind: 'choice'; label: string; options: readonly string[] };

/** Rows under one heading in the first column (公民, 法人或者其他组织), or under none. */
export interface FormGroup {
  heading?: string;
  rows: readonly FormRow[];
}

/** A part of the table under a heading that runs across it (申请人信息, 所需信息情况 …). */
export interface FormSection {
  heading: string;
  groups: readonly FormGroup[];
}

export interface ApplicationForm {
  title: string;
  /** The organ the form goes to, filled in from site.yaml: 受理机关, 地址, 邮政编码. */
  recipient: readonly { label: string; value: string }[];
  sections: readonly FormSection[];
  /** The last row: signature and date, filled in by hand. */
  signature: readonly [FormField, FormField];
  notes: readonly string[];
}

export const APPLICATION_FORM_TITLE = '政府信息公开申请表';

/**
 * The ways an application reaches the office, each only when site.yaml gives what it needs:
 * 当面 and 邮寄 an address, 传真 a fax number, 电子邮件 an e-mail address.
 */
export type ApplicationChannel =
  | { kind: 'in-person'; address: string; officeHours?: string }
  | { kind: 'post'; address: string; postcode?: string }
  | { kind: 'fax'; fax: string }
  | { kind: 'email'; email: string };

export function applicationChannels(site: SiteConfig): ApplicationChannel[] {
  const { address, officeHours, postcode, fax, email } = site;
  return [
    ...(address ? [{ kind: 'in-person' as const, address, ...(officeHours && { officeHours }) }] : []),
    ...(address ? [{ kind: 'post' as const, address, ...(postcode && { postcode }) }] : []),
    ...(fax ? [{ kind: 'fax' as const, fax }] : []),
    ...(email ? [{ kind: 'email' as const, email }] : []),
  ];
}

/** How the form's note names each channel. */
const CHANNEL_VERB: Record<ApplicationChannel['kind'], string> = {
  'in-person': '当面递交',
  post: '邮寄',
  fax: '传真',
  email: '发送电子邮件',
};

const field = (label: string, lines = 1): FormField => ({ label, lines });
const pair = (a: string, b: string): FormRow => ({ kind: 'fields', fields: [field(a), field(b)] });
const single = (label: string, lines = 1): FormRow => ({ kind: 'fields', fields: [field(label, lines)] });

/**
 * The form for `site`. Two things depend on the office: the recipient lines, and the ways it can
 * hand the information over — 传真 and 电子邮件 only when site.yaml gives the office a fax or an
 * e-mail address, since it cannot send by a channel it does not have.
 */
export function applicationForm(site: SiteConfig): ApplicationForm {
  const recipient = [
    { label: '受理机关', value: site.name },
    ...(site.address ? [{ label: '地址', value: site.address }] : []),
    ...(site.postcode ? [{ label: '邮政编码', value: site.postcode }] : []),
  ];
  const channels = applicationChannels(site);
  const delivery = ['当面领取', '邮寄', ...(site.email ? ['电子邮件'] : []), ...(site.fax ? ['传真'] : [])];
  return {
    title: APPLICATION_FORM_TITLE,
    recipient,
    sections: [
      {
        heading: '申请人信息',
        groups: [
          {
            heading: '公民',
            rows: [
              pair('姓名', '工作单位'),
              pair('证件名称', '证件号码'),
              pair('通信地址', '邮政编码'),
              pair('联系电话', '传真'),
              single('电子邮箱'),
            ],
          },
          {
            heading: '法人或者其他组织',
            rows: [
              pair('名称', '统一社会信用代码'),
              pair('法定代表人或负责人', '联系人姓名'),
              pair('联系人电话', '联系人电子邮箱'),
            ],
          },
        ],
      },
      {
        heading: '所需信息情况',
        groups: [
          {
            rows: [
              single('所需信息的名称或内容描述', 5),
              single('所需信息的文号（可选）'),
              single('所需信息的用途（可选）', 2),
            ],
          },
        ],
      },
      {
        heading: '获取信息的方式',
        groups: [
          {
            rows: [
              { kind: 'choice', label: '信息的提供形式', options: ['纸质', '电子邮件', '光盘', '其他'] },
              { kind: 'choice', label: '获取信息的途径', options: delivery },
            ],
          },
        ],
      },
    ],
    signature: [field('申请人签名或盖章', 2), field('申请日期', 2)],
    notes: [
      '请提供申请人的身份证明（如身份证件复印件）；所需信息请写明名称、文号或者便于查找的其他特征。',
      channels.length > 0
        ? `本表复制有效。填写后请${joinOr(channels.map((c) => CHANNEL_VERB[c.kind]))}至受理机关。`
        : '本表复制有效。',
    ],
  };
}

/** Every label the form shows, in order: for tests that compare the page and the Word file with it. */
export function formLabels(form: ApplicationForm): string[] {
  return [
    form.title,
    ...form.recipient.map((r) => r.label),
    ...form.sections.flatMap((s) => [
      s.heading,
      ...s.groups.flatMap((g) => [
        ...(g.heading ? [g.heading] : []),
        ...g.rows.flatMap((r) => (r.kind === 'fields' ? r.fields.map((f) => f.label) : [r.label, ...r.options])),
      ]),
    ]),
    ...form.signature.map((f) => f.label),
  ];
}

/** 甲、乙或者丙: a list as a Chinese sentence says it. */
function joinOr(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join('、')}或者${items.at(-1)}` : (items[0] ?? '');
}
