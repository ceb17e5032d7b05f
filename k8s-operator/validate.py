#!/usr/bin/env python3
"""Checks the Kubernetes manifests in k8s-operator/ for what neither kustomize, the CRD nor the jobs check.

    python3 k8s-operator/validate.py [--verbose]

It reads what `kubectl kustomize --load-restrictor LoadRestrictionsNone k8s-operator` renders (the FlinkDeployments
with the shared settings of flink-settings.yaml and the logging of flink-conf/) and the files applied on their own
(APPLIED_ON_THEIR_OWN). The CRD schema, the jobs' arguments and the variables their pods get are checked in
`mvn verify` (jobs/.../FlinkDeploymentSchemaTest and JobArgumentsTest, with each job's own Options).

The checks are DEPLOYMENT_CHECKS, for each FlinkDeployment, FOLDER_CHECKS, and MONITORING_CHECKS on the alert rules
of monitoring/ (promtool checks and unit-tests them; Debian's prometheus package ships promtool, and without it
those checks fail). Values marked PLACEHOLDER are listed, not failed. A self-test comes first: broken copies of each
FlinkDeployment, of the dispatcher and of the alert files must be rejected, so a check that accepts anything fails
too.

Exit status: 0 when everything passes, 1 when a check fails, 2 when it cannot run (no PyYAML or no kubectl).
"""

import argparse
import copy
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
REPO = HERE.parent
KUSTOMIZATION = HERE / "kustomization.yaml"
# flink-conf/ is outside this folder: kustomize reads it only when allowed to.
RENDER = ["kubectl", "kustomize", "--load-restrictor", "LoadRestrictionsNone", str(HERE)]
# Manifests that kustomization.yaml leaves out, applied by hand (README.md).
APPLIED_ON_THEIR_OWN = ("migrate-job.yaml", "podmonitor.yaml", "secret.example.yaml", "monitoring/prometheus-rule.yaml", "kafka-topics.yaml")
FLINK_CONFIG = REPO / "flink-conf" / "config.yaml"
LOG_CONFIG = REPO / "flink-conf" / "log4j-console.properties"
MAIN_CONTAINER = "flink-main-container"
# How the operator merges spec.jobManager/taskManager.podTemplate into spec.podTemplate: lists by position
# (its default), or by the `name` of their items when this is "true".
MERGE_BY_NAME = "kubernetes.operator.pod-template.merge-arrays-by-name"
# By entry class, the option naming the directory that the job's TaskManagers write (Flink's FileSink) and the
# dispatcher reads: given explicitly, on a ReadWriteMany claim mounted into every TaskManager.
FILES_OPTION = {"com.globeco.trading.jobs.AllocationJob": "allocation.output-dir"}
DISPATCHER_CLASS = "com.globeco.trading.jobs.accounting.PortfolioAccountingDispatcher"
# Images of other projects that may run beside the project image (repository, without the tag).
FOREIGN_IMAGES = ("globeco/globeco-portfolio-accounting-service-cli", "bitnami/kubectl")
PLACEHOLDER = "PLACEHOLDER"
# flink-conf/config.yaml keys that the operator sets from spec fields; the spec must carry the same value.
SPEC_MANAGED = {
    "jobmanager.memory.process.size": ("jobManager", "resource", "memory"),
    "taskmanager.memory.process.size": ("taskManager", "resource", "memory"),
    "parallelism.default": ("job", "parallelism"),
}
# flink-conf/config.yaml keys whose value is each job's own: present, but free to differ.
PER_JOB = ("execution.checkpointing.dir", "execution.checkpointing.savepoint-dir")
STATE_DIRS = PER_JOB + ("high-availability.storageDir",)
# Fields naming a ConfigMap, Secret or claim (`name` or `claimName`, and `key` for one value).
REFERENCES = {"configMapRef": "ConfigMap", "configMapKeyRef": "ConfigMap", "secretRef": "Secret",
              "secretKeyRef": "Secret", "persistentVolumeClaim": "PersistentVolumeClaim"}
# The alert rules (a Prometheus rules file), their promtool unit tests, and the script that renders them as the
# PrometheusRule prometheus-rule.yaml; the files' names inside MONITORING (the self-test checks copies elsewhere).
MONITORING = HERE / "monitoring"
ALERTS, ALERT_TESTS, RENDER_RULE = "alerts.yaml", "alerts-test.yaml", "render-prometheus-rule.py"
PROMETHEUS_RULE = "prometheus-rule.yaml"
README = HERE / "README.md"
SEVERITIES = ("critical", "warning")
PROMTOOL_MISSING = ("promtool is not installed: install Debian's prometheus package, which ships it "
                    "(apt-get install -y --no-install-recommends prometheus; .ci/run does)")


