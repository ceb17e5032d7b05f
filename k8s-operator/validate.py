#!/usr/bin/env python3
"""Checks the Kubernetes manifests in k8s-operator/ for what neither kustomize, the CRD nor the jobs check.

    python3 k8s-operator/validate.py [--verbose]

It reads what `kubectl kustomize --load-restrictor LoadRestrictionsNone k8s-operator` renders (the FlinkDeployments
with the shared settings of flink-settings.yaml and the logging of flink-conf/) and the files applied on their own
(APPLIED_ON_THEIR_OWN). The CRD schema, the jobs' arguments and the variables their pods get are checked in
`mvn verify` (jobs/.../FlinkDeploymentSchemaTest and JobArgumentsTest, with each job's own Options).

The checks are DEPLOYMENT_CHECKS, for each FlinkDeployment, FOLDER_CHECKS, SECURED_CHECKS on the overlays secured/
and secured/migrate/ (a secured Kafka and Postgres: validate.py builds them as kustomize does, applying their JSON6902
ops, and compares that with `kubectl kustomize`), and MONITORING_CHECKS on the alert rules of monitoring/ (promtool
checks and unit-tests them; Debian's prometheus package ships promtool, and without it those checks fail). Values
marked PLACEHOLDER are listed, not failed. A self-test comes first: broken copies of each FlinkDeployment, of the
files kustomization.yaml lists, of the dispatcher, of the overlays and of the alert files must be rejected, so a check
that accepts anything fails too.

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
from urllib.parse import parse_qs

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
FOREIGN_IMAGES = ("globeco-portfolio-cli", "bitnami/kubectl")
PLACEHOLDER = "PLACEHOLDER"
# flink-conf/config.yaml keys that the operator sets from spec fields; the spec must carry the same value.
SPEC_MANAGED = {
    "jobmanager.memory.process.size": ("jobManager", "resource", "memory"),
    "taskmanager.memory.process.size": ("taskManager", "resource", "memory"),
    "parallelism.default": ("job", "parallelism"),
}
# flink-conf/config.yaml keys whose value is each job's own: set in each FlinkDeployment file (not in the shared patch,
# whose value would win), free to differ from flink-conf/. Its directories, and how often it checkpoints: an
# exactly-once sink commits on checkpoints, and trade-hotpath checkpoints more often than the others.
STATE_DIR_KEYS = ("execution.checkpointing.dir", "execution.checkpointing.savepoint-dir")
CHECKPOINT_INTERVAL, CHECKPOINT_MIN_PAUSE = "execution.checkpointing.interval", "execution.checkpointing.min-pause"
PER_JOB = STATE_DIR_KEYS + (CHECKPOINT_INTERVAL, CHECKPOINT_MIN_PAUSE)
STATE_DIRS = STATE_DIR_KEYS + ("high-availability.storageDir",)
# Per-job durations, each with the least value Flink takes in nanoseconds (CheckpointConfig: an interval of 10 ms at
# least, a min pause of zero or more), and the units of Flink's durations (TimeUtils.parseDuration, lower case).
DURATIONS = {CHECKPOINT_INTERVAL: 10 * 10**6, CHECKPOINT_MIN_PAUSE: 0}
DURATION_UNITS = {label: nanos for nanos, labels in (
    (86400 * 10**9, ("d", "day", "days")), (3600 * 10**9, ("h", "hour", "hours")),
    (60 * 10**9, ("min", "m", "minute", "minutes")), (10**9, ("s", "sec", "secs", "second", "seconds")),
    (10**6, ("ms", "milli", "millis", "millisecond", "milliseconds")),
    (10**3, ("\u00b5s", "micro", "micros", "microsecond", "microseconds")),
    (1, ("ns", "nano", "nanos", "nanosecond", "nanoseconds"))) for label in labels}
ISO_DURATION = re.compile(r"P(?:([0-9]+)D)?(?:T(?=[0-9])(?:([0-9]+)H)?(?:([0-9]+)M)?"
                          r"(?:([0-9]+)(?:[.,]([0-9]{1,9}))?S)?)?", re.IGNORECASE)
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
# The overlays for a secured Kafka (SASL_SSL, SCRAM-SHA-512) and a Postgres that requires TLS (README.md, "Secured
# Kafka and Postgres"), each with whether it repeats kustomization.yaml (kustomize refuses a base that contains its
# overlay's folder, so secured/ copies the base's parts) or lists files only. Their files are not in the check of
# kustomization.yaml (which looks at this folder's own *.yaml), but in check_overlay_layout.
SECURED = HERE / "secured"
OVERLAYS = ((SECURED, True), (SECURED / "migrate", False))
SECURED_SECRETS = SECURED / "secrets.example.yaml"
BASE_SECRETS = HERE / "secret.example.yaml"
# The fields of a kustomization.yaml that validate.py builds (the patches: JSON6902 ops add, replace and test).
KUSTOMIZE_FIELDS = ("apiVersion", "kind", "resources", "configMapGenerator", "replacements", "patches")
TARGET_FIELDS = ("kind", "name", "namespace")
# An option, setting or variable named so holds a secret: never an argument (ps, the Flink web UI), a Flink setting
# (the web UI) or a literal variable value.
SECRET_WORDS = re.compile(r"(?i)pass(word|wd)|jaas|credential|secret[-_.]?key|access[-_.]?key|token|private[-_.]?key")
SECRET_PLACEHOLDER = "CHANGE-ME"
KAFKA_CLIENT_PREFIX = "KAFKA_CLIENT_"
KAFKA_CLIENT_CONFIG = KAFKA_CLIENT_PREFIX + "CONFIG"
# What client.properties (with the KAFKA_CLIENT_* variables over it) must say.
KAFKA_SECURITY = {"security.protocol": "SASL_SSL", "sasl.mechanism": "SCRAM-SHA-512", "ssl.truststore.type": "PEM"}
SCRAM_LOGIN = "org.apache.kafka.common.security.scram.ScramLoginModule"
FILE_PROVIDER = "org.apache.kafka.common.config.provider.FileConfigProvider"
PROMTOOL_MISSING = ("promtool is not installed: install Debian's prometheus package, which ships it "
                    "(apt-get install -y --no-install-recommends prometheus; .ci/run does)")


# ------------------------------------------------------------------------------------------- reading

def load(path):
    return [doc for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if doc is not None]


def kustomize(folder):
    """(the manifests `kubectl kustomize` renders of `folder`, None) or ([], its error)."""
    try:
        result = subprocess.run(RENDER[:-1] + [str(folder)], capture_output=True, text=True)
    except FileNotFoundError:
        print("validate.py needs kubectl, for `kubectl kustomize`: apt-get install kubectl "
              "(or https://kubernetes.io/docs/tasks/tools/)", file=sys.stderr)
        sys.exit(2)
    if result.returncode != 0:
        return [], result.stderr.strip()
    return [doc for doc in yaml.safe_load_all(result.stdout) if doc is not None], None


def render():
    """(what kustomize renders of this folder, the files applied on their own)."""
    docs, error = kustomize(HERE)
    if error:
        sys.exit(f"FAIL  {' '.join(RENDER[:-1])} {HERE.name}\n{error}")
    return docs, [doc for name in APPLIED_ON_THEIR_OWN for doc in load(HERE / name)]


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


def flink_duration(text):
    """Nanoseconds of a duration as Flink reads a setting (TimeUtils.parseDuration): an integer and a unit (none is
    milliseconds), or ISO-8601 (PT0.5S); None when Flink would refuse it."""
    text = str(text).strip()
    number, unit = re.match(r"([0-9]*)(.*)", text, re.DOTALL).groups()
    if number:
        nanos = DURATION_UNITS.get(unit.strip().lower()) if unit.strip() else 10**6
        return None if nanos is None else int(number) * nanos
    iso = ISO_DURATION.fullmatch(text)
    if iso is None or len(text) < 2:
        return None
    days, hours, minutes, seconds = (int(part or 0) for part in iso.groups()[:4])
    fraction = iso.group(5) or ""
    return ((days * 24 + hours) * 60 + minutes) * 60 * 10**9 + seconds * 10**9 + int(fraction.ljust(9, "0"))


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
            errors.append(f".spec.flinkConfiguration.{key}: missing ({FLINK_CONFIG.name} has {expected!r})"
                          + ("; it is each job's own, set in its FlinkDeployment file" if key in PER_JOB else ""))
        elif key not in PER_JOB and config[key] != expected:
            errors.append(f".spec.flinkConfiguration.{key}: {config[key]!r}, but {FLINK_CONFIG.name} has {expected!r}")
    for key, least in DURATIONS.items():
        if not isinstance(config.get(key), str):  # missing, or not a string: reported above
            continue
        nanos = flink_duration(config[key])
        if nanos is None:
            errors.append(f".spec.flinkConfiguration.{key}: {config[key]!r} is no duration Flink reads (an integer "
                          "and a unit: 500 ms, 10 s)")
        elif nanos < least:
            errors.append(f".spec.flinkConfiguration.{key}: {config[key]!r}, below the {least // 10**6} ms Flink takes "
                          "at least")
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

def read_here(name):
    return load(HERE / name)


def check_kustomization(manifests, read=read_here):
    """No manifest forgotten; no FlinkDeployment sets a key of the shared patch, which would silently win; each sets
    every PER_JOB key itself, and the shared patch none. Only this folder's own files: those of secured/ are
    check_overlay_layout's. `read` reads a file of this folder (the self-test passes broken copies)."""
    kustomization = read(KUSTOMIZATION.name)[0]
    resources = kustomization.get("resources") or []
    patches = [patch["path"] for patch in kustomization.get("patches") or [] if "path" in patch]
    listed = {KUSTOMIZATION.name, *resources, *patches, *APPLIED_ON_THEIR_OWN}
    errors = [f"{path.name}: neither in {KUSTOMIZATION.name} nor in validate.py's APPLIED_ON_THEIR_OWN"
              for path in sorted(HERE.glob("*.y*ml")) if path.name not in listed]
    shared = {key for patch in patches for doc in read(patch)
              for key in dig(doc, "spec", "flinkConfiguration", default={})}
    errors += [f"{patch}: flinkConfiguration.{key} is each job's own (PER_JOB), and the shared patch would win over "
               "every job's value; remove it here" for patch in patches for doc in read(patch)
               for key in PER_JOB if key in dig(doc, "spec", "flinkConfiguration", default={})]
    deployments = [(resource, doc) for resource in resources for doc in read(resource)
                   if doc.get("kind") == "FlinkDeployment"]
    errors += [f"{resource}: flinkConfiguration.{key} is set by the shared patch, which wins; remove it here"
               for resource, doc in deployments
               for key in sorted(shared & set(dig(doc, "spec", "flinkConfiguration", default={})) - set(PER_JOB))]
    return errors + [f"{resource}: flinkConfiguration.{key} missing; it is each job's own, set in its FlinkDeployment "
                     "file" for resource, doc in deployments for key in PER_JOB
                     if key not in dig(doc, "spec", "flinkConfiguration", default={})]


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
    (f"every manifest is in {KUSTOMIZATION.name} or applied on its own; none repeats a shared setting; each "
     "FlinkDeployment sets its own checkpoint directories, interval and min pause", check_kustomization),
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


