"""The test domain's oracle: Python itself, run on what trajc claims.

Three checks, each with the real interpreter (Debian's python3 and pytest):

1. ``python3 -m doctest`` passes on every fixture, so the examples trajc reads as the
   truth are what the code does.
2. Every example trajc calls *independent* passes when run alone in a fresh namespace,
   so a test may use it without the examples before it.
3. Every ``run_tests`` result in the given datasets is what pytest reports when the test
   file written before it runs against its fixture: the same test ids in the same
   order, the same outcome for each, and the same counts.

Usage: pytest_oracle.py FIXTURES_DIR SHOW_JSON DATASET.jsonl...
(SHOW_JSON: the output of ``trajc fixtures show --domain test --json`` for every fixture.)
Prints one line per problem and a summary; exits 1 when there is any problem.
"""

import copy
import doctest
import importlib
import json
import os
import subprocess
import sys
import tempfile

PLUGIN = '''
import json
import os

REPORTS = []


def pytest_runtest_logreport(report):
    if report.when == "call" or (report.when == "setup" and not report.passed):
        crash = getattr(report.longrepr, "reprcrash", None)
        REPORTS.append({"nodeid": report.nodeid, "when": report.when, "outcome": report.outcome,
                        "message": crash.message if crash is not None else None})


def pytest_collectreport(report):
    if report.failed:
        REPORTS.append({"nodeid": report.nodeid, "when": "collect", "outcome": "error", "message": None})


def pytest_sessionfinish(session):
    with open(os.environ["ORACLE_REPORTS"], "w") as out:
        json.dump(REPORTS, out)
'''

problems = []


def problem(message):
    problems.append(message)
    print("MISMATCH " + message)


def fixture_files(fixtures_dir):
    for split_dir in (fixtures_dir, os.path.join(fixtures_dir, "eval")):
        for name in sorted(os.listdir(split_dir)):
            if name.endswith(".py"):
                yield split_dir, name


def check_doctests(fixtures_dir):
    count = 0
    for split_dir, name in fixture_files(fixtures_dir):
        run = subprocess.run([sys.executable, "-m", "doctest", "-o", "DONT_ACCEPT_TRUE_FOR_1", name], cwd=split_dir,
                             capture_output=True, text=True)
        count += 1
        if run.returncode != 0 or run.stdout.strip():
            problem("python3 -m doctest %s: %s" % (os.path.join(split_dir, name), run.stdout[-2000:]))
    return count


def check_independent(fixtures_dir, show):
    checked = 0
    by_path = {entry["path"]: entry for entry in show}
    for split_dir, name in fixture_files(fixtures_dir):
        entry = next((e for p, e in by_path.items() if os.path.samefile(p, os.path.join(split_dir, name))), None)
        if entry is None:
            problem("%s: missing from trajc fixtures show" % name)
            continue
        sys.path.insert(0, split_dir)
        try:
            module = importlib.import_module(name[:-3])
        finally:
            sys.path.pop(0)
        parser = doctest.DocTestParser()
        for pinned in entry["pinned"]:
            if not pinned["independent"]:
                continue
            obj = module
            for part in pinned["target"].split("."):
                obj = getattr(obj, part)
            for example in parser.get_examples(obj.__doc__ or ""):
                globs = copy.copy(module.__dict__)
                test = doctest.DocTest([example], globs, pinned["target"], name, 0, None)
                runner = doctest.DocTestRunner(optionflags=0)
                runner.run(test, out=lambda _text: None)
                checked += 1
                if runner.failures:
                    problem("%s %s: `%s` fails when run alone" % (name, pinned["target"], example.source.strip()))
        sys.modules.pop(name[:-3], None)
    return checked


def fixture_index(fixtures_dir):
    index = {"train": {}, "eval": {}}
    for split_dir, name in fixture_files(fixtures_dir):
        index["eval" if split_dir.endswith("eval") else "train"][name] = os.path.join(split_dir, name)
    return index


def runs_of(dataset, split, index):
    """(fixture path, test path, content, run_tests result) for every run in a dataset."""
    with open(dataset, encoding="utf-8") as lines:
        for line in lines:
            messages = json.loads(line)["messages"]
            user = next(m for m in messages if m["role"] == "user")["content"]
            display = user.split("\n", 1)[0][len("File: "):].rsplit(" (", 1)[0]
            fixture = index[split][display]
            files, calls = {}, {}
            for message in messages:
                for call in message.get("tool_calls") or []:
                    calls[call["id"]] = (call["function"]["name"], json.loads(call["function"]["arguments"]))
                if message["role"] != "tool":
                    continue
                name, args = calls[message["tool_call_id"]]
                if name == "write_test_file":
                    files[args["path"]] = args["content"]
                elif name == "run_tests":
                    yield fixture, args["path"], files[args["path"]], json.loads(message["content"])


