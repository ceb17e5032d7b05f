package com.globeco.trading.read.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/** One entry of the route table: a method, a path (Javalin's {@code {param}} syntax) and its handler. */
public record Route(HandlerType method, String path, Handler handler) {

    public static Route get(String path, Handler handler) {
        return new Route(HandlerType.GET, path, handler);
    }

    public static Route post(String path, Handler handler) {
        return new Route(HandlerType.POST, path, handler);
    }
}
