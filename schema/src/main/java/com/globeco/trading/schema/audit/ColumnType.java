package com.globeco.trading.schema.audit;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The type of a column's values, from the database's type of the column, and how a value is read and written as text:
 * a number as a {@link BigDecimal}, an instant ({@code timestamptz}) as an {@link java.time.Instant} (ISO-8601 in UTC),
 * a date as a {@link LocalDate}, JSON as its text. A value is null when the database's is.
 */
public enum ColumnType {
    TEXT {
        @Override
        Object read(ResultSet rows, int column) throws SQLException {
            return rows.getString(column);
        }
    },
    NUMBER {
        @Override
        Object read(ResultSet rows, int column) throws SQLException {
            return rows.getBigDecimal(column);
        }

        @Override
        String text(Object value) {
            return value == null ? "" : ((BigDecimal) value).toPlainString();
        }
    },
    BOOLEAN {
        @Override
        Object read(ResultSet rows, int column) throws SQLException {
            boolean value = rows.getBoolean(column);
            return rows.wasNull() ? null : value;
        }
    },
    INSTANT {
        @Override
        Object read(ResultSet rows, int column) throws SQLException {
            OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }
    },
    DATE {
        @Override
        Object read(ResultSet rows, int column) throws SQLException {
            return rows.getObject(column, LocalDate.class);
        }
    },
    JSON {
        @Override
        Object read(ResultSet rows, int column) throws SQLException {
            return rows.getString(column);
        }
    };

    /** The type of a column the database names so ({@code ResultSetMetaData.getColumnTypeName}); text for any other. */
    static ColumnType ofDatabaseType(String name) {
        switch (name) {
            case "int2":
            case "int4":
            case "int8":
            case "numeric":
                return NUMBER;
            case "bool":
                return BOOLEAN;
            case "timestamptz":
                return INSTANT;
            case "date":
                return DATE;
            case "json":
            case "jsonb":
                return JSON;
            default:
                return TEXT;
        }
    }

    /** The value of this type in the current row's {@code column} (from 1). */
    abstract Object read(ResultSet rows, int column) throws SQLException;

    /** A value of this type as text: ISO-8601 for instants and dates, plain digits for numbers, empty for null. */
    String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