# ------------------------------------------------------------------------------------------- reading

def load(path):
    return [doc for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if doc is not None]


def render():
    """What kustomize renders of this folder, and the files applied on their own."""
    try:
        result = subprocess.run(RENDER, capture_output=True, text=True)
    except FileNotFoundError:
        print("validate.py needs kubectl, for `kubectl kustomize`: apt-get install kubectl "
              "(or https://kubernetes.io/docs/tasks/tools/)", file=sys.stderr)
        sys.exit(2)
    if result.returncode != 0:
        sys.exit(f"FAIL  {' '.join(RENDER[:-1])} {HERE.name}\n{result.stderr.strip()}")
    docs = [doc for doc in yaml.safe_load_all(result.stdout) if doc is not None]
    return docs + [doc for name in APPLIED_ON_THEIR_OWN for doc in load(HERE / name)]


def dig(data, *keys, default=None):
    for key in keys:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return default
    return default if data is None else data


def label(doc):
    return f"{doc.get('kind')}/{dig(doc, 'metadata', 'name')}"


def nodes(value, path=""):
    """(path, key, value) of every entry of the mappings and lists in `value`, depth first."""
    entries = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in entries:
        at = f"{path}[{key}]" if isinstance(value, list) else f"{path}.{key}"
        yield at, key, item
        yield from nodes(item, at)


def flatten(data, prefix=""):
    """Flink's nested config.yaml as the flat keys the operator takes (values as written, read by BaseLoader)."""
    flat = {}
    for key, value in data.items():
        flat.update(flatten(value, f"{prefix}{key}.") if isinstance(value, dict) else {f"{prefix}{key}": value})
    return flat


def merge_template(base, override, by_name):
    """spec.<role>.podTemplate (override) merged into spec.podTemplate (base) as the operator documents it: maps
    key by key (the override's scalars win), lists item by item at the same position, or, by name, items with the
    same `name` merged and the others appended."""
    if base is None or override is None:
        return copy.deepcopy(override if base is None else base)
    if isinstance(base, dict) and isinstance(override, dict):
        return {**copy.deepcopy(base), **{key: merge_template(base.get(key), value, by_name)
                                          for key, value in override.items()}}
    if not (isinstance(base, list) and isinstance(override, list)):
        return copy.deepcopy(override)
    if not by_name:
        return ([merge_template(old, new, by_name) for old, new in zip(base, override)]
                + copy.deepcopy(base[len(override):] + override[len(base):]))
    merged = copy.deepcopy(base)
    for item in override:
        at = next((i for i, old in enumerate(merged) if isinstance(old, dict) and isinstance(item, dict)
                   and item.get("name") is not None and old.get("name") == item.get("name")), None)
        if at is None:
            merged.append(copy.deepcopy(item))
        else:
            merged[at] = merge_template(merged[at], item, by_name)
    return merged


ROLES = ("jobManager", "taskManager")


def merges_by_name(doc):
    return str(dig(doc, "spec", "flinkConfiguration", MERGE_BY_NAME)).lower() == "true"


def role_pods(doc):
    """{"jobManager": pod spec, "taskManager": pod spec} of a FlinkDeployment, its templates merged."""
    spec = doc.get("spec") or {}
    return {role: dig(merge_template(spec.get("podTemplate"), dig(spec, role, "podTemplate"), merges_by_name(doc)),
                      "spec", default={}) for role in ROLES}


def main_container(pod_spec):
    return next((c for c in pod_spec.get("containers") or [] if c.get("name") == MAIN_CONTAINER), {})


def data_of(manifests):
    """{(kind, name): {key: value}} of the data and stringData of every manifest."""
    return {(doc.get("kind"), dig(doc, "metadata", "name")):
            {**dig(doc, "data", default={}), **dig(doc, "stringData", default={})} for doc in manifests}


