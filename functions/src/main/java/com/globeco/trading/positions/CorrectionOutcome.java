package com.globeco.trading.positions;

/** What the coldpath made of a position's backdated trades. */
public enum CorrectionOutcome {
    /** Replayed: the corrected lots replace the provisional ones. */
    CORRECTED,
    /** Not applicable (an impossible history, or the event stream could not be loaded): the position stays provisional. */
    REFUSED
}