def check_runs(fixtures_dir, datasets):
    index = fixture_index(fixtures_dir)
    cases = {}
    for dataset in datasets:
        split = "eval" if os.path.basename(dataset).startswith("eval") else "train"
        for fixture, path, content, result in runs_of(dataset, split, index):
            key = (fixture, path, content)
            if key in cases and cases[key] != result:
                problem("%s: the same test file got two different results" % path)
            cases[key] = result
    work = tempfile.mkdtemp(prefix="pytest-oracle-")
    os.makedirs(os.path.join(work, "modules"))
    modules = {}
    layout = []
    for number, (fixture, path, content) in enumerate(sorted(cases)):
        module = os.path.basename(fixture)
        if modules.setdefault(module, fixture) != fixture:
            problem("two fixtures are both importable as %s" % module)
        with open(fixture, encoding="utf-8") as src, open(os.path.join(work, "modules", module), "w") as dst:
            dst.write(src.read())
        case = "case_%04d" % number
        os.makedirs(os.path.join(work, "cases", case, os.path.dirname(path)))
        with open(os.path.join(work, "cases", case, path), "w", encoding="utf-8") as out:
            out.write(content)
        layout.append((case, (fixture, path, content)))
    with open(os.path.join(work, "conftest.py"), "w") as out:
        out.write(PLUGIN)
    reports_path = os.path.join(work, "reports.json")
    env = dict(os.environ, PYTHONPATH=os.path.join(work, "modules"), ORACLE_REPORTS=reports_path,
               PYTHONDONTWRITEBYTECODE="1")
    subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--import-mode=importlib", "--continue-on-collection-errors",
                    "--rootdir", work, os.path.join(work, "cases")], cwd=work, env=env, capture_output=True, text=True)
    with open(reports_path) as f:
        reports = json.load(f)
    by_case = {}
    for report in reports:
        case, rest = report["nodeid"][len("cases/"):].split("/", 1)
        by_case.setdefault(case, []).append(dict(report, nodeid=rest))
    for case, key in layout:
        fixture, path, _ = key
        result = cases[key]
        got = by_case.get(case, [])
        if "error" in result:
            problem("%s %s: trajc refused to run it (%s)" % (fixture, path, result["error"]))
            continue
        collect_errors = [r for r in got if r["when"] == "collect"]
        tests = [r for r in got if r["when"] != "collect"]
        pytest_tests = [{"id": r["nodeid"], "outcome": "error" if r["when"] == "setup" else r["outcome"]} for r in tests]
        counts = {k: sum(1 for t in pytest_tests if t["outcome"] == k) for k in ("passed", "failed")}
        counts["errors"] = len(collect_errors) + sum(1 for t in pytest_tests if t["outcome"] == "error")
        if pytest_tests != result["tests"]:
            problem("%s %s: pytest ran %s, trajc said %s" % (fixture, path, pytest_tests, result["tests"]))
        for k in ("passed", "failed", "errors"):
            if counts[k] != result[k]:
                problem("%s %s: pytest counts %s %d, trajc said %d" % (fixture, path, k, counts[k], result[k]))
        messages = {r["nodeid"]: (r["message"] or "").split("\n")[0] for r in tests
                    if r["outcome"] == "failed" and r["when"] == "call"}
        for failure in result["failures"]:
            want = messages.get(failure["test"])
            # pytest shortens long reprs in its one-line message ("..."); compare the rest.
            if want is not None and "..." not in want and want.replace("AssertionError: ", "") != failure["message"]:
                problem("%s: pytest says %r, trajc said %r" % (failure["test"], want, failure["message"]))
    return len(cases), sum(len(v) for v in by_case.values())


def main():
    fixtures_dir, show_json, datasets = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(show_json, encoding="utf-8") as f:
        show = json.load(f)
    show = show["files"] if isinstance(show, dict) and "files" in show else show
    fixtures = check_doctests(fixtures_dir)
    independent = check_independent(fixtures_dir, show)
    files, tests = check_runs(fixtures_dir, datasets)
    print("doctest: %d fixtures; alone: %d independent examples; pytest: %d distinct test files, %d test reports; "
          "%d problems" % (fixtures, independent, files, tests, len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
