/**
 * Hand-written risk reports for the renderers' tests: a small account (users, a group, roles with trust, a
 * method completed across two policies, a partial method, a conditional finding, hostile names), and a
 * generated large one. Written by hand from the model, not produced by the analysis.
 */
import type { RiskFinding, RiskPolicy, RiskPrincipal, RiskReport } from '../../src/reporting/risk-report.js';

export const HOSTILE_POLICY_NAME = '<script>alert(1)</script>';
/** A Sid that would break out of an attribute and run a handler if it were not escaped. */
export const HOSTILE_SID = '"><img src=x onerror=alert(2)>';

const ACCOUNT = '111122223333';
const arn = (kind: string, name: string) => `arn:aws:iam::${ACCOUNT}:${kind}/${name}`;

export const ALICE = arn('user', 'alice');
export const BOB = arn('user', 'bob');
export const DEPLOY = arn('role', 'deploy');
export const DEVS = arn('group', 'devs');

const PASS_LAMBDA_STATEMENT = {
  Sid: 'PassAnyRole',
  Effect: 'Allow',
  Action: 'iam:PassRole',
  Resource: '*',
};
const LAMBDA_STATEMENT = {
  Sid: 'Functions',
  Effect: 'Allow',
  Action: ['lambda:CreateFunction', 'lambda:InvokeFunction'],
  Resource: '*',
};
/** Long enough (60 actions) to be shown as an excerpt. */
export const READ_ACTIONS = [
  ...Array.from({ length: 30 }, (_, i) => `s3:GetBucket${String.fromCharCode(65 + (i % 26))}${i}`),
  's3:GetObject',
  ...Array.from({ length: 29 }, (_, i) => `s3:List${String.fromCharCode(65 + (i % 26))}${i}`),
];
const READ_STATEMENT = {
  Sid: 'ReadBuckets',
  Effect: 'Allow',
  Action: READ_ACTIONS,
  Resource: 'arn:aws:s3:::reports/*',
  Condition: { Bool: { 'aws:SecureTransport': 'true' } },
};
const HOSTILE_STATEMENT = { Sid: HOSTILE_SID, Effect: 'Allow', Action: '*', Resource: '*' };

