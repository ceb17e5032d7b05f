#!/usr/bin/env python3
"""Checks the Kubernetes manifests in k8s-operator/ for what neither the CRD nor the jobs can check.

    python3 k8s-operator/validate.py [--verbose] [--sync-log-config]

The FlinkDeployments against the operator's CRD are checked by a JSON-schema library in
jobs/.../FlinkDeploymentSchemaTest, and their job arguments by each job's own Options in
jobs/.../JobArgumentsTest (both in `mvn verify`). This script keeps the project checks: the Flink settings
and the log configuration agree with flink-conf/, the job's environment variables are options it reads
(each given once), the JobManager and TaskManager pods merged from the pod templates as the operator merges
them keep their volumes, state and shared output directories (allocation.output-dir) are on shared storage,
every Secret, ConfigMap, ServiceAccount and volume claim that is referenced is defined here, the metrics port
is exposed, the images agree, and the Portfolio Accounting dispatcher Deployment runs once, on the allocation
job's files. Values marked PLACEHOLDER are listed, not failed. A self-test first: broken copies of each
FlinkDeployment and of the dispatcher must be rejected, so a check that silently accepts everything fails too.

Exit status: 0 when everything passes, 1 when a check fails, 2 when it cannot run (no PyYAML).
"""

import argparse
import copy
import re
import sys
from pathlib import Path

try:
    import yaml
except ImportError:  # pragma: no cover - depends on the machine
    print("validate.py needs PyYAML: pip install pyyaml (or apt-get install python3-yaml)", file=sys.stderr)
    sys.exit(2)

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
FLINK_CONFIG = REPO / "flink-conf" / "config.yaml"
LOG_CONFIG = REPO / "flink-conf" / "log4j-console.properties"
LOG_CONFIG_KEY = "log4j-console.properties"
DOCKERFILE = HERE / "Dockerfile"
JAVA_SOURCES = REPO / "jobs" / "src" / "main" / "java"
MAIN_CONTAINER = "flink-main-container"
# How the operator merges spec.jobManager/taskManager.podTemplate into spec.podTemplate: lists by position
# (its default), or by the `name` of their items when this is "true".
MERGE_BY_NAME = "kubernetes.operator.pod-template.merge-arrays-by-name"
# Options naming a directory that a job's TaskManagers write and other pods read (Flink's FileSink): it must
# be on a ReadWriteMany claim mounted into every TaskManager.
SHARED_DIRECTORY_OPTIONS = ("allocation.output-dir",)
# The Portfolio Accounting dispatcher (a plain JVM in the project image) and the job whose files it sends.
DISPATCHER_CLASS = "com.globeco.trading.jobs.accounting.PortfolioAccountingDispatcher"
DISPATCHER_DIRECTORY_OPTION = "allocation.output-dir"
# The shaded job jar has no SLF4J or log4j; outside Flink they come from the image's lib/.
FLINK_LIB_CLASSPATH = "/opt/flink/lib/*"
# Images of other projects that may run beside the project image (repository, without the tag).
FOREIGN_IMAGES = {
    "globeco/globeco-portfolio-accounting-service-cli": "the Portfolio Accounting CLI",
}
# Marks a value in the manifests that must be filled in before applying (listed, not failed).
PLACEHOLDER = "PLACEHOLDER"

# flink-conf/config.yaml keys that the operator sets from spec fields; the spec must carry the same value.
SPEC_MANAGED = {
    "jobmanager.memory.process.size": ("jobManager", "resource", "memory"),
    "taskmanager.memory.process.size": ("taskManager", "resource", "memory"),
    "parallelism.default": ("job", "parallelism"),
}
# flink-conf/config.yaml keys whose value differs per environment: present, but free to differ.
PER_ENVIRONMENT = {
    "execution.checkpointing.dir",
    "execution.checkpointing.savepoint-dir",
}
SAVEPOINT_DIR_KEYS = ("execution.checkpointing.savepoint-dir", "state.savepoints.dir")
CHECKPOINT_DIR_KEYS = ("execution.checkpointing.dir", "state.checkpoints.dir")

DNS_LABEL = re.compile(r"^[a-z]([-a-z0-9]*[a-z0-9])?$")


def type_name(value):
    if value is None:
        return "null"
    return {bool: "boolean", int: "integer", float: "number", str: "string",
            list: "array", dict: "object"}.get(type(value), type(value).__name__)


# --------------------------------------------------------------------------------------- manifests

class Manifest:
    def __init__(self, path, index, doc):
        self.path, self.index, self.doc = path, index, doc

    @property
    def kind(self):
        return self.doc.get("kind")

    @property
    def name(self):
        return (self.doc.get("metadata") or {}).get("name")

    def __str__(self):
        return f"{self.path.name}: {self.kind}/{self.name}"


def load_manifests(folder):
    manifests, errors = [], []
    for path in sorted(list(folder.glob("*.yaml")) + list(folder.glob("*.yml"))):
        try:
            docs = list(yaml.safe_load_all(path.read_text(encoding="utf-8")))
        except yaml.YAMLError as error:
            errors.append(f"{path.name}: not valid YAML: {error}")
            continue
        for index, doc in enumerate(docs):
            if doc is None:
                continue
            if not isinstance(doc, dict):
                errors.append(f"{path.name} document {index}: not a mapping")
                continue
            manifests.append(Manifest(path, index, doc))
    return manifests, errors


def dig(data, *keys, default=None):
    for key in keys:
        if isinstance(data, dict) and key in data:
            data = data[key]
        elif isinstance(data, list) and isinstance(key, int) and -len(data) <= key < len(data):
            data = data[key]
        else:
            return default
    return data