def variables(container, manifests):
    """[(name, value, where from)] of the variables given to a container, in the order Kubernetes applies them
    (envFrom, then env; the last wins). A value from a Secret is None."""
    data, given = data_of(manifests), []
    for source in container.get("envFrom") or []:
        for kind, field in (("ConfigMap", "configMapRef"), ("Secret", "secretRef")):
            name = dig(source, field, "name")
            given += [((source.get("prefix") or "") + key, value if kind == "ConfigMap" else None, f"{kind} {name}")
                      for key, value in data.get((kind, name), {}).items() if field in source]
    for entry in container.get("env") or []:
        ref = dig(entry, "valueFrom", "configMapKeyRef", default={})
        given.append((entry.get("name"), data.get(("ConfigMap", ref.get("name")), {}).get(ref.get("key"))
                      if ref else entry.get("value"), "env"))
    return given


def option_value(doc, option, manifests):
    """(value, where from) of a job option given explicitly to the JobManager's main(): the argument, else a variable
    of flink-main-container; (None, why not) when the manifest leaves it to the job's default."""
    args = [str(arg) for arg in dig(doc, "spec", "job", "args", default=[])]
    if "--" + option in args[:-1]:
        return args[args.index("--" + option) + 1], f"argument --{option}"
    given = {name: (value, f"{where} {name}") for name, value, where
             in variables(main_container(role_pods(doc)["jobManager"]), manifests)}
    return given.get(option.upper().replace(".", "_").replace("-", "_"),
                     (None, f"not given: give --{option} explicitly in spec.job.args"))


def claim_of(pod_spec, container, path):
    """((claim, path inside it), volumeMount) where `path` of `container` is kept, or (None, why not on a claim)."""
    mounts = [m for m in container.get("volumeMounts") or []
              if (path.rstrip("/") + "/").startswith(str(m.get("mountPath")).rstrip("/") + "/")]
    mount = max(mounts, key=lambda m: len(str(m.get("mountPath"))), default={})
    volume = next((v for v in pod_spec.get("volumes") or [] if v.get("name") == mount.get("name")), {})
    claim = dig(volume, "persistentVolumeClaim", "claimName")
    if claim is None:
        return None, f"{path} is on no claim mounted into {container.get('name')}" + (
            f" (volume {mount.get('name')!r} is {', '.join(set(volume) - {'name'}) or 'undefined'})" if mount else "")
    parts = [str(mount.get("subPath") or "").strip("/"), path[len(str(mount["mountPath"]).rstrip("/")):].strip("/")]
    return (claim, "/" + "/".join(part for part in parts if part)), mount


def shared_errors(where, pods, path, manifests):
    """`path` of flink-main-container is one place in all `pods` ({role: pod spec}): writable, on a claim that pods
    on several nodes can mount (ReadWriteMany)."""
    errors, places = [], {}
    for role, pod in pods.items():
        place, mount = claim_of(pod, main_container(pod) or {"name": MAIN_CONTAINER}, path)
        if place is None:
            errors.append(f"{where}: in the {role} pod, {mount}; it would be lost with the pod or its node")
        elif mount.get("readOnly"):
            errors.append(f"{where}: {path} is mounted read-only in the {role} pod")
        places[role] = place
    if len(set(places.values())) > 1:
        errors.append(f"{where}: {path} is a different place in the pods: {places}")
    claims = {place[0] for place in places.values() if place}
    modes = {dig(doc, "metadata", "name"): dig(doc, "spec", "accessModes", default=[]) for doc in manifests
             if doc.get("kind") == "PersistentVolumeClaim" and dig(doc, "metadata", "name") in claims}
    return errors + [f"{where}: claim {claim!r} is {mode}, not ReadWriteMany" for claim, mode in modes.items()
                     if "ReadWriteMany" not in mode]


# ------------------------------------------------------------------------- checks of a FlinkDeployment

def check_flink_conf(doc, manifests):
    config = dig(doc, "spec", "flinkConfiguration", default={})
    errors = [f".spec.flinkConfiguration.{key}: write the value as a string (quote it), got {value!r}"
              for key, value in config.items() if not isinstance(value, str)]
    for key, expected in sorted(flatten(yaml.load(FLINK_CONFIG.read_text(encoding="utf-8"), yaml.BaseLoader)).items()):
        if key in SPEC_MANAGED:
            where, value = ".spec." + ".".join(SPEC_MANAGED[key]), dig(doc, "spec", *SPEC_MANAGED[key])
            if str(value) != expected:
                errors.append(f"{where}: {value!r}, but {FLINK_CONFIG.name} has {key}: {expected}")
            if key in config:
                errors.append(f".spec.flinkConfiguration.{key}: the operator sets it from {where}; remove it")
        elif key not in config:
            errors.append(f".spec.flinkConfiguration.{key}: missing ({FLINK_CONFIG.name} has {expected!r})")
        elif key not in PER_JOB and config[key] != expected:
            errors.append(f".spec.flinkConfiguration.{key}: {config[key]!r}, but {FLINK_CONFIG.name} has {expected!r}")
    if dig(doc, "spec", "logConfiguration", LOG_CONFIG.name) != LOG_CONFIG.read_text(encoding="utf-8"):
        errors.append(f".spec.logConfiguration.{LOG_CONFIG.name}: not {LOG_CONFIG.relative_to(REPO)}")
    return errors