export function riskFixture(): RiskReport {
  const policies: RiskPolicy[] = [
    {
      id: arn('policy', 'PassRoles'),
      name: 'PassRoles',
      kind: 'managed',
      file: 'account/authorization-details.json',
      line: 40,
      attachedTo: [DEVS, ALICE],
      accessLevels: { Write: 1 },
      findings: ['f1'],
    },
    {
      id: `${ALICE}#inline/Functions`,
      name: 'Functions',
      kind: 'inline',
      file: 'account/authorization-details.json',
      line: 12,
      attachedTo: [ALICE],
      accessLevels: { Write: 2, Read: 3 },
      findings: ['f1'],
    },
    {
      id: arn('policy', 'Reports'),
      name: 'Reports',
      kind: 'managed',
      file: 'account/authorization-details.json',
      line: 88,
      attachedTo: [BOB],
      accessLevels: { Read: 1 },
      findings: ['f3'],
    },
    {
      id: arn('policy', 'hostile'),
      name: HOSTILE_POLICY_NAME,
      kind: 'managed',
      file: 'account/authorization-details.json',
      line: 120,
      attachedTo: [DEPLOY],
      accessLevels: { List: 900, Read: 4000, Write: 7000, 'Permissions management': 900, Tagging: 300 },
      findings: ['f2', 'f4'],
    },
    {
      id: `${DEPLOY}#trust`,
      name: 'deploy trust policy',
      kind: 'trust',
      file: 'account/authorization-details.json',
      line: 150,
      attachedTo: [DEPLOY],
      accessLevels: {},
      findings: [],
    },
  ];

  const principals: RiskPrincipal[] = [
    {
      id: DEPLOY,
      name: 'deploy',
      type: 'role',
      policies: [arn('policy', 'hostile')],
      trust: [
        { principal: 'codebuild.amazonaws.com', kind: 'service', conditional: false, crossAccount: false },
        {
          principal: 'arn:aws:iam::444455556666:root',
          kind: 'account',
          conditional: true,
          crossAccount: true,
        },
      ],
      level: 'critical',
      score: 95,
      accessLevels: { List: 900, Read: 4000, Write: 7000, 'Permissions management': 900, Tagging: 300 },
      findings: ['f2', 'f4'],
    },
    {
      id: ALICE,
      name: 'alice',
      type: 'user',
      policies: [arn('policy', 'PassRoles'), `${ALICE}#inline/Functions`],
      groups: ['devs'],
      level: 'critical',
      score: 80,
      accessLevels: { Write: 3, Read: 3 },
      findings: ['f1', 'f5'],
    },
    {
      id: BOB,
      name: 'bob',
      type: 'user',
      policies: [arn('policy', 'Reports')],
      groups: [],
      level: 'medium',
      score: 20,
      accessLevels: { Read: 1 },
      findings: ['f3'],
    },
    {
      id: DEVS,
      name: 'devs',
      type: 'group',
      policies: [arn('policy', 'PassRoles')],
      score: 0,
      accessLevels: { Write: 1 },
      findings: [],
    },
  ];

  const findings: RiskFinding[] = [
    {
      id: 'f1',
      category: 'privilege-escalation',
      level: 'critical',
      message: 'iam:PassRole on every role, with lambda:CreateFunction and lambda:InvokeFunction',
      actions: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'],
      resources: ['*'],
      conditional: false,
      method: {
        id: 'lambda-create-invoke',
        title: 'PassRole to a new Lambda function, then invoke it',
        complete: true,
        missing: [],
        source: 'https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/',
      },
      principal: ALICE,
      policies: [arn('policy', 'PassRoles'), `${ALICE}#inline/Functions`],
      evidence: [
        {
          policy: arn('policy', 'PassRoles'),
          statement: 'PassAnyRole',
          statementIndex: 0,
          statementJson: PASS_LAMBDA_STATEMENT,
          pattern: 'iam:PassRole',
          actions: ['iam:PassRole'],
        },
        {
          policy: `${ALICE}#inline/Functions`,
          statement: 'Functions',
          statementIndex: 0,
          statementJson: LAMBDA_STATEMENT,
          pattern: 'lambda:CreateFunction',
          actions: ['lambda:CreateFunction'],
        },
        {
          policy: `${ALICE}#inline/Functions`,
          statement: 'Functions',
          statementIndex: 0,
          statementJson: LAMBDA_STATEMENT,
          pattern: 'lambda:InvokeFunction',
          actions: ['lambda:InvokeFunction'],
        },
      ],
    },
    {
      id: 'f2',
      category: 'service-wildcard',
      level: 'critical',
      message: 'Every action of every service (*)',
      actions: ['*'],
      resources: ['*'],
      conditional: false,
      principal: DEPLOY,
      policies: [arn('policy', 'hostile')],
      evidence: [
        {
          policy: arn('policy', 'hostile'),
          statement: HOSTILE_SID,
          statementIndex: 0,
          statementJson: HOSTILE_STATEMENT,
          pattern: '*',
          actions: ['*'],
        },
      ],
    },
    {
      id: 'f5',
      category: 'privilege-escalation',
      level: 'high',
      message: 'iam:PassRole on every role, without an instance to pass it to or a way to reach one',
      actions: ['iam:PassRole'],
      resources: ['*'],
      conditional: false,
      method: {
        id: 'ec2-run-instances-ssm',
        title: 'PassRole to a new EC2 instance, then run commands on it',
        complete: false,
        missing: ['ec2:RunInstances', 'ssm:SendCommand|ssm:StartSession'],
      },
      principal: ALICE,
      policies: [arn('policy', 'PassRoles')],
      evidence: [
        {
          policy: arn('policy', 'PassRoles'),
          statement: 'PassAnyRole',
          statementIndex: 0,
          statementJson: PASS_LAMBDA_STATEMENT,
          pattern: 'iam:PassRole',
          actions: ['iam:PassRole'],
        },
      ],
    },
    {
      id: 'f3',
      category: 'data-exfiltration',
      level: 'medium',
      message: 's3:GetObject on arn:aws:s3:::reports/*, only when aws:SecureTransport is true',
      actions: ['s3:GetObject'],
      resources: ['arn:aws:s3:::reports/*'],
      conditional: true,
      principal: BOB,
      policies: [arn('policy', 'Reports')],
      evidence: [
        {
          policy: arn('policy', 'Reports'),
          statement: 'ReadBuckets',
          statementIndex: 0,
          statementJson: READ_STATEMENT,
          pattern: 's3:GetObject',
          actions: ['s3:GetObject'],
        },
      ],
    },
    {
      id: 'f4',
      category: 'infrastructure-modification',
      level: 'low',
      message: 'Changes to networking: ec2:CreateVpc and 2 more',
      actions: ['ec2:CreateVpc', 'ec2:DeleteVpc', 'ec2:ModifyVpcAttribute'],
      resources: ['*'],
      conditional: false,
      principal: DEPLOY,
      policies: [arn('policy', 'hostile')],
      evidence: [
        {
          policy: arn('policy', 'hostile'),
          statement: HOSTILE_SID,
          statementIndex: 0,
          statementJson: HOSTILE_STATEMENT,
          pattern: '*',
          actions: ['ec2:CreateVpc', 'ec2:DeleteVpc', 'ec2:ModifyVpcAttribute'],
        },
      ],
    },
  ];

  return {
    title: `iamwright analyze: account ${ACCOUNT}`,
    database: 'AWS Service Authorization Reference, 2026-06-14',
    toolVersion: '0.1.0',
    inputs: ['account/authorization-details.json'],
    categories: [
      {
        id: 'privilege-escalation',
        title: 'Privilege escalation',
        description: 'Actions that together let a principal gain permissions it was not given.',
      },
      {
        id: 'credentials-exposure',
        title: 'Credentials exposure',
        description: 'Actions that return passwords, keys or tokens.',
      },
      {
        id: 'data-exfiltration',
        title: 'Data exfiltration',
        description: 'Reads of stored data or secrets.',
      },
      {
        id: 'infrastructure-modification',
        title: 'Infrastructure modification',
        description: 'Changes to networks, compute and other infrastructure.',
      },
      {
        id: 'service-wildcard',
        title: 'Service wildcard',
        description: 'Every action of a service, or of every service.',
      },
    ],
    principals,
    policies,
    findings,
    errors: [{ file: 'account/broken.json', message: 'line 3: not JSON (unexpected "}")' }],
  };
}

