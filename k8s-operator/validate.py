#!/usr/bin/env python3
"""Checks the Kubernetes manifests in k8s-operator/ before they reach a cluster.

    python3 k8s-operator/validate.py [--crd PATH] [--verbose] [--sync-log-config]

1. Every FlinkDeployment in this folder against the openAPIV3Schema of the Flink Kubernetes Operator's
   FlinkDeployment CRD (1.15): types, required fields, enums, int-or-string, and no unknown fields where the
   schema lists `properties` without `additionalProperties` or `x-kubernetes-preserve-unknown-fields`
   (the API server would drop such fields, or reject them under strict field validation).
2. Project checks that the CRD cannot express: the Flink settings and the log configuration agree with
   flink-conf/, the job arguments are options the job knows, every Secret, ConfigMap, ServiceAccount and
   volume claim that is referenced is defined here, the metrics port is exposed, the images agree.
3. A self-test first: broken copies of the FlinkDeployment must be rejected, so a validator that
   silently accepts everything fails too.

Exit status: 0 when everything passes, 1 when a check fails, 2 when it cannot run (no PyYAML, no CRD).
The CRD is looked for at --crd, $FLINK_DEPLOYMENT_CRD, then shared/reference/crds/ beside the repository.
"""

import argparse
import copy
import os
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
CRD_FILE = "flinkdeployments.flink.apache.org-v1.yml"
CRD_CANDIDATES = [
    REPO.parent / "shared" / "reference" / "crds" / CRD_FILE,
    REPO / "shared" / "reference" / "crds" / CRD_FILE,
]
FLINK_CONFIG = REPO / "flink-conf" / "config.yaml"
LOG_CONFIG = REPO / "flink-conf" / "log4j-console.properties"
LOG_CONFIG_KEY = "log4j-console.properties"
DOCKERFILE = HERE / "Dockerfile"
JAVA_SOURCES = REPO / "jobs" / "src" / "main" / "java"
MAIN_CONTAINER = "flink-main-container"

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

# Schema keywords this validator enforces, and those that do not constrain a manifest's content.
ENFORCED = {
    "type", "properties", "additionalProperties", "items", "enum", "required", "anyOf", "nullable",
    "x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string", "x-kubernetes-embedded-resource",
    "pattern", "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems",
}
DESCRIPTIVE = {
    "description", "default", "format", "example", "title",
    "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-map-type",
}
DNS_LABEL = re.compile(r"^[a-z]([-a-z0-9]*[a-z0-9])?$")


# ---------------------------------------------------------------------------------------------- schema

def unsupported_keywords(schema, path="", found=None):
    """Keywords anywhere in the schema that this validator neither enforces nor may ignore."""
    found = {} if found is None else found
    if not isinstance(schema, dict):
        return found
    for key, sub in schema.items():
        if key not in ENFORCED and key not in DESCRIPTIVE:
            found.setdefault(key, path or "<root>")
        if key == "properties":
            for name, prop in sub.items():
                unsupported_keywords(prop, f"{path}.{name}", found)
        elif key in ("additionalProperties", "items") and isinstance(sub, dict):
            unsupported_keywords(sub, f"{path}[]", found)
        elif key == "anyOf":
            for branch in sub:
                unsupported_keywords(branch, path, found)
    return found


def type_name(value):
    if value is None:
        return "null"
    return {bool: "boolean", int: "integer", float: "number", str: "string",
            list: "array", dict: "object"}.get(type(value), type(value).__name__)


def has_type(value, expected):
    if expected == "object":
        return isinstance(value, dict)
    if expected == "array":
        return isinstance(value, list)
    if expected == "string":
        return isinstance(value, str)
    if expected == "boolean":
        return isinstance(value, bool)
    if expected == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if expected == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    raise ValueError(f"unknown schema type {expected!r}")


