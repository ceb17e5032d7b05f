package com.globeco.trading.operators.sinks;

import java.io.Serializable;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The global ids of one sink's prepared transactions: {@code <prefix>:<subtask>:<checkpoint>}, where the checkpoint
 * number is one more than the last checkpoint the writer had snapshotted when it prepared, never more than the
 * checkpoint the transaction belongs to. So after a restore from checkpoint {@code n}, a prepared transaction numbered
 * {@code n} or less belongs to a completed checkpoint (the committer's), and one numbered above {@code n} to a checkpoint
 * that never completed (an orphan to roll back). The prefix must be unique to one running job, as a Kafka
 * transactional-id prefix is.
 */
public record TransactionNames(String prefix) implements Serializable {
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]{1,120}");

    public TransactionNames {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("a transaction prefix is 1 to 120 letters, digits, '.', '_' or '-': " + prefix);
        }
    }

    public String gid(int subtask, long checkpoint) {
        return prefix + ":" + subtask + ":" + checkpoint;
    }

    /** The subtask and checkpoint of one of this sink's ids; empty for any other transaction. */
    public Optional<Named> parse(String gid) {
        Matcher named = Pattern.compile(Pattern.quote(prefix) + ":(\\d{1,9}):(\\d{1,18})").matcher(gid);
        return named.matches() ? Optional.of(new Named(Integer.parseInt(named.group(1)), Long.parseLong(named.group(2)))) : Optional.empty();
    }

    /**
     * Whether a restored subtask rolls back this prepared transaction: it belongs to no completed checkpoint (numbered
     * above the restored one, or any when nothing was restored), and to this subtask, or to a subtask that no longer
     * exists at this parallelism and falls to this one.
     */
    public boolean isOrphanOf(Named named, int subtask, int parallelism, OptionalLong restoredCheckpoint) {
        boolean beyondRestored = restoredCheckpoint.isEmpty() || named.checkpoint() > restoredCheckpoint.getAsLong();
        return beyondRestored && named.subtask() % parallelism == subtask;
    }

    /** A parsed id. */
    public record Named(int subtask, long checkpoint) {
    }
}
