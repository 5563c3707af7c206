/** What generate reads (calls, from events or lists) and what it reports about its input. */

/**
 * One observed call, or `count` identical ones (an aggregated SQL row). Everything but the operation is
 * optional: a `--from-calls` line may say no more than `S3.GetObject`.
 */
export interface ObservedCall {
  /** IAM prefix, when the reader already knows it (`s3:GetObject` lines). */
  service?: string;
  /** CloudTrail eventSource (`s3.amazonaws.com`), when the call came from CloudTrail. */
  eventSource?: string;
  /** SDK client name (`S3`, `DynamoDB`), when the call came from an SDK list or iamlive. */
  sdkName?: string;
  /** The operation (CloudTrail eventName, SDK method). */
  operation: string;
  /** The action itself when the input names it (`s3:GetObject arn:...` lines): no operation lookup. */
  action?: string;
  /** The identity's ARN (userIdentity.arn). */
  principal?: string;
  /** The role behind an assumed-role session (userIdentity.sessionContext.sessionIssuer.arn). */
  sessionIssuer?: string;
  /** Milliseconds since the epoch; for aggregated rows the first and last time seen. */
  time?: number;
  lastTime?: number;
  /** The time as the record writes it, read only when --since/--until ask (most runs never do). */
  timeText?: string;
  account?: string;
  region?: string;
  partition?: string;
  /** requestParameters: the well-known ones name the resources (bucketName, key, roleArn...). */
  parameters?: Record<string, unknown>;
  /** ARNs the record names (its `resources` list, or the ARNs a call line gives). */
  resourceArns?: string[];
  /** The call was refused (errorCode AccessDenied and the like, or HTTP 403). */
  denied: boolean;
  /** How many calls this stands for; 1 for a raw event. */
  count: number;
}

/** Where a call came from, for messages: the file and, for line formats, the line. */
export interface CallOrigin {
  file: string;
  line?: number;
}

/** What went wrong with the input; each reported on stderr once, with counts. */
export interface InputProblem {
  file: string;
  line?: number;
  /** One line, without the file: `truncated gzip (unexpected end of file); ...`. */
  message: string;
}

/** errorCodes that mean the principal was refused (not a throttle, not a missing resource). */
export const DENIED_CODES: ReadonlySet<string> = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'Client.UnauthorizedOperation',
  'UnauthorizedAccess',
  'UnauthorizedException',
  'AuthorizationError',
  'AuthorizationErrorException',
  'Forbidden',
  'ForbiddenException',
  'NotAuthorized',
  'AccessDeniedFault',
]);