def schema_errors(value, schema, path, top_level=False):
    """Errors of `value` against a structural openAPIV3Schema node, as "path: message" strings."""
    errors = []
    if value is None:
        if not schema.get("nullable"):
            errors.append(f"{path}: null is not allowed here (remove the key or give it a value)")
        return errors

    if "anyOf" in schema and not any(not schema_errors(value, branch, path) for branch in schema["anyOf"]):
        allowed = " or ".join(branch.get("type", "?") for branch in schema["anyOf"])
        errors.append(f"{path}: {type_name(value)} {value!r} is not {allowed}")
        return errors
    if schema.get("x-kubernetes-int-or-string"):
        if not (has_type(value, "integer") or isinstance(value, str)):
            errors.append(f"{path}: expected integer or string, got {type_name(value)} {value!r}")
            return errors
    elif "type" in schema and not has_type(value, schema["type"]):
        errors.append(f"{path}: expected {schema['type']}, got {type_name(value)} {value!r}")
        return errors

    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{path}: {value!r} is not one of {schema['enum']}")
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(f"{path}: {value!r} does not match /{schema['pattern']}/")
        if "minLength" in schema and len(value) < schema["minLength"]:
            errors.append(f"{path}: shorter than {schema['minLength']}")
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            errors.append(f"{path}: longer than {schema['maxLength']}")
    if has_type(value, "number"):
        if "minimum" in schema and value < schema["minimum"]:
            errors.append(f"{path}: {value} is below the minimum {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            errors.append(f"{path}: {value} is above the maximum {schema['maximum']}")

    if isinstance(value, list):
        if "minItems" in schema and len(value) < schema["minItems"]:
            errors.append(f"{path}: fewer than {schema['minItems']} items")
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            errors.append(f"{path}: more than {schema['maxItems']} items")
        if "items" in schema:
            for index, item in enumerate(value):
                errors += schema_errors(item, schema["items"], f"{path}[{index}]")

    if isinstance(value, dict):
        properties = schema.get("properties", {})
        additional = schema.get("additionalProperties")
        preserve = schema.get("x-kubernetes-preserve-unknown-fields") is True
        # apiVersion, kind and metadata are always allowed at the top and in embedded resources.
        implicit = {"apiVersion", "kind", "metadata"} if (
            top_level or schema.get("x-kubernetes-embedded-resource")) else set()
        for name in schema.get("required", []):
            if name not in value:
                errors.append(f"{path}: required field {name!r} is missing")
        for key, item in value.items():
            item_path = f"{path}.{key}"
            if not isinstance(key, str):
                errors.append(f"{item_path}: a field name must be a string, got {type_name(key)}")
            elif key in properties:
                errors += schema_errors(item, properties[key], item_path)
            elif isinstance(additional, dict):
                errors += schema_errors(item, additional, item_path)
            elif additional is True or preserve or key in implicit:
                continue
            elif properties:
                near = [name for name in properties if name.lower() == key.lower()]
                hint = f" (did you mean {near[0]!r}?)" if near else ""
                errors.append(f"{item_path}: unknown field{hint}; allowed: {', '.join(sorted(properties))}")
            else:
                errors.append(f"{item_path}: the schema declares no fields here, so the API server drops it")
    return errors


def validate_against_crd(doc, crd):
    """Errors of one FlinkDeployment document against the CRD (its apiVersion picks the version)."""
    group = crd["spec"]["group"]
    kind = crd["spec"]["names"]["kind"]
    versions = {v["name"]: v for v in crd["spec"]["versions"] if v.get("served", True)}
    errors = []
    api_version = doc.get("apiVersion", "")
    version = api_version.split("/", 1)[1] if api_version.startswith(group + "/") else None
    if version not in versions:
        served = ", ".join(f"{group}/{name}" for name in versions)
        return [f".apiVersion: {api_version!r} is not served by the CRD ({served})"]
    if doc.get("kind") != kind:
        errors.append(f".kind: {doc.get('kind')!r} is not {kind!r}")
    metadata = doc.get("metadata")
    if not isinstance(metadata, dict) or not isinstance(metadata.get("name"), str):
        errors.append(".metadata.name: required")
    schema = versions[version]["schema"]["openAPIV3Schema"]
    return errors + schema_errors(doc, schema, "", top_level=True)


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


def known_job_options():
    """The `--name` options the jobs read: settings.get("name", ...) in jobs/src/main/java."""
    names = set()
    for source in JAVA_SOURCES.rglob("*.java"):
        names.update(re.findall(r'settings\.get\(\s*"([^"]+)"', source.read_text(encoding="utf-8")))
    return names


def env_name(option):
    return option.upper().replace(".", "_").replace("-", "_")


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

    mounts = []
    for _, spec in pod_specs(manifest):
        for container in containers(spec):
            if container.get("name") == MAIN_CONTAINER:
                mounts += [m.get("mountPath", "").rstrip("/") for m in container.get("volumeMounts") or []]
    for key in CHECKPOINT_DIR_KEYS + SAVEPOINT_DIR_KEYS + ("high-availability.storageDir",):
        path = file_path(config.get(key))
        if path is not None and not any(path == m or path.startswith(m + "/") for m in mounts if m):
            errors.append(f".spec.flinkConfiguration.{key}: {path} is not on a volume mounted into "
                          f"{MAIN_CONTAINER} (mounts: {mounts or 'none'}); it would be lost with the pod")
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
    else:
        path = jar[len("local://"):]
        copies = [line for line in DOCKERFILE.read_text(encoding="utf-8").splitlines()
                  if re.match(r"\s*(COPY|ADD)\b", line) and line.rstrip().endswith(path)]
        if not copies:
            errors.append(f".spec.job.jarURI: the Dockerfile copies nothing to {path}")
    entry = job.get("entryClass", "")
    if not (JAVA_SOURCES / (entry.replace(".", "/") + ".java")).is_file():
        errors.append(f".spec.job.entryClass: no source for {entry!r} under {JAVA_SOURCES.relative_to(REPO)}")
    return errors


def check_job_arguments(manifest, context):
    args = dig(manifest.doc, "spec", "job", "args", default=[]) or []
    known = context["options"]
    errors = []
    if len(args) % 2:
        errors.append(f".spec.job.args: {len(args)} items; expected --name value pairs")
    for index in range(0, len(args) - 1, 2):
        name = str(args[index])
        if not name.startswith("--"):
            errors.append(f".spec.job.args[{index}]: {name!r} is not a --name")
        elif name[2:] not in known:
            errors.append(f".spec.job.args[{index}]: the jobs read no option {name!r} "
                          f"(known: {', '.join(sorted(known))})")
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


def check_environment_names(manifests, options):
    """ConfigMap keys and env names given to the Flink pods are variables the jobs read."""
    variables = {env_name(option) for option in options}
    errors = []
    flink_config_maps = set()
    for m in manifests:
        if m.kind != "FlinkDeployment":
            continue
        for label, spec in pod_specs(m):
            for container in containers(spec):
                for source in container.get("envFrom") or []:
                    if "configMapRef" in source:
                        flink_config_maps.add(source["configMapRef"].get("name"))
                for variable in container.get("env") or []:
                    if variable.get("name") not in variables and variable.get("valueFrom"):
                        errors.append(f"{m} {label}: env {variable.get('name')} is no variable the jobs read "
                                      f"(known: {', '.join(sorted(variables))})")
    for m in manifests:
        if m.kind == "ConfigMap" and m.name in flink_config_maps:
            for key in m.doc.get("data") or {}:
                if key not in variables:
                    errors.append(f"{m}: key {key} is no variable the jobs read "
                                  f"(known: {', '.join(sorted(variables))})")
    return errors


def check_images_agree(manifests):
    images = {}
    for m in manifests:
        if m.kind == "FlinkDeployment" and dig(m.doc, "spec", "image"):
            images.setdefault(dig(m.doc, "spec", "image"), []).append(f"{m} .spec.image")
        for label, spec in pod_specs(m):
            for container in containers(spec):
                if container.get("image"):
                    images.setdefault(container["image"], []).append(f"{m} {label} {container.get('name')}")
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
    ("CRD schema", None),  # filled in by main with the CRD
    ("flinkConfiguration is a flat map of strings", check_flat_string_config),
    ("flinkConfiguration agrees with flink-conf/config.yaml", check_config_matches_flink_conf),
    ("checkpoint, savepoint and HA settings", check_state_settings),
    ("logConfiguration equals flink-conf/log4j-console.properties", check_log_configuration),
    ("Prometheus reporter port is exposed", check_metrics_exposed),
    ("job jar and entry class exist", check_job_in_image),
    ("job arguments are options the job reads", check_job_arguments),
]