# ------------------------------------------------------------------ the secured overlays: built as kustomize does

def relative(path):
    """A file named from this folder (an inline patch is named by its place already)."""
    return str(path.relative_to(HERE)) if isinstance(path, Path) and path.is_relative_to(HERE) else str(path)


def kustomization_parts(folder):
    """(the fields of folder/kustomization.yaml that validate.py builds, with every path resolved, the file)."""
    kustomization = load(folder / KUSTOMIZATION.name)[0]

    def at(path):
        key, _, file = str(path).rpartition("=")  # configMapGenerator files may be key=path
        return f"{key}={(folder / file).resolve()}" if key else (folder / file).resolve()

    return {"resources": [at(p) for p in kustomization.get("resources") or []],
            "configMapGenerator": [{**g, "files": [at(f) for f in g.get("files") or []]}
                                   for g in kustomization.get("configMapGenerator") or []],
            "replacements": kustomization.get("replacements") or [],
            "patches": [{**p, **({"path": at(p["path"])} if "path" in p else {})}
                        for p in kustomization.get("patches") or []]}, kustomization


def read_overlays(rendered):
    """The overlays as validate.py builds them: {"overlays": [{"folder", "base": the manifests it starts from,
    "patches": [(index, entry, patch)] its own, "errors": why it cannot be built so}], "files": {patch: its ops},
    "secrets": the Secrets of secured/secrets.example.yaml, "base_secrets": those of secret.example.yaml}. An overlay
    that repeats kustomization.yaml starts from what kustomize renders of this folder (`rendered`)."""
    base, _ = kustomization_parts(HERE)
    files, overlays = {}, []
    for folder, repeats_base in OVERLAYS:
        where = f"{relative(folder)}/{KUSTOMIZATION.name}"
        if not (folder / KUSTOMIZATION.name).is_file():
            overlays.append({"folder": folder, "base": [], "patches": [], "errors": [f"{where}: missing"]})
            continue
        parts, kustomization = kustomization_parts(folder)
        errors = [f"{where}: {key} is a field validate.py does not build ({', '.join(KUSTOMIZE_FIELDS)})"
                  for key in kustomization if key not in KUSTOMIZE_FIELDS]
        patches = list(enumerate(parts["patches"]))
        if repeats_base:
            errors += [f"{where}: {key} differs from {KUSTOMIZATION.name}'s (its paths from {relative(folder)}/): "
                       f"a change there is made here too" for key in ("resources", "configMapGenerator", "replacements")
                       if parts[key] != base[key]]
            errors += [f"{where}: resources {'lack' if path in base['resources'] else 'add'} {relative(path)}"
                       for path in [*base["resources"], *parts["resources"]]
                       if (path in base["resources"]) != (path in parts["resources"])]
            if parts["patches"][:len(base["patches"])] != base["patches"]:
                errors.append(f"{where}: patches do not begin with those of {KUSTOMIZATION.name} (paths from "
                              f"{relative(folder)}/)")
            docs, patches = rendered, patches[len(base["patches"]):]
        else:
            errors += [f"{where}: {key} is for an overlay repeating {KUSTOMIZATION.name}, not this one"
                       for key in ("configMapGenerator", "replacements") if parts[key]]
            docs = []
            for path in parts["resources"]:
                if Path(path).is_file():
                    docs += load(path)
                else:
                    errors.append(f"{where}: resource {relative(path)} is no file, which this overlay lists only")
        own = []
        for index, entry in patches:
            if "path" in entry:
                key = entry["path"]
                if key not in files:
                    files[key] = (load(key) or [None])[0] if key.is_file() else None
            else:
                key = f"{where} patches[{index}]"
                files[key] = yaml.safe_load(str(entry.get("patch")))
            own.append((index, entry, key))
        overlays.append({"folder": folder, "base": docs, "patches": own, "errors": errors})
    return {"overlays": overlays, "files": files, "secrets": load(SECURED_SECRETS), "base_secrets": load(BASE_SECRETS)}


