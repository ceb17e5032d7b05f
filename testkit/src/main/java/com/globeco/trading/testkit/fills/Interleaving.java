package com.globeco.trading.testkit.fills;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * Merges the fills of several executions in flight at once: each step emits the next fill of a randomly chosen open
 * execution, so every execution's own fills keep their order while different executions interleave.
 */
public final class Interleaving implements Iterator<String> {

    private final Iterator<GeneratedExecution> source;
    private final int inFlight;
    private final Random random;
    private final List<Iterator<String>> open = new ArrayList<>();

    Interleaving(Iterator<GeneratedExecution> source, int inFlight, Random random) {
        if (inFlight < 1) {
            throw new IllegalArgumentException("at least one execution in flight: " + inFlight);
        }
        this.source = source;
        this.inFlight = inFlight;
        this.random = random;
    }

    /** All fills of all executions, every execution in flight from the start. */
    public static List<String> interleave(List<GeneratedExecution> executions, long seed) {
        Interleaving fills = new Interleaving(executions.iterator(), Math.max(1, executions.size()), new Random(seed));
        List<String> merged = new ArrayList<>();
        fills.forEachRemaining(merged::add);
        return merged;
    }

    @Override
    public boolean hasNext() {
        while (open.size() < inFlight && source.hasNext()) {
            open.add(source.next().fillsJson().iterator());
        }
        return !open.isEmpty();
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int chosen = random.nextInt(open.size());
        Iterator<String> execution = open.get(chosen);
        String fill = execution.next();
        if (!execution.hasNext()) {
            open.remove(chosen);
        }
        return fill;
    }
}
