#!/usr/bin/python3
"""Data and the Python peer for bench/schema_speed.sh.

extract OUT DATASET... : write OUT/<tool>.schema.json (the tool's parameters schema from
    tool_schemas/<domain>.yaml) and OUT/<tool>.jsonl (the arguments of every call of that
    tool in the datasets, one JSON object per line).
synthetic OUT N        : write OUT/synthetic.schema.json (nested, $ref/$defs, patterns,
    anyOf/oneOf, enums, arrays of objects) and OUT/synthetic.jsonl: N instances, about one
    in ten invalid, from a fixed seed.
metaschema OUT SUITE COPIES : write OUT/metaschema.schema.json (python3-jsonschema's copy of
    the draft 2020-12 metaschema) and OUT/metaschema.jsonl: every schema of the
    JSON-Schema-Test-Suite's draft2020-12 files at SUITE, COPIES times.
unevaluated OUT N      : write OUT/unevaluated.schema.json (allOf + if/then/else +
    unevaluatedProperties: false) and OUT/unevaluated.jsonl: N instances, about one in five
    invalid.
validate SCHEMA JSONL  : end to end: read the JSONL, json.loads and iter_errors every line
    (validator built once); prints "instances invalid errors".
isvalid SCHEMA JSONL   : validator only: every line loaded first, then is_valid on each;
    prints "instances valid cpu_seconds wall_seconds" of the is_valid loop alone.
"""
import json
import os
import random
import sys
import time

import jsonschema
import yaml


def extract(out, datasets):
    """Write each tool's parameters schema and the arguments of its calls."""
    files = {}
    for dataset in datasets:
        domain = os.path.basename(os.path.dirname(dataset))
        with open(os.path.join('tool_schemas', domain + '.yaml')) as f:
            tools = {t['name']: t['parameters'] for t in yaml.safe_load(f)['tools']}
        with open(dataset) as f:
            for line in f:
                for message in json.loads(line)['messages']:
                    for call in message.get('tool_calls') or []:
                        name = call['function']['name']
                        key = domain + '.' + name
                        if key not in files:
                            with open(os.path.join(out, key + '.schema.json'), 'w') as s:
                                json.dump(tools[name], s)
                            files[key] = open(os.path.join(out, key + '.jsonl'), 'w')
                        files[key].write(call['function']['arguments'] + '\n')
    for f in files.values():
        f.close()


SYNTHETIC_SCHEMA = {
    '$schema': 'https://json-schema.org/draft/2020-12/schema',
    'type': 'object',
    'required': ['id', 'kind', 'owner', 'items', 'tags'],
    'additionalProperties': False,
    'properties': {
        'id': {'type': 'string', 'pattern': '^[a-z]{3}-[0-9]{4}$'},
        'kind': {'enum': ['order', 'refund', 'exchange', 'quote']},
        'owner': {'$ref': '#/$defs/person'},
        'items': {'type': 'array', 'minItems': 1, 'maxItems': 20, 'items': {'$ref': '#/$defs/item'}},
        'tags': {'type': 'array', 'items': {'type': 'string', 'minLength': 1, 'maxLength': 16},
                 'uniqueItems': True},
        'payment': {'oneOf': [
            {'type': 'object', 'required': ['card'], 'additionalProperties': False,
             'properties': {'card': {'type': 'string', 'pattern': '^[0-9]{4}( [0-9]{4}){3}$'}}},
            {'type': 'object', 'required': ['iban'], 'additionalProperties': False,
             'properties': {'iban': {'type': 'string', 'pattern': '^[A-Z]{2}[0-9]{2}[A-Z0-9]{8,30}$'}}},
        ]},
        'note': {'anyOf': [{'type': 'string', 'maxLength': 200}, {'type': 'null'}]},
    },
    '$defs': {
        'person': {
            'type': 'object', 'required': ['name', 'email'], 'additionalProperties': False,
            'properties': {
                'name': {'type': 'string', 'minLength': 1},
                'email': {'type': 'string', 'pattern': '^[^@ ]+@[^@ ]+\\.[a-z]{2,}$'},
                'age': {'type': 'integer', 'minimum': 0, 'maximum': 150},
            },
        },
        'item': {
            'type': 'object', 'required': ['sku', 'quantity', 'price'], 'additionalProperties': False,
            'properties': {
                'sku': {'type': 'string', 'pattern': '^[A-Z]{2}[0-9]{6}$'},
                'quantity': {'type': 'integer', 'minimum': 1, 'maximum': 1000},
                # multipleOf on integers only: python-jsonschema's float division
                # fails 0.07 against multipleOf 0.01, trajc's exact check does not.
                'price': {'type': 'number', 'exclusiveMinimum': 0},
                'pack': {'type': 'integer', 'multipleOf': 6},
                'options': {'type': 'object', 'additionalProperties': {'type': ['string', 'number', 'boolean']}},
            },
        },
    },
}