def pod_specs(manifest):
    """(label, pod spec) of every pod template a manifest defines."""
    doc = manifest.doc
    if manifest.kind == "FlinkDeployment":
        for label, keys in (("podTemplate", ("spec", "podTemplate", "spec")),
                            ("jobManager.podTemplate", ("spec", "jobManager", "podTemplate", "spec")),
                            ("taskManager.podTemplate", ("spec", "taskManager", "podTemplate", "spec"))):
            spec = dig(doc, *keys)
            if isinstance(spec, dict):
                yield label, spec
    elif manifest.kind in ("Job", "Deployment", "StatefulSet", "DaemonSet"):
        spec = dig(doc, "spec", "template", "spec")
        if isinstance(spec, dict):
            yield "template", spec
    elif manifest.kind == "CronJob":
        spec = dig(doc, "spec", "jobTemplate", "spec", "template", "spec")
        if isinstance(spec, dict):
            yield "jobTemplate", spec
    elif manifest.kind == "Pod":
        yield "pod", doc.get("spec") or {}


def containers(pod_spec):
    return (pod_spec.get("initContainers") or []) + (pod_spec.get("containers") or [])


def flatten(data, prefix=""):
    """Flink's nested config.yaml as the flat keys the operator takes."""
    flat = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, name + "."))
        else:
            flat[name] = value
    return flat


