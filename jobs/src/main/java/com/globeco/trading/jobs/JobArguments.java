package com.globeco.trading.jobs;

import org.apache.flink.util.ParameterTool;

/** A job's settings: {@code --name value} arguments, else environment variables (upper snake case), else defaults. */
record JobArguments(ParameterTool arguments) {

    static JobArguments of(String... args) {
        return new JobArguments(ParameterTool.fromArgs(args));
    }

    String get(String name, String fallback) {
        if (arguments.has(name)) {
            return arguments.get(name);
        }
        String variable = name.toUpperCase().replace('.', '_').replace('-', '_');
        return System.getenv().getOrDefault(variable, fallback);
    }
}