def json_patch(doc, op):
    """Applies one RFC 6902 op (add, replace or test: those the overlays use) to `doc`, in place; None, or why it
    cannot (kustomize then fails the build)."""
    kind, path = op.get("op") if isinstance(op, dict) else None, str(dig(op, "path", default=""))
    if kind not in ("add", "replace", "test"):
        return f"op {kind!r}: validate.py applies add, replace and test"
    if not path.startswith("/"):
        return f"path {path!r} is no JSON pointer"
    tokens = [token.replace("~1", "/").replace("~0", "~") for token in path[1:].split("/")]
    parent, walked = doc, ""
    for depth, token in enumerate(tokens[:-1], 1):
        walked += "/" + token
        if isinstance(parent, dict) and token in parent:
            parent = parent[token]
        elif isinstance(parent, list) and token.isdigit() and int(token) < len(parent):
            parent = parent[int(token)]
        else:
            missing_list = tokens[-1] == "-" and depth == len(tokens) - 1
            return f"{walked} does not exist" + (" (add the list first, in a patch of its own for the manifests that "
                                                 "lack it)" if missing_list else "")
    last, value = tokens[-1], copy.deepcopy(op.get("value"))
    if isinstance(parent, dict):
        if kind != "add" and last not in parent:
            return f"{path} does not exist"
        if kind == "test":
            return None if parent[last] == value else f"{path} is {parent[last]!r}, not {value!r}"
        parent[last] = value
        return None
    if not isinstance(parent, list):
        return f"{walked or '/'} is {type(parent).__name__}, no map or list"
    if last == "-" and kind == "add":
        parent.append(value)
        return None
    if not last.isdigit() or int(last) > len(parent) - (kind != "add"):
        return f"{path}: no item {last} in a list of {len(parent)}"
    if kind == "test":
        return None if parent[int(last)] == value else f"{path} is {parent[int(last)]!r}, not {value!r}"
    if kind == "add":
        parent.insert(int(last), value)
    else:
        parent[int(last)] = value
    return None