def config_string(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(config_string(item) for item in value)
    return str(value)


def file_path(uri):
    return uri[len("file://"):] if isinstance(uri, str) and uri.startswith("file://") else None


# settings.get("name", "default") in an options class, or get("name", ...) inside JobArguments itself
SETTING = re.compile(r'(?:settings\.|(?<![.\w]))get\(\s*"([^"]+)"(?:\s*,\s*("[^"]*")\s*\))?')


def java_settings(text):
    """{option: default} of every settings.get("name", "default") in a source text (None: no literal)."""
    return {name: default[1:-1] if default else None for name, default in SETTING.findall(text)}


def known_job_options():
    """The `--name` options the jobs read: settings.get("name", ...) in jobs/src/main/java."""
    names = set()
    for source in JAVA_SOURCES.rglob("*.java"):
        names.update(java_settings(source.read_text(encoding="utf-8")))
    return names


def job_options(entry_class):
    """{option: default} of one job: settings.get(...) in its entry class and in the classes of
    jobs/src/main/java that it names, directly or through those (FillConfirmationJob ->
    FillConfirmationOptions -> JobArguments)."""
    if not isinstance(entry_class, str) or not entry_class:
        return {}
    source = JAVA_SOURCES / (entry_class.replace(".", "/") + ".java")
    if not source.is_file():
        return {}
    text = source.read_text(encoding="utf-8")
    by_name = {}
    for path in JAVA_SOURCES.rglob("*.java"):
        by_name.setdefault(path.stem, []).append(path)
    options = {}
    seen = {source}
    pending = [source]
    while pending:
        current = pending.pop()
        current_text = current.read_text(encoding="utf-8")
        options.update(java_settings(current_text))
        for word in sorted(set(re.findall(r"\b[A-Z][A-Za-z0-9_]*\b", current_text))):
            for path in by_name.get(word, []):
                if path not in seen:
                    seen.add(path)
                    pending.append(path)
    return options


def options_of(manifest):
    return job_options(dig(manifest.doc, "spec", "job", "entryClass"))


def env_name(option):
    return option.upper().replace(".", "_").replace("-", "_")


def merge_template(base, override, by_name):
    """spec.<role>.podTemplate (override) merged into spec.podTemplate (base) as the operator documents it:
    maps key by key (the override's scalars win), lists item by item at the same position, or, by name,
    items with the same `name` merged and the others appended."""
    if base is None:
        return copy.deepcopy(override)
    if override is None:
        return copy.deepcopy(base)
    if isinstance(base, dict) and isinstance(override, dict):
        merged = copy.deepcopy(base)
        for key, value in override.items():
            merged[key] = merge_template(base.get(key), value, by_name)
        return merged
    if isinstance(base, list) and isinstance(override, list):
        if not by_name:
            merged = [merge_template(old, new, by_name) for old, new in zip(base, override)]
            return merged + copy.deepcopy(base[len(override):]) + copy.deepcopy(override[len(base):])
        merged = copy.deepcopy(base)
        for item in override:
            name = item.get("name") if isinstance(item, dict) else None
            at = next((index for index, old in enumerate(merged) if name is not None
                       and isinstance(old, dict) and old.get("name") == name), None)
            if at is None:
                merged.append(copy.deepcopy(item))
            else:
                merged[at] = merge_template(merged[at], item, by_name)
        return merged
    return copy.deepcopy(override)


def merges_by_name(manifest):
    value = dig(manifest.doc, "spec", "flinkConfiguration", MERGE_BY_NAME, default="false")
    return config_string(value).strip().lower() == "true"


def role_pods(manifest):
    """{"jobManager": pod spec, "taskManager": pod spec} of a FlinkDeployment, its templates merged."""
    spec = manifest.doc.get("spec") or {}
    pods = {}
    for role in ("jobManager", "taskManager"):
        merged = merge_template(spec.get("podTemplate"), dig(spec, role, "podTemplate"), merges_by_name(manifest))
        pods[role] = dig(merged, "spec", default=None) or {}
    return pods


def main_container(pod_spec):
    return next((c for c in pod_spec.get("containers") or [] if c.get("name") == MAIN_CONTAINER), {})


def mount_of(container, path):
    """The volumeMount of `container` that holds `path` (the deepest one), or None."""
    best, best_root = None, ""
    for mount in container.get("volumeMounts") or []:
        root = str(mount.get("mountPath", "")).rstrip("/")
        if root and (path == root or path.startswith(root + "/")) and len(root) > len(best_root):
            best, best_root = mount, root
    return best


def volume_of(pod_spec, mount):
    return next((v for v in pod_spec.get("volumes") or [] if v.get("name") == (mount or {}).get("name")), None)


# Volumes that live and die with the pod (or stay on one node): no place for state or shared files.
POD_LOCAL_VOLUMES = ("emptyDir", "ephemeral", "hostPath", "configMap", "secret", "downwardAPI", "projected")


def storage_location(pod_spec, container, path):
    """Where `path` of `container` is kept: ((storage, path inside it), volumeMount), storage being
    ("claim", name), ("nfs", "server:path") or (volume type, volume name); or (None, why not shared)."""
    mount = mount_of(container, path)
    if mount is None:
        mounts = [m.get("mountPath") for m in container.get("volumeMounts") or []]
        return None, f"{path} is on no volume mounted into {container.get('name')} (mounts: {mounts or 'none'})"
    volume = volume_of(pod_spec, mount) or {}
    kind = next((key for key in volume if key != "name"), "undefined")
    if kind in POD_LOCAL_VOLUMES:
        return None, f"{path} is on the {kind} volume {mount.get('name')!r}, which is local to the pod or its node"
    if kind == "persistentVolumeClaim":
        storage = ("claim", dig(volume, "persistentVolumeClaim", "claimName"))
    elif kind == "nfs":
        storage = ("nfs", f"{dig(volume, 'nfs', 'server')}:{dig(volume, 'nfs', 'path')}")
    else:
        storage = (kind, mount.get("name"))
    inside = path[len(str(mount["mountPath"]).rstrip("/")):].strip("/")
    parts = [part for part in (str(mount.get("subPath") or "").strip("/"), inside) if part]
    return (storage, "/" + "/".join(parts)), mount


def describe(location):
    (kind, name), inside = location
    return f"{kind} {name!r} at {inside}"


def shared_claim_errors(where, storage, manifests):
    """A claim that pods on several nodes write must be ReadWriteMany (when it is defined here)."""
    kind, claim = storage
    for m in manifests:
        if kind == "claim" and m.kind == "PersistentVolumeClaim" and m.name == claim:
            modes = dig(m.doc, "spec", "accessModes", default=[]) or []
            if "ReadWriteMany" not in modes:
                return [f"{where}: claim {claim!r} is {modes}, not ReadWriteMany; pods on other nodes cannot "
                        "mount it"]
    return []


def option_value(manifest, option, context):
    """(value, where from) of a job option as the JobManager's main() reads it: the argument, else the
    variable of flink-main-container (env before envFrom), else the job's default."""
    args = [str(arg) for arg in dig(manifest.doc, "spec", "job", "args", default=[]) or []]
    flag = "--" + option
    if flag in args and args.index(flag) + 1 < len(args):
        return args[args.index(flag) + 1], f"argument {flag}"
    variable = env_name(option)
    data_of = {m.name: m.doc.get("data") or {} for m in context.get("manifests", []) if m.kind == "ConfigMap"}
    container = main_container(role_pods(manifest)["jobManager"])
    for entry in container.get("env") or []:
        if entry.get("name") != variable:
            continue
        ref = dig(entry, "valueFrom", "configMapKeyRef")
        if ref:
            return data_of.get(ref.get("name"), {}).get(ref.get("key")), \
                f"env {variable} (ConfigMap {ref.get('name')})"
        if entry.get("valueFrom"):
            return None, f"env {variable} ({', '.join(entry['valueFrom'])})"
        return entry.get("value"), f"env {variable}"
    for source in container.get("envFrom") or []:
        name = dig(source, "configMapRef", "name")
        prefix = source.get("prefix") or ""
        for key, value in data_of.get(name, {}).items():
            if prefix + key == variable:
                return value, f"ConfigMap {name}"
    return options_of(manifest).get(option), "the job's default"


def dockerfile_copies(path):
    """Whether the Dockerfile copies (COPY or ADD) something to `path` in the image."""
    return any(re.match(r"\s*(COPY|ADD)\b", line) and line.rstrip().endswith(path)
               for line in DOCKERFILE.read_text(encoding="utf-8").splitlines())


# ----------------------------------------------------------------------------------- project checks

def check_flat_string_config(manifest, context):
    config = dig(manifest.doc, "spec", "flinkConfiguration", default={})
    errors = []
    if not isinstance(config, dict):
        return [".spec.flinkConfiguration: expected a map"]
    for key, value in config.items():
        if not isinstance(value, str):
            errors.append(f".spec.flinkConfiguration.{key}: write the value as a string "
                          f"(quote it), got {type_name(value)} {value!r}")
    return errors


def check_config_matches_flink_conf(manifest, context):
    config = dig(manifest.doc, "spec", "flinkConfiguration", default={}) or {}
    shared = flatten(yaml.safe_load(FLINK_CONFIG.read_text(encoding="utf-8")) or {})
    errors = []
    for key, expected in sorted(shared.items()):
        expected = config_string(expected)
        if key in SPEC_MANAGED:
            spec_value = dig(manifest.doc, "spec", *SPEC_MANAGED[key])
            where = ".spec." + ".".join(SPEC_MANAGED[key])
            if config_string(spec_value) != expected:
                errors.append(f"{where}: {spec_value!r}, but {FLINK_CONFIG.name} has {key}: {expected}")
            if key in config:
                errors.append(f".spec.flinkConfiguration.{key}: the operator sets it from {where}; remove it")
        elif key not in config:
            errors.append(f".spec.flinkConfiguration.{key}: missing ({FLINK_CONFIG.name} has {expected!r})")
        elif key not in PER_ENVIRONMENT and config_string(config[key]) != expected:
            errors.append(f".spec.flinkConfiguration.{key}: {config[key]!r}, "
                          f"but {FLINK_CONFIG.name} has {expected!r}")
    return errors


def check_state_settings(manifest, context):
    """What the upgrade mode and HA need, and that file:// state directories are on a mounted volume."""
    doc = manifest.doc
    config = dig(doc, "spec", "flinkConfiguration", default={}) or {}
    mode = dig(doc, "spec", "job", "upgradeMode", default="stateless")
    errors = []
    if mode in ("savepoint", "last-state") and not any(config.get(key) for key in SAVEPOINT_DIR_KEYS):
        errors.append(f".spec.job.upgradeMode {mode} needs {SAVEPOINT_DIR_KEYS[0]}")
    if mode in ("savepoint", "last-state") and not any(config.get(key) for key in CHECKPOINT_DIR_KEYS):
        errors.append(f".spec.job.upgradeMode {mode} needs {CHECKPOINT_DIR_KEYS[0]}")
    if config.get("high-availability.type") != "kubernetes":
        errors.append(".spec.flinkConfiguration.high-availability.type: expected kubernetes "
                      "(last-state upgrades and the savepoint mode's fallback need it)")
    elif not config.get("high-availability.storageDir"):
        errors.append(".spec.flinkConfiguration.high-availability.storageDir: required with Kubernetes HA")

    # The JobManager and every TaskManager write there: the same claim in both pods, shared across nodes.
    for key in CHECKPOINT_DIR_KEYS + SAVEPOINT_DIR_KEYS + ("high-availability.storageDir",):
        path = file_path(config.get(key))
        if path is None:
            continue
        locations = {}
        for role, pod in role_pods(manifest).items():
            location, detail = storage_location(pod, main_container(pod) or {"name": MAIN_CONTAINER}, path)
            if location is None:
                errors.append(f".spec.flinkConfiguration.{key}: in the {role} pod, {detail}; "
                              "it would be lost with the pod")
            else:
                locations[role] = location
        if len(set(locations.values())) > 1:
            errors.append(f".spec.flinkConfiguration.{key}: {path} is a different place in the two pods: "
                          + ", ".join(f"{role} {describe(location)}" for role, location in locations.items()))
        for storage in sorted({storage for storage, _ in locations.values()}):
            errors += shared_claim_errors(f".spec.flinkConfiguration.{key}", storage, context.get("manifests", []))
    return errors


def check_merged_pods(manifest, context):
    """The JobManager and TaskManager pods the operator builds from the templates are consistent."""
    errors = []
    spec = manifest.doc.get("spec") or {}
    common = dig(spec, "podTemplate", "spec", default={}) or {}
    hint = "" if merges_by_name(manifest) else (
        f" (lists are merged by position unless {MERGE_BY_NAME} is \"true\", so an item at the same position in "
        "spec.podTemplate is replaced)")
    for role, pod in role_pods(manifest).items():
        if not dig(spec, role, "podTemplate"):
            continue
        where = f".spec.{role}.podTemplate merged into .spec.podTemplate"
        names = [volume.get("name") for volume in pod.get("volumes") or []]
        for name in sorted({name for name in names if names.count(name) > 1}):
            errors.append(f"{where}: volume {name!r} is defined twice")
        for volume in common.get("volumes") or []:
            if volume.get("name") not in names:
                errors.append(f"{where}: volume {volume.get('name')!r} of .spec.podTemplate is lost{hint}")
        for container in containers(pod):
            paths = []
            for mount in container.get("volumeMounts") or []:
                paths.append(str(mount.get("mountPath", "")).rstrip("/"))
                if mount.get("name") not in names:
                    errors.append(f"{where}: container {container.get('name')} mounts volume {mount.get('name')!r} "
                                  f"at {mount.get('mountPath')}, which the pod does not define{hint}")
            for path in sorted({path for path in paths if paths.count(path) > 1}):
                errors.append(f"{where}: container {container.get('name')} mounts two volumes at {path}")
        for container in containers(common):
            merged = next((c for c in containers(pod) if c.get("name") == container.get("name")), None)
            if merged is None:
                errors.append(f"{where}: container {container.get('name')!r} of .spec.podTemplate is lost{hint}")
                continue
            merged_paths = {str(m.get("mountPath", "")).rstrip("/") for m in merged.get("volumeMounts") or []}
            for mount in container.get("volumeMounts") or []:
                if str(mount.get("mountPath", "")).rstrip("/") not in merged_paths:
                    errors.append(f"{where}: container {container.get('name')} lost its mount at "
                                  f"{mount.get('mountPath')}{hint}")
    return errors


def check_shared_directories(manifest, context):
    """A directory the TaskManagers write for other pods (the FileSink's) is on a ReadWriteMany claim in
    every TaskManager: a failover resumes a lost TaskManager's files elsewhere, and the readers see them."""
    options = options_of(manifest)
    errors = []
    for option in SHARED_DIRECTORY_OPTIONS:
        if option not in options:
            continue
        value, source = option_value(manifest, option, context)
        if not isinstance(value, str) or not value.startswith("/"):
            errors.append(f"{option} ({source}): {value!r} is not an absolute path")
            continue
        pod = role_pods(manifest)["taskManager"]
        container = main_container(pod) or {"name": MAIN_CONTAINER}
        location, detail = storage_location(pod, container, value.rstrip("/") or "/")
        if location is None:
            errors.append(f"{option} ({source}): in the taskManager pod, {detail}; after a failover the "
                          "files in progress would be lost, and no other pod would see the others")
            continue
        if detail.get("readOnly"):
            errors.append(f"{option} ({source}): {value} is mounted read-only into the TaskManagers")
        errors += shared_claim_errors(f"{option} ({source})", location[0], context.get("manifests", []))
    return errors


def check_log_configuration(manifest, context):
    logs = dig(manifest.doc, "spec", "logConfiguration", default={}) or {}
    if LOG_CONFIG_KEY not in logs:
        return [f".spec.logConfiguration.{LOG_CONFIG_KEY}: missing; the operator would use its default "
                f"logging instead of {LOG_CONFIG.relative_to(REPO)}"]
    expected = LOG_CONFIG.read_text(encoding="utf-8").rstrip("\n")
    actual = str(logs[LOG_CONFIG_KEY]).rstrip("\n")
    if actual == expected:
        return []
    expected_lines, actual_lines = expected.split("\n"), actual.split("\n")
    for number, (want, got) in enumerate(zip(expected_lines, actual_lines), start=1):
        if want != got:
            return [f".spec.logConfiguration.{LOG_CONFIG_KEY}: differs from {LOG_CONFIG.relative_to(REPO)} "
                    f"at line {number}: {got!r} instead of {want!r}"]
    return [f".spec.logConfiguration.{LOG_CONFIG_KEY}: {len(actual_lines)} lines, "
            f"{LOG_CONFIG.relative_to(REPO)} has {len(expected_lines)}"]


def check_metrics_exposed(manifest, context):
    doc = manifest.doc
    port = dig(doc, "spec", "flinkConfiguration", "metrics.reporter.prom.port")
    if port is None:
        return [".spec.flinkConfiguration.metrics.reporter.prom.port: missing"]
    errors = []
    annotations = dig(doc, "spec", "podTemplate", "metadata", "annotations", default={}) or {}
    if annotations.get("prometheus.io/scrape") != "true":
        errors.append(".spec.podTemplate.metadata.annotations: prometheus.io/scrape is not \"true\"")
    if annotations.get("prometheus.io/port") != str(port):
        errors.append(f".spec.podTemplate.metadata.annotations: prometheus.io/port is "
                      f"{annotations.get('prometheus.io/port')!r}, the reporter listens on {port}")
    ports = [p for c in dig(doc, "spec", "podTemplate", "spec", "containers", default=[]) or []
             if c.get("name") == MAIN_CONTAINER for p in c.get("ports") or []]
    if not any(p.get("name") == "metrics" and str(p.get("containerPort")) == str(port) for p in ports):
        errors.append(f".spec.podTemplate.spec.containers[{MAIN_CONTAINER}].ports: no port named metrics "
                      f"with containerPort {port} (the PodMonitor scrapes it by name)")
    return errors


def check_job_in_image(manifest, context):
    job = dig(manifest.doc, "spec", "job", default={}) or {}
    errors = []
    jar = job.get("jarURI", "")
    if not jar.startswith("local:///"):
        errors.append(f".spec.job.jarURI: {jar!r} is not a local:/// path in the image")
    elif not dockerfile_copies(jar[len("local://"):]):
        errors.append(f".spec.job.jarURI: the Dockerfile copies nothing to {jar[len('local://'):]}")
    entry = job.get("entryClass", "")
    if not (JAVA_SOURCES / (entry.replace(".", "/") + ".java")).is_file():
        errors.append(f".spec.job.entryClass: no source for {entry!r} under {JAVA_SOURCES.relative_to(REPO)}")
    return errors


def check_references(manifests):
    """Everything a pod refers to is defined in this folder, in the same namespace."""
    defined = {}
    for m in manifests:
        namespace = (m.doc.get("metadata") or {}).get("namespace")
        defined.setdefault((m.kind, m.name), (namespace, m))
    errors = []

    def need(kind, name, where, namespace, key=None):
        if (kind, name) not in defined:
            errors.append(f"{where}: {kind} {name!r} is not defined in {HERE.name}/")
            return
        their_namespace, target = defined[(kind, name)]
        if their_namespace != namespace:
            errors.append(f"{where}: {kind} {name!r} is in namespace {their_namespace!r}, not {namespace!r}")
        if key is not None:
            keys = set((target.doc.get("data") or {})) | set((target.doc.get("stringData") or {}))
            if key not in keys:
                errors.append(f"{where}: {kind} {name!r} has no key {key!r}")

    for m in manifests:
        namespace = (m.doc.get("metadata") or {}).get("namespace")
        if m.kind == "FlinkDeployment":
            account = dig(m.doc, "spec", "serviceAccount")
            if account:
                need("ServiceAccount", account, f"{m} .spec.serviceAccount", namespace)
        if m.kind == "RoleBinding":
            role = m.doc.get("roleRef") or {}
            if role.get("kind") == "Role":
                need("Role", role.get("name"), f"{m} .roleRef", namespace)
            for subject in m.doc.get("subjects") or []:
                if subject.get("kind") == "ServiceAccount":
                    need("ServiceAccount", subject.get("name"), f"{m} .subjects", subject.get("namespace"))
        for label, spec in pod_specs(m):
            for container in containers(spec):
                where = f"{m} {label} container {container.get('name')}"
                for source in container.get("envFrom") or []:
                    if "configMapRef" in source and not source["configMapRef"].get("optional"):
                        need("ConfigMap", source["configMapRef"].get("name"), where, namespace)
                    if "secretRef" in source and not source["secretRef"].get("optional"):
                        need("Secret", source["secretRef"].get("name"), where, namespace)
                for variable in container.get("env") or []:
                    ref = variable.get("valueFrom") or {}
                    for kind, field in (("Secret", "secretKeyRef"), ("ConfigMap", "configMapKeyRef")):
                        if field in ref and not ref[field].get("optional"):
                            need(kind, ref[field].get("name"), f"{where} env {variable.get('name')}",
                                 namespace, ref[field].get("key"))
            for volume in spec.get("volumes") or []:
                claim = dig(volume, "persistentVolumeClaim", "claimName")
                if claim:
                    need("PersistentVolumeClaim", claim, f"{m} {label} volume {volume.get('name')}", namespace)
    return errors


def check_environment(manifest, context):
    """Variables given to the job's pods are ones this job reads (ConfigMap keys and env taken from a
    ConfigMap or Secret), and each reaches flink-main-container from one place only."""
    manifests = context.get("manifests", [])
    data_of = {(m.kind, m.name): set(m.doc.get("data") or {}) | set(m.doc.get("stringData") or {})
               for m in manifests if m.kind in ("ConfigMap", "Secret")}
    variables = {env_name(option) for option in options_of(manifest)}
    known = ", ".join(sorted(variables))
    errors = []
    for label, spec in pod_specs(manifest):
        for container in containers(spec):
            for variable in container.get("env") or []:
                if variable.get("name") not in variables and variable.get("valueFrom"):
                    errors.append(f"{label} container {container.get('name')}: env {variable.get('name')} is no "
                                  f"variable the job reads (known: {known})")
            for source in container.get("envFrom") or []:
                name = dig(source, "configMapRef", "name")
                for key in sorted(data_of.get(("ConfigMap", name), ())):
                    if (source.get("prefix") or "") + key not in variables:
                        errors.append(f"{label} container {container.get('name')}: ConfigMap {name} key {key} is "
                                      f"no variable the job reads (known: {known})")
    # Kubernetes keeps one value of a variable given twice (env over envFrom, the last envFrom over earlier
    # ones) without a word: both jobs read POSTGRES_URL, each must get it from its own ConfigMap only.
    for role, pod in role_pods(manifest).items():
        container = main_container(pod)
        sources = {}
        for source in container.get("envFrom") or []:
            for kind, field in (("ConfigMap", "configMapRef"), ("Secret", "secretRef")):
                name = dig(source, field, "name")
                for key in data_of.get((kind, name), ()):
                    sources.setdefault((source.get("prefix") or "") + key, []).append(f"{kind} {name}")
        for variable in container.get("env") or []:
            sources.setdefault(variable.get("name"), []).append("env")
        for name, where in sorted(sources.items()):
            if len(where) > 1:
                errors.append(f"{role} pod: {name} is given {len(where)} times ({', '.join(where)}); "
                              "Kubernetes silently keeps one")
    return list(dict.fromkeys(errors))


def check_dispatchers(manifests, context):
    """Every Deployment running the Portfolio Accounting dispatcher: one replica at any time, a classpath
    that starts it, the allocation job's files directory, and a CLI that is there to run."""
    errors = []
    jobs = [m for m in manifests if m.kind == "FlinkDeployment" and DISPATCHER_DIRECTORY_OPTION in options_of(m)]
    found = False
    for m in manifests:
        for label, spec in pod_specs(m):
            for container in spec.get("containers") or []:
                line = [str(part) for part in (container.get("command") or []) + (container.get("args") or [])]
                if DISPATCHER_CLASS in line:
                    found = True
                    errors += [f"{m} container {container.get('name')}: {error}"
                               for error in dispatcher_errors(m, spec, container, line, jobs, context)]
    if jobs and not found:
        errors.append(f"{', '.join(str(job) for job in jobs)} writes files that no Deployment here dispatches "
                      f"({DISPATCHER_CLASS})")
    return errors


def dispatcher_errors(manifest, pod, container, line, jobs, context):
    errors = []
    if manifest.kind != "Deployment":
        errors.append(f"runs in a {manifest.kind}; expected a Deployment")
    if dig(manifest.doc, "spec", "replicas", default=1) != 1:
        errors.append(f".spec.replicas: {dig(manifest.doc, 'spec', 'replicas')}; two dispatchers would run the "
                      "CLI twice on the same file")
    if dig(manifest.doc, "spec", "strategy", "type") != "Recreate":
        errors.append(".spec.strategy.type: expected Recreate; a rolling update runs the old and the new "
                      "dispatcher at once")
    if not (JAVA_SOURCES / (DISPATCHER_CLASS.replace(".", "/") + ".java")).is_file():
        errors.append(f"no source for {DISPATCHER_CLASS} under {JAVA_SOURCES.relative_to(REPO)}")

    flags = [index for index, part in enumerate(line) if part in ("-cp", "-classpath", "--class-path")]
    classpath = line[flags[0] + 1].split(":") if flags and flags[0] + 1 < len(line) else []
    if not classpath:
        errors.append("no -cp: java would not find the dispatcher")
    for entry in classpath:
        if entry.endswith(".jar") and not dockerfile_copies(entry):
            errors.append(f"-cp: the Dockerfile copies nothing to {entry}")
    if classpath and FLINK_LIB_CLASSPATH not in classpath:
        errors.append(f"-cp: lacks {FLINK_LIB_CLASSPATH}; the shaded job jar has no SLF4J or log4j")

    rest = line[line.index(DISPATCHER_CLASS) + 1:]
    if len(rest) < 2:
        return errors + ["arguments: expected <directory> <command ...{file}...>"]
    directory, command = rest[0], rest[1:]
    if not any("{file}" in part for part in command):
        errors.append(f"the command {command} does not name the file as {{file}}; the dispatcher refuses it")

    location, detail = storage_location(pod, container, directory.rstrip("/") or "/")
    if location is None:
        errors.append(f"directory: {detail}")
    else:
        if detail.get("readOnly"):
            errors.append(f"directory: {directory} is mounted read-only; the .sent markers are written there")
        for job in jobs:
            value, source = option_value(job, DISPATCHER_DIRECTORY_OPTION, context)
            tm = role_pods(job)["taskManager"]
            written, _ = storage_location(tm, main_container(tm), str(value).rstrip("/") or "/")
            if written is not None and written != location:
                errors.append(f"directory: {directory} is {describe(location)}, but {job} writes its files "
                              f"({DISPATCHER_DIRECTORY_OPTION}, {source}) to {describe(written)}")

    executable = command[0]
    mount = mount_of(container, executable) if executable.startswith("/") else None
    volume = volume_of(pod, mount) if mount else None
    if volume is not None and "emptyDir" in volume:
        writers = [c.get("name") for c in pod.get("initContainers") or []
                   if any(m.get("name") == volume.get("name") and not m.get("readOnly")
                          for m in c.get("volumeMounts") or [])]
        if not writers:
            errors.append(f"the CLI {executable} is on the emptyDir {volume.get('name')!r}, which no init "
                          "container fills")

    for variable in container.get("env") or []:
        if variable.get("name") in ("DISPATCH_POLL_SECONDS", "DISPATCH_TIMEOUT_SECONDS"):
            if not re.fullmatch(r"[1-9][0-9]*", str(variable.get("value"))):
                errors.append(f"env {variable.get('name')}: {variable.get('value')!r} is not a whole number of "
                              "seconds above 0")
    return errors


def placeholders(manifests):
    """Values marked PLACEHOLDER, as "file: path = value"."""
    found = []

    def walk(value, path, m):
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{path}.{key}", m)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{path}[{index}]", m)
        elif isinstance(value, str) and PLACEHOLDER in value:
            found.append(f"{m.path.name}: {path} = {value}")

    for m in manifests:
        walk(m.doc, "", m)
    return found


