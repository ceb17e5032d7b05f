package com.globeco.trading.compliance.breaks;

import com.globeco.trading.compliance.breaks.BreakStatus.Mover;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any sequence of requests, valid or not, applied through the workflow: every step taken is an edge of the ticket graph
 * the issue draws (written out here, not read from the code), numbered after the one before; CLOSED takes nothing more;
 * a ticket is resolved exactly while its status says so. And every edge of the graph, and nothing else, is taken by
 * some action from some status reachable from OPEN.
 */
class WorkflowPropertyTest {
    private static final String[] ACTORS = {"alice", "system:position-reconciliation", "", "  ", null};
    private static final String[] NOTES = {"why", "", null};
    private static final String[] ASSIGNEES = {"bob", "", null};

    /** The graph: who may move a ticket from where to where. */
    private static final Set<Edge> GRAPH = Set.of(
            new Edge(BreakStatus.OPEN, BreakStatus.ASSIGNED, Mover.PERSON),
            new Edge(BreakStatus.ASSIGNED, BreakStatus.ASSIGNED, Mover.PERSON),
            new Edge(BreakStatus.ASSIGNED, BreakStatus.INVESTIGATING, Mover.PERSON),
            new Edge(BreakStatus.INVESTIGATING, BreakStatus.RESOLVED, Mover.PERSON),
            new Edge(BreakStatus.OPEN, BreakStatus.RESOLVED, Mover.SYSTEM),
            new Edge(BreakStatus.ASSIGNED, BreakStatus.RESOLVED, Mover.SYSTEM),
            new Edge(BreakStatus.INVESTIGATING, BreakStatus.RESOLVED, Mover.SYSTEM),
            new Edge(BreakStatus.RESOLVED, BreakStatus.CLOSED, Mover.PERSON),
            new Edge(BreakStatus.RESOLVED, BreakStatus.INVESTIGATING, Mover.PERSON));

    record Edge(BreakStatus from, BreakStatus to, Mover mover) {}

    @Property(tries = 2_000)
    void noSequenceOfRequestsLeavesTheGraph(@ForAll("requests") @Size(max = 40) List<StepRequest> requests) {
        BreakTicket ticket = Tickets.opened();
        for (StepRequest request : requests) {
            Decision decision = Workflow.decide(ticket, request);
            if (ticket.status() == BreakStatus.CLOSED) {
                assertThat(decision).as("CLOSED is terminal").isInstanceOf(Decision.Refused.class);
            }
            if (decision instanceof Decision.Allowed allowed) {
                TicketStep step = allowed.step();
                assertThat(step.from()).isEqualTo(ticket.status());
                assertThat(step.stepNo()).isEqualTo(ticket.lastStep() + 1);
                assertThat(step.actor()).isNotBlank();
                if (request.action().keepsStatus()) {
                    assertThat(step.to()).isEqualTo(step.from());
                    assertThat(step.from()).isNotEqualTo(BreakStatus.CLOSED);
                } else {
                    assertThat(GRAPH).as("%s by %s", request.action(), request.action().mover())
                            .contains(new Edge(step.from(), step.to(), request.action().mover()));
                }
                if (request.action() == TicketAction.RESOLVED || request.action() == TicketAction.CLOSED) {
                    assertThat(step.note()).isNotBlank();
                }
                ticket = allowed.ticket();
                assertConsistent(ticket);
            }
        }
    }

    @Test
    void everyEdgeOfTheGraphIsTaken() {
        Set<Edge> taken = new HashSet<>();
        Set<BreakStatus> seen = EnumSet.of(BreakStatus.OPEN);
        Deque<BreakTicket> reached = new ArrayDeque<>(List.of(Tickets.opened()));
        while (!reached.isEmpty()) {
            BreakTicket ticket = reached.poll();
            for (TicketAction action : TicketAction.values()) {
                StepRequest request = new StepRequest(action, "alice", "why", "bob", Tickets.OPENED_AT);
                if (Workflow.decide(ticket, request) instanceof Decision.Allowed allowed && !action.keepsStatus()) {
                    taken.add(new Edge(ticket.status(), allowed.ticket().status(), action.mover()));
                    if (seen.add(allowed.ticket().status())) {
                        reached.add(allowed.ticket());
                    }
                }
            }
        }
        assertThat(taken).isEqualTo(GRAPH);
        assertThat(seen).isEqualTo(EnumSet.allOf(BreakStatus.class));
    }

    private static void assertConsistent(BreakTicket ticket) {
        boolean resolved = EnumSet.of(BreakStatus.RESOLVED, BreakStatus.CLOSED).contains(ticket.status());
        assertThat(ticket.resolution() != null).as("resolution of a %s ticket", ticket.status()).isEqualTo(resolved);
        assertThat(ticket.resolvedAt() != null).isEqualTo(resolved);
        assertThat(ticket.closedAt() != null).isEqualTo(ticket.status() == BreakStatus.CLOSED);
    }

    @Provide
    Arbitrary<List<StepRequest>> requests() {
        return requests(ACTORS, NOTES, ASSIGNEES).list();
    }

    private static Arbitrary<StepRequest> requests(String[] actors, String[] notes, String[] assignees) {
        return Combinators.combine(Arbitraries.of(TicketAction.class), oneOf(actors), oneOf(notes), oneOf(assignees),
                        Arbitraries.longs().between(0, 86_400))
                .as((action, actor, note, assignee, seconds) -> new StepRequest(action, actor, note, assignee,
                        Tickets.OPENED_AT.plusSeconds(seconds)));
    }

    /** One of {@code values}, null included (jqwik's {@code of} takes no null). */
    private static Arbitrary<String> oneOf(String[] values) {
        return Arbitraries.integers().between(0, values.length - 1).map(Arrays.asList(values)::get);
    }
}
