/**
 * The editor's script at /guanli/main.js (bundled by src/build/editor-files.ts from this file and
 * @sveltia/cms in node_modules): 简体中文 first, then Sveltia CMS with the configuration the build
 * wrote beside it (config.json, from src/cms/cms-config.ts).
 */
import './prefer-chinese.ts';
import CMS from '@sveltia/cms';

const response = await fetch(new URL('config.json', import.meta.url), { cache: 'no-cache' });
await CMS.init({ config: await response.json() });