# -------------------------------------------------------------------------------------------- self-test

def set_path(doc, path, value):
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value


MUTATIONS = [
    ("misspelt spec field", ("spec", "jobManger"), {"replicas": 1}),
    ("unknown job field", ("spec", "job", "upgradeMod"), "savepoint"),
    ("upgradeMode outside the enum", ("spec", "job", "upgradeMode"), "savepoints"),
    ("flinkVersion outside the enum", ("spec", "flinkVersion"), "v2_9"),
    ("parallelism as a string", ("spec", "job", "parallelism"), "2"),
    ("an argument that is not a string", ("spec", "job", "args"), ["--execution-service.max-concurrent-calls", 10]),
    ("cpu as a string", ("spec", "taskManager", "resource", "cpu"), "1"),
    ("null image", ("spec", "image"), None),
    ("unknown field in a pod template container", ("spec", "podTemplate", "spec", "containers"),
     [{"name": MAIN_CONTAINER, "envFrom": [{"configMapRefs": {"name": "x"}}]}]),
    ("int-or-string port given as a list", ("spec", "podTemplate", "spec", "containers"),
     [{"name": MAIN_CONTAINER, "livenessProbe": {"httpGet": {"port": [8081]}}}]),
    ("wrong apiVersion", ("apiVersion",), "flink.apache.org/v1"),
    ("field where the schema declares none", ("spec", "podTemplate", "metadata", "managedFields"),
     [{"fieldsV1": {"f:metadata": {}}}]),
]


