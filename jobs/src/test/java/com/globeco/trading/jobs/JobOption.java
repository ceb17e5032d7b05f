package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A job option a FlinkDeployment gives explicitly: its {@code --name value} argument, else the variable of
 * flink-main-container of the JobManager, where {@code main()} reads it ({@link JobArguments}). Empty when the manifest
 * leaves it to the job's default.
 */
final class JobOption {
    private JobOption() {
    }

    static Optional<String> given(JsonNode deployment, String option, Manifests manifests) {
        List<String> args = new ArrayList<>();
        deployment.path("spec").path("job").path("args").forEach(arg -> args.add(arg.asText()));
        int flag = args.indexOf("--" + option);
        if (flag >= 0 && flag + 1 < args.size()) {
            return Optional.of(args.get(flag + 1));
        }
        String variable = variableOf(option);
        return Variable.of(FlinkPod.jobManager(deployment).mainContainer(), manifests).stream()
                .filter(given -> given.name().equals(variable)).reduce((first, last) -> last).map(Variable::value);
    }

    private static String variableOf(String option) {
        JobArguments arguments = JobArguments.of();
        arguments.get(option, "");
        return arguments.variables().iterator().next();
    }
}
