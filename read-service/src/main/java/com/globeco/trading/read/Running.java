package com.globeco.trading.read;

import com.globeco.trading.read.http.Routes;
import io.javalin.Javalin;

import java.util.List;

/** A started read service: the port it listens on; closing it stops the server, then what it used (Kafka, the pools). */
public final class Running implements AutoCloseable {
    private final Javalin app;
    private final Routes routes;
    private final List<AutoCloseable> resources;

    Running(Javalin app, Routes routes, List<AutoCloseable> resources) {
        this.app = app;
        this.routes = routes;
        this.resources = List.copyOf(resources);
    }

    /** The route table the server was given. */
    public Routes routes() {
        return routes;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            Resources.closeAll(resources);
        }
    }
}
