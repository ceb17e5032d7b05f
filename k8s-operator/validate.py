#!/usr/bin/env python3
"""Checks the alert rules of k8s-operator/monitoring/ with promtool, and lists the PLACEHOLDER values of the manifests.

    python3 k8s-operator/validate.py

The manifests themselves are checked in `mvn verify` by JUnit tests of the jobs module (jobs/src/test/.../jobs/), on
what `kubectl kustomize` renders of k8s-operator/ and of its secured/ overlays: the Flink Kubernetes Operator's own
validation (OperatorValidationTest, DerivedFlinkConfigurationTest), the CRD schema, the jobs' arguments and variables,
and the project's rules (k8s-operator/README.md, section 4, lists them and their tests). What stays here needs
promtool (Debian's prometheus package ships it; without it those checks fail): MONITORING_CHECKS on the alert rules of
monitoring/, after a self-test in which broken copies of the alert files must be rejected, so a check that accepts
anything fails too. Values marked PLACEHOLDER in the YAML files of k8s-operator/ are listed, not failed.

Exit status: 0 when everything passes, 1 when a check fails, 2 when it cannot run (no PyYAML).
"""

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

try:
    import yaml
except ImportError:  # pragma: no cover - depends on the machine
    print("validate.py needs PyYAML: pip install pyyaml (or apt-get install python3-yaml)", file=sys.stderr)
    sys.exit(2)

HERE = Path(__file__).resolve().parent
PLACEHOLDER = "PLACEHOLDER"
# The alert rules (a Prometheus rules file), their promtool unit tests, and the script that renders them as the
# PrometheusRule prometheus-rule.yaml; the files' names inside MONITORING (the self-test checks copies elsewhere).
MONITORING = HERE / "monitoring"
ALERTS, ALERT_TESTS, RENDER_RULE = "alerts.yaml", "alerts-test.yaml", "render-prometheus-rule.py"
PROMETHEUS_RULE = "prometheus-rule.yaml"
README = HERE / "README.md"
SEVERITIES = ("critical", "warning")
PROMTOOL_MISSING = ("promtool is not installed: install Debian's prometheus package, which ships it "
                    "(apt-get install -y --no-install-recommends prometheus; .ci/run does)")


def load(path):
    return [doc for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if doc is not None]


def placeholders(value, path=""):
    """(path, text) of every string in `value` that holds PLACEHOLDER, depth first."""
    entries = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in entries:
        at = f"{path}[{key}]" if isinstance(value, list) else f"{path}.{key}"
        if isinstance(item, str) and PLACEHOLDER in item:
            yield at, item
        yield from placeholders(item, at)


# ---------------------------------------------------------------------------------- monitoring checks

def command_errors(command):
    """[] when `command` succeeds, else its output (shortened), or why it cannot run."""
    try:
        result = subprocess.run([str(part) for part in command], capture_output=True, text=True, timeout=300)
    except FileNotFoundError:
        return [PROMTOOL_MISSING if command[0] == "promtool" else f"{command[0]} is not installed"]
    except subprocess.TimeoutExpired:
        return [f"{' '.join(map(str, command))}: no answer within 300 s"]
    if result.returncode == 0:
        return []
    lines = (result.stdout + result.stderr).strip().splitlines() or [f"exit status {result.returncode}"]
    return lines[:60] + ([f"... ({len(lines) - 60} more lines)"] if len(lines) > 60 else [])


def check_alert_rules(folder):
    return command_errors(["promtool", "check", "rules", folder / ALERTS])


def check_alert_tests(folder):
    return command_errors(["promtool", "test", "rules", folder / ALERT_TESTS])


def check_prometheus_rule(folder):
    return command_errors([sys.executable, folder / RENDER_RULE, "--check"])


def readme_anchors(path=README):
    """The anchors GitHub gives the headings of a Markdown file (outside code blocks)."""
    anchors, fenced = Counter(), False
    for line in path.read_text(encoding="utf-8").splitlines():
        fenced ^= line.lstrip().startswith("```")
        if not fenced and re.match(r"#{1,6} ", line):
            slug = re.sub(r"[^\w\- ]", "", line.lstrip("#").strip().lower()).replace(" ", "-")
            anchors[slug] += 1
            if anchors[slug] > 1:
                anchors[f"{slug}-{anchors[slug] - 1}"] += 1
    return set(anchors)


