package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * A path that outlives the pods and that pods on several nodes share: in flink-main-container of every pod given, one
 * place on one writable claim whose access mode is ReadWriteMany.
 */
final class SharedStorage {
    private SharedStorage() {
    }

    static List<String> errors(String where, List<FlinkPod> pods, String path, Manifests manifests) {
        List<String> errors = new ArrayList<>();
        Set<String> places = new HashSet<>();
        Set<String> claims = new HashSet<>();
        for (FlinkPod pod : pods) {
            Optional<ClaimPath> place = ClaimPath.of(pod.spec(), pod.mainContainer(), path);
            if (place.isEmpty()) {
                errors.add(where + ": in the " + pod + ", " + path + " is on no claim mounted into " + FlinkPod.MAIN_CONTAINER
                        + "; it would be lost with the pod or its node");
            } else if (place.get().readOnly()) {
                errors.add(where + ": " + path + " is mounted read-only in the " + pod);
            }
            place.ifPresent(found -> {
                places.add(found.place());
                claims.add(found.claim());
            });
        }
        if (places.size() > 1) {
            errors.add(where + ": " + path + " is a different place in the pods: " + places);
        }
        for (String claim : claims) {
            JsonNode modes = manifests.find("PersistentVolumeClaim", claim).map(found -> found.path("spec").path("accessModes"))
                    .orElse(MissingNode.getInstance());
            if (StreamSupport.stream(modes.spliterator(), false).noneMatch(mode -> mode.asText().equals("ReadWriteMany"))) {
                errors.add(where + ": claim " + claim + " is " + modes + ", not ReadWriteMany");
            }
        }
        return errors;
    }
}
