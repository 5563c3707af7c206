/**
 * The values of an event that fill ARN placeholders: the account, region and partition of the call, and
 * the well-known request parameters (bucketName and key, roleName, tableName, functionName, queueUrl,
 * secretId, name of an SSM parameter, streamName, keyId, logGroupName...). A parameter fills the
 * placeholder of the same name (case ignored: `tableName` fills `${TableName}`); the table below adds the
 * names that differ. Values that are ARNs are not fillers: they are bound to the formats whole (resolve.ts).
 */
import type { ObservedCall } from './types.js';

/** Placeholder -> the request parameters that hold its value, besides the one of its own name. */
const ALIASES: Record<string, readonly string[]> = {
  ObjectName: ['key'],
  RoleNameWithPath: ['roleName'],
  UserNameWithPath: ['userName'],
  GroupNameWithPath: ['groupName'],
  InstanceProfileNameWithPath: ['instanceProfileName'],
  ParameterNameWithoutLeadingSlash: ['name', 'names'],
  ClusterName: ['cluster'],
  WorkGroupName: ['workGroup'],
  RepositoryName: ['repositoryName'],
  AlarmName: ['alarmNames'],
  DashboardName: ['dashboardName'],
  ProjectName: ['projectName'],
  StackName: ['stackName'],
  RuleName: ['name'],
  EventBusName: ['eventBusName'],
};

/** Services whose `name` parameter is not what a `${...Name}` placeholder of theirs means. */
const NAME_ALIAS_SERVICES: Record<string, ReadonlySet<string>> = {
  ParameterNameWithoutLeadingSlash: new Set(['ssm']),
  RuleName: new Set(['events']),
};

export type Lookup = (placeholder: string) => string[] | undefined;

/** The account and the queue name of an SQS queue URL (`https://sqs.REGION.amazonaws.com/ACCOUNT/NAME`). */
export function queueOfUrl(url: string): { account: string; name: string } | undefined {
  const m = /^https?:\/\/[^/]+\/(\d{12})\/([^/?#]+)\/?$/.exec(url);
  return m ? { account: m[1], name: m[2] } : undefined;
}

/** Strings of a parameter value: a string, a number, or a list of them (`names`, `alarmNames`). */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return v === '' ? [] : [v];
  if (typeof v === 'number') return [String(v)];
  if (Array.isArray(v)) return v.flatMap((x) => (typeof x === 'string' && x !== '' ? [x] : []));
  return [];
}

/**
 * The values for the placeholders of `service`'s formats in this call. Lists give several (GetParameters'
 * `names`): one ARN each.
 */
export function placeholderLookup(call: ObservedCall, service: string): Lookup {
  const params = call.parameters ?? {};
  const lower = new Map<string, unknown>();
  for (const [k, v] of Object.entries(params)) lower.set(k.toLowerCase(), v);
  let account = call.account;
  const queueUrl = lower.get('queueurl');
  const queue = typeof queueUrl === 'string' ? queueOfUrl(queueUrl) : undefined;
  if (queue) account = queue.account;
  return (placeholder) => {
    switch (placeholder) {
      case 'Partition':
        return call.partition ? [call.partition] : undefined;
      case 'Region':
        return call.region ? [call.region] : undefined;
      case 'Account':
        return account ? [account] : undefined;
      case 'QueueName':
        return queue ? [queue.name] : undefined;
      case 'FunctionName':
        return functionNames(lower.get('functionname'));
      case 'SecretId':
        return secretNames(lower.get('secretid'));
      case 'KeyId':
        return keyIds(lower.get('keyid'));
      case 'TableName':
        return tableNames(lower, service);
      case 'InstanceId':
        return instanceIds(lower);
    }
    const found: string[] = [];
    for (const key of [placeholder, ...(ALIASES[placeholder] ?? [])]) {
      const only = NAME_ALIAS_SERVICES[placeholder];
      if (key === 'name' && only && !only.has(service)) continue;
      for (const v of strings(lower.get(key.toLowerCase()))) {
        if (v.startsWith('arn:')) continue;
        found.push(placeholder === 'ParameterNameWithoutLeadingSlash' ? v.replace(/^\/+/, '') : v);
      }
      if (found.length > 0) break;
    }
    return found.length > 0 ? found : undefined;
  };
}

/** `my-function`, or `my-function:PROD` (the qualifier is kept: it is part of the invoked ARN). */
function functionNames(v: unknown): string[] | undefined {
  const names = strings(v).filter((s) => !s.startsWith('arn:') && !s.includes(':'));
  return names.length > 0 ? names : undefined;
}

/**
 * A secret named without its ARN: Secrets Manager adds `-` and six random characters to the name in the
 * ARN, so the one secret of that name is `name-??????` (the form AWS's documentation gives).
 */
function secretNames(v: unknown): string[] | undefined {
  const names = strings(v).filter((s) => !s.startsWith('arn:'));
  return names.length > 0 ? names.map((n) => `${n}\u0000-??????`) : undefined;
}

/** Key ids; an alias (`alias/x`) does not say which key it points at, so it fills nothing. */
function keyIds(v: unknown): string[] | undefined {
  const ids = strings(v).filter((s) => !s.startsWith('arn:') && !s.startsWith('alias/'));
  return ids.length > 0 ? ids : undefined;
}

/**
 * `tableName`, or the tables of a batch call (`requestItems` is keyed by table name); Glue names its table
 * `name` beside `databaseName`.
 */
function tableNames(lower: Map<string, unknown>, service: string): string[] | undefined {
  const names = strings(lower.get(service === 'glue' ? 'name' : 'tablename')).filter(
    (s) => !s.startsWith('arn:'),
  );
  const items = lower.get('requestitems');
  if (items && typeof items === 'object' && !Array.isArray(items)) {
    for (const k of Object.keys(items)) if (!k.startsWith('arn:')) names.push(k);
  }
  return names.length > 0 ? names : undefined;
}

/** `instanceId`, or EC2's `instancesSet: { items: [{ instanceId }] }`. */
function instanceIds(lower: Map<string, unknown>): string[] | undefined {
  const ids = strings(lower.get('instanceid'));
  const set = lower.get('instancesset') as { items?: unknown } | undefined;
  if (set && Array.isArray(set.items)) {
    for (const item of set.items) {
      const id = (item as { instanceId?: unknown } | null)?.instanceId;
      if (typeof id === 'string' && id !== '') ids.push(id);
    }
  }
  return ids.length > 0 ? ids : undefined;
}

/** The ARNs a call names: its record's resources, then ARN-valued parameters (roleArn, topicArn...). */
export function arnParameters(
  parameters: Record<string, unknown> | undefined,
  resources: readonly string[] = [],
): string[] {
  const found = [...resources];
  if (!parameters) return found;
  for (const k in parameters) {
    const v = parameters[k];
    if (typeof v === 'string') {
      if (v.startsWith('arn:')) found.push(v);
    } else if (Array.isArray(v)) for (const s of strings(v)) if (s.startsWith('arn:')) found.push(s);
  }
  return found;
}
