package com.globeco.trading.savepoints;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** State rows as JSON: decimals exact and plain, fields in a stable order. */
final class StateJson {
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private StateJson() {}

    static ObjectNode row(String keyField, Object key) {
        ObjectNode row = JSON.createObjectNode();
        row.set(keyField, JSON.valueToTree(key));
        return row;
    }

    static String line(ObjectNode row) {
        try {
            return JSON.writeValueAsString(row);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