def check_alert_coverage(folder):
    """Every alert has a severity, the annotations summary, description and runbook (a section of README.md), a test
    that fires it (exp_alerts not empty) and one where it stays quiet (exp_alerts empty); every test names an alert."""
    alerts = [rule for group in (load(folder / ALERTS)[0].get("groups") or []) for rule in group.get("rules") or []
              if "alert" in rule]
    cases = {(case.get("alertname"), bool(case.get("exp_alerts"))) for test in
             (load(folder / ALERT_TESTS)[0].get("tests") or []) for case in test.get("alert_rule_test") or []}
    runbook_base, anchors = f"{HERE.name}/{README.name}#", readme_anchors()
    errors = []
    for rule in alerts:
        name, labels, annotations = rule["alert"], rule.get("labels") or {}, rule.get("annotations") or {}
        if labels.get("severity") not in SEVERITIES:
            errors.append(f"{name}: label severity is {labels.get('severity')!r}, not one of {', '.join(SEVERITIES)}")
        errors += [f"{name}: no annotation {key}" for key in ("summary", "description", "runbook")
                   if not annotations.get(key)]
        runbook = str(annotations.get("runbook", ""))
        if annotations.get("runbook") and not (runbook.startswith(runbook_base)
                                               and runbook[len(runbook_base):] in anchors):
            errors.append(f"{name}: runbook {runbook!r} is no section of {HERE.name}/{README.name} "
                          f"({runbook_base}<anchor of a heading>)")
        errors += [f"{name}: no test in {ALERT_TESTS} where it {what}" for fires, what
                   in ((True, "fires (exp_alerts not empty)"), (False, "stays quiet (exp_alerts: [])"))
                   if (name, fires) not in cases]
    known = {rule["alert"] for rule in alerts}
    return errors + [f"{ALERT_TESTS} tests {name!r}, which {ALERTS} does not define"
                     for name in sorted({name for name, _ in cases} - known, key=str)]


MONITORING_CHECKS = [
    (f"{MONITORING.name}/{ALERTS}: promtool check rules", check_alert_rules),
    (f"{MONITORING.name}/{ALERT_TESTS}: promtool test rules", check_alert_tests),
    (f"{MONITORING.name}/{PROMETHEUS_RULE} is the rendering of {ALERTS} ({RENDER_RULE} --check)",
     check_prometheus_rule),
    (f"every alert of {MONITORING.name}/{ALERTS} has a severity, summary, description and runbook, and tests that "
     "fire it and keep it quiet", check_alert_coverage),
]


def monitoring_mutations():
    """(check, what, mutate) of broken copies of the monitoring files that `check` must reject; mutate(folder)
    breaks the copy in `folder`."""
    def edit(name, change):
        def mutate(folder):
            path = folder / name
            path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
        return mutate

    def rules(change):
        def mutate(text):
            data = yaml.safe_load(text)
            for group in data["groups"]:
                for rule in group["rules"]:
                    change(rule)
            return yaml.safe_dump(data, sort_keys=False)
        return edit(ALERTS, mutate)

    def quiet_cases_dropped(text):
        data = yaml.safe_load(text)
        for test in data["tests"]:
            test["alert_rule_test"] = [case for case in test.get("alert_rule_test") or [] if case.get("exp_alerts")]
        return yaml.safe_dump(data, sort_keys=False)

    yield check_alert_rules, "an expression that does not parse", rules(lambda rule: rule.update(expr="sum by ("))
    yield check_alert_tests, "alerts that never fire", rules(lambda rule: rule.update(expr="vector(0) > 1"))
    yield check_prometheus_rule, "a PrometheusRule with its last line lost", edit(
        PROMETHEUS_RULE, lambda text: "".join(text.splitlines(True)[:-1]))
    yield check_alert_coverage, "an alert without a runbook", rules(lambda rule: rule["annotations"].pop("runbook"))
    yield check_alert_coverage, "tests without the quiet cases", edit(ALERT_TESTS, quiet_cases_dropped)


def monitoring_self_test():
    """(copies tried, failures): each broken copy of monitoring/ (in a temporary folder) must make its check report
    an error that the files as they are do not."""
    failures, tried, found = [], 0, {}
    for check, what, mutate in monitoring_mutations():
        if check not in found:
            found[check] = set(check(MONITORING))
        if PROMTOOL_MISSING in found[check]:  # that check fails already, saying so
            continue
        tried += 1
        with tempfile.TemporaryDirectory() as temporary:
            folder = Path(temporary)
            for name in (ALERTS, ALERT_TESTS, RENDER_RULE, PROMETHEUS_RULE):
                shutil.copy(MONITORING / name, folder / name)
            mutate(folder)
            if not set(check(folder)) - found[check]:
                failures.append(f"{check.__name__} accepted {what}")
    return tried, failures


def main(argv=None):
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args(argv)
    counts = Counter()

    def report(name, errors):
        counts["failed" if errors else "passed"] += 1
        print(f"{'FAIL' if errors else 'ok  '}  {name}" + "".join(f"\n        {error}" for error in errors))

    tried, failures = monitoring_self_test()
    report(f"self-test: {tried} broken copies of {MONITORING.name}/ are rejected", failures)
    for name, check in MONITORING_CHECKS:
        report(name, check(MONITORING))
    todo = [f"{path.relative_to(HERE)}: {at} = {value}" for path in sorted(HERE.rglob("*.y*ml"))
            for doc in load(path) for at, value in placeholders(doc)]
    if todo:
        print(f"note  {len(todo)} {PLACEHOLDER} values to fill in before applying (not a failure):"
              + "".join(f"\n        {item}" for item in todo))
    print(f"validate.py: {counts['passed']} passed, {counts['failed']} failed")
    return 1 if counts["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
