"""Independent truth check for trajc's sample_data datasets.

For every write_samples call in the given JSONL files, import the fixture module the
conversation is about, convert each JSON sample to Python by the target's annotations
(ISO strings -> date/datetime, arrays -> tuple/set, objects -> nested models, values ->
Enum members), construct the real class (or bind the function's signature), and check
each field's runtime value against its annotation with a small checker of its own. It
shares no code with trajc's C++ validator.

The verdict of the validate_samples call that follows each write must agree: samples it
called valid must all construct and type-check; when it reported errors, exactly the
samples it named must fail here.

Usage: sample_data_truth.py FIXTURES_DIR DATASET.jsonl   (the split's fixtures folder)
Prints a one-line JSON summary; exit status 1 on any disagreement.
"""
import dataclasses
import datetime
import enum
import importlib.util
import inspect
import json
import sys
import types
import typing

NONE_TYPE = type(None)


class Invalid(Exception):
    """A sample that Python refuses: wrong type, missing or unknown field, bad value."""


def is_typeddict(tp):
    return isinstance(tp, type) and issubclass(tp, dict) and hasattr(tp, "__required_keys__")


def is_namedtuple(tp):
    return isinstance(tp, type) and issubclass(tp, tuple) and hasattr(tp, "_fields")


def is_model(tp):
    return isinstance(tp, type) and (dataclasses.is_dataclass(tp) or is_typeddict(tp) or is_namedtuple(tp))


def strict_equal(a, b):
    return type(a) is type(b) and a == b


def convert(value, tp, where):
    """JSON value -> Python value for annotation tp; raises Invalid."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if tp is NONE_TYPE or tp is None:
        if value is not None:
            raise Invalid(f"{where}: expected None, got {value!r}")
        return None
    if origin in (typing.Union, types.UnionType):
        errors = []
        for alternative in args:
            try:
                return convert(value, alternative, where)
            except Invalid as e:
                errors.append(str(e))
        raise Invalid("; ".join(errors))
    if origin is typing.Literal:
        if any(strict_equal(value, a) for a in args):
            return value
        raise Invalid(f"{where}: {value!r} is not one of {args!r}")
    if tp is bool:
        if type(value) is not bool:
            raise Invalid(f"{where}: expected bool, got {value!r}")
        return value
    if tp is int:
        if type(value) is not int:
            raise Invalid(f"{where}: expected int, got {value!r}")
        return value
    if tp is float:
        if type(value) not in (int, float):
            raise Invalid(f"{where}: expected float, got {value!r}")
        return value
    if tp is str:
        if type(value) is not str:
            raise Invalid(f"{where}: expected str, got {value!r}")
        return value
    if tp is datetime.datetime or tp is datetime.date:
        if type(value) is not str:
            raise Invalid(f"{where}: expected an ISO {tp.__name__} string, got {value!r}")
        try:
            return tp.fromisoformat(value)
        except ValueError as e:
            raise Invalid(f"{where}: {e}") from None
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        for member in tp:
            if strict_equal(member.value, value):
                return member
        raise Invalid(f"{where}: {value!r} is not a {tp.__name__} value")
    if origin in (list, set, tuple):
        if type(value) is not list:
            raise Invalid(f"{where}: expected an array for {tp}, got {value!r}")
        if origin is tuple:
            if len(args) == 2 and args[1] is Ellipsis:
                return tuple(convert(v, args[0], f"{where}[{i}]") for i, v in enumerate(value))
            if len(value) != len(args):
                raise Invalid(f"{where}: {tp} needs {len(args)} items, got {len(value)}")
            return tuple(convert(v, a, f"{where}[{i}]") for i, (v, a) in enumerate(zip(value, args)))
        items = [convert(v, args[0], f"{where}[{i}]") for i, v in enumerate(value)]
        return set(items) if origin is set else items
    if origin is dict:
        if type(value) is not dict:
            raise Invalid(f"{where}: expected an object for {tp}, got {value!r}")
        return {k: convert(v, args[1], f"{where}[{k!r}]") for k, v in value.items()}
    if is_model(tp):
        return construct(tp, value, where)
    raise AssertionError(f"{where}: the truth checker does not know {tp!r}")


def construct(cls, value, where):
    """A JSON object -> an instance of the model class, through its real constructor."""
    if type(value) is not dict:
        raise Invalid(f"{where}: expected an object for {cls.__name__}, got {value!r}")
    hints = typing.get_type_hints(cls)
    if dataclasses.is_dataclass(cls):
        names = [f.name for f in dataclasses.fields(cls) if f.init]
    elif is_namedtuple(cls):
        names = list(cls._fields)
    else:
        names = list(hints)
    for key in value:
        if key not in names:
            raise Invalid(f"{where}.{key}: unknown field of {cls.__name__}")
    if is_typeddict(cls):
        for key in cls.__required_keys__:
            if key not in value:
                raise Invalid(f"{where}.{key}: missing required key of {cls.__name__}")
    kwargs = {k: convert(v, hints[k], f"{where}.{k}") for k, v in value.items()}
    try:
        instance = cls(**kwargs)
    except TypeError as e:
        raise Invalid(f"{where}: {cls.__name__}(...) refused the sample: {e}") from None
    items = instance.items() if is_typeddict(cls) else ((n, getattr(instance, n)) for n in names)
    for name, field_value in items:
        check(field_value, hints[name], f"{where}.{name}")
    return instance


def check(value, tp, where):
    """The runtime type of a constructed value against its annotation."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    ok = True
    if tp is NONE_TYPE or tp is None:
        ok = value is None
    elif origin in (typing.Union, types.UnionType):
        for alternative in args:
            try:
                check(value, alternative, where)
                return
            except Invalid:
                pass
        ok = False
    elif origin is typing.Literal:
        ok = any(strict_equal(value, a) for a in args)
    elif tp is bool or tp is int or tp is str:
        ok = type(value) is tp
    elif tp is float:
        ok = type(value) in (int, float)
    elif tp is datetime.date:
        ok = type(value) is datetime.date
    elif tp is datetime.datetime:
        ok = type(value) is datetime.datetime
    elif origin in (list, set, tuple, dict):
        ok = type(value) is origin
        if ok and origin is dict:
            for k, v in value.items():
                if type(k) is not str:
                    raise Invalid(f"{where}: key {k!r} is not a str")
                check(v, args[1], f"{where}[{k!r}]")
        elif ok and origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            if len(value) != len(args):
                raise Invalid(f"{where}: {len(value)} items for {tp}")
            for i, (v, a) in enumerate(zip(value, args)):
                check(v, a, f"{where}[{i}]")
        elif ok:
            for i, v in enumerate(value):
                check(v, args[0], f"{where}[{i}]")
    elif is_typeddict(tp):
        ok = type(value) is dict
        if ok:
            hints = typing.get_type_hints(tp)
            for k, v in value.items():
                check(v, hints[k], f"{where}.{k}")
    elif isinstance(tp, type):
        ok = isinstance(value, tp)
    else:
        raise AssertionError(f"{where}: the truth checker does not know {tp!r}")
    if not ok:
        raise Invalid(f"{where}: {value!r} is not a {tp}")