def check_state(doc, manifests):
    """HA, which the savepoint upgrade mode falls back on, and the checkpoint, savepoint and HA directories (which
    check_flink_conf demands) on shared storage."""
    config = dig(doc, "spec", "flinkConfiguration", default={})
    errors = []
    if config.get("high-availability.type") != "kubernetes" or not config.get("high-availability.storageDir"):
        errors.append(".spec.flinkConfiguration: expected high-availability.type kubernetes and a storageDir")
    for key in STATE_DIRS:
        if str(config.get(key, "")).startswith("file://"):
            errors += shared_errors(f".spec.flinkConfiguration.{key}", role_pods(doc), config[key][7:], manifests)
    return errors


def check_merged_pods(doc, manifests):
    common = [v.get("name") for v in dig(doc, "spec", "podTemplate", "spec", "volumes", default=[])]
    hint = "" if merges_by_name(doc) else f" (lists merge by position unless {MERGE_BY_NAME} is \"true\")"
    errors = []
    for role, pod in role_pods(doc).items():
        names = [v.get("name") for v in pod.get("volumes") or []]
        errors += [f"{role} pod: volume {name!r} of .spec.podTemplate is lost{hint}"
                   for name in common if name not in names]
        errors += [f"{role} pod: volume {name!r} is defined twice" for name, n in Counter(names).items() if n > 1]
        errors += [f"{role} pod: container {c.get('name')} mounts volume {m.get('name')!r}, which the pod lacks{hint}"
                   for c in pod.get("containers") or [] for m in c.get("volumeMounts") or []
                   if m.get("name") not in names]
    return errors


def check_variables_given_once(doc, manifests):
    """Kubernetes keeps one value of a variable given twice (env over envFrom, the last envFrom over earlier ones)
    without a word: fill-confirmation and allocation both read POSTGRES_URL, each from its own ConfigMap only."""
    errors = []
    for role, pod in role_pods(doc).items():
        given = variables(main_container(pod), manifests)
        counts = Counter(name for name, _, _ in given)
        errors += [f"{role} pod: {name} is given {n} times ({', '.join(w for v, _, w in given if v == name)}); "
                   "Kubernetes silently keeps one" for name, n in sorted(counts.items()) if n > 1]
    return errors


def check_files_directory(doc, manifests):
    """A failover resumes a lost TaskManager's files in progress on another one, and the dispatcher reads them."""
    option = FILES_OPTION.get(dig(doc, "spec", "job", "entryClass"))
    if option is None:
        return []
    value, source = option_value(doc, option, manifests)
    if value is None:
        return [f"{option}: {source}"]
    if not value.startswith("/"):
        return [f"{option} ({source}): {value!r} is not an absolute path"]
    return shared_errors(f"{option} ({source})", {"taskManager": role_pods(doc)["taskManager"]}, value, manifests)


def check_metrics_exposed(doc, manifests):
    port = str(dig(doc, "spec", "flinkConfiguration", "metrics.reporter.prom.port"))
    annotations = dig(doc, "spec", "podTemplate", "metadata", "annotations", default={})
    ports = main_container(dig(doc, "spec", "podTemplate", "spec", default={})).get("ports") or []
    errors = []
    if annotations.get("prometheus.io/scrape") != "true" or annotations.get("prometheus.io/port") != port:
        errors.append(f".spec.podTemplate: expected annotations prometheus.io/scrape \"true\" and "
                      f"prometheus.io/port {port!r}")
    if not any(p.get("name") == "metrics" and str(p.get("containerPort")) == port for p in ports):
        errors.append(f".spec.podTemplate {MAIN_CONTAINER}: no port named metrics with containerPort {port} "
                      "(the PodMonitor scrapes it by name)")
    return errors