def synthetic_instance(rng):
    """One instance; about one in ten breaks one rule."""
    letters = 'abcdefghijklmnopqrstuvwxyz'
    upper = letters.upper()
    instance = {
        'id': ''.join(rng.choice(letters) for _ in range(3)) + '-%04d' % rng.randrange(10000),
        'kind': rng.choice(['order', 'refund', 'exchange', 'quote']),
        'owner': {'name': rng.choice(['Ana', 'Kwame', 'Li', 'Sofia']),
                  'email': 'user%d@example.org' % rng.randrange(999)},
        'items': [{
            'sku': rng.choice(upper) + rng.choice(upper) + '%06d' % rng.randrange(10 ** 6),
            'quantity': rng.randrange(1, 50),
            'price': rng.randrange(1, 100000) / 100,
            'pack': 6 * rng.randrange(1, 10),
            'options': {'colour': rng.choice(['red', 'blue']), 'gift': rng.random() < 0.5},
        } for _ in range(rng.randrange(1, 6))],
        'tags': rng.sample(['new', 'vip', 'bulk', 'sale', 'eu', 'us'], rng.randrange(0, 4)),
        'note': rng.choice([None, 'leave at the door', 'call first']),
    }
    if rng.random() < 0.5:
        instance['owner']['age'] = rng.randrange(18, 90)
    if rng.random() < 0.5:
        instance['payment'] = rng.choice([{'card': '4111 1111 1111 1111'}, {'iban': 'DE89370400440532013000'}])
    if rng.random() < 0.1:
        broken = rng.randrange(6)
        if broken == 0:
            instance['id'] = 'BAD'
        elif broken == 1:
            instance['kind'] = 'gift'
        elif broken == 2:
            instance['items'][0]['pack'] = 7
        elif broken == 3:
            del instance['owner']['email']
        elif broken == 4:
            instance['payment'] = {'card': '1234'}
        else:
            instance['extra'] = True
    return instance


def synthetic(out, count):
    """Write the synthetic schema and `count` instances."""
    rng = random.Random(42)
    with open(os.path.join(out, 'synthetic.schema.json'), 'w') as f:
        json.dump(SYNTHETIC_SCHEMA, f, indent=1)
    with open(os.path.join(out, 'synthetic.jsonl'), 'w') as f:
        for _ in range(count):
            f.write(json.dumps(synthetic_instance(rng), separators=(',', ':')) + '\n')


UNEVALUATED_SCHEMA = {
    '$schema': 'https://json-schema.org/draft/2020-12/schema',
    'type': 'object',
    'allOf': [{'properties': {'kind': {'enum': ['file', 'dir']}, 'name': {'type': 'string'}},
               'required': ['kind', 'name']}],
    'if': {'properties': {'kind': {'const': 'file'}}},
    'then': {'properties': {'size': {'type': 'integer', 'minimum': 0}}},
    'else': {'properties': {'children': {'type': 'array', 'items': {'type': 'string'}}}},
    'unevaluatedProperties': False,
}


def unevaluated(out, count):
    """Write the unevaluated schema and `count` instances, about one in five invalid."""
    rng = random.Random(42)
    with open(os.path.join(out, 'unevaluated.schema.json'), 'w') as f:
        json.dump(UNEVALUATED_SCHEMA, f, indent=1)
    with open(os.path.join(out, 'unevaluated.jsonl'), 'w') as f:
        for _ in range(count):
            kind = rng.choice(['file', 'dir'])
            item = {'kind': kind, 'name': 'n%d' % rng.randint(0, 99)}
            if kind == 'file':
                item['size'] = rng.randint(-2, 5000)
            else:
                item['children'] = ['c%d' % j for j in range(rng.randint(0, 5))]
            if rng.random() < 0.2:
                item['extra'] = 1
            f.write(json.dumps(item, separators=(',', ':')) + '\n')


def metaschema(out, suite, copies):
    """Write the 2020-12 metaschema and every suite schema, `copies` times over."""
    source = os.path.join(os.path.dirname(jsonschema.__file__), 'schemas', 'draft2020-12.json')
    with open(source) as f, open(os.path.join(out, 'metaschema.schema.json'), 'w') as s:
        json.dump(json.load(f), s, indent=1)
    directory = os.path.join(suite, 'tests', 'draft2020-12')
    lines = []
    for name in sorted(os.listdir(directory)):
        if name.endswith('.json'):
            with open(os.path.join(directory, name)) as f:
                lines.extend(json.dumps(group['schema'], separators=(',', ':')) for group in json.load(f))
    with open(os.path.join(out, 'metaschema.jsonl'), 'w') as f:
        for _ in range(copies):
            f.write('\n'.join(lines) + '\n')


def load_validator(schema_path):
    """python3-jsonschema's validator for the schema's dialect, built once."""
    with open(schema_path) as f:
        schema = json.load(f)
    return jsonschema.validators.validator_for(schema)(schema)


def validate(schema_path, jsonl_path):
    """End to end: parse and validate every line, every error reported; print the counts."""
    validator = load_validator(schema_path)
    instances = invalid = errors = 0
    with open(jsonl_path) as f:
        for line in f:
            if not line.strip():
                continue
            instances += 1
            found = sum(1 for _ in validator.iter_errors(json.loads(line)))
            if found:
                invalid += 1
                errors += found
    print(instances, invalid, errors)


def isvalid(schema_path, jsonl_path):
    """Validator only: is_valid on pre-loaded instances; print the counts and the loop's times."""
    validator = load_validator(schema_path)
    with open(jsonl_path) as f:
        instances = [json.loads(line) for line in f if line.strip()]
    cpu, wall = time.process_time(), time.perf_counter()
    valid = sum(1 for instance in instances if validator.is_valid(instance))
    print(len(instances), valid, '%.4f' % (time.process_time() - cpu), '%.4f' % (time.perf_counter() - wall))


def main():
    """Dispatch on the first argument."""
    command, args = sys.argv[1], sys.argv[2:]
    if command == 'extract':
        extract(args[0], args[1:])
    elif command == 'synthetic':
        synthetic(args[0], int(args[1]))
    elif command == 'metaschema':
        metaschema(args[0], args[1], int(args[2]))
    elif command == 'unevaluated':
        unevaluated(args[0], int(args[1]))
    elif command == 'validate':
        validate(args[0], args[1])
    elif command == 'isvalid':
        isvalid(args[0], args[1])
    else:
        sys.exit('unknown command ' + command)


if __name__ == '__main__':
    main()
