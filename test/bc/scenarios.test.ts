import { describe, expect, it } from 'vitest';
import { configs } from '../../model/bc/config.ts';
import type { BcEvent } from '../../model/bc/events.ts';
import { bc, preferredSite } from '../../model/bc/index.ts';
import { bcProperties } from '../../properties/bc/index.ts';
import { runEvents } from '../helpers.ts';

const config = configs.small;
const run = (events: BcEvent[], cfg = config) => runEvents(bc, cfg, bcProperties(cfg), events);

/** a1 prefers site A (Tenant), a2 prefers site B (its lowest-numbered group). */
const bothLoggedIn: BcEvent[] = [
  { type: 'loginRequested', agent: 'a1' },
  { type: 'loginRequested', agent: 'a2' },
];

describe('bc: the documented site-failure story', () => {
  it('should switch the desktops of failed site A to site B within the DR timeout while calls at B continue', () => {
    const r = run([
      ...bothLoggedIn,
      { type: 'callArrived', call: 'c1', site: 'B', agent: 'a2' },
      { type: 'callArrived', call: 'c2', site: 'A', agent: 'a1' },
      { type: 'siteFailed', site: 'A' },
      { type: 'gatewaysNoticed', site: 'A' },
      { type: 'connectionLost', agent: 'a1' },
      { type: 'timeAdvanced' },
      { type: 'drSwitchedOver', agent: 'a1' },
      { type: 'callArrived', call: 'c2', site: 'B', agent: 'a1' },
    ]);
    expect(r.broken).toEqual([]);
    expect(r.states[5]!.calls.c1).toMatchObject({ phase: 'connected', site: 'B' });
    expect(r.states[5]!.calls.c2!.phase).toBe('idle');
    expect(r.final.desktops.a1).toEqual({
      phase: 'loggedIn',
      site: 'B',
      csp: 'B',
      sip: 'B',
      stat: 'B',
    });
    expect(r.final.calls.c2).toMatchObject({ phase: 'connected', site: 'B', forwards: 0 });
    expect(r.elapsedMs).toBe(config.detectMs + config.drTimeoutMs);
    expect(r.witnessed).toContain('bc.witness.site-failure-switchover');
    expect(r.witnessed).toContain('bc.witness.surviving-call-kept');
  });

  it('should not return the desktop to its preferred site when that site recovers; the next login goes there', () => {
    const switched: BcEvent[] = [
      { type: 'loginRequested', agent: 'a1' },
      { type: 'siteFailed', site: 'A' },
      { type: 'connectionLost', agent: 'a1' },
      { type: 'timeAdvanced' },
      { type: 'drSwitchedOver', agent: 'a1' },
      { type: 'siteRecovered', site: 'A' },
    ];
    const stays = run(switched);
    expect(stays.broken).toEqual([]);
    expect(stays.final.desktops.a1!.site).toBe('B');
    const again = run([
      ...switched,
      { type: 'logoutRequested', agent: 'a1' },
      { type: 'loginRequested', agent: 'a1' },
    ]);
    expect(again.final.desktops.a1!.site).toBe('A');
    expect(again.final.sites.B.agents.a1).toBe('loggedOut');
  });

  it('should lose a new call that reaches the failed site before the gateways notice, and send later ones elsewhere', () => {
    const r = run([
      { type: 'loginRequested', agent: 'a2' },
      { type: 'siteFailed', site: 'B' },
      { type: 'callArrived', call: 'c1', site: 'B', agent: 'a2' },
      { type: 'gatewaysNoticed', site: 'B' },
    ]);
    expect(r.broken).toEqual([]);
    expect(r.states[3]!.calls.c1!.phase).toBe('idle');
    expect(r.witnessed).toContain('bc.witness.call-lost-at-failed-site');
    const system = bc.bind(config);
    expect(
      system.isEnabled(r.final, { type: 'callArrived', call: 'c1', site: 'B', agent: 'a2' }),
    ).toBe(false);
  });
});

