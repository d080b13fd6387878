/**
 * The office's own files in the editor: site.yaml (本机关信息) and jigou.yaml (机构信息).
 *
 * site.yaml holds two kinds of keys. Contact details a clerk keeps up to date are editable.
 * Keys that renumber notices, move URLs, change the taxonomy or switch the editor off are the
 * maintainer's (`机构代码`, `网址`, `分类`, `栏目` …): hidden in the editor, and written back as
 * they were read. Every site.yaml key is in one of the two lists (a unit test holds
 * them to the schema), so a save can never drop one.
 */
import type { CollectionFile, Field } from '@sveltia/cms';

/** site.yaml keys a clerk edits, with the hint shown under each. */
export const SITE_EDITABLE: readonly { key: string; hint: string; required?: true }[] = [
  { key: '机关名称', hint: '机关全称，例如 示例镇人民政府', required: true },
  { key: '地址', hint: '显示在指南的联系方式、机构信息页、页脚和申请表上' },
  { key: '邮编', hint: '6 位数字' },
  { key: '办公时间', hint: '例如 周一至周五 上午8:30—12:00，下午14:30—17:30（法定节假日除外）' },
  { key: '电话', hint: '本机关对外公开的办公电话' },
  { key: '传真', hint: '' },
  { key: '电子邮箱', hint: '例如 gk@example.gov.cn' },
  { key: '备案号', hint: 'ICP 备案号，显示在页脚' },
  { key: '公安备案号', hint: '公安机关备案号' },
  { key: '网站标识码', hint: '政府网站标识码，显示在页脚' },
];

/** site.yaml keys kept as written: changed in the file by the site's maintainer. */
export const SITE_KEPT: readonly string[] = [
  '机构代码',
  '网址',
  '分类',
  '机构类型',
  '栏目',
  'MDX可执行代码',
  '在线编辑',
  '代码仓库',
];

const text = (name: string, hint: string, required = false, widget: 'string' | 'text' = 'string'): Field => ({
  name,
  label: name,
  hint,
  widget,
  required,
});

export function siteFile(file: string): CollectionFile {
  return {
    name: 'site',
    label: '本机关信息（site.yaml）',
    file,
    fields: [
      ...SITE_EDITABLE.map((f) => text(f.key, f.hint, f.required === true)),
      ...SITE_KEPT.map((key): Field => ({ name: key, label: key, widget: 'hidden' })),
    ],
  };
}

export function organFile(file: string): CollectionFile {
  return {
    name: 'jigou',
    label: '机构信息（jigou.yaml）',
    file,
    fields: [
      text('机构职能', '《条例》第二十条要求公开的机构职能；每一行显示为一段', true, 'text'),
      {
        name: '内设机构',
        label: '内设机构',
        widget: 'list',
        fields: [text('名称', '', true), text('职责', '', true, 'text'), text('电话', '对外公开的办公电话，可不填')],
      },
      {
        name: '负责人',
        label: '负责人',
        hint: '不要填写手机号码等个人信息',
        widget: 'list',
        fields: [text('姓名', '', true), text('职务', '', true), text('分工', '', true, 'text')],
      },
      text('办公地址', '可不填；填写时替换 site.yaml 的 地址（只用于机构信息页）'),
      text('办公时间', '可不填；填写时替换 site.yaml 的 办公时间'),
      text('联系电话', '可不填；填写时替换 site.yaml 的 电话'),
    ],
  };
}