def check_probes(doc, manifests):
    """The seeds' liveness and readiness probes, on flink-main-container of the JobManager and the TaskManager."""
    return [f"{role} pod: flink-main-container has no {probe}" for role, pod in role_pods(doc).items()
            for probe in ("livenessProbe", "readinessProbe") if not main_container(pod).get(probe)]


DEPLOYMENT_CHECKS = [
    ("Flink settings and logging agree with flink-conf/", check_flink_conf),
    ("liveness and readiness probes on the JobManager and the TaskManager", check_probes),
    ("Kubernetes HA; state directories on one ReadWriteMany claim in every pod", check_state),
    ("the merged JobManager and TaskManager pods keep the volumes of .spec.podTemplate", check_merged_pods),
    ("each variable reaches flink-main-container once", check_variables_given_once),
    (f"the FileSink's directory ({', '.join(FILES_OPTION.values())}) on one ReadWriteMany claim in every TaskManager",
     check_files_directory),
    ("the metrics port is exposed and annotated", check_metrics_exposed),
]


# -------------------------------------------------------------------------------------- folder checks

def check_kustomization(manifests):
    """No manifest forgotten, and no FlinkDeployment sets a key of the shared patch, which would silently win."""
    kustomization = load(KUSTOMIZATION)[0]
    resources = kustomization.get("resources") or []
    patches = [patch["path"] for patch in kustomization.get("patches") or [] if "path" in patch]
    listed = {KUSTOMIZATION.name, *resources, *patches, *APPLIED_ON_THEIR_OWN}
    errors = [f"{path.name}: neither in {KUSTOMIZATION.name} nor in validate.py's APPLIED_ON_THEIR_OWN"
              for path in sorted(HERE.glob("*.y*ml")) if path.name not in listed]
    shared = {key for patch in patches for doc in load(HERE / patch)
              for key in dig(doc, "spec", "flinkConfiguration", default={})}
    return errors + [f"{resource}: flinkConfiguration.{key} is set by the shared patch, which wins; remove it here"
                     for resource in resources for doc in load(HERE / resource)
                     for key in sorted(shared & set(dig(doc, "spec", "flinkConfiguration", default={})))]


def references(doc):
    """(kind, name, key, where) of every ConfigMap, Secret, claim, ServiceAccount and Role a manifest needs."""
    for at, key, value in nodes(doc):
        if key in REFERENCES and isinstance(value, dict) and not value.get("optional"):
            yield REFERENCES[key], value.get("name", value.get("claimName")), value.get("key"), at
        elif key in ("serviceAccount", "serviceAccountName") and isinstance(value, str):
            yield "ServiceAccount", value, None, at
        elif key in ("roleRef", "subjects"):
            yield from ((ref.get("kind"), ref.get("name"), None, at)
                        for ref in (value if isinstance(value, list) else [value])
                        if ref.get("kind") in ("Role", "ServiceAccount"))


def check_references(manifests):
    defined, errors = data_of(manifests), []
    for doc in manifests:
        for kind, name, key, at in references(doc):
            if (kind, name) not in defined:
                errors.append(f"{label(doc)} {at}: {kind} {name!r} is not defined in {HERE.name}/")
            elif key is not None and key not in defined[(kind, name)]:
                errors.append(f"{label(doc)} {at}: {kind} {name!r} has no key {key!r}")
    return errors


def dispatchers(manifests):
    """(manifest, pod spec, container, command line) of each container that runs the dispatcher."""
    for doc in manifests:
        pod = dig(doc, "spec", "template", "spec", default={})
        for container in pod.get("containers") or []:
            line = [str(part) for part in (container.get("command") or []) + (container.get("args") or [])]
            if DISPATCHER_CLASS in line:
                yield doc, pod, container, line


