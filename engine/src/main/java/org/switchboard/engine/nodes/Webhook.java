package org.switchboard.engine.nodes;

import java.util.Objects;
import java.util.Set;

/**
 * A webhook path a trigger listens on: the path, the property that sets it (where a clash is reported), and the
 * call directions ({@code in}, {@code out}) it takes there. Two triggers clash when they share a path and a
 * direction.
 */
public record Webhook(String path, String propertyKey, Set<String> directions) {

    /** Both directions. */
    public static final Set<String> ANY_DIRECTION = Set.of("in", "out");

    public Webhook {
        Objects.requireNonNull(propertyKey, "propertyKey");
        directions = Set.copyOf(directions);
    }
}
