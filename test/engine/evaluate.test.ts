import { describe, expect, it } from 'vitest';
import type { PortRule, PropertyRule, RuleCall } from '../../src/domain/rules.js';
import type { FlowView } from '../../src/engine/effects.js';
import { type RuleSet, compileRules, evaluate, ruleMatches } from '../../src/engine/evaluate.js';
import { Random } from '../../src/random.js';

const flow = (over: Partial<FlowView> = {}): FlowView => ({
  ethertype: 'IPv4',
  protocol: 'TCP',
  srcPort: 49152,
  dstPort: 102,
  properties: { 's7-function': 'Read Var', 'modbus-unit-id': '3' },
  tags: {},
  ...over,
});
const has = (property: string): RuleCall => ({ name: 'HasProp', params: { property } });
const is = (property: string, value: string | number): RuleCall => ({ name: 'PropValue', params: { property, value } });
const prop = (operator: 'and' | 'or', conditions: RuleCall[], actions: RuleCall[] = [tagFlow('S7')], id = 'p1'): PropertyRule => ({
  id,
  test: { operator, conditions },
  actions,
});
const port = (ports: (string | number)[], actions: RuleCall[] = [tagFlow('WEB')], id = 'r1'): PortRule => ({ id, ports, actions });
const tagFlow = (tag: string, type = 'info', event = false): RuleCall => ({ name: 'TagFlow', params: { tag, type, throw_admin_event: event } });
const run = (rules: { property?: PropertyRule[]; port?: PortRule[] }, f: FlowView = flow()) => evaluate(compileRules(rules.property ?? [], rules.port ?? []), f);

describe('property rule conditions and operators (guide 6.8)', () => {
  const cases: [string, PropertyRule, FlowView, boolean][] = [
    ['HasProp on a flow property', prop('or', [has('s7-function')]), flow(), true],
    ['HasProp on a missing property', prop('or', [has('enip-vendor')]), flow(), false],
    ['HasProp on an empty property value', prop('or', [has('x')]), flow({ properties: { x: '' } }), true],
    ['HasProp is case-sensitive', prop('or', [has('S7-function')]), flow(), false],
    ['PropValue equal', prop('or', [is('s7-function', 'Read Var')]), flow(), true],
    ['PropValue different', prop('or', [is('s7-function', 'Write Var')]), flow(), false],
    ['PropValue on a missing property', prop('or', [is('enip-vendor', 'Rockwell')]), flow(), false],
    ['PropValue with a number against a string', prop('or', [is('modbus-unit-id', 3)]), flow(), true],
    ['derived dst_port (the guide example: dst_port = 22)', prop('and', [is('dst_port', '22')]), flow({ dstPort: 22 }), true],
    ['derived dst_port, another port', prop('and', [is('dst_port', '22')]), flow({ dstPort: 23 }), false],
    ['derived src_port as a number', prop('and', [is('src_port', 49152)]), flow(), true],
    ['derived protocol', prop('and', [is('protocol', 'TCP')]), flow(), true],
    ['derived ethertype', prop('and', [is('ethertype', 'IPv4')]), flow(), true],
    ['HasProp dst_port without a port (ARP)', prop('or', [has('dst_port')]), flow({ srcPort: null, dstPort: null, protocol: null, ethertype: 'ARP' }), false],
    ['HasProp protocol without a protocol', prop('or', [has('protocol')]), flow({ protocol: null }), false],
    ['and: every condition holds', prop('and', [has('s7-function'), is('dst_port', 102)]), flow(), true],
    ['and: one condition fails', prop('and', [has('s7-function'), is('dst_port', 502)]), flow(), false],
    ['or: one condition holds', prop('or', [has('enip-vendor'), is('dst_port', 102)]), flow(), true],
    ['or: no condition holds', prop('or', [has('enip-vendor'), is('dst_port', 502)]), flow(), false],
    ['a property named like a derived one is read from the flow fields', prop('or', [is('dst_port', '9')]), flow({ properties: { dst_port: '9' } }), false],
  ];
  it.each(cases)('%s', (_, rule, f, expected) => {
    expect(ruleMatches(rule, f)).toBe(expected);
    expect(run({ property: [rule] }, f).flowTags).toEqual(expected ? { S7: 'info' } : {});
  });
});