def selects(target, doc):
    """Whether a patch's target selects `doc`, as kustomize matches it (the name is an anchored regular expression)."""
    return ((target.get("kind") is None or doc.get("kind") == target["kind"])
            and (target.get("name") is None or re.fullmatch(str(target["name"]), str(dig(doc, "metadata", "name"))))
            and (target.get("namespace") is None or dig(doc, "metadata", "namespace") == target["namespace"]))


def build_overlay(overlay, files):
    """(the manifests of one overlay, why an op did not apply): its own patches applied in order to copies of its
    base, each op of a patch to each manifest the patch targets."""
    docs, errors = copy.deepcopy(overlay["base"]), []
    for index, entry, key in overlay["patches"]:
        where = f"{relative(overlay['folder'])}/{KUSTOMIZATION.name} patches[{index}] ({relative(key)})"
        ops, target = files.get(key), entry.get("target") or {}
        if not isinstance(ops, list) or not all(isinstance(op, dict) and "op" in op for op in ops):
            errors.append(f"{where}: no JSON6902 patch (a list of ops), the only kind validate.py builds here")
            continue
        if set(target) - set(TARGET_FIELDS) or not target:
            errors.append(f"{where}: target {target}: validate.py selects by {', '.join(TARGET_FIELDS)} only")
            continue
        matched = [doc for doc in docs if selects(target, doc)]
        errors += [] if matched else [f"{where}: its target {target} selects no manifest"]
        for doc in matched:
            errors += [f"{where} on {label(doc)}: op {n} ({op.get('op')} {op.get('path')}): {problem}"
                       for n, op in enumerate(ops) for problem in [json_patch(doc, op)] if problem]
    return docs, errors


def build(secured):
    """(the manifests of all the overlays, why an op did not apply or a manifest differs between overlays)."""
    docs, errors, seen = [], [], {}
    for overlay in secured["overlays"]:
        built, problems = build_overlay(overlay, secured["files"])
        errors += problems
        for doc in built:
            name, folder = label(doc), relative(overlay["folder"])
            if name not in seen:
                seen[name] = (doc, folder)
                docs.append(doc)
            elif seen[name][0] != doc:
                errors.append(f"{name} differs between {seen[name][1]}/ and {folder}/: applying one after the other "
                              "changes it")
    return docs, errors


def first_difference(ours, theirs, path=""):
    if isinstance(ours, dict) and isinstance(theirs, dict):
        return next((first_difference(ours.get(key), theirs.get(key), f"{path}.{key}")
                     for key in sorted(set(ours) | set(theirs), key=str) if ours.get(key) != theirs.get(key)), None)
    if isinstance(ours, list) and isinstance(theirs, list) and len(ours) == len(theirs):
        return next((first_difference(a, b, f"{path}[{i}]") for i, (a, b) in enumerate(zip(ours, theirs)) if a != b),
                    None)
    return f"{path or '.'}: {ours!r} here, {theirs!r} from kustomize"


def java_properties(text):
    """The entries of a Java properties file: comments, continued lines, `=`, `:` or blanks between key and value."""
    entries, logical = {}, ""
    for line in str(text).splitlines() + [""]:
        line = line.lstrip()
        if not logical and (not line or line[0] in "#!"):
            continue
        if (len(line) - len(line.rstrip("\\"))) % 2:
            logical += line[:-1]
            continue
        key, value = re.match(r"((?:\\.|[^\\=:\s])*)\s*(?:[=:]\s*)?(.*)", logical + line).groups()
        entries[re.sub(r"\\(.)", r"\1", key)] = re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n"}.get(
            m.group(1), m.group(1)), value)
        logical = ""
    return entries


def pods_of(doc):
    """[(where, pod spec, containers)]: each pod of a FlinkDeployment (templates merged) with flink-main-container,
    the pod template of a Job, Deployment or CronJob with all its containers."""
    if doc.get("kind") == "FlinkDeployment":
        return [(f"{role} pod", pod, [main_container(pod)]) for role, pod in role_pods(doc).items()]
    pod = dig(doc, "spec", "template", "spec") or dig(doc, "spec", "jobTemplate", "spec", "template", "spec")
    return [("pod", pod, (pod.get("initContainers") or []) + (pod.get("containers") or []))] if pod else []


def secret_file(pod, container, path, data):
    """(the content of file `path` of `container`, None) when it is a key of a Secret volume mounted read-only and
    defined in an example (`data`: data_of), else (None, why not)."""
    path = str(path)
    mounts = [m for m in container.get("volumeMounts") or [] if path == m.get("mountPath") and m.get("subPath")
              or path.startswith(str(m.get("mountPath")).rstrip("/") + "/")]
    if not mounts:
        return None, f"{path} is in no volume mounted into {container.get('name')}"
    mount = max(mounts, key=lambda m: len(str(m.get("mountPath"))))
    volume = next((v for v in dig(pod, "volumes", default=[]) if v.get("name") == mount.get("name")), {})
    secret = volume.get("secret")
    if not isinstance(secret, dict):
        return None, f"{path} is in volume {mount.get('name')!r}, which is no Secret"
    name, file = secret.get("secretName"), path[len(str(mount["mountPath"]).rstrip("/")) + 1:]
    file = "/".join(part for part in (str(mount.get("subPath") or "").strip("/"), file) if part)
    if not mount.get("readOnly"):
        return None, f"volume {mount.get('name')!r} (Secret {name!r}) is not mounted readOnly"
    items = secret.get("items")
    key = next((item.get("key") for item in items if item.get("path") == file), None) if items else file
    if ("Secret", name) not in data:
        return None, f"Secret {name!r} (volume {mount.get('name')!r}) is in neither {relative(SECURED_SECRETS)} nor " \
                     f"{relative(BASE_SECRETS)}"
    if key not in data[("Secret", name)]:
        return None, f"Secret {name!r} has no key {key!r}, the file {path}"
    return data[("Secret", name)][key], None


