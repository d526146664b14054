/**
 * Malformed and hostile deployment files: each gets one line on stderr that names the file (and,
 * where the file has one, the line and the field), no stack, nothing on stdout, and exit 2.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/built.ts';

/** A valid file to break one field of. */
const base = `name: t
sites: [east, west]
solution-control-server:
  addp-timeout: 9
tenants:
  acme:
    ivr-profiles: [sales, acme-default]
    default-ivr-profile: acme-default
`;

/** Five agents of five kinds (preferred site, desktop site). */
const fiveKinds = [
  ['west', 'east'],
  ['east', 'east'],
  ['null', 'east'],
  ['west', 'west'],
  ['east', 'west'],
]
  .map(([p, d], i) => `    - { name: ag${i}, preferred-site: ${p}, desktop-site: ${d} }`)
  .join('\n');

/** [what it is, the file's content, what the one line must say]. */
const cases: readonly (readonly [string, string | Buffer, RegExp])[] = [
  [
    'a string for a number',
    'solution-control-server:\n  addp-timeout: nine\n',
    /:2:17: field 'solution-control-server\.addp-timeout' must be an integer from 1 to 3600, got "nine"/,
  ],
  [
    'a fraction for an integer',
    'solution-control-server:\n  addp-timeout: 9.5\n',
    /:2:17: .*must be an integer from 1 to 3600, got 9\.5/,
  ],
  [
    'a negative timeout',
    'solution-control-server:\n  disconnect-switchover-timeout: -1\n',
    /:2:34: field 'solution-control-server\.disconnect-switchover-timeout' must be an integer from 0 to 3600, got -1/,
  ],
  [
    'a number too large for a double',
    'workspace:\n  disaster-recovery.timeout: 1e400\n',
    /:2:30: field 'workspace\.disaster-recovery\.timeout' must be an integer from 1 to 3600, got Infinity/,
  ],
  [
    'a huge integer',
    'media-control-platform:\n  count: 99999999999999999999999999\n',
    /:2:10: field 'media-control-platform\.count' must be an integer from 1 to 1000/,
  ],
  [
    'an unknown top-level field',
    'sip-servers:\n  hosts: [a, b]\n',
    /:1:1: unknown field 'sip-servers'; the file has only .*sip-server/,
  ],
  [
    'an unknown nested field',
    'workspace:\n  disaster-recovery-timeout: 60\n',
    /:2:3: unknown field 'workspace\.disaster-recovery-timeout'; 'workspace' has only disaster-recovery\.timeout/,
  ],
  [
    'a value not among the choices',
    'resource-manager:\n  cluster.ha-mode: hot-standby\n',
    /:2:20: field 'resource-manager\.cluster\.ha-mode' must be one of active-active, active-standby, got "hot-standby"/,
  ],
  [
    'a choice in the wrong case',
    'cassandra:\n  consistency-level: quorum\n',
    /must be one of ONE, QUORUM, ALL, got "quorum"/,
  ],
  [
    'yes for a boolean (a string in YAML 1.2)',
    'business-continuity:\n  stat-server: yes\n',
    /:2:16: field 'business-continuity\.stat-server' must be true or false, got "yes"/,
  ],
  ['three sites', 'sites: [east, west, north]\n', /:1:8: field 'sites' must have at most 2 items/],
  ['a site listed twice', 'sites: [east, east]\n', /:1:15: field 'sites' lists "east" twice/],
  [
    'a preferred site that is not a site',
    `${base}business-continuity:\n  tenant-preferred-site: north\n`,
    /:10:26: field 'business-continuity\.tenant-preferred-site' names site 'north', which is not one of sites \(east, west\)/,
  ],
  [
    'an agent in an unknown group',
    `${base}business-continuity:\n  agents:\n    - { name: alice, groups: [sales-team] }\n`,
    /:11:31: field 'business-continuity\.agents\[0\]\.groups\[0\]' names group 'sales-team', which is not one of agent-groups \(none\)/,
  ],
  [
    'an agent listed twice',
    `${base}business-continuity:\n  agents:\n    - { name: alice }\n    - { name: alice }\n`,
    /:12:15: field 'business-continuity\.agents\[1\]\.name' repeats the agent 'alice'/,
  ],
  [
    'a default profile the tenant lacks',
    'tenants:\n  acme:\n    ivr-profiles: [sales]\n    default-ivr-profile: support\n',
    /:4:26: field 'tenants\.acme\.default-ivr-profile' is 'support', which is not one of the tenant's ivr-profiles \(sales\)/,
  ],
  [
    'a dialed number that is not digits',
    'tenants:\n  acme:\n    ivr-profiles: [sales]\n    default-ivr-profile: sales\n    dnis:\n      "555-0100": sales\n',
    /:6:7: key "555-0100" of 'tenants\.acme\.dnis' must be a dialed number/,
  ],
  [
    "a dialed number mapped to another tenant's profile",
    `${base}  globex:\n    ivr-profiles: [globex-default]\n    default-ivr-profile: globex-default\n    dnis:\n      "5550100": sales\n`,
    /:13:18: field 'tenants\.globex\.dnis\.5550100' maps to 'sales', which is not one of the tenant's ivr-profiles/,
  ],
  [
    'a profile owned by two tenants',
    `${base}  globex:\n    ivr-profiles: [sales]\n    default-ivr-profile: sales\n`,
    /:10:20: field 'tenants\.globex\.ivr-profiles\[0\]' names IVR Profile 'sales', which tenant 'acme' already owns/,
  ],
  [
    'a recorded call of an unknown tenant',
    `${base}recorded-calls:\n  - { tenant: globex }\n`,
    /:10:15: field 'recorded-calls\[0\]\.tenant' names tenant 'globex', which is not one of tenants \(acme\)/,
  ],
  [
    'fewer recorded calls than checked calls',
    `${base}check:\n  calls: 2\nrecorded-calls:\n  - { tenant: acme }\n`,
    /:12:3: field 'recorded-calls' lists 1 call, but the check has 2 \(check\.calls\)/,
  ],
  [
    'a replication factor above the nodes',
    'cassandra:\n  nodes: 2\n  replication-factor: 3\n',
    /:3:23: field 'cassandra\.replication-factor' \(3\) must not exceed the Cassandra nodes \(2\)/,
  ],
  [
    'SpeechMiner machines on different shares',
    "speechminer:\n  machines:\n    - { name: ui, unc-path: '\\\\nas1\\sm' }\n    - { name: rx, unc-path: '\\\\nas2\\sm' }\n",
    /:4:29: field 'speechminer\.machines\[1\]\.unc-path' is \\\\nas2\\sm, but ui maps \\\\nas1\\sm/,
  ],
  [
    'a drive letter for a UNC path',
    "speechminer:\n  machines:\n    - { name: ui, unc-path: 'D:\\share' }\n",
    /:3:29: field 'speechminer\.machines\[0\]\.unc-path' must be a string \(the UNC path .*got "D:\\share"/,
  ],
  [
    'MCP hosts and a count',
    'media-control-platform:\n  hosts: [m1]\n  count: 2\n',
    /:3:3: field 'media-control-platform\.count' goes with hosts left out/,
  ],
  [
    'a tenant without its default profile',
    'tenants:\n  acme:\n    ivr-profiles: [sales]\n',
    /:3:5: field 'tenants\.acme' lacks the field 'default-ivr-profile'/,
  ],
  [
    'more kinds of agent than the model searches',
    `sites: [east, west]\nbusiness-continuity:\n  agents:\n${fiveKinds}\n`,
    /:4:5: field 'business-continuity\.agents' has 5 kinds of agent .* at most 4 agents/,
  ],
  [
    'a name that is an id of the models',
    'sites: [B, A]\n',
    /:1:9: field 'sites\[0\]': the name 'B' \(for the models' A\) has the form of the models' own ids/,
  ],
  [
    'calls beyond the bound',
    'check:\n  calls: 9\n',
    /:2:10: field 'check\.calls' must be an integer from 0 to 4, got 9/,
  ],
  [
    'a YAML merge key',
    'workspace: &w\n  detection-time: 1\nbusiness-continuity:\n  <<: *w\n',
    /:4:3: unknown field 'business-continuity\.<<'/,
  ],
  ['a __proto__ key', '__proto__:\n  polluted: true\n', /:1:1: unknown field '__proto__'/],
  [
    'a list, not a mapping',
    '- east\n- west\n',
    /:1:1: the file must be a mapping with fields \$schema, name, sites/,
  ],
  ['a scalar, not a mapping', 'hello\n', /:1:1: the file must be a mapping .*got "hello"/],
  ['an empty file', '', /the file must be a mapping .*got null/],
  [
    'a duplicate key',
    'name: a\nsites: [east, west]\nname: b\n',
    /:3:1: not valid YAML or JSON: Map keys must be unique/,
  ],
  [
    'a duplicate key in JSON',
    '{"name": "a", "name": "b"}',
    /:1:15: not valid YAML or JSON: Map keys must be unique/,
  ],
  [
    'nested aliases (a billion laughs)',
    `a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n`,
    /: Excessive alias count .*; a deployment file may use a few aliases/,
  ],
  [
    'an alias to no anchor',
    'name: *nowhere\n',
    /: not valid YAML or JSON: Unresolved alias .*: nowhere$/,
  ],
  [
    'deep nesting',
    `name: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
    /: the file nests too deeply to read/,
  ],
  [
    'binary data',
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    /: the file is not UTF-8 text/,
  ],
  ['a NUL byte in text', 'name: a\u0000b\n', /:1: the file holds a control character \(U\+0000\)/],
  ['a tab for indentation', 'workspace:\n\tdetection-time: 1\n', /:2:1: not valid YAML or JSON: /],
  [
    'an unclosed JSON object',
    '{"name": "a",\n "sites": ["east", "west"]\n',
    /:\d+:\d+: not valid YAML or JSON: /,
  ],
  [
    'two YAML documents',
    'name: a\n---\nname: b\n',
    /:2:1: not valid YAML or JSON: Source contains multiple documents: a deployment file is one document$/,
  ],
  [
    'an unknown tag',
    'name: !js/function "x"\n',
    /:1:7: not valid YAML or JSON: Unresolved tag: !js\/function/,
  ],
  [
    'a dialed number without quotes (YAML reads it as a number)',
    'tenants:\n  acme:\n    ivr-profiles: [sales]\n    default-ivr-profile: sales\n    dnis:\n      08001234: sales\n',
    /:6:7: the dialed number 8001234 of 'tenants\.acme\.dnis' must be written in quotes \("08001234"\)/,
  ],
  [
    'a dialed number of a call without quotes',
    `${base}recorded-calls:\n  - { tenant: acme, dialed-number: 5550100 }\n`,
    /:10:36: field 'recorded-calls\[0\]\.dialed-number' must be a string \(the call's dialed number \(DNIS\): 1 to 15 digits, written in quotes\), got 5550100$/,
  ],
  [
    'a list as a key',
    '? [a, b]\n: 1\n',
    /:1:3: a key of 'the file' is a list or a mapping; keys are names/,
  ],
  [
    'a YAML 1.1 directive',
    '%YAML 1.2\n---\nname: x\n',
    /:1:1: a YAML directive \(%YAML, %TAG\) is not read/,
  ],
  [
    'an agent named like a call',
    `sites: [east, west]\nbusiness-continuity:\n  agents:\n    - { name: c1 }\n`,
    /:4:15: field 'business-continuity\.agents\[0\]\.name': the name 'c1' \(for the models' a1\) has the form of the models' own ids/,
  ],
  [
    'one name for a site and a host',
    'sites: [east, west]\nsip-server:\n  hosts: [east, sip-b]\n',
    /:3:11: field 'sip-server\.hosts\[0\]': the name 'east' is given to both the models' A and sip1/,
  ],
  [
    'a recorded call of a tenant named like an inherited key',
    `${base}recorded-calls:\n  - { tenant: constructor }\n`,
    /:10:15: field 'recorded-calls\[0\]\.tenant' names tenant 'constructor', which is not one of tenants \(acme\)/,
  ],
  [
    'a tenant named like a host the report renames',
    'resource-manager:\n  hosts: [rm-a, rm-b]\ntenants:\n  rm1:\n    ivr-profiles: [p1x]\n    default-ivr-profile: p1x\n',
    /:4:3: field 'tenants\.rm1': the name 'rm1' is one of the ids the report puts in the deployment's names \(it would read as rm-a\)/,
  ],
  [
    'a host named like a scheduler',
    'resource-manager:\n  hosts: [sch1, rm-b]\n',
    /: the name 'sch1' \(for the models' rm1\) has the form of the models' own ids/,
  ],
  [
    'a line break and an escape in a key, by YAML escapes',
    '"x\\ny\\e[2J": 1\n',
    /:1:1: unknown field 'x\\u000ay\\u001b\[2J'/,
  ],
  [
    'a line break in a UNC path',
    'speechminer:\n  machines:\n    - { name: ui, unc-path: "\\\\\\\\nas1\\n\\\\sm" }\n',
    /:3:29: field 'speechminer\.machines\[0\]\.unc-path' must be a string \(the UNC path/,
  ],
];

describe('deployment files: one line and exit 2 for each malformed or hostile file', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ha-verify-deployments-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('covers at least 30 files', () => expect(cases.length).toBeGreaterThanOrEqual(30));

  it.each(cases.map(([what, content, message], i) => ({ what, content, message, i })))(
    '$what',
    ({ content, message, i }) => {
      const file = join(dir, `case-${i}.yaml`);
      writeFileSync(file, content);
      const run = cli('check', '--deployment', file);
      const lines = run.stderr.split('\n').filter((l) => l !== '');
      expect(lines).toHaveLength(1);
      expect(lines[0]!.startsWith(`ha-verify: ${file}`)).toBe(true);
      expect(lines[0]).not.toMatch(/\s{2,}|\(\)/);
      expect(lines[0]).toMatch(message);
      expect(run.stdout).toBe('');
      expect(run.status).toBe(2);
    },
  );

  it('examples/mistake.yaml: one line with the file, line and field, and exit 2', () => {
    const run = cli('check', '--deployment', 'examples/mistake.yaml');
    expect(run.stderr).toBe(
      `ha-verify: examples/mistake.yaml:20:30: field 'workspace.disaster-recovery.timeout' must be an integer from 1 to 3600, got "60s"\n`,
    );
    expect(run.stdout).toBe('');
    expect(run.status).toBe(2);
  });

  it('refuses a file larger than 1 MiB, a missing file and a folder, each in one line', () => {
    const big = join(dir, 'big.yaml');
    writeFileSync(big, `name: a\n# ${'x'.repeat(1 << 20)}\n`);
    const folder = join(dir, 'folder.yaml');
    mkdirSync(folder);
    for (const [file, message] of [
      [big, /larger than 1 MiB/],
      [join(dir, 'missing.yaml'), /cannot read the deployment file \(ENOENT\)/],
      [folder, /not a regular file/],
      ['/dev/null', /not a regular file/],
    ] as const) {
      const run = cli('check', '--deployment', file);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
      expect(run.status).toBe(2);
    }
  });
});