/**
 * A generated account of `n` principals (users in groups, and roles), each with a few findings whose
 * evidence carries a statement, for size and time limits.
 */
export function largeRiskReport(n: number): RiskReport {
  const base = riskFixture();
  const principals: RiskPrincipal[] = [];
  const policies: RiskPolicy[] = [];
  const findings: RiskFinding[] = [];
  const levels = ['critical', 'high', 'medium', 'low'] as const;
  const categories = base.categories.map((c) => c.id);
  for (let i = 0; i < n; i++) {
    const pid = arn(i % 3 === 0 ? 'role' : 'user', `principal-${i}`);
    const policyId = arn('policy', `policy-${i}`);
    const statement = {
      Sid: `S${i}`,
      Effect: 'Allow',
      Action: ['iam:PassRole', 'lambda:CreateFunction', 's3:GetObject', 'ec2:RunInstances'],
      Resource: `arn:aws:s3:::bucket-${i}/*`,
    };
    const ids: string[] = [];
    for (let k = 0; k < 3; k++) {
      const id = `g${i}-${k}`;
      ids.push(id);
      findings.push({
        id,
        category: categories[(i + k) % categories.length],
        level: levels[(i + k) % levels.length],
        message: `finding ${k} of principal ${i}`,
        actions: ['iam:PassRole', 'lambda:CreateFunction'],
        resources: [statement.Resource],
        conditional: k === 2,
        principal: pid,
        policies: [policyId],
        evidence: [
          {
            policy: policyId,
            statement: statement.Sid,
            statementIndex: 0,
            statementJson: statement,
            pattern: 'iam:PassRole',
            actions: ['iam:PassRole'],
          },
        ],
      });
    }
    policies.push({
      id: policyId,
      name: `policy-${i}`,
      kind: 'managed',
      file: 'big.json',
      line: i + 1,
      attachedTo: [pid],
      accessLevels: { Read: 5, Write: 3 },
      findings: ids,
    });
    principals.push({
      id: pid,
      name: `principal-${i}`,
      type: i % 3 === 0 ? 'role' : 'user',
      policies: [policyId],
      level: levels[i % levels.length],
      score: n - i,
      accessLevels: { Read: 5, Write: 3 },
      findings: ids,
    });
  }
  return { ...base, principals, policies, findings, errors: [] };
}

/**
 * Like an analysis of AWS managed policies: `n` policies and no principals, each with three findings whose
 * evidence is one statement of `actions` actions (ReadOnlyAccess-sized when large).
 */
export function managedPoliciesReport(n: number, actions: number): RiskReport {
  const base = riskFixture();
  const policies: RiskPolicy[] = [];
  const findings: RiskFinding[] = [];
  const levels = ['critical', 'high', 'medium', 'low'] as const;
  for (let i = 0; i < n; i++) {
    const id = arn('policy', `Managed${i}`).replace(ACCOUNT, 'aws');
    const statement = {
      Effect: 'Allow',
      Action: Array.from({ length: actions }, (_, k) => `service${k % 50}:Describe${k}`),
      Resource: '*',
    };
    const ids = [0, 1, 2].map((k) => `m${i}-${k}`);
    ids.forEach((fid, k) => {
      const pattern = statement.Action[(i * 7 + k * 13) % actions];
      findings.push({
        id: fid,
        category: base.categories[k].id,
        level: levels[(i + k) % 4],
        message: `${pattern} on *`,
        actions: [pattern],
        resources: ['*'],
        conditional: false,
        policies: [id],
        evidence: [
          {
            policy: id,
            statement: '#0',
            statementIndex: 0,
            statementJson: statement,
            pattern,
            actions: [pattern],
          },
        ],
      });
    });
    policies.push({
      id,
      name: `Managed${i}`,
      kind: 'managed',
      file: `aws-managed-policies/Managed${i}.json`,
      line: 1,
      attachedTo: [],
      accessLevels: { Read: actions },
      findings: ids,
    });
  }
  return { ...base, principals: [], policies, findings, errors: [] };
}
