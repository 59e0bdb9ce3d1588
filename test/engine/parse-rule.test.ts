import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/errors.js';
import { parsePortRule, parsePropertyRule } from '../../src/engine/parse-rule.js';

const ctx = { tagExists: (key: string) => ['S7', 'SSH', 'WEB'].includes(key) };

const tagFlow = { name: 'TagFlow', params: { tag: 'S7', type: 'info', throw_admin_event: true } };
const hasProp = { name: 'HasProp', params: { property: 's7-function' } };
const rule = (over: Record<string, unknown> = {}) => ({ test: { operator: 'or', conditions: [hasProp] }, actions: [tagFlow], ...over });
const withAction = (name: string, params: unknown) => rule({ actions: [{ name, params }] });
const withCondition = (c: unknown) => rule({ test: { operator: 'and', conditions: [c] } });
const sendEvent = { trigger: 'PROG_DL_DETECTED', type: 'Behavioral', severity: 'High', category: 'Configuration', family: 'PLC Control' };

function reason(parse: () => unknown): string {
  try {
    parse();
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    const err = e as ApiError;
    expect(err.statusCode).toBe(400);
    expect(err.message.startsWith('Invalid syntax for rule.\n')).toBe(true);
    return err.message.slice('Invalid syntax for rule.\n'.length);
  }
  throw new Error('the rule was accepted');
}