def image_repository(image):
    name = image.split("@", 1)[0]
    repository, _, tag = name.rpartition(":")
    return repository if repository and "/" not in tag else name


def check_images_agree(manifests):
    """One image for the project (FlinkDeployments, Jobs, the dispatcher), whatever FOREIGN_IMAGES beside it."""
    images = {}
    for m in manifests:
        if m.kind == "FlinkDeployment" and dig(m.doc, "spec", "image"):
            images.setdefault(dig(m.doc, "spec", "image"), []).append(f"{m} .spec.image")
        for label, spec in pod_specs(m):
            for container in containers(spec):
                image = container.get("image")
                if image and image_repository(image) not in FOREIGN_IMAGES:
                    images.setdefault(image, []).append(f"{m} {label} {container.get('name')}")
    if len(images) > 1:
        return ["different images: " + "; ".join(f"{image} in {', '.join(where)}"
                                                  for image, where in sorted(images.items()))]
    return []


def check_metadata(manifests):
    errors = []
    namespaces = {(m.doc.get("metadata") or {}).get("namespace") for m in manifests}
    if len(namespaces) > 1:
        errors.append(f"the manifests use several namespaces: {sorted(map(str, namespaces))}")
    for m in manifests:
        if not m.doc.get("apiVersion") or not m.kind or not m.name:
            errors.append(f"{m.path.name} document {m.index}: needs apiVersion, kind and metadata.name")
        if m.kind == "FlinkDeployment" and m.name and (len(m.name) > 45 or not DNS_LABEL.match(m.name)):
            errors.append(f"{m}: the name is the Flink cluster id: a DNS label of at most 45 characters")
        if m.kind == "Secret":
            for key, value in (m.doc.get("stringData") or {}).items():
                if "CHANGE-ME" not in str(value):
                    errors.append(f"{m}: stringData.{key} should be the placeholder CHANGE-ME, not a value")
            if m.doc.get("data"):
                errors.append(f"{m}: holds data; the example must carry placeholders only (stringData)")
    return errors


