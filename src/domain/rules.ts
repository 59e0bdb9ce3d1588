/**
 * Analyzer rules (guide 6.8). The rule language is the Center's own vocabulary, so the domain
 * keeps its shape: { test: { operator, conditions }, actions } and { ports, actions }.
 */
export interface RuleCall {
  name: string;
  params: Record<string, unknown>;
}

export interface PropertyRule {
  id: string;
  test: { operator: 'and' | 'or'; conditions: RuleCall[] };
  actions: RuleCall[];
}

export interface PortRule {
  id: string;
  ports: (string | number)[];
  actions: RuleCall[];
}
