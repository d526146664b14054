/**
 * `ha-verify check --deployment FILE`: the file read, validated and planned (load.ts,
 * translate.ts), each model's config checked by the model's own rules, and the report's parts
 * that belong to a deployment: its effective values first, a verdict per clause at the end.
 */
import { ConfigError } from '../../model/kernel/model.ts';
import { allClauses } from '../../properties/catalog/index.ts';
import { findSuite } from '../../properties/registry.ts';
import { type Names, rename } from '../../traces/names.ts';
import { CliError } from '../args.ts';
import { type CheckOutcome, verdictLabel } from '../run.ts';
import { DeploymentError, readDeployment, validateShape } from './load.ts';
import { DEPLOYMENT_MODELS, type DeploymentPlan, planDeployment } from './translate.ts';

export { DEPLOYMENT_MODELS, type DeploymentPlan };

/** Reads, validates and plans a deployment file; any problem is one CliError line (exit 2). */
export function loadDeployment(file: string): DeploymentPlan {
  try {
    const source = readDeployment(file);
    validateShape(source);
    const plan = planDeployment(source);
    // The models' own rules, as for any config: what the schema cannot say across fields.
    for (const id of DEPLOYMENT_MODELS) findSuite(id)!.model.validate(plan.configs[id]);
    return plan;
  } catch (error) {
    if (error instanceof DeploymentError) throw new CliError(printable(error.message));
    if (error instanceof ConfigError) throw new CliError(printable(`${file}: ${error.message}`));
    throw error;
  }
}

/**
 * A message on one line and without terminal controls, whatever the file's strings hold (YAML's
 * escapes can put any character into a key or a value): controls are shown as \uXXXX.
 */
const printable = (text: string) =>
  [...text]
    .map((c) => {
      const code = c.charCodeAt(0);
      const control =
        code < 32 || (code >= 127 && code <= 159) || code === 0x2028 || code === 0x2029;
      return control ? `\\u${code.toString(16).padStart(4, '0')}` : c;
    })
    .join('');

/** The name a deployment's searches and traces go by: its name, safe in a file name. */
export const configNameOf = (plan: DeploymentPlan) =>
  plan.name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'deployment';

/** What the check searches: every effective value, and how values were reduced. */
export function deploymentHeader(plan: DeploymentPlan): string {
  const lines = [
    `deployment ${plan.name} (${plan.file}), checked on ${DEPLOYMENT_MODELS.join(', ')}`,
    '  effective values:',
    ...plan.effective.map((l) => `    ${l}`),
  ];
  if (plan.reductions.length > 0)
    lines.push('  reduced to what the models search:', ...plan.reductions.map((l) => `    ${l}`));
  return lines.join('\n');
}

const RANK = ['violated', 'not exercised', 'not reached', 'holds', 'reached'] as const;

/**
 * One line per clause of the documents that a checked property covers: the worst of its
 * properties' verdicts (a violation first), with the bounds of the searches behind it.
 */
export function clauseTable(
  outcomes: readonly CheckOutcome[],
  namesOf: (model: string) => Names = () => ({}),
): string {
  const rows: string[] = [];
  for (const clause of allClauses) {
    const covering = outcomes.flatMap((o) =>
      o.verdicts.filter((v) => v.property.clauses.includes(clause.id)).map((v) => ({ o, v })),
    );
    if (covering.length === 0) continue;
    // A property true by construction is not evidence for its clause when it holds; a
    // violation of one (a deployment's config can break it) is a violation all the same.
    const evidence = covering.filter(
      (c) => c.v.property.guarded === undefined || c.v.verdict === 'violated',
    );
    if (evidence.length === 0) {
      rows.push(
        `  ${clause.id.padEnd(14)} ${'GUARDED BY CONSTRUCTION'.padEnd(32)} not evidence: ${covering.map((c) => c.v.property.id).join(', ')}`,
      );
      continue;
    }
    const worst = [...evidence].sort(
      (a, b) =>
        RANK.indexOf(a.v.verdict as (typeof RANK)[number]) -
        RANK.indexOf(b.v.verdict as (typeof RANK)[number]),
    )[0]!;
    const bounded = evidence.filter((c) => c.v.toDepth !== undefined);
    // A clause holds only as far as the least of its bounded verdicts.
    const least = [...bounded].sort((a, b) => a.v.toDepth! - b.v.toDepth!)[0];
    const label =
      worst.v.verdict === 'holds' && least !== undefined
        ? verdictLabel(least.v)
        : worst.v.verdict === 'not reached' && worst.o.explored?.stoppedBy === 'violation'
          ? 'not reached before the violation'
          : verdictLabel(worst.v);
    const models = [...new Set(evidence.map((c) => c.o.model.id))].join(', ');
    const why =
      worst.v.verdict === 'holds' || worst.v.verdict === 'reached'
        ? `${evidence.length} propert${evidence.length === 1 ? 'y' : 'ies'} on ${models}`
        : `${rename(worst.v.property.id, namesOf(worst.o.model.id))} on ${worst.o.model.id}`;
    rows.push(`  ${clause.id.padEnd(14)} ${label.toUpperCase().padEnd(32)} ${why}`);
  }
  return [
    'the promises of the documents, clause by clause (the worst verdict of the properties that judge it):',
    ...rows,
  ].join('\n');
}