def secrets_and(secured, docs):
    return docs + secured["secrets"] + secured["base_secrets"]


def check_overlay_layout(secured):
    """Every file of secured/ is a kustomization.yaml, a patch one lists or the Secrets' example, every folder an
    overlay, and each overlay is what validate.py can build (secured/ repeating kustomization.yaml)."""
    folders = [overlay["folder"] for overlay in secured["overlays"]]
    used = {SECURED_SECRETS, *(key for key in secured["files"] if isinstance(key, Path)),
            *(folder / KUSTOMIZATION.name for folder in folders)}
    errors = [f"{relative(path)}: neither a {KUSTOMIZATION.name}, a patch one lists nor {relative(SECURED_SECRETS)}"
              for folder in folders if folder.is_dir() for path in sorted(folder.glob("*.y*ml"))
              if path.resolve() not in used]
    errors += [f"{relative(path)}/: a folder validate.py does not know (OVERLAYS)"
               for path in sorted(SECURED.rglob("*")) if path.is_dir() and path not in folders]
    return errors + [error for overlay in secured["overlays"] for error in overlay["errors"]]


def check_overlay_render(secured):
    """kubectl kustomize renders each overlay as validate.py builds it: the build the other checks look at is the
    real one (and kustomize agrees on every path)."""
    errors = []
    for overlay in secured["overlays"]:
        folder = relative(overlay["folder"])
        rendered, error = kustomize(overlay["folder"])
        if error:
            errors.append(f"kubectl kustomize {folder}: {error}")
            continue
        ours = {label(doc): doc for doc in build_overlay(overlay, secured["files"])[0]}
        theirs = {label(doc): doc for doc in rendered}
        errors += [f"{folder}: kustomize renders {name}, which validate.py's build lacks"
                   for name in sorted(set(theirs) - set(ours))]
        errors += [f"{folder}: validate.py's build has {name}, which kustomize does not render"
                   for name in sorted(set(ours) - set(theirs))]
        errors += [f"{folder}: {name} differs at {first_difference(ours[name], theirs[name])}"
                   for name in sorted(set(ours) & set(theirs)) if ours[name] != theirs[name]]
    return errors


def check_overlay_ops(secured):
    return build(secured)[1]


def check_overlay_deployments(secured):
    """The per-deployment checks and the references, on the FlinkDeployments as the overlay builds them."""
    docs, _ = build(secured)
    manifests = secrets_and(secured, docs)
    return [f"{label(doc)}: {error}" for doc in docs if doc.get("kind") == "FlinkDeployment"
            for _, check in DEPLOYMENT_CHECKS for error in check(doc, manifests)] + check_references(manifests)


def kafka_settings_errors(settings, pod, container, data):
    """What is wrong with the Kafka client settings a pod's clients get (client.properties and the variables)."""
    errors = [f"{key} is {settings.get(key)!r}, not {value}" for key, value in KAFKA_SECURITY.items()
              if settings.get(key) != value]
    if settings.get("ssl.endpoint.identification.algorithm") == "":
        errors.append("ssl.endpoint.identification.algorithm is empty: the brokers' host names would not be checked")
    jaas = settings.get("sasl.jaas.config", "")
    if SCRAM_LOGIN not in jaas or not re.search(r'password\s*=\s*"\$\{', jaas):
        errors.append(f"sasl.jaas.config: expected {SCRAM_LOGIN} required ... password=\"${{file:...}}\";")
    for key, value in settings.items():
        errors += [f"{key}: a password written in the settings; write a ${{file:<path>:<key>}} of a mounted Secret"
                   for literal in re.findall(r'(?i)password\s*=\s*"?([^";\s]*)', f"{key}={value}")
                   if not literal.startswith("${")]
    providers = [p.strip() for p in settings.get("config.providers", "").split(",") if p.strip()]
    for key, value in settings.items():
        for provider, path, name in re.findall(r"\$\{([^:}]*):([^}]*):([^:}]*)\}", value):
            if provider != "file" or provider not in providers \
                    or settings.get("config.providers.file.class") != FILE_PROVIDER:
                errors.append(f"{key}: ${{{provider}:...}} needs config.providers=file and "
                              f"config.providers.file.class={FILE_PROVIDER} (validate.py checks that provider only)")
                continue
            content, why = secret_file(pod, container, path, data)
            if content is None:
                errors.append(f"{key}: {why}")
            elif name not in java_properties(content):
                errors.append(f"{key}: {path} has no key {name!r}")
    location = settings.get("ssl.truststore.location")
    if not location:
        errors.append("ssl.truststore.location is not set: the brokers' CA")
    elif secret_file(pod, container, location, data)[0] is None:
        errors.append(f"ssl.truststore.location: {secret_file(pod, container, location, data)[1]}")
    return errors