def check_dispatchers(manifests):
    """One dispatcher at any time, on the directory of the files job, writable for the .sent markers."""
    jobs = [doc for doc in manifests if dig(doc, "spec", "job", "entryClass") in FILES_OPTION]
    errors = []
    if jobs and not any(dispatchers(manifests)):
        errors.append(f"{', '.join(map(label, jobs))} writes files that no Deployment here dispatches")
    for doc, pod, container, line in dispatchers(manifests):
        at = f"{label(doc)} container {container.get('name')}"
        if doc.get("kind") != "Deployment" or dig(doc, "spec", "replicas", default=1) != 1 \
                or dig(doc, "spec", "strategy", "type") != "Recreate":
            errors.append(f"{at}: expected a Deployment of 1 replica, replaced by Recreate: two dispatchers would run "
                          "the CLI twice on the same file")
        directory = line[line.index(DISPATCHER_CLASS) + 1] if line[-1] != DISPATCHER_CLASS else ""
        place, mount = claim_of(pod, container, directory)
        if place is None or mount.get("readOnly"):
            errors.append(f"{at}: {mount if place is None else directory + ' is read-only'}; the markers go there")
        for job in jobs:
            value, source = option_value(job, FILES_OPTION[dig(job, "spec", "job", "entryClass")], manifests)
            tm = role_pods(job)["taskManager"]
            written, _ = claim_of(tm, main_container(tm), str(value))
            if place is not None and written is not None and written != place:
                errors.append(f"{at}: {directory} is {place}, but {label(job)} writes its files ({source}) "
                              f"to {written}")
    return errors


def check_images_agree(manifests):
    images = {}
    for doc in manifests:
        for at, key, value in nodes(doc):
            if key == "image" and re.sub(r":[^/]*$", "", str(value).split("@")[0]) not in FOREIGN_IMAGES:
                images.setdefault(value, []).append(f"{label(doc)} {at}")
    if len(images) < 2:
        return []
    return ["different images: " + "; ".join(f"{image} in {', '.join(where)}"
                                             for image, where in sorted(images.items()))]


def check_metadata(manifests):
    namespaces = sorted({str(dig(doc, "metadata", "namespace")) for doc in manifests})
    errors = [f"the manifests use several namespaces: {namespaces}"] if len(namespaces) > 1 else []
    for doc in manifests:
        values = dig(doc, "stringData", default={}).values()
        if doc.get("kind") == "Secret" and (doc.get("data") or any(value != "CHANGE-ME" for value in values)):
            errors.append(f"{label(doc)}: the example holds no value but the placeholder CHANGE-ME (stringData)")
    return errors


FOLDER_CHECKS = [
    (f"every manifest is in {KUSTOMIZATION.name} or applied on its own; none repeats a shared setting",
     check_kustomization),
    ("referenced Secrets, ConfigMaps, ServiceAccounts, Roles and claims are defined here", check_references),
    ("the Portfolio Accounting dispatcher runs once, on the allocation job's files", check_dispatchers),
    (f"the FlinkDeployments, Jobs and the dispatcher use one image (besides {', '.join(FOREIGN_IMAGES)})",
     check_images_agree),
    ("one namespace, no secret values", check_metadata),
]


def results(manifests):
    """[(check, errors)] of every check."""
    return ([(f"{label(doc)}: {name}", check(doc, manifests)) for doc in manifests
             if doc.get("kind") == "FlinkDeployment" for name, check in DEPLOYMENT_CHECKS]
            + [(name, check(manifests)) for name, check in FOLDER_CHECKS])


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


# ------------------------------------------------------------------------------------------ self-test

def set_arg(doc, flag, value):
    """Sets the value of `flag` in spec.job.args, or removes the flag when `value` is None."""
    args = doc["spec"]["job"]["args"]
    args[args.index(flag):args.index(flag) + 2] = [] if value is None else [flag, value]