DEPLOYMENT_CHECKS = [
    ("flinkConfiguration is a flat map of strings", check_flat_string_config),
    ("flinkConfiguration agrees with flink-conf/config.yaml", check_config_matches_flink_conf),
    ("checkpoint, savepoint and HA settings", check_state_settings),
    ("logConfiguration equals flink-conf/log4j-console.properties", check_log_configuration),
    ("Prometheus reporter port is exposed", check_metrics_exposed),
    ("job jar and entry class exist", check_job_in_image),
    ("environment variables are ones the job reads, each given once", check_environment),
    ("pod templates merge into consistent JobManager and TaskManager pods", check_merged_pods),
    ("shared output directories are on a ReadWriteMany claim in every TaskManager", check_shared_directories),
]


# -------------------------------------------------------------------------------------------- self-test

def set_path(doc, path, value):
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value


def self_test(sample, context):
    """Each broken copy of `sample` must be rejected by a project check: (copies tried, failures). A project
    check must report something the sample itself does not."""
    failures = []
    broken = copy.deepcopy(sample)
    set_path(broken, ("spec", "flinkConfiguration", "taskmanager.numberOfTaskSlots"), 2)
    if not check_flat_string_config(Manifest(Path("self-test"), 0, broken), {}):
        failures.append("accepted a non-string flinkConfiguration value")
    broken = copy.deepcopy(sample)
    set_path(broken, ("spec", "logConfiguration"), {LOG_CONFIG_KEY: "rootLogger.level = INFO\n"})
    if not check_log_configuration(Manifest(Path("self-test"), 0, broken), {}):
        failures.append("accepted a log configuration that differs from flink-conf/")
    own = set(project_errors(sample, context))
    mutations = project_mutations(sample)
    for label, mutate in mutations:
        broken = copy.deepcopy(sample)
        mutate(broken)
        if not set(project_errors(broken, context)) - own:
            failures.append(f"accepted a FlinkDeployment with {label}")
    return 2 + len(mutations), failures