def check_kafka_client(secured):
    """Every FlinkDeployment that gets KAFKA_BOOTSTRAP_SERVERS gets, in the JobManager and the TaskManagers,
    KAFKA_CLIENT_CONFIG naming a file in a Secret mounted read-only, whose settings (the KAFKA_CLIENT_* variables over
    them) are SASL_SSL with SCRAM-SHA-512, the password and the truststore in mounted Secrets too."""
    docs, _ = build(secured)
    manifests = secrets_and(secured, docs)
    data, errors = data_of(manifests), []
    for doc in docs:
        if doc.get("kind") != "FlinkDeployment" or "KAFKA_BOOTSTRAP_SERVERS" not in {
                name for name, _, _ in variables(main_container(role_pods(doc)["jobManager"]), manifests)}:
            continue
        for where, pod, (container,) in pods_of(doc):
            where, given = f"{label(doc)} {where}", variables(container, manifests)
            files = [value for name, value, _ in given if name == KAFKA_CLIENT_CONFIG]
            if len(files) != 1 or not str(files[0]).startswith("/"):
                errors.append(f"{where}: {KAFKA_CLIENT_CONFIG} is {files or 'not given'}; expected once, the path of "
                              "client.properties in a mounted Secret")
                continue
            content, why = secret_file(pod, container, files[0], data)
            if content is None:
                errors.append(f"{where}: {KAFKA_CLIENT_CONFIG}: {why}")
                continue
            settings = {**java_properties(content), **{
                name[len(KAFKA_CLIENT_PREFIX):].lower().replace("_", "."): str(value) for name, value, _ in given
                if name.startswith(KAFKA_CLIENT_PREFIX) and name != KAFKA_CLIENT_CONFIG}}
            errors += [f"{where}: {files[0]}: {error}"
                       for error in kafka_settings_errors(settings, pod, container, data)]
    return errors


def postgres_url_errors(url):
    query = parse_qs(str(url).partition("?")[2])
    errors = [] if query.get("sslmode", [None])[-1] == "verify-full" else [
        f"sslmode is {query.get('sslmode', [None])[-1]!r}, not verify-full (encrypted, the server's certificate and "
        "host name checked)"]
    return errors + ([] if query.get("sslrootcert") else ["no sslrootcert (the CA file)"])


def check_postgres_tls(secured):
    """Every POSTGRES_URL, in the ConfigMaps and as every container gets it, has sslmode=verify-full and an
    sslrootcert that is a file of a Secret mounted read-only into that container."""
    docs, _ = build(secured)
    manifests = secrets_and(secured, docs)
    data, errors = data_of(manifests), []
    for (kind, name), values in data.items():
        if kind == "ConfigMap" and "POSTGRES_URL" in values:
            errors += [f"ConfigMap/{name} POSTGRES_URL: {error}"
                       for error in postgres_url_errors(values["POSTGRES_URL"])]
    for doc in docs:
        for where, pod, containers in pods_of(doc):
            for container in containers:
                for value, source in [(v, s) for n, v, s in variables(container, manifests) if n == "POSTGRES_URL"]:
                    at = f"{label(doc)} {where} {container.get('name')}: POSTGRES_URL ({source})"
                    if value is None:
                        errors.append(f"{at}: from a Secret, which validate.py cannot read; give it from a ConfigMap")
                        continue
                    errors += [f"{at}: {error}" for error in postgres_url_errors(value)]
                    root = parse_qs(str(value).partition("?")[2]).get("sslrootcert", [None])[-1]
                    if root is not None and secret_file(pod, container, root, data)[0] is None:
                        errors.append(f"{at}: sslrootcert: {secret_file(pod, container, root, data)[1]}")
    return errors


def example_value_errors(key, value):
    """Why a stringData value of an example Secret may be a real secret: a certificate or key that is not the
    placeholder, or a password that is neither the placeholder nor a ${...} reference."""
    if re.search(r"\.(crt|pem|key|p12|jks)$", key) and SECRET_PLACEHOLDER not in str(value):
        return [f"{key}: a certificate or key; the example holds the placeholder {SECRET_PLACEHOLDER} only"]
    if "." not in key and str(value) != SECRET_PLACEHOLDER:
        return [f"{key}: the example holds the placeholder {SECRET_PLACEHOLDER} only"]
    return [f"{key}: a password other than {SECRET_PLACEHOLDER} or a ${{...}} reference"
            for literal in re.findall(r'(?i)password\s*[=:]\s*"?([^";\s]*)', str(value))
            if literal not in (SECRET_PLACEHOLDER, "") and not literal.startswith("${")]


def check_overlay_secrets(secured):
    """Every Secret the overlays use is defined, those they add in secured/secrets.example.yaml; that file holds
    Secrets only, in the base's namespace, with placeholders and no `data`; every Secret volume is mounted read-only."""
    docs, _ = build(secured)
    data = data_of(secrets_and(secured, docs))
    namespaces = {str(dig(doc, "metadata", "namespace")) for overlay in secured["overlays"] for doc in overlay["base"]}
    ours = {dig(doc, "metadata", "name") for doc in secured["secrets"]}
    errors = []
    for doc in secured["secrets"]:
        at = f"{relative(SECURED_SECRETS)} {label(doc)}"
        if doc.get("kind") != "Secret" or doc.get("data") or str(dig(doc, "metadata", "namespace")) not in namespaces:
            errors.append(f"{at}: expected a Secret in namespace {', '.join(sorted(namespaces))}, with stringData only")
        errors += [f"{at}: {error}" for key, value in dig(doc, "stringData", default={}).items()
                   for error in example_value_errors(key, value)]

    def secrets_used(manifests):
        for doc in manifests:
            for at, key, value in nodes(doc):
                if key == "secret" and isinstance(value, dict) and "secretName" in value:
                    yield value["secretName"], [i.get("key") for i in value.get("items") or []], f"{label(doc)} {at}"
            for kind, name, key, at in references(doc):
                if kind == "Secret":
                    yield name, [key] if key else [], f"{label(doc)} {at}"

    before = {name for overlay in secured["overlays"] for name, _, _ in secrets_used(overlay["base"])}
    used = list(secrets_used(docs))
    for name, keys, at in used:
        if name not in before and name not in ours:
            errors.append(f"{at}: Secret {name!r} is not in {relative(SECURED_SECRETS)}")
        elif ("Secret", name) not in data:
            errors.append(f"{at}: Secret {name!r} is in neither {relative(SECURED_SECRETS)} nor "
                          f"{relative(BASE_SECRETS)}")
        errors += [f"{at}: Secret {name!r} has no key {key!r}" for key in keys
                   if ("Secret", name) in data and key not in data[("Secret", name)]]
    errors += [f"{relative(SECURED_SECRETS)}: Secret {name!r} is used by no overlay"
               for name in sorted(ours - {name for name, _, _ in used})]
    for doc in docs:
        for where, pod, containers in pods_of(doc):
            secret_volumes = {v.get("name") for v in pod.get("volumes") or [] if "secret" in v}
            errors += [f"{label(doc)} {where} {c.get('name')}: Secret volume {m.get('name')!r} is not mounted readOnly"
                       for c in containers for m in c.get("volumeMounts") or []
                       if m.get("name") in secret_volumes and not m.get("readOnly")]
    return errors


