#!/usr/bin/env python3
"""Writes prometheus-rule.yaml, the PrometheusRule of the Prometheus Operator, from alerts.yaml, the rules file.

    python3 k8s-operator/monitoring/render-prometheus-rule.py           # writes prometheus-rule.yaml
    python3 k8s-operator/monitoring/render-prometheus-rule.py --check   # exit 1 if it differs from the rendering

alerts.yaml is the source (promtool checks and tests it); the PrometheusRule's spec.groups are its groups, as they
are written, with their comments. Exit status: 0 written or up to date, 1 prometheus-rule.yaml differs from the
rendering (--check), 2 alerts.yaml cannot be rendered.
"""

import argparse
import difflib
import sys
from pathlib import Path

try:
    import yaml
except ImportError:  # pragma: no cover - depends on the machine
    print("render-prometheus-rule.py needs PyYAML: pip install pyyaml (or apt-get install python3-yaml)",
          file=sys.stderr)
    sys.exit(2)

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "alerts.yaml"
TARGET = HERE / "prometheus-rule.yaml"
METADATA = {
    "name": "trade-lifecycle-alerts",
    "namespace": "globeco",
    "labels": {"app.kubernetes.io/part-of": "trade-lifecycle"},
}
HEADER = f"""\
# GENERATED from {SOURCE.name} by {Path(__file__).name}: edit {SOURCE.name}, then run
#   python3 k8s-operator/monitoring/{Path(__file__).name}
# (validate.py fails when this file differs from the rendering). Needs the Prometheus Operator's CRDs; its Prometheus
# must select this rule: add the label its ruleSelector expects (kube-prometheus-stack: release=<helm release>).
# Apply on its own: kubectl apply -f k8s-operator/monitoring/{TARGET.name}
"""


def render(source=SOURCE):
    """The text of prometheus-rule.yaml for the rules file `source`: its groups as they are written (comments and
    layout kept, indented under spec:), after the metadata; read back, spec.groups must equal the file's groups."""
    text = source.read_text(encoding="utf-8")
    rules = yaml.safe_load(text)
    if not isinstance(rules, dict) or set(rules) != {"groups"} or not isinstance(rules["groups"], list):
        raise ValueError(f"{source.name}: expected a mapping with only `groups` (a list), as promtool reads it")
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("groups:")), None)  # after the file's header
    if start is None or any(line.startswith(("---", "...", "%")) for line in lines):
        raise ValueError(f"{source.name}: expected one YAML document in block style, `groups:` at the start of a "
                         "line, without document markers or directives")
    head = {"apiVersion": "monitoring.coreos.com/v1", "kind": "PrometheusRule", "metadata": METADATA}
    rendered = (HEADER + yaml.safe_dump(head, sort_keys=False) + "spec:\n"
                + "".join(f"  {line}\n" if line.strip() else "\n" for line in lines[start:]))
    if yaml.safe_load(rendered)["spec"]["groups"] != rules["groups"]:
        raise ValueError(f"{source.name}: its groups do not read back the same under spec:")
    return rendered


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help=f"compare {TARGET.name} with the rendering instead of writing it")
    check = parser.parse_args(argv).check
    try:
        text = render()
    except (OSError, ValueError, yaml.YAMLError) as error:
        print(f"render-prometheus-rule.py: {error}", file=sys.stderr)
        return 2
    if not check:
        TARGET.write_text(text, encoding="utf-8")
        print(f"wrote {TARGET}")
        return 0
    current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
    if current == text:
        print(f"{TARGET.name} is up to date with {SOURCE.name}")
        return 0
    sys.stdout.writelines(difflib.unified_diff(current.splitlines(True), text.splitlines(True),
                                               f"{TARGET.name} (committed)", f"{TARGET.name} (rendered)"))
    print(f"{TARGET.name} differs from the rendering of {SOURCE.name}: run python3 "
          f"k8s-operator/monitoring/{Path(__file__).name}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
