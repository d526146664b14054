/**
 * A deployment file turned into the models' configs: the example files against the published
 * schema (compiled here, apart from the loader), each Genesys option landing in its model's
 * field, the defaults for what a file leaves out, the reductions, and the deployment's names.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { clauseTable, loadDeployment } from '../../cli/deployment/index.ts';
import { outcomeReport } from '../../cli/report.ts';
import type { CheckOutcome } from '../../cli/run.ts';
import { configs as backendConfigs } from '../../model/backend/config.ts';
import { configs as bcConfigs } from '../../model/bc/config.ts';
import { configs as recordingConfigs } from '../../model/recording/config.ts';
import { configs as sipConfigs } from '../../model/sip-ha/config.ts';
import { parseTrace } from '../../traces/format.ts';
import { rename } from '../../traces/names.ts';
import { ROOT } from '../cli/built.ts';

const schema = JSON.parse(readFileSync(join(ROOT, 'schema/deployment.schema.json'), 'utf8'));
const example = (name: string) => join(ROOT, 'examples', name);

describe('deployment files: the examples and the published schema', () => {
  const validate = new Ajv({ strict: true }).compile(schema);

  it.each(['two-sites.yaml', 'short-dr.yaml'])('the schema accepts %s', (name) => {
    const value = parse(readFileSync(example(name), 'utf8'));
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the schema refuses mistake.yaml, at the field its comment names', () => {
    const value = parse(readFileSync(example('mistake.yaml'), 'utf8'));
    expect(validate(value)).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toBe('/workspace/disaster-recovery.timeout');
  });

  it('every field of the schema has a description or is a described reference', () => {
    const undocumented: string[] = [];
    const walk = (node: Record<string, unknown>, path: string) => {
      for (const [key, child] of Object.entries(
        (node.properties ?? {}) as Record<string, Record<string, unknown>>,
      )) {
        if (child.description === undefined && child.$ref === undefined && key !== 'name')
          undocumented.push(`${path}${key}`);
        walk(child, `${path}${key}.`);
      }
    };
    walk(schema, '');
    expect(undocumented).toEqual([]);
  });
});

describe('deployment files: the plan', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ha-verify-plan-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const plan = (text: string) => {
    const file = join(dir, `f${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(file, text);
    return loadDeployment(file);
  };

  it('an empty mapping is every model default config, each value printed as a default', () => {
    const p = plan('{}\n');
    expect(p.configs['sip-ha']).toEqual(sipConfigs.default);
    expect(p.configs.recording).toEqual(recordingConfigs.default);
    expect(p.configs.bc).toEqual(bcConfigs.default);
    expect(p.configs.backend).toEqual(backendConfigs.default);
    const settings = p.effective.filter(
      (l) => !l.startsWith('recorded call') && !l.includes('not set by the file'),
    );
    // What no file sets is printed too, from the configs searched.
    expect(p.effective).toContain(
      'check (sip-ha, not set by the file): agents 1, fencing false, lost sync messages true',
    );
    expect(p.effective).toContainEqual(
      expect.stringMatching(
        /^check \(backend, not set by the file\): its own recording path of 1 call, 1 MCP, RM active-standby, storage s3, 0 recording faults; /,
      ),
    );
    expect(settings.every((l) => l.endsWith('(model default)'))).toBe(true);
    expect(p.reductions).toEqual([]);
  });

  it("each Genesys option lands in its model's field, in milliseconds", () => {
    const p = plan(`solution-control-server:
  addp-timeout: 12
  disconnect-switchover-timeout: 4
workspace:
  disaster-recovery.timeout: 45
  detection-time: 2
business-continuity:
  local-failover-time: 7
resource-manager:
  cluster.ha-mode: active-standby
  heartbeat-detect-time: 5
media-control-platform:
  count: 2
  load-balancing: least-used
  options-ping-detect-time: 6
  storage: disk
recording-processor:
  mode: active-backup
cassandra:
  nodes: 5
  replication-factor: 2
  consistency-level: ONE
`);
    const sip = p.configs['sip-ha'];
    expect([sip.addpTimeoutMs, sip.disconnectSwitchoverTimeoutMs]).toEqual([12_000, 4_000]);
    expect(p.configs.recording.sip.addpTimeoutMs).toBe(12_000);
    expect(p.configs.backend.recording.sip.disconnectSwitchoverTimeoutMs).toBe(4_000);
    const bc = p.configs.bc;
    expect([bc.drTimeoutMs, bc.detectMs, bc.haFailoverMs]).toEqual([45_000, 2_000, 7_000]);
    const r = p.configs.recording;
    expect([r.rmMode, r.rmDetectMs, r.mcps, r.balancing, r.mcpDetectMs, r.storage]).toEqual([
      'active-standby',
      5_000,
      2,
      'least-used',
      6_000,
      'disk',
    ]);
    const b = p.configs.backend;
    expect([b.processorMode, b.cassandraNodes, b.replicationFactor, b.consistency]).toEqual([
      'active-backup',
      5,
      2,
      'one',
    ]);
    expect([b.recording.rmMode, b.recording.storage]).toEqual(['active-standby', 'disk']);
    expect(p.effective).toContain('workspace.disaster-recovery.timeout: 45 s');
    expect(p.effective).toContain('business-continuity.stat-server: false  (model default)');
  });

  it('a pool beyond what the model searches is checked as faults + 1, and says so', () => {
    const hosts = Array.from({ length: 40 }, (_, i) => `mcp-${i + 1}`);
    const p = plan(
      `media-control-platform:\n  hosts: [${hosts.join(', ')}]\ncheck:\n  faults: 2\n`,
    );
    expect(p.configs.recording.mcps).toBe(3);
    expect(p.reductions).toHaveLength(1);
    expect(p.reductions[0]).toMatch(
      /^MCPs \(media-control-platform\): 40 in the file, checked as 3: /,
    );
    // The checked MCPs keep the file's first three names.
    const rec = p.names.recording;
    expect([rec.mcp1, rec.mcp2, rec.mcp3, rec.mcp4]).toEqual([
      'mcp-1',
      'mcp-2',
      'mcp-3',
      undefined,
    ]);
  });

  it('agents of one kind are checked as one, by the first of their names', () => {
    const p = plan(`sites: [east, west]
business-continuity:
  tenant-preferred-site: west
  agent-groups:
    - { name: sales, preferred-site: east }
    - { name: support, preferred-site: null }
  agents:
    - { name: alice, groups: [support, sales], desktop-site: east }
    - { name: bob, preferred-site: west, desktop-site: west }
    - { name: carol, groups: [sales, support], desktop-site: east }
`);
    const bc = p.configs.bc;
    expect(bc.agents).toBe(2);
    expect(bc.tenantSite).toBe('B');
    expect(bc.groupSites).toEqual(['A', null]);
    // The file's order of an agent's groups is kept; the group listed first in agent-groups decides.
    expect(bc.agentGroups).toEqual([[1, 0], []]);
    expect(bc.personSites).toEqual([null, 'B']);
    expect(bc.desktopSites).toEqual(['A', 'B']);
    expect(p.names.bc).toEqual({ a1: 'alice', a2: 'bob', A: 'east', B: 'west' });
    // sip-ha's own agent is not one of the deployment's.
    expect(p.names['sip-ha']).toEqual({ sip1: 'sip1', sip2: 'sip2' });
    expect(p.reductions).toEqual([
      expect.stringMatching(/^agents: 3 in the file, checked as 2 \(alice for 2, bob\): /),
    ]);
  });

  it('tenants, their profiles and dialed numbers become the recording path and its keys', () => {
    const p = plan(`tenants:
  acme:
    ivr-profiles: [sales, acme-default]
    default-ivr-profile: acme-default
    dnis: { "5550100": sales }
  globex:
    ivr-profiles: [globex-default]
    default-ivr-profile: globex-default
`);
    const r = p.configs.recording;
    expect(r.profiles).toEqual({
      sales: 'acme',
      'acme-default': 'acme',
      'globex-default': 'globex',
    });
    expect(r.tenants.acme).toEqual({
      defaultProfile: 'acme-default',
      dialedNumbers: { '5550100': 'sales' },
    });
    // No recorded-calls: one per call, each tenant in turn, by a number it maps (else none).
    expect(r.requests).toEqual([
      { tenant: 'acme', profileParameter: null, dialedNumber: '5550100' },
      { tenant: 'globex', profileParameter: null, dialedNumber: '0' },
    ]);
    expect(p.configs.backend.keystore).toEqual({
      'key-sales': 'acme',
      'key-acme-default': 'acme',
      'key-globex-default': 'globex',
    });
  });

  it('more calls than the model has requests: its requests in turn, one per call', () => {
    const p = plan('check:\n  calls: 3\n');
    const own = recordingConfigs.default.requests;
    expect(p.configs.recording.requests).toEqual([own[0], own[1], own[0]]);
    expect(p.configs.recording.sip.calls).toBe(3);
  });

  it("a pool is capped at the model's limit, and a pool searched whole is no reduction", () => {
    const p = plan('media-control-platform:\n  count: 40\ncheck:\n  faults: 6\n');
    expect(p.configs.recording.mcps).toBe(6);
    expect(p.configs.backend.webServices).toBe(backendConfigs.default.webServices);
    const q = plan('interaction-recording-web-services:\n  nodes: 4\ncheck:\n  faults: 3\n');
    expect(q.configs.backend.webServices).toBe(4);
    expect(q.reductions).toEqual([]);
    const r = plan('interaction-recording-web-services:\n  nodes: 9\ncheck:\n  faults: 6\n');
    expect(r.configs.backend.webServices).toBe(5);
    expect(r.reductions[0]).toMatch(/: 9 in the file, checked as 5: .*not for 9$/);
  });

  it('names that are also inherited keys are names like any other', () => {
    const p = plan(`tenants:
  acme:
    ivr-profiles: [toString, constructor]
    default-ivr-profile: constructor
`);
    expect(p.configs.recording.profiles).toEqual({ toString: 'acme', constructor: 'acme' });
  });

  it('JSON is read as well as YAML', () => {
    const p = plan('{"workspace": {"disaster-recovery.timeout": 30}, "sites": ["x", "y"]}');
    expect(p.configs.bc.drTimeoutMs).toBe(30_000);
    expect([p.names.bc.A, p.names.bc.B]).toEqual(['x', 'y']);
  });
});

describe('a deployment’s names in text', () => {
  const names = { a1: 'alice', a2: 'bob', A: 'east', B: 'west', sip1: 'sip-east' };

  it('renames whole ids, all at once', () => {
    expect(rename('desktop of a1 moved from site A to B', names)).toBe(
      'desktop of alice moved from site east to west',
    );
    expect(rename('desktops.a1.site: A → B; timers.dr:a2', names)).toBe(
      'desktops.alice.site: east → west; timers.dr:bob',
    );
    expect(rename('primary of A:csp; sip1 is primary', names)).toBe(
      'primary of east:csp; sip-east is primary',
    );
    // An id inside a longer token is not one: a10, A-16, sip12, ba1.
    expect(rename('a10 A-16 sip12 ba1 Ab', names)).toBe('a10 A-16 sip12 ba1 Ab');
    // A new name that is an id is not renamed again.
    expect(rename('a1 a2', { a1: 'a2', a2: 'a1' })).toBe('a2 a1');
  });

  it('leaves the article A at the start of a sentence', () => {
    expect(rename('A desktop of a1 left. A call ends: A pair fails', names)).toBe(
      'A desktop of alice left. A call ends: A pair fails',
    );
    expect(rename('3. A call arrives at site A', names)).toBe('3. A call arrives at site east');
    expect(rename('site: A', names)).toBe('site: east');
  });
});

describe('the report of a deployment', () => {
  const property = (id: string, guarded?: string) => ({
    id,
    kind: 'step',
    clauses: ['BC-HA-2'],
    statement: '',
    ...(guarded === undefined ? {} : { guarded }),
  });
  const outcome = (verdicts: object[], extra: object = {}) =>
    ({
      model: { id: 'bc', describe: (e: { type: string }) => `${e.type} of a1 at site A` },
      variant: 'baseline',
      configName: 'dep',
      verdicts,
      saved: [],
      fairSamples: 3,
      ...extra,
    }) as unknown as CheckOutcome;
  const names = { a1: 'alice', A: 'east', B: 'west' };

  it('a violated property that is guarded by construction still breaks its clause', () => {
    const table = clauseTable([
      outcome([
        {
          property: property('bc.sized', 'only a config can break it'),
          verdict: 'violated',
          explorer: 'violated',
          random: 'holds',
        },
        { property: property('bc.other'), verdict: 'holds', explorer: 'holds', random: 'holds' },
      ]),
    ]);
    expect(table).toMatch(/^ {2}BC-HA-2 +VIOLATED +bc\.sized on bc$/m);
  });

  it('a clause holds only as far as its weakest bounded verdict, and says in random runs only', () => {
    const holds = (id: string, explorer: string, toDepth: number) => ({
      property: property(id),
      verdict: 'holds',
      explorer,
      random: 'holds',
      toDepth,
    });
    const table = clauseTable([outcome([holds('bc.x', 'not run', 0), holds('bc.y', 'holds', 7)])]);
    expect(table).toMatch(/^ {2}BC-HA-2 +HOLDS IN RANDOM RUNS ONLY +2 properties on bc$/m);
    const deeper = clauseTable([outcome([holds('bc.x', 'holds', 9), holds('bc.y', 'holds', 7)])]);
    expect(deeper).toMatch(/^ {2}BC-HA-2 +HOLDS TO DEPTH 7 +2 properties on bc$/m);
  });

  it("puts ids in the deployment's names, but not files or commands", () => {
    const report = outcomeReport(
      outcome([], {
        deployment: '/home/a1/B.yaml',
        random: {
          failure: { seed: 7, path: '0:1', shrinks: 0 },
          triggered: {},
          witnessed: [],
        },
        saved: [
          {
            engine: 'random',
            file: '.ha-verify/counterexamples/bc.baseline.A.explorer.trace.json',
            found: {
              property: 'bc.x.a1',
              message: 'desktop of a1 left site A',
              events: [{ type: 'crash' }],
            },
          },
        ],
      }),
      names,
    );
    expect(report).toContain('--deployment /home/a1/B.yaml --engine random --seed=7');
    expect(report).toContain('✗ random found bc.x.alice: desktop of alice left site east');
    expect(report).toContain('1. crash of alice at site east');
    expect(report).toContain(
      'saved to .ha-verify/counterexamples/bc.baseline.A.explorer.trace.json',
    );
    expect(report).toContain('replay .ha-verify/counterexamples/bc.baseline.A.explorer.trace.json');
  });
});

describe("a trace's names", () => {
  const trace = (names: unknown) =>
    JSON.stringify({
      format: 'ha-verify-trace/1',
      model: 'bc',
      variant: 'baseline',
      title: 't',
      story: [],
      config: {},
      events: [],
      expect: { violates: null },
      names,
    });

  it('are the models ids to names as a deployment file writes them', () => {
    expect(parseTrace(trace({ a1: 'alice', A: 'east', mcp2: 'mcp-b' }), 't.json').names).toEqual({
      a1: 'alice',
      A: 'east',
      mcp2: 'mcp-b',
    });
    for (const bad of [{ violated: 'holds' }, { a1: 'a\u001b[2J' }, { a1: '' }, ['alice']])
      expect(() => parseTrace(trace(bad), 't.json')).toThrow(/field 'names' must map/);
  });
});