describe('bc: the surviving site takes new calls', () => {
  it('should deliver a new call offered to the surviving site to the agent logged in there, and lose one only for a documented reason', () => {
    const r = run([
      { type: 'loginRequested', agent: 'a2' },
      { type: 'siteFailed', site: 'A' },
      { type: 'callArrived', call: 'c1', site: 'B', agent: 'a2' },
      // a1 is logged in nowhere: the call is not delivered, a documented loss.
      { type: 'callArrived', call: 'c2', site: 'B', agent: 'a1' },
    ]);
    expect(r.broken).toEqual([]);
    expect(r.final.calls.c1).toMatchObject({ phase: 'connected', site: 'B', forwards: 0 });
    expect(r.states[3]!.ghost.survivorLoss).toBeNull();
    expect(r.final.ghost.survivorLoss).toEqual({ call: 'c2', site: 'B', agent: 'a1' });
    expect(r.witnessed).toContain('bc.witness.survivor-takes-new-call');
  });
});

describe('bc: local HA failover and the DR timeout', () => {
  it('should let a switchover that an outage started complete while a failover is under way at the site', () => {
    const r = run([
      { type: 'loginRequested', agent: 'a2' },
      { type: 'partitionStarted', node: 'wan' },
      { type: 'connectionLost', agent: 'a2' },
      { type: 'timeAdvanced' },
      // At the very instant the DR timer runs out: B's SIP Server primary fails, the WAN heals.
      { type: 'processCrashed', node: 'B:sip' },
      { type: 'partitionHealed', node: 'wan' },
      { type: 'drSwitchedOver', agent: 'a2' },
    ]);
    expect(r.broken).toEqual([]);
    expect(r.states[6]!.ghost.outage.a2).toBe(true);
    expect(r.final.desktops.a2).toMatchObject({ phase: 'loggedIn', site: 'A' });
    expect(r.witnessed).toContain('bc.witness.outage-switchover-during-failover');
  });

  it('should keep the desktop at its site through a SIP Server failover it never acts on', () => {
    const r = run([
      { type: 'loginRequested', agent: 'a1' },
      { type: 'callArrived', call: 'c1', site: 'A', agent: 'a1' },
      { type: 'processCrashed', node: 'A:sip' },
      { type: 'connectionLost', agent: 'a1' },
      { type: 'timeAdvanced' },
      { type: 'haFailoverCompleted', pair: 'A:sip' },
    ]);
    expect(r.broken).toEqual([]);
    expect(r.final.desktops.a1).toMatchObject({ phase: 'loggedIn', site: 'A' });
    expect(r.final.timers).toEqual({});
    expect(r.final.calls.c1).toMatchObject({ phase: 'connected', site: 'A' });
    expect(r.elapsedMs).toBe(config.haFailoverMs);
    expect(r.witnessed).toContain('bc.witness.ha-failover-unnoticed');
  });

  it('should flee a site whose CSP is only failing over when the DR timeout is shorter than the failover', () => {
    const r = run(
      [
        { type: 'loginRequested', agent: 'a1' },
        { type: 'processCrashed', node: 'A:csp' },
        { type: 'connectionLost', agent: 'a1' },
        { type: 'timeAdvanced' },
        { type: 'drSwitchedOver', agent: 'a1' },
      ],
      configs['short-dr'],
    );
    expect(r.broken.map((b) => b.property)).toEqual(['bc.ha-failover-transparent']);
    expect(r.final.desktops.a1!.site).toBe('B');
  });

  it('should ignore the loss of Stat Server alone, unless the WDE option makes it a trigger', () => {
    const statDown: BcEvent[] = [
      { type: 'loginRequested', agent: 'a1' },
      { type: 'processCrashed', node: 'A:stat' },
      { type: 'processCrashed', node: 'A:stat' },
    ];
    const off = run(statDown);
    expect(off.final.sites.A.pairs.stat).toBe('down');
    expect(bc.bind(config).isEnabled(off.final, { type: 'connectionLost', agent: 'a1' })).toBe(
      false,
    );
    // In stat-trigger, a2's Person value sends it to site A (and a1's to B).
    const on = run(
      [
        { type: 'loginRequested', agent: 'a2' },
        { type: 'processCrashed', node: 'A:stat' },
        { type: 'processCrashed', node: 'A:stat' },
        { type: 'connectionLost', agent: 'a2' },
        { type: 'timeAdvanced' },
        { type: 'drSwitchedOver', agent: 'a2' },
      ],
      configs['stat-trigger'],
    );
    expect(on.broken).toEqual([]);
    expect(on.states[1]!.desktops.a2!.site).toBe('A');
    expect(on.final.desktops.a2!.site).toBe('B');
  });
});

