package com.globeco.trading.read.http;

import io.javalin.Javalin;

import java.util.List;

/** The service's one route table: registered from it, and checked against the OpenAPI document by the tests. */
public final class Routes {
    private final List<Route> table;

    public Routes(List<Route> table) {
        this.table = List.copyOf(table);
    }

    public List<Route> table() {
        return table;
    }

    public void register(Javalin app) {
        table.forEach(route -> app.addHttpHandler(route.method(), route.path(), route.handler()));
    }
}