def check_no_secret_arguments(secured):
    """No argument or command, Flink setting or literal variable of the overlays' manifests names or holds a secret:
    arguments show in `ps` and the Flink web UI, settings in the web UI; secrets come from Secrets only."""
    docs, values = build(secured)[0], {SECRET_PLACEHOLDER}
    for doc in secured["secrets"] + secured["base_secrets"]:  # their passwords: placeholders, in a real copy real
        for key, text in dig(doc, "stringData", default={}).items():
            entries = java_properties(text).items() if key.endswith(".properties") else [(key, text)]
            values |= {str(value) for name, value in entries
                       if SECRET_WORDS.search(name) and value and not str(value).startswith("${")}

    def secret(text):
        return SECRET_WORDS.search(str(text)) or any(value in str(text) for value in values)

    errors = []
    for doc in docs:
        for at, key, value in nodes(doc):
            if key in ("args", "command") and isinstance(value, list):
                errors += [f"{label(doc)} {at}: {item!r} names or holds a secret; arguments show in ps and the Flink "
                           "web UI (use a variable from a Secret, or a file of a mounted Secret)"
                           for item in value if secret(item)]
            if key == "env" and isinstance(value, list):
                errors += [f"{label(doc)} {at}: {entry.get('name')} has a literal value; a secret comes from a Secret "
                           "(valueFrom.secretKeyRef or a mounted file)" for entry in value
                           if isinstance(entry, dict) and "value" in entry
                           and (secret(entry.get("name")) or secret(entry.get("value")))]
        errors += [f"{label(doc)} .spec.flinkConfiguration.{key}: names or holds a secret, shown in the Flink web UI"
                   for key, value in dig(doc, "spec", "flinkConfiguration", default={}).items()
                   if doc.get("kind") == "FlinkDeployment" and (secret(key) or secret(value))]
    return errors


SECURED_CHECKS = [
    (f"{SECURED.name}/: every file is used, and it repeats {KUSTOMIZATION.name} as validate.py builds it",
     check_overlay_layout),
    (f"{SECURED.name}/ and {SECURED.name}/migrate/ render with kubectl kustomize as validate.py builds them",
     check_overlay_render),
    (f"{SECURED.name}/: every JSON6902 op applies (its path exists) to every manifest it targets; the overlays agree",
     check_overlay_ops),
    (f"{SECURED.name}/: the FlinkDeployments as built pass the checks above; references are defined",
     check_overlay_deployments),
    (f"{SECURED.name}/: every job using Kafka reads {KAFKA_CLIENT_CONFIG} (SASL_SSL, SCRAM-SHA-512) and its password "
     "and CA from Secrets mounted into the JobManager and the TaskManagers", check_kafka_client),
    (f"{SECURED.name}/: every POSTGRES_URL has sslmode=verify-full and its sslrootcert in a mounted Secret",
     check_postgres_tls),
    (f"{SECURED.name}/: every Secret is in {SECURED_SECRETS.name} (or {BASE_SECRETS.name}) with placeholders only, "
     "and mounted read-only", check_overlay_secrets),
    (f"{SECURED.name}/: no secret in arguments, Flink settings or literal variables", check_no_secret_arguments),
]


def secured_mutations():
    """(check, what, mutate) of broken copies of the overlays (read_overlays) that `check` must reject."""
    kafka, postgres_ca = SECURED / "kafka-client.patch.yaml", SECURED / "postgres-ca.patch.yaml"
    endpoints = SECURED / "trade-lifecycle-endpoints.patch.yaml"
    migrate_ca = SECURED / "migrate" / "postgres-ca.patch.yaml"

    def ops(path, change):
        return lambda secured: change(secured["files"][path])

    def drop(path, test):
        return ops(path, lambda o: o.__setitem__(slice(None), [op for op in o if not test(op)]))

    def volume_mount_of(name):
        return lambda op: "volumeMounts" in op["path"] and dig(op, "value", "name") == name

    yield check_overlay_ops, "an add to a list the pod template lacks", ops(kafka, lambda o: o.append(
        {"op": "add", "path": "/spec/podTemplate/spec/initContainers/-", "value": {"name": "init"}}))
    yield check_overlay_deployments, "a volume added twice", ops(postgres_ca, lambda o: o.append(
        copy.deepcopy(next(op for op in o if op["path"].endswith("/volumes/-")))))
    yield check_kafka_client, f"{KAFKA_CLIENT_CONFIG} not given", drop(
        kafka, lambda op: dig(op, "value", "name") == KAFKA_CLIENT_CONFIG)
    yield check_kafka_client, "the SCRAM password's Secret not mounted", drop(kafka, volume_mount_of("kafka-login"))
    yield check_postgres_tls, "sslmode=require", ops(endpoints, lambda o: [
        op.update(value=op["value"].replace("verify-full", "require"))
        for op in o if op["path"] == "/data/POSTGRES_URL"])
    yield check_postgres_tls, "the migration without the CA", drop(migrate_ca, volume_mount_of("postgres-ca"))
    yield check_overlay_secrets, "a mounted Secret missing from the example", lambda secured: secured.update(secrets=[
        doc for doc in secured["secrets"] if dig(doc, "metadata", "name") != "trade-lifecycle-postgres-ca"])
    yield check_no_secret_arguments, "a password among a job's arguments", ops(kafka, lambda o: o.append(
        {"op": "add", "path": "/spec/job/args/-", "value": f"--postgres.password={SECRET_PLACEHOLDER}"}))


