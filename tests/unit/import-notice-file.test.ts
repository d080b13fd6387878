import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { noticeFileText } from '../../src/import/notice-file.ts';
import { splitNotice } from '../../src/content/notice-source.ts';
import { NOTICE_KEYS } from '../../src/domain/notice/notice-schema.ts';

describe('noticeFileText', () => {
  test('lists every key of the field table in its order, blank when the page had no value', () => {
    const text = noticeFileText({ 标题: '关于测试的通知', 发布日期: '2010-04-24' }, '正文。');
    const keys = text
      .split('\n---\n')[0]!
      .split('\n')
      .slice(1)
      .map((line) => line.split(':')[0]);
    assert.deepEqual(keys, [...NOTICE_KEYS]);
    assert.match(text, /\n---\n\n正文。\n$/);
  });

  test('page text that YAML would read otherwise is quoted, and reads back exactly', () => {
    const fields = {
      标题: '关于“三公”经费: 公开 #1 的通知',
      文号: '[2010]',
      发布机构: 'yes',
      摘要: '---\n伪造的字段区',
      主题词: ['a: b', '#标签', '正常'],
      附件: [{ name: '附件: 1 #', file: '2010/a b.pdf' }],
      发布日期: '2010-04-24',
    };
    const { source, problems } = splitNotice('notices/2010/a.md', noticeFileText(fields, '正文。'));
    assert.deepEqual(problems, []);
    assert.equal(source!.data['标题'], fields.标题);
    assert.equal(source!.data['文号'], '[2010]');
    assert.equal(source!.data['发布机构'], 'yes');
    assert.equal(source!.data['摘要'], '---\n伪造的字段区');
    assert.deepEqual(source!.data['主题词'], ['a: b', '#标签', '正常']);
    assert.deepEqual(source!.data['附件'], [{ 名称: '附件: 1 #', 文件: '2010/a b.pdf' }]);
    assert.equal(source!.body.trim(), '正文。');
  });
});