describe('bc: desktops, preferred sites and the first login', () => {
  it('should resolve the preferred site from Person, else the lowest-numbered group that sets one, else Tenant', () => {
    const cfg = {
      ...config,
      agents: 3,
      groupSites: [null, 'B', 'A'] as const,
      agentGroups: [[], [2, 1, 0], [0]],
      personSites: [null, null, 'B'] as const,
      desktopSites: ['A', 'A', 'A'] as const,
    };
    expect([0, 1, 2].map((i) => preferredSite(cfg, i))).toEqual(['A', 'B', 'B']);
  });

  it('should switch over a first login that cannot reach CSP at the preferred site', () => {
    const r = run([
      { type: 'processCrashed', node: 'A:csp' },
      { type: 'processCrashed', node: 'A:csp' },
      { type: 'loginRequested', agent: 'a1' },
      { type: 'timeAdvanced' },
      { type: 'drSwitchedOver', agent: 'a1' },
    ]);
    expect(r.broken).toEqual([]);
    expect(r.states[3]!.desktops.a1).toMatchObject({ phase: 'waitingDr', site: 'A', csp: null });
    expect(r.final.desktops.a1).toMatchObject({ phase: 'loggedIn', site: 'B' });
    expect(r.witnessed).toContain('bc.witness.initial-login-switchover');
  });

  it('should move a desktop cut off from its login site by the WAN partition, logging out of the old peer first', () => {
    const r = run([
      { type: 'loginRequested', agent: 'a2' },
      { type: 'partitionStarted', node: 'wan' },
      { type: 'connectionLost', agent: 'a2' },
      { type: 'timeAdvanced' },
      { type: 'drSwitchedOver', agent: 'a2' },
    ]);
    expect(r.broken).toEqual([]);
    expect(r.final.sites.B.agents.a2).toBe('loggedOut');
    expect(r.final.sites.A.agents.a2).toBe('loggedIn');
  });
});

describe('bc: call delivery through the login peer', () => {
  it('should forward a call from the peer where the agent is not logged in to the login peer, once', () => {
    const r = run([
      { type: 'loginRequested', agent: 'a1' },
      { type: 'callArrived', call: 'c1', site: 'B', agent: 'a1' },
    ]);
    expect(r.broken).toEqual([]);
    expect(r.final.calls.c1).toEqual({ phase: 'connected', site: 'A', forwards: 1 });
    expect(r.witnessed).toContain('bc.witness.call-forwarded-to-login-peer');
  });

  it('should not deliver a call for an agent logged in at neither peer', () => {
    const r = run([{ type: 'callArrived', call: 'c1', site: 'A', agent: 'a1' }]);
    expect(r.final.calls.c1!.phase).toBe('idle');
  });

  it('should originate a 1PCC call through the preferred peer, and through the other only when it is down', () => {
    const r = run([
      { type: 'callDialed', call: 'c1', agent: 'a1' },
      { type: 'siteFailed', site: 'A' },
      { type: 'callDialed', call: 'c2', agent: 'a1' },
    ]);
    expect(r.broken).toEqual([]);
    expect(r.states[1]!.calls.c1!.site).toBe('A');
    expect(r.final.calls.c1!.phase).toBe('idle');
    expect(r.final.calls.c2!.site).toBe('B');
  });
});
