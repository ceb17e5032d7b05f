package com.globeco.trading.operators.sinks;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.Map;

/**
 * A {@link PreparedStatement} that only records the parameters a statement sets on it, so that a row can be kept in a
 * checkpoint and written once the checkpoint completes. The setters our statements use are supported; any other call
 * fails.
 */
final class RecordingStatement {
    private static final Map<String, Integer> TYPES_OF_SETTERS = Map.of(
            "setString", Types.VARCHAR, "setLong", Types.BIGINT, "setInt", Types.INTEGER, "setBoolean", Types.BOOLEAN,
            "setBigDecimal", Types.NUMERIC, "setDate", Types.DATE, "setTimestamp", Types.TIMESTAMP, "setDouble", Types.DOUBLE);

    private RecordingStatement() {}

    /** A statement that adds each parameter set on it to {@code row}. */
    static PreparedStatement into(List<StatementParameter> row) {
        return (PreparedStatement) Proxy.newProxyInstance(RecordingStatement.class.getClassLoader(), new Class<?>[]{PreparedStatement.class},
                (proxy, method, arguments) -> {
                    String name = method.getName();
                    if (name.equals("setNull") && arguments.length == 2) {
                        row.add(new StatementParameter((Integer) arguments[0], null, (Integer) arguments[1]));
                    } else if (name.equals("setObject") && arguments.length == 3 && arguments[2] instanceof Integer sqlType) {
                        row.add(new StatementParameter((Integer) arguments[0], supported(arguments[1]), sqlType));
                    } else if (TYPES_OF_SETTERS.containsKey(name) && arguments.length == 2) {
                        row.add(new StatementParameter((Integer) arguments[0], supported(arguments[1]), TYPES_OF_SETTERS.get(name)));
                    } else if (name.equals("toString")) {
                        return "a statement recording " + row;
                    } else {
                        throw new UnsupportedOperationException("a recorded row cannot " + name);
                    }
                    return null;
                });
    }

    /** Each parameter's value, copied out of any mutable holder. */
    private static Object supported(Object value) {
        if (value == null || value instanceof String || value instanceof Long || value instanceof Integer || value instanceof Boolean
                || value instanceof BigDecimal || value instanceof Double) {
            return value;
        }
        if (value instanceof Timestamp timestamp) {
            Timestamp copy = new Timestamp(timestamp.getTime());
            copy.setNanos(timestamp.getNanos());
            return copy;
        }
        if (value instanceof Date date) {
            return new Date(date.getTime());
        }
        throw new UnsupportedOperationException("a recorded row cannot keep a " + value.getClass().getName());
    }
}
