/**
 * AWS's global condition context keys: the `aws:` keys every service's requests may carry, and the
 * cross-service keys (`ec2:SourceInstanceArn`, `lambda:SourceFunctionArn`...) that AWS documents beside
 * them. The Service Authorization Reference (our database) does not list them, so this table does.
 *
 * Facts from AWS's page "AWS global condition context keys" (IAM User Guide), as published in 2026: each
 * key's name, data type(s) and whether it is single- or multivalued. A key marked `tagKey` is a family
 * (`aws:ResourceTag/<tag-key>`) and is written with a tag key after its slash.
 *
 * Shared by lint (its conditions checks) and write-policy (conditions in templates).
 */

/** The data types AWS gives condition keys (the Service Authorization Reference's names). */
export type KeyDataType = 'String' | 'ARN' | 'Bool' | 'Numeric' | 'Date' | 'IPAddress';

const DATABASE_TYPES: Readonly<Record<string, KeyDataType>> = {
  string: 'String',
  arn: 'ARN',
  bool: 'Bool',
  boolean: 'Bool',
  numeric: 'Numeric',
  date: 'Date',
  ipaddress: 'IPAddress',
};

/** The data type a database type name stands for (`ARN`, `Arn`...), and whether it is a list (`ArrayOfString`). */
export function readDatabaseType(type: string): { type?: KeyDataType; multi: boolean } {
  const multi = /^arrayof/i.test(type);
  return { type: DATABASE_TYPES[type.replace(/^arrayof/i, '').toLowerCase()], multi };
}

export interface GlobalConditionKey {
  /** As AWS spells it; a tag-key family ends with its `/`. */
  name: string;
  types: readonly KeyDataType[];
  multivalued: boolean;
  /** A family of keys written `name<tag-key>`. */
  tagKey?: boolean;
}

const single = (name: string, ...types: KeyDataType[]): GlobalConditionKey => ({
  name,
  types,
  multivalued: false,
});
const multi = (name: string, ...types: KeyDataType[]): GlobalConditionKey => ({
  name,
  types,
  multivalued: true,
});
const tagFamily = (name: string): GlobalConditionKey => ({
  name,
  types: ['String'],
  multivalued: false,
  tagKey: true,
});

export const GLOBAL_CONDITION_KEYS: readonly GlobalConditionKey[] = [
  // Properties of the principal
  single('aws:PrincipalArn', 'ARN'),
  single('aws:PrincipalAccount', 'String'),
  multi('aws:PrincipalOrgPaths', 'String'),
  single('aws:PrincipalOrgID', 'String'),
  tagFamily('aws:PrincipalTag/'),
  single('aws:PrincipalIsAWSService', 'Bool'),
  single('aws:PrincipalServiceName', 'String'),
  multi('aws:PrincipalServiceNamesList', 'String'),
  single('aws:PrincipalType', 'String'),
  single('aws:userid', 'String'),
  single('aws:username', 'String'),
  // Properties of a role session
  single('aws:AssumedRoot', 'Bool'),
  // String for AWS's own identity providers, an ARN for the others.
  single('aws:FederatedProvider', 'String', 'ARN'),
  single('aws:TokenIssueTime', 'Date'),
  single('aws:SignInSessionArn', 'ARN'),
  single('aws:MultiFactorAuthAge', 'Numeric'),
  single('aws:MultiFactorAuthPresent', 'Bool'),
  single('aws:ChatbotSourceArn', 'ARN'),
  single('aws:Ec2InstanceSourceVpc', 'String'),
  single('aws:Ec2InstanceSourcePrivateIPv4', 'IPAddress'),
  single('aws:SourceIdentity', 'String'),
  single('ec2:RoleDelivery', 'Numeric'),
  single('ec2:SourceInstanceArn', 'ARN'),
  single('glue:RoleAssumedBy', 'String'),
  single('glue:CredentialIssuingService', 'String'),
  single('codebuild:BuildArn', 'ARN'),
  single('codebuild:ProjectArn', 'ARN'),
  single('lambda:SourceFunctionArn', 'ARN'),
  single('ssm:SourceInstanceArn', 'ARN'),
  single('identitystore:UserId', 'String'),
  // Properties of the network
  single('aws:SourceIp', 'IPAddress'),
  single('aws:SourceVpc', 'String'),
  single('aws:SourceVpcArn', 'ARN'),
  single('aws:SourceVpce', 'String'),
  single('aws:VpceAccount', 'String'),
  single('aws:VpceOrgID', 'String'),
  multi('aws:VpceOrgPaths', 'String'),
  single('aws:VpcSourceIp', 'IPAddress'),
  // Properties of the resource
  single('aws:ResourceAccount', 'String'),
  single('aws:ResourceOrgID', 'String'),
  multi('aws:ResourceOrgPaths', 'String'),
  tagFamily('aws:ResourceTag/'),
  // Properties of the request
  multi('aws:CalledVia', 'String'),
  single('aws:CalledViaFirst', 'String'),
  single('aws:CalledViaLast', 'String'),
  single('aws:CalledViaAWSMCP', 'String'),
  single('aws:ViaAWSService', 'Bool'),
  single('aws:ViaAWSMCPService', 'Bool'),
  single('aws:CurrentTime', 'Date'),
  single('aws:EpochTime', 'Date', 'Numeric'),
  single('aws:referer', 'String'),
  single('aws:RequestedRegion', 'String'),
  tagFamily('aws:RequestTag/'),
  multi('aws:TagKeys', 'String'),
  single('aws:SecureTransport', 'Bool'),
  single('aws:SourceAccount', 'String'),
  single('aws:SourceArn', 'ARN'),
  single('aws:SourceOrgID', 'String'),
  multi('aws:SourceOrgPaths', 'String'),
  single('aws:UserAgent', 'String'),
  single('aws:IsMcpServiceAction', 'Bool'),
  // Not on the page, but AWS's own managed policies (AWSSSOServiceRolePolicy) test it and the IAM policy
  // simulator fills it in with the organization context: the management account's ID.
  single('aws:PrincipalOrgMasterAccountId', 'String'),
];

const exact = new Map<string, GlobalConditionKey>();
const families: GlobalConditionKey[] = [];
for (const k of GLOBAL_CONDITION_KEYS) {
  if (k.tagKey) families.push(k);
  else exact.set(k.name.toLowerCase(), k);
}

/** What the table says about a key written in a policy. */
export type GlobalKeyLookup =
  | { kind: 'key'; key: GlobalConditionKey }
  /** A tag-key family written without a tag key (`aws:ResourceTag`, `aws:ResourceTag/`). */
  | { kind: 'missing-tag-key'; key: GlobalConditionKey }
  | { kind: 'none' };

/** Looks `written` up (any case). */
export function lookupGlobalKey(written: string): GlobalKeyLookup {
  const lower = written.toLowerCase();
  const hit = exact.get(lower);
  if (hit) return { kind: 'key', key: hit };
  for (const f of families) {
    const prefix = f.name.toLowerCase();
    if (lower === prefix || lower === prefix.slice(0, -1)) return { kind: 'missing-tag-key', key: f };
    if (lower.startsWith(prefix)) return { kind: 'key', key: f };
  }
  return { kind: 'none' };
}

/** The names of the `aws:` keys, for did-you-mean suggestions. */
export function globalKeyNames(): string[] {
  return GLOBAL_CONDITION_KEYS.filter((k) => k.name.startsWith('aws:')).map((k) =>
    k.tagKey ? `${k.name}<tag-key>` : k.name,
  );
}
