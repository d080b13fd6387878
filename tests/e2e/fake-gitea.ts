/**
 * A fake Gitea REST API, in memory, for the editor's git-host mode: one repository, one branch
 * `main`, and only the endpoints Sveltia CMS 0.221's Gitea backend calls
 * (src/lib/services/backends/git/gitea/ in sveltia/sveltia-cms). It claims to be Gitea 1.24, the
 * first version with the bulk `file-contents` endpoint Sveltia reads entries with (Forgejo's
 * `git/blobs` is not served). Anything else is logged and answered 404, so a request Sveltia
 * starts making shows up in the test's output instead of as a puzzling failure in the browser.
 *
 * The editor is on another origin (the site's), so the API answers CORS preflights for the one
 * origin set in `corsOrigin`, as a Gitea with [cors] ALLOW_DOMAIN would.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative, sep } from 'node:path';

/** One file of a commit, as the editor sent it, with its content decoded. */
export interface ReceivedFile {
  operation: 'create' | 'update' | 'delete';
  path: string;
  fromPath?: string;
  /** The blob the editor last read: Gitea refuses an update whose sha is not the file's. */
  sha?: string;
  content: Buffer;
}

export interface ReceivedCommit {
  sha: string;
  branch: string;
  message: string;
  author: { name?: string; email?: string };
  files: ReceivedFile[];
}

export interface FakeGitea {
  /** `http://127.0.0.1:PORT`: the instance's address, which site.yaml's 代码仓库 网址 names. */
  url: string;
  /** The branch's files, path → bytes. */
  files: Map<string, Buffer>;
  commits: ReceivedCommit[];
  /** Every request, with the Authorization header it carried (preflights included). */
  requests: { method: string; url: string; authorization?: string }[];
  /** `METHOD URL` of each request no route answered (404): an endpoint the fake lacks. */
  unanswered: string[];
  /** The editor's origin: the only one CORS lets read the API. */
  corsOrigin: string;
  /** Adds every file of a folder under `prefix` (e.g. `content/`): the repository's first commit. */
  seed(folder: string, prefix: string): void;
  close(): Promise<void>;
}

interface Options {
  /** `owner/name`. */
  repo: string;
  /** The access token the user signs in with: any other is refused as Gitea does (401). */
  token: string;
}

/** A git blob's id, as Gitea reports it: sha1 of `blob <size>\0<bytes>`. */
const blobSha = (data: Buffer) => createHash('sha1').update(`blob ${data.length}\0`).update(data).digest('hex');

/** A 1×1 transparent PNG: the user's avatar. */
const AVATAR = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

interface Request {
  url: URL;
  match: RegExpExecArray;
  body: unknown;
}
type Reply = { status?: number; json?: unknown; body?: Buffer; type?: string };