describe('port rules (guide 6.8 PORT_ARRAY)', () => {
  const cases: [string, (string | number)[], Partial<FlowView>, boolean][] = [
    ['"TCP/80" on a TCP flow to 80', ['TCP/80'], { dstPort: 80 }, true],
    ['"TCP/80" on a TCP flow from 80', ['TCP/80'], { srcPort: 80, dstPort: 50000 }, true],
    ['"TCP/80" on a UDP flow to 80', ['TCP/80'], { protocol: 'UDP', dstPort: 80 }, false],
    ['"UDP/8080" on a UDP flow', ['UDP/8080'], { protocol: 'UDP', dstPort: 8080 }, true],
    ['"UDP/8080" on a TCP flow', ['UDP/8080'], { dstPort: 8080 }, false],
    ['"22" on TCP', ['22'], { dstPort: 22 }, true],
    ['"22" on UDP', ['22'], { protocol: 'UDP', dstPort: 22 }, true],
    ['"22" on a flow without TCP or UDP', ['22'], { protocol: 'GRE', srcPort: 22, dstPort: 22 }, false],
    ['22 as a number', [22], { dstPort: 22 }, true],
    ['"tcp/80" in lower case', ['tcp/80'], { dstPort: 80 }, true],
    ['any entry of the array', ['TCP/80', 'UDP/8080', '22'], { dstPort: 22 }, true],
    ['no entry of the array', ['TCP/80', 'UDP/8080', '22'], { dstPort: 443 }, false],
    ['a protocol in lower case on the flow', ['TCP/80'], { protocol: 'tcp', dstPort: 80 }, true],
  ];
  it.each(cases)('%s', (_, ports, over, expected) => {
    expect(run({ port: [port(ports)] }, flow(over)).flowTags).toEqual(expected ? { WEB: 'info' } : {});
  });
});

describe('actions and their effects (guide 6.8 ACTION_TYPE)', () => {
  const always = (actions: RuleCall[]) => run({ property: [prop('or', [has('s7-function')], actions)] });

  it('TagFlow tags the flow with its class', () => {
    expect(always([tagFlow('S7', 'important')]).flowTags).toEqual({ S7: 'important' });
  });

  it('TagFlow with throw_admin_event asks for an event naming the rule', () => {
    const fx = always([tagFlow('SSH', 'important', true)]);
    expect(fx.events).toEqual([
      { severity: 'High', type: 'Behavioral', family: 'ICS Cybervision', category: 'Security', shortMessage: 'Flow tagged SSH', message: 'Analyzer rule p1 tagged a flow SSH (important)' },
    ]);
  });

  it('TagFlow asks for no admin event when the flow already has the tag, and one when it becomes important', () => {
    const rule = (type: string) => [prop('or', [has('s7-function')], [tagFlow('SSH', type, true)])];
    expect(run({ property: rule('info') }, flow({ tags: { SSH: 'info' } })).events).toEqual([]);
    expect(run({ property: rule('important') }, flow({ tags: { SSH: 'important' } })).events).toEqual([]);
    expect(run({ property: rule('info') }, flow({ tags: { SSH: 'important' } })).events).toEqual([]);
    expect(run({ property: rule('important') }, flow({ tags: { SSH: 'info' } })).events).toHaveLength(1);
  });

  it('TagFlow without throw_admin_event asks for no event', () => {
    expect(always([tagFlow('S7')]).events).toEqual([]);
  });

  it('Netcat sets the network category; the last one wins', () => {
    expect(always([{ name: 'Netcat', params: { value: 'field' } }]).networkCategory).toBe('field');
    expect(always([{ name: 'Netcat', params: { value: 'field' } }, { name: 'Netcat', params: { value: 'control' } }]).networkCategory).toBe('control');
  });

  it('no Netcat leaves the category to the earlier analyzers', () => {
    expect(always([tagFlow('S7')]).networkCategory).toBeUndefined();
  });

  it('TagComponent tags the source or the destination', () => {
    const fx = always([
      { name: 'TagComponent', params: { tag: 'PLC', value: 'important', target: 'dst' } },
      { name: 'TagComponent', params: { tag: 'ENGINEERING_STATION', value: 'info', target: 'src' } },
    ]);
    expect(fx.dstTags).toEqual({ PLC: 'important' });
    expect(fx.srcTags).toEqual({ ENGINEERING_STATION: 'info' });
  });

  it('SetComponentProperty sets a property as a string', () => {
    const fx = always([{ name: 'SetComponentProperty', params: { target: 'dst', property: 'rack', value: 3 } }]);
    expect(fx.dstProperties).toEqual({ rack: '3' });
    expect(fx.srcProperties).toEqual({});
  });

  it('RemoveComponentProperty removes one (null)', () => {
    expect(always([{ name: 'RemoveComponentProperty', params: { target: 'src', property: 'role' } }]).srcProperties).toEqual({ role: null });
  });

  it('a property set then removed is removed, removed then set is set', () => {
    const set = { name: 'SetComponentProperty', params: { target: 'dst', property: 'rack', value: '3' } };
    const remove = { name: 'RemoveComponentProperty', params: { target: 'dst', property: 'rack' } };
    expect(always([set, remove]).dstProperties).toEqual({ rack: null });
    expect(always([remove, set]).dstProperties).toEqual({ rack: '3' });
  });

  it('CopyProperties copies only the named properties the flow has', () => {
    const fx = always([{ name: 'CopyProperties', params: { properties: ['s7-function', 'enip-vendor'], target: 'dst', protocol: 'S7' } }]);
    expect(fx.dstProperties).toEqual({ 's7-function': 'Read Var' });
  });

  it.each([
    ['SendEvent', 'PROG_DL_DETECTED', 'Program download detected', 'Program download detected (analyzer rule p1)'],
    ['SendEventException', 'EXCEPTION_DETECTED', 'Exception: Exception detected', 'Exception: Exception detected (analyzer rule p1)'],
    ['SendEvent', 'STOP_CPU_DETECTED', 'Stop CPU detected', 'Stop CPU detected (analyzer rule p1)'],
  ])('%s %s asks for an event with the given fields', (name, trigger, shortMessage, message) => {
    const params = { trigger, type: 'Behavioral', severity: 'Very High', category: 'Run Orders', family: 'PLC Control' };
    expect(always([{ name, params }]).events).toEqual([{ severity: 'Very High', type: 'Behavioral', category: 'Run Orders', family: 'PLC Control', shortMessage, message }]);
  });
});