def check_sample(module, target, sample, where):
    obj = getattr(module, target)
    if isinstance(obj, type) and issubclass(obj, enum.Enum):
        member = convert(sample, obj, where)
        check(member, obj, where)
        return
    if is_model(obj):
        construct(obj, sample, where)
        return
    if not inspect.isfunction(obj):
        raise AssertionError(f"{target} is neither a model class nor a function")
    if type(sample) is not dict:
        raise Invalid(f"{where}: keyword arguments must be an object, got {sample!r}")
    hints = typing.get_type_hints(obj)
    signature = inspect.signature(obj)
    for key in sample:
        if key not in signature.parameters:
            raise Invalid(f"{where}.{key}: {target}() has no such parameter")
    kwargs = {k: convert(v, hints[k], f"{where}.{k}") for k, v in sample.items()}
    try:
        bound = signature.bind(**kwargs)
    except TypeError as e:
        raise Invalid(f"{where}: {target}() refused the arguments: {e}") from None
    bound.apply_defaults()
    for name, value in bound.arguments.items():
        check(value, hints[name], f"{where}.{name}")


_modules = {}


def load(path):
    if path not in _modules:
        name = "sample_data_fixture_%d" % len(_modules)
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up while building
        spec.loader.exec_module(module)
        _modules[path] = module
    return _modules[path]


def main(argv):
    fixtures_dir, dataset = argv[1], argv[2]
    problems = []
    totals = {"examples": 0, "writes": 0, "valid_samples": 0, "invalid_writes": 0, "invalid_samples": 0}
    with open(dataset, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            messages = json.loads(line)["messages"]
            user = messages[1]["content"]
            path = user[len("File: "):user.index(" (")]
            module = load(fixtures_dir + "/" + path)
            totals["examples"] += 1
            writes = {}
            for i, m in enumerate(messages):
                if m["role"] != "assistant":
                    continue
                call = m["tool_calls"][0]["function"]
                args = json.loads(call["arguments"])
                if call["name"] == "write_samples":
                    writes[args["target"]] = args["samples"]
                    totals["writes"] += 1
                if call["name"] != "validate_samples":
                    continue
                result = json.loads(messages[i + 1]["content"])
                target = args["target"]
                samples = writes[target]
                failed = {}
                for k, sample in enumerate(samples):
                    try:
                        check_sample(module, target, sample, f"samples[{k}]")
                    except Invalid as e:
                        failed[k] = str(e)
                named = sorted({e["sample"] for e in result["errors"]})
                label = f"{dataset}:{n} {path} {target}"
                if result["valid"]:
                    totals["valid_samples"] += len(samples)
                    for k, why in failed.items():
                        problems.append(f"{label}: trajc says valid, Python refuses sample {k}: {why}")
                else:
                    totals["invalid_writes"] += 1
                    totals["invalid_samples"] += len(failed)
                    if sorted(failed) != named:
                        problems.append(f"{label}: trajc names samples {named} as invalid, "
                                        f"Python refuses {sorted(failed)}: {result['errors'][:2]} / {failed}")
    for p in problems[:50]:
        print(p, file=sys.stderr)
    totals["problems"] = len(problems)
    print(json.dumps(totals))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