describe('parsePropertyRule: malformed rules and their messages', () => {
  const cases: [string, unknown, string][] = [
    ['not an object', [], 'The rule must be a JSON object'],
    ['null', null, 'The rule must be a JSON object'],
    ['a string', 'rule', 'The rule must be a JSON object'],
    ['an unknown field', rule({ priority: 1 }), 'Unknown field : "priority"'],
    ['no test', { actions: [tagFlow] }, 'Missing field : "test"'],
    ['no actions', { test: rule().test }, 'Missing field : "actions"'],
    ['test not an object', rule({ test: [] }), 'Wrong field type : "test" must be an object'],
    ['no operator', rule({ test: { conditions: [hasProp] } }), 'Missing field : "test.operator"'],
    ['a wrong operator', rule({ test: { operator: 'xor', conditions: [hasProp] } }), 'Wrong operator : "xor"'],
    ['an upper-case operator', rule({ test: { operator: 'AND', conditions: [hasProp] } }), 'Wrong operator : "AND"'],
    ['a numeric operator', rule({ test: { operator: 1, conditions: [hasProp] } }), 'Wrong operator : 1'],
    ['an unknown test field', rule({ test: { operator: 'or', conditions: [hasProp], negate: true } }), 'Unknown field : "test.negate"'],
    ['no conditions', rule({ test: { operator: 'or' } }), 'Missing field : "test.conditions"'],
    ['conditions not an array', rule({ test: { operator: 'or', conditions: hasProp } }), 'Wrong field type : "test.conditions" must be an array'],
    ['no condition at all', rule({ test: { operator: 'or', conditions: [] } }), 'Empty field : "test.conditions" must hold at least one condition'],
    ['a wrong condition name', withCondition({ name: 'HasProperty', params: { property: 'x' } }), 'Wrong condition name : "HasProperty"'],
    ['a condition without a name', withCondition({ params: { property: 'x' } }), 'Missing field : "test.conditions[0].name"'],
    ['a condition that is a string', withCondition('HasProp'), 'Wrong field type : "test.conditions[0]" must be an object with "name" and "params"'],
    ['HasProp without property', withCondition({ name: 'HasProp', params: {} }), 'Missing parameter : "property" for condition "HasProp"'],
    ['HasProp without params', withCondition({ name: 'HasProp' }), 'Missing parameter : "property" for condition "HasProp"'],
    ['HasProp with a numeric property', withCondition({ name: 'HasProp', params: { property: 7 } }), 'Wrong parameter type : "property" of condition "HasProp" must be a non-empty string'],
    ['HasProp with an empty property', withCondition({ name: 'HasProp', params: { property: ' ' } }), 'Wrong parameter type : "property" of condition "HasProp" must be a non-empty string'],
    ['PropValue without value', withCondition({ name: 'PropValue', params: { property: 'dst_port' } }), 'Missing parameter : "value" for condition "PropValue"'],
    ['PropValue with a boolean value', withCondition({ name: 'PropValue', params: { property: 'dst_port', value: true } }), 'Wrong parameter type : "value" of condition "PropValue" must be a string or a number'],
    ['params not an object', withCondition({ name: 'HasProp', params: ['property'] }), 'Wrong field type : "test.conditions[0].params" must be an object'],
    ['an unknown parameter', withCondition({ name: 'HasProp', params: { property: 'x', value: 'y' } }), 'Unknown parameter : "value" for condition "HasProp"'],
    ['an unknown field in a call', withCondition({ name: 'HasProp', params: { property: 'x' }, negate: true }), 'Unknown field : "test.conditions[0].negate"'],
    ['actions not an array', rule({ actions: tagFlow }), 'Wrong field type : "actions" must be an array'],
    ['no action at all', rule({ actions: [] }), 'Empty field : "actions" must hold at least one action'],
    ['the guide\'s wrong action name', withAction('TagFlow2', tagFlow.params), 'Wrong action name : "TagFlow2"'],
    ['a lower-case action name', withAction('tagflow', tagFlow.params), 'Wrong action name : "tagflow"'],
    ['a numeric action name', rule({ actions: [{ name: 3, params: {} }] }), 'Wrong action name : 3'],
    ['TagFlow without tag', withAction('TagFlow', { type: 'info' }), 'Missing parameter : "tag" for action "TagFlow"'],
    ['TagFlow without type', withAction('TagFlow', { tag: 'S7' }), 'Missing parameter : "type" for action "TagFlow"'],
    ['TagFlow with an unknown tag', withAction('TagFlow', { tag: 'NOPE', type: 'info' }), 'Unknown tag : "NOPE" (see GET /api/1.0/tags)'],
    ['TagFlow with a wrong class', withAction('TagFlow', { tag: 'S7', type: 'critical' }), 'Wrong parameter value : type = "critical" for action "TagFlow" (available values: [info|important])'],
    ['TagFlow with a string boolean', withAction('TagFlow', { tag: 'S7', type: 'info', throw_admin_event: 'true' }), 'Wrong parameter type : "throw_admin_event" of action "TagFlow" must be a boolean'],
    ['TagFlow with a numeric tag', withAction('TagFlow', { tag: 7, type: 'info' }), 'Wrong parameter type : "tag" of action "TagFlow" must be a tag name'],
    ['Netcat with a wrong value', withAction('Netcat', { value: 'ot' }), 'Wrong parameter value : value = "ot" for action "Netcat" (available values: [eth|net|control|field])'],
    ['Netcat without value', withAction('Netcat', {}), 'Missing parameter : "value" for action "Netcat"'],
    ['TagComponent with a wrong target', withAction('TagComponent', { tag: 'S7', value: 'info', target: 'both' }), 'Wrong parameter value : target = "both" for action "TagComponent" (available values: [src|dst])'],
    ['TagComponent without target', withAction('TagComponent', { tag: 'S7', value: 'info' }), 'Missing parameter : "target" for action "TagComponent"'],
    ['SetComponentProperty without value', withAction('SetComponentProperty', { target: 'src', property: 'role' }), 'Missing parameter : "value" for action "SetComponentProperty"'],
    ['RemoveComponentProperty with an object property', withAction('RemoveComponentProperty', { target: 'dst', property: {} }), 'Wrong parameter type : "property" of action "RemoveComponentProperty" must be a non-empty string'],
    ['CopyProperties with a string list', withAction('CopyProperties', { properties: 's7-function', target: 'src', protocol: 'S7' }), 'Wrong parameter type : "properties" of action "CopyProperties" must be a non-empty array of property names'],
    ['CopyProperties with an empty list', withAction('CopyProperties', { properties: [], target: 'src', protocol: 'S7' }), 'Wrong parameter type : "properties" of action "CopyProperties" must be a non-empty array of property names'],
    ['CopyProperties without protocol', withAction('CopyProperties', { properties: ['a'], target: 'src' }), 'Missing parameter : "protocol" for action "CopyProperties"'],
    ['SendEvent with a wrong trigger', withAction('SendEvent', { ...sendEvent, trigger: 'PROG_DOWNLOAD' }), 'Wrong parameter value : trigger = "PROG_DOWNLOAD" for action "SendEvent" (available values: [PROG_DL_DETECTED|PROG_UL_DETECTED|NEW_COMM_DETECTED|EXCEPTION_DETECTED|INIT_DETECTED|START_CPU_DETECTED|STOP_CPU_DETECTED])'],
    ['SendEvent with a lower-case severity', withAction('SendEvent', { ...sendEvent, severity: 'high' }), 'Wrong parameter value : severity = "high" for action "SendEvent" (available values: [Very High|High|Medium|Low])'],
    ['SendEvent with a numeric severity', withAction('SendEvent', { ...sendEvent, severity: 3 }), 'Wrong parameter type : "severity" of action "SendEvent" must be a string'],
    ['SendEvent without family', withAction('SendEvent', { ...sendEvent, family: undefined }), 'Missing parameter : "family" for action "SendEvent"'],
    ['SendEventException with a wrong category', withAction('SendEventException', { ...sendEvent, category: 'Safety' }), 'Wrong parameter value : category = "Safety" for action "SendEventException" (available values: [Communication|Configuration|Data Management|Decode Failure|Identification|Run Orders|Security|User Management])'],
    ['SendEvent with a wrong type', withAction('SendEvent', { ...sendEvent, type: 'Alert' }), 'Wrong parameter value : type = "Alert" for action "SendEvent" (available values: [Behavioral|Classification|Changes|Software])'],
    ['the second action wrong', rule({ actions: [tagFlow, { name: 'Nope', params: {} }] }), 'Wrong action name : "Nope"'],
  ];

  it.each(cases)('%s', (_, body, expected) => {
    expect(reason(() => parsePropertyRule(body, ctx))).toBe(expected);
  });
});