describe('several rules on one flow', () => {
  it('applies port rules, then property rules, each in creation order', () => {
    const fx = run({
      port: [port(['TCP/102'], [{ name: 'Netcat', params: { value: 'field' } }], 'a'), port(['102'], [{ name: 'Netcat', params: { value: 'net' } }], 'b')],
      property: [prop('or', [has('s7-function')], [{ name: 'Netcat', params: { value: 'control' } }], 'c')],
    });
    expect(fx.networkCategory).toBe('control');
  });

  it('never downgrades a tag an earlier rule made important', () => {
    const fx = run({ port: [port(['TCP/102'], [tagFlow('S7', 'important')])], property: [prop('or', [has('s7-function')], [tagFlow('S7', 'info')])] });
    expect(fx.flowTags).toEqual({ S7: 'important' });
  });

  it('collects the events of every matching rule, in order', () => {
    const fx = run({ port: [port(['TCP/102'], [tagFlow('S7', 'info', true)], 'first')], property: [prop('or', [has('s7-function')], [tagFlow('READ', 'info', true)], 'second')] });
    expect(fx.events?.map((e) => e.message)).toEqual(['Analyzer rule first tagged a flow S7 (info)', 'Analyzer rule second tagged a flow READ (info)']);
  });

  it('answers no effect when no rule matches', () => {
    const fx = run({ port: [port(['TCP/80'])], property: [prop('and', [has('enip-vendor')])] });
    expect(fx).toEqual({ flowTags: {}, srcTags: {}, dstTags: {}, srcProperties: {}, dstProperties: {}, events: [] });
  });

  it('answers no effect without rules', () => {
    expect(run({}).flowTags).toEqual({});
  });
});

describe('the rule indexes', () => {
  /** The same rules with every rule checked against every flow: what the indexes must equal. */
  const unindexed = (rs: RuleSet, ports: number[]): RuleSet => ({
    ...rs,
    propertyIndex: new Map(),
    alwaysChecked: rs.property.map((_, i) => i),
    portsIndex: new Map(ports.map((p) => [p, rs.port.map((_, i) => i)])),
  });

  it('give the effects of checking every rule, in the same order, on random rules and flows', () => {
    const rng = new Random(20261122);
    const names = ['s7-function', 'modbus-function', 'enip-service', 'src_port', 'dst_port', 'protocol', 'ethertype'];
    const values = ['1', '2', '22', '102', 'TCP', 'UDP', 'IPv4', 'read'];
    const ports = [22, 80, 102, 502, 2222, 44818];
    const condition = (): RuleCall => (rng.int(0, 1) === 0 ? has(rng.pick(names)) : is(rng.pick(names), rng.pick(values)));
    const action = (i: number): RuleCall =>
      rng.pick([tagFlow(`T${i % 7}`, rng.pick(['info', 'important']), rng.int(0, 1) === 1), { name: 'Netcat', params: { value: rng.pick(['ot', 'it', 'ics']) } }, { name: 'SetComponentProperty', params: { target: 'src', property: `p${i % 5}`, value: String(i) } }]);
    const property = Array.from({ length: 300 }, (_, i) => prop(rng.pick(['and', 'or'] as const), Array.from({ length: rng.int(1, 3) }, condition), [action(i)], `p${i}`));
    const port_ = Array.from({ length: 200 }, (_, i) => port(Array.from({ length: rng.int(1, 3) }, () => rng.pick([`TCP/${rng.pick(ports)}`, `UDP/${rng.pick(ports)}`, String(rng.pick(ports)), rng.pick(ports)])), [action(i)], `r${i}`));
    const rules = compileRules(property, port_);
    const reference = unindexed(rules, ports);
    let matched = 0;
    for (let n = 0; n < 500; n++) {
      const props = Object.fromEntries(Array.from({ length: rng.int(0, 3) }, () => [rng.pick(names.slice(0, 3)), rng.pick(values)]));
      const f = flow({ protocol: rng.pick(['TCP', 'UDP', null]), ethertype: rng.pick(['IPv4', null]), srcPort: rng.pick([...ports, null]), dstPort: rng.pick([...ports, null]), properties: props });
      const fx = evaluate(rules, f);
      expect(fx).toEqual(evaluate(reference, f));
      if (Object.keys(fx.flowTags ?? {}).length > 0) matched++;
    }
    // The comparison is worth something only if rules did match.
    expect(matched).toBeGreaterThan(100);
  });
});