def project_errors(doc, context):
    """The errors of the project checks on one FlinkDeployment document."""
    manifest = Manifest(Path("self-test"), 0, doc)
    return [error for _, check in DEPLOYMENT_CHECKS for error in check(manifest, context)]


def replace_arg(doc, flag, value):
    args = doc["spec"]["job"].setdefault("args", [])
    if flag in args and args.index(flag) + 1 < len(args):
        args[args.index(flag) + 1] = value
    else:
        args += [flag, value]


def project_mutations(sample):
    """(label, mutate) of the broken copies of `sample` that the project checks must reject."""
    manifest = Manifest(Path("self-test"), 0, sample)
    mutations = []
    if file_path(dig(sample, "spec", "flinkConfiguration", "execution.checkpointing.dir")):
        mutations.append(("checkpoints off the mounted volumes", lambda doc: set_path(
            doc, ("spec", "flinkConfiguration", "execution.checkpointing.dir"), "file:///opt/flink/checkpoints")))
    if main_container(dig(sample, "spec", "podTemplate", "spec", default={}) or {}).get("env"):
        def twice(doc):
            env = main_container(doc["spec"]["podTemplate"]["spec"])["env"]
            env.append(copy.deepcopy(env[0]))
        mutations.append(("a variable given twice", twice))
    if dig(sample, "spec", "taskManager", "podTemplate") and merges_by_name(manifest):
        mutations.append(("the TaskManager template merged by list position",
                          lambda doc: doc["spec"]["flinkConfiguration"].pop(MERGE_BY_NAME)))
    for option in SHARED_DIRECTORY_OPTIONS:
        if option in options_of(manifest):
            mutations.append((f"{option} off the shared volume",
                              lambda doc, option=option: replace_arg(doc, "--" + option, "/opt/flink/files")))
    return mutations


