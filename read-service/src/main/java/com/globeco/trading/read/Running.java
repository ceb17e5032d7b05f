package com.globeco.trading.read;

import com.globeco.trading.read.http.Routes;
import io.javalin.Javalin;

/** A started read service: the port it listens on; closing it stops the server, then the pools. */
public final class Running implements AutoCloseable {
    private final Javalin app;
    private final Databases databases;
    private final Routes routes;

    Running(Javalin app, Databases databases, Routes routes) {
        this.app = app;
        this.databases = databases;
        this.routes = routes;
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
            databases.close();
        }
    }
}
