package com.globeco.trading.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Comparator;
import java.util.List;

/**
 * A job's readiness: ready while every dependency it checks is up. Answered as HTTP 200 (ready) or 503 (not ready),
 * with a JSON body naming each dependency's state and, when not ready, the ones that are down:
 * <pre>{"status":"not ready","down":["postgres"],"dependencies":{"kafka":{"up":true,"detail":"1 broker"},...}}</pre>
 */
public record Readiness(List<DependencyState> dependencies) {
    public static final int READY = 200;
    public static final int NOT_READY = 503;
    private static final ObjectMapper JSON = new ObjectMapper();

    public Readiness {
        dependencies = dependencies.stream().sorted(Comparator.comparing(DependencyState::dependency)).toList();
    }

    public boolean ready() {
        return dependencies.stream().allMatch(DependencyState::up);
    }

    /** The dependencies that are down, by name. */
    public List<String> down() {
        return dependencies.stream().filter(state -> !state.up()).map(DependencyState::dependency).toList();
    }

    public int httpStatus() {
        return ready() ? READY : NOT_READY;
    }

    public String json() {
        ObjectNode body = JSON.createObjectNode().put("status", ready() ? "ready" : "not ready");
        body.putArray("down").addAll(down().stream().map(body::textNode).toList());
        ObjectNode each = body.putObject("dependencies");
        dependencies.forEach(state -> each.putObject(state.dependency()).put("up", state.up()).put("detail", state.detail()));
        return body.toString();
    }
}