def dispatcher_self_test(manifests, context):
    """Broken copies of each dispatcher Deployment must be rejected: (copies tried, failures)."""
    tried, failures = 0, []
    own = set(check_dispatchers(manifests, context))

    def redirect(doc):
        for container in doc["spec"]["template"]["spec"]["containers"]:
            line = [str(part) for part in (container.get("command") or []) + (container.get("args") or [])]
            if DISPATCHER_CLASS in line and line.index(DISPATCHER_CLASS) + 1 < len(line):
                directory = line[line.index(DISPATCHER_CLASS) + 1]
                for field in ("command", "args"):
                    container[field] = ["/srv/files" if part == directory else part
                                        for part in container.get(field) or []]

    mutations = [
        ("two replicas", lambda doc: set_path(doc, ("spec", "replicas"), 2)),
        ("a rolling update", lambda doc: set_path(doc, ("spec", "strategy"), {"type": "RollingUpdate"})),
        ("another directory than the job's files", redirect),
    ]
    for index, m in enumerate(manifests):
        lines = [[str(part) for part in (c.get("command") or []) + (c.get("args") or [])]
                 for c in dig(m.doc, "spec", "template", "spec", "containers", default=[]) or []]
        if m.kind != "Deployment" or not any(DISPATCHER_CLASS in line for line in lines):
            continue
        for label, mutate in mutations:
            tried += 1
            broken = copy.deepcopy(m.doc)
            mutate(broken)
            copies = manifests[:index] + [Manifest(m.path, m.index, broken)] + manifests[index + 1:]
            if not set(check_dispatchers(copies, dict(context, manifests=copies))) - own:
                failures.append(f"accepted {m} with {label}")
    return tried, failures