export async function startFakeGitea({ repo, token }: Options): Promise<FakeGitea> {
  const [owner, name] = repo.split('/') as [string, string];
  const files = new Map<string, Buffer>();
  const commits: ReceivedCommit[] = [];
  const requests: FakeGitea['requests'] = [];
  const unanswered: string[] = [];
  let url = '';
  let head = createHash('sha1').update('initial commit').digest('hex');
  let headMessage = 'initial commit';
  const user = {
    id: 1,
    login: 'zhen',
    full_name: '测试镇办公室',
    email: 'zhen@test.example.gov.cn',
    html_url: '',
    avatar_url: '',
  };

  const repoPath = `/api/v1/repos/${owner}/${name}`;
  const fileEntry = (path: string, data: Buffer) => ({
    name: path.split('/').at(-1),
    path,
    sha: blobSha(data),
    type: 'file',
    size: data.length,
    encoding: 'base64',
    content: data.toString('base64'),
  });

  /** Sveltia's calls, in the order it makes them (see the header for where they are in its source). */
  const routes: [method: string, path: RegExp, handle: (req: Request) => Reply][] = [
    // Sign-in with a token: the user's profile (gitea/user.js).
    ['GET', /^\/api\/v1\/user$/, () => ({ json: user })],
    // Which API to use: Gitea ≥ 1.24 (gitea/instance.js).
    ['GET', /^\/api\/v1\/version$/, () => ({ json: { version: '1.24.0' } })],
    // Permissions and default branch (gitea/repository.js).
    [
      'GET',
      new RegExp(`^${repoPath}$`),
      () => ({
        json: {
          id: 1,
          name,
          full_name: repo,
          owner: { login: owner },
          private: true,
          empty: false,
          default_branch: 'main',
          html_url: `${url}/${repo}`,
          permissions: { admin: false, push: true, pull: true },
        },
      }),
    ],
    // The branch's last commit (gitea/commits.js fetchLastCommit), before loading and saving.
    [
      'GET',
      new RegExp(`^${repoPath}/branches/main$`),
      () => ({ json: { name: 'main', commit: { id: head, message: headMessage } } }),
    ],
    // Every file of the last commit (gitea/files.js fetchFileList); all on one page.
    [
      'GET',
      new RegExp(`^${repoPath}/git/trees/([^/]+)$`),
      ({ url, match }) => {
        if (![head, 'main'].includes(match[1]!) || url.searchParams.get('recursive') !== '1') return { status: 404 };
        const tree = [...files].map(([path, data]) => ({
          path,
          mode: '100644',
          type: 'blob',
          size: data.length,
          sha: blobSha(data),
        }));
        return { json: { sha: head, tree, truncated: false, page: 1, total_count: tree.length } };
      },
    ],
    // The limits the bulk read below must keep to (gitea/files.js fetchFileContents).
    [
      'GET',
      /^\/api\/v1\/settings\/api$/,
      () => ({
        json: {
          default_paging_num: 30,
          max_response_items: 50,
          default_git_trees_per_page: 1000,
          default_max_blob_size: 10485760,
          default_max_response_size: 52428800,
        },
      }),
    ],
    // Many files' contents at once, by path (gitea/files.js fetchFileContents).
    [
      'POST',
      new RegExp(`^${repoPath}/file-contents$`),
      ({ url, body }) => {
        if (url.searchParams.get('ref') !== 'main') return { status: 404 };
        const paths = (body as { files: string[] }).files;
        return { json: paths.map((path) => (files.has(path) ? fileEntry(path, files.get(path)!) : null)) };
      },
    ],
    // One asset's bytes (gitea/files.js fetchBlob), e.g. an attachment the editor previews.
    [
      'GET',
      new RegExp(`^${repoPath}/media/main/(.+)$`),
      ({ match }) => {
        const data = files.get(decodeURI(match[1]!));
        return data ? { body: data, type: 'application/octet-stream' } : { status: 404 };
      },
    ],
    // Saving: one commit of several files, Gitea's "modify multiple files" (gitea/commits.js).
    ['POST', new RegExp(`^${repoPath}/contents$`), ({ body }) => commit(body as CommitBody)],
    // The user's avatar, which the editor shows in its account menu (not under /api/: no token).
    ['GET', /^\/avatars\/zhen$/, () => ({ body: AVATAR, type: 'image/png' })],
  ];

  interface CommitBody {
    branch: string;
    message: string;
    author: { name?: string; email?: string };
    files: { operation: ReceivedFile['operation']; path: string; from_path?: string; sha?: string; content?: string }[];
  }

  /** Applies a commit as Gitea does: all files or none, an update only of the blob last read. */
  function commit(body: CommitBody): Reply {
    if (body.branch !== 'main') return { status: 404, json: { message: 'branch does not exist' } };
    const received = body.files.map((f) => ({
      operation: f.operation,
      path: f.path,
      ...(f.from_path && { fromPath: f.from_path }),
      ...(f.sha && { sha: f.sha }),
      content: Buffer.from(f.content ?? '', 'base64'),
    }));
    for (const f of received) {
      const current = files.get(f.fromPath ?? f.path);
      if (f.operation === 'create' && files.has(f.path))
        return { status: 422, json: { message: `file already exists: ${f.path}` } };
      if (f.operation !== 'create' && (!current || f.sha !== blobSha(current)))
        return { status: 409, json: { message: `sha does not match [given: ${f.sha}]: ${f.path}` } };
    }
    for (const f of received) {
      if (f.fromPath) files.delete(f.fromPath);
      if (f.operation === 'delete') files.delete(f.path);
      else files.set(f.path, f.content);
    }
    head = createHash('sha1')
      .update(`${head}\n${body.message}\n${JSON.stringify(body.files)}`)
      .digest('hex');
    headMessage = body.message;
    commits.push({ sha: head, branch: body.branch, message: body.message, author: body.author, files: received });
    return {
      status: 201,
      json: {
        commit: { sha: head, message: body.message, created: new Date().toISOString() },
        files: received.map((f) => (f.operation === 'delete' ? null : fileEntry(f.path, f.content))),
      },
    };
  }

  const fake: FakeGitea = {
    url,
    files,
    commits,
    requests,
    unanswered,
    corsOrigin: '',
    seed(folder, prefix) {
      for (const e of readdirSync(folder, { recursive: true, withFileTypes: true }).filter((x) => x.isFile())) {
        const full = join(e.parentPath, e.name);
        files.set(prefix + relative(folder, full).split(sep).join('/'), readFileSync(full));
      }
    },
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestUrl = new URL(req.url ?? '/', url);
    requests.push({ method: req.method ?? '', url: requestUrl.href, authorization: req.headers.authorization });
    // CORS as Gitea sends it: for the allowed origin only, which a browser then lets read the answer.
    if (req.headers.origin === fake.corsOrigin) {
      res.setHeader('Access-Control-Allow-Origin', fake.corsOrigin);
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
      res.setHeader('Access-Control-Max-Age', '600');
      res.writeHead(204).end();
      return;
    }
    const send = ({ status = 200, json, body, type }: Reply) => {
      if (json !== undefined) res.writeHead(status, { 'Content-Type': 'application/json;charset=utf-8' });
      else res.writeHead(status, { 'Content-Type': type ?? 'text/plain;charset=utf-8' });
      res.end(json !== undefined ? JSON.stringify(json) : (body ?? ''));
    };
    const route = routes.find(([method, path]) => method === req.method && path.test(requestUrl.pathname));
    if (!route) {
      unanswered.push(`${req.method} ${requestUrl.href}`);
      console.log(`fake Gitea: no route for ${req.method} ${requestUrl.pathname}${requestUrl.search}`);
      send({ status: 404, json: { message: 'not found' } });
      return;
    }
    // Every API call needs the user's token, sent as Gitea's `token <value>` scheme.
    if (requestUrl.pathname.startsWith('/api/') && req.headers.authorization !== `token ${token}`) {
      send({ status: 401, json: { message: 'token is required' } });
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const match = route[1].exec(requestUrl.pathname)!;
    send(route[2]({ url: requestUrl, match, body: text ? JSON.parse(text) : undefined }));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.log(`fake Gitea: ${req.method} ${req.url}: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.url = url;
  user.html_url = `${url}/${user.login}`;
  user.avatar_url = `${url}/avatars/${user.login}`;
  return fake;
}