def secured_self_test(secured):
    """(copies tried, failures): each broken copy of the overlays must make its check report an error that the
    overlays as they are do not."""
    failures, tried, found = [], 0, {}
    for check, what, mutate in secured_mutations():
        tried += 1
        if check not in found:
            found[check] = set(check(secured))
        broken = copy.deepcopy(secured)
        try:
            mutate(broken)
        except (KeyError, TypeError, StopIteration, AttributeError) as error:
            failures.append(f"cannot break {SECURED.name}/ with {what}: {error!r} (are the patch files renamed?)")
            continue
        if not set(check(broken)) - found[check]:
            failures.append(f"{check.__name__} accepted {what}")
    return tried, failures


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
        yield check_flink_conf, "a setting unlike flink-conf/", config({"execution.checkpointing.timeout": "1 min"})
        if CHECKPOINT_MIN_PAUSE in dig(doc, "spec", "flinkConfiguration", default={}):
            yield check_flink_conf, "no checkpoint min pause", lambda d: d["spec"]["flinkConfiguration"].pop(
                CHECKPOINT_MIN_PAUSE)
        yield check_flink_conf, "a checkpoint interval Flink does not read", config({CHECKPOINT_INTERVAL: "0.5 s"})
        yield check_flink_conf, "a checkpoint interval under 10 ms", config({CHECKPOINT_INTERVAL: "5 ms"})
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


def kustomization_mutations():
    """(what, file, change) of broken copies of the files kustomization.yaml lists that check_kustomization must
    reject; change(flinkConfiguration) breaks the FlinkDeployment in `file`."""
    kustomization = read_here(KUSTOMIZATION.name)[0]
    flink_files = [name for name in (kustomization.get("resources") or [])
                   + [patch["path"] for patch in kustomization.get("patches") or [] if "path" in patch]
                   if any(doc.get("kind") == "FlinkDeployment" for doc in read_here(name))]
    shared = [name for name in flink_files if name not in (kustomization.get("resources") or [])]
    for name in shared:
        yield f"{name} setting {CHECKPOINT_INTERVAL}", name, lambda c: c.update({CHECKPOINT_INTERVAL: "10 s"})
    own = [name for name in flink_files if name not in shared]
    for name in own:
        config = {key for doc in read_here(name) for key in dig(doc, "spec", "flinkConfiguration", default={})}
        for key in (CHECKPOINT_INTERVAL, CHECKPOINT_MIN_PAUSE):
            if key in config:  # else check_kustomization fails already, on the file as it is
                yield f"{name} without {key}", name, lambda c, key=key: c.pop(key)
    yield f"{own[0]} repeating a shared setting", own[0], lambda c: c.update(
        {"execution.checkpointing.timeout": "5 min"})


def kustomization_self_test(manifests):
    """(copies tried, failures): check_kustomization reads the files, not the rendered documents; each broken copy of
    one file must make it report an error that the files as they are do not."""
    failures, tried, found = [], 0, set(check_kustomization(manifests))
    for what, name, change in kustomization_mutations():
        tried += 1

        def read(file, name=name, change=change):
            docs = copy.deepcopy(read_here(file))
            for doc in docs if file == name else []:
                if doc.get("kind") == "FlinkDeployment":
                    change(doc["spec"]["flinkConfiguration"])
            return docs

        try:
            caught = set(check_kustomization(manifests, read)) - found
        except (KeyError, TypeError, IndexError) as error:
            failures.append(f"cannot break {name} with {what}: {error!r}")
            continue
        if not caught:
            failures.append(f"check_kustomization accepted {what}")
    return tried, failures


def self_test(manifests):
    """{manifest: (copies tried, failures)}: each broken copy must make the check it names report an error that the
    manifests as they are do not. (check_kustomization reads the files, not these documents: kustomization_self_test
    breaks those.)"""
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

    rendered, own = render()
    manifests = rendered + own
    deployments = [doc for doc in manifests if doc.get("kind") == "FlinkDeployment"]
    report(f"{HERE.name}/ renders with kustomize: {len(manifests)} manifests, {len(deployments)} FlinkDeployments",
           [] if deployments else ["no FlinkDeployment"])
    if verbose:
        print("".join(f"        {label(doc)}\n" for doc in manifests), end="")
    for what, (tried, failures) in self_test(manifests).items():
        report(f"self-test: {tried} broken copies of {what} are rejected", failures)
    tried, failures = kustomization_self_test(manifests)
    report(f"self-test: {tried} broken copies of the files {KUSTOMIZATION.name} lists are rejected", failures)
    secured = read_overlays(rendered)
    tried, failures = secured_self_test(secured)
    report(f"self-test: {tried} broken copies of {SECURED.name}/ are rejected", failures)
    tried, failures = monitoring_self_test()
    report(f"self-test: {tried} broken copies of {MONITORING.name}/ are rejected", failures)
    for name, errors in results(manifests):
        report(name, errors)
    for name, check in SECURED_CHECKS:
        report(name, check(secured))
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