def self_test(crd, sample):
    """Each broken copy of a valid `sample` must be rejected; the failures, or None if `sample` is invalid."""
    if validate_against_crd(sample, crd):
        return None
    failures = []
    for label, path, value in MUTATIONS:
        broken = copy.deepcopy(sample)
        set_path(broken, path, value)
        if not validate_against_crd(broken, crd):
            failures.append(f"accepted a FlinkDeployment with {label}")
    broken = copy.deepcopy(sample)
    set_path(broken, ("spec", "flinkConfiguration", "taskmanager.numberOfTaskSlots"), 2)
    if not check_flat_string_config(Manifest(Path("self-test"), 0, broken), {}):
        failures.append("accepted a non-string flinkConfiguration value")
    broken = copy.deepcopy(sample)
    set_path(broken, ("spec", "logConfiguration"), {LOG_CONFIG_KEY: "rootLogger.level = INFO\n"})
    if not check_log_configuration(Manifest(Path("self-test"), 0, broken), {}):
        failures.append("accepted a log configuration that differs from flink-conf/")
    return failures


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

def find_crd(explicit):
    candidates = ([Path(explicit)] if explicit else []) + (
        [Path(os.environ["FLINK_DEPLOYMENT_CRD"])] if os.environ.get("FLINK_DEPLOYMENT_CRD") else []
    ) + CRD_CANDIDATES
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    return None


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--crd", help=f"path of {CRD_FILE}")
    parser.add_argument("--verbose", "-v", action="store_true", help="list the documents of every file")
    parser.add_argument("--sync-log-config", action="store_true",
                        help=f"first copy flink-conf/{LOG_CONFIG_KEY} into every FlinkDeployment here")
    args = parser.parse_args(argv)

    if args.sync_log_config:
        for m in load_manifests(HERE)[0]:
            if m.kind == "FlinkDeployment":
                sync_log_configuration(m.path)

    crd_path = find_crd(args.crd)
    if crd_path is None:
        print(f"validate.py: cannot find {CRD_FILE}; looked at "
              + ", ".join(str(p) for p in CRD_CANDIDATES) + " (give --crd or $FLINK_DEPLOYMENT_CRD)",
              file=sys.stderr)
        return 2
    crd = yaml.safe_load(crd_path.read_text(encoding="utf-8"))
    if crd.get("kind") != "CustomResourceDefinition" or crd["spec"]["names"]["kind"] != "FlinkDeployment":
        print(f"validate.py: {crd_path} is not the FlinkDeployment CRD", file=sys.stderr)
        return 2
    versions = ", ".join(v["name"] for v in crd["spec"]["versions"] if v.get("served", True))
    print(f"CRD: {crd_path} (served: {versions})")

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

    for version in crd["spec"]["versions"]:
        unknown = unsupported_keywords(version["schema"]["openAPIV3Schema"])
        report(f"CRD {version['name']}: uses only schema keywords this validator enforces",
               [f"{key} (first at {where})" for key, where in sorted(unknown.items())])

    manifests, load_errors = load_manifests(HERE)
    report(f"{HERE.name}/*.yaml parse", load_errors)
    if args.verbose:
        for m in manifests:
            print(f"        {m}")
    deployments = [m for m in manifests if m.kind == "FlinkDeployment"]
    report("at least one FlinkDeployment", [] if deployments else [f"none in {HERE}"])

    if deployments:
        failures = self_test(crd, deployments[0].doc)
        if failures is None:
            print(f"skip  self-test: {deployments[0]} does not validate itself (below)")
        else:
            report(f"self-test: {len(MUTATIONS) + 2} broken copies of a FlinkDeployment are rejected", failures)

    context = {"options": known_job_options()}
    report("the jobs' options are found in jobs/src/main/java",
           [] if context["options"] else [f"no settings.get(\"...\") under {JAVA_SOURCES}"])
    for m in deployments:
        for name, check in DEPLOYMENT_CHECKS:
            errors = validate_against_crd(m.doc, crd) if check is None else check(m, context)
            report(f"{m}: {name}", errors)

    report("referenced Secrets, ConfigMaps, ServiceAccounts, Roles and claims are defined here",
           check_references(manifests))
    report("environment variables are ones the jobs read", check_environment_names(manifests, context["options"]))
    report("the FlinkDeployments and Jobs use one image", check_images_agree(manifests))
    report("metadata: names, one namespace, no secret values", check_metadata(manifests))

    print(f"validate.py: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
