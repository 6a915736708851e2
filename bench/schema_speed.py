#!/usr/bin/python3
"""Speed of trajc's JSON Schema validator against python3-jsonschema on the same work.

Workloads (each: one schema compiled once, many instances checked for validity):
  tool-args      a tool-parameters schema like tool_schemas/ (properties, required,
                 additionalProperties, enum, pattern, bounds, nested items), 20000 instances
  metaschema     the draft 2020-12 metaschema ($dynamicRef, $vocabulary) checking every
                 schema of the JSON-Schema-Test-Suite's draft2020-12 files
  unevaluated    allOf + if/then + unevaluatedProperties: false, 20000 instances
Prints per workload: instances, seconds for python-jsonschema (Draft202012Validator.is_valid)
and for trajc (CompiledSchema::IsValid, build/tests/unit/schema/schema_bench), best of
REPEAT (default 3), and the ratio. Both must agree on every verdict.
  bench/schema_speed.py [BUILD_DIR]   (default build; env REPEAT, TRAJC_JSON_SCHEMA_TEST_SUITE)
"""
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parent.parent
SUITE = Path(os.environ.get('TRAJC_JSON_SCHEMA_TEST_SUITE',
                            '/usr/share/perl5/auto/share/dist/Test-JSON-Schema-Acceptance'))
REPEAT = int(os.environ.get('REPEAT', '3'))

TOOL_ARGS = {
    'type': 'object',
    'properties': {
        'path': {'type': 'string', 'pattern': '^[a-z_/]+\\.py$'},
        'line_number': {'type': 'integer', 'minimum': 1},
        'code': {'enum': ['E501', 'F401', 'W291', 'E302', 'F841']},
        'message': {'type': 'string', 'minLength': 1, 'maxLength': 200},
        'edits': {'type': 'array', 'maxItems': 8, 'items': {
            'type': 'object', 'required': ['start', 'end', 'text'], 'additionalProperties': False,
            'properties': {'start': {'type': 'integer', 'minimum': 0},
                           'end': {'type': 'integer', 'minimum': 0},
                           'text': {'type': 'string'}}}},
    },
    'required': ['path', 'line_number', 'code'],
    'additionalProperties': False,
}

UNEVALUATED = {
    'type': 'object',
    'allOf': [{'properties': {'kind': {'enum': ['file', 'dir']}, 'name': {'type': 'string'}},
               'required': ['kind', 'name']}],
    'if': {'properties': {'kind': {'const': 'file'}}},
    'then': {'properties': {'size': {'type': 'integer', 'minimum': 0}}},
    'else': {'properties': {'children': {'type': 'array', 'items': {'type': 'string'}}}},
    'unevaluatedProperties': False,
}


def tool_args_instances(rng, n):
    out = []
    for i in range(n):
        item = {'path': rng.choice(['a/b.py', 'pkg/mod.py', 'x.py', 'Bad.py']),
                'line_number': rng.randint(0, 400),
                'code': rng.choice(['E501', 'F401', 'W291', 'E302', 'F841', 'E999'])}
        if i % 2:
            item['message'] = 'line too long' * rng.randint(0, 3)
        if i % 3 == 0:
            item['edits'] = [{'start': rng.randint(0, 50), 'end': rng.randint(0, 80), 'text': 'x' * rng.randint(0, 9)}
                             for _ in range(rng.randint(0, 4))]
        out.append(item)
    return out


def unevaluated_instances(rng, n):
    out = []
    for _ in range(n):
        kind = rng.choice(['file', 'dir'])
        item = {'kind': kind, 'name': 'n%d' % rng.randint(0, 99)}
        if kind == 'file':
            item['size'] = rng.randint(-2, 5000)
        else:
            item['children'] = ['c%d' % j for j in range(rng.randint(0, 5))]
        if rng.random() < 0.2:
            item['extra'] = 1
        out.append(item)
    return out


def suite_schemas():
    schemas = []
    for path in sorted((SUITE / 'tests' / 'draft2020-12').glob('*.json')):
        for group in json.loads(path.read_text()):
            schemas.append(group['schema'])
    return schemas


def python_best(schema, instances):
    validator = jsonschema.Draft202012Validator(schema)
    best, verdicts = None, None
    for _ in range(REPEAT):
        start = time.perf_counter()
        verdicts = [validator.is_valid(i) for i in instances]
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return sum(verdicts), best


def main():
    build = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / 'build'
    bench = build / 'tests' / 'unit' / 'schema' / 'schema_bench'
    if not bench.exists():
        sys.exit('%s: not built (ninja -C %s schema_bench)' % (bench, build))
    rng = random.Random(42)
    metaschema = json.loads(Path(jsonschema.__file__).with_name('schemas').joinpath('draft2020-12.json').read_text())
    workloads = [('tool-args', TOOL_ARGS, tool_args_instances(rng, 20000)),
                 ('metaschema', metaschema, suite_schemas() * 20),
                 ('unevaluated', UNEVALUATED, unevaluated_instances(rng, 20000))]
    print('%-12s %9s %10s %10s %8s' % ('workload', 'instances', 'python s', 'trajc s', 'ratio'))
    with tempfile.TemporaryDirectory() as tmp:
        for name, schema, instances in workloads:
            schema_file, instances_file = Path(tmp) / 's.json', Path(tmp) / 'i.json'
            schema_file.write_text(json.dumps(schema))
            instances_file.write_text(json.dumps(instances))
            py_valid, py_s = python_best(schema, instances)
            out = subprocess.run([str(bench), str(schema_file), str(instances_file), str(REPEAT)],
                                 check=True, capture_output=True, text=True).stdout.split()
            valid, trajc_s = int(out[0]), float(out[1])
            if valid != py_valid:
                sys.exit('%s: verdicts differ: python %d valid, trajc %d valid' % (name, py_valid, valid))
            print('%-12s %9d %10.4f %10.4f %7.0fx' % (name, len(instances), py_s, trajc_s, py_s / trajc_s))


if __name__ == '__main__':
    main()