def mutations(doc):
    """(check, what, mutate) of the broken copies of a manifest that `check` must reject."""
    def config(update):
        return lambda d: d["spec"]["flinkConfiguration"].update(update)

    def main_env(d):
        return main_container(d["spec"]["podTemplate"]["spec"])["env"]

    if doc.get("kind") == "FlinkDeployment":
        yield check_flink_conf, "a number in flinkConfiguration", config({"taskmanager.numberOfTaskSlots": 2})
        yield check_flink_conf, "a setting unlike flink-conf/", config({"execution.checkpointing.interval": "1 min"})
        yield check_flink_conf, "another log configuration", lambda d: d["spec"].update(logConfiguration={})
        yield check_state, "checkpoints off the claim", config({"execution.checkpointing.dir": "file:///opt/flink/cp"})
        yield check_merged_pods, "a mount without its volume", lambda d: main_container(
            d["spec"]["podTemplate"]["spec"]).setdefault("volumeMounts", []).append({"name": "none", "mountPath": "/x"})
        if merges_by_name(doc) and any(dig(doc, "spec", role, "podTemplate", "spec", "volumes") for role in ROLES):
            yield check_merged_pods, "the templates merged by position", lambda d: d["spec"]["flinkConfiguration"].pop(
                MERGE_BY_NAME)
        if main_container(dig(doc, "spec", "podTemplate", "spec", default={})).get("env"):
            yield check_variables_given_once, "a variable given twice", lambda d: main_env(d).append(main_env(d)[0])
        flag = "--" + FILES_OPTION.get(dig(doc, "spec", "job", "entryClass"), "")
        if flag in dig(doc, "spec", "job", "args", default=[]):
            yield check_files_directory, f"{flag} off the claim", lambda d: set_arg(d, flag, "/opt/flink/files")
            yield check_files_directory, f"{flag} not given", lambda d: set_arg(d, flag, None)
        yield check_probes, "a TaskManager without probes", lambda d: [main_container(dig(
            d, "spec", "taskManager", "podTemplate", "spec", default={})).pop(probe, None)
            for probe in ("livenessProbe", "readinessProbe")]
        yield check_metrics_exposed, "another port annotated", lambda d: d["spec"]["podTemplate"]["metadata"][
            "annotations"].update({"prometheus.io/port": "1"})
        yield check_references, "a ServiceAccount not defined", lambda d: d["spec"].update(serviceAccount="nobody")
        yield check_images_agree, "another image", lambda d: d["spec"].update(image="globeco/other:1")
        yield check_metadata, "another namespace", lambda d: d["metadata"].update(namespace="elsewhere")
    for _, _, _, line in dispatchers([doc]):
        directory = line[line.index(DISPATCHER_CLASS) + 1]
        yield check_dispatchers, "two replicas", lambda d: d["spec"].update(replicas=2)
        yield check_dispatchers, "a rolling update", lambda d: d["spec"].update(strategy={"type": "RollingUpdate"})
        yield check_dispatchers, "another directory than the job's files", lambda d: [
            c.update(args=["/srv/files" if part == directory else part for part in c.get("args") or []])
            for c in d["spec"]["template"]["spec"]["containers"]]


def self_test(manifests):
    """{manifest: (copies tried, failures)}: each broken copy must make the check it names report an error that the
    manifests as they are do not. (check_kustomization reads the files, not these documents.)"""
    per_deployment = {check for _, check in DEPLOYMENT_CHECKS}

    def errors(check, doc, docs):
        return set(check(doc, docs) if check in per_deployment else check(docs))

    outcome = {}
    for index, doc in enumerate(manifests):
        for check, what, mutate in mutations(doc):
            broken = copy.deepcopy(doc)
            mutate(broken)
            copies = manifests[:index] + [broken] + manifests[index + 1:]
            caught = errors(check, broken, copies) - errors(check, doc, manifests)
            tried, failures = outcome.get(label(doc), (0, []))
            outcome[label(doc)] = (tried + 1, failures + ([] if caught else [f"{check.__name__} accepted {what}"]))
    return outcome


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="list the manifests checked")
    verbose = parser.parse_args(argv).verbose
    counts = Counter()

    def report(name, errors):
        counts["failed" if errors else "passed"] += 1
        print(f"{'FAIL' if errors else 'ok  '}  {name}" + "".join(f"\n        {error}" for error in errors))

    manifests = render()
    deployments = [doc for doc in manifests if doc.get("kind") == "FlinkDeployment"]
    report(f"{HERE.name}/ renders with kustomize: {len(manifests)} manifests, {len(deployments)} FlinkDeployments",
           [] if deployments else ["no FlinkDeployment"])
    if verbose:
        print("".join(f"        {label(doc)}\n" for doc in manifests), end="")
    for what, (tried, failures) in self_test(manifests).items():
        report(f"self-test: {tried} broken copies of {what} are rejected", failures)
    tried, failures = monitoring_self_test()
    report(f"self-test: {tried} broken copies of {MONITORING.name}/ are rejected", failures)
    for name, errors in results(manifests):
        report(name, errors)
    for name, check in MONITORING_CHECKS:
        report(name, check(MONITORING))
    todo = [f"{label(doc)}: {at} = {value}" for doc in manifests for at, _, value in nodes(doc)
            if isinstance(value, str) and PLACEHOLDER in value]
    if todo:
        print(f"note  {len(todo)} {PLACEHOLDER} values to fill in before applying (not a failure):"
              + "".join(f"\n        {item}" for item in todo))
    print(f"validate.py: {counts['passed']} passed, {counts['failed']} failed")
    return 1 if counts["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