# ------------------------------------------------------------------------------------- log config sync

def sync_log_configuration(path):
    """Rewrites the `log4j-console.properties: |` block of a FlinkDeployment file from flink-conf/."""
    lines = path.read_text(encoding="utf-8").split("\n")
    header = re.compile(r"^(\s*)" + re.escape(LOG_CONFIG_KEY) + r":\s*\|\s*$")
    starts = [i for i, line in enumerate(lines) if header.match(line)]
    if len(starts) != 1:
        raise SystemExit(f"{path.name}: expected one '{LOG_CONFIG_KEY}: |' block, found {len(starts)}")
    start = starts[0]
    indent = len(header.match(lines[start]).group(1)) + 2
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) >= indent):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():  # blank lines after the block stay
        end -= 1
    content = LOG_CONFIG.read_text(encoding="utf-8").rstrip("\n").split("\n")
    if content[0][:1].isspace():
        raise SystemExit(f"{LOG_CONFIG}: the first line starts with a space; edit {path.name} by hand")
    block = [(" " * indent + line) if line else "" for line in content]
    path.write_text("\n".join(lines[:start + 1] + block + lines[end:]), encoding="utf-8")
    print(f"{path.name}: {LOG_CONFIG_KEY} copied from {LOG_CONFIG.relative_to(REPO)} ({len(content)} lines)")


# ------------------------------------------------------------------------------------------------- main

def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="list the documents of every file")
    parser.add_argument("--sync-log-config", action="store_true",
                        help=f"first copy flink-conf/{LOG_CONFIG_KEY} into every FlinkDeployment here")
    args = parser.parse_args(argv)

    if args.sync_log_config:
        for m in load_manifests(HERE)[0]:
            if m.kind == "FlinkDeployment":
                sync_log_configuration(m.path)

    passed, failed = 0, 0

    def report(name, errors):
        nonlocal passed, failed
        if errors:
            failed += 1
            print(f"FAIL  {name}")
            for error in errors:
                print(f"        {error}")
        else:
            passed += 1
            print(f"ok    {name}")

    manifests, load_errors = load_manifests(HERE)
    report(f"{HERE.name}/*.yaml parse", load_errors)
    if args.verbose:
        for m in manifests:
            print(f"        {m}")
    deployments = [m for m in manifests if m.kind == "FlinkDeployment"]
    report("at least one FlinkDeployment", [] if deployments else [f"none in {HERE}"])

    context = {"options": known_job_options(), "manifests": manifests}
    for m in deployments:
        tried, failures = self_test(m.doc, context)
        report(f"self-test: {tried} broken copies of {m} are rejected", failures)
    tried, failures = dispatcher_self_test(manifests, context)
    if tried:
        report(f"self-test: {tried} broken copies of the dispatcher Deployment are rejected", failures)

    report("the jobs' options are found in jobs/src/main/java",
           [] if context["options"] else [f"no settings.get(\"...\") under {JAVA_SOURCES}"])
    for m in deployments:
        for name, check in DEPLOYMENT_CHECKS:
            report(f"{m}: {name}", check(m, context))

    report("referenced Secrets, ConfigMaps, ServiceAccounts, Roles and claims are defined here",
           check_references(manifests))
    report("the Portfolio Accounting dispatcher runs once, on the allocation job's files",
           check_dispatchers(manifests, context))
    report("the FlinkDeployments, Jobs and the dispatcher use one image (besides "
           + ", ".join(sorted(FOREIGN_IMAGES)) + ")", check_images_agree(manifests))
    report("metadata: names, one namespace, no secret values", check_metadata(manifests))

    todo = placeholders(manifests)
    if todo:
        print(f"note  {len(todo)} {PLACEHOLDER} values to fill in before applying (not a failure):")
        for item in todo:
            print(f"        {item}")
    print(f"validate.py: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
