import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { render, toTable, wrapText } from '../../src/util/format/index.js';

const rows = [
  { prefix: 'a4b', service_name: 'Alexa for Business', tags: ['x', 'y'] },
  { prefix: 'odd', service_name: 'Say "hi", then\nleave', tags: [] },
];

test('json: 2-space by default, or the indent asked for', () => {
  assert.equal(render({ a: [1] }, 'json'), '{\n  "a": [\n    1\n  ]\n}\n');
  assert.equal(render(['x'], 'json', { indent: 4 }), '[\n    "x"\n]\n');
});

test('yaml parses back to the data', () => {
  assert.deepEqual(parseYaml(render(rows, 'yaml')), rows);
});

test('csv: a header, RFC 4180 quoting, lists joined by "; "', () => {
  assert.equal(
    render(rows, 'csv'),
    'prefix,service_name,tags\na4b,Alexa for Business,x; y\nodd,"Say ""hi"", then\nleave",\n',
  );
  assert.equal(
    render(rows, 'csv', { columns: ['service_name'] }),
    'service_name\nAlexa for Business\n"Say ""hi"", then\nleave"\n',
  );
});

test('csv of a list, of a map, and of nothing', () => {
  assert.equal(
    render(['s3:GetObject', 's3:PutObject'], 'csv', { listHeader: 'action' }),
    'action\ns3:GetObject\ns3:PutObject\n',
  );
  assert.equal(
    render({ bucket: 'arn:b', object: 'arn:o' }, 'csv', { keyHeader: 'type', valueHeader: 'arn' }),
    'type,arn\nbucket,arn:b\nobject,arn:o\n',
  );
  assert.equal(render([], 'csv', { listHeader: 'action' }), 'action\n');
});

test('rows of a { service: rows } answer are concatenated', () => {
  const t = toTable({ s3: [{ action: 's3:A' }, { action: 's3:B' }] });
  assert.deepEqual(t, { columns: ['action'], rows: [['s3:A'], ['s3:B']] });
});

test('table: aligned columns under a rule, lists one item a line', () => {
  const out = render(rows.slice(0, 1), 'table');
  assert.equal(
    out,
    [
      'prefix  service_name        tags',
      '------  ------------------  ----',
      'a4b     Alexa for Business  x',
      '                            y',
      '',
    ].join('\n'),
  );
  assert.equal(render([], 'table'), '(none)\n');
  assert.equal(render([], 'table', { empty: 'no actions' }), 'no actions\n');
});

test('table: long text wraps so that every line fits the width', () => {
  const long = [
    {
      action: 's3:GetObject',
      description:
        'Grants permission to retrieve objects from Amazon S3, with a description long enough to wrap',
      arn: 'arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}',
    },
  ];
  const out = render(long, 'table', { width: 70 });
  for (const line of out.trimEnd().split('\n')) assert.ok(line.length <= 70, `${line.length}: ${line}`);
  // Nothing is lost: a one-column table of the ARN reads back as the ARN.
  const arnLines = render([{ arn: long[0].arn }], 'table', { width: 30 })
    .trimEnd()
    .split('\n')
    .slice(2);
  assert.ok(arnLines.length > 1);
  assert.equal(arnLines.join(''), long[0].arn);
});

test('wrapText breaks at spaces, else after / : or -', () => {
  assert.deepEqual(wrapText('one two three', 7), ['one two', 'three']);
  assert.deepEqual(wrapText('arn:aws:s3:::bucket/key', 14), ['arn:aws:s3:::', 'bucket/key']);
  assert.deepEqual(wrapText('abcdefghij', 4), ['abcd', 'efgh', 'ij']);
});