describe('parsePropertyRule: valid rules', () => {
  it('keeps the guide 6.8.2.3 rule as given', () => {
    expect(parsePropertyRule(rule(), ctx)).toEqual(rule());
  });

  it('drops the spaces around a tag name (the guide 6.8.2.3 example says "S7 ")', () => {
    const parsed = parsePropertyRule(withAction('TagFlow', { tag: 'S7 ', type: 'info', throw_admin_event: true }), ctx);
    expect(parsed.actions[0]?.params['tag']).toBe('S7');
  });

  it('ignores a body id (the routes compare it with the path)', () => {
    expect(parsePropertyRule({ id: 'x', ...rule() }, ctx)).toEqual(rule());
  });

  it('accepts every action with its parameters', () => {
    const actions = [
      tagFlow,
      { name: 'TagFlow', params: { tag: 'SSH', type: 'important' } },
      { name: 'Netcat', params: { value: 'field' } },
      { name: 'TagComponent', params: { tag: 'WEB', value: 'important', target: 'dst' } },
      { name: 'SetComponentProperty', params: { target: 'src', property: 'role', value: 'engineering' } },
      { name: 'RemoveComponentProperty', params: { target: 'dst', property: 'role' } },
      { name: 'CopyProperties', params: { properties: ['s7-function'], target: 'dst', protocol: 'S7' } },
      { name: 'SendEvent', params: sendEvent },
      { name: 'SendEventException', params: { ...sendEvent, trigger: 'EXCEPTION_DETECTED', severity: 'Very High' } },
    ];
    const conditions = [hasProp, { name: 'PropValue', params: { property: 'dst_port', value: 22 } }];
    const body = { test: { operator: 'and', conditions }, actions };
    expect(parsePropertyRule(body, ctx)).toEqual(body);
  });
});

describe('parsePortRule', () => {
  const portRule = (ports: unknown) => ({ ports, actions: [tagFlow] });

  it.each([
    [['TCP/80', 'UDP/8080', '22', 9000]],
    [['tcp/443']],
    [[1, 65535]],
  ])('accepts %j', (ports) => {
    expect(parsePortRule(portRule(ports), ctx)).toEqual(portRule(ports));
  });

  const cases: [string, unknown, string][] = [
    ['a port out of range', portRule(['TCP/99999']), 'Wrong port : "TCP/99999"'],
    ['another protocol', portRule(['ICMP/1']), 'Wrong port : "ICMP/1"'],
    ['a word', portRule(['abc']), 'Wrong port : "abc"'],
    ['port 0', portRule([0]), 'Wrong port : 0'],
    ['a fractional number', portRule([80.5]), 'Wrong port : 80.5'],
    ['a boolean', portRule([true]), 'Wrong port : true'],
    ['the guide\'s "UPD" typo', portRule(['UPD/8080']), 'Wrong port : "UPD/8080"'],
    ['a range', portRule(['1000-2000']), 'Wrong port : "1000-2000"'],
    ['no ports', portRule([]), 'Empty field : "ports" must hold at least one port'],
    ['ports not an array', portRule('22'), 'Wrong field type : "ports" must be an array'],
    ['no ports field', { actions: [tagFlow] }, 'Missing field : "ports"'],
    ['a test field', { ...portRule(['22']), test: rule().test }, 'Unknown field : "test"'],
    ['a wrong action', { ports: ['22'], actions: [{ name: 'TagFlow2', params: {} }] }, 'Wrong action name : "TagFlow2"'],
  ];

  it.each(cases)('%s', (_, body, expected) => {
    expect(reason(() => parsePortRule(body, ctx))).toBe(expected);
  });
});
